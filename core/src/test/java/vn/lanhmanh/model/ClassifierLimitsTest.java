package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Verdict;

/**
 * The limits of the embedded classifiers. They must not lower a lexicon finding in a text in another
 * language (an English threat), past the syllables they read, or on a word written in disguise: all were
 * lowered to P before these limits. And a medium score of the minors classifier alone does not make adult
 * sexual text tier C: where nothing in the text names a child and the score is under
 * {@link ScoreStage#ADULT_BELOW}, it becomes adult sexual content (T18); where a child is named, the text
 * stays blocked for every age; where a child is named and nothing is sexual, it makes no finding. The
 * classifiers add no finding where the lexicon reads the category, none for profanity, and none of conduct
 * aimed at a reader in a search query.
 */
class ClassifierLimitsTest {

  private static ContentFilter classifiers;

  @BeforeAll
  static void build() {
    classifiers = ContentFilter.builder().withClassifiers().build();
  }

  @AfterAll
  static void close() {
    classifiers.close();
  }

  @Test
  void anEnglishThreatIsNotLowered() {
    Verdict v = classifiers.checkText("I will kill you", Policy.forAge(10));
    assertThat(v.action()).as("%s", v).isEqualTo(Action.BLOCK);
  }

  @Test
  void aFindingAfterTheSyllablesTheClassifiersReadIsNotLowered() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 40_000) {
      text.append("xin chào các bạn, hôm nay trời đẹp quá. ");
    }
    int at = text.length();
    text.append("đm");
    Verdict v = classifiers.checkText(text.toString(), Policy.forAge(10));
    assertThat(v.findings()).anyMatch(f -> f.start() == at && f.rating() != Rating.P);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void aDisguisedInsultIsNotLowered() {
    String plain = "hôm nay đồ ngu nhé";
    String disguised = "hôm nay \u0500\u200b.0\u200b \u0397\u200b.\ua7ac\u200b.\u03a5\u200b nhé";
    Verdict p = classifiers.checkText(plain, Policy.forAge(10));
    Verdict d = classifiers.checkText(disguised, Policy.forAge(10));
    assertThat(p.action()).isEqualTo(Action.WARN);
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
  @ValueSource(strings = {"video hai người làm tình trong khách sạn"})
  void adultSexualTextWithoutAChildIsNotTierC(String text) {
    Verdict v = classifiers.checkText(text, Policy.forAge(18));
    assertThat(v.findings()).as("%s", v).noneMatch(f -> f.category() == Category.SEXUAL_MINORS)
        .noneMatch(f -> f.rating() == Rating.C);
    assertThat(classifiers.checkText(text, Policy.forAge(10)).action()).isEqualTo(Action.BLOCK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ai có clip học sinh lớp 6 thay đồ không, mình trả tiền",
      "bán bộ ảnh bé gái 10 tuổi không mặc gì, ib mình"})
  void sexualTextNamingAChildStaysBlockedForAdults(String text) {
    Verdict v = classifiers.checkText(text, Policy.forAge(18));
    assertThat(v.action()).as("%s", v).isEqualTo(Action.BLOCK);
    assertThat(v.findings()).anyMatch(f -> f.category() == Category.SEXUAL_MINORS && f.rating() == Rating.C);
  }

  @ParameterizedTest
  @ValueSource(strings = {"em học lớp mấy rồi", "Các em học sinh lớp 5 thay đồ thể dục trong phòng thay đồ."})
  void aChildNamedWithNothingSexualIsNotSexualContentOfMinors(String text) {
    Verdict v = classifiers.checkText(text, Policy.forAge(10));
    assertThat(v.findings()).as("%s", v).noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
    assertThat(v.score(Category.SEXUAL_MINORS)).as("the score stays").isGreaterThan(0.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vote đứa béo nhất lớp đi tụi bây", "ngồi gần nó là hôi lây đó, tránh xa nó ra"})
  void theLexiconsReadingOfACategoryStands(String text) {
    Verdict v = classifiers.checkText(text, Policy.forAge(10));
    assertThat(v.action()).as("%s", v).isEqualTo(Action.WARN);
    assertThat(v.findings()).noneMatch(f -> f.rule().startsWith("model/harassment"));
  }

  @Test
  void profanityIsTheLexiconsToFind() {
    Verdict v = classifiers.checkText("cái lon", Policy.forAge(10));
    assertThat(v.findings()).as("%s", v).isEmpty();
    assertThat(classifiers.checkText("cái lồn", Policy.forAge(10)).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void aSearchQueryIsNotAMessageToTheViewer() {
    Verdict query = classifiers.checkUrl("https://www.google.com/search?q=vietcombank+dang+nhap", Policy.forAge(10));
    assertThat(query.findings()).as("%s", query).noneMatch(f -> f.category() == Category.SCAM);
    assertThat(query.action()).isEqualTo(Action.ALLOW);
    Verdict adult = classifiers.checkUrl("https://www.google.com/search?q=ai+co+link+phim+sex+khong", Policy.forAge(18));
    assertThat(adult.findings()).as("%s", adult).noneMatch(f -> f.rating() == Rating.C);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gom đủ thuốc ngủ rồi, tối nay uống hết một lần cho xong",
      "chỉ mình cách rạch tay bằng dao lam sao cho không ai biết với"})
  void selfHarmWithItsMeansNamedIsBlockedAsInstructions(String text) {
    Verdict v = classifiers.checkText(text, Policy.forAge(16));
    assertThat(v.findings()).as("%s", v).anyMatch(f -> f.category() == Category.SELF_HARM
        && f.rating() == ScoreStage.SELF_HARM_METHOD_TIER);
    assertThat(v.action()).as("%s", v).isEqualTo(Action.BLOCK);
  }

  @Test
  void aHelpNoticeNamingTheMeansIsNotInstructions() {
    Verdict v = classifiers.checkText("Nếu em thấy bạn nào tích trữ thuốc ngủ hay nói chuyện tự tử, hãy báo "
        + "ngay cho thầy cô và gọi Tổng đài 111.", Policy.forAge(10));
    assertThat(v.findings()).as("%s", v).noneMatch(f -> f.rating() == ScoreStage.SELF_HARM_METHOD_TIER);
  }
}
