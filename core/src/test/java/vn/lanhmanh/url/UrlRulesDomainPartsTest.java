package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The direct public-suffix lookup of {@link UrlRules.DomainParts} agrees with {@code InternetDomainName}. */
class UrlRulesDomainPartsTest {

  @Test
  void knownHostsSplitAsGuavaSplitsThem() {
    List<String> hosts = List.of("www.kubet77.com", "kubet77.com", "com", "co.uk", "a.b.co.uk", "foo.blogspot.com",
        "blogspot.com", "a.b.c.kawasaki.jp", "city.kawasaki.jp", "x.city.kawasaki.jp", "kawasaki.jp",
        "b.kawasaki.jp", "www.ck", "a.www.ck", "x.ck", "a.x.ck", "nothere123.example.org", "bóngđá.vn",
        "xn--bngd-6qa6j.vn", "a_b.example.com", "-a.example.com", "a-.example.com", "a..b.com", "1.2.3.4",
        "example.123", "edu.vn", "hanoi.edu.vn", "thpt.hanoi.edu.vn", "unknowntld", "a.unknowntld",
        "example.com.", "x".repeat(64) + ".com", "gov.vn", "s3.amazonaws.com", "a.s3.amazonaws.com",
        "foo.compute.amazonaws.com", "a.b.eu-west-1.compute.amazonaws.com", "github.io", "me.github.io");
    for (String h : hosts) {
      assertThat(UrlRules.DomainParts.of(h)).as(h).isEqualTo(UrlRules.DomainParts.parsed(h));
    }
    assertThat(UrlRules.DomainParts.of("www.kubet77.com")).isEqualTo(new UrlRules.DomainParts("kubet77", "www.kubet77"));
  }

  @Property(tries = 2000)
  void generatedHostsSplitAsGuavaSplitsThem(@ForAll("hosts") String host) {
    assertThat(UrlRules.DomainParts.of(host)).isEqualTo(UrlRules.DomainParts.parsed(host));
  }

  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> label = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcz09-_").ofMinLength(0).ofMaxLength(6),
        Arbitraries.of("www", "co", "uk", "com", "vn", "edu", "jp", "kawasaki", "city", "ck", "blogspot",
            "amazonaws", "compute", "s3", "github", "io", "gov", "net", "xn--p1ai", "1"));
    return label.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
  }
}
