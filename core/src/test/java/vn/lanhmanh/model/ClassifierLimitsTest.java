package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Verdict;

/**
 * The limits the score stage puts on the message classifiers, each driven by classifiers that give every text
 * the same scores ({@link FixedScoreClassifiers}), so a rule is exercised whatever a trained file scores. The
 * classifiers must not lower a lexicon finding in a text in another language (an English threat), past the
 * syllables they read, or on a word written in disguise: all were lowered to P before these limits. A medium
 * score of the minors classifier alone does not make adult sexual text tier C: where nothing in the text names
 * a child and the score is under {@link ScoreStage#ADULT_BELOW}, it becomes adult sexual content (T18); where a
 * child is named, the text stays blocked for every age; where a child is named and nothing is sexual, it makes
 * no finding. The classifiers add no finding where the lexicon reads the category, none for profanity, and none
 * of conduct aimed at a reader in a search query; a self-harm finding with its means named is rated as
 * instructions, unless the text warns.
 *
 * <p>{@link ShippedClassifierLimitsTest} holds what the file in the jar itself does on the texts these rules were
 * written for.
 */
class ClassifierLimitsTest {

  @TempDir
  static Path dir;

  /** Every category scored 0.01: under the lowering bound, no finding of the classifiers' own. */
  private static ContentFilter lowAll;
  /** sexual_minors at a medium score (over its threshold, under {@link ScoreStage#ADULT_BELOW}), the rest 0.3. */
  private static ContentFilter minorsMedium;
  /** sexual_minors at 0.95, the rest 0.3. */
  private static ContentFilter minorsHigh;

  @BeforeAll
  static void build() {
    lowAll = FixedScoreClassifiers.scoring(0.01).filter(dir);
    minorsMedium = FixedScoreClassifiers.scoring(0.3).with(Category.SEXUAL_MINORS, 0.7).filter(dir);
    minorsHigh = FixedScoreClassifiers.scoring(0.3).with(Category.SEXUAL_MINORS, 0.95).filter(dir);
  }

  @AfterAll
  static void close() {
    lowAll.close();
    minorsMedium.close();
    minorsHigh.close();
  }

  private static ContentFilter scoring(Category c, double score) {
    return FixedScoreClassifiers.scoring(0.3).with(c, score).filter(dir);
  }

  @Test
  void anEnglishThreatIsNotLowered() {
    Verdict v = lowAll.checkText("I will kill you", Policy.forAge(10));
    assertThat(v.action()).as("%s", v).isEqualTo(Action.BLOCK);
    // the same scores lower a Vietnamese threat the lexicon rates T16
    Verdict vi = lowAll.checkText("tao sẽ giết mày", Policy.forAge(10));
    assertThat(vi.findings()).as("%s", vi).isNotEmpty().allMatch(f -> f.rating() == Rating.P);
  }

