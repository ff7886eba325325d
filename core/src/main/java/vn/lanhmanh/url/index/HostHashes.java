package vn.lanhmanh.url.index;

import vn.lanhmanh.url.LookupExpressions;

/**
 * The host suffixes of one canonical URL (Safe Browsing's, at most {@value LookupExpressions#MAX_HOSTS})
 * with their {@link KeyFilter#hash} as a key and as a path marker, computed once per URL and thread and
 * shared by the lists asked about the same URL (the list in the jar and a list index). The hashes are
 * mixed from the suffix hashes of the pass from the host's end that the embedded tables use
 * ({@link LookupExpressions#hostSuffixes}), so a check reads the host's chars for hashing once.
 *
 * <p>One instance per thread ({@link #of}); it keeps the last host it was filled for, compared by
 * identity (the hashes depend on the host's chars alone, and a check's host is a string of its own).
 */
final class HostHashes {

  private static final ThreadLocal<HostHashes> LOCAL = ThreadLocal.withInitial(HostHashes::new);

  private String host;
  int count;
  final int[] starts = new int[LookupExpressions.MAX_HOSTS];
  final long[] keys = new long[LookupExpressions.MAX_HOSTS];
  final long[] markers = new long[LookupExpressions.MAX_HOSTS];
  /** {@link LookupExpressions#hostHash} of each host suffix. */
  final long[] hostHashes = new long[LookupExpressions.MAX_HOSTS];

  /**
   * The hashes of the suffixes of a URL's canonical host, for this thread.
   *
   * @param ipAddress whether the host is an IP address (then only the exact host is looked up)
   */
  static HostHashes of(String host, boolean ipAddress) {
    HostHashes h = LOCAL.get();
    if (h.host != host) {
      h.fill(host, ipAddress);
    }
    return h;
  }

  private void fill(String host, boolean ipAddress) {
    this.host = null;
    count = LookupExpressions.hostSuffixes(host, ipAddress, starts, hostHashes);
    for (int i = 0; i < count; i++) {
      keys[i] = KeyFilter.hostKey(hostHashes[i]);
      markers[i] = KeyFilter.pathMarker(hostHashes[i]);
    }
    this.host = host;
  }

  /**
   * Suffix {@code i}'s key as a filter of {@link KeyFilter#WWW_FORMAT} holds it: for a suffix that starts
   * with {@code www.}, its {@link KeyFilter#wwwMember} with the suffix after {@code www.}; else its key.
   * Asked by an index of that format only (the list in the jar keeps keys as they are).
   */
  long wwwKey(int i) {
    int parent = KeyFilter.wwwParent(host, starts[i], host.length());
    if (parent < 0) {
      return keys[i];
    }
    // The parent is usually the next suffix; a host of more labels than the suffixes kept may skip it.
    long parentKey = i + 1 < count && starts[i + 1] == parent ? keys[i + 1]
        : KeyFilter.hostKey(LookupExpressions.hostHash(host, parent, host.length()));
    return KeyFilter.wwwMember(keys[i], parentKey);
  }
}
