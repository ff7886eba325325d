package vn.lanhmanh.conversation;

import java.util.List;
import java.util.Set;
import vn.lanhmanh.ConversationVerdict.Evidence;
import vn.lanhmanh.ConversationVerdict.Reason;
import vn.lanhmanh.internal.FixedList;

/**
 * A conversation's state right after one message.
 *
 * @param risk the window's grooming risk, 0..1
 * @param stages the stages in the window, in {@link Stage} order
 * @param evidence every stage phrase in the window, oldest message first
 * @param reasons per stage in the window, the message that showed it with its best weight
 * @param crossedHigh true when this message took the risk to {@link ConversationMonitor#HIGH_RISK} or more
 *     from below it (false while it stays high)
 */
public record Observation(double risk, Set<String> stages, List<Evidence> evidence, List<Reason> reasons,
    boolean crossedHigh) implements Outcome {

  /** Copies the lists once, so a verdict made from an observation kept for later messages shares them. */
  public Observation {
    evidence = FixedList.copyOf(evidence);
    reasons = FixedList.copyOf(reasons);
  }
}
