package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 6 ({@code heldout/text-round6.tsv}), written before the sixth
 * tuning round by a pass that read neither the lexicon, the concept and conversation data, the corpus tables,
 * the labelled corpus nor the lines of rounds 1 to 5, and never tuned against. Figures go to stdout; the lines
 * the filter gets wrong go only to {@code target/heldout-text-round6.txt}. It is a report: it fails on a
 * malformed file, never on the score.
 */
class HeldoutTextRound6Test extends HeldoutTextRound {

  HeldoutTextRound6Test() {
    super(6, 330, 15, 100);
  }
}
