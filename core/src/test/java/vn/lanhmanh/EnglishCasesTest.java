package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * English abuse, innocent English look-alikes ({@code class}, {@code assess}, {@code Sussex}), texts in
 * other scripts and Vietnamese without diacritics ({@code corpus/en-cases.tsv}): the action, the category,
 * and whether the verdict says the language is not covered.
 */
class EnglishCasesTest {

  private static final ContentFilter filter = DefaultFilter.shared();

  @TestFactory
  Stream<DynamicTest> everyLine() throws IOException {
    List<String[]> cases = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        EnglishCasesTest.class.getResourceAsStream("/corpus/en-cases.tsv"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] c = line.split("\t", -1);
          assertThat(c).as(line).hasSize(4);
          cases.add(c);
        }
      }
    }
    assertThat(cases).hasSizeGreaterThan(30);
    return cases.stream().map(c -> DynamicTest.dynamicTest(String.join(" | ", c), () -> {
      Verdict v = filter.checkText(c[3], Policy.forAge(10));
      assertThat(v.action()).as(v.toString()).isEqualTo(Action.valueOf(c[0]));
      if (c[1].equals("-")) {
        assertThat(v.findings()).as(v.toString()).isEmpty();
      } else {
        assertThat(v.categories()).as(v.toString()).contains(Category.fromJsonName(c[1]));
      }
      List<String> language = v.notes().stream().filter(n -> n.startsWith("language not covered")).toList();
      switch (c[2]) {
        case "en" -> assertThat(language).as(v.toString()).singleElement().asString().contains("English");
        case "other" -> assertThat(language).as(v.toString()).singleElement().asString().contains("mostly");
        default -> assertThat(language).as(v.toString()).isEmpty();
      }
    }));
  }

  @Test
  void findingsAreCappedWithACountOfTheRest() {
    String text = "đm ".repeat(Verdict.MAX_FINDINGS + 37) + "cởi đồ ra cho anh xem";
    Verdict v = filter.checkText(text, Policy.forAge(10));
    assertThat(v.findings()).hasSize(Verdict.MAX_FINDINGS);
    assertThat(v.notes()).anyMatch(n -> n.startsWith("findings capped: "));
    int more = Integer.parseInt(v.notes().stream().filter(n -> n.startsWith("findings capped: ")).findFirst()
        .orElseThrow().replaceAll("\\D+", ""));
    assertThat(more).isGreaterThanOrEqualTo(37);
    // the C-tier finding at the end is kept in the list, and every finding is still masked
    assertThat(v.rating()).isEqualTo(Rating.C);
    assertThat(v.findings()).anyMatch(f -> f.rating() == Rating.C);
    assertThat(v.redacted()).doesNotContain("đm");
  }
}
