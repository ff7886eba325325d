package vn.lanhmanh.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import vn.lanhmanh.Finding;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.Vocabulary;

/**
 * The tagger's comment-level gate (optional feature family {@code gate}): a logistic regression over the
 * whole comment's {@link MessageFeatures} that gives the probability that the comment holds an offensive
 * span. Its score, in one of {@link #BUCKETS} buckets, becomes per-syllable CRF features conjoined with the
 * syllable (the bucket alone, with the folded syllable, with the lexicon categories covering it, with its
 * word cluster), so the tagger sees evidence from the whole comment. Trained by {@link Trainer} on the
 * training comments' "has a span" label; the scores the CRF is fitted with are cross-fitted (each half of
 * the training comments is scored by a gate fitted on the other half).
 *
 * <p>Immutable and thread-safe; weights quantised to 16 bits.
 */
final class CommentGate {

  /** Score buckets: below 0.1, 0.1–0.3, 0.3–0.5, 0.5–0.7, 0.7–0.9, 0.9 and above. */
  static final int BUCKETS = 6;
  /** Size of the gate's own hashed table, as a power of two. */
  static final int BITS = 18;

  // Template ids of the per-syllable features in the tagger's table (never renumber; the Features
  // templates stop at 41).
  private static final int G_BIAS = 60;
  private static final int G_F0 = 61;
  private static final int G_CAT = 62;
  private static final int G_CLUSTER = 63;
  /** Per-syllable features the gate adds. */
  static final int PER_POSITION = 4;

  final int mask;
  private final short[] weights;
  private final float scale;

  private CommentGate(short[] weights, float scale) {
    this.weights = weights;
    this.scale = scale;
    this.mask = weights.length - 1;
  }

  /** The bucket of a gate probability. */
  static int bucket(double p) {
    return p < 0.1 ? 0 : p < 0.3 ? 1 : p < 0.5 ? 2 : p < 0.7 ? 3 : p < 0.9 ? 4 : 5;
  }

  /** The probability that the text (matched and composed into {@code state}) holds an offensive span. */
  double score(String text, MatchState state, Vocabulary vocab, List<Finding> findings, MessageFeatures.Buffer b) {
    MessageFeatures.extract(text, state, vocab, findings, mask, b);
    long acc = 0;
    for (int k = 0; k < b.size; k++) {
      acc += weights[b.feats[k]];
    }
    return sigmoid(acc * (double) scale * b.value());
  }

  /**
   * The tagger-table index of per-syllable gate feature {@code k} ({@code 0 <= k < PER_POSITION}) of
   * position {@code i}, after {@link Features} filled {@code b}'s hashes, covers and clusters.
   */
  static int feature(int k, int bucket, Features.Buffer b, int i, int mask) {
    return switch (k) {
      case 0 -> Features.index(G_BIAS, bucket, mask);
      case 1 -> Features.index(G_F0, Features.pair(bucket, b.fo[i]), mask);
      case 2 -> Features.index(G_CAT, bucket * 65_536L + (b.cover[i] & 0xffff), mask);
      default -> Features.index(G_CLUSTER, bucket * 65_536L + WordClusters.prefix(b.cluster[i], 6), mask);
    };
  }

  /** Adds the gate features' weights to every position's unscaled emission ({@code b.emit}). */
  static void addEmissions(int bucket, short[] tagger, Features.Buffer b) {
    int m = tagger.length - 1;
    for (int i = 0; i < b.n; i++) {
      int s = 0;
      for (int k = 0; k < PER_POSITION; k++) {
        s += tagger[feature(k, bucket, b, i, m)];
      }
      b.emit[i] += s;
    }
  }

  /**
   * Fits a gate by AdaGrad on the log-loss, one comment at a time in a seeded order, for {@code epochs}
   * passes.
   *
   * @param feats each comment's {@link MessageFeatures} indices (table of 2^{@link #BITS})
   * @param values each comment's feature value
   * @param labels 1 for a comment with a span
   */
  static double[] fit(List<int[]> feats, double[] values, byte[] labels, int epochs, long seed, double[] w) {
    double[] g2 = new double[1 << BITS];
    Integer[] order = new Integer[feats.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    List<Integer> o = Arrays.asList(order);
    Random random = new Random(seed);
    for (int epoch = 0; epoch < epochs; epoch++) {
      java.util.Collections.shuffle(o, random);
      step(feats, values, labels, o, w, g2);
    }
    return w;
  }

  /** One pass of AdaGrad over the comments in {@code order}. */
  static void step(List<int[]> feats, double[] values, byte[] labels, List<Integer> order, double[] w,
      double[] g2) {
    for (int k : order) {
      int[] f = feats.get(k);
      double v = values[k];
      double z = 0;
      for (int j : f) {
        z += w[j];
      }
      double g = (labels[k] - sigmoid(z * v)) * v;
      for (int j : f) {
        double grad = g - 1e-4 * w[j];
        g2[j] += grad * grad;
        w[j] += 0.1 * grad / (Math.sqrt(g2[j]) + 1e-8);
      }
    }
  }

  /** The probability from fitted (unquantised) weights. */
  static double score(double[] w, int[] feats, double value) {
    double z = 0;
    for (int j : feats) {
      z += w[j];
    }
    return sigmoid(z * value);
  }

  /** Quantises fitted weights. */
  static CommentGate of(double[] w) {
    double max = 1e-9;
    for (double v : w) {
      max = Math.max(max, Math.abs(v));
    }
    float scale = (float) (max / Short.MAX_VALUE);
    short[] q = new short[w.length];
    for (int i = 0; i < w.length; i++) {
      q[i] = (short) Math.round(w[i] / scale);
    }
    return new CommentGate(q, scale);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  long bytes() {
    return 2L * weights.length;
  }

  void write(DataOutputStream d) throws IOException {
    d.writeInt(Integer.numberOfTrailingZeros(weights.length));
    d.writeFloat(scale);
    ByteBuffer wb = ByteBuffer.allocate(2 * weights.length).order(ByteOrder.BIG_ENDIAN);
    wb.asShortBuffer().put(weights);
    d.write(wb.array());
  }

  static CommentGate read(DataInputStream in) throws IOException {
    int bits = in.readInt();
    if (bits < 8 || bits > 24) {
      throw new IOException("corrupt tagger model (gate table size 2^" + bits + ")");
    }
    float scale = in.readFloat();
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IOException("corrupt tagger model (gate scale " + scale + ")");
    }
    byte[] bytes = new byte[2 << bits];
    in.readFully(bytes);
    short[] w = new short[1 << bits];
    ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asShortBuffer().get(w);
    return new CommentGate(w, scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommentGate g && scale == g.scale && Arrays.equals(weights, g.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights);
  }
}
