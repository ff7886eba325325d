package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.url.CanonicalizationResult.Problem;

/** Components of the result, Vietnamese inputs, and inputs that must fail in a defined way. */
class UrlCanonicalizerTest {

  private static CanonicalUrl ok(String s) {
    CanonicalizationResult result = UrlCanonicalizer.canonicalize(s);
    assertThat(result.isOk()).as("%s gave %s", s, result).isTrue();
    return result.url();
  }

  private static CanonicalizationResult failure(String s) {
    CanonicalizationResult result = UrlCanonicalizer.canonicalize(s);
    assertThat(result.isOk()).as("%s gave %s", s, result).isFalse();
    assertThat(result.toOptional()).isEmpty();
    assertThat(result.message()).isNotBlank();
    return result;
  }

  @Test
  void splitsIntoComponents() {
    CanonicalUrl u = ok("HTTPS://user:pass@Tin.BóngĐá.VN:8443/a/./b/../c?x=%31#top");
    assertThat(u.scheme()).isEqualTo("https");
    assertThat(u.host()).isEqualTo("tin.xn--bng-gla1gwi.vn");
    assertThat(u.port()).isEqualTo(8443);
    assertThat(u.path()).isEqualTo("/a/c");
    assertThat(u.query()).isEqualTo("x=1");
    assertThat(u.pathAndQuery()).isEqualTo("/a/c?x=1");
    assertThat(u).hasToString("https://tin.xn--bng-gla1gwi.vn:8443/a/c?x=1");
  }

  @Test
  void defaultPortsAreDroppedAndQueryAbsenceIsNull() {
    CanonicalUrl u = ok("https://vnexpress.net:443/a/../b");
    assertThat(u.port()).isEqualTo(-1);
    assertThat(u.query()).isNull();
    assertThat(u).hasToString("https://vnexpress.net/b");
    assertThat(ok("http://vnexpress.net:80/").port()).isEqualTo(-1);
    assertThat(ok("http://vnexpress.net:443/").port()).isEqualTo(443);
    assertThat(ok("http://vnexpress.net:/").port()).isEqualTo(-1);
    assertThat(ok("http://vnexpress.net/?").query()).isEmpty();
  }

  @Test
  void vietnameseIdnHostsBecomePunycode() {
    assertThat(ok("http://bóngđá.vn/").host()).isEqualTo("xn--bng-gla1gwi.vn");
    assertThat(ok("http://BÓNGĐÁ.vn/").host()).isEqualTo("xn--bng-gla1gwi.vn");
    assertThat(ok("http://bo\u0301ngđa\u0301.vn/").host()).as("NFD input").isEqualTo("xn--bng-gla1gwi.vn");
    assertThat(ok("http://dân.vn/").host()).isEqualTo("xn--dn-pia.vn");
    assertThat(ok("http://việtnam.vn/").host()).isEqualTo("xn--vitnam-jk8b.vn");
  }

  /** Found by fuzzing: the host was escaped as a name, and its canonical form read back as an address. */
  @Test
  void dotsBeforeABracketedHostStillGiveTheIpv6Address() {
    CanonicalUrl u = ok("httv://user:pass@....[f:fff::1.2.3.4]:80/");
    assertThat(u.host()).isEqualTo("[f:fff::102:304]");
    assertThat(ok(u.toString())).isEqualTo(u);
  }

  @Test
  void userinfoIsDroppedUpToTheLastAt() {
    assertThat(ok("http://user:pass@evil.com/").host()).isEqualTo("evil.com");
    assertThat(ok("http://good.com@evil.com/").host()).isEqualTo("evil.com");
    assertThat(ok("http://a@b@evil.com:81/").toString()).isEqualTo("http://evil.com:81/");
  }

  @Test
  void ipv4InEveryEncodingBecomesDottedDecimal() {
    for (String host : new String[] {"127.0.0.1", "2130706433", "0x7f000001", "0X7F.0.0.1", "017700000001",
        "0177.0.0.01", "127.1", "127.0.1", "0x7f.0x0.0x0.0x1", "%31%32%37.0.0.1", "127.0.0.1."}) {
      assertThat(ok("http://" + host + "/").host()).as(host).isEqualTo("127.0.0.1");
    }
    assertThat(ok("http://192.168.1.1/").hostIsIpAddress()).isTrue();
    assertThat(ok("http://256.1.1.1/").hostIsIpAddress()).isFalse();
    assertThat(ok("http://[::1]/").hostIsIpAddress()).isTrue();
  }

