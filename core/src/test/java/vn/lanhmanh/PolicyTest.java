package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyTest {

  @ParameterizedTest(name = "age {0}, {1} {2} → {3}")
  @CsvSource(delimiter = '|', textBlock = """
      10 | PROFANITY  | P   | ALLOW
      10 | PROFANITY  | K   | WARN
      10 | PROFANITY  | T13 | BLOCK
      12 | HARASSMENT | K   | WARN
      13 | HARASSMENT | K   | ALLOW
      13 | HARASSMENT | T13 | ALLOW
      15 | PROFANITY  | T16 | BLOCK
      16 | PROFANITY  | T16 | ALLOW
      17 | SEXUAL     | T18 | BLOCK
      18 | SEXUAL     | T18 | ALLOW
      40 | GAMBLING   | C   | BLOCK
      40 | SCAM       | C   | BLOCK
      10 | SELF_HARM  | K   | WARN
      30 | SELF_HARM  | K   | WARN
      30 | SELF_HARM  | T18 | WARN
      14 | SELF_HARM  | T18 | BLOCK
      10 | SELF_HARM  | P   | ALLOW
      40 | SELF_HARM  | P   | ALLOW
      0  | VIOLENCE   | P   | ALLOW
      10 | PII        | P   | WARN
      15 | PII        | P   | WARN
      16 | PII        | P   | ALLOW
      40 | PII        | P   | ALLOW
      """)
  void ageModel(int age, Category category, Rating rating, Action expected) {
    assertThat(Policy.forAge(age).actionFor(category, rating)).isEqualTo(expected);
  }

  @Test
  void tierPresetsMatchAges() {
    assertThat(Policy.tier(Rating.T13).highest()).isEqualTo(Policy.forAge(14).highest());
    assertThat(Policy.tier(Rating.P).actionFor(Category.PROFANITY, Rating.K)).isEqualTo(Action.WARN);
  }

  @Test
  void overridesReplaceTheTierDecision() {
    Policy p = Policy.forAge(10).withCategory(Category.PROFANITY, Action.WARN);
    assertThat(p.actionFor(Category.PROFANITY, Rating.T18)).isEqualTo(Action.WARN);
    assertThat(p.actionFor(Category.HARASSMENT, Rating.T18)).isEqualTo(Action.BLOCK);
    assertThat(Policy.forAge(10).actionFor(Category.PROFANITY, Rating.T18)).isEqualTo(Action.BLOCK);
  }

  @Test
  void policiesAreValues() {
    assertThat(Policy.forAge(10).allow("a").deny(Category.SCAM, Rating.C, "b"))
        .isEqualTo(Policy.forAge(10).allow("a").deny(Category.SCAM, Rating.C, "b"))
        .hasSameHashCodeAs(Policy.forAge(10).allow("a").deny(Category.SCAM, Rating.C, "b"));
    assertThat(Policy.forAge(10)).isNotEqualTo(Policy.forAge(11)).isNotEqualTo(Policy.tier(Rating.P));
  }

  @Test
  void badSettingsFailFastNamingTheSetting() {
    assertThatThrownBy(() -> Policy.forAge(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
    assertThatThrownBy(() -> Policy.forAge(200)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
    assertThatThrownBy(() -> Policy.tier(Rating.C)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier");
    assertThatThrownBy(() -> Policy.forAge(10).allow(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allow");
    assertThatThrownBy(() -> Policy.forAge(10).deny(Category.SCAM, Rating.C, "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deny");
  }
}
