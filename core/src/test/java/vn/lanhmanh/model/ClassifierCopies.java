package vn.lanhmanh.model;

import vn.lanhmanh.Category;

/** Copies of a classifier file for tests outside this package, with the same weights and calibration. */
public final class ClassifierCopies {

  private ClassifierCopies() {}

  /** A copy of {@code m} whose threshold for {@code c} is {@code threshold}; every other threshold is kept. */
  public static ClassifierModel withThreshold(ClassifierModel m, Category c, double threshold) {
    java.util.List<Category> cats = m.categories();
    double[] t = new double[cats.size()];
    for (int k = 0; k < t.length; k++) {
      t[k] = cats.get(k) == c ? threshold : m.threshold(cats.get(k));
    }
    return m.withThresholds(t);
  }
}
