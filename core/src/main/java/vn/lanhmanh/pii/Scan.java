package vn.lanhmanh.pii;

import java.util.Arrays;

/**
 * One folded, tokenised view of a piece of text, built once per call and shared by the scanners.
 * Nothing is allocated per character: the arrays come from a {@link Buffers} that each thread reuses
 * from call to call. Not thread-safe: each call to {@link PiiDetector#detect} owns its own instance.
 *
 * <p>Tokens are runs of letters ({@link #WORD}), runs of ASCII digits ({@link #NUM}) and single other
 * characters ({@link #PUNCT}); blanks separate tokens and are not tokens.
 *
 * <p>Most of a chat text is plain words that no scanner starts at, so tokenising also lists where the
 * scanners may start ({@link #dots}, {@link #ats}, {@link #keyed}) and what the text holds at all
 * ({@link #saw}); a scanner walks those lists, or skips the text, instead of reading every char.
 *
 * <p>The arrays may be longer than the text and hold data of an earlier call past {@link #n},
 * {@link #tokens} and each list's size; scanners only read below those bounds.
 */
final class Scan {

  static final byte WORD = 1;
  static final byte NUM = 2;
  static final byte PUNCT = 3;

  // what the text holds, for saw(): a scanner that needs something absent skips the whole text
  /** A '/' or '?': every link pattern holds one. */
  static final int SEEN_SLASH = 1;
  static final int SEEN_DIGIT = 1 << 1;
  /** A word that names a social network or Zalo. */
  static final int SEEN_SOCIAL = 1 << 2;

  static final int UP = 64;

  final String text;
  final int base;
  /** Folded chars. */
  final char[] f;
  /** Accent of each folded char, with {@link #UP} set for upper case. */
  final byte[] acc;
  /** Original index of each folded char; {@code orig[n]} is the end of the scanned region. */
  final int[] orig;
  final int n;

  // token arrays; read from the buffers once tokenising is done, as they may grow on the way
  final int[] ts;
  final int[] te;
  final byte[] kind;
  /** Lexicon word of a WORD token, or null. */
  final Lexicon.Word[] word;
  final int tokens;

  /** Folded positions of every '.', in order. */
  final Positions dots;
  /** Folded positions of every '@', in order. */
  final Positions ats;
  /** Every token that is no plain word (a number, a punctuation char or a lexicon word), in order. */
  final Positions keyed;

  /** {@code SEEN_*} bits for the whole text. */
  private final int seen;
  /**
   * ASCII digits plus digit words in the whole text; no number can hold more digits than this, so
   * below six the number scanner has nothing to find.
   */
  private final int digitCount;

  /** Char classes of folded ASCII chars; other chars are letters when {@link Character#isLetter} says so. */
  private static final byte BLANK = 0;

