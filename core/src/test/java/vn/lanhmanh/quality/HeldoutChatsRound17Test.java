package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 17 ({@code heldout/chats-round17/}, format in its README), written
 * before the eighteenth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text files nor the chats of rounds 1 to 16 (only the READMEs of
 * rounds 14, 15 and 16), and never tuned against. Only figures go to stdout; each chat's peak risk, first
 * BLOCK and intent message go to {@code target/heldout-chats-round17.txt}. It is a report: it fails on a
 * malformed chat, never on the score.
 */
class HeldoutChatsRound17Test extends HeldoutChatsRound {

  HeldoutChatsRound17Test() {
    super(17, 32);
  }
}
