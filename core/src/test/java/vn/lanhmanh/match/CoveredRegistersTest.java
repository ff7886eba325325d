package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptPhrase;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;

/** {@link MatchState#voidCovered}: a register's word inside a longer phrase of a covering concept. */
class CoveredRegistersTest {

  private static final ConceptSet REGISTERS = ConceptSet.of(Concept.NEWS_POLICE);
  private static final ConceptSet COVERING = ConceptSet.of(Concept.FIGHT_RULE);

  private static final CompiledLexicon LEXICON = CompiledLexicon.compile(List.of(), new ConceptLexicon(List.of(
      new ConceptPhrase("bị phạt", Set.of(Concept.NEWS_POLICE), Fold.ALWAYS, "", "test:1"),
      new ConceptPhrase("thì bị phạt", Set.of(Concept.FIGHT_RULE), Fold.ALWAYS, "", "test:2"),
      new ConceptPhrase("bị phạt thẻ vàng", Set.of(Concept.THREAT), Fold.ALWAYS, "", "test:3")),
      List.of(), List.of(), List.of()), Map.of());

  private static MatchState voided(String text) {
    MatchState state = new MatchState();
    LEXICON.normalize(text, state);
    LEXICON.match(text, state);
    state.voidCovered(REGISTERS, COVERING, 24);
    return state;
  }

  private static boolean anyRegister(MatchState state) {
    for (int k = 0; k < state.conceptCount(); k++) {
      if (state.hasConcept(k, REGISTERS)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRegisterInsideACoveringPhraseIsVoid() {
    MatchState state = voided("ai thua thì bị phạt hát một bài");
    assertThat(anyRegister(state)).isFalse();
    // the covering hit keeps its own concept
    boolean rule = false;
    for (int k = 0; k < state.conceptCount(); k++) {
      rule |= state.hasConcept(k, COVERING);
    }
    assertThat(rule).isTrue();
  }

  @Test
  void aRegisterStandingAloneStays() {
    assertThat(anyRegister(voided("tài xế bị phạt 5 triệu đồng"))).isTrue();
  }

  @Test
  void aRegisterCoveredOnlyByAnotherConceptStays() {
    // "bị phạt thẻ vàng" covers the register's word, but its concept is not one of the covering ones
    assertThat(anyRegister(voided("đội thua thì bị loại, cầu thủ bị phạt thẻ vàng"))).isTrue();
  }
}
