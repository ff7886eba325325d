package vn.lanhmanh.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import vn.lanhmanh.ConversationVerdict.Evidence;
import vn.lanhmanh.ConversationVerdict.Reason;
import vn.lanhmanh.lexicon.LexiconEntry;

/**
 * The conversation windows of one filter, in a {@link WindowStore} bounded in count and in bytes, where
 * windows holding stage phrases outlive innocent ones. A message is matched for stage phrases outside any
 * lock; only the window update and scoring (at most {@value ConversationWindow#MAX_MESSAGES} messages)
 * run under the window's own monitor, so messages of one conversation are applied one at a time and
 * different conversations do not wait for each other.
 *
 * <p><b>Budgets.</b> What a window keeps of a message is capped: the message id at
 * {@value #MAX_MESSAGE_ID_CHARS} chars, each phrase as written at {@value #MAX_MATCH_CHARS} chars (its
 * offsets stay exact), and a message with more than {@link #MAX_HITS_PER_MESSAGE} stage phrases keeps,
 * per stage, its strongest phrase and its strongest awareness-lowered one (the risk is the same: it uses
 * only the best weight per stage).
 *
 * <p>Thread-safe.
 */
public final class ConversationMonitor {

  /** At or above this risk a conversation is high-risk (WARN, an incident). */
  public static final double HIGH_RISK = 0.7;
  /** At or above this risk a conversation's messages are blocked. */
  public static final double BLOCK_RISK = 0.85;
  /** The longest message id a window keeps; a longer one is cut to this many chars. */
  public static final int MAX_MESSAGE_ID_CHARS = 128;
  /** The longest phrase-as-written a window keeps. */
  public static final int MAX_MATCH_CHARS = 64;
  /** Beyond this many stage phrases in one message, only the strongest per stage are kept. */
  public static final int MAX_HITS_PER_MESSAGE = 2 * Stage.values().length;

  private final StageMatcher matcher;
  private final WindowStore windows;

  /**
   * @param lexicon the filter's entries (their teencode and grooming context are used)
   * @param maximumSize how many conversations are kept
   * @param maximumBytes how many estimated bytes of windows are kept
   * @param expireAfterAccess how long a conversation without messages is kept
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
   */
  public ConversationMonitor(List<LexiconEntry> lexicon, long maximumSize, long maximumBytes,
      Duration expireAfterAccess, LongSupplier nanoClock) {
    this(StageMatcher.create(lexicon), maximumSize, maximumBytes, expireAfterAccess, nanoClock);
  }

  /** As above, with the stage matcher already made (from the precompiled lexicon). */
  public ConversationMonitor(StageMatcher matcher, long maximumSize, long maximumBytes,
      Duration expireAfterAccess, LongSupplier nanoClock) {
    this.matcher = matcher;
    this.windows = new WindowStore(maximumSize, maximumBytes, expireAfterAccess.toNanos(), nanoClock);
  }

  /** Adds one message to a conversation and returns the conversation's state after it. */
  public Observation observe(String conversationId, String messageId, String text, Instant time,
      boolean fromChild) {
    return observe(conversationId, messageId, time, fromChild, matcher.match(text, fromChild));
  }

  /**
   * Adds one message whose stages are already known ({@link StageMatcher#match}) and returns the
   * conversation's state after it.
   */
  public Observation observe(String conversationId, String messageId, Instant time, boolean fromChild,
      List<StageMatcher.Hit> stageHits) {
    return observe(conversationId, messageId, time, fromChild, stageHits, RiskModel.NO_SIGNAL);
  }

  /**
   * As above, with the message's classifier signal ({@link #signalOf}; NaN when the filter runs no
   * classifiers, which leaves the risk the stages' alone).
   */
  public Observation observe(String conversationId, String messageId, Instant time, boolean fromChild,
      List<StageMatcher.Hit> stageHits, double signal) {
    Latest latest = new Latest();
    update(null, conversationId, messageId, time, fromChild, stageHits, signal, latest);
    return latest.observation();
  }

