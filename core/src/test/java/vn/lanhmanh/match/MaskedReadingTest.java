package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lanhmanh.DefaultFilter;
import vn.lanhmanh.TestTables;
import vn.lanhmanh.text.Positions;

/**
 * Masked words read by the phrases they complete ({@link MaskedReading}), on the default lexicon: the
 * readings of {@code masked/readings.tsv}, the fit of a masked word to a syllable, and the spans.
 */
class MaskedReadingTest {

  private static final CompiledLexicon lexicon = DefaultFilter.lexicon();

  /** The syllables of {@code text} after normalising and matching, exact view, separated by spaces. */
  static String read(String text) {
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    Positions p = state.positions();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.size(); i++) {
      sb.append(i == 0 ? "" : " ").append(p.exactString(i, lexicon.vocabulary()));
    }
    return sb.toString();
  }

  static Stream<Arguments> readings() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String[] c : TestTables.rows("/masked/readings.tsv")) {
      assertThat(c).as(String.join("\t", c)).hasSize(2);
      out.add(Arguments.of(c[0], c[1]));
    }
    assertThat(out).hasSizeGreaterThan(25);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void readsTheTable(String text, String syllables) {
    assertThat(read(text)).isEqualTo(syllables);
    assertThat(read(Normalizer.normalize(text, Normalizer.Form.NFD))).as("NFD").isEqualTo(syllables);
  }

  /** The written word and a syllable it may be, or not. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "k*o   | kẹo   | true",
      "k*o   | keo   | true",
      "k*o   | ko    | false",    // a mask hides a letter
      "k*o   | khoeo | false",    // and one per mask at most
      "l**n  | lồn   | true",
      "l**n  | loan  | true",
      "l**n  | lon   | true",
      "g*ết  | giết  | true",
      "g*ết  | giét  | false",    // the marks written are the syllable's
      "l*ợng | lượng | true",
      "l*ợng | lương | false",
      "d*ng  | dụng  | true",
      "d*ng  | đứng  | true",     // d may be a đ without its stroke
      "đ*ng  | dụng  | false",    // đ is never a d
      "c*    | cỏ    | true",
      "c*    | cảnh  | false",
      "Nh*   | nhà   | true",
      "n*d   | nude  | true",     // an English word without its silent final e
      "kh*   | khoe  | false",    // a Vietnamese word keeps its final e
  })
  void fits(String word, String syllable, boolean fits) {
    MatchState state = new MatchState();
    lexicon.normalize(word + " nhé", state);
    Positions p = state.positions();
    assertThat(p.maskedWords()).as(word).isEqualTo(1);
    assertThat(p.maskFits(0, syllable, true, Positions.silentFinalE(syllable))).as(word + " ~ " + syllable)
        .isEqualTo(fits);
  }

  @Test
  void aMaskedWordReadSpansItsMasks() {
    String text = "Cung cấp k*o, c*, đ*, giao nhanh";
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    Positions p = state.positions();
    assertThat(text.substring(p.start(2), p.end(2))).isEqualTo("k*o");
    assertThat(text.substring(p.start(3), p.end(3))).isEqualTo("c*");
    assertThat(p.source(3)).isEqualTo(Positions.MASKED);
    // đ* is weak: no phrase read it with a strong masked word, so it keeps its letter, without the mask
    assertThat(text.substring(p.start(4), p.end(4))).isEqualTo("đ");
    assertThat(p.source(4)).isEqualTo(Positions.OWN);
  }

  @Test
  void readingAgainGivesTheSameReading() {
    String text = "nh* c*i uy tín, c* c*ợc bóng đá";
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    String once = read(text);
    lexicon.match(text, state);
    StringBuilder sb = new StringBuilder();
    Positions p = state.positions();
    for (int i = 0; i < p.size(); i++) {
      sb.append(i == 0 ? "" : " ").append(p.exactString(i, lexicon.vocabulary()));
    }
    assertThat(sb.toString()).isEqualTo(once).isEqualTo("nhà cái uy tín cá cược bóng đá");
  }

  @Test
  void weakMaskedWordsAloneAreNotRead() {
    // Two words of one letter and their masks fit too many syllables: no strong masked word, no reading.
    assertThat(read("t* t* rồi")).doesNotContain("tự").doesNotContain("tử");
    assertThat(read("thằng ch* đ*, cút")).doesNotContain("chó");
  }

  @Test
  void manyMaskedWordsCostABoundedWalk() {
    // A text of a thousand masked words of one letter beside strong ones is read in one pass: a budget per
    // masked word bounds the walks, so this finishes well within the time a JUnit run allows.
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      sb.append(i % 2 == 0 ? "c* " : "c*c ");
    }
    String text = sb.toString();
    long t0 = System.nanoTime();
    read(text);
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms").isLessThan(5_000);
  }
}
