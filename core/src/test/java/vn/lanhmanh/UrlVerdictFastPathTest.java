package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.decide.Decision;
import vn.lanhmanh.model.ScoreStage;

/**
 * The shortcuts of a URL check with one finding decide as the general steps do: the score map of one
 * finding ({@link ScoreMap#of(Category, double)}) equals the one made from the scores array, a span of
 * printable ASCII masked by a fill ({@code plainSpan}) gives the verdict the per-char mask gives, and the
 * policy's table of actions answers as its rule.
 */
class UrlVerdictFastPathTest {

  private static final String PRINTABLE = "abcxyz019-_.:/\\?=&%ABCZ~!*";

  @Test
  void oneFindingsScoreMapIsTheArraysMap() {
    for (Category c : Category.values()) {
      for (Severity s : Severity.values()) {
        for (Rating r : Rating.values()) {
          for (String rule : List.of("url/list/x:a.com", "model/x")) {
            Finding f = new Finding(c, s, r, rule, 0, 1, "a");
            ScoreMap fromArray = ScoreMap.of(ScoreStage.fromFindings(List.of(f)));
            assertThat(ScoreMap.of(c, ScoreStage.findingScore(f))).as(f.toString()).isEqualTo(fromArray);
          }
        }
      }
    }
    assertThat(ScoreMap.of(Category.SCAM, 0.33).get(Category.SCAM)).isEqualTo(0.33);
  }

  @Property(tries = 3000)
  void aPlainSpanIsMaskedAsEachOfItsChars(@ForAll("texts") String text, @ForAll @IntRange(max = 40) int from,
      @ForAll @IntRange(max = 40) int length, @ForAll("categories") Category category,
      @ForAll("ratings") Rating rating, @ForAll @IntRange(max = 30) int age) {
    int plainEnd = 0;   // the span stays within the printable ASCII start, as the check's plain prefix does
    while (plainEnd < text.length() && PRINTABLE.indexOf(text.charAt(plainEnd)) >= 0) {
      plainEnd++;
    }
    int start = Math.min(from, plainEnd);
    int end = Math.min(start + length, plainEnd);
    Finding f = new Finding(category, Severity.HIGH, rating, "url/list/x:" + text.substring(start, end), start, end,
        text.substring(start, end));
    Policy policy = age == 0 ? Policy.forAge(10).redact(category) : Policy.forAge(age);
    ScoreMap scores = ScoreMap.of(category, ScoreStage.findingScore(f));
    assertThat(Decision.decide(text, List.of(f), scores, policy, true))
        .isEqualTo(Decision.decide(text, List.of(f), scores, policy, false));
  }

  @Test
  void thePolicysTableAnswersAsItsRule() {
    for (int age = 0; age <= 30; age++) {
      for (Policy p : List.of(Policy.forAge(age), Policy.forAge(age).withCategory(Category.SOCIAL, Action.WARN),
          Policy.forAge(age).withCategory(Category.PII, Action.BLOCK))) {
        for (Category c : Category.values()) {
          for (Rating r : Rating.values()) {
            assertThat(p.actionFor(c, r)).as(p + " " + c + " " + r).isEqualTo(p.ruleFor(c, r));
          }
        }
      }
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> plain = Arbitraries.strings().withChars(PRINTABLE).ofMaxLength(40);
    return Arbitraries.oneOf(plain, plain.map(s -> s + "/\u1ea1\u0111 x"));
  }

  @Provide
  Arbitrary<Category> categories() {
    return Arbitraries.of(Category.values());
  }

  @Provide
  Arbitrary<Rating> ratings() {
    return Arbitraries.of(Rating.values());
  }
}
