package vn.lanhmanh;

import java.time.Instant;
import java.util.Objects;

/**
 * One chat message given to a {@link Conversation}.
 *
 * <pre>{@code
 * Message m = new Message("m-17", Message.Sender.OTHER, "em học lớp mấy rồi?", Instant.ofEpochSecond(1718000000));
 * Message now = Message.of("m-18", Message.Sender.CHILD, "em học lớp 5");   // timed now
 * }</pre>
 *
 * <p>An immutable value, safe to share between threads.
 *
 * @param id the caller's message id, reported back in evidence; not interpreted
 * @param sender whether the protected child wrote it or someone else did
 * @param text the message text; {@code null} is treated as empty
 * @param time when it was sent; the conversation window ({@link Conversation}) is measured in these times
 */
public record Message(String id, Sender sender, String text, Instant time) {

  /** Who wrote a message. */
  public enum Sender {
    /** The protected child (the viewer whose policy is given to {@link Conversation#check}). */
    CHILD,
    /** Anyone else in the conversation. */
    OTHER
  }

  /**
   * @throws NullPointerException if {@code id}, {@code sender} or {@code time} is null
   */
  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(time, "time");
    text = text == null ? "" : text;
  }

  /** A message sent now. */
  public static Message of(String id, Sender sender, String text) {
    return new Message(id, sender, text, Instant.now());
  }
}
