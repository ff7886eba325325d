package vn.lanhmanh.model;

import static vn.lanhmanh.model.ClassifierTrainer.THRESHOLDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import vn.lanhmanh.model.ClassifierTrainer.WholeFilter;

/**
 * {@link CleanCount} by the whole filter ({@link WholeFilter}). A check compares each category's calibrated
 * score with its threshold and with nothing else that the thresholds set, so a comment's verdict under a
 * set of thresholds depends only on which categories' scores reach them: the comment is judged once for
 * each such set met (by a copy of the classifiers whose thresholds are 0 for the categories in it and
 * past 1 for the others), and the answer kept.
 */
final class FilterCount<T> implements CleanCount {
  private final BiFunction<ClassifierModel, List<T>, List<WholeFilter.Judged>> filter;
  private final List<T> texts;
  private final ClassifierModel base;
  private final double[][] score;
  private final List<Map<Integer, boolean[]>> judged = new ArrayList<>();
  private final int[] bound;

  /**
   * {@code filter} judges {@code texts} (comments, sentences or case rows); each configuration it judges may flag at most {@code floor(maxShare[f]
   * * n)} of them.
   */
  FilterCount(BiFunction<ClassifierModel, List<T>, List<WholeFilter.Judged>> filter,
      List<T> texts, ClassifierModel base, double[] maxShare) {
    this.filter = filter;
    this.texts = texts;
    this.base = base;
    int cats = base.categories.length;
    if (cats > 31) {
      throw new IllegalArgumentException("too many categories for the whole-filter bound: " + cats);
    }
    List<WholeFilter.Judged> none = filter.apply(base.withThresholds(probe(0)), texts);
    score = new double[texts.size()][];
    for (int i = 0; i < texts.size(); i++) {
      score[i] = none.get(i).scores();
      Map<Integer, boolean[]> m = new java.util.HashMap<>();
      m.put(0, none.get(i).flagged());
      judged.add(m);
    }
    bound = new int[maxShare.length];
    for (int f = 0; f < bound.length; f++) {
      bound[f] = (int) Math.floor(maxShare[f] * texts.size() + 1e-9);
    }
  }

  /** Thresholds that make the categories of {@code reached} (a bit set) reach theirs, and no other. */
  private double[] probe(int reached) {
    double[] t = new double[base.categories.length];
    for (int k = 0; k < t.length; k++) {
      t[k] = (reached >>> k & 1) != 0 ? 0 : 2;
    }
    return t;
  }

  @Override
  public int[] flagged(int[] idx) {
    int[] reached = new int[texts.size()];
    Map<Integer, List<Integer>> missing = new TreeMap<>();
    for (int i = 0; i < texts.size(); i++) {
      int r = 0;
      for (int k = 0; k < idx.length; k++) {
        if (idx[k] < THRESHOLDS.length && score[i][k] >= THRESHOLDS[idx[k]]) {
          r |= 1 << k;
        }
      }
      reached[i] = r;
      if (!judged.get(i).containsKey(r)) {
        missing.computeIfAbsent(r, x -> new ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<Integer, List<Integer>> e : missing.entrySet()) {
      List<T> some = new ArrayList<>();
      e.getValue().forEach(i -> some.add(texts.get(i)));
      List<WholeFilter.Judged> j = filter.apply(base.withThresholds(probe(e.getKey())), some);
      for (int x = 0; x < some.size(); x++) {
        judged.get(e.getValue().get(x)).put(e.getKey(), j.get(x).flagged());
      }
    }
    int[] counts = new int[bound.length];
    for (int i = 0; i < texts.size(); i++) {
      boolean[] f = judged.get(i).get(reached[i]);
      for (int c = 0; c < counts.length; c++) {
        counts[c] += f[c] ? 1 : 0;
      }
    }
    return counts;
  }

  @Override
  public int[] bound() {
    return bound.clone();
  }
}
