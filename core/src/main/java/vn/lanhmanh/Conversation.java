package vn.lanhmanh;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.lanhmanh.conversation.ConversationMonitor;
import vn.lanhmanh.conversation.Observation;

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
 * }</pre>
 *
 * <p><b>Messages.</b> Each message's verdict is {@link ContentFilter#checkText} on its text for the
 * policy given (the protected child's). When the conversation's risk after the message is 0.7 or more the
 * action is raised to at least {@link Action#WARN}, at 0.85 or more to {@link Action#BLOCK}, and
 * {@link Help#ABUSE} (hotline 111) is attached (unless the message itself needs {@link Help#SELF_HARM}).
 * The first message that takes the risk to 0.7 or more is reported to the filter's
 * {@link IncidentListener}, if any, once per crossing.
 *
 * <p><b>Stages and window.</b> Stage phrases come from the embedded {@code stages.tsv} (rapport, age,
 * school, address, parents, secrecy, channel, gifts, sexual, photos, meeting), matched with the same
 * normaliser as texts, so teencode and missing diacritics are understood. Each phrase has a weight and a
 * sender: asking a child's age counts in the other party's messages, a child giving her age counts in the
 * child's. The window holds the last 50 messages sent within 24 hours of the newest one; older messages
 * no longer count. A phrase near an awareness phrase ({@code phòng chống}, {@code kỹ năng tự bảo vệ} …)
 * counts at a quarter of its weight and not towards {@code n} below, so a safety lesson is not an approach.
 *
 * <p><b>Risk.</b> For each stage in the window take its best weight {@code w_s}; let {@code n} be the
 * number of distinct stages shown by the other party and {@code k} the number of dangerous pairs among
 * them (secrecy+meeting, secrecy+photos, gifts+photos, photos+meeting, sexual+secrecy, sexual+meeting,
 * sexual+photos). Then
 * <pre>
 *   risk = min(1, B(n) · (1 − Π_s (1 − w_s)) + 0.3 · k),   B(0) = B(1) = 0.25, B(2) = 0.5, B(3) = 0.85, B(≥4) = 1
 * </pre>
 * so one stage alone, or anything the child says about herself, stays below 0.25, and several distinct
 * stages from the other party approach 1. Parents, teachers and friends speak in their own registers
 * ({@code mẹ … con}, {@code cô … các em}, {@code tao … mày}) that the phrases do not use; an older
 * sibling ({@code anh … em}) shares the groomer's register, so a sibling chat that touches several stages
 * can score high.
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

  Conversation(ContentFilter filter, String id) {
    this.filter = filter;
    this.id = id;
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
    return check(filter, id, message, policy, m -> monitor.observe(id, m.id(), m.text(), m.time(),
        m.sender() == Message.Sender.CHILD)).verdict();
  }

  /** A message's verdict and whether it is an incident. */
  record Checked(ConversationVerdict verdict, boolean incident) {}

  /**
   * The one path of {@link #check} and {@link ContentFilter#conversationStep}: the message's own verdict,
   * the message added to its window by {@code window} (the filter's cache, or a window the caller holds),
   * the verdict raised by the conversation's risk and the crossing reported.
   */
  static Checked check(ContentFilter filter, String id, Message message, Policy policy,
      Function<Message, Observation> window) {
    Verdict verdict = filter.check(message.text(), policy, Optional.of(id), Optional.of(message.id()),
        message.time());
    Observation o = window.apply(message);
    if (o.crossedHigh()) {
      filter.report(new IncidentListener.Incident(IncidentListener.Kind.CONVERSATION, Optional.of(id),
          Optional.of(message.id()), o.risk(), o.stages(), List.of(), o.evidence(), message.time()));
    }
    ConversationVerdict cv = new ConversationVerdict(raise(verdict, o.risk()), o.risk(), o.stages(), o.evidence());
    return new Checked(cv, o.crossedHigh() || verdict.rating() == Rating.C);
  }

  /** The message's verdict with the action and help a high-risk conversation calls for. */
  static Verdict raise(Verdict v, double risk) {
    if (risk < ConversationMonitor.HIGH_RISK) {
      return v;
    }
    Action floor = risk >= ConversationMonitor.BLOCK_RISK ? Action.BLOCK : Action.WARN;
    Help help = v.help().filter(h -> h == Help.SELF_HARM).orElse(Help.ABUSE);
    return new Verdict(v.action().max(floor), v.rating(), v.findings(), v.redacted(), v.safeUrl(),
        Optional.of(help), v.errors(), v.scores());
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
