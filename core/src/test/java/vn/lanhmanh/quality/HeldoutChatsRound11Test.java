package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 11 ({@code heldout/chats-round11/}, format in its README), written
 * before the twelfth tuning round by a pass that read neither the engine's data, the corpus and case tables,
 * the labelled corpus, the held-out text files nor the chats of rounds 1 to 10 (only the READMEs of rounds 9
 * and 10), and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK and intent
 * message go to {@code target/heldout-chats-round11.txt}. <b>Spent:</b> its chats were read as development
 * data in the fourteenth round, and they are training data of the message classifiers since then
 * (docs/MODEL.md), so its figures are no held-out measure now. It is a report: it fails on a malformed chat,
 * never on the score.
 */
class HeldoutChatsRound11Test extends HeldoutChatsRound {

  HeldoutChatsRound11Test() {
    super(11, 32);
  }
}
