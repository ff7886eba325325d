package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 2 ({@code heldout/chats-round2/}, format in its README), written
 * before the second tuning round by a pass that read neither the stage table nor round 1's chats, and never
 * tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round2.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound2Test extends HeldoutChatsRound {

  HeldoutChatsRound2Test() {
    super(2, 32);
  }
}
