package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.conversation.ConversationMonitor;
import vn.lanhmanh.quality.HeldoutChats.Summary;

/**
 * The spent chat rounds 1–6 and 8 (development data) with the message classifiers on, so that their scores feed
 * each conversation's risk through the learned combiner (docs/QUALITY.md, "Conversations with the
 * classifiers"): every round must keep its grooming chats above its innocent ones and block each grooming
 * chat by its intent message, and no innocent chat may reach the high-risk mark. The combiner was fitted on
 * rounds 4 and 5, rounds 6 and 8 were read to write stage data, and since the thirteenth round their marked
 * messages are in the classifiers' training data, so these figures are development figures, not a measure of how
 * it generalises.
 */
class SpentChatsWithClassifiersTest {

  @Test
  void everySpentRoundStaysSeparatedWithTheClassifiers() throws Exception {
    try (ContentFilter filter = ContentFilter.builder().withClassifiers().build()) {
      for (int round : new int[] {1, 2, 3, 4, 5, 6, 8}) {   // round 7 is held out
        Summary s = HeldoutChats.score(filter, "spent-cls-r" + round + "-",
            "chats round " + round + ", classifiers on", HeldoutChats.read("/heldout/chats-round" + round));
        System.out.print(s.text());
        assertThat(s.lowestGrooming().peakRisk()).as("round %d: lowest grooming peak (%s) above the highest "
            + "innocent (%s)", round, s.lowestGrooming().chat().name(), s.highestInnocent().chat().name())
            .isGreaterThan(s.highestInnocent().peakRisk());
        assertThat(s.byIntent()).as("round %d: grooming chats blocked by their intent message", round)
            .isEqualTo(s.grooming());
        assertThat(s.runs()).filteredOn(r -> !r.chat().grooming() && r.peakRisk() >= ConversationMonitor.HIGH_RISK)
            .as("round %d: innocent chats the conversation raises", round).hasSizeLessThanOrEqualTo(round == 4 ? 1 : 0);
      }
    }
  }
}
