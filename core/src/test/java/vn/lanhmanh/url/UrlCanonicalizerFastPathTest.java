package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The plain-host, plain-path and plain-query shortcuts give what the full steps give: the same URL with
 * one character written as a percent escape (which forces the full steps) canonicalises the same.
 */
class UrlCanonicalizerFastPathTest {

  /** {@code part} with one char, not a {@code /} (which would move where the path starts), escaped. */
  private static String escapeOne(String part, int at) {
    int i = Math.floorMod(at, part.length());
    while (i < part.length() && part.charAt(i) == '/') {
      i++;
    }
    if (i == part.length()) {
      return part;
    }
    return part.substring(0, i) + String.format(Locale.ROOT, "%%%02X", (int) part.charAt(i)) + part.substring(i + 1);
  }

  @Property(tries = 1500)
  void plainPartsCanonicaliseAsTheirEscapedForms(@ForAll("hosts") String host, @ForAll("paths") String path,
      @ForAll("queries") String query, @ForAll @IntRange(min = 0, max = 200) int at) {
    String url = "http://" + host + path + (query.isEmpty() ? "" : "?" + query);
    CanonicalizationResult plain = UrlCanonicalizer.canonicalize(url);
    String hostEscaped = "http://" + escapeOne(host, at) + path + (query.isEmpty() ? "" : "?" + query);
    String pathEscaped = "http://" + host + escapeOne(path, at) + (query.isEmpty() ? "" : "?" + query);
    assertThat(UrlCanonicalizer.canonicalize(hostEscaped).toString()).as(hostEscaped).isEqualTo(plain.toString());
    assertThat(UrlCanonicalizer.canonicalize(pathEscaped).toString()).as(pathEscaped).isEqualTo(plain.toString());
    if (!query.isEmpty()) {
      String queryEscaped = "http://" + host + path + "?" + escapeOne(query, at);
      assertThat(UrlCanonicalizer.canonicalize(queryEscaped).toString()).as(queryEscaped).isEqualTo(plain.toString());
    }
  }

  /**
   * The authority pass that tells a plain host (no {@code @} or {@code :} in the authority) answers as
   * {@code plainHost} over the host alone, which the same URL with user info in front of its host takes.
   */
  @Property(tries = 3000)
  void anAuthorityReadInOnePassCanonicalisesAsTheHostReadAlone(@ForAll("authorities") String authority,
      @ForAll("paths") String path) {
    CanonicalizationResult alone = UrlCanonicalizer.canonicalize("http://" + authority + path);
    CanonicalizationResult afterUserInfo = UrlCanonicalizer.canonicalize("http://user@" + authority + path);
    assertThat(alone.toString()).as(authority).isEqualTo(afterUserInfo.toString());
  }

  /**
   * A URL is read first as it is and read again without tab, CR, LF and fragment only when one of those
   * is met: the answer (URL or problem and message) is the one for the URL with them dropped first.
   */
  @Property(tries = 3000)
  void tabsLineBreaksAndFragmentsAreDroppedAsIfFirst(@ForAll("withCuts") String body) {
    for (String scheme : new String[] {"http://", "HTTPS:", "ftp://", "localhost:", "javascript:", ""}) {
      String url = scheme + body;
      String trimmed = url.strip();   // the outer chars <= 0x20 of these URLs are whitespace
      if (trimmed.isEmpty()) {
        continue;
      }
      StringBuilder dropped = new StringBuilder();
      for (char c : trimmed.toCharArray()) {
        if (c == '#') {
          break;
        }
        if (c != '\t' && c != '\r' && c != '\n') {
          dropped.append(c);
        }
      }
      String expected;
      if (dropped.length() == 0) {
        expected = "MISSING_HOST: only a fragment, no host";
      } else if (!dropped.toString().equals(dropped.toString().strip())) {
        continue;   // read again, its outer spaces would go: no URL without cuts reads the same
      } else {
        expected = UrlCanonicalizer.canonicalize(dropped.toString()).toString();
      }
      assertThat(UrlCanonicalizer.canonicalize(url).toString()).as(url).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<String> withCuts() {
    return Arbitraries.strings().withChars("aZ0.-:@/?%[]#\t\r\n 8").ofMinLength(0).ofMaxLength(16);
  }

  @Provide
  Arbitrary<String> authorities() {
    return Arbitraries.strings().withChars("abZ09-_..%\u00e9 ").ofMinLength(1).ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> label = Arbitraries.strings().withChars("abcXYZ019-_").ofMinLength(1).ofMaxLength(5);
    return label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("/abc.~-_+=:@!$&'()*,;0").ofMinLength(0).ofMaxLength(12).map(p -> "/" + p);
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.strings().withChars("abc=&/?.+:@~0").ofMinLength(0).ofMaxLength(10);
  }
}
