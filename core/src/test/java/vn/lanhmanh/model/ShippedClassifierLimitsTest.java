package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
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
import vn.lanhmanh.TestTables;
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
   * the finding of its harmful sentence: the score stage reads that sentence alone before lowering it. How
   * much innocent text dilutes the score under the bound is a property of the file in use, so the premise is
   * built from it: the post of {@code model/long-posts.tsv} is padded with the sentences of
   * {@code model/long-post-padding.tsv}, one at a time, until the file scores the whole text under the bound
   * (if the padding runs out first, the table needs more of it). Without the sentence's reading the finding
   * would then be lowered to P.
   */
  @Test
  void aLongPostsHarmfulSentenceIsReadAlone() throws IOException {
    double bound = ClassifierModel.embedded().lowerBelow();
    List<String[]> padding = TestTables.rows("/model/long-post-padding.tsv");
    List<String[]> posts = TestTables.rows("/model/long-posts.tsv");
    assertThat(posts).isNotEmpty();
    for (String[] row : posts) {
      Category c = Category.fromJsonName(row[0]);
      String post = row[1];
      StringBuilder text = new StringBuilder(post);
      Verdict v = shipped.checkText(text.toString(), Policy.forAge(10));
      for (int i = 0; i < padding.size() && v.score(c) >= bound; i++) {
        text.append(' ').append(padding.get(i)[0]);
        v = shipped.checkText(text.toString(), Policy.forAge(10));
      }
      assertThat(v.score(c)).as("the whole text's score, padded with all the table's sentences: %s", v)
          .isLessThan(bound);
      assertThat(v.findings()).as("%s", v)
          .anyMatch(f -> f.category() == c && f.rating().compareTo(Rating.P) > 0 && f.end() <= post.length());
      assertThat(v.action()).as("%s", v).isNotEqualTo(Action.ALLOW);
    }
  }
}
