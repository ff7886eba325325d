package vn.lanhmanh;

import java.util.Objects;

/**
 * What {@link ContentFilter#conversationStep} gives for one message: the same verdict
 * {@link Conversation#check} would give, the conversation's state to keep for its next message, and
 * whether the message is an incident.
 *
 * <p>An immutable value, safe to share between threads.
 *
 * @param verdict the message's verdict and the conversation's risk, stages and evidence after it
 * @param state the conversation's state after the message: store it and pass it with the next message
 * @param incident true when the message would be reported to an {@link IncidentListener}: it has a C-tier
 *     finding, it took the conversation's risk to 0.7 or more from below, or it is the child's own report of
 *     grooming or abuse ({@link IncidentListener.Kind#DISCLOSURE})
 */
public record ConversationStep(ConversationVerdict verdict, ConversationState state, boolean incident) {

  public ConversationStep {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(state, "state");
  }
}
