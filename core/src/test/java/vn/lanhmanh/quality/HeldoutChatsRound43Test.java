package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 43 ({@code heldout/chats-round43/}, format in its README), written
 * before the forty-fourth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 42 (only the README and
 * one chat pair of round 21), and never tuned against; once its misses are read, round 44 is written. Only
 * figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round43.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound43Test extends HeldoutChatsRound {

  HeldoutChatsRound43Test() {
    super(43, 32);
  }
}
