package vn.lanhmanh.cli;

import java.time.Instant;
import java.util.Objects;
import vn.lanhmanh.Message;

/**
 * One line of {@code conversation} input, read: a message to add to a conversation, or the reason the
 * line is unusable ({@code error} non-null, the other fields but {@code id} then unset). Immutable.
 *
 * @param id the message id to echo ({@link JsonId#NULL} when missing)
 * @param messageId the message id as text, for the conversation's evidence ({@code line-N} when missing)
 * @param conversation the conversation id to echo
 * @param conversationKey the conversation id as text: messages with the same key share one conversation
 * @param sender {@link Message.Sender#CHILD} for {@code "child"}, else {@link Message.Sender#OTHER}
 * @param text the message text
 * @param time when it was sent, or {@code null} for "now"
 * @param error why the line cannot be checked
 */
record ConversationRequest(JsonId id, String messageId, JsonId conversation, String conversationKey,
    Message.Sender sender, String text, Instant time, String error) {

  ConversationRequest {
    Objects.requireNonNull(id, "id");
  }

  static ConversationRequest error(JsonId id, String error) {
    return new ConversationRequest(id, null, null, null, null, null, null, error);
  }

  boolean failed() {
    return error != null;
  }
}
