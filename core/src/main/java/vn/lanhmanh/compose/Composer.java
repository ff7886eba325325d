package vn.lanhmanh.compose;

import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.Composition;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.concept.Raise;
import vn.lanhmanh.concept.Register;
import vn.lanhmanh.match.MatchState;

/**
 * Stage 3 of a check: reads the concept hits of each sentence, lowers bare rule findings in sentences of
 * a register (news, history, sport, literature, science, health education), raises them in sentences that
 * offer them for money (pornography or a bet for sale: {@link Raise}) or name a child (a sexual word beside a
 * child is reported as sexual content involving a minor), and adds the findings of the
 * compositions whose concepts meet (within a clause, a sentence, a number of syllables, or the few
 * consecutive sentences of a message).
 *
 * <p>Compiled once into plain arrays; immutable and thread-safe. A sentence costs one pass over its
 * concept hits to build its concept set, and a composition is searched only when its concepts are all in
 * that set; the search is quadratic in the hits of that one sentence, which are few.
 */
public final class Composer {

  /**
   * Concepts that cancel the compositions naming them in {@code unless}, and cap bare findings as registers
   * ({@code registers.tsv}), wherever they stand in the message, not only in their own sentence: a child who tells a parent she refused, blocked or reported, or
   * that she got home and locked the door ({@link Concept#SAFETY_DONE}), tells it in the sentence after the
   * request she reports (twenty-ninth round); a warning against a scam ({@link Concept#SCAM_ALERT}) quotes the
   * scam's words in another sentence than its frame, and a safety lesson ({@link Concept#SAFETY_LESSON}) asks its
   * question and gives its answer in the sentences after the situation it quotes (thirtieth round).
   */
  static final ConceptSet MESSAGE_WIDE = ConceptSet.of(Concept.SAFETY_DONE, Concept.SCAM_ALERT, Concept.SAFETY_LESSON);

  /**
   * The registers of a warning, a lesson or a report that the writer's own exception voids ({@link
   * Concept#SELF_EXCEPTED}: "ai bảo em giữ bí mật là người xấu, nhưng anh thì khác"; "tin nhắn này là chính
   * thức"): in a message that excepts its writer from the warning it gives, they cancel no composition and cap no
   * finding (fifty-second round).
   */
  static final ConceptSet VOIDED_BY_EXCEPTION = ConceptSet.of(Concept.SAFETY_DONE, Concept.SCAM_ALERT,
      Concept.SAFETY_LESSON, Concept.AWARENESS, Concept.CAUTION, Concept.SCAM_WARNING, Concept.CHILD_REPORT);

  private static final ConceptSet EXCEPTION = ConceptSet.of(Concept.SELF_EXCEPTED);

  /**
   * A turn to another matter ({@link Concept#PIVOT}: "Nhân đây, …", "nma thôi kệ, …"): the {@link #MESSAGE_WIDE}
   * registers and the {@link #FRAME} of the sentences before the last one reach only the sentences before it. A
   * police report followed by "Nhân đây, bạn nào cần việc làm thêm … đóng trước 490 nghìn" is no warning about the
   * offer (fifty-seventh round); a warning after the turn still cancels everywhere.
   */
  private static final ConceptSet PIVOT = ConceptSet.of(Concept.PIVOT);

  /**
   * The registers that set the frame of a post of {@link #FRAME_MIN_SENTENCES} sentences or more: a lesson, a report
   * or a story named in one sentence ("Bài Sinh học hôm nay nói về rối loạn ăn uống.", "Bà kể hồi con gái …") caps
   * the bare findings of the sentences after it as it caps its own; C-tier ones only in a post with no way for the
   * reader to act ({@link #CALL_TO_ACT}). It cancels no composition. A sport is no frame: a club's notice may carry
   * a sale ("CLB bóng rổ … anh có hàng đá", fifty-sixth round).
   */
  static final ConceptSet FRAME = ConceptSet.of(Concept.NEWS_POLICE, Concept.HEALTH_EDUCATION, Concept.SCIENCE,
      Concept.AWARENESS, Concept.HISTORY_WAR, Concept.LITERATURE, Concept.ODDS_LESSON);

