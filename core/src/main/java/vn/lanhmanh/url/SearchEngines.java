package vn.lanhmanh.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Recognises search-engine result URLs (Google, Bing, DuckDuckGo, YouTube, Cốc Cốc), extracts their
 * query so it can be checked as text, and forces safe search where the engine has a URL switch.
 *
 * <p>Stateless; thread-safe. The original URL is parsed with plain index arithmetic, no regex.
 */
public final class SearchEngines {

  private SearchEngines() {}

  private record Engine(String name, String label, String[] paths, String param, String safeKey,
      String safeValue) {}

  private static final Engine[] ENGINES = {
    new Engine("google", "google", new String[] {"/search", "/webhp", "/"}, "q", "safe", "active"),
    new Engine("bing", "bing", new String[] {"/search", "/images/search", "/videos/search"}, "q", "adlt", "strict"),
    new Engine("duckduckgo", "duckduckgo", new String[] {"/", "/html", "/html/", "/lite", "/lite/"}, "q", "kp", "1"),
    new Engine("youtube", "youtube", new String[] {"/results"}, "search_query", null, null),
    new Engine("coccoc", "coccoc", new String[] {"/search"}, "query", null, null),
  };

  /** The search query of {@code url}, or null when it is not a search-engine query URL. */
  public static SearchQuery find(CanonicalUrl url, String original) {
    return find(UrlView.of(url), original);
  }

  /** {@link #find(CanonicalUrl, String)} of a check's URL, its path read where it stands. */
  public static SearchQuery find(UrlView url, String original) {
    if (!anyEnginePath(url) || !mayBeEngine(url.host())) {
      return null;   // most URLs: no domain-name parse
    }
    String label = UrlRules.registrableLabel(url.host());
    if (label == null) {
      return null;
    }
    for (Engine e : ENGINES) {
      if (!e.label().equals(label) || !pathMatches(url, e.paths())) {
        continue;
      }
      int q = original.indexOf('?');
      if (q < 0) {
        return null;
      }
      int hash = original.indexOf('#', q);
      int queryEnd = hash < 0 ? original.length() : hash;
      int[] span = param(original, q + 1, queryEnd, e.param());
      if (span == null) {
        return null;
      }
      String safe = e.safeKey() == null ? null : withParam(original, q + 1, queryEnd, e.safeKey(), e.safeValue());
      return decode(e.name(), original, span[0], span[1], safe);
    }
    return null;
  }

  /** Every engine's result paths, each once. */
  private static final String[] ENGINE_PATHS = enginePaths();

  private static String[] enginePaths() {
    java.util.Set<String> all = new java.util.TreeSet<>();
    for (Engine e : ENGINES) {
      all.addAll(java.util.List.of(e.paths()));
    }
    return all.toArray(new String[0]);
  }

  /** Bit {@code n} is set when some engine's result path has {@code n} chars (under 64). */
  private static final long ENGINE_PATH_LENGTHS = enginePathLengths();

  private static long enginePathLengths() {
    long bits = 0;
    for (String p : ENGINE_PATHS) {
      if (p.length() >= 64) {
        throw new IllegalStateException("a search engine's result path of 64 chars or more: " + p);
      }
      bits |= 1L << p.length();
    }
    return bits;
  }

  /**
   * Whether the URL's path is a result path of some engine (most paths are none): compared where it
   * stands with the result paths of its length, only for a path of a length that some result path has.
   */
  private static boolean anyEnginePath(UrlView url) {
    int n = url.pathLength();
    return n < 64 && (ENGINE_PATH_LENGTHS & (1L << n)) != 0 && pathMatches(url, ENGINE_PATHS);
  }

  private static boolean mayBeEngine(String host) {
    for (Engine e : ENGINES) {
      if (host.contains(e.label())) {
        return true;
      }
    }
    return false;
  }

  private static boolean pathMatches(UrlView url, String[] paths) {
    for (String p : paths) {
      if (url.pathIs(p)) {
        return true;
      }
    }
    return false;
  }

  /** The value span of parameter {@code key} in {@code s[from, to)}, or null. */
  private static int[] param(String s, int from, int to, String key) {
    int i = from;
    while (i < to) {
      int amp = s.indexOf('&', i);
      int end = amp < 0 || amp > to ? to : amp;
      int eq = s.indexOf('=', i);
      if (eq > i && eq < end && eq - i == key.length() && s.regionMatches(true, i, key, 0, key.length())) {
        return new int[] {eq + 1, end};
      }
      i = end + 1;
    }
    return null;
  }

  /** The URL with {@code key=value} set in its query (replacing any value it had). */
  static String withParam(String s, int from, int to, String key, String value) {
    int[] span = param(s, from, to, key);
    if (span != null) {
      return s.substring(0, span[0]) + value + s.substring(span[1]);
    }
    String sep = to > from ? "&" : "";
    return s.substring(0, to) + sep + key + "=" + value + s.substring(to);
  }

  /**
   * Decodes {@code +} and percent-escaped UTF-8, remembering for each decoded UTF-16 unit the span of
   * the original characters it came from. Malformed escapes are kept as literal characters.
   */
  private static SearchQuery decode(String engine, String s, int from, int to, String safeUrl) {
    StringBuilder text = new StringBuilder(to - from);
    int[] starts = new int[to - from + 1];
    int[] ends = new int[to - from + 1];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (isEscape(s, i, to)) {
        // A run of escapes: decode it as UTF-8, one code point at a time.
        bytes.reset();
        int[] byteAt = new int[(to - i) / 3 + 1];
        int nb = 0;
        while (isEscape(s, i, to)) {
          bytes.write(PercentCodec.hexValue(s.charAt(i + 1)) * 16 + PercentCodec.hexValue(s.charAt(i + 2)));
          byteAt[nb++] = i;
          i += 3;
        }
        byte[] b = bytes.toByteArray();
        int k = 0;
        while (k < b.length) {
          int len = utf8Length(b[k]);
          if (len == 0 || k + len > b.length) {
            len = 1;
          }
          String decoded = new String(b, k, len, StandardCharsets.UTF_8);
          int st = byteAt[k];
          int en = k + len < nb ? byteAt[k + len] : i;
          for (int u = 0; u < decoded.length(); u++) {
            starts[text.length()] = st;
            ends[text.length()] = en;
            text.append(decoded.charAt(u));
          }
          k += len;
        }
        continue;
      }
      starts[text.length()] = i;
      ends[text.length()] = i + 1;
      text.append(c == '+' ? ' ' : c);
      i++;
    }
    int n = text.length();
    int[] st = java.util.Arrays.copyOf(starts, n);
    int[] en = java.util.Arrays.copyOf(ends, n);
    return new SearchQuery(engine, text.toString(), st, en, safeUrl);
  }

  private static boolean isEscape(String s, int i, int to) {
    return i + 3 <= to && s.charAt(i) == '%' && PercentCodec.hexValue(s.charAt(i + 1)) >= 0
        && PercentCodec.hexValue(s.charAt(i + 2)) >= 0;
  }

  private static int utf8Length(byte lead) {
    int b = lead & 0xFF;
    if (b < 0x80) {
      return 1;
    }
    if (b >= 0xC2 && b < 0xE0) {
      return 2;
    }
    if (b >= 0xE0 && b < 0xF0) {
      return 3;
    }
    if (b >= 0xF0 && b < 0xF5) {
      return 4;
    }
    return 0;
  }
}
