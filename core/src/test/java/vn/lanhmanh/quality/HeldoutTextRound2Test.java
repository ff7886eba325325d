package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 2 ({@code heldout/text-round2.tsv}), written before the second
 * tuning round by a pass that read neither the lexicon nor round 1's lines, and never tuned against.
 * Figures go to stdout; the lines the filter gets wrong go only to {@code target/heldout-text-round2.txt}.
 * It is a report: it fails on a malformed file, never on the score.
 */
class HeldoutTextRound2Test extends HeldoutTextRound {

  HeldoutTextRound2Test() {
    super(2, 450, 30, 150);
  }
}