  @Test
  void aFindingAfterTheSyllablesTheClassifiersReadIsNotLowered() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 40_000) {
      text.append("xin chào các bạn, hôm nay trời đẹp quá. ");
    }
    int at = text.length();
    text.append("đm");
    Verdict v = lowAll.checkText(text.toString(), Policy.forAge(10));
    assertThat(v.findings()).anyMatch(f -> f.start() == at && f.rating() != Rating.P);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    // within the syllables they read, the same word is lowered
    Verdict first = lowAll.checkText("đm, " + text, Policy.forAge(10));
    assertThat(first.findings()).anyMatch(f -> f.start() == 0 && f.rating() == Rating.P);
  }

  @Test
  void aDisguisedInsultIsNotLowered() {
    String plain = "hôm nay đồ ngu nhé";
    String disguised = "hôm nay \u0500\u200b.0\u200b \u0397\u200b.\ua7ac\u200b.\u03a5\u200b nhé";
    Verdict p = lowAll.checkText(plain, Policy.forAge(10));
    Verdict d = lowAll.checkText(disguised, Policy.forAge(10));
    assertThat(p.action()).as("the plain insult is lowered: %s", p).isEqualTo(Action.ALLOW);
    assertThat(d.action()).as("%s", d).isEqualTo(Action.WARN);
  }

  @Test
  void aPlainWordIsNotDisguised() {
    assertThat(ScoreStage.disguised("Đồ ngu, cút đi!", 0, 15)).isFalse();
    assertThat(ScoreStage.disguised("đ.m", 0, 3)).isTrue();
    assertThat(ScoreStage.disguised("\u0500o", 0, 2)).isTrue();
    assertThat(ScoreStage.disguised("d\u200bm", 0, 3)).isTrue();
    assertThat(ScoreStage.disguised("d1t", 0, 3)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ảnh sexy của cô ấy", "video hai người làm tình trong khách sạn"})
  void adultSexualTextWithoutAChildIsNotTierC(String text) {
    Verdict v = minorsMedium.checkText(text, Policy.forAge(18));
    assertThat(v.findings()).as("%s", v).noneMatch(f -> f.category() == Category.SEXUAL_MINORS)
        .noneMatch(f -> f.rating() == Rating.C);
    assertThat(minorsMedium.checkText(text, Policy.forAge(10)).action()).isEqualTo(Action.BLOCK);
    // from ADULT_BELOW on, the classifier's own certainty keeps tier C
    Verdict high = minorsHigh.checkText(text, Policy.forAge(18));
    assertThat(high.findings()).as("%s", high).anyMatch(f -> isModel(f, Category.SEXUAL_MINORS)
        && f.rating() == Rating.C);
  }

  @Test
  void adultSexualTextWithoutAChildIsAdultSexualContent() {
    Verdict v = minorsMedium.checkText("ảnh sexy của cô ấy", Policy.forAge(10));
    assertThat(v.findings()).as("%s", v).anyMatch(f -> isModel(f, Category.SEXUAL) && f.rating() == Rating.T18);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ảnh sexy của bé lớp 8"})
  void sexualTextNamingAChildStaysBlockedForAdults(String text) {
    Verdict v = minorsMedium.checkText(text, Policy.forAge(18));
    assertThat(v.action()).as("%s", v).isEqualTo(Action.BLOCK);
    assertThat(v.findings()).anyMatch(f -> isModel(f, Category.SEXUAL_MINORS) && f.rating() == Rating.C);
  }

  @ParameterizedTest
  @ValueSource(strings = {"em học lớp mấy rồi", "Các em học sinh lớp 5 thay đồ thể dục trong phòng thay đồ."})
  void aChildNamedWithNothingSexualIsNotSexualContentOfMinors(String text) {
    Verdict v = minorsMedium.checkText(text, Policy.forAge(10));
    assertThat(v.findings()).as("%s", v).noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
    assertThat(v.score(Category.SEXUAL_MINORS)).as("the score stays").isCloseTo(0.7, within(1e-9));
    // from ADULT_BELOW on, the score alone makes the finding
    Verdict high = minorsHigh.checkText(text, Policy.forAge(10));
    assertThat(high.findings()).as("%s", high).anyMatch(f -> isModel(f, Category.SEXUAL_MINORS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vote đứa béo nhất lớp đi tụi bây", "ngồi gần nó là hôi lắm"})
  void theLexiconsReadingOfACategoryStands(String text) {
    try (ContentFilter harassment = scoring(Category.HARASSMENT, 0.95)) {
      Verdict v = harassment.checkText(text, Policy.forAge(10));
      assertThat(v.action()).as("%s", v).isEqualTo(Action.WARN);
      assertThat(v.findings()).noneMatch(f -> f.rule().startsWith("model/harassment"));
      // where the lexicon does not read harassment, the same score makes the finding
      Verdict other = harassment.checkText("hôm nay trời đẹp", Policy.forAge(10));
      assertThat(other.findings()).as("%s", other).anyMatch(f -> isModel(f, Category.HARASSMENT));
    }
  }

  @Test
  void profanityIsTheLexiconsToFind() {
    try (ContentFilter profanity = scoring(Category.PROFANITY, 0.99)) {
      Verdict v = profanity.checkText("cái lon", Policy.forAge(10));
      assertThat(v.findings()).as("%s", v).isEmpty();
      assertThat(v.score(Category.PROFANITY)).isGreaterThan(0.9);
      assertThat(profanity.checkText("cái lồn", Policy.forAge(10)).action()).isEqualTo(Action.BLOCK);
    }
  }

  @Test
  void aSearchQueryIsNotAMessageToTheViewer() {
    try (ContentFilter scam = scoring(Category.SCAM, 0.95)) {
      Verdict query = scam.checkUrl("https://www.google.com/search?q=vietcombank+dang+nhap", Policy.forAge(10));
      assertThat(query.findings()).as("%s", query).noneMatch(f -> f.category() == Category.SCAM);
      assertThat(query.action()).isEqualTo(Action.ALLOW);
      Verdict message = scam.checkText("vietcombank dang nhap", Policy.forAge(10));
      assertThat(message.findings()).as("%s", message).anyMatch(f -> isModel(f, Category.SCAM));
    }
    try (ContentFilter sexual = scoring(Category.SEXUAL, 0.95)) {
      // content categories still make findings in a query
      Verdict query = sexual.checkUrl("https://www.google.com/search?q=ai+co+anh+sexy+khong", Policy.forAge(10));
      assertThat(query.findings()).as("%s", query).anyMatch(f -> isModel(f, Category.SEXUAL));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tối nay mình uống cho hết chỗ thuốc ngủ", "mua dao lam ở đâu vậy"})
  void selfHarmWithItsMeansNamedIsBlockedAsInstructions(String text) {
    try (ContentFilter selfHarm = scoring(Category.SELF_HARM, 0.9)) {
      Verdict v = selfHarm.checkText(text, Policy.forAge(16));
      assertThat(v.findings()).as("%s", v).anyMatch(f -> isModel(f, Category.SELF_HARM)
          && f.rating() == ScoreStage.SELF_HARM_METHOD_TIER);
      assertThat(v.action()).as("%s", v).isEqualTo(Action.BLOCK);
      // without the means, the same score is a disclosure: a warning
      Verdict disclosure = selfHarm.checkText("mình mệt quá rồi", Policy.forAge(16));
      assertThat(disclosure.findings()).as("%s", disclosure).anyMatch(f -> isModel(f, Category.SELF_HARM)
          && f.rating() == Rating.K);
    }
  }

  @Test
  void aHelpNoticeNamingTheMeansIsNotInstructions() {
    try (ContentFilter selfHarm = scoring(Category.SELF_HARM, 0.9)) {
      Verdict v = selfHarm.checkText("Nếu em thấy bạn nào tích trữ thuốc ngủ hay nói chuyện tự tử, hãy báo "
          + "ngay cho thầy cô và gọi Tổng đài 111.", Policy.forAge(10));
      assertThat(v.findings()).as("%s", v).anyMatch(f -> isModel(f, Category.SELF_HARM))
          .noneMatch(f -> f.rating() == ScoreStage.SELF_HARM_METHOD_TIER);
    }
  }

  /**
   * A dating finding that nothing in the message supports is not made in a conversation, at any score (a chat's
   * "hẹn gặp con"; two children from a game who want to meet for real); checked alone, the same score makes it.
   */
  @Test
  void anUnsupportedDatingFindingIsNotMadeInAConversation() {
    String text = "Tuyệt, hẹn gặp con";
    try (ContentFilter medium = scoring(Category.DATING, 0.8); ContentFilter high = scoring(Category.DATING, 0.95)) {
      assertThat(medium.checkText(text, Policy.forAge(11)).findings()).anyMatch(f -> isModel(f, Category.DATING));
      Verdict inChat = medium.conversation("d1").check(new vn.lanhmanh.Message("m", vn.lanhmanh.Message.Sender.OTHER,
          text, java.time.Instant.EPOCH), Policy.forAge(11)).verdict();
      assertThat(inChat.findings()).as("%s", inChat).noneMatch(f -> isModel(f, Category.DATING));
      assertThat(inChat.score(Category.DATING)).isCloseTo(0.8, within(1e-3));
      Verdict highInChat = high.conversation("d2").check(new vn.lanhmanh.Message("m",
          vn.lanhmanh.Message.Sender.OTHER, text, java.time.Instant.EPOCH), Policy.forAge(11)).verdict();
      assertThat(highInChat.findings()).as("%s", highInChat).noneMatch(f -> isModel(f, Category.DATING));
      assertThat(high.checkText(text, Policy.forAge(11)).findings()).anyMatch(f -> isModel(f, Category.DATING));
    }
  }

  /**
   * A shop's refund or return handled in its own app, asking nothing of the reader, makes no scam finding of the
   * classifier at any score (the score stays); the same refund words with an ask (a transfer, a code, a private
   * contact, a web address, a phone number) still do, at tier C. Columns: text, whether the finding is made.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Nếu bạn muốn hủy đơn thì bấm Hủy đơn hàng trong app, tiền sẽ tự động hoàn lại, không mất phí.       | false
      Ví ShopeePay của bạn vừa nhận hoàn tiền 89.000đ từ đơn hàng bị hủy.                                  | false
      don cua ban da duoc hoan tien, ban vao app shopee muc don mua de kiem tra nhe                       | false
      Yêu cầu trả hàng của bạn đã được chấp nhận, bạn mang hàng ra bưu cục gần nhất trong 5 ngày nhé.     | false
      Đơn hàng của bạn đã bị hủy, tiền sẽ hoàn về ví sau khi bạn xác nhận tại shopee-hoantien.top         | true
      Yêu cầu trả hàng đã duyệt, bạn gọi 0912 345 678 để nhân viên hướng dẫn nhận tiền hoàn               | true
      Yêu cầu hoàn tiền của bạn đã được duyệt, vui lòng kết bạn Zalo nhân viên để nhận tiền               | true
      Đơn hoàn của bạn cần xác minh, bạn chuyển 50k phí xác minh để tiền về ví ShopeePay                  | true
      Hủy đơn thành công, tiền sẽ tự động hoàn lại khi bạn truy cập www.hoantien-donhang.net              | true
      """)
  void aShopsRefundInItsOwnAppIsNoScamUnlessItAsks(String text, boolean finding) {
    try (ContentFilter high = scoring(Category.SCAM, 0.99)) {
      Verdict v = high.checkText(text, Policy.forAge(10));
      assertThat(v.findings().stream().anyMatch(f -> f.category() == Category.SCAM && f.rating() == Rating.C))
          .as("%s", v).isEqualTo(finding);
      assertThat(v.score(Category.SCAM)).isCloseTo(0.99, within(1e-3));
    }
  }

  /** The child's own answer in a chat makes no scam finding of the classifier; the other party's words do. */
  @Test
  void aChildsOwnMessageIsNoScamAimedAtHer() {
    String text = "Dạ em là con của chủ tài khoản, em đặt bằng tài khoản của mẹ ạ";
    try (ContentFilter high = scoring(Category.SCAM, 0.99)) {
      Verdict child = high.conversation("s1").check(new vn.lanhmanh.Message("m", vn.lanhmanh.Message.Sender.CHILD,
          text, java.time.Instant.EPOCH), Policy.forAge(14)).verdict();
      assertThat(child.findings()).as("%s", child).noneMatch(f -> isModel(f, Category.SCAM));
      assertThat(child.score(Category.SCAM)).isCloseTo(0.99, within(1e-3));
      Verdict other = high.conversation("s2").check(new vn.lanhmanh.Message("m", vn.lanhmanh.Message.Sender.OTHER,
          text, java.time.Instant.EPOCH), Policy.forAge(14)).verdict();
      assertThat(other.findings()).as("%s", other).anyMatch(f -> isModel(f, Category.SCAM));
    }
  }

  /** What counts as a web address or a phone or account number in a text. Columns: text, whether it does. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      xác nhận tại shopee-hoantien.com nhé              | true
      vào https://abc để nhận                           | true
      gọi 0912 345 678                                  | true
      gọi 0912.345.678                                  | true
      hoàn 1.200.000đ cho đơn #230915 trong 3-5 ngày.   | false
      Shop xin lỗi bạn. Tiền sẽ về ví.                  | false
      """)
  void webAddressesAndLongNumbersAreAsks(String text, boolean asks) {
    assertThat(ScoreStage.webAddressOrNumber(text)).as(text).isEqualTo(asks);
  }

  /**
   * Sexual content and drugs scored between the child threshold and the file's own: a finding of at most T13,
   * never raised to C for a sale, so a child under 13 is stopped and a teenager or an adult is not; at or above
   * the file's own threshold the finding keeps its tier (a sale of drugs: C); under the child threshold, no
   * finding. Columns: category, score, the file's threshold, text, the tier expected (or - for no finding), the
   * actions expected at ages 10, 13 and 18.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      SEXUAL | 0.75 | 0.9  | tối nay kể tiếp cho anh nghe đi           | T13 | BLOCK | ALLOW | ALLOW
      SEXUAL | 0.55 | 0.9  | tối nay kể tiếp cho anh nghe đi           | -   | ALLOW | ALLOW | ALLOW
      SEXUAL | 0.95 | 0.9  | tối nay kể tiếp cho anh nghe đi           | T18 | BLOCK | BLOCK | ALLOW
      DRUGS  | 0.75 | 0.9  | hàng mới về, ai cần thì ib mình ship tận nơi | T13 | BLOCK | ALLOW | ALLOW
      DRUGS  | 0.45 | 0.9  | hàng mới về, ai cần thì ib mình ship tận nơi | -   | ALLOW | ALLOW | ALLOW
      DRUGS  | 0.95 | 0.9  | hàng mới về, ai cần thì ib mình ship tận nơi | C   | BLOCK | BLOCK | BLOCK
      """)
  void aScoreUnderTheFilesThresholdStopsOnlyAChild(Category c, double score, double threshold, String text,
      String tier, Action at10, Action at13, Action at18) {
    try (ContentFilter filter = FixedScoreClassifiers.scoring(0.01).with(c, score).threshold(c, threshold)
        .filter(dir)) {
      Verdict v = filter.checkText(text, Policy.forAge(10));
      if (tier.equals("-")) {
        assertThat(v.findings()).as("%s", v).noneMatch(f -> isModel(f, c));
      } else {
        assertThat(v.findings()).as("%s", v).anyMatch(f -> isModel(f, c) && f.rating() == Rating.valueOf(tier));
      }
      assertThat(v.action()).as("%s", v).isEqualTo(at10);
      assertThat(filter.checkText(text, Policy.forAge(13)).action()).as("13").isEqualTo(at13);
      assertThat(filter.checkText(text, Policy.forAge(18)).action()).as("18").isEqualTo(at18);
    }
  }

  /**
   * A grooming score under the file's own threshold makes a finding from {@link ScoreStage#GROOMING_SIGNED_THRESHOLD}
   * when the text holds a sign of grooming (a secret, a private channel), and not without one (a meeting of
   * friends). Columns: score, text, whether a {@code model/grooming} finding is made (the file's threshold 0.85).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      0.6  | chuyện này em giữ bí mật nhé, đừng kể với ai | true
      0.6  | anh nhắn qua zalo riêng cho em nhé           | true
      0.45 | chuyện này em giữ bí mật nhé, đừng kể với ai | false
      0.6  | tối nay mình gặp nhau ở quán quen nhé        | false
      0.9  | tối nay mình gặp nhau ở quán quen nhé        | true
      """)
  void aSignOfGroomingLowersTheGroomingThreshold(double score, String text, boolean finding) {
    try (ContentFilter filter = FixedScoreClassifiers.scoring(0.01).with(Category.GROOMING, score)
        .threshold(Category.GROOMING, 0.85).filter(dir)) {
      Verdict v = filter.checkText(text, Policy.forAge(10));
      assertThat(v.findings().stream().anyMatch(f -> isModel(f, Category.GROOMING))).as("%s", v).isEqualTo(finding);
      assertThat(v.action()).as("%s", v).isEqualTo(finding ? Action.BLOCK : Action.ALLOW);
    }
  }

  /**
   * A meeting with the child's own parent who is there (the parent picks up, takes along, sits in) is no sign of
   * grooming, so a grooming score between {@link ScoreStage#GROOMING_SIGNED_THRESHOLD} and the file's own threshold
   * (0.85) makes no finding; the lure (an adult a parent "sent", even beside the parent's own pick-up, or a stranger's
   * meeting) keeps the sign, and
   * the same score blocks (forty-fifth round). Columns: text, whether a {@code model/grooming} finding is made at 0.6.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Chiều nay tan học em ra cổng sau, bố đón em ở đó           | false
      tan hoc em ra cong sau nhe, me don em o do                 | false
      bố em nhờ chú đón em, em ra cổng sau nhé                   | true
      chú thay bố mẹ đón em, em ra cổng sau nhé                  | true
      Sáng bố đưa em đi học, chiều bố em nhờ chú đón, em ra cổng sau nhé | true
      em ra cổng sau gặp anh nhé                                 | true
      """)
  void aParentWhoIsThereIsNoSignOfGrooming(String text, boolean finding) {
    try (ContentFilter filter = FixedScoreClassifiers.scoring(0.01).with(Category.GROOMING, 0.6)
        .threshold(Category.GROOMING, 0.85).filter(dir)) {
      Verdict v = filter.checkText(text, Policy.forAge(10));
      assertThat(v.findings().stream().anyMatch(f -> isModel(f, Category.GROOMING))).as("%s", v).isEqualTo(finding);
      assertThat(v.action()).as("%s", v).isEqualTo(finding ? Action.BLOCK : Action.ALLOW);
    }
  }

  /**
   * A register that keeps a category's bare words at P (a game's mobs, a police report) quiets a classifier
   * finding of violence, drugs or gambling short of near certainty where no concept of the category's
   * compositions is hit; a near-certain score, or a text without the register, still makes its finding.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "VIOLENCE | giết con creeper bằng cung cho nó khỏi nổ nhà | ăn xong rồi đi ngủ thôi",
      "GAMBLING | công an triệt phá ổ nhóm, thu giữ nhiều tang vật | ăn xong rồi đi ngủ thôi"})
  void aRegisterQuietsABareMentionsScore(Category c, String inRegister, String plain) {
    try (ContentFilter medium = scoring(c, 0.8); ContentFilter certain = scoring(c, 0.95)) {
      assertThat(medium.checkText(inRegister, Policy.forAge(10)).findings()).as(inRegister)
          .noneMatch(f -> isModel(f, c));
      assertThat(certain.checkText(inRegister, Policy.forAge(10)).findings()).as(inRegister)
          .anyMatch(f -> isModel(f, c));
      assertThat(medium.checkText(plain, Policy.forAge(10)).findings()).as(plain).anyMatch(f -> isModel(f, c));
    }
  }

  /**
   * Fighting named with the rule against it or its consequence (register {@code FIGHT_RULE}) is a warning, not
   * violence, whatever the violence classifier scores: over the lowering bound and under the threshold, the lexicon's
   * "đánh nhau" is kept at P by the register, not lowered by the score; at near certainty no classifier finding is
   * made. A threat or a fight arranged beside a consequence stays flagged at either score (forty-fifth round).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Đánh nhau thì con cũng bị kỷ luật. Mai mẹ lên gặp cô chủ nhiệm nhé | false",
      "Học sinh đánh nhau sẽ bị hạ hạnh kiểm | false",
      "danh nhau thi con bi ky luat do | false",
      "Em nào đánh lộn trong lớp sẽ bị mời phụ huynh | false",
      "Mày dám mách thầy thì tao đánh cho, bị kỷ luật tao cũng chịu | true",
      "Tan học ra bãi xe sau trường đánh nhau, bị đình chỉ cũng được, đứa nào không ra là hèn | true"})
  void aRuleAgainstFightingIsNoViolenceWhateverTheScore(String text, boolean flagged) {
    for (double score : new double[] {0.3, 0.95}) {
      try (ContentFilter filter = scoring(Category.VIOLENCE, score)) {
        Verdict v = filter.checkText(text, Policy.forAge(10));
        if (flagged) {
          assertThat(v.action()).as("%s at %s: %s", text, score, v).isNotEqualTo(Action.ALLOW);
        } else {
          assertThat(v.action()).as("%s at %s: %s", text, score, v).isEqualTo(Action.ALLOW);
          assertThat(v.findings()).as("%s at %s: %s", text, score, v)
              .noneMatch(f -> isModel(f, Category.VIOLENCE))
              .noneMatch(f -> f.category() == Category.VIOLENCE && f.rating() != Rating.P);
        }
      }
    }
  }

  private static boolean isModel(Finding f, Category c) {
    return f.category() == c && f.rule().equals(ScoreStage.CLASSIFIER_RULE_PREFIX + c.jsonName());
  }
}
