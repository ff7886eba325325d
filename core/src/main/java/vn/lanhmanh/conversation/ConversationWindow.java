package vn.lanhmanh.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.lanhmanh.ConversationVerdict.Evidence;

/**
 * The recent messages of one conversation that carried stage phrases, and its alert state. Not
 * thread-safe: {@link ConversationMonitor} updates it under the window's own monitor.
 */
final class ConversationWindow {

  /** The window keeps at most this many messages ... */
  static final int MAX_MESSAGES = 50;
  /** ... sent at most this long before the newest one. */
  static final Duration MAX_AGE = Duration.ofHours(24);
  /** {@link #MAX_AGE} in seconds: it is whole seconds, so a cutoff keeps the newest message's nanos. */
  private static final long MAX_AGE_SECONDS = MAX_AGE.getSeconds();

  /**
   * One message's hits, with the evidence of each and its markers ({@link RiskModel#marksOf}), both made
   * once, as the message joins the window, not at every scoring, and its classifier signal
   * ({@link RiskModel#NO_SIGNAL} when the classifiers did not run).
   * Messages without hits and without a signal of at least {@link RiskModel#SIGNAL_FLOOR} are counted but
   * not kept.
   */
  private record Entry(long seq, String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits,
      double signal, Evidence[] evidence, long hitBytes, int marks) implements RiskModel.Scored {

    Entry(long seq, String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits, double signal) {
      this(seq, messageId, time, fromChild, hits, signal, RiskModel.evidenceOf(messageId, hits));
    }

    Entry(long seq, String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits, double signal,
        Evidence[] evidence) {
      this(seq, messageId, time, fromChild, hits, signal, evidence, hitBytes(evidence), RiskModel.marksOf(hits));
    }

    /** The store's estimate of what this message's reported stage phrases take ({@link WindowStore#hitBytes}). */
    private static long hitBytes(Evidence[] evidence) {
      long b = 0;
      for (Evidence e : evidence) {
        b += e == null ? 0 : WindowStore.hitBytes(e);
      }
      return b;
    }

    @Override
    public Evidence evidence(int hit) {
      return evidence[hit];
    }
  }

  /** The kept messages, oldest (smallest seq) first; read by index, so no iterator per message. */
  private final ArrayList<Entry> entries = new ArrayList<>();
  /**
   * Whether the kept messages are in seq order (always, unless restored from a state whose entries are
   * not), so those out of the window by count are the first ones.
   */
  private boolean inOrder = true;
  private long seq;
  private Instant newest = Instant.MIN;
  /*
   * The times a message is compared with, as seconds and nanos in the window itself rather than Instants it
   * points to: a window is read once per message of its conversation, and with many conversations open its
   * memory is cold by then, so every object it points to is one more cache miss.
   */
  /** {@code newest}'s epoch second and nano. */
  private long newestSec = Instant.MIN.getEpochSecond();
  private int newestNano;
  private boolean alerted;
  /**
   * {@code newest} minus {@link #MAX_AGE} (epoch second and nano), made when {@code newest} changes; unset
   * ({@code hasCutoff} false) before the first message.
   */
  private long cutoffSec;
  private int cutoffNano;
  private boolean hasCutoff;
  /** The earliest time among the kept messages (epoch second and nano), {@link Instant#MAX} when none is kept. */
  private long earliestSec = Instant.MAX.getEpochSecond();
  private int earliestNano = Instant.MAX.getNano();
  /** The smallest seq among the kept messages, {@link Long#MAX_VALUE} when none is kept. */
  private long oldest = Long.MAX_VALUE;
  /**
   * Whether {@code risk} is the score of the kept messages as they are: a message without stages that drops
   * none leaves the window as it was, so it is not scored again. False after a change.
   */
  private boolean scored;
  /** Whether {@code risk} was scored with the classifier signals. */
  private boolean scoredLearned;
  /** The risk after the newest message. */
  private double risk;
  /** Whether the newest message took the risk to {@link ConversationMonitor#HIGH_RISK} or more from below. */
  private boolean crossed;
  /**
   * The stages' assessment of the kept messages (risk before the classifier signals), while their stage
   * phrases are unchanged: with signals the risk moves with every message, but only
   * {@link RiskModel#combine} needs running again, and a message kept (or dropped) for its signal alone holds
   * no stage phrase. Null after a change of the phrases.
   */
  private RiskModel.Assessment stages;
  /** {@link RiskModel#stageTerm} of {@code stages}' risk, NaN until the first scoring with signals after it. */
  private double stageTerm = Double.NaN;
  /** Whether the newest message came with a classifier signal (the filter runs the classifiers). */
  private boolean learned;
  /** The kept messages' {@link Entry#hitBytes} summed, kept up to date as messages join and leave. */
  private long hitBytes;
  /** How many kept messages have no stage phrase (kept for their classifier signal alone). */
  private int signalOnly;
  /**
   * The kept messages' classifier signals above 0, oldest first, as {@link RiskModel#combine} reads them with
   * every message: their seq, signal and sender in slots {@code [signalFrom, signalFrom + signals)}. Kept up to
   * date as messages join (at the end) and leave by count (from the front); -1 after any other change (laid
   * out again from the kept messages at the next scoring).
   */
  private long[] signalSeq = NO_SEQ;
  private double[] signalValue = NO_VALUE;
  private boolean[] signalChild = NO_CHILD;
  private int signalFrom;
  private int signals = -1;

