package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * A file's {@code threshold.lift} ({@link ClassifierModel#LIFT}): the threshold the score stage applies to a
 * category, the file's own or the cap that holds it, rises by the category's lift and by nothing else; a lift that is
 * not {@code category=value} with a category of the file and a value in [0, 1) is refused, named.
 */
class ThresholdLiftTest {

  @TempDir
  static Path dir;

  /**
   * A plain sentence with one category scored {@code score} (the rest 0.01): its classifier finding makes it
   * anything but ALLOW for a 10-year-old when the score reaches the threshold the score stage applies (the file's
   * own 0.5 for violence; harassment held to 0.5 here too, under its cap of 0.80), lifted or not.
   */
  @ParameterizedTest(name = "{0} {1} lift {2}: flagged {3}")
  @CsvSource({
      "VIOLENCE,   0.55, '',                 true",
      "VIOLENCE,   0.55, violence=0.050,     true",
      "VIOLENCE,   0.55, violence=0.075,     false",
      "VIOLENCE,   0.55, harassment=0.200,   true",
      "HARASSMENT, 0.55, '',                 true",
      "HARASSMENT, 0.55, harassment=0.100,   false",
      "HARASSMENT, 0.55, 'violence=0.1,harassment=0.025', true",
  })
  void theLiftRaisesTheAppliedThresholdOfItsCategoryOnly(Category c, double score, String lift, boolean flagged) {
    FixedScoreClassifiers f = FixedScoreClassifiers.scoring(0.01).with(c, score).withoutLowering();
    if (!lift.isEmpty()) {
      f.lift(lift);
    }
    try (ContentFilter filter = f.filter(dir)) {
      Verdict v = filter.checkText("hôm nay lớp mình đi tham quan bảo tàng lịch sử", Policy.forAge(10));
      assertThat(v.action() != Action.ALLOW).as("%s", v).isEqualTo(flagged);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "self_harm",
      "self_harm=",
      "self_harm=-0.1",
      "self_harm=1",
      "self_harm=abc",
      "pii=0.1",
      "nonsense=0.1",
      "self_harm=0.1;violence=0.1",
  })
  void aBadLiftIsRefusedNamed(String lift) {
    assertThatThrownBy(() -> FixedScoreClassifiers.scoring(0.01).lift(lift).model())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold.lift");
  }
}
