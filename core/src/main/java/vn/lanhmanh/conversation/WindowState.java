package vn.lanhmanh.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The fields of one conversation's window as a value, so that a store outside the filter (a stream
 * processor's keyed state, a key-value store) can hold it between messages: exported by
 * {@link ConversationWindow#export()}, restored by {@link ConversationWindow#restore(WindowState)}, written
 * and read by {@link WindowStateCodec}. Immutable.
 *
 * @param seq messages seen so far (with or without stage phrases)
 * @param newest the newest message time seen, {@link Instant#MIN} before the first message
 * @param alerted whether the last message left the conversation at high risk
 * @param entries the messages in the window that carried stage phrases or a classifier signal, oldest first
 */
public record WindowState(long seq, Instant newest, boolean alerted, List<Entry> entries) {

  /** The state of a conversation without messages. */
  public static final WindowState EMPTY = new WindowState(0, Instant.MIN, false, List.of());

  public WindowState {
    Objects.requireNonNull(newest, "newest");
    entries = List.copyOf(entries);
  }

  /**
   * One message of the window.
   *
   * @param seq its number in the conversation, from 1
   * @param messageId the caller's message id
   * @param time when it was sent
   * @param fromChild whether the protected child wrote it
   * @param hits its stage phrases
   * @param signal its classifier signal in [0, 1], or NaN when the classifiers did not run
   */
  public record Entry(long seq, String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits,
      double signal) {

    public Entry {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(time, "time");
      hits = List.copyOf(hits);
    }

    /** A message without a classifier signal. */
    public Entry(long seq, String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits) {
      this(seq, messageId, time, fromChild, hits, Double.NaN);
    }
  }
}