  private static final long[] NO_SEQ = {};
  private static final double[] NO_VALUE = {};
  private static final boolean[] NO_CHILD = {};

  /** Adds a message without a classifier signal and scores the window. */
  Observation add(String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits) {
    return add(messageId, time, fromChild, hits, RiskModel.NO_SIGNAL);
  }

  /**
   * Adds a message and scores the window.
   *
   * @param signal the message's classifier signal in [0, 1] ({@link RiskModel#signalOf}), or
   *     {@link RiskModel#NO_SIGNAL} when the classifiers did not run: then the risk is the stages' alone
   */
  Observation add(String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits, double signal) {
    apply(messageId, time, fromChild, hits, signal);
    return observation();
  }

  /**
   * {@link #add} without making an {@link Observation}: the state after the message is read from
   * {@link #risk}, {@link #crossed} and {@link #assessment} until the next message.
   *
   * @return whether the risk or the kept messages changed (what the store sizes and tiers anew)
   */
  boolean apply(String messageId, Instant time, boolean fromChild, List<StageMatcher.Hit> hits, double signal) {
    seq++;
    learned = !Double.isNaN(signal);
    long sec = time.getEpochSecond();
    int nano = time.getNano();
    boolean newer = before(newestSec, newestNano, sec, nano);   // time.isAfter(newest)
    if (newer) {
      newest = time;
      newestSec = sec;
      newestNano = nano;
    }
    if (!hits.isEmpty() || signal >= RiskModel.SIGNAL_FLOOR) {
      keep(new Entry(seq, messageId, time, fromChild, hits, learned ? signal : RiskModel.NO_SIGNAL));
      if (before(sec, nano, earliestSec, earliestNano)) {
        earliestSec = sec;
        earliestNano = nano;
      }
      oldest = Math.min(oldest, seq);
      scored = false;
      if (!hits.isEmpty()) {
        stages = null;   // a message kept for its signal alone leaves the stages' assessment as it was
      }
    }
    if (newer || !hasCutoff) {
      if (newestSec - MAX_AGE_SECONDS >= Instant.MIN.getEpochSecond()) {
        // newest.minus(MAX_AGE) without an Instant made for it
        cutoffSec = newestSec - MAX_AGE_SECONDS;
        cutoffNano = newestNano;
      } else {
        Instant cutoff = newest.minus(MAX_AGE);   // before Instant.MIN: throws, as it always did
        cutoffSec = cutoff.getEpochSecond();
        cutoffNano = cutoff.getNano();
      }
      hasCutoff = true;
    }
    // Nothing to look at unless the oldest kept message by count or by time is out of the window.
    if (!entries.isEmpty()
        && (oldest <= seq - MAX_MESSAGES || before(earliestSec, earliestNano, cutoffSec, cutoffNano))) {
      dropOld();
    }
    return score();
  }

