package vn.lanhmanh;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Told about serious incidents: a check that found content rated {@link Rating#C} (sexual content
 * involving minors, grooming phrases, gambling promotion, drug trade, scams), a {@link Conversation}
 * whose grooming risk crossed 0.7, and a child's own message that tells of grooming or abuse
 * ({@link Kind#DISCLOSURE}). Register one with {@link ContentFilter.Builder#incidentListener}.
 * Nothing is logged or sent anywhere unless a listener is registered; what the listener does (alert a
 * parent, queue a moderator review) is the application's decision.
 *
 * <pre>{@code
 * ContentFilter filter = ContentFilter.builder()
 *     .incidentListener(incident -> moderationQueue.offer(incident))
 *     .build();
 * }</pre>
 *
 * <p><b>Threading.</b> The listener is never called on the checking thread (unless the application gives
 * an executor that runs tasks inline): each incident is handed to an executor and the check returns at
 * once. By default that executor is one daemon thread with a queue of
 * 1,024 incidents; when the queue is full, further incidents are dropped and
 * counted. Exceptions thrown by the listener are caught and counted; they never reach the check. See
 * {@link ContentFilter#incidentCounts()}. With the default executor, calls are sequential, so the listener
 * needs no synchronisation of its own; with another executor it must be thread-safe.
 */
@FunctionalInterface
public interface IncidentListener {

  /** Called once per incident, on the incident executor. */
  void onIncident(Incident incident);

  /**
   * What happened. The checked text itself is not included, only the matches.
   *
   * <p>An immutable value, safe to share between threads.
   *
   * @param kind a C-tier finding, a conversation that became high-risk, or a child's disclosure
   * @param conversationId the conversation's id, when the message was checked in one
   * @param messageId the message's id, when the message was checked in a conversation
   * @param risk the conversation's risk (0.0 for a finding outside a conversation)
   * @param stages the conversation's stages (empty outside a conversation)
   * @param findings the C-tier findings (for {@link Kind#FINDING}), the grooming and abuse findings of the
   *     child's words (for {@link Kind#DISCLOSURE}); empty for {@link Kind#CONVERSATION}
   * @param evidence the conversation's evidence (for {@link Kind#CONVERSATION}); empty for findings
   * @param time the message's time, or the time of the check outside a conversation
   */
  record Incident(Kind kind, Optional<String> conversationId, Optional<String> messageId, double risk,
      Set<String> stages, List<Finding> findings, List<ConversationVerdict.Evidence> evidence, Instant time) {

    public Incident {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(messageId, "messageId");
      stages = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(stages));
      findings = List.copyOf(findings);
      evidence = List.copyOf(evidence);
      Objects.requireNonNull(time, "time");
    }
  }

  /** The kinds of incident. */
  enum Kind {
    /** A check found content rated {@link Rating#C}. */
    FINDING,
    /** A conversation's grooming risk rose to 0.7 or more (reported once per crossing). */
    CONVERSATION,
    /**
     * The child's own words tell of grooming or abuse: a message the child wrote in a conversation, or text
     * checked with {@link Policy#outgoing()}, in which grooming (or, with a disclosure cue such as "có người
     * nhắn bảo", "con sợ lắm", sexual) words were rated {@link Rating#P} rather than blocking the child's
     * message: her report to a parent or a friend, or her echo of or answer to what someone asked. Its
     * {@code findings} are the message's grooming, sexual_minors and sexual findings, as rated in the
     * verdict; reported for each such message, in place of the {@link #FINDING} the same words would make
     * from someone else.
     */
    DISCLOSURE
  }
}
