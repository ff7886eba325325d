package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 5 ({@code heldout/chats-round5/}, format in its README), written
 * before the sixth tuning round by a pass that read neither the stage table nor the chats of rounds 1 to 4,
 * and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK and intent message
 * go to {@code target/heldout-chats-round5.txt}. It is a report: it fails on a malformed chat, never on the
 * score.
 */
class HeldoutChatsRound5Test extends HeldoutChatsRound {

  HeldoutChatsRound5Test() {
    super(5, 32);
  }
}
