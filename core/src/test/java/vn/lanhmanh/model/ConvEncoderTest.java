package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder's training step goes up the gradient: from a fresh state, AdaGrad's first step moves each
 * parameter by the learning rate in the direction of its gradient, so the sign of every move must agree with
 * the sign of the derivative measured by finite differences.
 */
class ConvEncoderTest {

  private static final int ROW_BITS = 8;
  private static final int DIM = 6;
  private static final int[] DILATIONS = {1, 2};

  @Test
  void theFirstStepFollowsTheGradientOfEveryParameter() {
    Random r = new Random(3);
    int n = 7;
    int[] offs = new int[n + 1];
    int[] in = new int[3 * n];
    int[] lexEnd = new int[n];
    // distinct rows: each is stepped once, by exactly the learning rate
    java.util.List<Integer> rows = new java.util.ArrayList<>();
    for (int k = 0; k < 1 << ROW_BITS; k++) {
      rows.add(k);
    }
    java.util.Collections.shuffle(rows, r);
    for (int i = 0; i < n; i++) {
      offs[i] = 3 * i;
      lexEnd[i] = 3 * i + 2;
      for (int k = 0; k < 3; k++) {
        in[3 * i + k] = rows.get(3 * i + k);
      }
    }
    offs[n] = 3 * n;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = r.nextGaussian();
    }
    double lr = 1e-3;
    ConvEncoder.Fit fit = new ConvEncoder.Fit(ROW_BITS, DIM, DILATIONS, 5, lr, 0, 0);
    float[] before = fit.p.clone();
    ConvEncoder.Work w = new ConvEncoder.Work();
    fit.forward(in, offs, lexEnd, n, w);
    fit.backward(g, in, offs, lexEnd, n, w, 1);

    ConvEncoder shape = new ConvEncoder(ROW_BITS, DIM, DILATIONS, before.clone());
    int checked = 0;
    int moved = 0;
    for (int k = 0; k < before.length; k++) {
      double step = fit.p[k] - before[k];
      if (step != 0) {
        moved++;
      }
      float[] plus = before.clone();
      float[] minus = before.clone();
      double eps = 1e-2;
      plus[k] += (float) eps;
      minus[k] -= (float) eps;
      double derivative = (objective(shape, plus, in, offs, n, g) - objective(shape, minus, in, offs, n, g))
          / (2 * eps);
      if (Math.abs(derivative) > 1e-3) {
        checked++;
        assertThat(Math.signum(step)).as("parameter %d, derivative %f", k, derivative)
            .isEqualTo(Math.signum(derivative));
        assertThat(Math.abs(step)).isCloseTo(lr, org.assertj.core.data.Offset.offset(lr * 1e-3));
      }
    }
    // every layer, the output vector and the rows read have a gradient
    assertThat(checked).isGreaterThan(200);
    assertThat(moved).isGreaterThanOrEqualTo(checked);
  }

  @Test
  void aModelWithoutDropoutScoresAsItsTrainingPass() {
    int n = 4;
    int[] offs = {0, 2, 4, 6, 8};
    int[] in = {1, 2, 3, 4, 5, 6, 7, 8};
    int[] lexEnd = {1, 3, 5, 7};
    ConvEncoder.Fit fit = new ConvEncoder.Fit(ROW_BITS, DIM, DILATIONS, 9, 0.05, 0, 0);
    ConvEncoder.Work w = new ConvEncoder.Work();
    fit.forward(in, offs, lexEnd, n, w);
    double[] training = java.util.Arrays.copyOf(w.out, n);
    ConvEncoder model = fit.averaged(1);
    ConvEncoder.Work v = new ConvEncoder.Work();
    model.forward(model.params, in, offs, n, v);
    assertThat(java.util.Arrays.copyOf(v.out, n)).containsExactly(training);
  }

  /** The sum of {@code g[i]} times syllable i's score: its gradient is what the training step follows. */
  private static double objective(ConvEncoder e, float[] p, int[] in, int[] offs, int n, double[] g) {
    ConvEncoder.Work w = new ConvEncoder.Work();
    e.forward(p, in, offs, n, w);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += g[i] * w.out[i];
    }
    return s;
  }
}
