package vn.lanhmanh.url;

/**
 * Per-thread char and int buffers for the URL heuristics, and the helpers that read words out of them, so
 * that the host and path of a URL are scanned without a substring or a builder per check.
 *
 * <p>One instance per thread ({@link #get}); a buffer grows when a longer part comes along and is then
 * kept, so a check allocates nothing once the buffers fit.
 */
final class UrlChars {

  private static final ThreadLocal<UrlChars> LOCAL = ThreadLocal.withInitial(UrlChars::new);

  /** A host or path segment reduced to lower-case letters and digits ({@link UrlWords#compactKinds}; {@link UrlRules} keywords). */
  char[] words = new char[256];
  /** How many chars of {@link #words} the last {@link UrlWords#compactKinds} wrote. */
  int wordCount;
  /** Where the path segment that {@link UrlWords#segmentKinds} read ends (its slash, or the path's end). */
  int segmentEnd;
  /** A word's skeleton, or a label without its dashes. */
  char[] skeleton = new char[256];
  /** Where each word of the host's part starts and ends in {@link #words} ({@link UrlWords#hostKinds}). */
  int[] tokenStart = new int[256];
  int[] tokenEnd = new int[256];
  /** How many of {@link #tokenStart} and {@link #tokenEnd} the last {@link UrlWords#hostKinds} wrote. */
  int tokenCount;
  /** Whether those words are the host part's chars as written, all of them ({@link UrlWords#hostKinds}). */
  boolean wordsAsWritten;
  /** Whether the host part holds {@code xn--} ({@link UrlWords#hostKinds}). */
  boolean punycode;
  /**
   * Where the first {@code -} after the host part's last dot is, or -1 when its last label has none
   * ({@link UrlWords#hostKinds}).
   */
  int lastLabelDash;
  /** Rows of the banded edit distance. */
  int[] prev2 = new int[64];
  int[] prev = new int[64];
  int[] cur = new int[64];

  private UrlChars() {}

  /** This thread's buffers. */
  static UrlChars get() {
    return LOCAL.get();
  }

  /** {@code buffer} when it holds {@code size} chars, else a larger copy of it. */
  static char[] fit(char[] buffer, int size) {
    return size <= buffer.length ? buffer : java.util.Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
  }

  /** The distance rows, long enough for a word of {@code m} chars. */
  void fitRows(int m) {
    if (m + 1 > cur.length) {
      int n = Math.max(m + 1, cur.length * 2);
      prev2 = new int[n];
      prev = new int[n];
      cur = new int[n];
    }
  }

  /** Whether {@code s[at, end)} starts with {@code word}. */
  static boolean startsWith(char[] s, int at, int end, String word) {
    if (at < 0 || at + word.length() > end) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (s[at + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s[from, end)} contains {@code word}. */
  static boolean contains(char[] s, int from, int end, String word) {
    for (int i = from; i + word.length() <= end; i++) {
      if (startsWith(s, i, end, word)) {
        return true;
      }
    }
    return false;
  }

  /** The slot of the two characters at {@code i}, or -1 when either is not a lower-case letter or digit. */
  static int bigram(char[] s, int i) {
    return bigram(s[i], s[i + 1]);
  }

  /** The slot of the two characters {@code a b}, or -1 when either is not a lower-case letter or digit. */
  static int bigram(char a, char b) {
    if ((a | b) >= 128) {
      return -1;
    }
    int x = UrlRules.SLOTS[a];
    int y = UrlRules.SLOTS[b];
    return (x | y) < 0 ? -1 : x * 36 + y;
  }
}
