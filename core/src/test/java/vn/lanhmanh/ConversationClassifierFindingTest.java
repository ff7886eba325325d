package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.model.ClassifierCopies;
import vn.lanhmanh.model.ClassifierModel;

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
   * A child's own age and grade in a chat ("em lớp 7, 13 tuổi ạ") make no {@code sexual_minors} finding of
   * the classifier, which scores some of them near 1.00 with nothing sexual in the text: the same words from
   * the other party, or checked alone, still do. The shipped file's scores decide which of the texts make
   * the contrast; the test asks that at least one does, so a file that stops scoring them is noticed here.
   */
  @Test
  void aChildsOwnAgeIsNotSexualContentOfMinors() {
    List<String> ages = List.of("em lớp 7, 13 tuổi ạ", "14 tuổi lớp 8 anh ạ", "chau 13 tuoi hoc lop 7",
        "dạ em 12 tuổi, học lớp 6");
    try (ContentFilter filter = ContentFilter.builder().withClassifiers().build()) {
      int contrasts = 0;
      for (int i = 0; i < ages.size(); i++) {
        String text = ages.get(i);
        Verdict fromChild = filter.conversation("age-child-" + i)
            .check(new Message("m", Message.Sender.CHILD, text, Instant.EPOCH), Policy.forAge(11)).verdict();
        assertThat(fromChild.findings()).as(text).noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
        assertThat(fromChild.action()).as(text).isEqualTo(Action.ALLOW);
        boolean alone = filter.checkText(text, Policy.forAge(11)).findings().stream()
            .anyMatch(f -> f.rule().equals("model/sexual_minors"));
        if (alone) {
          contrasts++;
          Verdict fromOther = filter.conversation("age-other-" + i)
              .check(new Message("m", Message.Sender.OTHER, text, Instant.EPOCH), Policy.forAge(11)).verdict();
          assertThat(fromOther.findings()).as(text).anyMatch(f -> f.rule().equals("model/sexual_minors"));
        }
      }
      assertThat(contrasts).as("ages the sexual_minors classifier flags when checked alone").isPositive();
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

  /**
   * An invitation into a game room or a team ("vào đi t mời phòng") is read by the social classifier as an
   * invitation to a network: checked alone it keeps that finding, in a conversation nothing else in the message
   * supports it and it is not made; a private app named (Telegram) keeps it.
   *
   * <p>Whether the file in use flags a bare invitation alone depends on its threshold, so the premise is built
   * from it: the invitations it scores at or over its unsupported bound (under which an unsupported social
   * finding is never made, in a conversation or not) are checked with a copy of the file whose social threshold
   * is the lowest of those scores, if its own is higher; the copy keeps every weight and calibration. Each of them
   * is then flagged alone (asserted) and not in a conversation, from either sender. A file that scores none of
   * them at its bound has no finding to withhold, and the test says so by an assumption.
   */
  @Test
  void anUnsupportedSocialFindingIsNotMadeInAConversation() {
    ClassifierModel file = ClassifierModel.embedded();
    List<String> invitations = List.of("tạo xong rồi, vô đi t mời", "mời m vào team, lẹ lên", "vào đi t mời phòng",
        "vo phong di t moi r do");
    List<String> premised = new ArrayList<>();
    double lowest = 1;
    try (ContentFilter filter = ContentFilter.builder().withClassifiers().build()) {
      for (String text : invitations) {
        double p = filter.checkText(text, Policy.forAge(11)).score(Category.SOCIAL);
        if (p >= file.unsupportedBelow()) {
          premised.add(text);
          lowest = Math.min(lowest, p);
        }
      }
    }
    assumeTrue(!premised.isEmpty(), "the file in use scores none of the invitations at its unsupported bound");
    ClassifierModel copy = ClassifierCopies.withThreshold(file, Category.SOCIAL,
        Math.min(file.threshold(Category.SOCIAL), lowest));
    try (ContentFilter filter = ContentFilter.builder().classifiers(copy).build()) {
      for (String text : premised) {
        assertThat(filter.checkText(text, Policy.forAge(11)).findings()).as("%s checked alone", text)
            .anyMatch(f -> f.rule().equals("model/social"));
        for (Message.Sender sender : Message.Sender.values()) {
          Verdict inChat = filter.conversation("s-" + sender + text)
              .check(new Message("m", sender, text, Instant.EPOCH), Policy.forAge(11)).verdict();
          assertThat(inChat.findings()).as(text).noneMatch(f -> f.rule().equals("model/social"));
        }
      }
      String named = "tải telegram về rồi vào nhóm của anh";
      Verdict inChat = filter.conversation("s-named")
          .check(new Message("m", Message.Sender.OTHER, named, Instant.EPOCH), Policy.forAge(11)).verdict();
      if (filter.checkText(named, Policy.forAge(11)).findings().stream().anyMatch(f -> f.rule().equals("model/social"))) {
        assertThat(inChat.findings()).as(named).anyMatch(f -> f.rule().equals("model/social"));
      }
    }
  }
}
