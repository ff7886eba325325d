package vn.lanhmanh.url;

import java.util.Map;

/**
 * An immutable map from names (hosts, public suffixes) to values that is asked about a suffix of a
 * host, {@code host[from, host.length())}, without building a substring: the suffix is hashed straight
 * from the host's chars, the hash finds a slot by linear probing, and only a slot with the same 64-bit
 * hash is compared char by char ({@link String#regionMatches}), so the answer is exact.
 *
 * <p>Thread-safe; no allocation per lookup.
 */
final class HostTable<V> {

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;

  private final long[] hashes;
  private final String[] keys;
  private final Object[] values;
  private final int mask;

  HostTable(Map<String, V> map) {
    int size = Integer.highestOneBit(Math.max(8, map.size() * 2 + 1) - 1) << 1;
    hashes = new long[size];
    keys = new String[size];
    values = new Object[size];
    mask = size - 1;
    for (Map.Entry<String, V> e : map.entrySet()) {
      String k = e.getKey();
      long h = hash(k, 0);
      int at = (int) h & mask;
      while (keys[at] != null) {
        at = (at + 1) & mask;
      }
      hashes[at] = h;
      keys[at] = k;
      values[at] = e.getValue();
    }
  }

  /** The hash of {@code s[from, s.length())}. */
  static long hash(String s, int from) {
    long h = P1 ^ (s.length() - from);
    for (int i = from; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * P2;
    }
    h ^= h >>> 29;
    h *= P1;
    return h ^ (h >>> 32);
  }

  /** The hash of {@code s[from, to)}, the same as {@link #hash(String, int)} of those chars as a string. */
  static long hash(char[] s, int from, int to) {
    long h = P1 ^ (to - from);
    for (int i = from; i < to; i++) {
      h = (h ^ s[i]) * P2;
    }
    h ^= h >>> 29;
    h *= P1;
    return h ^ (h >>> 32);
  }

  /** The value of the name {@code s[from, to)}, or null. */
  V get(char[] s, int from, int to) {
    long h = hash(s, from, to);
    int len = to - from;
    for (int at = (int) h & mask; ; at = (at + 1) & mask) {
      String k = keys[at];
      if (k == null) {
        return null;
      }
      if (hashes[at] == h && k.length() == len && UrlChars.startsWith(s, from, to, k)) {
        @SuppressWarnings("unchecked")
        V v = (V) values[at];
        return v;
      }
    }
  }

  /** The value of the name {@code s[from, s.length())}, or null. */
  V get(String s, int from) {
    long h = hash(s, from);
    int len = s.length() - from;
    for (int at = (int) h & mask; ; at = (at + 1) & mask) {
      String k = keys[at];
      if (k == null) {
        return null;
      }
      if (hashes[at] == h && k.length() == len && s.regionMatches(from, k, 0, len)) {
        @SuppressWarnings("unchecked")
        V v = (V) values[at];
        return v;
      }
    }
  }

  /**
   * Where the most specific of {@code host} (without a leading {@code www.}) and its parent domains
   * down to two labels ({@code a.b.example.com}, {@code b.example.com}, {@code example.com}) that the
   * table holds starts in {@code host}, or -1.
   */
  int firstSuffix(String host) {
    int start = host.startsWith("www.") ? 4 : 0;
    while (true) {
      if (get(host, start) != null) {
        return start;
      }
      int dot = host.indexOf('.', start);
      if (dot < 0 || host.indexOf('.', dot + 1) < 0) {
        return -1;
      }
      start = dot + 1;
    }
  }
}
