package vn.lanhmanh.model;

import static vn.lanhmanh.model.ClassifierExamples.label;
import static vn.lanhmanh.model.ClassifierTrainer.MAX_ORDINARY_FLAGGED;
import static vn.lanhmanh.model.ClassifierTrainer.ORDINARY;
import static vn.lanhmanh.model.ClassifierTrainer.THRESHOLDS;
import static vn.lanhmanh.model.ClassifierTrainer.sigmoid;

import java.util.ArrayList;
import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.model.ClassifierExamples.Example;
import vn.lanhmanh.model.ClassifierTrainer.CategoryFigures;

/**
 * The development part's say in {@link ClassifierTrainer}, never fitted by the regression: each category's
 * Platt calibration of its logits, and its development threshold, the lowest of
 * {@link ClassifierTrainer#THRESHOLDS} at which at most {@link ClassifierTrainer.Options#maxNegativeFlagged} of
 * its development negatives and hard negatives and at most {@link ClassifierTrainer#MAX_ORDINARY_FLAGGED} of the
 * ordinary development messages are flagged, with the figures at a threshold.
 */
final class DevCalibration {

  private final ClassifierTrainer.Options options;

  DevCalibration(ClassifierTrainer.Options options) {
    this.options = options;
  }

  /**
   * Platt scaling of category {@code k}'s logits on the development messages (Newton's method, with Platt's
   * smoothed targets so that a separable dev set keeps a finite slope).
   */
  static double[] platt(Category c, List<Example> dev, double[][] logits, int k) {
    List<double[]> xy = new ArrayList<>();
    int pos = 0;
    int neg = 0;
    for (int i = 0; i < dev.size(); i++) {
      int y = label(c, dev.get(i));
      if (y >= 0) {
        xy.add(new double[] {logits[i][k], y});
        pos += y;
        neg += 1 - y;
      }
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double a = 1;
    double b = 0;
    for (int iter = 0; iter < 100; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-6;
      double hab = 0;
      double hbb = 1e-6;
      for (double[] p : xy) {
        double t = p[1] == 1 ? hi : lo;
        double q = sigmoid(a * p[0] + b);
        double d = t - q;
        double v = q * (1 - q);
        ga += d * p[0];
        gb += d;
        haa += v * p[0] * p[0];
        hab += v * p[0];
        hbb += v;
      }
      double det = haa * hbb - hab * hab;
      if (Math.abs(det) < 1e-12) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a += da;
      b += db;
      if (Math.abs(da) + Math.abs(db) < 1e-10) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /**
   * Category {@code c}'s development figures at its development threshold: the first of
   * {@link ClassifierTrainer#THRESHOLDS} within the bounds, or none (2) when not even the last is.
   */
  CategoryFigures chooseThreshold(Category c, List<Example> dev, double[][] logits, int k,
      double[] platt, int epochs) {
    CategoryFigures chosen = null;
    for (double t : THRESHOLDS) {
      CategoryFigures f = figures(c, dev, logits, k, platt, epochs, t);
      if (withinDevBounds(f)) {
        return f;
      }
      chosen = f;
    }
    // not even 0.99 keeps the negatives clean: no findings from this classifier
    return new CategoryFigures(c, epochs, 2, chosen.positives(), 0, chosen.hardNegatives(), 0,
        chosen.negatives(), 0, chosen.ordinary(), 0);
  }

  private boolean withinDevBounds(CategoryFigures f) {
    return f.hardFlagged() <= options.maxNegativeFlagged() * f.hardNegatives()
        && f.flagged() <= options.maxNegativeFlagged() * f.negatives()
        && f.ordinaryFlagged() <= MAX_ORDINARY_FLAGGED * f.ordinary();
  }

  /** Category {@code c}'s development figures at threshold {@code t}. */
  static CategoryFigures figures(Category c, List<Example> dev, double[][] logits, int k, double[] platt,
      int epochs, double t) {
    int positives = 0;
    int found = 0;
    int hard = 0;
    int hardFlagged = 0;
    int negatives = 0;
    int flagged = 0;
    int ordinary = 0;
    int ordinaryFlagged = 0;
    for (int i = 0; i < dev.size(); i++) {
      Example e = dev.get(i);
      int y = label(c, e);
      if (y < 0) {
        continue;
      }
      boolean hit = sigmoid(platt[0] * logits[i][k] + platt[1]) >= t;
      if (e.category() == ORDINARY) {
        ordinary++;
        ordinaryFlagged += hit ? 1 : 0;
      } else if (y == 1) {
        positives++;
        found += hit ? 1 : 0;
      } else {
        negatives++;
        flagged += hit ? 1 : 0;
        if (e.category() == c) {
          hard++;
          hardFlagged += hit ? 1 : 0;
        }
      }
    }
    return new CategoryFigures(c, epochs, t, positives, found, hard, hardFlagged, negatives, flagged, ordinary,
        ordinaryFlagged);
  }
}
