package vn.lanhmanh.cli;

import java.time.Instant;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;

/**
 * One check asked of the HTTP service, read: a text or a URL, the viewer's policy, and for a chat message
 * its conversation. Either {@code problem} is set, or {@code policy} and exactly one of {@code text} and
 * {@code url}. Immutable.
 *
 * @param id the {@code "id"} to echo ({@link JsonId#NULL} when missing)
 * @param messageId the id as text, for a conversation message ({@code ""} when missing or not a scalar)
 * @param text the text to check
 * @param url the URL to check
 * @param policy the viewer's policy, from {@code "age"} or {@code "tier"}
 * @param conversation the conversation id, or null for a lone check
 * @param sender who wrote the message (conversation only)
 * @param time when it was sent (conversation only; now when not given)
 * @param problem why the request cannot be checked
 */
record ServiceRequest(JsonId id, String messageId, String text, String url, Policy policy, String conversation,
    Message.Sender sender, Instant time, ServiceProblem problem) {

  static ServiceRequest failed(JsonId id, ServiceProblem problem) {
    return new ServiceRequest(id, "", null, null, null, null, null, null, problem);
  }

  boolean failed() {
    return problem != null;
  }
}
