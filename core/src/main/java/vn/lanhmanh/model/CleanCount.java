package vn.lanhmanh.model;

import static vn.lanhmanh.model.ClassifierTrainer.THRESHOLDS;

import java.util.ArrayList;
import java.util.List;

/**
 * The clean development comments (ViHOS comments without a span) as a bound on the thresholds: how many of
 * them are flagged under a set of thresholds, by each filter judged, and the most each may flag. Counted by the
 * classifiers alone ({@link #classifiersAlone}) or by the whole filter ({@link FilterCount}); clean sentences
 * are bound by what the development thresholds flag ({@link #boundAtStart}) or by a given count
 * ({@link #boundBy}), and the counts join
 * ({@link #combined}) to bound {@link OutOfFoldThresholds#outOfFold}.
 */
interface CleanCount {
  /**
   * The comments flagged, one count per filter judged, with category {@code k}'s threshold at index
   * {@code idx[k]} of {@link ClassifierTrainer#THRESHOLDS} ({@code THRESHOLDS.length}: none).
   */
  int[] flagged(int[] idx);

  /** The most comments each filter judged may flag. */
  int[] bound();

  /**
   * {@code count} bound by what the thresholds {@code start} flag (the development thresholds: a move may flag
   * no more than they do) instead of by its own bound.
   */
  static CleanCount boundAtStart(CleanCount count, int[] start) {
    return boundBy(count, count.flagged(start));
  }

  /** {@code count} bound by {@code bound}, the most each filter judged may flag, instead of by its own bound. */
  static CleanCount boundBy(CleanCount count, int[] bound) {
    int[] fixed = bound.clone();
    return new CleanCount() {
      @Override
      public int[] flagged(int[] idx) {
        return count.flagged(idx);
      }

      @Override
      public int[] bound() {
        return fixed.clone();
      }
    };
  }

  /** The counts and bounds of {@code parts}, one after the other. */
  static CleanCount combined(List<? extends CleanCount> parts) {
    return new CleanCount() {
      @Override
      public int[] flagged(int[] idx) {
        List<int[]> each = new ArrayList<>();
        for (CleanCount p : parts) {
          each.add(p.flagged(idx));
        }
        return join(each);
      }

      @Override
      public int[] bound() {
        List<int[]> each = new ArrayList<>();
        for (CleanCount p : parts) {
          each.add(p.bound());
        }
        return join(each);
      }
    };
  }

  private static int[] join(List<int[]> arrays) {
    int n = 0;
    for (int[] a : arrays) {
      n += a.length;
    }
    int[] out = new int[n];
    int at = 0;
    for (int[] a : arrays) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }

  /**
   * The bound of the files before 2026-12-05: an ordinary comment is flagged when any classifier scores it at or
   * above its threshold ({@code ordinary[j][k]}), and at most {@code maxOrdinary} of them may be, or as many as
   * the thresholds {@code start} flag, when more.
   */
  static CleanCount classifiersAlone(double[][] ordinary, int[] start, double maxOrdinary) {
    int[] atStart = flaggedByClassifiers(ordinary, start);
    int bound = Math.max(atStart[0], (int) Math.floor(maxOrdinary * ordinary.length + 1e-9));
    return new CleanCount() {
      @Override
      public int[] flagged(int[] idx) {
        return flaggedByClassifiers(ordinary, idx);
      }

      @Override
      public int[] bound() {
        return new int[] {bound};
      }
    };
  }

  private static int[] flaggedByClassifiers(double[][] ordinary, int[] idx) {
    int flagged = 0;
    for (double[] s : ordinary) {
      for (int k = 0; k < idx.length; k++) {
        if (idx[k] < THRESHOLDS.length && s[k] >= THRESHOLDS[idx[k]]) {
          flagged++;
          break;
        }
      }
    }
    return new int[] {flagged};
  }
}
