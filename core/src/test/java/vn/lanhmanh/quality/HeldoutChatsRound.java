package vn.lanhmanh.quality;

import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.DefaultFilter;
import vn.lanhmanh.quality.HeldoutChats.Summary;

/**
 * A held-out chat round from round 2 on: its chats must be well formed, with enough of each label, and its
 * figures on the current engine are printed (per-chat details only to {@code target/}). A report: it fails
 * on a malformed chat, never on the score. Each round is a subclass naming its number.
 */
abstract class HeldoutChatsRound {

  private final int round;
  private final String folder;
  private final int perLabel;
  /** The default filter, or {@link HeldoutText#filter()}'s when a system property asks for another. */
  private static final ContentFilter filter = HeldoutText.customFilter() ? HeldoutText.filter() : DefaultFilter.shared();

  /**
   * @param round the round's number: folder {@code heldout/chats-roundN/}, report
   *     {@code target/heldout-chats-roundN.txt}
   */
  HeldoutChatsRound(int round, int perLabel) {
    this.round = round;
    this.folder = "/heldout/chats-round" + round;
    this.perLabel = perLabel;
  }

  @Test
  void setIsWellFormed() throws Exception {
    HeldoutChats.checkChats(HeldoutChats.read(folder), perLabel);
  }

  @Test
  void figuresOnTheCurrentEngine() throws Exception {
    Summary s = HeldoutChats.score(filter, "heldout-r" + round + "-",
        HeldoutText.label("heldout chats round " + round), HeldoutChats.read(folder));
    System.out.print(s.text());
    HeldoutReports.write("heldout-chats-round" + round + ".txt", HeldoutChats.details(s));
  }
}
