package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The allocation-free pre-check of the impersonation rules ({@link Impersonation#mayHit}) never answers
 * "no scam" for a host the full rules flag, so skipping the full rules on its "no" changes no verdict.
 */
class ImpersonationPreCheckTest {

  private static final UrlRules URL_RULES = UrlRules.loadDefaults();
  private static final Impersonation RULES = URL_RULES.impersonation();

  @Property(tries = 5000)
  void preCheckSaysNoOnlyWhenTheFullRulesDo(@ForAll("hosts") String host) {
    UrlRules.DomainParts parts = UrlRules.DomainParts.of(host);
    if (parts.label() == null || parts.beforeSuffix().isEmpty() || !host.startsWith(parts.beforeSuffix())) {
      return;
    }
    int beforeEnd = parts.beforeSuffix().length();
    int labelFrom = beforeEnd - parts.label().length();
    UrlHit full = RULES.check(host, parts.beforeSuffix(), parts.label());
    int kinds = URL_RULES.hostKinds(host, beforeEnd, UrlChars.get());
    boolean may = RULES.mayHit(host, beforeEnd, labelFrom, kinds, UrlChars.get());
    if (full != null) {
      assertThat(may).as(host + " is flagged (" + full.rule() + ") but the pre-check said no").isTrue();
    }
  }

  /** Hosts made of brand stems, lures, fillers, currencies, leetspeak and random letters. */
  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcdeilmnorstuvwxyz0134579").ofMinLength(1).ofMaxLength(9),
        Arbitraries.of("vietcombank", "vietc0mbank", "vietcornbank", "techcombnak", "vcb", "acb", "bidv", "momo",
            "shopee", "vpbank", "vpbankk", "agribank247", "vietcom", "bank", "vne1d", "vneid", "garena", "freefire",
            "xacminh", "trian", "giftcode", "hotro", "login", "verify", "robux", "kimcuong", "quanhuy", "free",
            "mienphi", "vn", "gov", "online", "khachhang", "dichvucong", "zalo", "facebook", "abbank", "mbbank",
            "247", "2026", "rn", "vv", "l", "1"));
    Arbitrary<String> label = word.list().ofMinSize(1).ofMaxSize(3).map(w -> String.join("-", w));
    Arbitrary<String> tld = Arbitraries.of("com", "vn", "com.vn", "top", "xyz", "net", "gov.vn", "co.uk", "online");
    return label.list().ofMinSize(1).ofMaxSize(3).flatMap(ls -> tld.map(t -> String.join(".", ls) + "." + t));
  }
}
