package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 25 ({@code heldout/chats-round25/}, format in its README), written
 * before the twenty-sixth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 24 (only the README and
 * one chat pair of round 21), and never tuned against. Only figures go to stdout; each chat's peak risk,
 * first BLOCK and intent message go to {@code target/heldout-chats-round25.txt}. It is a report: it fails on
 * a malformed chat, never on the score.
 */
class HeldoutChatsRound25Test extends HeldoutChatsRound {

  HeldoutChatsRound25Test() {
    super(25, 32);
  }
}
