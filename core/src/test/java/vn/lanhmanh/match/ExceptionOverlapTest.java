package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptPhrase;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;

/**
 * An exception's reading of its syllables wins over a rule or a harm concept that begins on one of them and
 * runs past it ("con chim to": not "chim to"; "ke chuyen truoc": not "chuyển trước", pay first); a hit that
 * begins where the exception begins, or holds it whole, is not silenced, and neither is a hit that merely
 * follows it.
 */
class ExceptionOverlapTest {

  private static CompiledLexicon lexicon;

  @BeforeAll
  static void compile() {
    List<LexiconEntry> entries = List.of(
        LexiconEntry.rule("chim to", Category.SEXUAL, Rating.T16, Severity.MEDIUM, Fold.ALWAYS, "", "test:1"),
        LexiconEntry.rule("con chim non", Category.SEXUAL, Rating.T16, Severity.MEDIUM, Fold.ALWAYS, "", "test:2"),
        LexiconEntry.exception("con chim", Fold.ALWAYS, "", "test:3"),
        LexiconEntry.exception("kể chuyện", Fold.ALWAYS, "", "test:4"));
    ConceptLexicon concepts = new ConceptLexicon(List.of(
        new ConceptPhrase("chuyển trước", Set.of(Concept.MONEY_TRANSFER), Fold.ALWAYS, "", "test:5"),
        new ConceptPhrase("kể chuyện cổ tích", Set.of(Concept.LITERATURE), Fold.ALWAYS, "", "test:6")),
        List.of(), List.of(), List.of());
    lexicon = CompiledLexicon.compile(entries, concepts, Map.of());
  }

  private static MatchState match(String text) {
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    return state;
  }

  private static String rules(MatchState state) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < state.candidateCount(); i++) {
      if (state.candidateKind(i) == MatchState.RULE) {
        b.append(b.length() == 0 ? "" : " ").append(state.candidateCategory(i).jsonName());
      }
    }
    return b.toString();
  }

  private static boolean hasConcept(MatchState state, Concept c) {
    for (int k = 0; k < state.conceptCount(); k++) {
      if (state.conceptSet(k).contains(c)) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // text                                   | rules    | a money-transfer concept
      "con chim to quá                          | ''       | false",
      "chim to quá                              | sexual   | false",
      "ông ấy bán con chim non                  | sexual   | false",
      "anh kể chuyện trước khi ngủ nhé          | ''       | false",
      "ke chuyen truoc khi ngu nhe              | ''       | false",
      "kể chuyện xong rồi chuyển trước 500k nhé | ''       | true",
      "chuyển trước 500k nhé                    | ''       | true",
  })
  void theExceptionsReadingWins(String text, String rules, boolean transfer) {
    MatchState state = match(text);
    assertThat(rules(state)).as(text).isEqualTo(rules);
    assertThat(hasConcept(state, Concept.MONEY_TRANSFER)).as(text).isEqualTo(transfer);
  }
}
