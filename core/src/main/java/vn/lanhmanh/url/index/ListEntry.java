package vn.lanhmanh.url.index;

import java.util.Locale;
import java.util.Objects;
import vn.lanhmanh.Category;

/**
 * One entry of a URL list: a key, the category the list gives it, and the list it came from.
 *
 * <p>The key is either a host ({@code example.com}), which matches itself and every subdomain, or a
 * host followed by a path ({@code example.com/adult/}), which matches as a Safe Browsing expression: the
 * exact path, or any path under it when it ends in {@code /}. Keys are canonical (see {@link ListKeys}):
 * lower case, punycode, percent-escaped, so they never hold white space.
 *
 * <pre>{@code
 * new ListEntry("example.com/adult/", "sexual", "ut1/adult");
 * new ListEntry("olm.vn", ListEntry.ALLOW, "lanhmanh/learning");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param key canonical host, or host and path
 * @param category a {@link Category#jsonName()} such as {@code gambling}, or {@link #ALLOW}
 * @param source the list's name, e.g. {@code ut1/adult} or {@code sinfonietta/gambling-hosts}
 */
public record ListEntry(String key, String category, String source) {

  /** The category of allow-list entries. */
  public static final String ALLOW = "allow";

  /** Longest key accepted, in chars; keeps every index term far below Lucene's 32 KB limit. */
  public static final int MAX_KEY_LENGTH = 2048;

  /** Checks the parts; the category is normalised to its lower-case name. */
  public ListEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(source, "source");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || hasSpaceOrControl(key) || key.startsWith("/")) {
      throw new IllegalArgumentException("bad list key '" + clip(key) + "'");
    }
    if (source.isEmpty() || source.length() > 200 || hasSpaceOrControl(source)) {
      throw new IllegalArgumentException("bad list source '" + clip(source) + "'");
    }
    category = canonicalCategory(category);
  }

  /** Whether this entry comes from an allow-list. */
  public boolean isAllow() {
    return ALLOW.equals(category);
  }

  /** Whether the key is a bare host (matching subdomains too) rather than a host and path. */
  public boolean isHost() {
    return key.indexOf('/') < 0;
  }

  /** The category as an enum constant; {@code null} for an allow entry. */
  public Category categoryOrNull() {
    return isAllow() ? null : Category.fromJsonName(category);
  }

  /**
   * {@code allow} or the JSON name of a {@link Category}, as the shared string constant.
   *
   * @throws IllegalArgumentException naming the value when it is neither
   */
  public static String canonicalCategory(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    if (ALLOW.equals(lower)) {
      return ALLOW;
    }
    return Category.fromJsonName(lower).jsonName();
  }

  private static boolean hasSpaceOrControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) <= ' ' || s.charAt(i) == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
