package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With the classifiers on, the grooming classifier's finding on a conversation message is rated P (the
 * conversation's risk decides grooming across messages), while the same text checked alone keeps it at C; and
 * a dating finding that nothing in the message supports is not made there.
 */
class ConversationClassifierFindingTest {

  private static final List<String> TEXTS = List.of(
      "em có hay ở nhà một mình không, anh qua chơi với em nhé",
      "em xinh quá, cho anh xem thêm ảnh em mặc đồ bơi đi",
      "anh thích em lắm, mình làm bạn bí mật nhé, đừng kể với ai",
      "tối nay bố mẹ em đi vắng à, anh gọi video cho em nha");

  @Test
  void theGroomingClassifiersFindingIsRatedPInAConversation() {
    try (ContentFilter filter = ContentFilter.builder().withClassifiers().build()) {
      int seen = 0;
      for (int i = 0; i < TEXTS.size(); i++) {
        String text = TEXTS.get(i);
        Verdict alone = filter.checkText(text, Policy.forAge(11));
        boolean atC = alone.findings().stream()
            .anyMatch(f -> f.rule().equals("model/grooming") && f.rating() == Rating.C);
        Verdict inChat = filter.conversation("c" + i)
            .check(new Message("m", Message.Sender.OTHER, text, Instant.EPOCH), Policy.forAge(11)).verdict();
        assertThat(inChat.findings()).as(text)
            .noneMatch(f -> f.rule().equals("model/grooming") && f.rating() != Rating.P);
        if (atC) {
          seen++;
          assertThat(inChat.findings()).as(text).anyMatch(f -> f.rule().equals("model/grooming"));
        }
      }
      assertThat(seen).as("texts the grooming classifier flags at C when checked alone").isPositive();
    }
  }

  /**
   * A chat's goodbye ("hẹn gặp con") makes no dating finding in a conversation with the shipped classifiers,
   * where an adult's approach is judged by the stages and the grooming score. The rule itself (a finding the
   * same score makes when the text is checked alone is not made in a conversation) is exercised whatever the
   * shipped file scores by {@code ClassifierLimitsTest}: since the eighteenth round's file (dating threshold
   * 0.95) none of these texts is flagged as dating even alone.
   */
  @Test
  void anUnsupportedDatingFindingIsNotMadeInAConversation() {
    try (ContentFilter filter = ContentFilter.builder().withClassifiers().build()) {
      for (String text : List.of("Tuyệt, hẹn gặp con", "hehe, hen gap toi nay nha vo yeu", "ok mai gặp nhau nhé")) {
        Verdict inChat = filter.conversation("d-" + text)
            .check(new Message("m", Message.Sender.OTHER, text, Instant.EPOCH), Policy.forAge(11)).verdict();
        assertThat(inChat.findings()).as(text).noneMatch(f -> f.rule().equals("model/dating"));
      }
    }
  }
}
