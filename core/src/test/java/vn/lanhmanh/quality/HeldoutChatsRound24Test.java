package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 24 ({@code heldout/chats-round24/}, format in its README), written
 * before the twenty-fifth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 23 (only the README and
 * one chat pair of round 21), and never tuned against. Only figures go to stdout; each chat's peak risk,
 * first BLOCK and intent message go to {@code target/heldout-chats-round24.txt}. It is a report: it fails on
 * a malformed chat, never on the score.
 */
class HeldoutChatsRound24Test extends HeldoutChatsRound {

  HeldoutChatsRound24Test() {
    super(24, 32);
  }
}
