package vn.lanhmanh;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from every {@link Category} to its score, backed by an array indexed by ordinal, in
 * {@link Category} order: what a text check puts in {@link Verdict#scores()} without building a hash map.
 */
final class ScoreMap extends AbstractMap<Category, Double> {

  private static final Category[] CATEGORIES = Category.values();
  /** Every category at 0: shared, since nothing can change it. */
  static final ScoreMap ZERO = new ScoreMap(new double[CATEGORIES.length]);
  private final double[] scores;

  /**
   * The scores a single finding of one category gives ({@code ScoreStage.fromFindings}: 0.6, 0.8, 0.95 by
   * severity, halved at tier P), one shared map per category and score.
   */
  private static final double[] SHARED_SCORES = {0.6, 0.8, 0.95, 0.3, 0.4, 0.475};
  private static final ScoreMap[][] SHARED = shared();

  private static ScoreMap[][] shared() {
    ScoreMap[][] out = new ScoreMap[CATEGORIES.length][SHARED_SCORES.length];
    for (int k = 0; k < CATEGORIES.length; k++) {
      for (int v = 0; v < SHARED_SCORES.length; v++) {
        double[] one = new double[CATEGORIES.length];
        one[k] = SHARED_SCORES[v];
        out[k][v] = new ScoreMap(one);
      }
    }
    return out;
  }

  /**
   * A map of {@code scores}, as {@link #ScoreMap(double[])} makes it, but a shared instance when every
   * score is 0 or only one category has a score that a single finding gives (a URL with one list hit).
   */
  static ScoreMap of(double[] scores) {
    int k = -1;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] != 0 || Double.doubleToRawLongBits(scores[i]) != 0) {
        if (k >= 0) {
          return new ScoreMap(scores);
        }
        k = i;
      }
    }
    if (k < 0) {
      return scores.length == CATEGORIES.length ? ZERO : new ScoreMap(scores);
    }
    for (int v = 0; v < SHARED_SCORES.length; v++) {
      if (Double.doubleToRawLongBits(scores[k]) == Double.doubleToRawLongBits(SHARED_SCORES[v])
          && scores.length == CATEGORIES.length) {
        return SHARED[k][v];
      }
    }
    return new ScoreMap(scores);
  }

  /**
   * The map of one category's score, every other category at 0 (what {@link #of} gives for an array
   * with {@code score} at {@code category} and 0 elsewhere): a shared map when there is one, without an
   * array to fill and scan.
   */
  static ScoreMap of(Category category, double score) {
    if (score == 0) {
      return ZERO;
    }
    int k = category.ordinal();
    long bits = Double.doubleToRawLongBits(score);
    for (int v = 0; v < SHARED_SCORES.length; v++) {
      if (bits == Double.doubleToRawLongBits(SHARED_SCORES[v])) {
        return SHARED[k][v];
      }
    }
    double[] scores = new double[CATEGORIES.length];
    scores[k] = score;
    return new ScoreMap(scores);
  }

  /**
   * {@link #of} for scores the caller keeps (a scratch array): a shared map when one is, else a map of a
   * copy.
   */
  static ScoreMap copyOf(double[] scores) {
    ScoreMap m = of(scores);
    return m.scores == scores ? new ScoreMap(scores.clone()) : m;
  }

  /** Takes {@code scores} (one per category, by ordinal) without copying: the caller gives it up. */
  ScoreMap(double[] scores) {
    if (scores.length != CATEGORIES.length) {
      throw new IllegalArgumentException("one score per category");
    }
    this.scores = scores;
  }

  /** The score of {@code category}, unboxed. */
  double score(Category category) {
    return scores[category.ordinal()];
  }

  @Override
  public Double get(Object key) {
    return key instanceof Category c ? scores[c.ordinal()] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof Category;
  }

  @Override
  public int size() {
    return scores.length;
  }

  @Override
  public Set<Entry<Category, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Category, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < scores.length;
          }

          @Override
          public Entry<Category, Double> next() {
            if (next >= scores.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(CATEGORIES[i], scores[i]);
          }
        };
      }

      @Override
      public int size() {
        return scores.length;
      }
    };
  }
}
