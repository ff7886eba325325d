package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 44 ({@code heldout/chats-round44/}, format in its README), written
 * before the forty-fifth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 43 (only the README and
 * one chat pair of round 21), and never tuned against; once its misses are read, round 45 is written. Only
 * figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round44.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound44Test extends HeldoutChatsRound {

  HeldoutChatsRound44Test() {
    super(44, 32);
  }
}
