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
  private boolean alerted;
  /** {@code newest} minus {@link #MAX_AGE}, made when {@code newest} changes; null before the first message. */
  private Instant cutoff;
  /** The earliest time among the kept messages, {@link Instant#MAX} when none is kept. */
  private Instant earliest = Instant.MAX;
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
   * every message: their seq, signal and sender in {@code signals} slots; -1 after the kept messages changed
   * (laid out again at the next scoring).
   */
  private long[] signalSeq = NO_SEQ;
  private double[] signalValue = NO_VALUE;
  private boolean[] signalChild = NO_CHILD;
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
    boolean newer = time.isAfter(newest);
    if (newer) {
      newest = time;
    }
    if (!hits.isEmpty() || signal >= RiskModel.SIGNAL_FLOOR) {
      keep(new Entry(seq, messageId, time, fromChild, hits, learned ? signal : RiskModel.NO_SIGNAL));
      signals = -1;
      earliest = time.isBefore(earliest) ? time : earliest;
      oldest = Math.min(oldest, seq);
      scored = false;
      if (!hits.isEmpty()) {
        stages = null;   // a message kept for its signal alone leaves the stages' assessment as it was
      }
    }
    if (newer || cutoff == null) {
      cutoff = newest.minus(MAX_AGE);
    }
    // Nothing to look at unless the oldest kept message by count or by time is out of the window.
    if (!entries.isEmpty() && (oldest <= seq - MAX_MESSAGES || earliest.isBefore(cutoff))) {
      dropOld();
    }
    return score();
  }

  /** Drops the messages older than the window's count or age. */
  private void dropOld() {
    if (inOrder && !earliest.isBefore(cutoff)) {
      dropFirst();
      return;
    }
    Instant min = Instant.MAX;
    long minSeq = Long.MAX_VALUE;
    int kept = 0;
    for (int i = 0, n = entries.size(); i < n; i++) {
      Entry e = entries.get(i);
      if (e.seq() <= seq - MAX_MESSAGES || e.time().isBefore(cutoff)) {
        dropped(e);
      } else {
        entries.set(kept++, e);
        min = e.time().isBefore(min) ? e.time() : min;
        minSeq = Math.min(minSeq, e.seq());
      }
    }
    entries.subList(kept, entries.size()).clear();
    earliest = min;
    oldest = minSeq;
  }

  /**
   * Drops the messages out of the window by count alone (none is out by age): in seq order they are the
   * first ones, so the rest is not looked at. {@code earliest} stays a lower bound of the kept messages'
   * times (exact again after the next drop by age).
   */
  private void dropFirst() {
    long limit = seq - MAX_MESSAGES;
    while (!entries.isEmpty() && entries.get(0).seq() <= limit) {
      dropped(entries.remove(0));
    }
    if (entries.isEmpty()) {
      earliest = Instant.MAX;
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
    signals = -1;
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
      r = RiskModel.combineTerm(stageTerm, signalSeq, signalValue, signalChild, signals, seq);
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
    if (signalSeq.length < entries.size()) {
      int capacity = Math.max(entries.size(), Math.min(MAX_MESSAGES, 2 * signalSeq.length));
      signalSeq = new long[capacity];
      signalValue = new double[capacity];
      signalChild = new boolean[capacity];
    }
    int n = 0;
    for (int i = 0, size = entries.size(); i < size; i++) {
      Entry e = entries.get(i);
      double g = e.signal();
      if (g > 0) {   // NaN (not scored) and zero add nothing
        signalSeq[n] = e.seq();
        signalValue[n] = g;
        signalChild[n] = e.fromChild();
        n++;
      }
    }
    signals = n;
  }

  /** Adds a message to the kept ones, newest last. */
  private void keep(Entry e) {
    inOrder &= entries.isEmpty() || entries.get(entries.size() - 1).seq() < e.seq();
    entries.add(e);
    hitBytes += e.hitBytes();
    signalOnly += e.hits().isEmpty() ? 1 : 0;
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
    w.alerted = state.alerted();
    for (WindowState.Entry e : state.entries()) {
      w.keep(new Entry(e.seq(), e.messageId(), e.time(), e.fromChild(), e.hits(), e.signal()));
      w.earliest = e.time().isBefore(w.earliest) ? e.time() : w.earliest;
      w.oldest = Math.min(w.oldest, e.seq());
    }
    return w;
  }
}
