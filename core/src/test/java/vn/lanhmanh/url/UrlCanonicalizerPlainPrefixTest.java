package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lanhmanh.url.CanonicalizationTableTest.Row;

/**
 * {@link UrlCanonicalizer#canonicalize(String, int[])} gives the result of {@link
 * UrlCanonicalizer#canonicalize(String)} and a plain prefix of the URL as given: the table
 * {@code url/plain-prefix/cases.tsv} says how long it is for usual and unusual URLs, and a property checks
 * on URLs built from schemes, user info, hosts with upper case and non-ASCII chars, ports, paths,
 * fragments and chars around the URL that the prefix only ever holds {@code a-z 0-9 - _ . : / \}.
 */
class UrlCanonicalizerPlainPrefixTest {

  private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789-_.:/\\";

  static List<Row> rows() {
    return CanonicalizationTableTest.table("/url/plain-prefix/cases.tsv").stream()
        .map(r -> new Row(r.line(), CanonicalizationTableTest.unescape(r.input()), r.expected()))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void reportsThePlainPrefixTheTableSays(Row row) {
    int[] prefix = {-1};
    CanonicalizationResult r = UrlCanonicalizer.canonicalize(row.input(), prefix);
    assertThat(r).isEqualTo(UrlCanonicalizer.canonicalize(row.input()));
    assertThat(prefix[0]).as(row.toString()).isEqualTo(Integer.parseInt(row.expected()));
  }

  @Property(tries = 5000)
  void thePrefixIsPlainAndTheResultUnchanged(@ForAll("urls") String url) {
    int[] prefix = {-1};
    CanonicalizationResult r = UrlCanonicalizer.canonicalize(url, prefix);
    assertThat(r).as(url).isEqualTo(UrlCanonicalizer.canonicalize(url));
    assertThat(prefix[0]).as(url).isBetween(0, url.length());
    if (!r.isOk()) {
      assertThat(prefix[0]).as(url).isZero();
    }
    for (int i = 0; i < prefix[0]; i++) {
      assertThat(PLAIN.indexOf(url.charAt(i))).as(url + " at " + i).isNotNegative();
    }
  }

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> around = Arbitraries.of("", "", "", " ", "\t");
    Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://", "hTtps://", "https:\\\\", "https:///",
        "ftp://", "ws://", "//", "", "https:");
    Arbitrary<String> user = Arbitraries.of("", "", "", "user@", "u:p@", "A@");
    Arbitrary<String> host = Arbitraries.strings().withChars("abcxyz019-_.AZé\u0130%:@[]").ofMinLength(0).ofMaxLength(14);
    Arbitrary<String> port = Arbitraries.of("", "", "", ":80", ":443", ":8080", ":");
    Arbitrary<String> rest = Arbitraries.of("", "/", "/a/B", "?q=1", "/x#f", "\\p", "/\u1ea1", "#");
    return Combinators.combine(List.of(around, scheme, user, host, port, rest, around))
        .as(parts -> String.join("", parts));
  }
}
