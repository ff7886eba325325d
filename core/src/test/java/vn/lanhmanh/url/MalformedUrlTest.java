package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lanhmanh.Action;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.DefaultFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/** Every row of {@code url/malformed-urls.tsv} is a BLOCK with an error, for every age; never an ALLOW. */
class MalformedUrlTest {

  record Row(int line, String input, String word) {
    @Override
    public String toString() {
      return "line " + line + ": " + CanonicalizationTableTest.visible(input);
    }
  }

  private static final ContentFilter filter = DefaultFilter.shared();

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (CanonicalizationTableTest.Row raw : CanonicalizationTableTest.table("/url/malformed-urls.tsv")) {
      rows.add(new Row(raw.line(), CanonicalizationTableTest.unescape(raw.input()), raw.expected()));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void isBlockedWithAnErrorNamingTheProblem(Row row) {
    for (Policy p : List.of(Policy.forAge(6), Policy.forAge(18), Policy.forAge(40))) {
      Verdict v = filter.checkUrl(row.input(), p);
      assertThat(v.action()).as(row.toString()).isEqualTo(Action.BLOCK);
      assertThat(v.errors()).as(row.toString()).singleElement().asString()
          .startsWith("malformed URL: ").containsIgnoringCase(row.word());
      assertThat(v.findings()).as(row.toString()).isEmpty();
    }
  }

  @Test
  void tableIsLargeAndWellFormedHostsStillPass() {
    assertThat(rows()).hasSizeGreaterThanOrEqualTo(60);
    for (String ok : List.of("https://vnexpress.net/", "http://_dmarc.example.com/", "http://xn--bng-gla1gwi.vn/",
        "http://192.168.1.1/", "http://[::1]:8080/", "http://3279880203/blah", "https://a-b.c-d.vn./x y",
        "https://www.google.com/search?q=a b")) {
      Verdict v = filter.checkUrl(ok, Policy.forAge(18));
      assertThat(v.errors()).as(ok).isEmpty();
    }
  }
}
