package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import vn.lanhmanh.url.CanonicalizationResult.Problem;

/** Invariants: canonical URLs are fixed points, and no input throws. */
class UrlCanonicalizerPropertiesTest {

  @Property(tries = 3000)
  void canonicalisingACanonicalUrlChangesNothing(@ForAll("urlLike") String input) {
    CanonicalizationResult first = UrlCanonicalizer.canonicalize(input);
    Statistics.collect(first.isOk() ? "ok" : first.problem());
    if (first.isOk()) {
      String canonical = first.url().toString();
      CanonicalizationResult second = UrlCanonicalizer.canonicalize(canonical);
      assertThat(second.isOk()).as("%s -> %s -> %s", input, canonical, second).isTrue();
      assertThat(second.url()).as("%s -> %s", input, canonical).isEqualTo(first.url());
      assertThat(second.url().lookupExpressions()).hasSizeLessThanOrEqualTo(LookupExpressions.MAX_EXPRESSIONS);
    }
  }

  @Property(tries = 3000)
  void urlLikeInputsNeverThrowNorFailInternally(@ForAll("urlLike") String input) {
    assertThat(UrlCanonicalizer.canonicalize(input).problem()).isNotEqualTo(Problem.INTERNAL_ERROR);
  }

  @Property(tries = 500)
  void anyStringNeverThrowsNorFailsInternally(@ForAll("anything") String input) {
    CanonicalizationResult result = UrlCanonicalizer.canonicalize(input);
    assertThat(result).isNotNull();
    assertThat(result.problem()).as(result.toString()).isNotEqualTo(Problem.INTERNAL_ERROR);
    if (input.length() > UrlCanonicalizer.MAX_INPUT_LENGTH) {
      assertThat(result.problem()).isEqualTo(Problem.TOO_LONG);
    }
  }

  /** Arbitrary UTF-16, lone surrogates and control characters included, up to 200 000 chars. */
  @Provide
  Arbitrary<String> anything() {
    Arbitrary<String> small = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> huge = Arbitraries.strings().all().ofMinLength(90_000).ofMaxLength(200_000);
    Arbitrary<String> surrogatesAndControls = Arbitraries.strings()
        .withCharRange('\uD800', '\uDFFF').withCharRange('\u0000', '\u0020').withChars("%:/.[]@#?\\")
        .ofMaxLength(200);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, small), net.jqwik.api.Tuple.of(3, surrogatesAndControls),
        net.jqwik.api.Tuple.of(1, huge));
  }

  /** Strings put together from URL parts, so that most of them parse. */
  @Provide
  Arbitrary<String> urlLike() {
    Arbitrary<String> scheme = Arbitraries.of("", "http://", "https://", "HTTP://", "ftp://", "http:", "http:\\\\",
        "//", "xyz://", "javascript:", "hTtPs:///", "ws://");
    Arbitrary<String> userinfo = Arbitraries.of("", "", "user:pass@", "@", "a%40b@");
    Arbitrary<String> label = Arbitraries.of("www", "google", "com", "vn", "bóngđá", "BÓNG", "xn--dn-pia", "a",
        "0x7f", "127", "0", "01", "255", "256", "%2e", "%31", "%25", "%", "%zz", "%C3%BC", "%80", ".", "",
        "Ｇｏ", "３", "\u3002", "a b", "%2F", "%3A", "%40", "#", "\u0001", "\uD800", "ü", "\u0301");
    Arbitrary<String> host = Combinators.combine(label.list().ofMinSize(1).ofMaxSize(7), Arbitraries.of(".", ".", ".."))
        .as((labels, dot) -> String.join(dot, labels));
    Arbitrary<String> hostOrIp = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, host),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("[::1]", "[2001:0DB8::0001]", "[::ffff:1.2.3.4]", "[::1", "[1:2]")));
    Arbitrary<String> port = Arbitraries.of("", "", ":", ":80", ":443", ":8080", ":0080", ":99999", ":x");
    Arbitrary<String> segment = Arbitraries.of("a", "B", ".", "..", "", "%2e", "%2E%2e", "%2F", "%252F", "%3F",
        "%23", "%25", "%", "%zz", "tức", "%E1%BB%A9", " ", "\t", "\\", "%5C", ";", "?", "\uDC00", "~", "%00");
    Arbitrary<String> path = segment.list().ofMaxSize(8).map(parts -> parts.isEmpty() ? "" : "/" + String.join("/", parts));
    Arbitrary<String> query = Arbitraries.of("", "?", "?q=1", "?a//b", "?x=%3F%23", "?q=tài+xỉu", "??", "?%25%32%35");
    Arbitrary<String> fragment = Arbitraries.of("", "", "#frag", "#a#b");
    Arbitrary<String> spaces = Arbitraries.of("", "", " ", "\n", "\u0000");
    return Combinators.combine(spaces, scheme, userinfo, hostOrIp, port, path, query, fragment)
        .as((sp, sc, ui, h, po, pa, q, f) -> sp + sc + ui + h + po + pa + q + f + sp);
  }
}
