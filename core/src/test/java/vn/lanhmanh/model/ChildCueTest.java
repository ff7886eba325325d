package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Verdict;

/**
 * With the embedded classifiers on, a medium score of the minors classifier alone does not make adult
 * sexual text tier C: where nothing in the text names a child and the score is under
 * {@link ScoreStage#ADULT_BELOW}, it becomes adult sexual content (T18). Where a child is named, the text
 * stays blocked for every age.
 */
class ChildCueTest {

  private static ContentFilter classifiers;

  @BeforeAll
  static void build() {
    classifiers = ContentFilter.builder().withClassifiers().build();
  }

  @AfterAll
  static void close() {
    classifiers.close();
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
}
