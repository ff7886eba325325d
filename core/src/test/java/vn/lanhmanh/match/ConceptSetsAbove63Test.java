package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptPhrase;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;

/**
 * A concept phrase's concepts 64 to 255 go from the compiled lexicon to a hit of the match and through the
 * precompiled form, and files of another format version are refused. The concepts beyond the enum
 * {@link Concept} are set on a compiled lexicon's table here.
 */
class ConceptSetsAbove63Test {

  /** ANIMAL (63) and the bits 64 and 127 of the second word. */
  private static final ConceptSet MIDDLE = ConceptSet.of(Concept.ANIMAL).with(64).with(127);
  /** MIDDLE and the bits 128, 150 and 191 of the third word, beyond the enum. */
  private static final ConceptSet WIDE = MIDDLE.or(ConceptSet.ofBits(128, 150, 191));
  /** WIDE and the bits 192, 230 and 255 of the fourth word. */
  private static final ConceptSet WIDEST = WIDE.or(ConceptSet.ofBits(192, 230, 255));

  private static CompiledLexicon narrow;
  private static CompiledLexicon middle;
  private static CompiledLexicon wide;
  private static CompiledLexicon widest;

  @BeforeAll
  static void compile() {
    ConceptLexicon concepts = new ConceptLexicon(List.of(
        new ConceptPhrase("con mèo", Set.of(Concept.ANIMAL), Fold.ALWAYS, "", "test:1"),
        new ConceptPhrase("công an", Set.of(Concept.NEWS_POLICE), Fold.ALWAYS, "", "test:2")),
        List.of(), List.of(), List.of());
    narrow = CompiledLexicon.compile(List.of(), concepts, Map.of());
    assertThat(narrow.conceptSets[0]).isEqualTo(ConceptSet.of(Concept.ANIMAL));
    middle = withFirstSet(MIDDLE);
    wide = withFirstSet(WIDE);
    widest = withFirstSet(WIDEST);
  }

  /** {@link #narrow} with the concepts of its first concept phrase ({@code con mèo}) set to {@code set}. */
  private static CompiledLexicon withFirstSet(ConceptSet set) {
    ConceptSet[] sets = narrow.conceptSets.clone();
    sets[0] = set;
    return new CompiledLexicon(narrow.vocab, narrow.exact, narrow.fold, narrow.entries, narrow.ruleIds,
        narrow.syllableStart, narrow.syllableIds, narrow.foldAlways(), sets, narrow.counts);
  }

  private static MatchState match(CompiledLexicon lexicon, String text) {
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    return state;
  }

  @Test
  void aHitCarriesItsConceptsAbove63() {
    MatchState state = match(widest, "hôm qua con mèo chạy mất, công an tìm giúp");
    assertThat(state.conceptCount()).isEqualTo(2);
    assertThat(state.conceptSet(0)).isEqualTo(WIDEST);
    assertThat(state.conceptWord(0, 0)).isEqualTo(1L << 63);
    assertThat(state.conceptWord(0, 1)).isEqualTo(1L | 1L << 63);
    assertThat(state.conceptWord(0, 2)).isEqualTo(1L | 1L << 22 | 1L << 63);
    assertThat(state.conceptWord(0, 3)).isEqualTo(1L | 1L << 38 | 1L << 63);
    for (int w = 0; w < ConceptSet.WORDS; w++) {
      assertThat(state.conceptWord(0, w)).isEqualTo(WIDEST.word(w));
      assertThat(state.conceptWord(1, w)).isEqualTo(ConceptSet.of(Concept.NEWS_POLICE).word(w));
    }
    for (int b : new int[] {63, 64, 127, 128, 150, 191, 192, 230, 255}) {
      assertThat(state.hasConcept(0, b)).as("bit %d", b).isTrue();
    }
    assertThat(state.hasConcept(0, 0)).isFalse();
    assertThat(state.hasConcept(0, 126)).isFalse();
    assertThat(state.hasConcept(0, 149)).isFalse();
    assertThat(state.hasConcept(0, 229)).isFalse();
    assertThat(state.hasConcept(0, ConceptSet.ofBit(127))).isTrue();
    assertThat(state.hasConcept(0, ConceptSet.ofBit(150))).isTrue();
    assertThat(state.hasConcept(0, ConceptSet.ofBit(100).with(0).with(149))).isFalse();
    assertThat(state.conceptSet(1)).isEqualTo(ConceptSet.of(Concept.NEWS_POLICE));
  }

