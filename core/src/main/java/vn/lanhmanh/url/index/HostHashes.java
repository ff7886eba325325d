package vn.lanhmanh.url.index;

import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.LookupExpressions;

/**
 * The host suffixes of one canonical URL (Safe Browsing's, at most {@value LookupExpressions#MAX_HOSTS})
 * with their {@link KeyFilter#hash} as a key and as a path marker, computed once per URL and thread and
 * shared by the lists asked about the same URL (the list in the jar and a list index), so each suffix is
 * hashed once per check.
 *
 * <p>One instance per thread ({@link #of}); it keeps the last URL it was filled for, compared by
 * identity ({@link CanonicalUrl} is immutable).
 */
final class HostHashes {

  private static final ThreadLocal<HostHashes> LOCAL = ThreadLocal.withInitial(HostHashes::new);

  private CanonicalUrl url;
  int count;
  final int[] starts = new int[LookupExpressions.MAX_HOSTS];
  final long[] keys = new long[LookupExpressions.MAX_HOSTS];
  final long[] markers = new long[LookupExpressions.MAX_HOSTS];
  /** The host's chars while they are hashed. */
  private char[] chars = new char[64];

  /** The hashes of {@code url}'s host suffixes, for this thread. */
  static HostHashes of(CanonicalUrl url) {
    HostHashes h = LOCAL.get();
    if (h.url != url) {
      h.fill(url);
    }
    return h;
  }

  private void fill(CanonicalUrl u) {
    url = null;
    String host = u.host();
    int n = host.length();
    count = LookupExpressions.hostSuffixStarts(host, u.hostIsIpAddress(), starts);
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    host.getChars(0, n, chars, 0);   // hashed from an array: fewer checks per char than charAt
    for (int i = 0; i < count; i++) {
      KeyFilter.keyAndMarker(chars, starts[i], n, keys, markers, i);
    }
    url = u;
  }
}
