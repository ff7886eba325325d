package vn.lanhmanh.conversation;

import java.util.List;
import java.util.Set;
import vn.lanhmanh.ConversationVerdict.Evidence;
import vn.lanhmanh.ConversationVerdict.Reason;

/**
 * A conversation's state right after one message: an {@link Observation}, or what
 * {@link ConversationMonitor#observeOnThread} leaves for the calling thread without making one.
 */
public interface Outcome {

  /** The window's grooming risk, 0..1. */
  double risk();

  /** The stages in the window, in {@link Stage} order. */
  Set<String> stages();

  /** Every stage phrase in the window, oldest message first. */
  List<Evidence> evidence();

  /** Per stage in the window, the message that showed it with its best weight. */
  List<Reason> reasons();

  /** True when this message took the risk to {@link ConversationMonitor#HIGH_RISK} or more from below it. */
  boolean crossedHigh();
}
