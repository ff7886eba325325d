package vn.lanhmanh.pii;

/**
 * One folded, tokenised view of a piece of text, built once per call and shared by the scanners.
 * Arrays are sized by the text once; nothing is allocated per character. Not thread-safe: each call
 * to {@link PiiDetector#detect} owns its own instance.
 *
 * <p>Tokens are runs of letters ({@link #WORD}), runs of ASCII digits ({@link #NUM}) and single other
 * characters ({@link #PUNCT}); blanks separate tokens and are not tokens.
 */
final class Scan {

  static final byte WORD = 1;
  static final byte NUM = 2;
  static final byte PUNCT = 3;

  final String text;
  final int base;
  /** Folded chars. */
  final char[] f;
  /** Accent of each folded char, with {@link #UP} set for upper case. */
  final byte[] acc;
  /** Original index of each folded char; {@code orig[n]} is the end of the scanned region. */
  final int[] orig;
  final int n;

  final int[] ts;
  final int[] te;
  final byte[] kind;
  /** Lexicon word of a WORD token, or null. */
  final Lexicon.Word[] word;
  final int tokens;

  static final int UP = 64;

  Scan(String text, int from, int to) {
    this.text = text;
    this.base = from;
    int len = to - from;
    char[] fc = new char[len];
    byte[] ac = new byte[len];
    int[] or = new int[len + 1];
    int m = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
        fc[m] = '\uFFFD';
        or[m++] = i++;
        continue;
      }
      int info = Fold.info(c);
      if ((info & Fold.SKIP) != 0) {
        continue;
      }
      if ((info & Fold.MARK) != 0) {
        if (m > 0 && isLetter(fc[m - 1])) {
          int a = ac[m - 1];
          ac[m - 1] = (byte) ((a & UP) | Fold.merge(a & 63, Fold.accent(info)));
        }
        continue;
      }
      fc[m] = Fold.ch(info);
      ac[m] = (byte) (Fold.accent(info) | ((info & Fold.UPPER) != 0 ? UP : 0));
      or[m++] = i;
    }
    or[m] = to;
    this.f = fc;
    this.acc = ac;
    this.orig = or;
    this.n = m;

    int[] s = new int[m];
    int[] e = new int[m];
    byte[] k = new byte[m];
    int t = 0;
    int i = 0;
    while (i < m) {
      char c = fc[i];
      if (c == ' ' || c == '\n') {
        i++;
        continue;
      }
      int j = i + 1;
      byte kd;
      if (isDigit(c)) {
        while (j < m && isDigit(fc[j])) {
          j++;
        }
        kd = NUM;
      } else if (isLetter(c)) {
        while (j < m && isLetter(fc[j])) {
          j++;
        }
        kd = WORD;
      } else {
        kd = PUNCT;
      }
      s[t] = i;
      e[t] = j;
      k[t++] = kd;
      i = j;
    }
    this.ts = s;
    this.te = e;
    this.kind = k;
    this.tokens = t;
    Lexicon.Word[] w = new Lexicon.Word[t];
    for (int x = 0; x < t; x++) {
      if (k[x] == WORD) {
        w[x] = Lexicon.lookup(fc, ac, s[x], e[x]);
      }
    }
    this.word = w;
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
