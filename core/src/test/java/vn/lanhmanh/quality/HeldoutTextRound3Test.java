package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 3 ({@code heldout/text-round3.tsv}), written before the third
 * tuning round by a pass that read neither the lexicon nor the lines of rounds 1 and 2, and never tuned
 * against. Figures go to stdout; the lines the filter gets wrong go only to
 * {@code target/heldout-text-round3.txt}. It is a report: it fails on a malformed file, never on the score.
 */
class HeldoutTextRound3Test extends HeldoutTextRound {

  HeldoutTextRound3Test() {
    super(3, 360, 24, 130);
  }
}
