package vn.lanhmanh.url;

import java.util.Objects;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;

/**
 * One reason a URL is rated: a list entry, a heuristic, a TLD.
 *
 * @param category what the URL is about
 * @param rating its tier
 * @param severity its strength
 * @param rule the rule id, e.g. {@code url/list/default:pornhub.com}, {@code url/keyword:phimsex},
 *     {@code url/brand:kubet}, {@code url/tld:xxx}
 * @param key what matched, in lower case (a host, a keyword, a TLD), used to locate the finding in the
 *     caller's string
 */
public record UrlHit(Category category, Rating rating, Severity severity, String rule, String key) {
  public UrlHit {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(key, "key");
  }

  /** The tier of a URL category: social networks T13 (their own minimum age), adult, dating, drugs and gore T18, gambling and scams C. */
  public static Rating ratingOf(Category c) {
    switch (c) {
      case SOCIAL:
        return Rating.T13;
      case GAMBLING:
      case SCAM:
      case SEXUAL_MINORS:
      case GROOMING:
        return Rating.C;
      default:
        return Rating.T18;
    }
  }

  /** The severity of a hit of category {@code c}: low for a T13 category, else high. */
  public static Severity severityOf(Category c) {
    return ratingOf(c) == Rating.T13 ? Severity.LOW : Severity.HIGH;
  }

  /** A hit whose tier and severity follow from its category. */
  public static UrlHit of(Category c, String rule, String key) {
    return new UrlHit(c, ratingOf(c), severityOf(c), rule, key);
  }
}
