package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 14 ({@code heldout/chats-round14/}, format in its README), written
 * before the fifteenth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text files nor the chats of rounds 1 to 13 (only the READMEs of
 * rounds 12 and 13), and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK
 * and intent message go to {@code target/heldout-chats-round14.txt}. <b>Spent:</b> its chats were read as
 * development data in the sixteenth round, so its figures are no held-out measure now. It is a report: it
 * fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound14Test extends HeldoutChatsRound {

  HeldoutChatsRound14Test() {
    super(14, 32);
  }
}