  /** The fewest sentences of a post whose sentences set the frame of the ones after them ({@link #FRAME}). */
  static final int FRAME_MIN_SENTENCES = 3;

  /**
   * A way for the reader to act: a contact, a group or a private channel to join, a transfer, a login, an offer of
   * a bet, a time or a place to meet. In a post with none of them the frame caps C-tier findings too (a
   * grandmother's tale of a gambler); with one, it caps below tier C only ("… Ai muốn chơi xóc đĩa ăn tiền thì vào
   * nhóm, inbox em", "… Tối nay ai rảnh ra sân sau chơi xóc đĩa ăn tiền nhé").
   */
  static final ConceptSet CALL_TO_ACT = ConceptSet.of(Concept.SALE_CONTACT, Concept.OPEN_CALL,
      Concept.PRIVATE_CHANNEL, Concept.MONEY_TRANSFER, Concept.CREDENTIALS, Concept.FEE, Concept.BET_OFFER,
      Concept.MEETUP);

  /**
   * The rules of a dare or a group ({@link Concept#CHALLENGE}, {@link Concept#DARE_FORFEIT}, {@link
   * Concept#PEER_WATCH}): a register's word inside one ("ai ăn quá 500 calo bị phạt", "báo cáo cho quản trò", "thức
   * tới 4 giờ sáng xem phim kinh dị") is the rule's, not a report's. Registers covered by other concepts stay: "xâm
   * hại tình dục trẻ em" and "giả danh giáo viên" keep the news and warning they carry, and a school's rule on
   * fighting ({@link Concept#FIGHT_RULE}: "đánh nhau thì cả hai bị phạt") keeps its own.
   */
  static final ConceptSet GAME_RULES = ConceptSet.of(Concept.CHALLENGE, Concept.DARE_FORFEIT, Concept.PEER_WATCH);

  /**
   * An authority named inside the writer's dismissal of a request as an impersonation ({@link
   * Concept#SCAM_DISMISSED}: "đó là link giả mạo ngân hàng", "ai đòi là giả mạo ban tổ chức") is the name the
   * dismissal gives, not an authority that asks: such a hit loses {@link Concept#AUTHORITY} (fifty-third round). An
   * authority named anywhere else in the message keeps it, and so does one inside a warning of another kind
   * ("ngân hàng không bao giờ yêu cầu …").
   */
  static final ConceptSet IMPERSONATED = ConceptSet.of(Concept.AUTHORITY);

  private static final ConceptSet IMPERSONATION_DISMISSED = ConceptSet.of(Concept.SCAM_DISMISSED);

  /** Opens a rule about someone else's act ({@link Concept#ANYONE_WHO}). */
  static final ConceptSet FRAME_OPEN = ConceptSet.of(Concept.ANYONE_WHO);

  /** Closes it with the answer prescribed ({@link Concept#REFUSAL_ADVICE}). */
  static final ConceptSet FRAME_CLOSE = ConceptSet.of(Concept.REFUSAL_ADVICE);

  /** A request denied in the sender's own words ({@link Concept#NEVER_ASKS}). */
  static final ConceptSet NEGATED_ASK = ConceptSet.of(Concept.NEVER_ASKS);

  /**
   * What a request denied takes away: the concepts of a swindle's request. The denial lowers scam words only; a
   * sexual request denied and then made anyway ("anh không bao giờ bắt em gửi ảnh … mà em cứ gửi") keeps its own.
   */
  static final ConceptSet DENIED = ConceptSet.of(Concept.CREDENTIALS, Concept.MONEY_TRANSFER, Concept.FEE,
      Concept.PRIZE, Concept.ACCOUNT_PROBLEM, Concept.VALUE_ASKED);

  /** Where the sender's own request begins after a denied one ({@link Concept#REQUEST_TURN}). */
  static final ConceptSet TURN = ConceptSet.of(Concept.REQUEST_TURN);

  /** The most syllables between a rule's opening and its answer. */
  static final int MAX_FRAME_SYLLABLES = 40;

