package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.text.Positions;

/**
 * The score stage finds a span's first and last syllables by halving; on any text the normaliser makes
 * (teencode expanded, letters split by dots, emoji, marks, NFD) the answer is the walk's from the first
 * syllable, for every offset of the text and past it.
 */
class SyllableSearchTest {

  private static final Analyser ANALYSER = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());

  private static int firstByWalk(Positions p, int start, int size) {
    for (int i = 0; i < size; i++) {
      if (p.end(i) > start) {
        return i;
      }
    }
    return -1;
  }

  private static int lastByWalk(Positions p, int end, int size) {
    int last = -1;
    for (int i = 0; i < size && p.start(i) < end; i++) {
      last = i;
    }
    return last;
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.of("đm", "vl", "ko", "đ.m", "Đ Ị T", "các bạn", "dâm bụt", "😀😀", ". ", ", ",
        "\n", "  ", "t h ằ n g", "l0n", "e\u0301m", "ngu", "mày", "0912 345 678", "a", "!!!", "ok.", "www.", "vãi",
        "chết", "nhé");
    return piece.list().ofMinSize(0).ofMaxSize(30).map(l -> String.join(" ", l));
  }

  @Property(tries = 300)
  void halvingFindsWhatTheWalkFinds(@ForAll("texts") String text) {
    ANALYSER.findings(text);
    Positions p = ANALYSER.state().positions();
    for (int size : new int[] {p.size(), Math.min(p.size(), 3)}) {
      for (int offset = 0; offset <= text.length() + 1; offset++) {
        assertThat(ScoreStage.firstSyllable(p, offset, size)).as("first, %s at %d", text, offset)
            .isEqualTo(firstByWalk(p, offset, size));
        assertThat(ScoreStage.lastSyllable(p, offset, size)).as("last, %s at %d", text, offset)
            .isEqualTo(lastByWalk(p, offset, size));
      }
    }
  }
}
