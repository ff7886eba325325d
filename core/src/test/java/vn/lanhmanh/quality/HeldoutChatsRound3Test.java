package vn.lanhmanh.quality;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.quality.HeldoutChats.Summary;

/**
 * Scores the held-out chats of round 3 ({@code heldout/chats-round3/}, format in its README), written
 * before the fourth tuning round by a pass that read neither the stage table nor the chats of rounds 1 and
 * 2, and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK and intent
 * message go to {@code target/heldout-chats-round3.txt}. It is a report: it fails on a malformed chat,
 * never on the score.
 */
class HeldoutChatsRound3Test {

  static final String FOLDER = "/heldout/chats-round3";
  static final String REPORT = "heldout-chats-round3.txt";

  private static ContentFilter filter;

  @BeforeAll
  static void open() {
    filter = ContentFilter.builder().build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  @Test
  void setIsWellFormed() throws Exception {
    HeldoutChats.checkChats(HeldoutChats.read(FOLDER), 32);
  }

  @Test
  void figuresOnTheCurrentEngine() throws Exception {
    Summary s = HeldoutChats.score(filter, "heldout-r3-", "heldout chats round 3", HeldoutChats.read(FOLDER));
    System.out.print(s.text());
    HeldoutReports.write(REPORT, HeldoutChats.details(s));
  }
}
