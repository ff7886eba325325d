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

  /** Takes {@code scores} (one per category, by ordinal) without copying: the caller gives it up. */
  ScoreMap(double[] scores) {
    if (scores.length != CATEGORIES.length) {
      throw new IllegalArgumentException("one score per category");
    }
    this.scores = scores;
  }

  /** The map of {@code scores}: {@link #ZERO} when every score is 0 (most texts), else a map over it. */
  static ScoreMap of(double[] scores) {
    for (double s : scores) {
      if (Double.doubleToRawLongBits(s) != 0) {
        return new ScoreMap(scores);
      }
    }
    return scores.length == CATEGORIES.length ? ZERO : new ScoreMap(scores);
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
