package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 18 ({@code heldout/chats-round18/}, format in its README), written
 * before the nineteenth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text files nor the chats of rounds 1 to 17 (only the READMEs of
 * rounds 15, 16 and 17), and never tuned against. Only figures go to stdout; each chat's peak risk, first
 * BLOCK and intent message go to {@code target/heldout-chats-round18.txt}. It is a report: it fails on a
 * malformed chat, never on the score.
 */
class HeldoutChatsRound18Test extends HeldoutChatsRound {

  HeldoutChatsRound18Test() {
    super(18, 32);
  }
}
