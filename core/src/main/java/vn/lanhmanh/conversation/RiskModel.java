package vn.lanhmanh.conversation;

/**
 * Combines the stages seen in a conversation's window into one risk in {@code [0, 1]}. The formula is
 * documented on {@code vn.lanhmanh.Conversation}; the constants live here.
 */
final class RiskModel {

  /** Breadth factor by the number of distinct stages the other party showed: 0–1, 2, 3, 4 or more. */
  static final double[] BREADTH = {0.25, 0.25, 0.5, 0.85, 1.0};
  /** Added for each dangerous pair of stages both shown by the other party. */
  static final double PAIR_BONUS = 0.3;
  /** The pairs that mark an approach rather than a chat. */
  static final Stage[][] DANGEROUS_PAIRS = {
      {Stage.SECRECY, Stage.MEETING},
      {Stage.SECRECY, Stage.PHOTOS},
      {Stage.GIFTS, Stage.PHOTOS},
      {Stage.PHOTOS, Stage.MEETING},
      {Stage.SEXUAL, Stage.SECRECY},
      {Stage.SEXUAL, Stage.MEETING},
      {Stage.SEXUAL, Stage.PHOTOS},
  };

  private RiskModel() {}

  /**
   * @param best the best weight seen per stage (by ordinal), 0 for none
   * @param fromOther whether the other party showed each stage
   */
  static double score(double[] best, boolean[] fromOther) {
    double keep = 1.0;
    int others = 0;
    for (int s = 0; s < best.length; s++) {
      if (best[s] > 0) {
        keep *= 1.0 - best[s];
      }
      if (fromOther[s]) {
        others++;
      }
    }
    double risk = BREADTH[Math.min(others, BREADTH.length - 1)] * (1.0 - keep);
    for (Stage[] pair : DANGEROUS_PAIRS) {
      if (fromOther[pair[0].ordinal()] && fromOther[pair[1].ordinal()]) {
        risk += PAIR_BONUS;
      }
    }
    return Math.min(1.0, risk);
  }
}
