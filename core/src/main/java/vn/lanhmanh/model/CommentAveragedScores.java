package vn.lanhmanh.model;

import java.util.BitSet;
import java.util.Locale;

/**
 * The span metric of the ViHOS paper's published figures: for every comment, precision, recall and F1 over
 * the 0/1 label of each character of the comment, averaged over the labels present in that comment's gold
 * or predicted vector ("macro") or counted over all characters ("micro", which for one label per character
 * equals the share of characters labelled right); then the plain mean of those per-comment figures over
 * all comments.
 *
 * <p>Per comment, as scikit-learn's {@code precision_recall_fscore_support(true, pred, average='macro')}
 * with its defaults: the labels are those occurring in the gold or the predicted vector (a comment with no
 * span in either has only label 0 and scores 1); a label that is predicted but absent from the gold has
 * recall 0 (the zero-division value) and F1 0; one that is in the gold but never predicted has precision 0
 * and F1 0. F1 of a label is {@code 2tp / (2tp + fp + fn)}.
 *
 * <p>This is <em>not</em> the project's own span metric ({@link Trainer.Figures}: characters of the
 * offensive label counted over all comments together). Clean comments left clean score 1 here, so the
 * figures are much higher than the project's on the same predictions. A comment of no characters is not
 * counted. Not thread-safe: one instance per evaluation.
 */
public final class CommentAveragedScores {

  private int comments;
  private double macroP;
  private double macroR;
  private double macroF1;
  private double microF1;

  /**
   * Adds one comment.
   *
   * @param length the comment's length in characters (code points, as the paper's Python counts them)
   * @param gold the gold offensive characters, indices in {@code [0, length)}
   * @param predicted the predicted offensive characters, indices in {@code [0, length)} (others ignored)
   */
  public void add(int length, BitSet gold, BitSet predicted) {
    if (length <= 0) {
      return;
    }
    BitSet g = gold.get(0, length);
    BitSet p = predicted.get(0, length);
    BitSet both = (BitSet) g.clone();
    both.and(p);
    int tp1 = both.cardinality();
    int gold1 = g.cardinality();
    int pred1 = p.cardinality();
    int fp1 = pred1 - tp1;
    int fn1 = gold1 - tp1;
    // label 0: a true positive is a character outside both; its false positives are label 1's false negatives
    int tp0 = length - gold1 - pred1 + tp1;
    int fp0 = fn1;
    int fn0 = fp1;
    double sumP = 0;
    double sumR = 0;
    double sumF = 0;
    int labels = 0;
    int[][] counts = {{tp0, fp0, fn0}, {tp1, fp1, fn1}};
    for (int[] c : counts) {
      int tp = c[0];
      int fp = c[1];
      int fn = c[2];
      if (tp + fp + fn == 0) {
        continue; // the label occurs in neither vector: not one of the averaged labels
      }
      labels++;
      sumP += tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      sumR += tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      sumF += 2.0 * tp / (2.0 * tp + fp + fn);
    }
    comments++;
    macroP += sumP / labels;
    macroR += sumR / labels;
    macroF1 += sumF / labels;
    microF1 += (double) (tp0 + tp1) / length;
  }

  /**
   * Adds one comment whose offensive characters are given as UTF-16 indices into {@code text} (as findings
   * and {@link SpanCorpus.Comment#gold()} give them); they are counted as code points.
   */
  public void add(String text, BitSet gold, BitSet predicted) {
    int length = text.codePointCount(0, text.length());
    BitSet g = new BitSet(length);
    BitSet p = new BitSet(length);
    int cp = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), cp++) {
      if (gold.get(i)) {
        g.set(cp);
      }
      if (predicted.get(i)) {
        p.set(cp);
      }
    }
    add(length, g, p);
  }

  /** Comments counted. */
  public int comments() {
    return comments;
  }

  /** Mean over comments of the macro-averaged precision. */
  public double macroPrecision() {
    return comments == 0 ? 0 : macroP / comments;
  }

  /** Mean over comments of the macro-averaged recall. */
  public double macroRecall() {
    return comments == 0 ? 0 : macroR / comments;
  }

  /** Mean over comments of the macro-averaged F1: the figure the ViHOS paper reports as F1. */
  public double macroF1() {
    return comments == 0 ? 0 : macroF1 / comments;
  }

  /** Mean over comments of the micro-averaged F1 (per comment, the share of characters labelled right). */
  public double microF1() {
    return comments == 0 ? 0 : microF1 / comments;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "per-comment macro P=%.3f R=%.3f F1=%.3f, micro F1=%.3f (%d comments)",
        macroPrecision(), macroRecall(), macroF1(), microF1(), comments);
  }
}