  /** The most syllables between a concept hit's last syllable and that of a longer hit covering it. */
  static final int MAX_PHRASE_SYLLABLES = 24;

  private final int size;
  private final ConceptSet[] need;
  private final ConceptSet[] unless;
  private final int[] scope;
  private final boolean[] ordered;
  /** Per composition: its concepts' ordinals in the order listed. */
  private final int[][] sequence;
  private final Category[] category;
  private final Rating[] rating;
  private final Severity[] severity;
  private final String[] ruleId;
  /** {@code caps[register ordinal][category ordinal]}: the cap, or null. */
  private final Rating[][] caps;
  /** {@code capsC[register ordinal][category ordinal]}: the cap for a bare finding of tier C, or null. */
  private final Rating[][] capsC;
  /** Every register concept that caps something. */
  private final ConceptSet registerMask;
  /** {@code raiseTo[concept ordinal][category ordinal]}: the tier an offer raises a bare finding to, or null. */
  private final Rating[][] raiseTo;
  /** {@code raiseFrom[concept ordinal][category ordinal]}: the lowest tier that raise lifts. */
  private final Rating[][] raiseFrom;
  /** {@code raiseUnless[concept ordinal][category ordinal]}: the concepts that keep that raise from happening. */
  private final ConceptSet[][] raiseUnless;
  /** {@code raiseAs[concept ordinal][category ordinal]}: the category that raise reports as, or null for its own. */
  private final Category[][] raiseAs;
  /** {@code raiseRule[concept ordinal][category ordinal]}: the rule id of a finding reported as another category. */
  private final String[][] raiseRule;
  /** Every concept that raises something. */
  private final ConceptSet raiseMask;
  /** Whether any composition has the {@link Composition#MESSAGE} scope. */
  private final boolean hasMessageScope;
  /**
   * Per concept (by {@link Concept#ordinal()}), a bit set over the compositions (64 to a {@code long}) that
   * need it as their first concept: only these can be complete when the concept is absent from a sentence's
   * neighbourhood, so a sentence tries the compositions of its concepts' sets, in their order.
   */
  private final long[][] byFirstConcept;
  /** The {@code long}s of each set of {@link #byFirstConcept}. */
  private final int words;

