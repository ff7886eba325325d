package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;

/**
 * A policy's deny phrase and a lexicon rule of {@code plain} folding with the same spelling read the text's
 * words alike: found as written and written without diacritics, and not where the writer, who uses diacritics,
 * wrote other words that fold to the phrase (one word as written, or every syllable another word). Both
 * read them through {@link WrittenSyllables}; this fails should either come to read them its own way.
 */
class WrittenSyllablesTest {

  private static CompiledLexicon lexicon;
  private static PolicyPhrases policy;

  @BeforeAll
  static void compile() {
    List<LexiconEntry> entries = List.of(
        LexiconEntry.rule("khùng", Category.HARASSMENT, Rating.K, Severity.LOW, Fold.PLAIN, "", "test:1"),
        LexiconEntry.rule("đồ khùng", Category.HARASSMENT, Rating.K, Severity.LOW, Fold.PLAIN, "", "test:2"),
        LexiconEntry.rule("lồn", Category.PROFANITY, Rating.T18, Severity.HIGH, Fold.PLAIN, "", "test:3"));
    lexicon = CompiledLexicon.compile(entries, Map.of());
    policy = PolicyPhrases.compile(lexicon, List.of(), List.of(
        new PolicyPhrases.Deny("khùng", Category.HARASSMENT, Rating.K),
        new PolicyPhrases.Deny("đồ khùng", Category.HARASSMENT, Rating.K),
        new PolicyPhrases.Deny("lồn", Category.PROFANITY, Rating.T18)));
  }

  /** The rule hits as "end:phrase", the lexicon's and the policy's apart. */
  private static List<List<String>> hits(String text) {
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state, false, policy);
    List<String> own = new ArrayList<>();
    List<String> deny = new ArrayList<>();
    for (int i = 0; i < state.candidateCount(); i++) {
      if (state.candidateKind(i) != MatchState.RULE) {
        continue;
      }
      String rule = state.candidateRule(i);
      boolean fromPolicy = rule.startsWith("policy/");
      String phrase = rule.substring(rule.lastIndexOf('/') + 1);
      (fromPolicy ? deny : own).add(state.candidateEndPos(i) + ":" + phrase);
    }
    return List.of(own, deny);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mày là đồ khùng       | 3:khung 3:do_khung",
      "may la do khung       | 3:khung 3:do_khung",
      // one word without diacritics among words with them is the word it spells (khung, a frame)
      "cái khung này đẹp quá | ''",
      // every syllable is another word as written (do, because; khung, a frame)
      "tại do khung cửa bị gãy | ''",
      // one syllable of the phrase's own keeps the reading
      "mày là đồ khung        | ''",
      // profanity stripped of its diacritics by a writer who uses them is still profanity
      "mày là đồ lon          | 3:lon"})
  void aDenyPhraseReadsTheWordsAsWrittenAsTheLexiconsRuleDoes(String text, String expected) {
    List<List<String>> hits = hits(text);
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
    assertThat(hits.get(1)).as("policy").containsExactlyInAnyOrderElementsOf(want);
    assertThat(hits.get(0)).as("lexicon").containsExactlyInAnyOrderElementsOf(hits.get(1));
  }
}
