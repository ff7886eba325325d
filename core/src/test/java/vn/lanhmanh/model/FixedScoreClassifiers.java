package vn.lanhmanh.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Rating;

/**
 * Message classifiers for tests of the score stage's rules: every text gets the same calibrated score per
 * category, set by the test, whatever its words (every weight is zero, so every logit is 0, and each
 * category's Platt intercept is the logit of its score). The 12 categories, tiers, lowering and
 * unsupported bounds are those {@code lanhmanh train} writes; every threshold is {@link #THRESHOLD} unless a
 * test sets one. A rule
 * tested with them is exercised whatever the shipped file scores.
 */
final class FixedScoreClassifiers {

  /** Every category's threshold. */
  static final double THRESHOLD = 0.5;
  /** The lowering bound ({@code lower.below}) that {@code lanhmanh train} writes by default. */
  static final double LOWER_BELOW = 0.2;

  private final Map<Category, Double> scores = new EnumMap<>(Category.class);
  private final Map<Category, Double> thresholds = new EnumMap<>(Category.class);
  private boolean lowering = true;
  private String lift;

  private FixedScoreClassifiers(double score) {
    for (Category c : Category.values()) {
      if (c != Category.PII) {
        scores.put(c, score);
      }
    }
  }

  /** Every category scored {@code score}. */
  static FixedScoreClassifiers scoring(double score) {
    return new FixedScoreClassifiers(score);
  }

  /** The same, with {@code c} scored {@code score}. */
  FixedScoreClassifiers with(Category c, double score) {
    scores.put(c, score);
    return this;
  }

  /** The same, with {@code c}'s threshold (the file's own) set to {@code threshold} instead of {@link #THRESHOLD}. */
  FixedScoreClassifiers threshold(Category c, double threshold) {
    thresholds.put(c, threshold);
    return this;
  }

  /** The same, with the property {@code threshold.lift} set to {@code lift} ({@code category=lift,...}). */
  FixedScoreClassifiers lift(String lift) {
    this.lift = lift;
    return this;
  }

  /** The same, without the property {@code lower.below}: no lexicon finding is lowered. */
  FixedScoreClassifiers withoutLowering() {
    lowering = false;
    return this;
  }

  ClassifierModel model() {
    Category[] cats = scores.keySet().toArray(new Category[0]);
    int k = cats.length;
    int bits = 8;
    float[] scale = new float[k];
    double[] slope = new double[k];
    double[] intercept = new double[k];
    double[] threshold = new double[k];
    Rating[] tier = new Rating[k];
    Map<Category, Rating> tiers = ClassifierTrainer.TIERS;
    for (int i = 0; i < k; i++) {
      double p = scores.get(cats[i]);
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException("a score in (0, 1), was " + p);
      }
      scale[i] = 1;
      intercept[i] = Math.log(p / (1 - p));
      threshold[i] = thresholds.getOrDefault(cats[i], THRESHOLD);
      tier[i] = tiers.get(cats[i]);
    }
    Map<String, String> props = new java.util.TreeMap<>();
    props.put(ClassifierModel.UNSUPPORTED_BELOW, "0.7");
    if (lowering) {
      props.put(ClassifierModel.LOWER_BELOW, Double.toString(LOWER_BELOW));
    }
    if (lift != null) {
      props.put(ClassifierModel.LIFT, lift);
    }
    return new ClassifierModel(bits, cats, scale, slope, intercept, threshold, tier, new short[k << bits], props);
  }

  /** A filter (the default lexicon, the classifiers on) that runs these classifiers, written to a file in {@code dir}. */
  ContentFilter filter(Path dir) {
    try {
      Path file = Files.createTempFile(dir, "fixed-scores", ".bin");
      model().write(file);
      return ContentFilter.builder().classifiers(file).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
