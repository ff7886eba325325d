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

/** URL cases ({@code url/url-cases.tsv}) through the embedded defaults: lists, heuristics, allow-list, search. */
class UrlCasesTest {

  private static final ContentFilter filter = DefaultFilter.shared();

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        UrlCasesTest.class.getResourceAsStream("/url/url-cases.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    return rows.stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c), () -> check(c)));
  }

  private static void check(String[] c) {
    int age = Integer.parseInt(c[0]);
    String url = c[3];
    Verdict v = filter.checkUrl(url, Policy.forAge(age));
    String why = url + " → " + v;
    assertThat(v.action()).as(why).isEqualTo(Action.valueOf(c[1]));
    for (Finding f : v.findings()) {
      assertThat(url.substring(f.start(), f.end())).as(why).isEqualTo(f.match());
    }
    if (c[2].equals("-")) {
      if (v.action() == Action.ALLOW) {
        assertThat(v.findings()).as(why).isEmpty();
      } else {
        assertThat(v.errors()).as(why).isNotEmpty();
      }
    } else {
      Category want = Category.fromJsonName(c[2]);
      assertThat(v.findings()).as(why).anyMatch(f -> f.category() == want);
    }
    assertThat(v.safeUrl().orElse("-")).as(why).isEqualTo(c[4]);
  }

  @Test
  void cachedVerdictsAreTheSameAndCounted() {
    Policy p = Policy.forAge(10);
    Verdict first = filter.checkUrl("https://cache-test.example/phimsex", p);
    long hits = filter.urlCacheStats().hitCount();
    assertThat(filter.checkUrl("https://cache-test.example/phimsex", p)).isSameAs(first);
    assertThat(filter.urlCacheStats().hitCount()).isEqualTo(hits + 1);
    assertThat(filter.checkUrl("https://cache-test.example/phimsex", Policy.forAge(30)).action())
        .isEqualTo(Action.ALLOW);
  }

  @Test
  void hugeAndNullUrlsAreBlockedWithAnError() {
    Verdict huge = filter.checkUrl("http://a.com/" + "a".repeat(150_000), Policy.forAge(30));
    assertThat(huge.action()).isEqualTo(Action.BLOCK);
    assertThat(huge.errors()).singleElement().asString().contains("100000");
    assertThat(filter.checkUrl(null, Policy.forAge(30)).action()).isEqualTo(Action.BLOCK);
  }
}
