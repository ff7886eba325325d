package vn.lanhmanh.url;

import java.util.ArrayList;
import java.util.List;

/**
 * The host-suffix / path-prefix expressions under which a canonical URL is looked up in the lists, as
 * Safe Browsing forms them: a list entry {@code b.c/1/} matches {@code http://a.b.c/1/2.html?param=1}.
 *
 * <ul>
 *   <li>Hosts: the exact host, then up to four more formed from its last five components by removing
 *       the leading one each time, down to two components; only the exact host for an IP address.
 *       {@code a.b.c.d.e.f.g} gives {@code a.b.c.d.e.f.g, c.d.e.f.g, d.e.f.g, e.f.g, f.g}.
 *   <li>Paths: the path with the query (when the query is not empty), the path without it, then up to
 *       four prefixes from the root adding one component at a time, each ending in {@code /}.
 *       {@code /1/2.html?param=1} gives {@code /1/2.html?param=1, /1/2.html, /, /1/}.
 *   <li>Expressions: every host followed by every path, hosts outer; at most 5 x 6 = 30, no duplicates.
 *       The port is not part of them.
 * </ul>
 *
 * <pre>{@code
 * CanonicalUrl u = UrlCanonicalizer.canonicalize("http://a.b.c/1/2.html?param=1").url();
 * LookupExpressions.expressions(u);
 * // [a.b.c/1/2.html?param=1, a.b.c/1/2.html, a.b.c/, a.b.c/1/,
 * //  b.c/1/2.html?param=1, b.c/1/2.html, b.c/, b.c/1/]
 * }</pre>
 *
 * <p>{@link #hostSuffixStarts} and {@link #pathPrefixEnds} give offsets instead of strings, for a hot
 * path that seeks list terms without building up to 30 strings per URL.
 *
 * <p>Stateless; thread-safe.
 */
public final class LookupExpressions {

  /** The most host strings one URL yields: the exact host and four suffixes. */
  public static final int MAX_HOSTS = 5;

  /** The most root prefixes one path yields, {@code /} included. */
  public static final int MAX_PATH_PREFIXES = 4;

  /** The most path strings one URL yields: with query, without, and the root prefixes. */
  public static final int MAX_PATHS = MAX_PATH_PREFIXES + 2;

  /** The most expressions one URL yields. */
  public static final int MAX_EXPRESSIONS = MAX_HOSTS * MAX_PATHS;

  /** How many trailing host components the suffixes start from. */
  private static final int SUFFIX_COMPONENTS = 5;

  private LookupExpressions() {}

  /**
   * Writes where each host to look up starts in {@code host}, without allocating: host {@code k} is
   * {@code host.substring(starts[k])}. The first is always 0, the exact host; the others are the
   * suffixes, longest first.
   *
   * @param host a canonical host
   * @param ipAddress whether the host is an IP address (then only the exact host is looked up)
   * @param starts receives the offsets; must have room for {@link #MAX_HOSTS}
   * @return how many offsets were written, 1 to {@link #MAX_HOSTS}
   */
  public static int hostSuffixStarts(String host, boolean ipAddress, int[] starts) {
    starts[0] = 0;
    if (ipAddress) {
      return 1;
    }
    // The labels' starts from the pass that hashes the host's suffixes for the other lists (no pass here).
    HostTable.Suffixes sx = HostTable.Suffixes.of(host);
    int components = sx.count;
    // Suffixes start at component index first .. components - 2, so the shortest has two components.
    int first = Math.max(1, components - SUFFIX_COMPONENTS);
    int count = 1;
    for (int c = first; c <= components - 2; c++) {
      starts[count++] = sx.start[c];
    }
    return count;
  }