  private static final byte[] ASCII_KIND = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_KIND[c] = c == ' ' || c == '\n' ? BLANK : isDigit(c) ? NUM : c >= 'a' && c <= 'z' ? WORD : PUNCT;
    }
  }

  Scan(String text, int from, int to, Buffers buf) {
    this.text = text;
    this.base = from;
    buf.ensure(to - from);
    this.f = buf.f;
    this.acc = buf.acc;
    this.orig = buf.orig;
    this.n = fold(text, from, to, buf.raw);
    this.dots = buf.dots.clear();
    this.ats = buf.ats.clear();
    this.keyed = buf.keyed.clear();
    this.tokens = tokenise(buf);
    this.ts = buf.ts;
    this.te = buf.te;
    this.kind = buf.kind;
    this.word = buf.word;
    this.seen = buf.seen;
    this.digitCount = buf.digitCount;
  }

  /** Fills f, acc and orig from text[from, to); returns the number of folded chars. */
  private int fold(String text, int from, int to, char[] raw) {
    int len = to - from;
    text.getChars(from, to, raw, 0); // one bulk copy is cheaper than charAt per char
    char[] fc = f;
    byte[] ac = acc;
    int[] or = orig;
    int m = 0;
    for (int i = 0; i < len; i++) {
      char c = raw[i];
      if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(raw[i + 1])) {
        fc[m] = '\uFFFD';
        ac[m] = 0;
        or[m++] = from + i++;
        continue;
      }
      int info = Fold.info(c);
      if ((info & (Fold.SKIP | Fold.MARK)) != 0) {
        if ((info & Fold.MARK) != 0 && m > 0 && isLetter(fc[m - 1])) {
          int a = ac[m - 1];
          ac[m - 1] = (byte) ((a & UP) | Fold.merge(a & 63, Fold.accent(info)));
        }
        continue;
      }
      fc[m] = Fold.ch(info);
      ac[m] = (byte) Fold.accentAndCase(info);
      or[m++] = from + i;
    }
    or[m] = to;
    return m;
  }

  /**
   * Splits f[0, n) into tokens, written to buf, and looks up each word. On the way it fills the
   * position lists and notes in buf what the text holds. Returns the number of tokens.
   */
  private int tokenise(Buffers buf) {
    char[] fc = f;
    byte[] ac = acc;
    int m = n;
    int seenBits = 0;
    int digits = 0;
    int[] starts = buf.ts;
    int[] ends = buf.te;
    byte[] kinds = buf.kind;
    Lexicon.Word[] words = buf.word;
    int t = 0;
    int i = 0;
    while (i < m) {
      char c = fc[i];
      byte kd = classOf(c);
      if (kd == BLANK) {
        i++;
        continue;
      }
      int j = i + 1;
      Lexicon.Word w = null;
      if (kd == NUM) {
        while (j < m && isDigit(fc[j])) {
          j++;
        }
        seenBits |= SEEN_DIGIT;
        digits += j - i;
        keyed.add(t);
      } else if (kd == WORD) {
        // the lexicon hashes come with the same pass over the letters
        int letterHash = Lexicon.hashStep(0, c);
        int accentHash = Lexicon.hashStep(0, (char) (ac[i] & 63));
        while (j < m && isLetter(fc[j])) {
          letterHash = Lexicon.hashStep(letterHash, fc[j]);
          accentHash = Lexicon.hashStep(accentHash, (char) (ac[j] & 63));
          j++;
        }
        w = Lexicon.lookup(fc, ac, i, j, letterHash, accentHash);
        if (w != null) {
          keyed.add(t);
          if (w.has(Lexicon.DIGIT)) {
            digits++;
          } else if (w == Lexicon.Word.SOCIAL || w == Lexicon.Word.ZALO) {
            seenBits |= SEEN_SOCIAL;
          }
        }
      } else {
        keyed.add(t);
        if (c == '.') {
          dots.add(i);
        } else if (c == '@') {
          ats.add(i);
        } else if (c == '/' || c == '?') {
          seenBits |= SEEN_SLASH;
        }
      }
      if (t == starts.length) {
        buf.growTokens();
        starts = buf.ts;
        ends = buf.te;
        kinds = buf.kind;
        words = buf.word;
      }
      starts[t] = i;
      ends[t] = j;
      kinds[t] = kd;
      words[t++] = w; // written for every token: the buffer may hold a word from an earlier text
      i = j;
    }
    buf.seen = seenBits;
    buf.digitCount = digits;
    return t;
  }

  private static byte classOf(char c) {
    if (c < 128) {
      return ASCII_KIND[c];
    }
    return isLetter(c) ? WORD : PUNCT;
  }

  /** True when the text holds everything in {@code bits} ({@code SEEN_*}). */
  boolean saw(int bits) {
    return (seen & bits) == bits;
  }

  int digitCount() {
    return digitCount;
  }

  /** A growable list of ints (positions or token indices), reused from call to call. */
  static final class Positions {

    private int[] at = new int[64];
    private int size;

    Positions clear() {
      size = 0;
      return this;
    }

    void add(int v) {
      if (size == at.length) {
        at = Arrays.copyOf(at, size * 2);
      }
      at[size++] = v;
    }

    int size() {
      return size;
    }

    int get(int k) {
      return at[k];
    }

    boolean isEmpty() {
      return size == 0;
    }
  }

  /**
   * Scratch arrays for one thread's scans. Small buffers are kept per thread and reused; a buffer
   * for a large text serves that one call only, so that a single huge text does not pin megabytes to
   * every thread that ever saw one. Token arrays start at a third of the chars (Vietnamese words are
   * short) and grow when a text needs more.
   */
  static final class Buffers {

    /** Largest text, in chars, whose buffers a thread keeps (about 14 bytes per char). */
    static final int KEEP = 1 << 14;

    private static final ThreadLocal<Buffers> LOCAL = ThreadLocal.withInitial(() -> new Buffers(256));

    char[] raw;
    char[] f;
    byte[] acc;
    int[] orig;
    int[] ts;
    int[] te;
    byte[] kind;
    Lexicon.Word[] word;
    final Positions dots = new Positions();
    final Positions ats = new Positions();
    final Positions keyed = new Positions();
    // results of the last tokenise, handed to the Scan's final fields
    int seen;
    int digitCount;

    private Buffers(int capacity) {
      allocate(capacity);
    }

    /** Buffers for texts of up to {@code len} chars: this thread's own, or fresh ones for a large text. */
    static Buffers forLength(int len) {
      Buffers b = LOCAL.get();
      if (len <= b.f.length) {
        return b;
      }
      if (len > KEEP) {
        return new Buffers(len);
      }
      b.allocate(Math.min(KEEP, Math.max(len, 2 * b.f.length)));
      return b;
    }

    void ensure(int len) {
      if (len > f.length) {
        allocate(len);
      }
    }

    private void allocate(int capacity) {
      raw = new char[capacity];
      f = new char[capacity];
      acc = new byte[capacity];
      orig = new int[capacity + 1];
      int tokens = capacity / 3 + 16;
      ts = new int[tokens];
      te = new int[tokens];
      kind = new byte[tokens];
      word = new Lexicon.Word[tokens];
    }

    void growTokens() {
      int size = ts.length * 2;
      ts = Arrays.copyOf(ts, size);
      te = Arrays.copyOf(te, size);
      kind = Arrays.copyOf(kind, size);
      word = Arrays.copyOf(word, size);
    }
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c > 127 && c != '\uFFFD' && Character.isLetter(c));
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** True when nothing but nothing separates token a's end from token b's start. */
  boolean tight(int a, int b) {
    return te[a] == ts[b];
  }

  /** True when only blanks (no line break) separate tokens a and b, and at least one. */
  boolean spaced(int a, int b) {
    int from = te[a];
    int to = ts[b];
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (f[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  /** True when a line break lies between tokens a and b. */
  boolean lineBreak(int a, int b) {
    for (int i = te[a]; i < ts[b]; i++) {
      if (f[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  boolean isPunct(int t, char c) {
    return t >= 0 && t < tokens && kind[t] == PUNCT && f[ts[t]] == c;
  }

  boolean isWord(int t, Lexicon.Word w) {
    return t >= 0 && t < tokens && word[t] == w;
  }

  boolean capitalised(int t) {
    return (acc[ts[t]] & UP) != 0;
  }

  /** True when the token was written with a diacritic anywhere. */
  boolean accented(int t) {
    for (int i = ts[t]; i < te[t]; i++) {
      if ((acc[i] & 63) != 0) {
        return true;
      }
    }
    return false;
  }

  /** True when the token's original chars are all ASCII (or full-width ASCII). */
  boolean asciiLike(int t) {
    for (int i = ts[t]; i < te[t]; i++) {
      if (f[i] > 127 || (acc[i] & 63) != 0) {
        return false;
      }
    }
    return true;
  }

  int len(int t) {
    return te[t] - ts[t];
  }

  /** True when token t's folded text equals the ASCII string s. */
  boolean is(int t, String s) {
    if (t < 0 || t >= tokens || te[t] - ts[t] != s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (f[ts[t] + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  PiiMatch match(PiiType type, int foldedStart, int foldedEnd) {
    int s = orig[foldedStart];
    int e = orig[foldedEnd];
    return new PiiMatch(type, s, e, text.substring(s, e));
  }

  PiiMatch matchTokens(PiiType type, int firstToken, int lastToken) {
    return match(type, ts[firstToken], te[lastToken]);
  }
}
