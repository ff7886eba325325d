package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verdicts on masked and dotted writing for a 10-year-old ({@code masked/verdicts.tsv}): harm that is read
 * through the phrases its masked words complete, and masked or dotted innocent text that stays ALLOW, as
 * written and decomposed (NFD), with every finding's span in the caller's string.
 */
class MaskedTextTest {

  private static final ContentFilter filter = DefaultFilter.shared();

  static Stream<Arguments> lines() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String[] c : TestTables.rows("/masked/verdicts.tsv")) {
      assertThat(c).as(String.join("\t", c)).hasSize(2);
      out.add(Arguments.of(c[0], c[1]));
    }
    assertThat(out).hasSizeGreaterThan(40);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("lines")
  void verdictForAChild(String expect, String text) {
    for (String t : List.of(text, Normalizer.normalize(text, Normalizer.Form.NFD))) {
      Verdict v = filter.checkText(t, Policy.forAge(10));
      if (expect.equals("ALLOW")) {
        assertThat(v.action()).as("%s → %s", t, v).isEqualTo(Action.ALLOW);
      } else {
        assertThat(v.action()).as("%s → %s", t, v).isNotEqualTo(Action.ALLOW);
        assertThat(v.categories()).as("%s → %s", t, v).anyMatch(c -> c.jsonName().equals(expect));
      }
      for (Finding f : v.findings()) {
        assertThat(f.start()).as("%s → %s", t, f).isBetween(0, f.end());
        assertThat(f.end()).as("%s → %s", t, f).isLessThanOrEqualTo(t.length());
        assertThat(f.match()).as("%s → %s", t, f).isEqualTo(t.substring(f.start(), f.end()));
      }
    }
  }
}
