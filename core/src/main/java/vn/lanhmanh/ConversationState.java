package vn.lanhmanh;

import java.util.Objects;
import vn.lanhmanh.conversation.WindowState;
import vn.lanhmanh.conversation.WindowStateCodec;

/**
 * One conversation's window as a value, for applications that keep it themselves: a stream processor's
 * keyed state (Flink, Kafka Streams), a key-value store (Redis) shared by several service instances.
 * {@link ContentFilter#conversationStep} takes the state before a message and gives the state after it;
 * {@link #toBytes()} and {@link #fromBytes(byte[])} move it in and out of the store.
 *
 * <pre>{@code
 * byte[] stored = store.get(chatId);                              // null for a new chat
 * ConversationState before = stored == null ? ConversationState.empty() : ConversationState.fromBytes(stored);
 * ConversationStep step = filter.conversationStep(chatId, before, message, Policy.forAge(11));
 * store.put(chatId, step.state().toBytes());
 * step.verdict().risk();
 * }</pre>
 *
 * <p>The bytes start with a version byte and end with a CRC-32; they hold the window's messages with stage
 * phrases or, with the classifiers on, a classifier signal (at most 50, each with its id, time, sender,
 * signal and phrases), the number of messages seen, the newest
 * time and whether the conversation is at high risk: a few hundred bytes for a conversation with stage
 * phrases, 9 bytes for one without messages. Reading bytes of an unknown version, or damaged bytes, is an
 * {@link IllegalArgumentException}, never a wrong state.
 *
 * <p>An immutable value, safe to share between threads; {@code equals} compares the window's contents.
 */
public final class ConversationState {

  private static final ConversationState EMPTY = new ConversationState(WindowState.EMPTY);

  private final WindowState window;

  ConversationState(WindowState window) {
    this.window = Objects.requireNonNull(window, "window");
  }

  /** The state of a conversation without messages. */
  public static ConversationState empty() {
    return EMPTY;
  }

  /**
   * Reads a state written by {@link #toBytes()}.
   *
   * @throws IllegalArgumentException if {@code bytes} is null, of a version this library does not read, or
   *     damaged (the message says which)
   */
  public static ConversationState fromBytes(byte[] bytes) {
    return new ConversationState(WindowStateCodec.decode(bytes));
  }

  /** The compact binary form (a new array on each call). */
  public byte[] toBytes() {
    return WindowStateCodec.encode(window);
  }

  /** How many messages the conversation has had (with or without stage phrases). */
  public long messages() {
    return window.seq();
  }

  WindowState window() {
    return window;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConversationState s && s.window.equals(window);
  }

  @Override
  public int hashCode() {
    return window.hashCode();
  }

  @Override
  public String toString() {
    return "ConversationState{messages=" + window.seq() + ", window=" + window.entries().size() + "}";
  }
}
