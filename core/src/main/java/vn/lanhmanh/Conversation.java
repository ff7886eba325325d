package vn.lanhmanh;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.lanhmanh.conversation.ConversationMonitor;
import vn.lanhmanh.conversation.Outcome;
import vn.lanhmanh.conversation.Stage;
import vn.lanhmanh.conversation.StageMatcher;
import vn.lanhmanh.internal.FixedList;

/**
 * One chat, watched for grooming across its messages. An adult grooming a child rarely writes one
 * message that is bad on its own: he praises, asks the child's age, school and address, asks whether the
 * parents are home, asks for secrecy, moves to another app, offers game cards, asks for photos, proposes
 * to meet. A conversation scores these <em>stages</em> over a window of recent messages.
 *
 * <pre>{@code
 * Conversation chat = filter.conversation("room-42");
 * ConversationVerdict cv = chat.check(
 *     new Message("m1", Message.Sender.OTHER, "nhớ xóa tin nhắn nhé, đừng nói với ai", Instant.now()),
 *     Policy.forAge(11));
 * cv.verdict().action();   // the message's own verdict, raised when the conversation is high-risk
 * cv.risk();               // the conversation's risk so far, 0.0–1.0
 * cv.stages();             // [secrecy]
 * cv.reasons();            // [Reason[messageId=m1, stage=secrecy, weight=0.6, rule=…]]
 * }</pre>
 *
 * <p><b>Messages.</b> Each message's verdict is {@link ContentFilter#checkText} on its text for the
 * policy given (the protected child's); the child's own messages are checked with
 * {@link Policy#outgoing()}, so personal information the child gives away is found and masked, while the
 * other party's are not searched for it (his <em>asking</em> for it is a stage). In the child's own messages
 * grooming words are her report, echo or answer, not her conduct: their findings are rated P, and with a
 * disclosure cue ("có người nhắn bảo", "con sợ lắm") so are sexual ones; such a message carries
 * {@link Help#ABUSE}, is not blocked for them, and is reported as {@link IncidentListener.Kind#DISCLOSURE}
 * (see {@code ChildWords}). When the conversation's
 * risk after the message is 0.7 or more the action is raised to at least {@link Action#WARN}, at 0.85 or
 * more to {@link Action#BLOCK}; {@link Help#ABUSE} (hotline 111) is attached (unless the message itself
 * needs {@link Help#SELF_HARM}) and a {@code grooming} finding (rule {@code conversation/<stage>} on each
 * stage the message showed, or {@code conversation/grooming} on the whole message) says why. The first
 * message that takes the risk to 0.7 or more is reported to the filter's {@link IncidentListener}, if
 * any, once per crossing. {@link ConversationVerdict#reasons()} names, per stage, the message that raised
 * it and the phrase or concept rule that did.
 *
 * <p><b>Stages.</b> A message is normalised and matched once: the filter's lexicon and the conversation's
 * data are compiled together, so the text findings and the stage signals come from one pass. Stages are
 * recognised two ways, both data files: fixed phrases ({@code stages.tsv}, with a weight and a sender),
 * and stage concepts ({@code concept/stages.tsv}: REQUEST, PHOTO, VIDEO, BODY, UNDRESS, SECRECY, PARENTS,
 * PRIVATE_CHANNEL, GIFT, GAME_CURRENCY, MEETING, PLACE, TIME, AGE, SCHOOL, ADDRESS, ALONE …, shown by their
 * own phrases and by the text concepts linked to them, such as the text's BODY, GIFT or MODELLING) that
 * compose a stage when they co-occur in one message ({@code stage-rules.tsv}, e.g.
 * {@code photos = REQUEST + PHOTO|VIDEO + BODY|INTIMATE}), so a stage is recognised in wordings no phrase
 * lists, with or without diacritics. Stages: rapport, age, school, address, parents (their whereabouts,
 * being alone), secrecy (including deleting messages), channel (moving to another app), gifts (money,
 * game currency), offer (modelling, casting, easy money), sexual, photos (photos, clips, video calls),
 * meeting, threat (sextortion). A phrase or concept near an awareness phrase ({@code phòng chống},
 * {@code kỹ năng tự bảo vệ} …) counts at a quarter of its weight and not towards {@code n} below, so a
 * safety lesson is not an approach; four markers do the same: a safety lesson ({@code lesson}) lowers
 * every stage of the sender who gave it across the window, an innocent reason for a secret ({@code purpose}:
 * a present for a parent, an apology) lowers that sender's secrecy (a bare "surprise" not in a message that
 * also proposes a meeting), and reported speech ({@code report}: "có người nhắn đòi ảnh", "nó bảo đừng nói
 * bố mẹ") lowers every stage of its own message, so a child telling a friend or a parent about a stranger,
 * or a parent quoting him back, is not the stranger's request; and a known parent or grandparent
 * ({@code kin}, said by both sides: the child calls the other party "mẹ ơi", "bà ơi", and the other party
 * speaks as one, "cháu ơi bà …", "con cho mẹ xem") lowers every stage of the other party below 0.85 across
 * the window, so lucky money "đừng nói bố nhé" or a good-night call is family life, while a decisive stage
 * (an undressed picture, a secret meeting alone at night, a threat) stays decisive whoever asks.
 *
 * <p><b>Window.</b> The window holds the last 50 messages sent within 24 hours of the newest one; older
 * messages no longer count.
 *
 * <p><b>Risk.</b> For each stage in the window take its best weight {@code w_s}; let {@code n} be the
 * number of distinct stages shown by the other party (not lowered), {@code o_s} their best weights, and
 * {@code P} the dangerous pairs among them where both weights are at least 0.45 (secrecy+meeting,
 * secrecy+photos, gifts+photos, photos+meeting, sexual+secrecy, sexual+meeting, sexual+photos,
 * channel+photos, offer+photos, offer+secrecy, parents+meeting, parents+photos, address+secrecy,
 * address+meeting). Then
 * <pre>
 *   risk = min(1, max(B(n) · (1 − Π_s (1 − w_s)) + 0.6 · Σ_P min(o_a, o_b),  max{o_s : o_s ≥ 0.85}))
 *   B(0) = B(1) = 0.25, B(2) = 0.5, B(3) = 0.85, B(≥4) = 1
 * </pre>
 * so one ordinary stage alone, or anything the child says about herself, stays below 0.25; several
 * distinct stages from the other party approach 1; and a message whose intent is clear on its own (a
 * request for a revealing photo, undressing on camera, a late-night video call, a hotel room, a
 * sextortion threat: weight 0.85 or more) blocks at once. Parents, teachers and grandparents ask in their
 * own registers ({@code gửi cô xem}, {@code cho bà xem}) that the REQUEST concept does not take; an
 * older sibling ({@code anh … em}) shares the groomer's register, so a sibling chat that touches several
 * stages without a stated innocent reason can score high.
 *
 * <p><b>With the message classifiers</b> ({@link ContentFilter.Builder#withClassifiers()}), each message's
 * calibrated {@code grooming} and {@code sexual_minors} scores feed the risk too. A message's <em>signal</em>
 * {@code g} is the higher of the two; a message without stages is kept in the window when {@code g ≥ 0.05}.
 * With {@code r} the stages' risk above, clamped to [0.01, 0.9], {@code O} and {@code C} the other party's
 * and the child's signals summed with a decay of 0.8 per later message, and {@code N} the newest message's
 * own signal when the other party sent it:
 * <pre>
 *   risk = σ(1.335 · logit(r) + 1.233 · O − 0.432 · N + 3.481 · C − 0.926)
 * </pre>
 * a logistic regression fitted on chats that were then unseen by the stage rules (docs/QUALITY.md,
 * "Conversations with the classifiers"). A stage of weight 0.9 alone still blocks (0.88), one of 0.85 alone
 * warns (0.80) unless the signals add to it; repeated grooming
 * language from the other party raises weak stages; the classifiers' silence lowers several weak stages.
 * The grooming classifier's own finding on a conversation message is rated P (the conversation's risk
 * decides grooming across messages); its other findings and the lexicon's stay as in {@link
 * ContentFilter#checkText}, but for a {@code dating} or {@code social} finding that nothing else in the
 * message supports (a game-room invitation is no social network), a {@code sexual_minors} finding in a
 * message with nothing sexual in it (a question about the child's age or grade is the {@code age} stage, so a
 * grooming chat's first block is the conversation's, category {@code grooming}), and a {@code scam} finding
 * under 0.9 in a message that asks for nothing a scam needs. Without the classifiers the risk is the
 * stages' alone.
 *
 * <p><b>State and threads.</b> Thread-safe. A {@code Conversation} is a light handle: the window lives in
 * the filter, keyed by the conversation id, so two handles with the same id share it. Messages of one
 * conversation may be checked from several threads; each is applied to the window atomically (in the
 * order they reach the window, which is the order of the calls for one thread). The filter keeps at most
 * {@link ContentFilter.Builder#maxConversations(long)} windows and
 * {@link ContentFilter.Builder#maxConversationBytes(long)} bytes of them, and drops a window after
 * {@link ContentFilter.Builder#conversationExpiry(java.time.Duration)} without messages; a dropped
 * conversation starts again from nothing.
 *
 * <p><b>At capacity.</b> Windows are kept in three tiers: no grooming stage in the window, stages with a
 * risk below 0.5, and risk 0.5 or more. Over either budget, the least recently used window of the lowest
 * non-empty tier is dropped, so a flood of new conversations evicts innocent windows and never wipes a
 * groomer's record while any innocent one is kept ({@link ContentFilter#conversationCounts()} counts
 * evictions by tier and expiries). A window keeps at most 128 chars of each message id (longer ids come
 * back cut in {@link ConversationVerdict#evidence()}), at most 64 chars of each phrase as written, and, for
 * a message with more than 22 stage phrases, only the strongest per stage.
 */
