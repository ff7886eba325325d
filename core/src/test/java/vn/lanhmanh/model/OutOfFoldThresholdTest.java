package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 *
 * <p>Counted by the whole filter instead ({@link CleanCount}: a comment is flagged when the
 * lexicon flags it or a category reaches its threshold), a comment the lexicon already flags costs category 1's
 * move nothing, and a start that flags more comments than the bound is first raised.
 *
 * <p>Held clean sentences bound the moves as well, each set by what the start flags of it
 * ({@link ClassifierTrainer#boundAtStart}): a sentence category 1 scores 0.43 stops its move to 0.400 that the
 * comments allow, unless the start already flags it or the lexicon flags it anyway. With a bound of their own
 * ({@link CleanCount#boundBy}), a start that flags more of them than it allows is raised first.
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
  /** Four ordinary development comments, the first of which category 1 scores 0.41. */
  private static final double[][] ORDINARY = {{0, 0.41}, {0, 0}, {0, 0}, {0, 0}};

  private static double[] chosen(int[] floor, int[] start, double budget) {
    return chosen(new double[0][], 0, floor, start, budget);
  }

  private static double[] chosen(double[][] ordinary, double maxOrdinary, int[] floor, int[] start,
      double budget) {
    return thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, ordinary, floor, start, budget,
        maxOrdinary));
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

  /**
   * Clean comments as the whole filter judges them: comment {@code j} is flagged when {@code lexicon[j]} (the
   * lexicon flags it whatever the classifiers say) or a category scores it at or above its threshold.
   */
  private static CleanCount wholeFilter(double[][] ordinary, boolean[] lexicon, int bound) {
    return new CleanCount() {
      @Override
      public int[] flagged(int[] idx) {
        int flagged = 0;
        for (int j = 0; j < ordinary.length; j++) {
          boolean hit = lexicon[j];
          for (int k = 0; k < idx.length; k++) {
            hit |= idx[k] < ClassifierTrainer.THRESHOLDS.length
                && ordinary[j][k] >= ClassifierTrainer.THRESHOLDS[idx[k]];
          }
          flagged += hit ? 1 : 0;
        }
        return new int[] {flagged};
      }

      @Override
      public int[] bound() {
        return new int[] {bound};
      }
    };
  }

  private static double[] thresholds(int[] idx) {
    double[] t = new double[idx.length];
    for (int k = 0; k < idx.length; k++) {
      t[k] = idx[k] < ClassifierTrainer.THRESHOLDS.length ? ClassifierTrainer.THRESHOLDS[idx[k]] : 2;
    }
    return t;
  }

  @Test
  void aCommentTheLexiconFlagsIsNotChargedToTheClassifiers() {
    // the comment category 1 scores 0.41 is flagged by the lexicon already: one of four, and the bound is one
    // counted by the classifiers alone, flagging it is one more than the start's none, over a bound of 0
    assertThat(chosen(ORDINARY, 0, new int[] {0, 0}, new int[] {TOP, TOP}, 0.1)).containsExactly(0.5, 0.99);
    // counted by the whole filter, the filter flags it either way: 1 of 4 before and after the move
    boolean[] lexicon = {true, false, false, false};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ORDINARY, lexicon, 1),
        new int[] {0, 0}, new int[] {TOP, TOP}, 0.1))).containsExactly(0.5, 0.4);
    // a comment the lexicon does not flag still counts: with the bound at 1 and another comment flagged by the
    // lexicon, the move would make 2
    boolean[] other = {false, true, false, false};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ORDINARY, other, 1),
        new int[] {0, 0}, new int[] {TOP, TOP}, 0.1))).containsExactly(0.5, 0.99);
  }

  @Test
  void aStartOverTheBoundIsRaised() {
    // category 0 starts at 0.450 and flags a clean comment it scores 0.46; the bound allows none: the smallest
    // raise that no longer flags it, 0.475, loses no harmful message (they score 0.52)
    double[][] ordinary = {{0.46, 0}, {0, 0}};
    boolean[] lexicon = {false, false};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ordinary, lexicon, 0),
        new int[] {0, 0}, new int[] {6, TOP}, 0.1))).containsExactly(0.475, 0.4);
    // a comment the lexicon flags cannot be unflagged by any threshold: nothing is raised for it
    boolean[] flaggedAnyway = {true, false};
    double[][] lexiconOnly = {{0, 0}, {0, 0}};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT,
        wholeFilter(lexiconOnly, flaggedAnyway, 0), new int[] {0, 0}, new int[] {6, TOP}, 0.1)))
        .containsExactly(0.45, 0.99);
  }

  @Test
  void aRaiseGoesNoMoreThanFourStepsAboveTheStart() {
    // category 0 starts at 0.450 (index 6) and flags a clean comment it scores 0.60; the bound allows none. Only a
    // raise to 0.625 (index 13, seven steps) would unflag it: past the cap of four steps, so category 0 stays at
    // its start (where it flags n1, which spends the innocent budget category 1's move to 0.400 would need)
    double[][] ordinary = {{0.60, 0}, {0, 0}};
    boolean[] lexicon = {false, false};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ordinary, lexicon, 0),
        new int[] {0, 0}, new int[] {6, TOP}, 0.1))).containsExactly(0.45, 0.99);
    // a comment it scores 0.54 is unflagged by 0.550 (index 10, four steps): within the cap, and taken, though it
    // loses the three harmful messages at 0.52; n1 is no longer flagged, so category 1 goes down to 0.400
    double[][] near = {{0.54, 0}, {0, 0}};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(near, lexicon, 0),
        new int[] {0, 0}, new int[] {6, TOP}, 0.1))).containsExactly(0.55, 0.4);
  }

  @Test
  void theCapOnTheRaiseIsAnOption() {
    // category 0 starts at 0.450 (index 6) and flags two clean comments it scores 0.48 and 0.54; the bound allows
    // none. The raise to 0.500 (index 8, two steps) unflags the first and loses no harmful message (they score
    // 0.52); only 0.550 (index 10, four steps) unflags the second, losing h1..h3
    double[][] ordinary = {{0.48, 0}, {0.54, 0}, {0, 0}};
    boolean[] lexicon = {false, false, false};
    int[] floor = {0, 0};
    int[] start = {6, TOP};
    // the default cap, four steps: both raises are taken, to start + 4; n1 is no longer flagged, so category 1
    // goes down to 0.400
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ordinary, lexicon, 0),
        floor, start, 0.1))).containsExactly(0.55, 0.4);
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ordinary, lexicon, 0),
        floor, start, 0.1, OutOfFoldThresholds.DEFAULT_MAX_RAISE))).containsExactly(0.55, 0.4);
    // a cap of two (or three: 0.525 unflags nothing more) stops at start + 2, the bound still missed by one comment;
    // the one flagged then is what the moves down may keep
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ordinary, lexicon, 0),
        floor, start, 0.1, 2))).containsExactly(0.5, 0.4);
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ordinary, lexicon, 0),
        floor, start, 0.1, 3))).containsExactly(0.5, 0.4);
    // a cap of 0: no raise; category 0 stays at its start, where it flags n1 and spends category 1's budget
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ordinary, lexicon, 0),
        floor, start, 0.1, 0))).containsExactly(0.45, 0.99);
  }

  @Test
  void heldCleanSentencesMayNotBeFlaggedMoreThanAtTheStart() {
    // the comments allow category 1's move to 0.400 (the one it flags, the lexicon flags anyway; bound 1)
    boolean[] lexicon = {true, false, false, false};
    int[] floor = {0, 0};
    int[] start = {TOP, TOP};
    // three held sentences, the first of which category 1 scores 0.43: none is flagged at the start (0.99),
    // so none may be; the move to 0.400 would flag it, so category 1 stays, and category 0's move to 0.500
    // (no sentence scores for it) is taken
    double[][] sentences = {{0, 0.43}, {0, 0}, {0, 0}};
    boolean[] none = {false, false, false};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, CleanCount.combined(List.of(
        wholeFilter(ORDINARY, lexicon, 1), CleanCount.boundAtStart(wholeFilter(sentences, none, 99), start))),
        floor, start, 0.1))).containsExactly(0.5, 0.99);
    // the comments' count alone: the move is taken
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, wholeFilter(ORDINARY, lexicon, 1),
        floor, start, 0.1))).containsExactly(0.5, 0.4);
    // a sentence the lexicon flags anyway is flagged at the start (bound 1) and after the move (1)
    boolean[] flaggedAnyway = {true, false, false};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, CleanCount.combined(List.of(
        wholeFilter(ORDINARY, lexicon, 1),
        CleanCount.boundAtStart(wholeFilter(sentences, flaggedAnyway, 0), start))),
        floor, start, 0.1))).containsExactly(0.5, 0.4);
    // a start that flags the sentence already (category 1 at 0.425, index 5) may go on to 0.400: 1 before, 1 after
    int[] low = {TOP, 5};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, CleanCount.combined(List.of(
        wholeFilter(ORDINARY, lexicon, 1), CleanCount.boundAtStart(wholeFilter(sentences, none, 0), low))),
        floor, low, 0.1))).containsExactly(0.5, 0.4);
  }

  @Test
  void cleanSentencesWithAGivenBoundRaiseTheStart() {
    // the comments allow anything (bound 4); a sentence category 1 scores 0.43 is flagged at its start 0.425
    // (index 5). Bound by the start, it may stay flagged and category 1 goes on to 0.400; bound by a given 0, the
    // start is raised to 0.450, the smallest raise that unflags it (it loses h4 at 0.41), and stays there
    boolean[] lexicon = {false, false, false, false};
    int[] floor = {0, 0};
    int[] low = {TOP, 5};
    double[][] sentences = {{0, 0.43}, {0, 0}, {0, 0}};
    boolean[] none = {false, false, false};
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, CleanCount.combined(List.of(
        wholeFilter(ORDINARY, lexicon, 4), CleanCount.boundAtStart(wholeFilter(sentences, none, 99), low))),
        floor, low, 0.1))).containsExactly(0.5, 0.4);
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, CleanCount.combined(List.of(
        wholeFilter(ORDINARY, lexicon, 4), CleanCount.boundBy(wholeFilter(sentences, none, 99), new int[] {0}))),
        floor, low, 0.1))).containsExactly(0.5, 0.45);
    // a given bound of 1 holds at the start: nothing is raised
    assertThat(thresholds(OutOfFoldThresholds.outOfFold(SCORES, HARM, INNOCENT, CleanCount.combined(List.of(
        wholeFilter(ORDINARY, lexicon, 4), CleanCount.boundBy(wholeFilter(sentences, none, 99), new int[] {1}))),
        floor, low, 0.1))).containsExactly(0.5, 0.4);
  }
}
