package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Verdict;

/**
 * Where the embedded classifiers must not lower a lexicon finding: in a text in another language (an
 * English threat) and past the syllables they read. Both were lowered to P before these limits.
 */
class LoweringLimitsTest {

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
}
