package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 26 ({@code heldout/chats-round26/}, format in its README), written
 * before the twenty-seventh tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 25 (only the README and
 * one chat pair of round 21), and never tuned against. Only figures go to stdout; each chat's peak risk,
 * first BLOCK and intent message go to {@code target/heldout-chats-round26.txt}. It is a report: it fails on
 * a malformed chat, never on the score.
 */
class HeldoutChatsRound26Test extends HeldoutChatsRound {

  HeldoutChatsRound26Test() {
    super(26, 32);
  }
}
