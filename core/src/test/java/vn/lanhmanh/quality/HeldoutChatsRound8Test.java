package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 8 ({@code heldout/chats-round8/}, format in its README), written
 * before the ninth tuning round by a pass that read neither the engine's data, the corpus and case tables,
 * the labelled corpus, the held-out text files nor the chats of rounds 1 to 7. <b>Spent:</b> after its first
 * score they were read as development data (docs/QUALITY.md, "Chats round 8 read as development data"), so
 * its figures are development figures now, not a held-out measure. Only figures go to stdout; each chat's
 * peak risk, first BLOCK and intent message go to {@code target/heldout-chats-round8.txt}. It is a report: it
 * fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound8Test extends HeldoutChatsRound {

  HeldoutChatsRound8Test() {
    super(8, 32);
  }
}