  /** {@link Instant#isBefore} on seconds and nanos: ({@code s1}, {@code n1}) before ({@code s2}, {@code n2}). */
  private static boolean before(long s1, int n1, long s2, int n2) {
    return s1 < s2 || (s1 == s2 && n1 < n2);
  }

  /** Drops the messages older than the window's count or age. */
  private void dropOld() {
    if (inOrder && !before(earliestSec, earliestNano, cutoffSec, cutoffNano)) {
      dropFirst();
      return;
    }
    Instant min = Instant.MAX;
    long minSeq = Long.MAX_VALUE;
    int kept = 0;
    for (int i = 0, n = entries.size(); i < n; i++) {
      Entry e = entries.get(i);
      Instant t = e.time();
      if (e.seq() <= seq - MAX_MESSAGES || before(t.getEpochSecond(), t.getNano(), cutoffSec, cutoffNano)) {
        dropped(e);
      } else {
        entries.set(kept++, e);
        min = e.time().isBefore(min) ? e.time() : min;
        minSeq = Math.min(minSeq, e.seq());
      }
    }
    entries.subList(kept, entries.size()).clear();
    earliestSec = min.getEpochSecond();
    earliestNano = min.getNano();
    oldest = minSeq;
    signals = -1;
  }

  /**
   * Drops the messages out of the window by count alone (none is out by age): in seq order they are the
   * first ones, so the rest is not looked at. {@code earliest} stays a lower bound of the kept messages'
   * times (exact again after the next drop by age).
   */
  private void dropFirst() {
    long limit = seq - MAX_MESSAGES;
    while (!entries.isEmpty() && entries.get(0).seq() <= limit) {
      Entry e = entries.remove(0);
      dropped(e);
      if (signals > 0 && e.signal() > 0) {
        signalFrom++;   // in seq order its signal is the first laid out
        signals--;
      }
    }
    if (entries.isEmpty()) {
      earliestSec = Instant.MAX.getEpochSecond();
      earliestNano = Instant.MAX.getNano();
      oldest = Long.MAX_VALUE;
    } else {
      oldest = entries.get(0).seq();
    }
  }

  /** Takes a message that left the window out of the counts and the scores kept. */
  private void dropped(Entry e) {
    hitBytes -= e.hitBytes();
    signalOnly -= e.hits().isEmpty() ? 1 : 0;
    scored = false;
    if (!e.hits().isEmpty()) {
      stages = null;
    }
  }

  /** Scores the window into {@code risk} and {@code crossed}; returns whether the risk or the kept messages changed. */
  private boolean score() {
    if (scored && learned == scoredLearned && (!learned || signals == 0)) {
      // unchanged: same risk, and an alert is not crossed twice (with classifier signals the risk moves with
      // every message, as older signals decay and the newest message's own signal counts, so it is scored,
      // unless no kept message has a signal above 0: then the combiner reads the stages' term alone)
      crossed = false;
      return false;
    }
    if (stages == null) {
      stages = RiskModel.assess(entries, -1);
      stageTerm = Double.NaN;
    }
    double r = stages.risk();
    if (learned) {
      if (signals < 0) {
        laySignals();
      }
      if (Double.isNaN(stageTerm)) {
        stageTerm = RiskModel.stageTerm(r);
      }
      r = RiskModel.combineTerm(stageTerm, signalSeq, signalValue, signalChild, signalFrom, signals, seq);
    }
    if (scored && Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(risk)) {
      // kept messages unchanged and the same risk (a window without signals above 0): nothing to settle
      crossed = false;
      return false;
    }
    boolean high = r >= ConversationMonitor.HIGH_RISK;
    crossed = high && !alerted;
    alerted = high;
    risk = r;
    scored = true;
    scoredLearned = learned;
    return true;
  }

  /** The risk after the newest message. */
  double risk() {
    return risk;
  }

  /** Whether the newest message took the risk to {@link ConversationMonitor#HIGH_RISK} or more from below. */
  boolean crossed() {
    return crossed;
  }

  /** The stages' assessment of the kept messages (their stages, evidence and reasons) after the newest message. */
  RiskModel.Assessment assessment() {
    return stages;
  }

