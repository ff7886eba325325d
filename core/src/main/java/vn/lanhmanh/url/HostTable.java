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

  /** The value of a name that only stands after a dot of a key (see the constructor); {@link #get} answers null for it. */
  private static final Object PARENT = new Object();

  private final long[] hashes;
  private final String[] keys;
  private final Object[] values;
  private final int mask;

  HostTable(Map<String, V> map) {
    // Every name after a dot of a key that is not a key itself is held too, as a parent with no value
    // (PARENT): a walk from a host's last label up to its longer suffixes stops at the first suffix
    // that is neither, since no longer suffix can then be a key.
    Map<String, Object> all = new java.util.HashMap<>(map);
    for (String k : map.keySet()) {
      for (int dot = k.indexOf('.'); dot >= 0; dot = k.indexOf('.', dot + 1)) {
        all.putIfAbsent(k.substring(dot + 1), PARENT);
      }
    }
    int size = Integer.highestOneBit(Math.max(8, all.size() * 2 + 1) - 1) << 1;
    hashes = new long[size];
    keys = new String[size];
    values = new Object[size];
    mask = size - 1;
    for (Map.Entry<String, Object> e : all.entrySet()) {
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

  /** The hash of {@code s[from, to)}, the same as {@link #hash(String, int)} of those chars as a string. */
  static long hash(CharSequence s, int from, int to) {
    long h = P1;
    for (int i = to - 1; i >= from; i--) {
      h = (h ^ s.charAt(i)) * P2;
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
        return value(values[at]);
      }
    }
  }

  /** The value of the name {@code s[from, s.length())}, or null. */
  V get(String s, int from) {
    return get(s, from, hash(s, from));
  }

  /** The value of the name {@code s[from, s.length())} whose {@link #hash(String, int)} is {@code h}, or null. */
  V get(String s, int from, long h) {
    return value(find(s, from, h));
  }

  /**
   * What the table holds for the name {@code s[from, s.length())} whose hash is {@code h}: its value,
   * {@link #PARENT} for a name that only stands after a dot of a key, or null.
   */
  private Object find(String s, int from, long h) {
    int len = s.length() - from;
    for (int at = (int) h & mask; ; at = (at + 1) & mask) {
      String k = keys[at];
      if (k == null) {
        return null;
      }
      if (hashes[at] == h && k.length() == len && s.regionMatches(from, k, 0, len)) {
        return values[at];
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <V> V value(Object v) {
    return v == PARENT ? null : (V) v;
  }

  /**
   * What the table holds for the suffix {@code k} of {@code sx}: its value, {@code parent} when the
   * name is not a key but stands after a dot of one (a longer suffix may be a key), or null when
   * neither (no longer suffix of the same host is a key).
   */
  Object suffixOrParent(Suffixes sx, int k, Object parent) {
    Object v = find(sx.host, sx.start[k], sx.hash[k]);
    return v == PARENT ? parent : v;
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
    // The suffixes from label `first` (1 after "www.") to the one of two labels, and at least `first`'s;
    // walked from the shortest, which stops at the first that is neither a key nor a parent of one.
    int first = host.startsWith("www.") ? 1 : 0;
    int found = -1;
    for (int k = Math.max(first, sx.count - 2); k >= first; k--) {
      Object v = find(host, sx.start[k], sx.hash[k]);
      if (v == null) {
        break;
      }
      if (v != PARENT) {
        found = k;
      }
    }
    return found;
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
   * suffix once. The same pass notes the kinds of the host's chars and the lengths of its labels, so the
   * host's syntax check ({@link HostSyntax}) and the public-suffix split's check of a plain host
   * ({@code UrlRules.DomainParts.suffixStart}) need no pass of their own when the host passes them.
   */
  static final class Suffixes {
    private static final ThreadLocal<Suffixes> LOCAL = ThreadLocal.withInitial(Suffixes::new);

    /** Kinds of the chars of a label, as bits of {@link #charKinds}: see {@link #KIND}. */
    private static final int LETTER = 1;
    private static final int DIGIT = 2;
    private static final int DASH = 4;
    private static final int UNDERSCORE = 8;
    private static final int OTHER = 16;
    /** The kind of each ASCII char other than the dot ({@code a-z}, {@code 0-9}, {@code -}, {@code _}, or other). */
    private static final byte[] KIND = new byte[128];

    static {
      java.util.Arrays.fill(KIND, (byte) OTHER);
      for (char c = 'a'; c <= 'z'; c++) {
        KIND[c] = LETTER;
      }
      for (char c = '0'; c <= '9'; c++) {
        KIND[c] = DIGIT;
      }
      KIND['-'] = DASH;
      KIND['_'] = UNDERSCORE;
    }

    String host;
    /** Labels: {@code start[0] == 0} is the whole host, {@code start[count - 1]} the last label. */
    int count;
    int[] start = new int[16];
    long[] hash = new long[16];
    /** The host's chars while it is read. */
    private char[] chars = new char[64];
    /** The {@link #KIND} bits of every char of the host but its dots. */
    private int charKinds;
    /** The longest label's length. */
    private int longestLabel;
    /** Whether a label is empty (a dot at either end, two dots in a row, or an empty host). */
    private boolean emptyLabel;
    /** Whether a label starts or ends with a dash. */
    private boolean dashAtLabelEdge;
    /** Whether the last label is all digits (true when it is empty). */
    private boolean lastAllDigits;

    private Suffixes() {}

    /** The suffixes of {@code host}, for this thread. */
    static Suffixes of(String host) {
      Suffixes sx = LOCAL.get();
      if (sx.host != host) {
        sx.fill(host);
      }
      return sx;
    }

    /**
     * Whether the host is a name {@link HostSyntax} accepts: at most 253 chars, labels of 1 to 63 chars
     * of {@code a-z 0-9 - _}, the last one not all digits.
     */
    boolean validName() {
      return host.length() <= HostSyntax.MAX_NAME && (charKinds & OTHER) == 0 && !emptyLabel
          && longestLabel <= HostSyntax.MAX_LABEL && !lastAllDigits;
    }

    /**
     * Whether the host is in the plain form the public-suffix split reads without
     * {@code InternetDomainName}: 1 to 253 chars of {@code a-z 0-9 -} and dots, 1 to 127 labels of 1 to
     * 63 chars without a dash at either end, the last label not starting with a digit.
     */
    boolean plainLdh() {
      int n = host.length();
      if (n == 0 || n > 253 || (charKinds & (OTHER | UNDERSCORE)) != 0 || emptyLabel || longestLabel > 63
          || dashAtLabelEdge || count > 127) {
        return false;
      }
      char lastFirst = host.charAt(start[count - 1]);
      return lastFirst < '0' || lastFirst > '9';
    }

    /**
     * One pass over the host's chars from its end: the label starts and suffix hashes, found from the
     * last label to the first and turned round at the end, and the char kinds and label lengths that
     * {@link #validName} and {@link #plainLdh} read.
     */
    private void fill(String h) {
      host = null;
      int n = h.length();
      int j = 0;
      int kinds = 0;
      int longest = 0;
      boolean empty = false;
      boolean dashEdge = false;
      boolean lastDigits = true;
      int end = n;   // the end of the label being read
      long state = P1;
      if (chars.length < n) {
        chars = new char[Math.max(n, chars.length * 2)];
      }
      char[] cs = chars;
      h.getChars(0, n, cs, 0);   // read from an array: fewer checks per char than charAt
      for (int i = n - 1; i >= 0; i--) {
        char c = cs[i];
        if (c == '.') {
          if (j == start.length) {
            grow();
          }
          start[j] = i + 1;
          hash[j++] = finish(state, n - i - 1);
          int len = end - i - 1;
          if (len == 0) {
            empty = true;
          } else {
            longest = Math.max(longest, len);
            dashEdge |= cs[i + 1] == '-' || cs[end - 1] == '-';
          }
          end = i;
        } else {
          kinds |= c < 128 ? KIND[c] : OTHER;
        }
        state = (state ^ c) * P2;
      }
      // Whether the last label (the whole host when it has no dot) is all digits (true when empty).
      for (int i = j == 0 ? 0 : start[0]; i < n && lastDigits; i++) {
        lastDigits = cs[i] >= '0' && cs[i] <= '9';
      }
      if (j == start.length) {
        grow();
      }
      start[j] = 0;
      hash[j++] = finish(state, n);
      if (end == 0) {
        empty = true;
      } else {
        longest = Math.max(longest, end);
        dashEdge |= cs[0] == '-' || cs[end - 1] == '-';
      }
      for (int a = 0, b = j - 1; a < b; a++, b--) {   // first label first
        int s = start[a];
        start[a] = start[b];
        start[b] = s;
        long x = hash[a];
        hash[a] = hash[b];
        hash[b] = x;
      }
      count = j;
      charKinds = kinds;
      longestLabel = longest;
      emptyLabel = empty;
      dashAtLabelEdge = dashEdge;
      lastAllDigits = lastDigits;
      host = h;
    }

    private void grow() {
      start = java.util.Arrays.copyOf(start, start.length * 2);
      hash = java.util.Arrays.copyOf(hash, hash.length * 2);
    }
  }
}
