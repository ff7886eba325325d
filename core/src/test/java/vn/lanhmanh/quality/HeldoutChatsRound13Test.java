package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 13 ({@code heldout/chats-round13/}, format in its README), written
 * before the fourteenth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text files nor the chats of rounds 1 to 12 (only the READMEs of
 * rounds 11 and 12), and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK
 * and intent message go to {@code target/heldout-chats-round13.txt}. <b>Spent:</b> its chats were read as
 * development data in the fifteenth round, so its figures are no held-out measure now. It is a report: it
 * fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound13Test extends HeldoutChatsRound {

  HeldoutChatsRound13Test() {
    super(13, 32);
  }
}