  /** The state after the newest message as a value. */
  Observation observation() {
    return new Observation(risk, stages.stages(), stages.evidence(), stages.reasons(), crossed);
  }

  /** Lays out the kept messages' signals above 0 for {@link RiskModel#combine}, oldest first. */
  private void laySignals() {
    signalFrom = 0;
    signals = 0;
    for (int i = 0, size = entries.size(); i < size; i++) {
      laySignal(entries.get(i));
    }
  }

  /** Lays out one more message's signal after the others, if above 0 (NaN, not scored, and zero add nothing). */
  private void laySignal(Entry e) {
    double g = e.signal();
    if (!(g > 0)) {
      return;
    }
    int end = signalFrom + signals;
    if (end == signalSeq.length) {
      if (signals < signalSeq.length / 2) {
        // room at the front, left by messages that went out of the window: move the laid-out ones there
        System.arraycopy(signalSeq, signalFrom, signalSeq, 0, signals);
        System.arraycopy(signalValue, signalFrom, signalValue, 0, signals);
        System.arraycopy(signalChild, signalFrom, signalChild, 0, signals);
      } else {
        int capacity = Math.max(8, Math.min(2 * MAX_MESSAGES, 2 * signalSeq.length));
        signalSeq = java.util.Arrays.copyOfRange(signalSeq, signalFrom, signalFrom + capacity);
        signalValue = java.util.Arrays.copyOfRange(signalValue, signalFrom, signalFrom + capacity);
        signalChild = java.util.Arrays.copyOfRange(signalChild, signalFrom, signalFrom + capacity);
      }
      signalFrom = 0;
      end = signals;
    }
    signalSeq[end] = e.seq();
    signalValue[end] = g;
    signalChild[end] = e.fromChild();
    signals++;
  }

  /** Adds a message to the kept ones, newest last (its signal laid out after the others'). */
  private void keep(Entry e) {
    boolean after = entries.isEmpty() || entries.get(entries.size() - 1).seq() < e.seq();
    inOrder &= after;
    entries.add(e);
    hitBytes += e.hitBytes();
    signalOnly += e.hits().isEmpty() ? 1 : 0;
    if (signals >= 0) {
      if (after) {
        laySignal(e);
      } else {
        signals = -1;   // out of seq order: laid out again from the kept messages
      }
    }
  }

  /** Messages in the window kept for their classifier signal alone (without a stage phrase). */
  int signalOnly() {
    return signalOnly;
  }

  /** The store's estimate of the bytes the window's reported stage phrases take ({@link WindowStore#hitBytes}). */
  long hitBytes() {
    return hitBytes;
  }

  /** Messages with stage phrases or a classifier signal currently in the window. */
  int size() {
    return entries.size();
  }

  /** The window's fields as a value (see {@link WindowState}). */
  WindowState export() {
    List<WindowState.Entry> out = new ArrayList<>(entries.size());
    for (int i = 0, n = entries.size(); i < n; i++) {
      Entry e = entries.get(i);
      out.add(new WindowState.Entry(e.seq(), e.messageId(), e.time(), e.fromChild(), e.hits(), e.signal()));
    }
    return new WindowState(seq, newest, alerted, out);
  }

  /** A window holding the fields of {@code state}, as {@link #export()} gave them. */
  static ConversationWindow restore(WindowState state) {
    ConversationWindow w = new ConversationWindow();
    w.seq = state.seq();
    w.newest = state.newest();
    w.newestSec = w.newest.getEpochSecond();
    w.newestNano = w.newest.getNano();
    w.alerted = state.alerted();
    for (WindowState.Entry e : state.entries()) {
      w.keep(new Entry(e.seq(), e.messageId(), e.time(), e.fromChild(), e.hits(), e.signal()));
      if (before(e.time().getEpochSecond(), e.time().getNano(), w.earliestSec, w.earliestNano)) {
        w.earliestSec = e.time().getEpochSecond();
        w.earliestNano = e.time().getNano();
      }
      w.oldest = Math.min(w.oldest, e.seq());
    }
    return w;
  }
}
