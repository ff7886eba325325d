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

/** {@link MatchState#voidFramed}: the acts between a rule's opening and its answer, in one sentence. */
class FramedActsTest {

  private static final ConceptSet OPEN = ConceptSet.of(Concept.ANYONE_WHO);
  private static final ConceptSet CLOSE = ConceptSet.of(Concept.REFUSAL_ADVICE);
  private static final ConceptSet ACTS = ConceptSet.of(Concept.GIFT, Concept.PRIVATE_CHANNEL);

  private static final CompiledLexicon LEXICON = CompiledLexicon.compile(List.of(), new ConceptLexicon(List.of(
      new ConceptPhrase("nếu ai", Set.of(Concept.ANYONE_WHO), Fold.ALWAYS, "", "test:1"),
      new ConceptPhrase("thì đừng trả lời", Set.of(Concept.REFUSAL_ADVICE), Fold.ALWAYS, "", "test:2"),
      new ConceptPhrase("tặng robux", Set.of(Concept.GIFT), Fold.ALWAYS, "", "test:3"),
      new ConceptPhrase("app khác", Set.of(Concept.PRIVATE_CHANNEL), Fold.ALWAYS, "", "test:4")),
      List.of(), List.of(), List.of()), Map.of());

  private static MatchState framed(String text) {
    MatchState state = new MatchState();
    LEXICON.normalize(text, state);
    LEXICON.match(text, state);
    state.voidFramed(OPEN, CLOSE, 40);
    return state;
  }

  private static int acts(MatchState state) {
    int n = 0;
    for (int k = 0; k < state.conceptCount(); k++) {
      n += state.hasConcept(k, ACTS) ? 1 : 0;
    }
    return n;
  }

  @Test
  void theActsInsideTheFrameAreVoid() {
    MatchState state = framed("nếu ai tặng robux rồi rủ qua app khác thì đừng trả lời nhé");
    assertThat(acts(state)).isZero();
    // the frame's own hits keep their concepts
    boolean open = false;
    boolean close = false;
    for (int k = 0; k < state.conceptCount(); k++) {
      open |= state.hasConcept(k, OPEN);
      close |= state.hasConcept(k, CLOSE);
    }
    assertThat(open).isTrue();
    assertThat(close).isTrue();
  }

  @Test
  void theActsAfterTheAnswerStay() {
    assertThat(acts(framed("nếu ai hỏi thì đừng trả lời, anh tặng robux, qua app khác nói chuyện"))).isEqualTo(2);
  }

  @Test
  void anOpeningWithoutItsAnswerVoidsNothing() {
    assertThat(acts(framed("nếu ai tặng robux thì qua app khác với anh"))).isEqualTo(2);
  }

  @Test
  void theFrameEndsWithItsSentence() {
    // the answer is in the next sentence: the acts of the first are not inside one rule
    assertThat(acts(framed("nếu ai tặng robux. Qua app khác thì đừng trả lời"))).isEqualTo(2);
  }
}
