package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/** The model shipped in the jar: its header, size, provenance, and what it does to verdicts. */
class ShippedModelTest {

  private static ContentFilter filter;

  @BeforeAll
  static void open() {
    filter = ContentFilter.builder().withModel().withoutClassifiers().build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  @Test
  void isAVersionedResourceUnderTenMegabytes() throws IOException {
    try (InputStream in = TaggerModel.class.getResourceAsStream(TaggerModel.RESOURCE)) {
      assertThat(in).isNotNull();
      byte[] all = in.readAllBytes();
      assertThat(all.length).isLessThan(10 << 20);
      assertThat(new String(all, 0, TaggerModel.MAGIC.length(), java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo(TaggerModel.MAGIC);
    }
    TaggerModel m = TaggerModel.embedded();
    assertThat(m.properties().get("command"))
        .isEqualTo("lanhmanh train --train train.csv --dev dev.csv --seed 1 --features chargrams,clusters");
    assertThat(m.clusters).as("word clusters learned from the training comments").isNotNull();
    assertThat(m.weightBytes()).isLessThan(30L << 20);
  }

  @Test
  void everyTextVerdictScoresEveryCategory() {
    for (String text : new String[] {"", "Em đi học về.", "đm thằng ngu", "Hoa dâm bụt nở đỏ cả hàng rào."}) {
      Verdict v = filter.checkText(text, Policy.forAge(10));
      assertThat(v.scores()).as(text).hasSize(Category.values().length);
      assertThat(v.scores().values()).allMatch(s -> s >= 0 && s <= 1);
    }
    Verdict abuse = filter.checkText("đm thằng ngu", Policy.forAge(10));
    Verdict school = filter.checkText("Cô giáo dặn cả lớp ôn bài cho kỳ thi cuối năm.", Policy.forAge(10));
    assertThat(abuse.score(Category.HARASSMENT) + abuse.score(Category.PROFANITY))
        .isGreaterThan(school.score(Category.HARASSMENT) + school.score(Category.PROFANITY));
    assertThat(Math.max(abuse.score(Category.HARASSMENT), abuse.score(Category.PROFANITY))).isGreaterThan(0.8);
    assertThat(Math.max(school.score(Category.HARASSMENT), school.score(Category.PROFANITY))).isLessThan(0.5);
  }

  @Test
  void conversationVerdictsCarryScoresEvenWhenRaised() {
    vn.lanhmanh.Conversation chat = filter.conversation("scores-1");
    String[] lines = {"em mấy tuổi rồi", "em học trường nào", "nhà em ở đâu", "đừng nói với bố mẹ nhé",
        "gửi anh ảnh của em đi", "mai mình gặp riêng nhé"};
    vn.lanhmanh.ConversationVerdict last = null;
    int n = 0;
    for (String line : lines) {
      last = chat.check(vn.lanhmanh.Message.of("m" + n++, vn.lanhmanh.Message.Sender.OTHER, line),
          Policy.forAge(11));
      assertThat(last.verdict().scores()).as(line).hasSize(Category.values().length);
    }
    // the last message's verdict went through the conversation's raise (a high risk)
    assertThat(last.risk()).isGreaterThanOrEqualTo(vn.lanhmanh.conversation.ConversationMonitor.HIGH_RISK);
  }

  @Test
  void modelFindingsAreOffByDefault() {
    Verdict v = filter.checkText("Cả lớp cười thằng đó như con hề", Policy.forAge(10));
    assertThat(v.findings()).noneMatch(f -> f.rule().startsWith("model/"));
  }

  @Test
  void aThresholdTurnsAScoreIntoTheCategorysAction() {
    String text = "mày là đồ ngu";
    Policy adult = Policy.forAge(30);
    Verdict plain = filter.checkText(text, adult);
    assertThat(plain.action()).isEqualTo(Action.ALLOW);
    double s = plain.score(Category.HARASSMENT);
    assertThat(s).isGreaterThan(0.5);
    assertThat(filter.checkText(text, adult.threshold(Category.HARASSMENT, 0.5)).action()).isEqualTo(Action.BLOCK);
    assertThat(filter.checkText(text, adult.withCategory(Category.HARASSMENT, Action.WARN)
        .threshold(Category.HARASSMENT, 0.5)).action()).isEqualTo(Action.WARN);
    assertThat(filter.checkText(text, adult.threshold(Category.HARASSMENT, Math.min(1, s + 0.01))).action())
        .isEqualTo(Action.ALLOW);
    assertThat(filter.checkText("Em đi học về.", Policy.forAge(10).threshold(Category.HARASSMENT, 0.9)).action())
        .isEqualTo(Action.ALLOW);
  }

  @Test
  void aFilterWithoutModelScoresFromFindings() {
    try (ContentFilter plain = ContentFilter.builder().withoutModel().withoutClassifiers().build()) {
      Verdict v = plain.checkText("Em đi học về.", Policy.forAge(10));
      assertThat(v.scores().values()).allMatch(s -> s == 0.0);
    }
  }
}
