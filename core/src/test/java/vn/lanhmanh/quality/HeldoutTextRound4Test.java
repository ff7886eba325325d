package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 4 ({@code heldout/text-round4.tsv}), written before the fourth
 * tuning round by a pass that read neither the lexicon, the concept and conversation data, the corpus tables
 * nor the lines of rounds 1 to 3, and never tuned against. Figures go to stdout; the lines the filter gets
 * wrong go only to {@code target/heldout-text-round4.txt}. It is a report: it fails on a malformed file,
 * never on the score.
 */
class HeldoutTextRound4Test extends HeldoutTextRound {

  HeldoutTextRound4Test() {
    super(4, 340, 16, 140);
  }
}
