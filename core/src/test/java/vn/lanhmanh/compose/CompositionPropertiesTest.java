package vn.lanhmanh.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.lanhmanh.concept.Composition;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.score.Scorer;
import vn.lanhmanh.Finding;

/**
 * Invariants of composition over random mixes of concept words and sentence breaks: every composed
 * finding lies inside one sentence of the text (of scope two-sentences or message: inside its two or three), its offsets are inside the text, and its match is the
 * text at those offsets.
 */
class CompositionPropertiesTest {

  private static final ConceptLexicon CONCEPTS = ConceptLexicon.readDefault();
  private static final CompiledLexicon LEXICON = CompiledLexicon.compile(LexiconReader.readDefault(), CONCEPTS,
      Map.of());
  private static final Composer COMPOSER = Composer.compile(CONCEPTS);
  /** Compositions over two sentences or over a message: their findings may span a few sentences. */
  private static final Map<String, Integer> SPANNING = CONCEPTS.compositions().stream()
      .filter(c -> c.scope() == Composition.MESSAGE || c.scope() == Composition.TWO_SENTENCES)
      .collect(Collectors.toMap(Composition::ruleId,
          c -> c.scope() == Composition.MESSAGE ? Composition.MESSAGE_SENTENCES - 1 : 1));

  private static final List<String> WORDS = List.of("em", "học sinh lớp 7", "chịch", "gọi video riêng",
      "đừng nói với ai", "bố mẹ em", "có hay kiểm tra điện thoại", "kẹo lắc", "ship", "công an tỉnh",
      "trúng thưởng", "phí xử lý", "mang dao", "sau giờ học", "cả lớp", "đừng chơi với nó", "muốn",
      "biến mất mãi mãi", "vận động viên", "súng", "nhé", "😀", "ngân hàng", "mã otp", "gửi cho anh",
      "kim cương", "bật cam");
  private static final List<String> GAPS = List.of(" ", ", ", ". ", "! ", "\n", " ... ", "? ", "; ");

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.of(WORDS).flatMap(w -> Arbitraries.of(GAPS).map(g -> w + g));
    return piece.list().ofMinSize(1).ofMaxSize(14).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void composedFindingsLieInOneSentence(@ForAll("texts") String text) {
    MatchState s = new MatchState();
    LEXICON.normalize(text, s);
    LEXICON.match(text, s);
    COMPOSER.compose(s);
    for (int i = 0; i < s.candidateCount(); i++) {
      int sentences = s.sentence(s.candidateEndPos(i)) - s.sentence(s.candidateStartPos(i));
      if (SPANNING.containsKey(s.candidateRule(i))) {
        assertThat(sentences).as(text).isBetween(0, SPANNING.get(s.candidateRule(i)));
      } else {
        assertThat(sentences).as(text).isZero();
      }
    }
    for (int k = 0; k < s.conceptCount(); k++) {
      assertThat(s.sentence(s.conceptStartPos(k))).as(text).isEqualTo(s.sentence(s.conceptEndPos(k)));
    }
    for (Finding f : Scorer.findings(text, s)) {
      assertThat(f.start()).isBetween(0, text.length());
      assertThat(f.end()).isBetween(f.start(), text.length());
      assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
      // No sentence end inside a composed finding.
      if (f.rule().startsWith("compose/") && !SPANNING.containsKey(f.rule())) {
        String inside = f.match();
        assertThat(inside).doesNotContain("\n").doesNotContain(". ").doesNotContain("! ").doesNotContain("? ");
      }
    }
  }
}