  private Composer(ConceptLexicon lexicon) {
    List<Composition> cs = lexicon.compositions();
    size = cs.size();
    need = new ConceptSet[size];
    unless = new ConceptSet[size];
    scope = new int[size];
    ordered = new boolean[size];
    sequence = new int[size][];
    category = new Category[size];
    rating = new Rating[size];
    severity = new Severity[size];
    ruleId = new String[size];
    for (int i = 0; i < size; i++) {
      Composition c = cs.get(i);
      sequence[i] = new int[c.concepts().size()];
      for (int k = 0; k < sequence[i].length; k++) {
        sequence[i][k] = c.concepts().get(k).ordinal();
      }
      need[i] = ConceptSet.of(c.concepts());
      unless[i] = ConceptSet.of(c.unless());
      scope[i] = c.scope();
      ordered[i] = c.ordered();
      category[i] = c.category();
      rating[i] = c.rating();
      severity[i] = c.severity();
      ruleId[i] = c.ruleId();
    }
    caps = new Rating[Concept.values().length][Category.values().length];
    capsC = new Rating[Concept.values().length][Category.values().length];
    ConceptSet regs = ConceptSet.EMPTY;
    for (Register r : lexicon.registers()) {
      regs = regs.with(r.register());
      for (Category cat : r.categories()) {
        lowest(caps, r, cat);
        if (r.lowersC()) {
          lowest(capsC, r, cat);
        }
      }
    }
    registerMask = regs;
    raiseTo = new Rating[Concept.values().length][Category.values().length];
    raiseFrom = new Rating[Concept.values().length][Category.values().length];
    raiseUnless = new ConceptSet[Concept.values().length][Category.values().length];
    raiseAs = new Category[Concept.values().length][Category.values().length];
    raiseRule = new String[Concept.values().length][Category.values().length];
    ConceptSet offers = ConceptSet.EMPTY;
    for (Raise r : lexicon.raises()) {
      int k = r.concept().ordinal();
      offers = offers.with(r.concept());
      ConceptSet unlessBits = ConceptSet.of(r.unless());
      for (Category cat : r.categories()) {
        Rating old = raiseTo[k][cat.ordinal()];
        if (old != null) {
          throw new IllegalArgumentException("concept " + r.concept() + " raises " + cat.jsonName()
              + " twice (" + r.source() + ")");
        }
        raiseTo[k][cat.ordinal()] = r.tier();
        raiseFrom[k][cat.ordinal()] = r.from();
        raiseUnless[k][cat.ordinal()] = unlessBits;
        raiseAs[k][cat.ordinal()] = r.as();
        raiseRule[k][cat.ordinal()] = r.asRule(cat);
      }
    }
    raiseMask = offers;
    boolean message = false;
    for (int s : scope) {
      message |= s == Composition.MESSAGE;
    }
    hasMessageScope = message;
    words = (size + 63) / 64;
    byFirstConcept = new long[Concept.values().length][words];
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < byFirstConcept.length; k++) {
        // (A composition of no concepts, were there one, is tried wherever there is a concept.)
        if (need[i].isEmpty() || k == need[i].first()) {
          byFirstConcept[k][i >>> 6] |= 1L << i;
        }
      }
    }
  }

  private static void lowest(Rating[][] table, Register r, Category cat) {
    Rating old = table[r.register().ordinal()][cat.ordinal()];
    table[r.register().ordinal()][cat.ordinal()] = old == null ? r.cap() : old.min(r.cap());
  }

  /** Compiles the compositions and registers of {@code lexicon}. */
  public static Composer compile(ConceptLexicon lexicon) {
    return new Composer(lexicon);
  }

  /**
   * Takes away the concepts that the words around them deny: a register's word inside a dare's or a group's rule
   * (fifty-second round), an authority inside the writer's dismissal of an impersonation, and a stranger's acts
   * named in a rule to refuse them ("ai … thì đừng trả lời") or after a request denied ("không bao giờ yêu cầu …",
   * to the clause's end), not in a message whose writer excepts himself from the rule (fifty-third round).
   * {@link #compose} starts with it; a conversation's stage reading of a message on its own ({@code
   * StageMatcher.match}) runs it too, so the stages read beside the text check and alone agree.
   */
  public static void voidOutOfSense(MatchState state) {
    if (state.conceptCount() == 0) {
      return;
    }
    state.voidCovered(ConceptSet.registers(), GAME_RULES, MAX_PHRASE_SYLLABLES);
    state.voidCovered(IMPERSONATED, IMPERSONATION_DISMISSED, MAX_PHRASE_SYLLABLES);
    if (!state.anyConcept(EXCEPTION)) {
      state.voidFramed(FRAME_OPEN, FRAME_CLOSE, MAX_FRAME_SYLLABLES);
      state.voidNegated(NEGATED_ASK, TURN, DENIED, Category.SCAM, MAX_FRAME_SYLLABLES, Rating.P);
    }
  }

  /**
   * Runs registers and compositions over the concept hits in {@code state}, sentence by sentence. A set of
   * concepts being gathered is four {@code long} words (concepts 0-63, 64-127, 128-191 and 192-255 of
   * {@link ConceptSet}), so nothing is allocated.
   */
  public void compose(MatchState state) {
    int hits = state.conceptCount();
    if (hits == 0) {
      return;
    }
    voidOutOfSense(state);
    // The concepts that cancel compositions anywhere in the message (MESSAGE_WIDE), gathered first: those of the
    // whole message for the sentences before the last turn (PIVOT), those from its sentence on for the others.
    long a0 = 0;
    long a1 = 0;
    long a2 = 0;
    long a3 = 0;
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    boolean excepted = false;
    int pivot = pivotSentence(state, hits);
    for (int h = 0; h < hits; h++) {
      excepted |= state.hasConcept(h, EXCEPTION);
      long w0 = state.conceptWord(h, 0) & MESSAGE_WIDE.w0();
      long w1 = state.conceptWord(h, 1) & MESSAGE_WIDE.w1();
      long w2 = state.conceptWord(h, 2) & MESSAGE_WIDE.w2();
      long w3 = state.conceptWord(h, 3) & MESSAGE_WIDE.w3();
      a0 |= w0;
      a1 |= w1;
      a2 |= w2;
      a3 |= w3;
      if (state.sentence(state.conceptEndPos(h)) >= pivot) {
        t0 |= w0;
        t1 |= w1;
        t2 |= w2;
        t3 |= w3;
      }
    }
    // The writer excepts herself from the warning she gives: its registers count for nothing (kept: all bits).
    long k0 = excepted ? ~VOIDED_BY_EXCEPTION.w0() : -1L;
    long k1 = excepted ? ~VOIDED_BY_EXCEPTION.w1() : -1L;
    long k2 = excepted ? ~VOIDED_BY_EXCEPTION.w2() : -1L;
    long k3 = excepted ? ~VOIDED_BY_EXCEPTION.w3() : -1L;
    a0 &= k0;
    a1 &= k1;
    a2 &= k2;
    a3 &= k3;
    t0 &= k0;
    t1 &= k1;
    t2 &= k2;
    t3 &= k3;
    // Concept hits are in the order of their last syllable, so a sentence's hits are consecutive.
    int rules = state.candidateCount();
    frame(state, rules, pivot, k0, k1, k2, k3);
    int cursor = 0;
    int from = 0;
    // The previous sentence that had concept hits: its first hit, its number and its concept set (for
    // compositions whose scope is two sentences).
    int prevFrom = 0;
    int prevSentence = -2;
    long prev0 = 0;
    long prev1 = 0;
    long prev2 = 0;
    long prev3 = 0;
    while (from < hits) {
      int sentence = state.sentence(state.conceptEndPos(from));
      boolean turned = sentence >= pivot;
      long m0 = turned ? t0 : a0;
      long m1 = turned ? t1 : a1;
      long m2 = turned ? t2 : a2;
      long m3 = turned ? t3 : a3;
      long s0 = 0;   // the sentence's concepts
      long s1 = 0;
      long s2 = 0;
      long s3 = 0;
      int to = from;
      while (to < hits && state.sentence(state.conceptEndPos(to)) == sentence) {
        s0 |= state.conceptWord(to, 0) & k0;
        s1 |= state.conceptWord(to, 1) & k1;
        s2 |= state.conceptWord(to, 2) & k2;
        s3 |= state.conceptWord(to, 3) & k3;
        to++;
      }
      // Rule candidates are in the order of their last syllable too, and never span two sentences.
      while (cursor < rules && state.sentence(state.candidateEndPos(cursor)) < sentence) {
        cursor++;
      }
      if (registerMask.meets(s0 | m0, s1 | m1, s2 | m2, s3 | m3)) {
        lower(state, cursor, rules, sentence, (s0 | m0) & registerMask.w0(), (s1 | m1) & registerMask.w1(),
            (s2 | m2) & registerMask.w2(), (s3 | m3) & registerMask.w3());
      }
      if (raiseMask.meets(s0, s1, s2, s3)) {
        raise(state, cursor, rules, sentence, s0, s1, s2, s3);
      }
      long window0 = s0;
      long window1 = s1;
      long window2 = s2;
      long window3 = s3;
      int windowTo = to;
      if (hasMessageScope) {
        // The hits of this sentence and of the next MESSAGE_SENTENCES - 1 sentences.
        while (windowTo < hits
            && state.sentence(state.conceptEndPos(windowTo)) < sentence + Composition.MESSAGE_SENTENCES) {
          window0 |= state.conceptWord(windowTo, 0) & k0;
          window1 |= state.conceptWord(windowTo, 1) & k1;
          window2 |= state.conceptWord(windowTo, 2) & k2;
          window3 |= state.conceptWord(windowTo, 3) & k3;
          windowTo++;
        }
      }
      boolean adjacent = prevSentence == sentence - 1;
      // Every set a composition is tested against below lies within this one, so only the compositions
      // whose first concept is in it can be complete; they are tried in their order.
      long near0 = window0 | (adjacent ? prev0 : 0);
      long near1 = window1 | (adjacent ? prev1 : 0);
      long near2 = window2 | (adjacent ? prev2 : 0);
      long near3 = window3 | (adjacent ? prev3 : 0);
      long both0 = adjacent ? s0 | prev0 : s0;
      long both1 = adjacent ? s1 | prev1 : s1;
      long both2 = adjacent ? s2 | prev2 : s2;
      long both3 = adjacent ? s3 | prev3 : s3;
      for (int w = 0; w < words; w++) {
        long some = firstConceptsOf(near0, 0, w) | firstConceptsOf(near1, 1, w) | firstConceptsOf(near2, 2, w)
            | firstConceptsOf(near3, 3, w);
        for (; some != 0; some &= some - 1) {
          int c = w * 64 + Long.numberOfTrailingZeros(some);
          ConceptSet needs = need[c];
          ConceptSet cancels = unless[c];
          if (scope[c] == Composition.TWO_SENTENCES) {
            // Concepts all in the previous sentence were found with it already.
            boolean found = adjacent && needs.isSubsetOf(prev0, prev1, prev2, prev3);
            if (needs.isSubsetOf(both0, both1, both2, both3)
                && !cancels.meets(both0 | m0, both1 | m1, both2 | m2, both3 | m3) && !found) {
              find(state, c, adjacent ? prevFrom : from, to, to);
            }
          } else if (scope[c] == Composition.MESSAGE) {
            // Anchored in this sentence, so a place is found once; the registers of the whole window cancel.
            if (needs.isSubsetOf(window0, window1, window2, window3)
                && !cancels.meets(window0 | m0, window1 | m1, window2 | m2, window3 | m3)) {
              find(state, c, from, windowTo, to);
            }
          } else if (needs.isSubsetOf(s0, s1, s2, s3) && !cancels.meets(s0 | m0, s1 | m1, s2 | m2, s3 | m3)) {
            find(state, c, from, to, to);
          }
        }
      }
      prevFrom = from;
      prevSentence = sentence;
      prev0 = s0;
      prev1 = s1;
      prev2 = s2;
      prev3 = s3;
      from = to;
    }
  }

  /** The sentence of the last {@link Concept#PIVOT} hit, or -1 when the message has none. */
  private static int pivotSentence(MatchState state, int hits) {
    for (int h = hits - 1; h >= 0; h--) {
      if (state.hasConcept(h, PIVOT)) {
        return state.sentence(state.conceptEndPos(h));
      }
    }
    return -1;
  }

  /**
   * Word {@code w} of the compositions whose first concept is a concept of {@code conceptWord}, word
   * {@code cw} of a {@link ConceptSet}.
   */
  private long firstConceptsOf(long conceptWord, int cw, int w) {
    long some = 0;
    for (long b = conceptWord; b != 0; b &= b - 1) {
      some |= byFirstConcept[cw * 64 + Long.numberOfTrailingZeros(b)][w];
    }
    return some;
  }

  /**
   * Caps the bare rule candidates of each sentence by the {@link #FRAME} registers of the sentences before it (kept
   * by {@code k0} to {@code k3}), in a post of {@link #FRAME_MIN_SENTENCES} sentences or more; a C-tier candidate
   * keeps its tier where the post gives the reader a way to act ({@link #CALL_TO_ACT}: a story told first, then "ai
   * muốn chơi xóc đĩa ăn tiền thì vào nhóm"). From the sentence of the last turn ({@code pivot}, {@link
   * #PIVOT}) on, only the registers from that sentence on frame. Candidates and concept hits are both in the order
   * of their last syllable, so one pass over each suffices.
   */
  private void frame(MatchState state, int rules, int pivot, long k0, long k1, long k2, long k3) {
    int n = state.positions().size();
    if (n == 0 || rules == 0 || state.sentence(n - 1) < FRAME_MIN_SENTENCES - 1) {
      return;
    }
    long f0 = 0;   // the frame: the FRAME registers of the sentences before the candidate's
    long f1 = 0;
    long f2 = 0;
    long f3 = 0;
    int h = 0;
    int hits = state.conceptCount();
    boolean c = !state.anyConcept(CALL_TO_ACT);
    boolean turned = pivot < 0;
    for (int first = 0, sentence = -1; first < rules; first++) {
      int s = state.sentence(state.candidateEndPos(first));
      if (s == sentence) {
        continue;
      }
      sentence = s;
      if (s >= pivot && !turned) {
        // Past the turn: the frame starts again from the turn's sentence.
        turned = true;
        f0 = 0;
        f1 = 0;
        f2 = 0;
        f3 = 0;
        while (h < hits && state.sentence(state.conceptEndPos(h)) < pivot) {
          h++;
        }
      }
      for (; h < hits && state.sentence(state.conceptEndPos(h)) < s; h++) {
        f0 |= state.conceptWord(h, 0) & FRAME.w0() & registerMask.w0() & k0;
        f1 |= state.conceptWord(h, 1) & FRAME.w1() & registerMask.w1() & k1;
        f2 |= state.conceptWord(h, 2) & FRAME.w2() & registerMask.w2() & k2;
        f3 |= state.conceptWord(h, 3) & FRAME.w3() & registerMask.w3() & k3;
      }
      if ((f0 | f1 | f2 | f3) != 0) {
        lower(state, first, rules, s, f0, f1, f2, f3, c);
      }
    }
  }

  /**
   * Caps the bare rule candidates of {@code sentence}, from {@code first}, by the registers in it (words
   * {@code r0} to {@code r3}).
   */
  private void lower(MatchState state, int first, int rules, int sentence, long r0, long r1, long r2,
      long r3) {
    lower(state, first, rules, sentence, r0, r1, r2, r3, true);
  }

  /** As {@link #lower(MatchState, int, int, int, long, long, long, long)}; a C-tier candidate only if {@code c}. */
  private void lower(MatchState state, int first, int rules, int sentence, long r0, long r1, long r2,
      long r3, boolean c) {
    for (int i = first; i < rules && state.sentence(state.candidateEndPos(i)) == sentence; i++) {
      if (state.candidateKind(i) != MatchState.RULE || !c && state.candidateRating(i) == Rating.C) {
        continue;
      }
      int cat = state.candidateCategory(i).ordinal();
      Rating[][] table = state.candidateRating(i) == Rating.C ? capsC : caps;
      for (int w = 0; w < ConceptSet.WORDS; w++) {
        for (long r = w == 0 ? r0 : w == 1 ? r1 : w == 2 ? r2 : r3; r != 0; r &= r - 1) {
          Rating cap = table[w * 64 + Long.numberOfTrailingZeros(r)][cat];
          if (cap != null) {
            state.capRating(i, cap);
          }
        }
      }
    }
  }

  /**
   * Raises the bare rule candidates of {@code sentence}, from {@code first}, rated K or above, by the offers
   * among the sentence's concepts (words {@code s0} to {@code s3}) whose floor they reach, unless a
   * concept of the raise's own is there.
   */
  private void raise(MatchState state, int first, int rules, int sentence, long s0, long s1, long s2,
      long s3) {
    for (int i = first; i < rules && state.sentence(state.candidateEndPos(i)) == sentence; i++) {
      Rating rating = state.candidateRating(i);
      if (state.candidateKind(i) != MatchState.RULE || rating.compareTo(Rating.K) < 0) {
        continue;
      }
      int cat = state.candidateCategory(i).ordinal();
      for (int w = 0; w < ConceptSet.WORDS; w++) {
        long offered = raiseMask.word(w) & (w == 0 ? s0 : w == 1 ? s1 : w == 2 ? s2 : s3);
        for (long o = offered; o != 0; o &= o - 1) {
          int k = w * 64 + Long.numberOfTrailingZeros(o);
          Rating to = raiseTo[k][cat];
          if (to != null && rating.compareTo(raiseFrom[k][cat]) >= 0
              && !raiseUnless[k][cat].meets(s0, s1, s2, s3)) {
            if (raiseAs[k][cat] == null) {
              state.raiseRating(i, to);
            } else if (state.candidateSeverity(i) != Severity.LOW) {
              // Reported as another category, over the same words (appended after the rules read here); a word
              // of low severity (an anatomy term, a word that is also a colour) beside a child is a lesson or a
              // parent's answer more often than abuse, and stays as it is.
              state.addCandidate(MatchState.COMPOSED, state.candidateStartPos(i), state.candidateEndPos(i),
                  raiseAs[k][cat], state.candidateSeverity(i), to, raiseRule[k][cat]);
            }
          }
        }
      }
    }
  }

  /**
   * Looks for composition {@code c} among hits {@code [from, to)} (one sentence, or for a message scope
   * the sentences of its window) and adds its finding over the first place where its concepts meet within
   * its scope (and in order, if ordered). The first hit used lies in {@code [from, anchorTo)}.
   */
  private void find(MatchState state, int c, int from, int to, int anchorTo) {
    int[] seq = sequence[c];
    ConceptSet needs = need[c];
    for (int anchor = from; anchor < anchorTo; anchor++) {
      if (ordered[c] ? !state.hasConcept(anchor, seq[0]) : !state.hasConcept(anchor, needs)) {
        continue;
      }
      int startPos = state.conceptStartPos(anchor);
      int endPos = state.conceptEndPos(anchor);
      if (ordered[c]) {
        int next = 1;
        // One hit may carry several concepts in a row of the sequence.
        while (next < seq.length && state.hasConcept(anchor, seq[next])) {
          next++;
        }
        int lastEnd = endPos;
        for (int k = anchor + 1; k < to && next < seq.length; k++) {
          if (state.hasConcept(k, seq[next]) && state.conceptStartPos(k) > lastEnd) {
            next++;
            while (next < seq.length && state.hasConcept(k, seq[next])) {
              next++;
            }
            lastEnd = state.conceptEndPos(k);
            endPos = Math.max(endPos, lastEnd);
            startPos = Math.min(startPos, state.conceptStartPos(k));
          }
        }
        if (next < seq.length) {
          continue; // hits overlap, so a later anchor may still complete the sequence
        }
      } else {
        // the concepts of the composition found so far
        long got0 = state.conceptWord(anchor, 0) & needs.w0();
        long got1 = state.conceptWord(anchor, 1) & needs.w1();
        long got2 = state.conceptWord(anchor, 2) & needs.w2();
        long got3 = state.conceptWord(anchor, 3) & needs.w3();
        for (int k = anchor + 1; k < to && !needs.isSubsetOf(got0, got1, got2, got3); k++) {
          long add0 = state.conceptWord(k, 0) & needs.w0() & ~got0;
          long add1 = state.conceptWord(k, 1) & needs.w1() & ~got1;
          long add2 = state.conceptWord(k, 2) & needs.w2() & ~got2;
          long add3 = state.conceptWord(k, 3) & needs.w3() & ~got3;
          if ((add0 | add1 | add2 | add3) != 0) {
            got0 |= add0;
            got1 |= add1;
            got2 |= add2;
            got3 |= add3;
            endPos = Math.max(endPos, state.conceptEndPos(k));
            startPos = Math.min(startPos, state.conceptStartPos(k));
          }
        }
        if (!needs.isSubsetOf(got0, got1, got2, got3)) {
          return;
        }
      }
      if (within(state, c, startPos, endPos)) {
        state.addCandidate(MatchState.COMPOSED, startPos, endPos, category[c], severity[c], rating[c], ruleId[c]);
        return;
      }
    }
  }

  private boolean within(MatchState state, int c, int startPos, int endPos) {
    int s = scope[c];
    if (s == Composition.SENTENCE || s == Composition.TWO_SENTENCES || s == Composition.MESSAGE) {
      return true; // the hits searched are those of the sentence (and, for two, the one before; for a
                   // message, the next two)
    }
    if (s == Composition.CLAUSE) {
      return state.clause(startPos) == state.clause(endPos);
    }
    return endPos - startPos + 1 <= s;
  }

  /** How many compositions were compiled. */
  public int size() {
    return size;
  }
}
