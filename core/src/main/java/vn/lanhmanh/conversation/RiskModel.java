package vn.lanhmanh.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import vn.lanhmanh.ConversationVerdict.Evidence;
import vn.lanhmanh.ConversationVerdict.Reason;
import vn.lanhmanh.internal.FixedList;
import vn.lanhmanh.internal.OrderedSet;

/**
 * Combines the stages seen in a conversation's window into one risk in {@code [0, 1]}, and says which
 * message raised each stage. The formula is documented on {@code vn.lanhmanh.Conversation}; the constants
 * live here.
 */
final class RiskModel {

  /** Breadth factor by the number of distinct stages the other party showed: 0–1, 2, 3, 4 or more. */
  static final double[] BREADTH = {0.25, 0.25, 0.5, 0.85, 1.0};
  /** Each dangerous pair shown by the other party adds this share of the weaker stage's weight. */
  static final double PAIR_FACTOR = 0.6;
  /** A pair counts only when both its stages were shown at least this strongly. */
  static final double PAIR_MIN = 0.45;
  /** A stage the other party shows with at least this weight is enough on its own. */
  static final double DECISIVE = 0.85;
  /**
   * A {@link Stage#PURPOSE} at least this strong names its reason (a present for a parent, a party, an
   * apology) and explains a secret about a meeting too; a weaker one (a bare "surprise") explains only a
   * secret in a message that proposes no meeting.
   */
  static final double NAMED_PURPOSE = 0.5;
  /**
   * How many messages after the child asks for a secret with her own named reason ("chị giữ bí mật giúp em, em
   * muốn tặng bố một tấm ảnh") the other party's secrecy, and a bare present he names with it, are taken as his
   * answer to her request, and lowered (fifty-third round, second pass; the present since the fifty-eighth round).
   */
  static final long CHILD_REASON_REACH = 2;
  /**
   * A gift named in the other party's answer to the child's own reason is lowered only below this weight: a bare
   * gift ("tặng sau thánh lễ nhé", her present), never game currency or a gift in exchange, which are his.
   */
  static final double ANSWERED_GIFT_BELOW = 0.45;
  /** The pairs that mark an approach rather than a chat. */
  static final Stage[][] DANGEROUS_PAIRS = {
      {Stage.SECRECY, Stage.MEETING},
      {Stage.SECRECY, Stage.PHOTOS},
      {Stage.GIFTS, Stage.PHOTOS},
      {Stage.PHOTOS, Stage.MEETING},
      {Stage.SEXUAL, Stage.SECRECY},
      {Stage.SEXUAL, Stage.MEETING},
      {Stage.SEXUAL, Stage.PHOTOS},
      {Stage.CHANNEL, Stage.PHOTOS},
      {Stage.OFFER, Stage.PHOTOS},
      {Stage.OFFER, Stage.SECRECY},
      {Stage.PARENTS, Stage.MEETING},
      {Stage.PARENTS, Stage.PHOTOS},
      {Stage.ADDRESS, Stage.SECRECY},
      {Stage.ADDRESS, Stage.MEETING},
  };

  /** The signal of a message the classifiers did not score. */
  static final double NO_SIGNAL = Double.NaN;
  /**
   * A message without stages is kept in the window only when its signal is at least this (a lower one
   * adds almost nothing to the sums below).
   */
  static final double SIGNAL_FLOOR = 0.05;
  /** Each later message multiplies an earlier message's signal by this in the sums. */
  static final double SIGNAL_DECAY = 0.8;
  /** The stage risk enters the combiner clamped to this range (so the classifiers can outweigh it). */
  static final double STAGE_MIN = 0.01;
  static final double STAGE_MAX = 0.9;
  /**
   * The learned combiner: weights of logit(stage risk), the other party's decayed signal sum, the newest
   * message's own signal when the other party sent it, the child's decayed signal sum, and the bias. A
   * logistic regression fitted on chats rounds 4 and 5 with the stage risks the engine gave them while they
   * were unseen (docs/QUALITY.md, "Conversations with the classifiers").
   */
  static final double W_STAGE = 1.335;
  static final double W_OTHER = 1.233;
  static final double W_NEWEST = -0.432;
  static final double W_CHILD = 3.481;
  static final double BIAS = -0.926;

