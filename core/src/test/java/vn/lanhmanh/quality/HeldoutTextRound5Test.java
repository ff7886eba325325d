package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 5 ({@code heldout/text-round5.tsv}), written before the fifth
 * tuning round by a pass that read neither the lexicon, the concept and conversation data, the corpus tables
 * nor the lines of rounds 1 to 4, and never tuned against. Figures go to stdout; the lines the filter gets
 * wrong go only to {@code target/heldout-text-round5.txt}. It is a report: it fails on a malformed file,
 * never on the score.
 */
class HeldoutTextRound5Test extends HeldoutTextRound {

  HeldoutTextRound5Test() {
    super(5, 430, 17, 190);
  }
}
