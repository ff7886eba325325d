package vn.lanhmanh.quality;

/**
 * Scores the chats of round 6 ({@code heldout/chats-round6/}, format in its README), written before the
 * seventh tuning round by a pass that read neither the stage table, the labelled corpus nor the chats of
 * rounds 1 to 5. <b>Spent:</b> after its first score they were read as development data to write stage
 * classes by meaning (docs/QUALITY.md, "Chats round 6 read as development data"), so its figures are
 * development figures now, not a held-out measure. Only figures go to stdout; each chat's peak risk, first
 * BLOCK and intent message go to {@code target/heldout-chats-round6.txt}. It is a report: it fails on a
 * malformed chat, never on the score.
 */
class HeldoutChatsRound6Test extends HeldoutChatsRound {

  HeldoutChatsRound6Test() {
    super(6, 32);
  }
}