  /**
   * A message's classifier signal: the higher of its calibrated {@code grooming} and {@code sexual_minors}
   * scores.
   */
  static double signalOf(double grooming, double sexualMinors) {
    double g = Math.max(grooming > 0 ? grooming : 0, sexualMinors > 0 ? sexualMinors : 0);   // NaN counts as 0
    return Math.min(1, g);
  }

  /**
   * The risk from the stages' risk and the signals of the window's messages, as of message {@code seq}: a
   * logistic regression over logit(stage risk) (clamped to [{@value #STAGE_MIN}, {@value #STAGE_MAX}]), the
   * other party's signals summed with decay {@value #SIGNAL_DECAY} per message since, the newest message's
   * own signal (the other party's), and the child's signals summed the same way.
   */
  static double combine(double stageRisk, Iterable<? extends Scored> window, long seq) {
    double other = 0;
    double child = 0;
    double newest = 0;
    for (Scored e : window) {
      double g = e.signal();
      if (!(g > 0)) {
        continue;   // NaN (not scored) or zero
      }
      double d = decay(Math.max(0, seq - e.seq()));
      if (e.fromChild()) {
        child += g * d;
      } else {
        other += g * d;
        newest = e.seq() == seq ? g : newest;
      }
    }
    return combined(stageTerm(stageRisk), other, newest, child);
  }

  /**
   * {@link #combine(double, Iterable, long)} over the window's signals above 0 laid out in arrays, oldest
   * first ({@code n} of them from index {@code from}), with the stage risk given as its {@link #stageTerm} (a
   * window keeps it while its stages are unchanged): the same sums in the same order, so the same risk to the
   * bit.
   */
  static double combineTerm(double stageTerm, long[] seqs, double[] signals, boolean[] fromChild, int from, int n,
      long seq) {
    double other = 0;
    double child = 0;
    double newest = 0;
    for (int i = from, end = from + n; i < end; i++) {
      double g = signals[i];
      double d = decay(Math.max(0, seq - seqs[i]));
      if (fromChild[i]) {
        child += g * d;
      } else {
        other += g * d;
        newest = seqs[i] == seq ? g : newest;
      }
    }
    return combined(stageTerm, other, newest, child);
  }

  /**
   * The combiner's first term: {@value #W_STAGE} · logit of the stage risk clamped to [{@value #STAGE_MIN},
   * {@value #STAGE_MAX}].
   */
  static double stageTerm(double stageRisk) {
    double s = Math.min(STAGE_MAX, Math.max(STAGE_MIN, stageRisk));
    return W_STAGE * Math.log(s / (1 - s));
  }

  /** The combiner's logistic regression over the stage term ({@link #stageTerm}) and the signal sums. */
  private static double combined(double stageTerm, double other, double newest, double child) {
    double z = stageTerm + W_OTHER * other + W_NEWEST * newest + W_CHILD * child + BIAS;
    return 1 / (1 + Math.exp(-z));
  }

  /** {@link #SIGNAL_DECAY} to the powers a window's messages can be apart, made once. */
  private static final double[] DECAY = new double[2 * ConversationWindow.MAX_MESSAGES];

  static {
    for (int k = 0; k < DECAY.length; k++) {
      DECAY[k] = Math.pow(SIGNAL_DECAY, k);
    }
  }

  /** {@code SIGNAL_DECAY} to the power {@code k} (at least 0). */
  private static double decay(long k) {
    return k < DECAY.length ? DECAY[(int) k] : Math.pow(SIGNAL_DECAY, k);
  }

  /** One message of the window as the model reads it. */
  interface Scored {
    long seq();

    String messageId();

    boolean fromChild();

    /** Its classifier signal in [0, 1], NaN when the classifiers did not run. */
    double signal();

    List<StageMatcher.Hit> hits();

    /** The evidence of hit {@code hit} ({@link RiskModel#evidenceOf}). */
    Evidence evidence(int hit);

    /** {@link RiskModel#marksOf} its hits; a window's message keeps them, read at every scoring. */
    default int marks() {
      return marksOf(hits());
    }
  }

