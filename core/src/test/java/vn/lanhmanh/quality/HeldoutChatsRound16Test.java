package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 16 ({@code heldout/chats-round16/}, format in its README), written
 * before the seventeenth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text files nor the chats of rounds 1 to 15 (only the READMEs of
 * rounds 14 and 15), and never tuned against. Only figures go to stdout; each chat's peak risk, first BLOCK
 * and intent message go to {@code target/heldout-chats-round16.txt}. <b>Spent:</b> its chats were read as
 * development data in the seventeenth round (after round 17 was written), so its figures are no held-out
 * measure now. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound16Test extends HeldoutChatsRound {

  HeldoutChatsRound16Test() {
    super(16, 32);
  }
}
