package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 45 ({@code heldout/chats-round45/}, format in its README), written
 * before the forty-sixth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 44 (only the README and
 * one chat pair of round 21), and never tuned against; once its misses are read, round 46 is written. Only
 * figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round45.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound45Test extends HeldoutChatsRound {

  HeldoutChatsRound45Test() {
    super(45, 32);
  }
}
