package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The automaton reports exactly the (phrase, end) pairs a naive search finds. Symbols are drawn from a
 * small range that crosses 64 several times, so different symbols share a bit of a state's child mask.
 */
class PhraseAutomatonPropertiesTest {

  @Property(tries = 1000)
  void findsWhatANaiveSearchFinds(@ForAll("phraseLists") List<int[]> phrases, @ForAll("texts") int[] text) {
    assertFindsWhatANaiveSearchFinds(phrases, text);
  }

  /**
   * The same with every symbol but 0 moved up by {@value #WIDE}, so that some are above {@code 0xFFFF}: such an
   * automaton keeps its symbols in four bytes each, where a lexicon's fit in two.
   */
  @Property(tries = 300)
  void findsWhatANaiveSearchFindsWithSymbolsAbove0xFFFF(@ForAll("phraseLists") List<int[]> phrases,
      @ForAll("texts") int[] text) {
    List<int[]> wide = new ArrayList<>();
    for (int[] p : phrases) {
      wide.add(Arrays.stream(p).map(s -> s == 0 ? 0 : s + WIDE).toArray());
    }
    assertFindsWhatANaiveSearchFinds(wide, Arrays.stream(text).map(s -> s <= 0 ? s : s + WIDE).toArray());
  }

  /** 65,472 = 1023 * 64: a moved symbol keeps its bit of the child mask; symbols 64 and up land above 0xFFFF. */
  private static final int WIDE = 65_472;

  private static void assertFindsWhatANaiveSearchFinds(List<int[]> phrases, int[] text) {
    PhraseAutomaton.Builder b = new PhraseAutomaton.Builder();
    for (int i = 0; i < phrases.size(); i++) {
      b.add(phrases.get(i), i);
    }
    PhraseAutomaton a = b.build();
    List<String> found = new ArrayList<>();
    int state = 0;
    for (int pos = 0; pos < text.length; pos++) {
      state = a.step(state, text[pos]);
      for (int e : a.outputs(state)) {
        found.add(e + "@" + pos);
      }
    }
    List<String> expected = new ArrayList<>();
    for (int pos = 0; pos < text.length; pos++) {
      for (int i = 0; i < phrases.size(); i++) {
        int[] p = phrases.get(i);
        int first = pos - p.length + 1;
        if (first >= 0 && Arrays.equals(p, Arrays.copyOfRange(text, first, pos + 1))) {
          expected.add(i + "@" + pos);
        }
      }
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Symbols 0, 64, 128 and 192 (and 1, 65, ...) share a mask bit; with five values per bit a state may
   * have more children than are searched one by one.
   */
  private static Arbitrary<Integer> symbols() {
    return Arbitraries.integers().between(0, 3).flatMap(hi -> Arbitraries.integers().between(0, 4)
        .map(lo -> hi * 64 + lo));
  }

  @Provide
  Arbitrary<List<int[]>> phraseLists() {
    Arbitrary<int[]> phrase = symbols().array(int[].class).ofMinSize(1).ofMaxSize(4);
    // Half the phrases start with symbol 0, so that its state has many children.
    Arbitrary<int[]> afterZero = phrase.map(p -> {
      int[] q = new int[p.length + 1];
      System.arraycopy(p, 0, q, 1, p.length);
      return q;
    });
    return Arbitraries.oneOf(phrase, afterZero).list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<int[]> texts() {
    // -1 is a syllable the vocabulary does not know
    return Arbitraries.oneOf(symbols(), Arbitraries.just(-1)).array(int[].class).ofMaxSize(30);
  }
}
