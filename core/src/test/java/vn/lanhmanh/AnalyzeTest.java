package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
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

  /**
   * A one-letter word with a tone is a word: "e ở" (em ở) was joined into one syllable because its
   * folded spelling "eo" is a word. Split letters of a swear still join, with or without their marks.
   */
  @Test
  void oneLetterWordsWithAToneAreNotJoinedIntoAFoldedWord() {
    String[][] table = {
        {"mai a đợi e ở cổng sau nhé", "mai a doi em o cong sau nhe"},
        {"chị đón e ở nhà văn hóa", "chi don em o nha van hoa"},
        {"Đ Ị T  M Ẹ", "dit me"},
        {"d.ị.t m.ẹ", "dit me"},
        {"đ.i.t m.e", "dit me"},
    };
    assertFolded(table);
  }

  /**
   * A lone digit and one letter are a number and a word: "lop 5 o be boi" (lớp 5 ở bể bơi) was read as
   * "lop so be boi", since leetspeak reads 5 as s. Three or more split letters still read digits as leet.
   */
  @Test
  void aLoneDigitAndOneLetterAreANumberAndAWord() {
    String[][] table = {
        {"co be lop 5 o be boi", "co be lop 5 o be boi"},
        {"tang 3 o day", "tang 3 o day"},
        {"đ.1.t m.3", "dit me"},
    };
    assertFolded(table);
  }

  /** Each row: a text, then its syllables' folded spellings separated by spaces. */
  private void assertFolded(String[][] table) {
    for (String[] row : table) {
      List<String> folded = filter.analyze(row[0], Policy.forAge(10)).syllables().stream()
          .map(TextAnalysis.Syllable::folded).toList();
      assertThat(folded).as(row[0]).containsExactly(row[1].split(" "));
    }
  }

  @Test
  void emptyAndNullTexts() {
    assertThat(filter.analyze(null, Policy.forAge(10)).concepts()).isEmpty();
    assertThat(filter.analyze("", Policy.forAge(10)).verdict().action()).isEqualTo(Action.ALLOW);
  }
}
