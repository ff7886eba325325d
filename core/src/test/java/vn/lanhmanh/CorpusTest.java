package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the Vietnamese corpus ({@code corpus/vi-cases.tsv} and its blocks in {@code vi-cases-*.tsv}) through
 * the default lexicon three times: as written (NFC), decomposed (NFD), and under a Turkish default locale
 * (dotted and dotless i).
 */
class CorpusTest {

  /** The corpus files, each with the same five columns. */
  static final List<String> FILES = List.of(
      "vi-cases.tsv", "vi-cases-care.tsv", "vi-cases-conduct.tsv", "vi-cases-context.tsv");

  record Case(String file, int line, int age, String expect, String category, String span, String text) {
    @Override
    public String toString() {
      return file + " line " + line + " age " + age + " " + expect + " " + category + " '" + span + "': " + text;
    }
  }

  private static final ContentFilter filter = DefaultFilter.shared();

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String file : FILES) {
      read(file, out);
    }
    return out;
  }

  private static void read(String file, List<Case> out) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        CorpusTest.class.getResourceAsStream("/corpus/" + file), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        assertThat(c).as("corpus line %d has 5 columns", n).hasSize(5);
        out.add(new Case(file, n, Integer.parseInt(c[0].strip()), c[1].strip(), c[2].strip(), c[3], c[4]));
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> nfc() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c, false)));
  }

  @TestFactory
  Stream<DynamicTest> nfd() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest("NFD " + c, () -> check(c, true)));
  }

  @TestFactory
  Stream<DynamicTest> turkishLocale() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest("tr " + c, () -> {
      Locale saved = Locale.getDefault();
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      try {
        check(c, false);
      } finally {
        Locale.setDefault(saved);
      }
    }));
  }

  static void check(Case c, boolean nfd) {
    String text = nfd ? Normalizer.normalize(c.text(), Normalizer.Form.NFD) : c.text();
    Verdict v = filter.checkText(text, Policy.forAge(c.age()));
    for (Finding f : v.findings()) {
      assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
    }
    switch (c.expect()) {
      case "FLAG":
        assertThat(v.action()).as("%s → %s", c, v).isNotEqualTo(Action.ALLOW);
        break;
      default:
        assertThat(v.action()).as("%s → %s", c, v).isEqualTo(Action.valueOf(c.expect()));
    }
    if (c.category().equals("-")) {
      if (c.expect().equals("ALLOW")) {
        assertThat(v.findings()).as("%s → %s", c, v).isEmpty();
      }
      return;
    }
    Category want = Category.fromJsonName(c.category());
    String span = nfd ? Normalizer.normalize(c.span(), Normalizer.Form.NFD) : c.span();
    int s = text.indexOf(span);
    assertThat(s).as("span '%s' occurs in the text", span).isGreaterThanOrEqualTo(0);
    int e = s + span.length();
    assertThat(v.findings())
        .as("%s → %s: a %s finding overlapping [%d,%d)", c, v, want, s, e)
        .anyMatch(f -> f.category() == want && f.start() < e && s < f.end());
    if (want == Category.SELF_HARM) {
      assertThat(v.help()).as("%s → %s: help", c, v).isPresent();
    }
  }
}
