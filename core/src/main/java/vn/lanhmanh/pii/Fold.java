package vn.lanhmanh.pii;

import java.text.Normalizer;

/**
 * Per-character folding table for the PII scanners: lower-case base letter without diacritics
 * ({@code đ → d}), ASCII digit for full-width digits, one space for any blank, and the Vietnamese
 * accent (modifier and tone) kept apart so that a scanner can still tell {@code số} from {@code sợ}.
 *
 * <p>Entry layout: bits 0–15 folded char; bits 16–21 accent ({@code modifier * 8 + tone});
 * bit 22 upper case; bit 23 skip (format character); bit 24 combining mark (accent bits say which).
 */
final class Fold {

  static final int UPPER = 1 << 22;
  static final int SKIP = 1 << 23;
  static final int MARK = 1 << 24;

  static final int MOD_STROKE = 4;

  private static final int[] TABLE = new int[65536];

  static {
    for (int c = 0; c < 65536; c++) {
      TABLE[c] = classify((char) c);
    }
  }

  private Fold() {}

  static int info(char c) {
    return TABLE[c];
  }

  static char ch(int info) {
    return (char) (info & 0xFFFF);
  }

  static int accent(int info) {
    return (info >>> 16) & 0x3F;
  }

  /** Accent with bit 6 set for upper case: the two fields lie side by side in an entry. */
  static int accentAndCase(int info) {
    return (info >>> 16) & 0x7F;
  }

  /** Accent after applying a separate combining mark (NFD input) to a letter's accent. */
  static int merge(int accent, int markAccent) {
    int mod = (markAccent >>> 3) != 0 ? markAccent >>> 3 : accent >>> 3;
    int tone = (markAccent & 7) != 0 ? markAccent & 7 : accent & 7;
    return mod << 3 | tone;
  }

  /** Accent of a spelling, as the scanner would compute it for each folded char. */
  static int markAccent(char c) {
    switch (c) {
      case '\u0300': return 1;
      case '\u0301': return 2;
      case '\u0309': return 3;
      case '\u0303': return 4;
      case '\u0323': return 5;
      case '\u0306': return 1 << 3;
      case '\u0302': return 2 << 3;
      case '\u031B': return 3 << 3;
      default: return 0;
    }
  }

  private static int classify(char c) {
    if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
      return '\n';
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return ' ';
    }
    if (Character.isSurrogate(c)) {
      return '\uFFFD';
    }
    int type = Character.getType(c);
    if (type == Character.FORMAT || type == Character.CONTROL) {
      return c == '\t' ? ' ' : SKIP;
    }
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) {
      return MARK | markAccent(c) << 16;
    }
    int upper = Character.isUpperCase(c) || Character.isTitleCase(c) ? UPPER : 0;
    if (c == '\u0111' || c == '\u0110') {
      return 'd' | MOD_STROKE << 19 | upper;
    }
    String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
    char base = 0;
    int accent = 0;
    int bases = 0;
    for (int i = 0; i < d.length(); i++) {
      char x = d.charAt(i);
      int t = Character.getType(x);
      if (t == Character.NON_SPACING_MARK) {
        accent = merge(accent, markAccent(x));
      } else {
        base = x;
        bases++;
      }
    }
    if (bases != 1) {
      base = c;
      accent = 0;
    }
    if (Character.isDigit(base) && (base < '0' || base > '9')) {
      base = c; // only ASCII and full-width digits count as digits
    }
    if (Character.isWhitespace(base) || Character.isSpaceChar(base)) {
      return ' ';
    }
    return Character.toLowerCase(base) | accent << 16 | upper;
  }
}
