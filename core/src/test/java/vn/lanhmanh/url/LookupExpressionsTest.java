package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's suffix/prefix examples, and the offset-based variant agreeing with the lists. */
class LookupExpressionsTest {

  private static CanonicalUrl url(String s) {
    CanonicalizationResult result = UrlCanonicalizer.canonicalize(s);
    assertThat(result.isOk()).as(result.toString()).isTrue();
    return result.url();
  }

  @Test
  void specExampleWithQueryGivesEightExpressionsInSpecOrder() {
    assertThat(url("http://a.b.c/1/2.html?param=1").lookupExpressions()).containsExactly(
        "a.b.c/1/2.html?param=1", "a.b.c/1/2.html", "a.b.c/", "a.b.c/1/",
        "b.c/1/2.html?param=1", "b.c/1/2.html", "b.c/", "b.c/1/");
  }

  @Test
  void specExampleWithManyHostComponentsSkipsAllButTheLastFive() {
    assertThat(url("http://a.b.c.d.e.f.g/1.html").lookupExpressions()).containsExactly(
        "a.b.c.d.e.f.g/1.html", "a.b.c.d.e.f.g/",
        "c.d.e.f.g/1.html", "c.d.e.f.g/",
        "d.e.f.g/1.html", "d.e.f.g/",
        "e.f.g/1.html", "e.f.g/",
        "f.g/1.html", "f.g/");
  }

  @Test
  void specExampleIpAddressHasNoHostSuffixes() {
    assertThat(url("http://1.2.3.4/1/").lookupExpressions()).containsExactly("1.2.3.4/1/", "1.2.3.4/");
    assertThat(url("http://3279880203/x").hostSuffixes()).containsExactly("195.127.0.11");
    assertThat(url("http://[2001:470:1:18::114]/a/b").lookupExpressions())
        .containsExactly("[2001:470:1:18::114]/a/b", "[2001:470:1:18::114]/", "[2001:470:1:18::114]/a/");
  }

  @Test
  void specExampleTrailingSlashPathIsNotRepeated() {
    assertThat(url("http://a.b/saw-cgi/eBayISAPI.dll/").lookupExpressions())
        .containsExactly("a.b/saw-cgi/eBayISAPI.dll/", "a.b/", "a.b/saw-cgi/");
  }

  @Test
  void pathPrefixesStopAtFourFromTheRoot() {
    assertThat(url("http://a.b.c/1/2/3/4/5/").pathPrefixes())
        .containsExactly("/1/2/3/4/5/", "/", "/1/", "/1/2/", "/1/2/3/");
    assertThat(url("http://a.b/?").pathPrefixes()).containsExactly("/");
    assertThat(url("http://b/").lookupExpressions()).containsExactly("b/");
  }

  @Test
  void hostSuffixesFollowTheSpec() {
    assertThat(url("http://a.b.c.d.e.f.g.h.i/").hostSuffixes())
        .containsExactly("a.b.c.d.e.f.g.h.i", "e.f.g.h.i", "f.g.h.i", "g.h.i", "h.i");
    assertThat(url("http://a.b.c.d.e.f/").hostSuffixes())
        .containsExactly("a.b.c.d.e.f", "b.c.d.e.f", "c.d.e.f", "d.e.f", "e.f");
    assertThat(url("http://www.google.com/").hostSuffixes()).containsExactly("www.google.com", "google.com");
    assertThat(url("http://vnexpress.net/").hostSuffixes()).containsExactly("vnexpress.net");
    assertThat(url("http://localhost/").hostSuffixes()).containsExactly("localhost");
  }

  @Test
  void vietnameseHostsAreLookedUpInPunycodeUnderTheirRegistrableSuffixes() {
    assertThat(url("https://tin.bóngđá.com.vn/trận-đấu?id=1").lookupExpressions()).containsExactly(
        "tin.xn--bng-gla1gwi.com.vn/tr%E1%BA%ADn-%C4%91%E1%BA%A5u?id=1",
        "tin.xn--bng-gla1gwi.com.vn/tr%E1%BA%ADn-%C4%91%E1%BA%A5u",
        "tin.xn--bng-gla1gwi.com.vn/",
        "xn--bng-gla1gwi.com.vn/tr%E1%BA%ADn-%C4%91%E1%BA%A5u?id=1",
        "xn--bng-gla1gwi.com.vn/tr%E1%BA%ADn-%C4%91%E1%BA%A5u",
        "xn--bng-gla1gwi.com.vn/",
        "com.vn/tr%E1%BA%ADn-%C4%91%E1%BA%A5u?id=1",
        "com.vn/tr%E1%BA%ADn-%C4%91%E1%BA%A5u",
        "com.vn/");
  }

  @Test
  void neverMoreThanThirtyExpressions() {
    List<String> all = url("http://a.b.c.d.e.f.g.h/1/2/3/4/5/6.html?q=1").lookupExpressions();
    assertThat(all).hasSize(LookupExpressions.MAX_EXPRESSIONS).doesNotHaveDuplicates();
  }

  @Test
  void offsetsAgreeWithTheStringLists() {
    for (String s : List.of("http://a.b.c.d.e.f.g/1.html", "http://a.b.c/1/2.html?param=1", "http://1.2.3.4/1/",
        "http://a.b/saw-cgi/eBayISAPI.dll/", "http://b/", "http://x.y.z/a/b/c/d/e/f/")) {
      CanonicalUrl u = url(s);
      int[] starts = new int[LookupExpressions.MAX_HOSTS];
      int hosts = LookupExpressions.hostSuffixStarts(u.host(), u.hostIsIpAddress(), starts);
      assertThat(u.hostSuffixes()).hasSize(hosts);
      for (int k = 0; k < hosts; k++) {
        assertThat(u.host().substring(starts[k])).isEqualTo(u.hostSuffixes().get(k));
      }
      int[] ends = new int[LookupExpressions.MAX_PATH_PREFIXES];
      int prefixes = LookupExpressions.pathPrefixEnds(u.path(), ends);
      for (int k = 0; k < prefixes; k++) {
        assertThat(u.pathPrefixes()).contains(u.path().substring(0, ends[k]));
      }
    }
  }
}
