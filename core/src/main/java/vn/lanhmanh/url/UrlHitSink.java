package vn.lanhmanh.url;

import java.util.List;
import vn.lanhmanh.Category;

/**
 * Where the URL rules and lists put what they find: each hit as the parts of a {@link UrlHit} (whose tier
 * and severity follow from its category, {@link UrlHit#of}), so that a check can make its findings from
 * them without a {@code UrlHit} in between. <b>Internal, not API.</b>
 */
@FunctionalInterface
public interface UrlHitSink {

  /**
   * One hit: {@code UrlHit.of(category, rule, key)}.
   *
   * @param rule the rule id, e.g. {@code url/list/default:pornhub.com}
   * @param key what matched, in lower case, used to locate the finding in the caller's string
   */
  void add(Category category, String rule, String key);

  /** {@link #add(Category, String, String)} of a hit made elsewhere. */
  default void add(UrlHit hit) {
    add(hit.category(), hit.rule(), hit.key());
  }

  /** A sink that adds each hit to {@code out} as a {@link UrlHit}. */
  static UrlHitSink into(List<UrlHit> out) {
    return (category, rule, key) -> out.add(UrlHit.of(category, rule, key));
  }
}
