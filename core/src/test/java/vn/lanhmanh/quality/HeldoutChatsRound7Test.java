package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 7 ({@code heldout/chats-round7/}, format in its README), written
 * before the eighth tuning round by a pass that read neither the stage table, the labelled corpus, the
 * held-out text files nor the chats of rounds 1 to 6, and never tuned against. Only figures go to stdout;
 * each chat's peak risk, first BLOCK and intent message go to {@code target/heldout-chats-round7.txt}. It is
 * a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound7Test extends HeldoutChatsRound {

  HeldoutChatsRound7Test() {
    super(7, 32);
  }
}
