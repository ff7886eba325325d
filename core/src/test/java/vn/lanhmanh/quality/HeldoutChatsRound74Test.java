package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 74 ({@code heldout/chats-round74/}, format in its README), written
 * before the seventy-fifth tuning round by an author who read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 73 (only the README of
 * round 21), and never tuned against; once its misses are read, round 75 is written. Only
 * figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round74.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound74Test extends HeldoutChatsRound {

  HeldoutChatsRound74Test() {
    super(74, 32);
  }
}
