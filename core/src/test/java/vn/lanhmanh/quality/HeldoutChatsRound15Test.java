package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 15 ({@code heldout/chats-round15/}, format in its README), written
 * before the sixteenth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text files nor the chats of rounds 1 to 14 (only the READMEs of
 * rounds 13 and 14), and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK
 * and intent message go to {@code target/heldout-chats-round15.txt}. <b>Spent:</b> its chats were read as
 * development data at the end of the sixteenth round, so its figures are no held-out measure now. It is a
 * report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound15Test extends HeldoutChatsRound {

  HeldoutChatsRound15Test() {
    super(15, 32);
  }
}
