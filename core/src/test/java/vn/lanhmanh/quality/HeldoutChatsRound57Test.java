package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 57 ({@code heldout/chats-round57/}, format in its README), written
 * before the fifty-eighth tuning round by an author who read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 56 (only the README and
 * one chat pair of round 21), and never tuned against; once its misses are read, round 58 is written. Only
 * figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round57.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound57Test extends HeldoutChatsRound {

  HeldoutChatsRound57Test() {
    super(57, 32);
  }
}
