package vn.lanhmanh.model;

import static vn.lanhmanh.model.ClassifierExamples.label;
import static vn.lanhmanh.model.ClassifierTrainer.sigmoid;
import static vn.lanhmanh.model.DevCalibration.platt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.model.ClassifierExamples.Example;

/**
 * Fits the classifiers of {@link ClassifierTrainer}: for each category, a logistic regression by AdaGrad with an
 * L2 penalty over seeded shuffles of its training examples, positives weighted up to balance the classes and
 * the category's own hard negatives by {@link ClassifierTrainer.Options#hardNegativeWeight}, stopped at the
 * epoch (from {@link ClassifierTrainer.Options#minEpochs} on) of the lowest development log-loss, no better for
 * {@link ClassifierTrainer.Options#patience} epochs. Also quantises the weights as a check reads them, and
 * scores each fold's messages by classifiers fitted without it ({@link #outOfFoldScores}).
 */
final class ClassifierFitter {

  private final ClassifierTrainer.Options options;
  private final Consumer<String> progress;

  ClassifierFitter(ClassifierTrainer.Options options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Fits every category's weights on the training messages outside fold {@code without} (-1: all of them), one
   * category a task on as many threads as the machine has (each category's fit is its own, with its own seeded
   * shuffles, so the weights do not depend on the threads); the chosen epochs go into {@code epochs}.
   */
  double[][] fitAll(Category[] cats, List<Example> train, List<Example> dev, int without, int[] epochs,
      boolean report) {
    double[][] w = new double[cats.length][];
    int threads = Math.max(1, Math.min(cats.length, Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
      for (int k = 0; k < cats.length; k++) {
        int kk = k;
        tasks.add(pool.submit(() -> {
          double[] best = new double[1 << options.bits()];
          epochs[kk] = fit(cats[kk], train, dev, best, without, report);
          w[kk] = best;
        }));
      }
      for (java.util.concurrent.Future<?> t : tasks) {
        t.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return w;
  }

  /** Fits category {@code c}'s weights into {@code best}, without fold {@code without}; returns the chosen epoch. */
  private int fit(Category c, List<Example> train, List<Example> dev, double[] best, int without, boolean report) {
    List<Example> mine = new ArrayList<>();
    int pos = 0;
    for (Example e : train) {
      if (without >= 0 && e.fold() == without) {
        continue;
      }
      int y = label(c, e);
      if (y >= 0) {
        mine.add(e);
        pos += y;
      }
    }
    int neg = mine.size() - pos;
    double posWeight = pos == 0 ? 1 : Math.max(1, Math.sqrt((double) neg / pos));
    double[] w = new double[best.length];
    double[] g2 = new double[best.length];
    Random random = new Random(options.seed() * 1_000_003L + c.ordinal());
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    double lr = options.learningRate();
    double hardWeight = options.hardNegativeWeight();
    double l2 = options.l2();
    for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
      java.util.Collections.shuffle(mine, random);
      for (Example e : mine) {
        int y = label(c, e);
        double z = 0;
        for (int f : e.feats()) {
          z += w[f];
        }
        z *= e.value();
        double p = sigmoid(z);
        double g = (y - p) * (y == 1 ? posWeight : e.category() == c ? hardWeight : 1) * e.value();
        for (int f : e.feats()) {
          double grad = g - l2 * w[f];
          g2[f] += grad * grad;
          w[f] += lr * grad / (Math.sqrt(g2[f]) + 1e-8);
        }
      }
      if (epoch < options.minEpochs()) {
        continue;
      }
      double loss = devLoss(c, dev, w);
      if (loss < bestLoss - 1e-6) {
        bestLoss = loss;
        bestEpoch = epoch;
        System.arraycopy(w, 0, best, 0, w.length);
      } else if (epoch - bestEpoch >= options.patience()) {
        break;
      }
    }
    if (report) {
      String line = String.format(Locale.ROOT, "  %-13s %d positives, %d negatives; best epoch %d, dev log-loss "
          + "%.4f", c.jsonName(), pos, neg, bestEpoch, bestLoss);
      synchronized (progress) {
        progress.accept(line);
      }
    }
    return bestEpoch;
  }

  /** Category {@code c}'s mean log-loss on the development messages it has a label for, by weights {@code w}. */
  private static double devLoss(Category c, List<Example> dev, double[] w) {
    double loss = 0;
    int n = 0;
    for (Example e : dev) {
      int y = label(c, e);
      if (y < 0) {
        continue;
      }
      double z = 0;
      for (int f : e.feats()) {
        z += w[f];
      }
      double p = Math.min(Math.max(sigmoid(z * e.value()), 1e-9), 1 - 1e-9);
      loss -= y == 1 ? Math.log(p) : Math.log(1 - p);
      n++;
    }
    return n == 0 ? 0 : loss / n;
  }

  /** Weights {@code w} quantised as the model file holds them, uncalibrated (slope 1, intercept 0, no threshold). */
  ClassifierModel quantise(Category[] cats, double[][] w, Rating[] tiers) {
    double[] ones = new double[cats.length];
    double[] zeros = new double[cats.length];
    double[] never = new double[cats.length];
    Arrays.fill(ones, 1);
    Arrays.fill(never, 2);
    return ClassifierModel.quantise(options.bits(), cats, w, ones, zeros, never, tiers, Map.of());
  }

  /** The logits of {@code examples} by the quantised model {@code raw}: what a check computes. */
  static double[][] logits(ClassifierModel raw, List<Example> examples) {
    double[][] logits = new double[examples.size()][raw.categories.length];
    long[] acc = new long[ClassifierModel.ACC];
    MessageFeatures.Buffer b = new MessageFeatures.Buffer();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      b.feats = e.feats();
      b.size = e.feats().length;
      raw.logits(b, logits[i], acc);
    }
    return logits;
  }

  /**
   * The out-of-fold scores: for each fold, classifiers trained (with the same recipe, stopping epochs and Platt
   * calibration on dev) without that fold's messages score them. {@code [i][k]} is the calibrated score of
   * training message {@code i} for category {@code k}; NaN for a message in no fold.
   */
  double[][] outOfFoldScores(Category[] cats, List<Example> train, List<Example> dev, Rating[] tiers) {
    double[][] held = new double[train.size()][];
    for (int fold = 0; fold < options.folds(); fold++) {
      List<Example> mine = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        if (train.get(i).fold() == fold) {
          mine.add(train.get(i));
          at.add(i);
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      int[] epochs = new int[cats.length];
      ClassifierModel raw = quantise(cats, fitAll(cats, train, dev, fold, epochs, false), tiers);
      double[][] devLogits = logits(raw, dev);
      double[][] logits = logits(raw, mine);
      double[][] platt = new double[cats.length][];
      for (int k = 0; k < cats.length; k++) {
        platt[k] = platt(cats[k], dev, devLogits, k);
      }
      for (int j = 0; j < mine.size(); j++) {
        double[] s = new double[cats.length];
        for (int k = 0; k < cats.length; k++) {
          s[k] = sigmoid(platt[k][0] * logits[j][k] + platt[k][1]);
        }
        held[at.get(j)] = s;
      }
      progress.accept(String.format(Locale.ROOT, "fold %d of %d: %d messages scored by classifiers trained "
          + "without them (epochs %s)", fold + 1, options.folds(), mine.size(), Arrays.toString(epochs)));
    }
    return held;
  }
}
