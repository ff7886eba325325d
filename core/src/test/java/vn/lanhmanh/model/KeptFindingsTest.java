package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.Composition;
import vn.lanhmanh.concept.ConceptLexicon;

class KeptFindingsTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      compose/harassment.doxx_meetup        | harassment | high   | true
      compose/harassment.doxx_meetup        | harassment | medium | false
      compose/drugs.alcohol_age_dodge       | drugs      | high   | true
      compose/drugs.binge_school            | drugs      | medium | true
      compose/drugs.slang_urged_msg         | drugs      | high   | true
      compose/drugs.goods_disguised_msg     | drugs      | high   | true
      compose/drugs.courier_pay_msg         | drugs      | high   | false
      compose/sexual.seek_casual            | sexual     | high   | true
      compose/sexual.seek_casual_more       | sexual     | high   | false
      compose/sexual.position_tips          | sexual     | high   | true
      compose/sexual.position_tips          | drugs      | high   | false
      drugs/bia                             | drugs      | high   | false
      """)
  void defaultRowsKeepTheirFindings(String rule, String category, String severity, boolean kept) {
    Finding f = new Finding(Category.fromJsonName(category), Severity.parse(severity), Rating.T16, rule, 0, 1, "x");
    assertThat(KeptFindings.defaults().keeps(f)).isEqualTo(kept);
  }

  @Test
  void everyRowNamesAComposedRuleThatExists() {
    List<Composition> compositions = ConceptLexicon.readDefaultCompositions().compositions();
    assertThat(KeptFindings.defaults().rows()).isNotEmpty().allSatisfy(k -> assertThat(compositions)
        .as("a composition for %s", k.rule())
        .anySatisfy(c -> {
          assertThat(c.category()).isEqualTo(k.category());
          assertThat(k.prefix() ? c.ruleId().startsWith(k.rule()) : c.ruleId().equals(k.rule())).isTrue();
        }));
  }

  @Test
  void malformedRowsAreRefusedByLine() {
    assertThatThrownBy(() -> KeptFindings.parse(List.of("# c", "compose/x.y\tdrugs")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    assertThatThrownBy(() -> KeptFindings.parse(List.of("compose/x.y\tnot_a_category\tany\tw")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1")
        .hasMessageContaining("not_a_category");
    assertThatThrownBy(() -> KeptFindings.parse(List.of("compose/x.y\tdrugs\tlow\tw")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'any' or 'high'");
  }
}
