package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link HostSyntax#problem}, a plain loop over the host's chars with the last label checked after it,
 * against the same rules read with a sentinel dot past the end: the same kind of problem (and label length)
 * for any host, long labels, empty labels, all-digit last labels and chars no host name can hold included.
 */
class HostSyntaxPropertiesTest {

  @Property(tries = 3000)
  void sameAnswerAsTheRulesWithASentinel(@ForAll("hosts") String host) {
    CanonicalUrl url = new CanonicalUrl("http", host, -1, "/", null);
    assertThat(kind(HostSyntax.problem(url))).isEqualTo(withSentinel(url));
  }

  /** The kind of a problem message, as {@link #withSentinel} names it. */
  private static String kind(String message) {
    if (message == null) {
      return null;
    }
    int at = message.indexOf("has a label of ");
    if (at >= 0) {
      return "label " + message.substring(at + 15, message.indexOf(' ', at + 15));
    }
    if (message.contains("ends in a number")) {
      return "number";
    }
    return message.contains("which no host name can") ? "char" : message;
  }

  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> label = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcxyz0189-_").ofMinLength(0).ofMaxLength(8),
        Arbitraries.strings().withChars("ab1").ofMinLength(60).ofMaxLength(66),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().withChars("ab%20 <é").ofMinLength(1).ofMaxLength(5));
    return label.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
  }

  /** The rules as they were first written: a sentinel '.' read past the end of the host. */
  private static String withSentinel(CanonicalUrl url) {
    String host = url.host();
    if (url.hostIsIpAddress()) {
      return null;
    }
    if (host.length() > HostSyntax.MAX_NAME) {
      return kind(HostSyntax.problem(url));   // the length message does not depend on the loop
    }
    int labelStart = 0;
    boolean allDigits = true;
    for (int i = 0; i <= host.length(); i++) {
      char c = i < host.length() ? host.charAt(i) : '.';
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > HostSyntax.MAX_LABEL) {
          return "label " + len;
        }
        if (i == host.length() && allDigits) {
          return "number";
        }
        labelStart = i + 1;
        allDigits = true;
        continue;
      }
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return "char";
      }
      allDigits &= c >= '0' && c <= '9';
    }
    return null;
  }
}
