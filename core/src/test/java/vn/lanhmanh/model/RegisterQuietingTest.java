package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lanhmanh.Category;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptSet;

/** The shipped table of register quieting rules ({@code quieting-registers.tsv}) and how a row is read. */
class RegisterQuietingTest {

  @Test
  void shippedTableHoldsTheRegisterRules() {
    assertThat(RegisterQuieting.rows()).extracting(RegisterQuieting.Row::rule)
        .contains("QUIT_PLAY", "TREATMENT", "LEAVING_PLACE", "VICTIM_PLEA", "CLASSROOM_CHAT");
    assertThat(RegisterQuieting.categories()).containsExactlyInAnyOrder(Category.SELF_HARM, Category.VIOLENCE,
        Category.HARASSMENT, Category.GROOMING);
    for (RegisterQuieting.Row r : RegisterQuieting.rows()) {
      assertThat(r.register().isEmpty()).as(r.rule()).isFalse();
    }
  }

  @Test
  void rowReadsItsColumns() {
    RegisterQuieting.Row r = RegisterQuieting.parse(
        new String[] {"CLASSROOM_CHAT", "grooming", "CLASSROOM", "under 0.9", "MINOR, SCHOOL", "why"});
    assertThat(r.category()).isEqualTo(Category.GROOMING);
    assertThat(r.register()).isEqualTo(ConceptSet.of(Concept.CLASSROOM));
    assertThat(r.underNearCertain()).isTrue();
    assertThat(r.notCounted()).isEqualTo(ConceptSet.of(Concept.MINOR, Concept.SCHOOL));
    RegisterQuieting.Row any = RegisterQuieting.parse(new String[] {"QUIT_PLAY", "violence", "QUIT_PLAY", "any", "-"});
    assertThat(any.underNearCertain()).isFalse();
    assertThat(any.notCounted().isEmpty()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "QUIT_PLAY|self_harm|QUIT_PLAY|sometimes|-|score must be 'any' or 'under 0.9'",
      "X|self_harm|MINOR|any|-|is not a register concept",
      "X|self_harm|NO_SUCH_CONCEPT|any|-|NO_SUCH_CONCEPT",
      "X|no_such_category|QUIT_PLAY|any|-|no_such_category",
  })
  void badRowNamesTheProblem(String rule, String category, String register, String score, String notCounted,
      String message) {
    assertThatThrownBy(() -> RegisterQuieting.parse(new String[] {rule, category, register, score, notCounted}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void shortRowIsRefused() {
    assertThatThrownBy(() -> RegisterQuieting.parse(new String[] {"QUIT_PLAY", "self_harm"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("want rule, category");
  }
}
