package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The out-of-sample threshold rule ({@link ClassifierTrainer#outOfFold}) on a small synthetic case whose
 * answer is worked out by hand: two categories, four harmful and ten innocent held-out messages.
 *
 * <pre>
 *   message   category 0   category 1
 *   h1..h3    0.52         0            harmful
 *   h4        0            0.41         harmful
 *   n1        0.46         0            innocent
 *   n2        0            0.41         innocent
 *   n3..n10   0            0            innocent
 * </pre>
 *
 * From 0.99 for both, the best first move is category 0 to 0.500 (three caught, nothing flagged); lowering it
 * further catches nothing more. Category 1 at 0.400 catches h4 and flags n2: taken when the budget allows one
 * innocent message in ten, not when it allows none or when its floor is above 0.41. Ordinary development
 * comments bound the moves the same way: one that category 1 scores 0.41 stops its move unless the bound
 * allows it to be flagged.
 */
class OutOfFoldThresholdTest {

  private static final double[][] SCORES = {
      {0.52, 0}, {0.52, 0}, {0.52, 0}, {0, 0.41},
      {0.46, 0}, {0, 0.41}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}};
  private static final boolean[] HARM = {
      true, true, true, true, false, false, false, false, false, false, false, false, false, false};
  private static final boolean[] INNOCENT = {
      false, false, false, false, true, true, true, true, true, true, true, true, true, true};
  private static final int TOP = ClassifierTrainer.THRESHOLDS.length - 1;

  private static double[] chosen(int[] floor, int[] start, double budget) {
    return chosen(new double[0][], 0, floor, start, budget);
  }

  private static double[] chosen(double[][] ordinary, double maxOrdinary, int[] floor, int[] start,
      double budget) {
    int[] idx = ClassifierTrainer.outOfFold(SCORES, HARM, INNOCENT, ordinary, floor, start, budget, maxOrdinary);
    double[] t = new double[idx.length];
    for (int k = 0; k < idx.length; k++) {
      t[k] = idx[k] < ClassifierTrainer.THRESHOLDS.length ? ClassifierTrainer.THRESHOLDS[idx[k]] : 2;
    }
    return t;
  }

  @Test
  void lowersWhereHarmfulMessagesAreCaughtWithinTheInnocentBudget() {
    assertThat(chosen(new int[] {0, 0}, new int[] {TOP, TOP}, 0.1)).containsExactly(0.5, 0.4);
  }

  @Test
  void noBudgetNoInnocentFlagged() {
    assertThat(chosen(new int[] {0, 0}, new int[] {TOP, TOP}, 0)).containsExactly(0.5, 0.99);
  }

  @Test
  void neverBelowTheFloor() {
    // floor index 5 is 0.425: category 1 cannot reach 0.41
    assertThat(chosen(new int[] {0, 5}, new int[] {TOP, TOP}, 0.1)).containsExactly(0.5, 0.99);
  }

  @Test
  void neverAboveTheStart() {
    // category 0 starts at 0.450 (index 6), under its best-ratio threshold: it stays there, and flags n1,
    // which uses the budget that category 1 would need
    assertThat(chosen(new int[] {0, 0}, new int[] {6, TOP}, 0.1)).containsExactly(0.45, 0.99);
    // a category with no threshold at all (start past the grid) may get one
    assertThat(chosen(new int[] {0, 0}, new int[] {TOP + 1, TOP + 1}, 0.1)).containsExactly(0.5, 0.4);
  }

  @Test
  void ordinaryCommentsBoundTheMoves() {
    double[][] ordinary = {{0, 0.41}, {0, 0}, {0, 0}, {0, 0}};
    int[] floor = {0, 0};
    int[] start = {TOP, TOP};
    assertThat(chosen(ordinary, 0.2, floor, start, 0.1)).containsExactly(0.5, 0.99);
    assertThat(chosen(ordinary, 0.25, floor, start, 0.1)).containsExactly(0.5, 0.4);
    // what the start already flags is allowed whatever the bound
    assertThat(chosen(ordinary, 0, floor, new int[] {TOP, 4}, 0.1)).containsExactly(0.5, 0.4);
  }
}
