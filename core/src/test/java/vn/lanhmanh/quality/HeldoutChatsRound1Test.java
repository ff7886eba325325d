package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.DefaultFilter;
import vn.lanhmanh.quality.HeldoutChats.Summary;

/**
 * Scores the held-out chats of round 1 ({@code heldout/chats-round1/}, format in its README), written
 * before the stage detection was reworked and never tuned against. Only figures go to stdout; each chat's
 * peak risk, first BLOCK and intent message go to {@code target/heldout-chats-round1.txt}. The targets of
 * the conversations issue (strict separation, every grooming chat blocked by its intent message) are
 * reported, not asserted; the assertions are the set's structure and regression floors.
 */
class HeldoutChatsRound1Test {

  static final String FOLDER = "/heldout/chats-round1";
  static final String REPORT = "heldout-chats-round1.txt";

  private static final ContentFilter filter = DefaultFilter.shared();

  @Test
  void setIsWellFormed() throws Exception {
    HeldoutChats.checkChats(HeldoutChats.read(FOLDER), 30);
  }

  @Test
  void figuresOnTheCurrentEngine() throws Exception {
    Summary s = HeldoutChats.score(filter, "heldout-r1-", "heldout chats round 1", HeldoutChats.read(FOLDER));
    System.out.print(s.text());
    HeldoutReports.write(REPORT, HeldoutChats.details(s));

    // Regression floors under what the engine measured. Main on 2026-12-02 (commit 7e84ed8): blocked by
    // the intent message 8/32, grooming peaks above every innocent peak 14/32, innocent chats with a
    // non-ALLOW message 3/32, highest innocent peak risk 0.163 (lowest grooming peak 0.000). With the
    // conversation's concept rules and combining risk model (measured once, not tuned against): 26/32,
    // 31/32, 1/32, 0.273 (lowest grooming peak 0.145). The model scores stage combinations, so an innocent
    // chat touching two stages now reaches about 0.3 (below the 0.7 of a warning); the floors follow.
    assertThat(s.byIntent()).as("grooming chats blocked by their intent message").isGreaterThanOrEqualTo(24);
    assertThat(s.separated()).as("grooming chats peaking above every innocent chat").isGreaterThanOrEqualTo(28);
    assertThat(s.innocentFlagged()).as("innocent chats with a non-ALLOW message").isLessThanOrEqualTo(3);
    assertThat(s.highestInnocent().peakRisk()).as("highest innocent peak risk").isLessThanOrEqualTo(0.35);
  }
}