  /**
   * {@link #observe} without making an {@link Observation} per message: the conversation's state after the
   * message is left in the calling thread's own {@link Outcome}, which its next message on this monitor
   * overwrites (read what is needed before checking another message on the same thread).
   */
  public Outcome observeOnThread(String conversationId, String messageId, Instant time, boolean fromChild,
      List<StageMatcher.Hit> stageHits, double signal) {
    return observeOnThread(null, conversationId, messageId, time, fromChild, stageHits, signal);
  }

  /**
   * {@link #observeOnThread(String, String, Instant, boolean, List, double)} for a conversation whose
   * {@code handle} keeps the window its last message used: while that window is kept, the next message goes
   * to it without a lookup in the store's index.
   */
  public Outcome observeOnThread(Handle handle, String conversationId, String messageId, Instant time,
      boolean fromChild, List<StageMatcher.Hit> stageHits, double signal) {
    Latest latest = LATEST.get();
    update(handle, conversationId, messageId, time, fromChild, stageHits, signal, latest);
    return latest;
  }

  /**
   * What a conversation's handle keeps of its window between messages: the store's slot its last message
   * used (a hint; a window that left the store is found or made again by id). Thread-safe.
   */
  public static final class Handle {
    private volatile WindowStore.Slot slot;
  }

  /** Per thread, the state {@link #observeOnThread} leaves. */
  private static final ThreadLocal<Latest> LATEST = ThreadLocal.withInitial(Latest::new);

  /** A window's state after a message, copied out of it under its monitor. */
  private static final class Latest implements Outcome {
    private double risk;
    private boolean crossedHigh;
    private RiskModel.Assessment assessment;

    void read(ConversationWindow window) {
      risk = window.risk();
      crossedHigh = window.crossed();
      assessment = window.assessment();
    }

    Observation observation() {
      return new Observation(risk, stages(), evidence(), reasons(), crossedHigh);
    }

    @Override
    public double risk() {
      return risk;
    }

    @Override
    public boolean crossedHigh() {
      return crossedHigh;
    }

    @Override
    public Set<String> stages() {
      return assessment.stages();
    }

    @Override
    public List<Evidence> evidence() {
      return assessment.evidence();
    }

    @Override
    public List<Reason> reasons() {
      return assessment.reasons();
    }
  }

  /** Adds the message to its window under the window's monitor, and copies the window's state into {@code out}. */
  private void update(Handle handle, String conversationId, String messageId, Instant time, boolean fromChild,
      List<StageMatcher.Hit> stageHits, double signal, Latest out) {
    List<StageMatcher.Hit> hits = bounded(stageHits);
    String id = clip(messageId, MAX_MESSAGE_ID_CHARS);
    for (int attempt = 0; ; attempt++) {
      WindowStore.Slot slot;
      if (handle == null) {
        slot = windows.acquire(conversationId);
      } else {
        WindowStore.Slot last = handle.slot;
        slot = windows.acquire(conversationId, last);
        if (slot != last) {
          handle.slot = slot;
        }
      }
      synchronized (slot.window) {
        if (slot.removed && attempt < 3) {
          continue;   // evicted or expired between the lookup and now: take the new window
        }
        ConversationWindow w = slot.window;
        if (w.apply(id, time, fromChild, hits, signal)) {
          // the window changed (an unchanged one keeps its risk): size and tier anew
          windows.settle(slot, WindowStore.bytesOf(conversationId, w.hitBytes(), w.signalOnly()),
              WindowStore.Tier.of(w.risk(), w.assessment().stages().isEmpty()));
        }
        out.read(w);
        return;
      }
    }
  }

  /**
   * One message added to a window held outside this monitor: the same matching, budgets, window and
   * scoring as {@link #observe}, on a copy of {@code previous}; the monitor's own windows are not touched.
   *
   * @param previous the conversation's window before the message ({@link WindowState#EMPTY} for a new one)
   * @return the conversation's state after the message and the window to keep for the next one
   */
  public Step step(WindowState previous, String messageId, String text, Instant time, boolean fromChild) {
    return step(previous, messageId, time, fromChild, matcher.match(text, fromChild));
  }

