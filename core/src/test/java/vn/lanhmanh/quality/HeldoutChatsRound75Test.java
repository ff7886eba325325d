package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 75 ({@code heldout/chats-round75/}, format in its README), written
 * before the seventy-sixth tuning round by an author who read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 74 (only the README of
 * round 21), and never tuned against; once its misses are read, round 76 is written. Only
 * figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round75.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound75Test extends HeldoutChatsRound {

  HeldoutChatsRound75Test() {
    super(75, 32);
  }
}
