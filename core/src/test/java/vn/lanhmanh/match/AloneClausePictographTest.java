package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;

/**
 * A phrase that counts only as a clause of its own ({@link Fold#ALONE}) is closed by an emoji as by a comma: the
 * emoji is read by code point, so a pictograph outside the BMP closes the clause, while a letter outside the BMP
 * or a broken surrogate does not.
 */
class AloneClausePictographTest {

  private static CompiledLexicon lexicon;

  @BeforeAll
  static void compile() {
    List<LexiconEntry> entries = List.of(
        LexiconEntry.rule("trời ơi mẹ nó", Category.PROFANITY, Rating.T13, Severity.LOW, Fold.ALONE, "", "test:1"));
    lexicon = CompiledLexicon.compile(entries, new ConceptLexicon(List.of(), List.of(), List.of(), List.of()),
        Map.of());
  }

  static List<Object[]> texts() {
    return List.of(
        new Object[] {"trời ơi mẹ nó 😤 wifi lại rớt", true},            // U+1F624, a surrogate pair
        new Object[] {"trời ơi mẹ nó ☹ wifi lại rớt", true},             // U+2639, in the BMP
        new Object[] {"trời ơi mẹ nó, wifi lại rớt", true},
        new Object[] {"trời ơi mẹ nó wifi lại rớt", false},
        new Object[] {"trời ơi mẹ nó \uD835\uDC1A wifi lại rớt", false}, // U+1D41A, a bold letter a
        new Object[] {"trời ơi mẹ nó \uD83D wifi lại rớt", false},       // a high surrogate alone
        new Object[] {"trời ơi mẹ nó \uDE24 wifi lại rớt", false});      // a low surrogate alone
  }

  @ParameterizedTest
  @MethodSource("texts")
  void anEmojiClosesTheClause(String text, boolean oath) {
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    boolean rule = false;
    for (int i = 0; i < state.candidateCount(); i++) {
      rule |= state.candidateKind(i) == MatchState.RULE;
    }
    assertThat(rule).as(text).isEqualTo(oath);
  }
}
