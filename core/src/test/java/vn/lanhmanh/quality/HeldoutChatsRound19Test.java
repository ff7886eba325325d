package vn.lanhmanh.quality;

/**
 * Scores the held-out chats of round 19 ({@code heldout/chats-round19/}, format in its README), written
 * before the twentieth tuning round by a pass that read neither the engine's data, the corpus and case
 * tables, the labelled corpus, the held-out text files nor the chats of rounds 1 to 18 (only the READMEs of
 * rounds 15, 16 and 17 and one chat pair of round 17 for the layout), and never tuned against. Only figures
 * go to stdout; each chat's peak risk, first BLOCK and intent message go to
 * {@code target/heldout-chats-round19.txt}. It is a report: it fails on a malformed chat, never on the score.
 */
class HeldoutChatsRound19Test extends HeldoutChatsRound {

  HeldoutChatsRound19Test() {
    super(19, 32);
  }
}