  /**
   * The bits of {@link #marksOf}: a lesson, a purpose not lowered, one that names its reason
   * ({@link #NAMED_PURPOSE}), kin not lowered, reported speech, a meeting not lowered, a symptom to look at
   * not lowered; above them ({@link #SHOWN_SHIFT}), the number of hits that are not markers.
   */
  private static final int LESSON_MARK = 1;
  private static final int PURPOSE_MARK = 1 << 1;
  private static final int NAMED_MARK = 1 << 2;
  private static final int KIN_MARK = 1 << 3;
  private static final int REPORT_MARK = 1 << 4;
  private static final int MEETING_MARK = 1 << 5;
  private static final int CARE_MARK = 1 << 6;
  private static final int GUARDIAN_MARK = 1 << 7;
  private static final int SHOWN_SHIFT = 8;

  /**
   * What one message's hits say to {@link #assess} besides their stages and weights, made once per message:
   * which markers (and a meeting) it shows, as {@code *_MARK} bits, and above them how many of its hits are
   * not markers (the evidence it reports).
   */
  static int marksOf(List<StageMatcher.Hit> hits) {
    int marks = 0;
    int shown = 0;
    for (int i = 0, n = hits.size(); i < n; i++) {
      StageMatcher.Hit h = hits.get(i);
      Stage st = h.stage();
      boolean kept = !h.lowered();
      shown += st.marker() ? 0 : 1;
      marks |= st == Stage.LESSON ? LESSON_MARK : 0;
      marks |= st == Stage.PURPOSE && kept ? PURPOSE_MARK : 0;
      marks |= st == Stage.PURPOSE && kept && h.weight() >= NAMED_PURPOSE ? NAMED_MARK : 0;
      marks |= st == Stage.KIN && kept ? KIN_MARK : 0;
      marks |= st == Stage.REPORT ? REPORT_MARK : 0;
      marks |= st == Stage.MEETING && kept ? MEETING_MARK : 0;
      marks |= st == Stage.CARE && kept ? CARE_MARK : 0;
      marks |= st == Stage.GUARDIAN && kept ? GUARDIAN_MARK : 0;
    }
    return marks | shown << SHOWN_SHIFT;
  }

  private static final Evidence[] NO_EVIDENCE = {};

  /** Per hit of a message, what the window reports of it: null for a marker, which is not reported. */
  static Evidence[] evidenceOf(String messageId, List<StageMatcher.Hit> hits) {
    if (hits.isEmpty()) {
      return NO_EVIDENCE;   // a message kept for its classifier signal alone
    }
    Evidence[] out = new Evidence[hits.size()];
    for (int i = 0; i < out.length; i++) {
      StageMatcher.Hit h = hits.get(i);
      out[i] = h.stage().marker() ? null
          : new Evidence(messageId, h.stage().jsonName(), h.start(), h.end(), h.match());
    }
    return out;
  }

  /**
   * The window's risk, its stages in {@link Stage} order, every stage hit and the message behind each stage.
   * The lists are immutable from here on (copied here unless they already are), so every observation made
   * from one assessment (with the classifiers, one per message while the stages are unchanged) and every
   * verdict made from those shares them.
   */
  record Assessment(double risk, Set<String> stages, List<Evidence> evidence, List<Reason> reasons) {

    Assessment {
      evidence = FixedList.copyOf(evidence);
      reasons = FixedList.copyOf(reasons);
    }
  }

  private RiskModel() {}

  private static final Stage[] ALL = Stage.values();

