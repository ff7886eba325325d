package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Invariants of whole checks: no input throws, offsets cover the match, evasions of a known phrase are found. */
class FilterPropertiesTest {

  private static ContentFilter filter;

  @BeforeContainer
  static void open() throws URISyntaxException {
    filter = ContentFilter.builder().withoutDefaultLexicon().addLexicon(EngineTest.testLexicon()).build();
  }

  @AfterContainer
  static void close() {
    filter.close();
  }

  @Property(tries = 2000)
  void noInputThrowsAndOffsetsCoverTheMatch(@ForAll String text, @ForAll("ages") int age) {
    Verdict v = filter.checkText(text, Policy.forAge(age));
    assertThat(v.redacted()).hasSameSizeAs(text);
    for (Finding f : v.findings()) {
      assertThat(f.start()).isBetween(0, text.length());
      assertThat(f.end()).isBetween(f.start() + 1, text.length());
      assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
    }
  }

  @Provide
  Arbitrary<Integer> ages() {
    return Arbitraries.integers().between(0, 99);
  }

  @Provide
  Arbitrary<String> evasions() {
    // "địt mẹ" disguised: zero-width characters, look-alikes, split letters, case, decomposition.
    Arbitrary<String> d = Arbitraries.of("đ", "Đ", "d", "D", "đ\u200b", "ð");
    Arbitrary<String> i = Arbitraries.of("ị", "Ị", "i", "I", "1", "!", "i\u0323", "ị\u200c", "і");
    Arbitrary<String> t = Arbitraries.of("t", "T", "т");
    Arbitrary<String> m = Arbitraries.of("m", "M", "м", "ｍ");
    Arbitrary<String> e = Arbitraries.of("ẹ", "Ẹ", "e", "E", "3", "е", "e\u0323", "ẹ\u2060");
    Arbitrary<String> sep = Arbitraries.of("", "", ".", "-", "*", "_");
    return net.jqwik.api.Combinators.combine(d, i, t, m, e, sep)
        .as((a, b, c, x, y, s) -> a + s + b + s + c + " " + x + s + y);
  }

  @Property(tries = 1000)
  void evasionVariantsOfAKnownPhraseAreFound(@ForAll("evasions") String text) {
    Verdict v = filter.checkText("mày " + text + " luôn", Policy.forAge(10));
    assertThat(v.findings()).as(text).anyMatch(f -> f.category() == Category.PROFANITY);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
  }
}
