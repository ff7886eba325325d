package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 10 ({@code heldout/chats-round10/}, format in its README), written
 * before the eleventh tuning round by a pass that read neither the engine's data, the corpus and case tables,
 * the labelled corpus, the held-out text files nor the chats of rounds 1 to 9 (only round 9's README), and
 * never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round10.txt}. <b>Spent:</b> its chats were read as development data in the
 * thirteenth round, and they are training data of the message classifiers since the fourteenth
 * (docs/MODEL.md), so its figures are no held-out measure now. It is a report: it fails on a malformed chat,
 * never on the score.
 */
class HeldoutChatsRound10Test extends HeldoutChatsRound {

  HeldoutChatsRound10Test() {
    super(10, 32);
  }
}
