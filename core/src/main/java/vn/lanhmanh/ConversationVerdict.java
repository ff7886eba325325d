package vn.lanhmanh;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.lanhmanh.internal.FixedList;
import vn.lanhmanh.internal.OrderedSet;

/**
 * The answer for one message of a {@link Conversation}: the message's own verdict, raised when the
 * conversation as a whole looks like grooming, plus the conversation's state after this message.
 *
 * <pre>{@code
 * ConversationVerdict cv = chat.check(message, Policy.forAge(11));
 * if (cv.risk() >= 0.7) {
 *   showHelp(cv.verdict().help());          // Help.ABUSE: hotline 111
 *   notifyParent(cv.stages(), cv.evidence());
 * }
 * }</pre>
 *
 * <p>An immutable value, safe to share between threads.
 *
 * @param verdict the message's verdict: {@link ContentFilter#checkText} on its text, with the action raised
 *     to at least WARN (risk ≥ 0.7) or BLOCK (risk ≥ 0.85) and {@link Help#ABUSE} attached when the
 *     conversation's risk is high
 * @param risk the conversation's grooming risk after this message, from 0.0 to 1.0
 * @param stages the grooming stages seen in the conversation's window ({@code rapport, age, school, address,
 *     parents, secrecy, channel, gifts, sexual, photos, meeting, offer, threat}), in that order
 * @param evidence where each stage was seen, oldest message first
 * @param reasons why the risk is what it is: per stage in the window (in stage order), the message that
 *     showed it with its best weight, and the phrase or concept rule that did
 */
public record ConversationVerdict(Verdict verdict, double risk, Set<String> stages, List<Evidence> evidence,
    List<Reason> reasons) {

  public ConversationVerdict {
    Objects.requireNonNull(verdict, "verdict");
    // keeps the stage order; the set and lists a window's scoring made are passed on with each message as
    // they are (any other collection is copied)
    stages = OrderedSet.copyOf(stages);
    evidence = FixedList.copyOf(evidence);
    reasons = FixedList.copyOf(reasons);
  }

  /** A verdict without reasons. */
  public ConversationVerdict(Verdict verdict, double risk, Set<String> stages, List<Evidence> evidence) {
    this(verdict, risk, stages, evidence, List.of());
  }

  /**
   * One stage that raised the conversation's risk: the message that showed it most strongly.
   *
   * @param messageId the {@link Message#id()} of the message
   * @param stage the stage's name, e.g. {@code photos}
   * @param weight how strongly the message showed it, 0–1 (lowered by awareness context or a safety lesson)
   * @param rule what showed it: a stage phrase's rule id ({@code stage/secrecy/grooming/dung_noi_voi_ai}) or
   *     a stage rule's concepts ({@code photos: REQUEST PHOTO|VIDEO BODY|INTIMATE})
   */
  public record Reason(String messageId, String stage, double weight, String rule) {

    public Reason {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /**
   * One stage phrase seen in one message of the window.
   *
   * @param messageId the {@link Message#id()} of the message
   * @param stage the stage's name, e.g. {@code secrecy}
   * @param start first UTF-16 index of the phrase in that message's text
   * @param end one past the last UTF-16 index
   * @param match the phrase as written in the message
   */
  public record Evidence(String messageId, String stage, int start, int end, String match) {

    public Evidence {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(match, "match");
    }
  }
}
