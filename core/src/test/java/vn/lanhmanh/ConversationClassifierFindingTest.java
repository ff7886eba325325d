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
 * conversation's risk decides grooming across messages), while the same text checked alone keeps it at C; a
 * dating finding that nothing in the message supports is not made there; and a harassment finding that nothing
 * the lexicon reads backs is rated P there, a child's unaddressed anger K at most.
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
   * the classifier, which scores some of them near 1.00 with nothing sexual in the text; since the twenty-sixth
   * round neither do the same words from the other party (his question about her age is the conversation's
   * {@code age} stage), while checked alone they still do. The shipped file's scores decide which of the texts
   * make the contrast; the test asks that at least one does, so a file that stops scoring them is noticed here.
   */
  @Test
  void anAgeInAChatIsNotSexualContentOfMinors() {
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
          assertThat(fromOther.findings()).as(text).noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
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

  /**
   * Two friends' "mày …" with no insult in it ("cả lớp thấy hết rồi, mày nhìn thằng Nam suốt"), which the
   * harassment classifier scores near 1.00: checked alone the finding blocks a child; in a conversation nothing
   * the lexicon or a composition reads backs it (a pronoun of address is no insult) and it is rated P, from
   * either sender. The texts the file in use flags alone make the premise; an insult in the same words
   * ("mày ngu thế") keeps its tier.
   */
  @Test
  void anUnbackedHarassmentFindingIsRatedPInAConversation() {
    List<String> banter = List.of("cả lớp thấy hết rồi, mày nhìn thằng Nam suốt", "cả lớp biết hết rồi, mày đỏ mặt kìa",
        "ca lop biet roi, may nhin no hoai ngoai hanh lang");
    try (ContentFilter filter = ContentFilter.builder().withClassifiers().build()) {
      int premised = 0;
      for (String text : banter) {
        if (filter.checkText(text, Policy.forAge(11)).findings().stream()
            .noneMatch(f -> f.rule().equals("model/harassment") && f.rating() != Rating.P)) {
          continue;
        }
        premised++;
        for (Message.Sender sender : Message.Sender.values()) {
          Verdict inChat = filter.conversation("h-" + sender + text)
              .check(new Message("m", sender, text, Instant.EPOCH), Policy.forAge(11)).verdict();
          assertThat(inChat.findings()).as(text)
              .noneMatch(f -> f.category() == Category.HARASSMENT && f.rating() != Rating.P);
          assertThat(inChat.action()).as(text).isEqualTo(Action.ALLOW);
        }
      }
      assumeTrue(premised > 0, "the file in use flags none of the banter alone");
      Verdict insult = filter.conversation("h-insult")
          .check(new Message("m", Message.Sender.OTHER, "mày ngu thế, cả lớp đừng ai chơi với nó nữa", Instant.EPOCH),
              Policy.forAge(11)).verdict();
      assertThat(insult.action()).isEqualTo(Action.BLOCK);
    }
  }

  /**
   * A child's anger at someone she does not address ("con muốn đập tụi nó một trận", told to her mother), which
   * the violence classifier alone flags at T16, is at most a warning from the child in a conversation; the same
   * words from the other party, and the child's words said to "mày", keep the tier they have checked alone.
   */
  @Test
  void aChildsVentingIsAWarningAtMostAndAThreatToItsTargetIsNot() {
    List<String> venting = List.of("con muốn đập tụi nó một trận cho bõ tức", "mẹ ơi con muốn đánh nó quá");
    String threat = "tao muốn đập mày một trận cho bõ tức";
    try (ContentFilter filter = ContentFilter.builder().withClassifiers().build()) {
      int premised = 0;
      for (String text : venting) {
        Rating alone = modelTier(filter.checkText(text, Policy.forAge(11)), Category.VIOLENCE);
        if (alone == null || alone.compareTo(Rating.K) <= 0) {
          continue;
        }
        premised++;
        Verdict child = filter.conversation("v-child" + text)
            .check(new Message("m", Message.Sender.CHILD, text, Instant.EPOCH), Policy.forAge(11)).verdict();
        assertThat(modelTier(child, Category.VIOLENCE)).as(text).isEqualTo(Rating.K);
        assertThat(child.action()).as(text).isNotEqualTo(Action.BLOCK);
        Verdict other = filter.conversation("v-other" + text)
            .check(new Message("m", Message.Sender.OTHER, text, Instant.EPOCH), Policy.forAge(11)).verdict();
        assertThat(modelTier(other, Category.VIOLENCE)).as(text).isEqualTo(alone);
      }
      assumeTrue(premised > 0, "the file in use flags none of the venting above K alone");
      Rating alone = modelTier(filter.checkText(threat, Policy.forAge(11)), Category.VIOLENCE);
      Verdict child = filter.conversation("v-threat")
          .check(new Message("m", Message.Sender.CHILD, threat, Instant.EPOCH), Policy.forAge(11)).verdict();
      assertThat(modelTier(child, Category.VIOLENCE)).as(threat).isEqualTo(alone);
    }
  }

  private static Rating modelTier(Verdict v, Category c) {
    return v.findings().stream().filter(f -> f.rule().equals("model/" + c.jsonName())).map(Finding::rating)
        .findFirst().orElse(null);
  }
}
