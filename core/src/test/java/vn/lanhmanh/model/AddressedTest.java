package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconReader;

/**
 * Who a child's angry message is said to ({@link ScoreStage#addressed}) is read from the syllables the engine
 * normalised for the match, not from a second pass over the text: a rude second-person pronoun written out, in
 * capitals, in NFD, without diacritics or in teen code counts; "nó", "tụi nó" and words that merely share
 * letters with one ("mình", "mai", "bầy") do not. "bay" (to fly) is read as "bây", as the score stage
 * documents: an over-reading that keeps a threat's tier, never one that lowers it.
 */
class AddressedTest {

  private static final Analyser ANALYSER =
      Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      tao muốn đập mày một trận                 | true
      TAO MUỐN ĐẬP MÀY MỘT TRẬN                 | true
      tao muon dap may mot tran                 | true
      t muốn đập m một trận                     | true
      mi mà nói nữa thì biết tay                | true
      tụi bây chờ đó                            | true
      con muốn đập tụi nó một trận cho bõ tức   | false
      mẹ ơi con muốn đánh nó quá                | false
      mình muốn đánh nó, mai con kể cô          | false
      cả bầy chim bay qua                       | true
      """)
  void readsTheEngineSyllables(String text, boolean expected) {
    for (String form : new String[] {text, Normalizer.normalize(text, Normalizer.Form.NFD)}) {
      ANALYSER.findings(form);
      assertThat(ScoreStage.addressed(ANALYSER.state().positions(), ANALYSER.vocabulary())).as(form)
          .isEqualTo(expected);
    }
  }
}