  @Test
  void unaffectedByTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertThat(ok("HTTP://WIKI.LINUX.VN/I").toString()).isEqualTo("http://wiki.linux.vn/I");
      assertThat(failure("JAVASCRIPT:alert(1)").problem()).isEqualTo(Problem.UNSUPPORTED_SCHEME);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void hostlessSchemesAreRefused() {
    assertThat(failure("javascript:alert(1)").problem()).isEqualTo(Problem.UNSUPPORTED_SCHEME);
    assertThat(failure("javascript:alert(1)").message()).contains("javascript");
    assertThat(failure(" java\tscript:alert(1)").problem()).isEqualTo(Problem.UNSUPPORTED_SCHEME);
    assertThat(failure("data:text/html,<script>alert(1)</script>").problem()).isEqualTo(Problem.UNSUPPORTED_SCHEME);
    assertThat(failure("data:text/html;base64,PHNjcmlwdD4=").message()).contains("data");
    assertThat(failure("mailto:").problem()).isEqualTo(Problem.UNSUPPORTED_SCHEME);
    assertThat(failure("mailto:me@example.vn").problem()).isEqualTo(Problem.UNSUPPORTED_SCHEME);
  }

  @Test
  void nullEmptyAndHostlessInputsFail() {
    assertThat(failure(null).problem()).isEqualTo(Problem.NULL_INPUT);
    assertThat(failure("").problem()).isEqualTo(Problem.EMPTY);
    assertThat(failure(" \t\r\n ").problem()).isEqualTo(Problem.EMPTY);
    assertThat(failure("http://").problem()).isEqualTo(Problem.MISSING_HOST);
    assertThat(failure("http://user@/").problem()).isEqualTo(Problem.MISSING_HOST);
    assertThat(failure("/relative/path").problem()).isEqualTo(Problem.MISSING_HOST);
  }

  @Test
  void brokenHostsFail() {
    assertThat(failure("http://[::1").problem()).isEqualTo(Problem.INVALID_IPV6);
    assertThat(failure("http://[::1").message()).contains("]");
    assertThat(failure("http://[not:an:address]/").problem()).isEqualTo(Problem.INVALID_IPV6);
    assertThat(failure("http://host:65536/").problem()).isEqualTo(Problem.INVALID_PORT);
    assertThat(failure("http://%C3%28.vn/").problem()).isEqualTo(Problem.BROKEN_ESCAPE);
    assertThat(failure("http://%C3%28.vn/").message()).contains("UTF-8");
    assertThat(failure("http://xn--bó.vn/").problem()).isEqualTo(Problem.INVALID_IDN);
    assertThat(failure("http://\uFFFD.vn/").problem()).isEqualTo(Problem.INVALID_IDN);
  }

  @Test
  void brokenEscapesInPathAndQueryAreKept() {
    assertThat(ok("http://host/%zz?%zz%").toString()).isEqualTo("http://host/%25zz?%25zz%25");
    assertThat(ok("http://host/%%%25%32%35asd%%").path()).isEqualTo("/%25%25%25asd%25%25");
  }

  @Test
  void inputsOverTheLimitFailWithoutBeingRead() {
    String big = "http://example.vn/" + "a".repeat(150_000);
    CanonicalizationResult result = failure(big);
    assertThat(result.problem()).isEqualTo(Problem.TOO_LONG);
    assertThat(result.message()).contains("100000");
    String atLimit = "http://example.vn/" + "a".repeat(UrlCanonicalizer.MAX_INPUT_LENGTH - 18);
    assertThat(ok(atLimit).path()).hasSize(UrlCanonicalizer.MAX_INPUT_LENGTH - 17);
  }

  @Test
  void worstCaseRepeatedUnescapingIsLinear() {
    // "%25" nested 33 000 times: one pass per level would be quadratic.
    String nested = "http://host/%" + "25".repeat(49_000);
    long start = System.nanoTime();
    assertThat(ok(nested).path()).isEqualTo("/%25");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void resultTypeHoldsExactlyOneOfUrlAndProblem() {
    assertThat(UrlCanonicalizer.canonicalize("vnexpress.net").toOptional()).isPresent();
    assertThatThrownBy(() -> new CanonicalizationResult(null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CanonicalUrl("http", "h", -1, "no-slash", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(failure("mailto:").toString()).startsWith("UNSUPPORTED_SCHEME: ");
  }
}
