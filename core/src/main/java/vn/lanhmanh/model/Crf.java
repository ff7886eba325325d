package vn.lanhmanh.model;

/**
 * The arithmetic of a two-label (O, I) linear-chain CRF: Viterbi decoding, the probability that some
 * position is I, and per-position marginals. The I label's emission at position {@code i} is
 * {@code emit[i]} (O's is 0); {@code trans} holds the transition scores O→O, O→I, I→O, I→I and
 * {@code start} the scores of starting in O and in I. Scaled forward-backward, no logarithms per position.
 */
final class Crf {

  static final int OO = 0;
  static final int OI = 1;
  static final int IO = 2;
  static final int II = 3;
  /** Emission scores are clamped to ±this before exponentiation. */
  private static final double CLAMP = 40;

  private Crf() {}

  /**
   * The best label sequence with {@code bias} added to every I emission, written to {@code path}
   * (1 = I); returns whether any position is I.
   *
   * @param back scratch of at least {@code 2n} ints
   */
  static boolean viterbi(double[] emit, int n, double[] trans, double[] start, double bias, byte[] path,
      int[] back) {
    if (n == 0) {
      return false;
    }
    double so = start[0];
    double si = start[1] + emit[0] + bias;
    for (int i = 1; i < n; i++) {
      double e = emit[i] + bias;
      double oFromO = so + trans[OO];
      double oFromI = si + trans[IO];
      double iFromO = so + trans[OI];
      double iFromI = si + trans[II];
      back[2 * i] = oFromI > oFromO ? 1 : 0;
      back[2 * i + 1] = iFromI > iFromO ? 1 : 0;
      so = Math.max(oFromO, oFromI);
      si = Math.max(iFromO, iFromI) + e;
    }
    int label = si > so ? 1 : 0;
    boolean any = false;
    for (int i = n - 1; i >= 0; i--) {
      path[i] = (byte) label;
      any |= label == 1;
      if (i > 0) {
        label = back[2 * i + label];
      }
    }
    return any;
  }

  /**
   * Posterior decoding: I wherever the marginal probability of I is at least {@code threshold}, written to
   * {@code path}; returns whether any position is I.
   */
  static boolean threshold(double[] marginal, int n, double threshold, byte[] path) {
    boolean any = false;
    for (int i = 0; i < n; i++) {
      boolean in = marginal[i] >= threshold;
      path[i] = (byte) (in ? 1 : 0);
      any |= in;
    }
    return any;
  }

  /**
   * Runs the scaled forward pass, leaving the normalised forward vectors in {@code alpha} ({@code 2i} for
   * O, {@code 2i+1} for I), and returns the probability that at least one position is I.
   */
  static double forward(double[] emit, int n, double[] trans, double[] start, double[] alpha) {
    if (n == 0) {
      return 0;
    }
    double pOO = Math.exp(trans[OO]);
    double pOI = Math.exp(trans[OI]);
    double pIO = Math.exp(trans[IO]);
    double pII = Math.exp(trans[II]);
    double o = Math.exp(start[0]);
    double in = Math.exp(start[1]) * exp(emit[0]);
    double c = o + in;
    double ratio = o / c;
    o /= c;
    in /= c;
    alpha[0] = o;
    alpha[1] = in;
    for (int i = 1; i < n; i++) {
      double no = o * pOO + in * pIO;
      double ni = (o * pOI + in * pII) * exp(emit[i]);
      c = no + ni;
      ratio *= pOO / c;
      o = no / c;
      in = ni / c;
      alpha[2 * i] = o;
      alpha[2 * i + 1] = in;
    }
    double p = 1 - ratio;
    return p < 0 ? 0 : p > 1 ? 1 : p;
  }

  /**
   * After {@link #forward}: the marginal probability of I at every position, written to {@code marginal},
   * using {@code beta} as scratch ({@code 2n}). With {@code pairs} non-null, also adds the expected
   * transition counts (O→O, O→I, I→O, I→I) to it.
   */
  static void marginals(double[] emit, int n, double[] trans, double[] alpha, double[] beta,
      double[] marginal, double[] pairs) {
    if (n == 0) {
      return;
    }
    double pOO = Math.exp(trans[OO]);
    double pOI = Math.exp(trans[OI]);
    double pIO = Math.exp(trans[IO]);
    double pII = Math.exp(trans[II]);
    beta[2 * (n - 1)] = 1;
    beta[2 * (n - 1) + 1] = 1;
    for (int i = n - 2; i >= 0; i--) {
      double ei = exp(emit[i + 1]);
      double bo = beta[2 * (i + 1)];
      double bi = beta[2 * (i + 1) + 1] * ei;
      double no = pOO * bo + pOI * bi;
      double ni = pIO * bo + pII * bi;
      double c = no + ni;
      beta[2 * i] = no / c;
      beta[2 * i + 1] = ni / c;
      if (pairs != null) {
        double ao = alpha[2 * i];
        double ai = alpha[2 * i + 1];
        double xoo = ao * pOO * bo;
        double xoi = ao * pOI * bi;
        double xio = ai * pIO * bo;
        double xii = ai * pII * bi;
        double z = xoo + xoi + xio + xii;
        pairs[OO] += xoo / z;
        pairs[OI] += xoi / z;
        pairs[IO] += xio / z;
        pairs[II] += xii / z;
      }
    }
    for (int i = 0; i < n; i++) {
      double o = alpha[2 * i] * beta[2 * i];
      double in = alpha[2 * i + 1] * beta[2 * i + 1];
      marginal[i] = in / (o + in);
    }
  }

  private static double exp(double e) {
    return Math.exp(e > CLAMP ? CLAMP : e < -CLAMP ? -CLAMP : e);
  }
}
