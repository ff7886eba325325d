package vn.lanhmanh.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The recent messages of one conversation that carried stage phrases, and its alert state. Not
 * thread-safe: {@link ConversationMonitor} updates it inside the cache's per-key compute.
 */
final class ConversationWindow {

  /** The window keeps at most this many messages ... */
  static final int MAX_MESSAGES = 50;
  /** ... sent at most this long before the newest one. */
  static final Duration MAX_AGE = Duration.ofHours(24);

  /** One message's hits. Messages without hits are counted but not kept. */
  private record Entry(long seq, String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits)
      implements RiskModel.Scored {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long seq;
  private Instant newest = Instant.MIN;
  private boolean alerted;
  /**
   * The last score, while the kept messages are unchanged: a message without stages that drops none
   * leaves the window as it was, so it is not scored again. Null after a change.
   */
  private Observation last;

  /** Adds a message and scores the window. */
  Observation add(String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits) {
    seq++;
    if (time.isAfter(newest)) {
      newest = time;
    }
    if (!hits.isEmpty()) {
      entries.addLast(new Entry(seq, messageId, time, fromChild, hits));
      last = null;
    }
    Instant cutoff = newest.minus(MAX_AGE);
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.seq() <= seq - MAX_MESSAGES || e.time().isBefore(cutoff)) {
        it.remove();
        last = null;
      }
    }
    return score();
  }

  private Observation score() {
    if (last != null) {
      return last;   // unchanged: same risk, and an alert is not crossed twice
    }
    RiskModel.Assessment a = RiskModel.assess(entries);
    boolean high = a.risk() >= ConversationMonitor.HIGH_RISK;
    boolean crossed = high && !alerted;
    alerted = high;
    Observation o = new Observation(a.risk(), a.stages(), a.evidence(), a.reasons(), crossed);
    last = crossed ? new Observation(a.risk(), a.stages(), a.evidence(), a.reasons(), false) : o;
    return o;
  }

  /** Messages with stage phrases currently in the window. */
  int size() {
    return entries.size();
  }

  /** The window's fields as a value (see {@link WindowState}). */
  WindowState export() {
    List<WindowState.Entry> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(new WindowState.Entry(e.seq(), e.messageId(), e.time(), e.fromChild(), e.hits()));
    }
    return new WindowState(seq, newest, alerted, out);
  }

  /** A window holding the fields of {@code state}, as {@link #export()} gave them. */
  static ConversationWindow restore(WindowState state) {
    ConversationWindow w = new ConversationWindow();
    w.seq = state.seq();
    w.newest = state.newest();
    w.alerted = state.alerted();
    for (WindowState.Entry e : state.entries()) {
      w.entries.addLast(new Entry(e.seq(), e.messageId(), e.time(), e.fromChild(), e.hits()));
    }
    return w;
  }
}
