package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.compose.TextAnalysis;
import vn.lanhmanh.concept.Concept;

/** The internal per-message analysis: one normalisation gives syllables, concept hits and the verdict. */
class AnalyzeTest {

  private static final ContentFilter filter = DefaultFilter.shared();

  @Test
  void conceptHitsPointIntoTheTextAndTheVerdictIsTheCheckOne() {
    for (String text : new String[] {"em ơi gọi video riêng với anh nhé. Đừng nói với ai!",
        Normalizer.normalize("bố mẹ em có hay kiểm tra điện thoại không", Normalizer.Form.NFD)}) {
      TextAnalysis a = filter.analyze(text, Policy.forAge(10));
      assertThat(a.verdict()).isEqualTo(filter.checkText(text, Policy.forAge(10)));
      assertThat(a.syllables()).isNotEmpty();
      assertThat(a.concepts()).isNotEmpty();
      for (TextAnalysis.ConceptHit h : a.concepts()) {
        assertThat(h.start()).isEqualTo(a.syllables().get(h.first()).start());
        assertThat(h.end()).isEqualTo(a.syllables().get(h.last()).end());
        assertThat(h.end()).isLessThanOrEqualTo(text.length());
      }
    }
    TextAnalysis a = filter.analyze("em ơi gọi video riêng với anh nhé. Đừng nói với ai!", Policy.forAge(10));
    assertThat(a.concepts()).extracting(TextAnalysis.ConceptHit::concept)
        .contains(Concept.PRIVATE_CHANNEL, Concept.SECRECY);
    // Two sentences: the secret is in the second, so no composition joins them.
    assertThat(a.syllables().get(a.syllables().size() - 1).sentence()).isEqualTo(1);
    assertThat(a.verdict().findings()).noneMatch(f -> f.rule().equals("compose/grooming.private_secret"));
  }

  @Test
  void emptyAndNullTexts() {
    assertThat(filter.analyze(null, Policy.forAge(10)).concepts()).isEmpty();
    assertThat(filter.analyze("", Policy.forAge(10)).verdict().action()).isEqualTo(Action.ALLOW);
  }
}
