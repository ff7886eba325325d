package vn.lanhmanh.cli;

/**
 * What the HTTP service lets one request, one client and all of them together use, beyond the request
 * limits of {@link ServiceLimits} (see docs/SERVICE.md, "Budgets"). Immutable.
 *
 * @param maxAnswerBytes the largest answer body; a bigger one is refused ({@code 413 answer_too_large})
 * @param heavyWork how many heavy requests (batches, and checks with a body over {@link #LIGHT_BODY_BYTES}
 *     or of unknown length) are read and checked at once; the next ones wait in a queue, their bodies
 *     unread and no thread held, and past the queue's length or wait ({@code HttpService}) they are
 *     refused ({@code 503 busy})
 * @param bodyTimeoutMillis how long a request may take to send its body ({@code 408 body_timeout})
 * @param minBytesPerSecond the slowest body Jetty accepts, averaged from the request's start
 * @param maxConnections the most open connections; more wait in the kernel's accept queue
 * @param newConversationsPerMinute the most new conversations one client (remote address) may start per
 *     minute ({@code 429 too_many_conversations}); 0 for no limit
 */
record ServiceBudgets(int maxAnswerBytes, int heavyWork, long bodyTimeoutMillis, long minBytesPerSecond,
    int maxConnections, int newConversationsPerMinute) {

  /** A request whose declared body is at most this many bytes is light: no heavy-work permit needed. */
  static final int LIGHT_BODY_BYTES = 16 * 1024;

  static final int DEFAULT_MAX_ANSWER_BYTES = 8 << 20;
  static final long DEFAULT_BODY_TIMEOUT_MILLIS = 10_000;
  static final long DEFAULT_MIN_BYTES_PER_SECOND = 1024;
  static final int DEFAULT_MAX_CONNECTIONS = 1_000;
  static final int DEFAULT_NEW_CONVERSATIONS_PER_MINUTE = 600;

  /** One heavy request per two cores, at least one. */
  static int defaultHeavyWork() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  static ServiceBudgets defaults() {
    return new ServiceBudgets(DEFAULT_MAX_ANSWER_BYTES, defaultHeavyWork(), DEFAULT_BODY_TIMEOUT_MILLIS,
        DEFAULT_MIN_BYTES_PER_SECOND, DEFAULT_MAX_CONNECTIONS, DEFAULT_NEW_CONVERSATIONS_PER_MINUTE);
  }

  ServiceBudgets {
    if (maxAnswerBytes < 64 * 1024 || heavyWork < 1 || bodyTimeoutMillis < 100 || minBytesPerSecond < 0
        || maxConnections < 8 || newConversationsPerMinute < 0) {
      throw new IllegalArgumentException("service budgets out of range: answer " + maxAnswerBytes
          + " bytes (at least 65536), heavy work " + heavyWork + " (at least 1), body timeout " + bodyTimeoutMillis
          + " ms (at least 100), " + minBytesPerSecond + " bytes/s, " + maxConnections
          + " connections (at least 8), " + newConversationsPerMinute + " new conversations a minute");
    }
  }
}