  /** {@link #step} for a message whose stages are already known ({@link StageMatcher#hits}). */
  public Step step(WindowState previous, String messageId, Instant time, boolean fromChild,
      List<StageMatcher.Hit> stageHits) {
    return step(previous, messageId, time, fromChild, stageHits, RiskModel.NO_SIGNAL);
  }

  /** As above, with the message's classifier signal (NaN without classifiers). */
  public Step step(WindowState previous, String messageId, Instant time, boolean fromChild,
      List<StageMatcher.Hit> stageHits, double signal) {
    List<StageMatcher.Hit> hits = bounded(stageHits);
    ConversationWindow window = ConversationWindow.restore(previous);
    Observation o = window.add(clip(messageId, MAX_MESSAGE_ID_CHARS), time, fromChild, hits, signal);
    return new Step(o, window.export());
  }

  /** What {@link #step} gives back: the observation and the window after the message. */
  public record Step(Observation observation, WindowState next) {}

  /** The matcher (for tests and tooling). */
  public StageMatcher matcher() {
    return matcher;
  }

  /** Conversations currently kept (after dropping expired ones). */
  public long size() {
    return windows.size();
  }

  /** Whether a window is kept for this conversation now. */
  public boolean contains(String conversationId) {
    return windows.contains(conversationId);
  }

  /** Messages with stage phrases in a conversation's window, 0 when it is not kept. */
  public int windowSize(String conversationId) {
    WindowStore.Slot s = windows.peek(conversationId);
    if (s == null) {
      return 0;
    }
    synchronized (s.window) {
      return s.window.size();
    }
  }

  /**
   * The store's counters: {@code conversations}, {@code bytes} (estimated), {@code created},
   * {@code expired}, and per tier ({@code innocent}, {@code staged}, {@code at_risk})
   * {@code conversations_<tier>} and {@code evicted_<tier>}.
   */
  public Map<String, Long> counts() {
    return windows.counts();
  }

  /**
   * A message's classifier signal from its verdict's calibrated scores: the higher of {@code grooming} and
   * {@code sexual_minors}.
   */
  public static double signalOf(double grooming, double sexualMinors) {
    return RiskModel.signalOf(grooming, sexualMinors);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : new String(s.substring(0, max));
  }

  /** The hits with their phrases capped, and at most the strongest two per stage when there are many. */
  static List<StageMatcher.Hit> bounded(List<StageMatcher.Hit> hits) {
    if (hits.isEmpty()) {
      return hits;   // most messages
    }
    boolean longMatch = false;
    for (int i = 0, n = hits.size(); i < n; i++) {
      longMatch |= hits.get(i).match().length() > MAX_MATCH_CHARS;
    }
    if (!longMatch && hits.size() <= MAX_HITS_PER_MESSAGE) {
      return hits;
    }
    List<StageMatcher.Hit> in = hits;
    if (hits.size() > MAX_HITS_PER_MESSAGE) {
      // per stage: [strongest not lowered, strongest lowered], kept in their order of appearance
      StageMatcher.Hit[][] best = new StageMatcher.Hit[Stage.values().length][2];
      for (StageMatcher.Hit h : hits) {
        StageMatcher.Hit[] b = best[h.stage().ordinal()];
        int k = h.lowered() ? 1 : 0;
        if (b[k] == null || h.weight() > b[k].weight()) {
          b[k] = h;
        }
      }
      in = new ArrayList<>(MAX_HITS_PER_MESSAGE);
      for (StageMatcher.Hit h : hits) {
        StageMatcher.Hit[] b = best[h.stage().ordinal()];
        if (b[0] == h || b[1] == h) {
          in.add(h);
        }
      }
    }
    List<StageMatcher.Hit> out = new ArrayList<>(in.size());
    for (StageMatcher.Hit h : in) {
      out.add(h.match().length() <= MAX_MATCH_CHARS ? h
          : new StageMatcher.Hit(h.stage(), h.weight(), h.start(), h.end(), clip(h.match(), MAX_MATCH_CHARS),
              h.lowered(), h.rule()));
    }
    return out;
  }
}