  /**
   * {@link #hostSuffixStarts}, and the hash of each host to look up ({@link #hostHash} of
   * {@code host[starts[k], host.length())}) in {@code hashes}, taken from the one pass from the host's
   * end that hashes its suffixes for the embedded tables: the list in the jar and a list index key
   * their entries by this hash, so a check hashes a host's chars once for every table.
   *
   * @param hashes receives the hashes; must have room for {@link #MAX_HOSTS}
   * @return how many hosts were written, 1 to {@link #MAX_HOSTS}
   */
  public static int hostSuffixes(String host, boolean ipAddress, int[] starts, long[] hashes) {
    HostTable.Suffixes sx = HostTable.Suffixes.of(host);
    starts[0] = 0;
    hashes[0] = sx.hash[0];
    if (ipAddress) {
      return 1;
    }
    int components = sx.count;
    int first = Math.max(1, components - SUFFIX_COMPONENTS);
    int count = 1;
    for (int c = first; c <= components - 2; c++) {
      starts[count] = sx.start[c];
      hashes[count++] = sx.hash[c];
    }
    return count;
  }

  /**
   * The 64-bit hash of the host (or host suffix) {@code s[from, to)} that {@link #hostSuffixes} gives:
   * a multiply per char read from the end (so one pass gives every suffix's hash) and a final mix.
   * Not a strong hash: the lists mix it again ({@code KeyFilter}).
   */
  public static long hostHash(CharSequence s, int from, int to) {
    return HostTable.hash(s, from, to);
  }

  /**
   * Writes where each root prefix of {@code path} ends, without allocating: prefix {@code k} is
   * {@code path.substring(0, ends[k])}: {@code /}, {@code /1/}, {@code /1/2/} ... at most
   * {@link #MAX_PATH_PREFIXES}. The last one may be the whole path, when it ends in {@code /}.
   *
   * @param path a canonical path, starting with {@code /}
   * @param ends receives the offsets; must have room for {@link #MAX_PATH_PREFIXES}
   * @return how many offsets were written, 1 to {@link #MAX_PATH_PREFIXES}
   */
  public static int pathPrefixEnds(String path, int[] ends) {
    return pathPrefixEnds(path, 0, path.length(), ends);
  }

  /**
   * {@link #pathPrefixEnds(String, int[])} of the path {@code s[from, to)}, the ends counted from
   * {@code from}: prefix {@code k} is {@code s.substring(from, from + ends[k])}.
   */
  public static int pathPrefixEnds(String s, int from, int to, int[] ends) {
    int count = 0;
    for (int i = from; i < to && count < MAX_PATH_PREFIXES; i++) {
      if (s.charAt(i) == '/') {
        ends[count++] = i - from + 1;
      }
    }
    return count;
  }

  /** The hosts to look up, exact host first; see the class description. */
  public static List<String> hostSuffixes(CanonicalUrl url) {
    int[] starts = new int[MAX_HOSTS];
    int count = hostSuffixStarts(url.host(), url.hostIsIpAddress(), starts);
    List<String> hosts = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      hosts.add(url.host().substring(starts[k]));
    }
    return List.copyOf(hosts);
  }

  /** The paths to look up, with the query first; see the class description. */
  public static List<String> pathPrefixes(CanonicalUrl url) {
    String path = url.path();
    List<String> paths = new ArrayList<>(MAX_PATHS);
    if (url.query() != null && !url.query().isEmpty()) {
      paths.add(url.pathAndQuery());
    }
    paths.add(path);
    int[] ends = new int[MAX_PATH_PREFIXES];
    int count = pathPrefixEnds(path, ends);
    for (int k = 0; k < count; k++) {
      // Only the last prefix can equal the whole path; the query form never equals a prefix.
      if (ends[k] != path.length()) {
        paths.add(path.substring(0, ends[k]));
      }
    }
    return List.copyOf(paths);
  }

  /** Every host followed by every path, at most {@value #MAX_EXPRESSIONS}; see the class description. */
  public static List<String> expressions(CanonicalUrl url) {
    List<String> hosts = hostSuffixes(url);
    List<String> paths = pathPrefixes(url);
    List<String> expressions = new ArrayList<>(hosts.size() * paths.size());
    for (String host : hosts) {
      for (String path : paths) {
        expressions.add(host + path);
      }
    }
    return List.copyOf(expressions);
  }
}
