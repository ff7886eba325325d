package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 3 ({@code heldout/chats-round3/}, format in its README), written
 * before the fourth tuning round by a pass that read neither the stage table nor the chats of rounds 1 and
 * 2, and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK and intent
 * message go to {@code target/heldout-chats-round3.txt}. It is a report: it fails on a malformed chat,
 * never on the score.
 */
class HeldoutChatsRound3Test extends HeldoutChatsRound {

  HeldoutChatsRound3Test() {
    super(3, 32);
  }
}
