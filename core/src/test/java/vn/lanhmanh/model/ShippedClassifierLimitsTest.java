package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Verdict;

/**
 * What the classifiers in the jar do on the texts {@link ClassifierLimitsTest}'s rules were written for:
 * properties of the shipped file and its training (a {@code sexual} positive is a negative of
 * {@code sexual_minors}; short insults scored high enough not to be lowered), checked through the filter with
 * the embedded classifiers. The rules themselves are tested, whatever this file scores, in
 * {@link ClassifierLimitsTest}.
 */
class ShippedClassifierLimitsTest {

  private static ContentFilter shipped;

  @BeforeAll
  static void build() {
    shipped = ContentFilter.builder().withClassifiers().build();
  }

  @AfterAll
  static void close() {
    shipped.close();
  }

  @Test
  void anAdultsSearchForSexIsNotTierC() {
    Verdict adult = shipped.checkUrl("https://www.google.com/search?q=ai+co+link+phim+sex+khong", Policy.forAge(18));
    assertThat(adult.findings()).as("%s", adult).noneMatch(f -> f.rating() == Rating.C);
  }

  @ParameterizedTest
  @ValueSource(strings = {"em học lớp mấy rồi", "Các em học sinh lớp 5 thay đồ thể dục trong phòng thay đồ.",
      "video hai người làm tình trong khách sạn"})
  void makesNoFindingOfSexualContentOfMinors(String text) {
    Verdict v = shipped.checkText(text, Policy.forAge(18));
    assertThat(v.findings()).as("%s", v).noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
  }

  @Test
  void anEnglishThreatIsBlocked() {
    assertThat(shipped.checkText("I will kill you", Policy.forAge(10)).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void aDisguisedInsultIsWarnedOnAsThePlainOneIs() {
    assertThat(shipped.checkText("hôm nay đồ ngu nhé", Policy.forAge(10)).action()).isEqualTo(Action.WARN);
    assertThat(shipped.checkText("hôm nay \u0500\u200b.0\u200b \u0397\u200b.\ua7ac\u200b.\u03a5\u200b nhé",
        Policy.forAge(10)).action()).isEqualTo(Action.WARN);
  }

  /**
   * A long post whose whole-text score is diluted under the lowering bound by its innocent sentences keeps
   * the finding of its harmful sentence: the score stage reads that sentence alone before lowering it. The
   * whole text's score is asserted under the bound, so without the sentence's reading the finding would be
   * lowered to P.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "harassment|Kỷ niệm năm lớp 6 của nhóm mình: đi dã ngoại, thi kéo co, làm báo tường chào mừng ngày Nhà giáo."
          + " Vui nhất là vụ cả đám dán lên lưng con Mai tờ giấy \"đồ con heo\" suốt buổi chào cờ, nó không biết gì,"
          + " cả trường cười ầm. Lên lớp 7 tụi mình sẽ nghĩ trò mới cho nó.",
      "violence|Tổng kết buổi sinh hoạt lớp: thứ ba nộp báo cáo thí nghiệm Lý, thứ năm tập hát cho lễ khai giảng."
          + " Còn vụ thằng Tùng mách cô, cả nhóm thống nhất rồi: chiều mai nó còn dám đến lớp thì lôi nó ra sau"
          + " trường đánh đến khi nó không đứng dậy nổi. Nhớ mang theo nước uống vì sân nóng."})
  void aLongPostsHarmfulSentenceIsReadAlone(String category, String text) {
    Category c = Category.fromJsonName(category);
    Verdict v = shipped.checkText(text, Policy.forAge(10));
    assertThat(v.score(c)).as("%s", v).isLessThan(ClassifierModel.embedded().lowerBelow());
    assertThat(v.findings()).as("%s", v)
        .anyMatch(f -> f.category() == c && f.rating().compareTo(Rating.P) > 0);
    assertThat(v.action()).isNotEqualTo(Action.ALLOW);
  }
}
