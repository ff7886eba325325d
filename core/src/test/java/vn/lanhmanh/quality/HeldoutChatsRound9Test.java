package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 9 ({@code heldout/chats-round9/}, format in its README), written
 * before the tenth tuning round by a pass that read neither the engine's data, the corpus and case tables,
 * the labelled corpus, the held-out text files nor the chats of rounds 1 to 8. <b>Spent:</b> after its first
 * score its odd-numbered chats were read as development data and its even-numbered ones only counted
 * (docs/QUALITY.md, "The eleventh round: chats round 9 read as development data"), so its figures are
 * development figures now, not a held-out measure. Only figures go to stdout; each chat's peak risk, first
 * BLOCK and intent message go to {@code target/heldout-chats-round9.txt}. It is a report: it fails on a
 * malformed chat, never on the score.
 */
class HeldoutChatsRound9Test extends HeldoutChatsRound {

  HeldoutChatsRound9Test() {
    super(9, 32);
  }
}
