package vn.lanhmanh.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.lanhmanh.lexicon.LexiconEntry;

/**
 * The conversation windows of one filter, kept in a Caffeine cache bounded in size and expiring after a
 * period without messages. A message is matched for stage phrases outside any lock; only the window
 * update and scoring (at most {@value ConversationWindow#MAX_MESSAGES} messages) run inside the cache's
 * per-key compute, so messages of one conversation are applied one at a time and different conversations
 * do not wait for each other.
 *
 * <p>Thread-safe.
 */
public final class ConversationMonitor {

  /** At or above this risk a conversation is high-risk (WARN, an incident). */
  public static final double HIGH_RISK = 0.7;
  /** At or above this risk a conversation's messages are blocked. */
  public static final double BLOCK_RISK = 0.85;

  private final StageMatcher matcher;
  private final Cache<String, ConversationWindow> windows;

  /**
   * @param lexicon the filter's entries (their teencode and grooming context are used)
   * @param maximumSize how many conversations are kept (least recently used ones are dropped first)
   * @param expireAfterAccess how long a conversation without messages is kept
   * @param ticker Caffeine's clock ({@link Ticker#systemTicker()} outside tests)
   */
  public ConversationMonitor(List<LexiconEntry> lexicon, long maximumSize, Duration expireAfterAccess,
      Ticker ticker) {
    this(StageMatcher.create(lexicon), maximumSize, expireAfterAccess, ticker);
  }

  /** As above, with the stage matcher already made (from the precompiled lexicon). */
  public ConversationMonitor(StageMatcher matcher, long maximumSize, Duration expireAfterAccess,
      Ticker ticker) {
    this.matcher = matcher;
    this.windows = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfterAccess(expireAfterAccess)
        .ticker(ticker)
        .build();
  }

  /** Adds one message to a conversation and returns the conversation's state after it. */
  public Observation observe(String conversationId, String messageId, String text, Instant time,
      boolean fromChild) {
    List<StageMatcher.Hit> hits = matcher.match(text, fromChild);
    Observation[] out = new Observation[1];
    windows.asMap().compute(conversationId, (id, w) -> {
      ConversationWindow window = w == null ? new ConversationWindow() : w;
      out[0] = window.add(messageId, time, fromChild, hits);
      return window;
    });
    return out[0];
  }

  /** The matcher (for tests and tooling). */
  public StageMatcher matcher() {
    return matcher;
  }

  /** Conversations currently kept (after pending evictions). */
  public long size() {
    windows.cleanUp();
    return windows.estimatedSize();
  }

  /** Messages with stage phrases in a conversation's window, 0 when it is not kept. */
  public int windowSize(String conversationId) {
    int[] n = new int[1];
    windows.asMap().computeIfPresent(conversationId, (id, w) -> {
      n[0] = w.size();
      return w;
    });
    return n[0];
  }
}
