package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 21 ({@code heldout/chats-round21/}, format in its README), written
 * before the twenty-second tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text lines nor the chats of rounds 1 to 20 (only the README and
 * one chat of round 19), and never tuned against. Only figures go to stdout; each chat's peak risk, first
 * BLOCK and intent message go to {@code target/heldout-chats-round21.txt}. It is a report: it fails on a
 * malformed chat, never on the score.
 */
class HeldoutChatsRound21Test extends HeldoutChatsRound {

  HeldoutChatsRound21Test() {
    super(21, 32);
  }
}