public final class Conversation {

  private final ContentFilter filter;
  private final String id;
  /** The id as the text check and incidents take it, made once. */
  private final Optional<String> idRef;
  /** The window this conversation's last message used, so the next one skips the store's lookup. */
  private final ConversationMonitor.Handle window = new ConversationMonitor.Handle();

  Conversation(ContentFilter filter, String id) {
    this.filter = filter;
    this.id = id;
    this.idRef = Optional.of(id);
  }

  /** The conversation's id. */
  public String id() {
    return id;
  }

  /**
   * Checks one message and adds it to the conversation.
   *
   * @param message the message; its sender says whether the protected child wrote it
   * @param policy the protected child's policy
   * @return the message's verdict and the conversation's state after it; never null
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the filter is closed
   */
  public ConversationVerdict check(Message message, Policy policy) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(policy, "policy");
    ConversationMonitor monitor = filter.monitor();
    StageMatcher.Reading stages = monitor.matcher().reading(message.sender() == Message.Sender.CHILD);
    Verdict verdict = text(filter, idRef, message, policy, stages);
    // the window's state after the message, in this thread's own outcome (no object made per message)
    Outcome o = monitor.observeOnThread(window, id, message.id(), message.time(), stages.fromChild(), stages.hits(),
        signal(filter, verdict));
    return verdict(filter, idRef, message, verdict, o);
  }

  /**
   * The first half of {@link #check} and {@link ContentFilter#conversationStep}: the message's own verdict,
   * with its stages read into {@code stages} from the same match (the child's own messages checked as
   * outgoing text), and the reading released, whatever happens, for the thread's next message. The caller
   * then takes the stages ({@link StageMatcher.Reading#hits}), adds the message to its window (the
   * filter's store, or a window the caller holds) and passes the observation to {@link #verdict}.
   */
  static Verdict text(ContentFilter filter, Optional<String> id, Message message, Policy policy,
      StageMatcher.Reading stages) {
    // What the child writes is outgoing: personal information in it is found and masked.
    Policy p = message.sender() == Message.Sender.CHILD ? policy.outgoing() : policy;
    try {
      // One normalisation and one match: the text check reads the message's stages from its own match.
      return filter.check(message.text(), p, id, message.id(), message.time(), stages);
    } finally {
      stages.release();
    }
  }

  /**
   * The message's classifier signal for the conversation's risk: the higher of its calibrated
   * {@code grooming} and {@code sexual_minors} scores when the filter runs the classifiers, NaN otherwise
   * (the risk is then the stages' alone).
   */
  static double signal(ContentFilter filter, Verdict verdict) {
    return filter.runsClassifiers()
        ? ConversationMonitor.signalOf(verdict.score(Category.GROOMING), verdict.score(Category.SEXUAL_MINORS))
        : Double.NaN;
  }

  /**
   * The second half of {@link #check} and {@link ContentFilter#conversationStep}: the message's verdict
   * raised by the conversation's risk after it, and the crossing reported.
   */
  static ConversationVerdict verdict(ContentFilter filter, Optional<String> id, Message message, Verdict verdict,
      Outcome o) {
    // made before the report: a listener that checks a message on this thread overwrites the thread's outcome
    ConversationVerdict cv = new ConversationVerdict(raise(verdict, o.risk(), message.text(), message.id(),
        o.evidence()), o.risk(), o.stages(), o.evidence(), o.reasons());
    if (o.crossedHigh()) {
      filter.report(new IncidentListener.Incident(IncidentListener.Kind.CONVERSATION, id,
          Optional.of(message.id()), cv.risk(), cv.stages(), List.of(), cv.evidence(), message.time()));
    }
    return cv;
  }

  /**
   * Whether a message is an incident: its conversation crossed into high risk, it holds C-tier content, or it
   * is the child's own report of grooming or abuse ({@link IncidentListener.Kind#DISCLOSURE}).
   */
  static boolean incident(Verdict verdict, Outcome o) {
    return o.crossedHigh() || verdict.rating() == Rating.C || ChildWords.told(verdict);
  }

  /** The message's verdict with the action and help a high-risk conversation calls for. */
  static Verdict raise(Verdict v, double risk) {
    return raise(v, risk, "", "", List.of());
  }

  /**
   * The message's verdict with the action, help and finding a high-risk conversation calls for: from
   * {@link ConversationMonitor#HIGH_RISK} the action is at least WARN, from {@link ConversationMonitor#BLOCK_RISK}
   * BLOCK, with {@link Help#ABUSE} and a {@code grooming} finding (rule {@code conversation/<stage>}) on each
   * stage this message showed, or on the whole message (rule {@code conversation/grooming}) when it showed
   * none; its tier is K (the action comes from the risk, not from the tier). Those spans are masked.
   */
  static Verdict raise(Verdict v, double risk, String text, String messageId, List<ConversationVerdict.Evidence> ev) {
    if (risk < ConversationMonitor.HIGH_RISK) {
      return v;
    }
    boolean block = risk >= ConversationMonitor.BLOCK_RISK;
    Action floor = block ? Action.BLOCK : Action.WARN;
    // Tier K, not C: the message's own content is rated by its own findings; a C rating stays the mark of
    // C content in the message itself (an incident), while the conversation's risk sets the action.
    Rating tier = Rating.K;
    Optional<Help> help = v.help().orElse(null) == Help.SELF_HARM ? v.help() : ABUSE;
    // The message's findings, then the added ones, in one array. A window lists its evidence oldest message
    // first, so this message's own comes last: sized at its first piece for the rest of the list, the array
    // is as long as needed unless an older message had the same id or a span replaced another.
    List<Finding> own = v.findings();
    int first = own.size();
    Finding[] findings = null;
    int end = first;
    for (int k = 0, n = ev.size(); k < n; k++) {
      ConversationVerdict.Evidence e = ev.get(k);
      if (e.messageId().equals(messageId) && e.end() <= text.length()) {
        if (findings == null) {
          findings = withOwn(own, n - k);
        }
        String rule = ruleOf(e.stage());
        if (!covered(findings, first, end, rule, e)) {
          // a longer span of the same stage replaces the ones it covers (the others keep their order)
          int kept = first;
          for (int i = first; i < end; i++) {
            Finding f = findings[i];
            if (!(f.rule().equals(rule) && e.start() <= f.start() && f.end() <= e.end())) {
              findings[kept++] = f;
            }
          }
          end = kept;
          findings[end++] = new Finding(Category.GROOMING, Severity.HIGH, tier, rule, e.start(), e.end(), e.match());
        }
      }
    }
    if (findings == null) {
      findings = withOwn(own, 1);
      findings[end++] = new Finding(Category.GROOMING, Severity.HIGH, tier, "conversation/grooming", 0,
          text.length(), text);
    }
    if (end < findings.length) {
      findings = Arrays.copyOf(findings, end);
    }
    String masked = masked(v.redacted(), findings, first, end);
    Arrays.sort(findings, BY_START);   // stable, as List.sort is
    return new Verdict(v.action().max(floor), v.rating().max(tier), FixedList.wrap(findings), masked,
        v.safeUrl(), help, v.errors(), v.scores(), v.notes());
  }

  /**
   * {@code redacted} with the spans of {@code added[from, to)} masked (whitespace kept): {@code redacted} itself
   * when they are masked already (the message's own findings masked them), else a copy.
   */
  private static String masked(String redacted, Finding[] added, int from, int to) {
    for (int k = from; k < to; k++) {
      Finding f = added[k];
      for (int i = f.start(), end = Math.min(f.end(), redacted.length()); i < end; i++) {
        char c = redacted.charAt(i);
        if (c != '*' && !Character.isWhitespace(c)) {
          return maskedCopy(redacted, added, from, to);
        }
      }
    }
    return redacted;
  }

  private static String maskedCopy(String redacted, Finding[] added, int from, int to) {
    char[] masked = redacted.toCharArray();
    for (int k = from; k < to; k++) {
      Finding f = added[k];
      for (int i = f.start(); i < f.end() && i < masked.length; i++) {
        if (!Character.isWhitespace(masked[i])) {
          masked[i] = '*';
        }
      }
    }
    return new String(masked);
  }

  /** An array holding {@code own} and room for {@code more} findings after them. */
  private static Finding[] withOwn(List<Finding> own, int more) {
    Finding[] out = new Finding[own.size() + more];
    for (int i = 0; i < own.size(); i++) {
      out[i] = own.get(i);
    }
    return out;
  }

  /** Whether an added finding ({@code added[from, to)}) of the same stage (rule) already covers this span. */
  private static boolean covered(Finding[] added, int from, int to, String rule, ConversationVerdict.Evidence e) {
    for (int i = from; i < to; i++) {
      Finding f = added[i];
      if (f.rule().equals(rule) && f.start() <= e.start() && e.end() <= f.end()) {
        return true;
      }
    }
    return false;
  }

  private static final Comparator<Finding> BY_START = Comparator.comparingInt(Finding::start);

  /** The help of a raised verdict, unless the message itself needs {@link Help#SELF_HARM}. */
  private static final Optional<Help> ABUSE = Optional.of(Help.ABUSE);

  /** The finding rule of each stage, {@code conversation/<stage>}, made once. */
  private static final Map<String, String> STAGE_RULES = stageRules();

  private static Map<String, String> stageRules() {
    Map<String, String> rules = new HashMap<>();
    for (Stage s : Stage.values()) {
      rules.put(s.jsonName(), "conversation/" + s.jsonName());
    }
    return Map.copyOf(rules);
  }

  /** {@code conversation/<stage>}. */
  private static String ruleOf(String stage) {
    String rule = STAGE_RULES.get(stage);
    return rule != null ? rule : "conversation/" + stage;
  }

  /**
   * Whether the filter keeps a window for this conversation now: false before its first message, and
   * after its window expired or was evicted.
   */
  public boolean kept() {
    return filter.monitor().contains(id);
  }

  @Override
  public String toString() {
    return "Conversation{" + id + "}";
  }
}
