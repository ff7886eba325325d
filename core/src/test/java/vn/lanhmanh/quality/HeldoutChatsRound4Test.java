package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 4 ({@code heldout/chats-round4/}, format in its README), written
 * before the fifth tuning round by a pass that read neither the stage table nor the chats of rounds 1 to 3,
 * and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK and intent message
 * go to {@code target/heldout-chats-round4.txt}. It is a report: it fails on a malformed chat, never on the
 * score.
 */
class HeldoutChatsRound4Test extends HeldoutChatsRound {

  HeldoutChatsRound4Test() {
    super(4, 32);
  }
}
