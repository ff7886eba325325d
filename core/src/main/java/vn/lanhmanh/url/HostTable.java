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

  /**
   * The hash of {@code s[from, s.length())}. The chars are read from the end, so the hashes of all the
   * suffixes of a host come out of one pass ({@link Suffixes}).
   */
  static long hash(String s, int from) {
    long h = P1;
    for (int i = s.length() - 1; i >= from; i--) {
      h = (h ^ s.charAt(i)) * P2;
    }
    return finish(h, s.length() - from);
  }

  /** The hash of {@code s[from, to)}, the same as {@link #hash(String, int)} of those chars as a string. */
  static long hash(char[] s, int from, int to) {
    long h = P1;
    for (int i = to - 1; i >= from; i--) {
      h = (h ^ s[i]) * P2;
    }
    return finish(h, to - from);
  }

  /** The final mix of a hash state over {@code length} chars. */
  private static long finish(long h, int length) {
    h ^= length;
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
    return get(s, from, hash(s, from));
  }

  /** The value of the name {@code s[from, s.length())} whose {@link #hash(String, int)} is {@code h}, or null. */
  V get(String s, int from, long h) {
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
    Suffixes sx = Suffixes.of(host);
    int k = firstSuffix(sx);
    return k < 0 ? -1 : sx.start[k];
  }

  /**
   * {@link #firstSuffix(String)} of the host whose suffix hashes {@code sx} holds, as the index of the
   * label it starts at ({@code sx.start[k]}), or -1.
   */
  int firstSuffix(Suffixes sx) {
    String host = sx.host;
    // Label 1 starts after "www."
    for (int k = host.startsWith("www.") ? 1 : 0; ; k++) {
      if (get(host, sx.start[k], sx.hash[k]) != null) {
        return k;
      }
      // The next suffix must still hold a dot.
      if (k + 2 >= sx.count) {
        return -1;
      }
    }
  }

  /** The value of the suffix {@code k} of {@code sx}, or null. */
  V get(Suffixes sx, int k) {
    return get(sx.host, sx.start[k], sx.hash[k]);
  }

  /**
   * Where each label of a host starts (0 and after every dot) and the {@link #hash(String, int)} of the
   * suffix starting there, from one pass over the host's chars from its end. One instance per thread
   * ({@link #of}), kept for the last host it was filled for (compared by identity), so the walks of the
   * embedded list, the allow-list, the public-suffix table and the TLD table over one host hash each
   * suffix once.
   */
  static final class Suffixes {
    private static final ThreadLocal<Suffixes> LOCAL = ThreadLocal.withInitial(Suffixes::new);

    String host;
    /** Labels: {@code start[0] == 0} is the whole host, {@code start[count - 1]} the last label. */
    int count;
    int[] start = new int[16];
    long[] hash = new long[16];

    private Suffixes() {}

    /** The suffixes of {@code host}, for this thread. */
    static Suffixes of(String host) {
      Suffixes sx = LOCAL.get();
      if (sx.host != host) {
        sx.fill(host);
      }
      return sx;
    }

    private void fill(String h) {
      host = null;
      int labels = 1;
      for (int i = 0; i < h.length(); i++) {
        if (h.charAt(i) == '.') {
          labels++;
        }
      }
      if (labels > start.length) {
        int size = Math.max(labels, start.length * 2);
        start = new int[size];
        hash = new long[size];
      }
      count = labels;
      int k = labels - 1;
      long state = P1;
      for (int i = h.length() - 1; i >= 0; i--) {
        char c = h.charAt(i);
        if (c == '.') {
          start[k] = i + 1;
          hash[k--] = finish(state, h.length() - i - 1);
        }
        state = (state ^ c) * P2;
      }
      start[0] = 0;
      hash[0] = finish(state, h.length());
      host = h;
    }
  }
}
