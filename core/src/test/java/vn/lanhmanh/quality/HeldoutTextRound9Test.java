package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 9 ({@code heldout/text-round9.tsv}), written before the tenth
 * tuning round by a separate author pass that read neither the lexicon, the concept, composition and
 * conversation data, the corpus tables, the labelled corpus nor the lines of rounds 1 to 8 (only the column
 * format and header, the scoring code and the category names), and never tuned against; once its
 * misses are read, round 10 is written. Figures go to stdout; the lines the filter gets wrong go only to
 * {@code target/heldout-text-round9.txt}. It is a report: it fails on a malformed file, never on the score.
 */
class HeldoutTextRound9Test extends HeldoutTextRound {

  HeldoutTextRound9Test() {
    super(9, 420, 20, 200);
  }
}
