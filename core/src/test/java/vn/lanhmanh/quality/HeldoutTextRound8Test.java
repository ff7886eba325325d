package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 8 ({@code heldout/text-round8.tsv}), written before the ninth
 * tuning round by a separate author pass that read neither the lexicon, the concept, composition and
 * conversation data, the corpus tables, the labelled corpus nor the lines of rounds 1 to 7 (only round 6's
 * column format and header, the scoring code and the category names), and never tuned against; once its
 * misses are read, round 9 is written. Figures go to stdout; the lines the filter gets wrong go only to
 * {@code target/heldout-text-round8.txt}. It is a report: it fails on a malformed file, never on the score.
 */
class HeldoutTextRound8Test extends HeldoutTextRound {

  HeldoutTextRound8Test() {
    super(8, 420, 20, 200);
  }
}