  /** Per thread, the best weights and reasons per stage of the window being scored. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    final double[] best = new double[ALL.length];
    final double[] bestOther = new double[ALL.length];
    /** Per stage, the message and the rule behind its best weight so far (its reason, made at the end). */
    final String[] reasonMessage = new String[ALL.length];
    final String[] reasonRule = new String[ALL.length];
  }

  /**
   * Scores a window. Markers first: a {@link Stage#LESSON} from a sender lowers all of that sender's stages,
   * a {@link Stage#PURPOSE} lowers that sender's secrecy, but a bare surprise (weight below
   * {@link #NAMED_PURPOSE}) not in a message where he also proposes a meeting (a surprise explains a secret
   * present, never a secret meeting with the child, unless its reason is named), and a
   * {@link Stage#REPORT} lowers every stage of its own message (reported speech: the message tells what
   * someone else asked), but those said wholly before it when a secret was asked before it too (the secret's
   * reason, "… đừng nói với bà, người ta xin hết quà của con", reports nothing). A {@link Stage#KIN} from
   * both sides (the child calls the other party a parent or grandparent, and the other party speaks as one to
   * the child) lowers every stage of the other party below
   * {@link #DECISIVE}: a parent's "đừng nói bố", lucky money or good-night call is family life, while an
   * undressed picture or a secret meeting alone at night stays decisive whoever asks, unless the message names
   * a symptom to look at ({@link Stage#CARE}: a rash, a swelling, a wound), which with kin lowers every stage
   * of its message: a parent's "lift your shirt and photograph the rash". A {@link Stage#GUARDIAN} from the
   * child (a parent takes part in what is arranged: takes the photo, comes along, drives) lowers the other
   * party's stages below {@link #DECISIVE} in the same way; said by the other party it counts for nothing (a
   * groomer's "mẹ em biết rồi" is a lie as often as not). A {@link Stage#PURPOSE} of the child's (she asks a
   * secret for her own named reason: a print for her father on Father's Day) lowers the other party's secrecy
   * and bare gifts (below {@value #ANSWERED_GIFT_BELOW}) in the next {@value #CHILD_REASON_REACH} messages, his
   * answer to her request ("cô giữ bí mật, tặng sau thánh lễ nhé": her present, not his), but not in a message
   * where he proposes a meeting, and no other stage of his. A lowered stage keeps
   * {@link StageMatcher#CONTEXT_FACTOR} of its weight and does not count as shown by the other party.
   */
  static Assessment assess(List<? extends Scored> window) {
    return assess(window, -1);
  }

  /**
   * As {@link #assess(List)}; with {@code seq} at least 0 (the filter runs the classifiers) the risk is
   * {@link #combine}d with the window's classifier signals as of message {@code seq}.
   */
  static Assessment assess(List<? extends Scored> window, long seq) {
    // per side (bit 0: the other party, bit 1: the child): a lesson, a purpose, a named purpose
    int lesson = 0;
    int purpose = 0;
    int named = 0;
    int kin = 0;
    boolean guardian = false;   // the child said a parent takes part
    int shownHits = 0;   // hits other than markers: the evidence
    int messages = window.size();
    long[] childReasons = null;   // the seqs of the child's messages that ask a secret for her own named reason
    int childReasonCount = 0;
    for (int m = 0; m < messages; m++) {
      Scored e = window.get(m);
      int side = e.fromChild() ? 2 : 1;
      int marks = e.marks();
      shownHits += marks >>> SHOWN_SHIFT;
      if (side == 2 && (marks & NAMED_MARK) != 0) {
        if (childReasons == null) {
          childReasons = new long[messages];
        }
        childReasons[childReasonCount++] = e.seq();
      }
      lesson |= (marks & LESSON_MARK) != 0 ? side : 0;
      purpose |= (marks & PURPOSE_MARK) != 0 ? side : 0;
      named |= (marks & NAMED_MARK) != 0 ? side : 0;
      kin |= (marks & KIN_MARK) != 0 ? side : 0;
      guardian |= (marks & GUARDIAN_MARK) != 0 && side == 2;
    }
    Scratch scratch = SCRATCH.get();
    double[] best = scratch.best;
    double[] bestOther = scratch.bestOther;
    String[] reasonMessage = scratch.reasonMessage;
    String[] reasonRule = scratch.reasonRule;
    Arrays.fill(best, 0);
    Arrays.fill(bestOther, 0);
    Evidence[] evidence = new Evidence[shownHits];
    int ev = 0;
    for (int m = 0; m < messages; m++) {
      Scored e = window.get(m);
      int side = e.fromChild() ? 2 : 1;
      int marks = e.marks();
      // reported speech lowers the stages that end past keptBefore: every stage, or (when the sender asked a secret
      // before he reports) those not said wholly before the report; with no report, none
      int keptBefore = (marks & REPORT_MARK) != 0 ? ownBeforeReport(e.hits()) : Integer.MAX_VALUE;
      boolean meeting = (marks & MEETING_MARK) != 0;
      boolean care = (marks & CARE_MARK) != 0;
      boolean answersChild = side == 1 && !meeting && childReasonCount > 0
          && answersChildsReason(e.seq(), childReasons, childReasonCount);
      List<StageMatcher.Hit> hits = e.hits();
      for (int i = 0, n = hits.size(); i < n; i++) {
        StageMatcher.Hit h = hits.get(i);
        Stage st = h.stage();
        if (st.marker()) {
          continue;
        }
        boolean lowered = h.lowered() || (lesson & side) != 0 || h.end() > keptBefore
            || (st == Stage.SECRECY && (purpose & side) != 0 && ((named & side) != 0 || !meeting))
            || ((st == Stage.SECRECY || (st == Stage.GIFTS && h.weight() < ANSWERED_GIFT_BELOW)) && answersChild)
            || (kin == 3 && side == 1 && (care || h.weight() < DECISIVE))
            || (guardian && side == 1 && h.weight() < DECISIVE);
        double w = lowered && !h.lowered() ? h.weight() * StageMatcher.CONTEXT_FACTOR : h.weight();
        int s = st.ordinal();
        evidence[ev++] = e.evidence(i);
        if (w > best[s]) {
          best[s] = w;
          reasonMessage[s] = e.messageId();
          reasonRule[s] = h.rule();
        }
        if (!e.fromChild() && !lowered) {
          bestOther[s] = Math.max(bestOther[s], w);
        }
      }
    }
    int shown = 0;
    for (double b : best) {
      shown += b > 0 ? 1 : 0;
    }
    String[] stages = new String[shown];
    Reason[] reasons = new Reason[shown];
    int r = 0;
    for (Stage s : ALL) {
      int k = s.ordinal();
      if (best[k] > 0) {
        stages[r] = s.jsonName();
        reasons[r++] = new Reason(reasonMessage[k], s.jsonName(), best[k], reasonRule[k]);
      }
    }
    Arrays.fill(reasonMessage, null);
    Arrays.fill(reasonRule, null);
    // made once per scoring and handed on as it is with every message until the window changes
    double risk = score(best, bestOther);
    if (seq >= 0) {
      risk = combine(risk, window, seq);
    }
    return new Assessment(risk, OrderedSet.wrap(stages), FixedList.wrap(evidence), FixedList.wrap(reasons));
  }

  /**
   * Up to where a message with reported speech keeps its own stages: the start of its {@link Stage#REPORT}
   * marker when a {@link Stage#SECRECY} hit ends before that (the sender asked a secret before he reports),
   * else -1 (every stage is lowered). A message keeps one hit per stage.
   */
  private static int ownBeforeReport(List<StageMatcher.Hit> hits) {
    int report = -1;
    int secretEnd = Integer.MAX_VALUE;
    for (int i = 0, n = hits.size(); i < n; i++) {
      StageMatcher.Hit h = hits.get(i);
      report = h.stage() == Stage.REPORT ? h.start() : report;
      secretEnd = h.stage() == Stage.SECRECY && !h.lowered() ? Math.min(secretEnd, h.end()) : secretEnd;
    }
    return report >= 0 && secretEnd <= report ? report : -1;
  }

  /**
   * Whether the other party's message {@code seq} comes at most {@value #CHILD_REASON_REACH} messages after a
   * message of the child's that asks a secret for her own named reason.
   */
  private static boolean answersChildsReason(long seq, long[] childReasons, int n) {
    for (int i = 0; i < n; i++) {
      long d = seq - childReasons[i];
      if (d > 0 && d <= CHILD_REASON_REACH) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param best the best weight seen per stage (by ordinal), 0 for none
   * @param bestOther the best weight the other party showed per stage, not lowered, 0 for none
   */
  static double score(double[] best, double[] bestOther) {
    double keep = 1.0;
    int others = 0;
    double decisive = 0;
    for (int s = 0; s < best.length; s++) {
      if (best[s] > 0) {
        keep *= 1.0 - best[s];
      }
      if (bestOther[s] > 0) {
        others++;
        if (bestOther[s] >= DECISIVE) {
          decisive = Math.max(decisive, bestOther[s]);
        }
      }
    }
    double risk = BREADTH[Math.min(others, BREADTH.length - 1)] * (1.0 - keep);
    for (Stage[] pair : DANGEROUS_PAIRS) {
      double a = bestOther[pair[0].ordinal()];
      double b = bestOther[pair[1].ordinal()];
      if (a >= PAIR_MIN && b >= PAIR_MIN) {
        risk += PAIR_FACTOR * Math.min(a, b);
      }
    }
    return Math.min(1.0, Math.max(risk, decisive));
  }
}