  private static byte[] write(CompiledLexicon c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCodec.write(new LexiconCodec.Bundle("test", 7, List.of(), Map.of("lexicon", c)), out);
    return out.toByteArray();
  }

  private static CompiledLexicon read(byte[] bytes) {
    return LexiconCodec.read(new ByteArrayInputStream(bytes)).lexicon("lexicon");
  }

  /** The bytes with the header's format version (after the 8-byte magic) set to {@code version}. */
  private static byte[] withVersion(byte[] bytes, int version) {
    byte[] b = bytes.clone();
    ByteBuffer.wrap(b).putInt(8, version);
    return b;
  }

  @Test
  void concepts64To255SurviveThePrecompiledForm() throws IOException {
    for (CompiledLexicon c : List.of(middle, wide, widest)) {
      CompiledLexicon back = read(write(c));
      assertThat(back.conceptSets).containsExactly(c.conceptSets);
      assertThat(match(back, "con mèo").conceptSet(0)).isEqualTo(c.conceptSets[0]);
    }
    assertThat(match(read(write(wide)), "con mèo").hasConcept(0, 150)).isTrue();
    assertThat(match(read(write(widest)), "con mèo").hasConcept(0, 230)).isTrue();
  }

  /**
   * Version 7 writes the automata without their failure links and each concept set once: a file of an older
   * layout (versions 2 to 6, tied to an older build by its engine stamp anyway) or a newer one is refused with
   * the advice to compile it again.
   */
  @Test
  void otherFormatVersionsAreRefused() throws IOException {
    byte[] v7 = write(narrow);
    assertThat(ByteBuffer.wrap(v7).getInt(8)).isEqualTo(LexiconCodec.FORMAT_VERSION).isEqualTo(7);
    assertThat(LexiconCodec.OLDEST_FORMAT_VERSION).isEqualTo(7);
    assertThat(read(v7).conceptSets).containsExactly(narrow.conceptSets);
    for (int version : new int[] {1, 2, 6, 8}) {
      assertThatThrownBy(() -> read(withVersion(v7, version))).isInstanceOf(LexiconCodec.FormatException.class)
          .hasMessageContaining("format version " + version + ", this library reads version 7")
          .hasMessageContaining("compile it again");
    }
  }

  /** Phrases with the same concepts share one set, written once, and each keeps whether it is folded always. */
  @Test
  void aSetSharedByPhrasesIsWrittenOnceAndReadAsOne() throws IOException {
    ConceptLexicon concepts = new ConceptLexicon(List.of(
        new ConceptPhrase("con mèo", Set.of(Concept.ANIMAL), Fold.ALWAYS, "", "test:1"),
        new ConceptPhrase("công an", Set.of(Concept.NEWS_POLICE), Fold.ALWAYS, "", "test:2"),
        new ConceptPhrase("con chó", Set.of(Concept.ANIMAL), Fold.NEVER, "", "test:3")),
        List.of(), List.of(), List.of());
    CompiledLexicon c = CompiledLexicon.compile(List.of(), concepts, Map.of());
    CompiledLexicon back = read(write(c));
    assertThat(back.conceptSets).containsExactly(c.conceptSets);
    assertThat(back.conceptSets[0]).isSameAs(back.conceptSets[2]);
    assertThat(back.foldAlways()).containsExactly(true, true, false);
    assertThat(back.foldAlways()).isEqualTo(c.foldAlways());
  }
}
