package vn.lanhmanh.quality;

/**
 * Scores the held-out text set of round 19 ({@code heldout/text-round19.tsv}), written before the twentieth
 * tuning round by a separate author pass that read neither the lexicon, the concept, composition and
 * conversation data, the corpus tables, the labelled corpus nor the lines of rounds 1 to 18 (only round 17's
 * header and column format, the scoring code and the category names), and never tuned against; once its
 * misses are read, round 20 is written. Ten of its lines are stored decomposed (NFD) on purpose, as its
 * header lists. Figures go to stdout; the lines the filter gets wrong go only to
 * {@code target/heldout-text-round19.txt}. It is a report: it fails on a malformed file, never on the score.
 */
class HeldoutTextRound19Test extends HeldoutTextRound {

  HeldoutTextRound19Test() {
    super(19, 550, 22, 280);
  }
}
