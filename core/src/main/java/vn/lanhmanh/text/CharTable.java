package vn.lanhmanh.text;

import java.text.Normalizer;

/**
 * A precomputed description of every BMP character: its class for tokenising, its lower-case base
 * letter after look-alike folding, and its Vietnamese vowel modifier and tone, so that the hot path is
 * one array load per character. The scripts Vietnamese text is written in (Latin with its marks, Greek and
 * Cyrillic look-alikes, punctuation) are described at class initialisation; any other character (CJK,
 * Hangul, symbols …) the first time it is seen, once per process: describing all 65,536 characters up
 * front took a cold JVM a few hundred milliseconds of Unicode normalisation, most of the start-up of a
 * one-shot check.
 *
 * <p>Packed layout of an entry: bits 0–15 the character (the lower-case base letter for {@link #LETTER},
 * the ASCII digit for {@link #DIGIT}, the letter meant for {@link #LEET}); bits 16–17 the modifier;
 * bits 18–20 the tone; bits 21–23 the class; bit 24 set when the character carries a non-Vietnamese mark;
 * bit 25 set on every described entry (0 is a character not described yet); bit 26 set on a letter that
 * carries any diacritic or is {@code đ} ({@link #ACCENT}).
 */
final class CharTable {

  static final int SEP = 0;
  static final int LETTER = 1;
  static final int DIGIT = 2;
  static final int MARK = 3;
  static final int IGNORE = 4;
  static final int SPACE = 5;
  static final int LEET = 6;
  static final int BREAK = 7;

  static final int MOD_NONE = 0;
  static final int MOD_BREVE = 1;
  static final int MOD_CIRCUMFLEX = 2;
  static final int MOD_HORN = 3;

  static final int TONE_NONE = 0;
  static final int TONE_GRAVE = 1;
  static final int TONE_ACUTE = 2;
  static final int TONE_HOOK = 3;
  static final int TONE_TILDE = 4;
  static final int TONE_DOT = 5;

  private static final char[] MOD_MARKS = {0, '\u0306', '\u0302', '\u031B'};
  private static final char[] TONE_MARKS = {0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'};

  /** Index 26 of the compose table is {@code đ}. */
  private static final int D_STROKE = 26;

  /** Set on every described entry. */
  private static final int KNOWN = 1 << 25;
  /** Set on a letter with a modifier, a tone or another mark, or on {@code đ}: its syllable has diacritics. */
  static final int ACCENT = 1 << 26;
  /** Characters below this are described at class initialisation, and those of {@link #EAGER_RANGES}. */
  private static final int EAGER_BELOW = 0x0530;
  /** Latin Extended Additional (Vietnamese letters), Greek Extended, punctuation, letter-like symbols. */
  private static final char[][] EAGER_RANGES = {{'\u1E00', '\u1FFF'}, {'\u2000', '\u214F'}};

  /**
   * Entries by character; 0 until described. Written without a lock: a character described by two threads
   * at once is described the same by both, and an {@code int} is written whole.
   */
  private static final int[] TABLE = new int[65536];
  /** Composed lower-case letter for (base 0..26, modifier 0..3, tone 0..5); 0 where no such letter. */
  private static final char[] COMPOSE = new char[27 * 4 * 6];
  /** {@link #EXACT} covers the characters below this (the eagerly described ones among them). */
  private static final int EXACT_LIMIT = 0x2150;
  /**
   * The exact letter ({@link #exact}) of every eagerly described letter below {@link #EXACT_LIMIT}, filled
   * at class initialisation; 0 for any other character.
   */
  private static final char[] EXACT = new char[EXACT_LIMIT];

  /**
   * Mathematical alphanumeric symbols U+1D400–U+1D7FF to the ASCII letter or digit they are (0 if none);
   * made when the first of them is seen.
   */
  private static final class MathAlphanumeric {
    static final char[] TABLE = new char[0x400];

    static {
      for (int cp = 0x1D400; cp <= 0x1D7FF; cp++) {
        String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (s.length() == 1 && s.charAt(0) < 128 && Character.isLetterOrDigit(s.charAt(0))) {
          TABLE[cp - 0x1D400] = Character.toLowerCase(s.charAt(0));
        }
      }
    }
  }

  static {
    buildCompose();
    for (int c = 0; c < EAGER_BELOW; c++) {
      TABLE[c] = classify((char) c) | KNOWN;
    }
    for (char[] range : EAGER_RANGES) {
      for (int c = range[0]; c <= range[1]; c++) {
        TABLE[c] = classify((char) c) | KNOWN;
      }
    }
    for (int c = 0; c < EXACT_LIMIT; c++) {
      int info = TABLE[c];
      if (info != 0 && cls(info) == LETTER) {
        EXACT[c] = composed(info);
      }
    }
  }

  private CharTable() {}

  static int info(char c) {
    int info = TABLE[c];
    return info != 0 ? info : describe(c);
  }

  /** Describes a character seen for the first time (at most once per character and process, bar races). */
  private static int describe(char c) {
    int info = classify(c) | KNOWN;
    TABLE[c] = info;
    return info;
  }

  static int cls(int info) {
    return (info >>> 21) & 7;
  }

  static char ch(int info) {
    return (char) (info & 0xFFFF);
  }

  static int mod(int info) {
    return (info >>> 16) & 3;
  }

  static int tone(int info) {
    return (info >>> 18) & 7;
  }

  static boolean otherMark(int info) {
    return (info & (1 << 24)) != 0;
  }

  /**
   * The lower-case letter with its diacritics composed, of a character of class {@link #LETTER} whose entry
   * is {@code info}: one table load for the Latin and Vietnamese letters.
   */
  static char exact(char c, int info) {
    if (c < EXACT_LIMIT) {
      char e = EXACT[c];
      if (e != 0) {
        return e;
      }
    }
    return composed(info);
  }

  private static char composed(int info) {
    int mod = mod(info);
    int tone = tone(info);
    return (mod | tone) == 0 ? ch(info) : compose(ch(info), mod, tone);
  }

  /** The letter leetspeak means by this digit, or 0. */
  static char leetDigit(char digit) {
    switch (digit) {
      case '0': return 'o';
      case '1': return 'i';
      case '3': return 'e';
      case '4': return 'a';
      case '5': return 's';
      default: return 0;
    }
  }

  /** The composed lower-case letter, or the base itself when the combination is not a Vietnamese letter. */
  static char compose(char base, int mod, int tone) {
    int b = baseIndex(base);
    if (b < 0) {
      return base;
    }
    char c = COMPOSE[(b * 4 + mod) * 6 + tone];
    if (c == 0) {
      c = COMPOSE[(b * 4) * 6 + tone]; // keep the tone, drop an impossible modifier
    }
    return c == 0 ? base : c;
  }

  /** The diacritic-free letter: {@code đ → d}, Vietnamese vowels to their base. */
  static char fold(char base) {
    return base == '\u0111' ? 'd' : base;
  }

  /** Code point of a supplementary character to the ASCII letter it looks like, or 0. */
  static char supplementaryLetter(int cp) {
    // Mathematical alphanumeric symbols (bold, italic, script, fraktur, double-struck, monospace …).
    if (cp >= 0x1D400 && cp <= 0x1D7FF) {
      return MathAlphanumeric.TABLE[cp - 0x1D400];
    }
    // Regional indicator symbols 🇦–🇿 are used to spell words.
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
      return (char) ('a' + (cp - 0x1F1E6));
    }
    // Squared, circled and parenthesised Latin letters in the enclosed alphanumeric supplement.
    if (cp >= 0x1F130 && cp <= 0x1F149) {
      return (char) ('a' + (cp - 0x1F130));
    }
    if (cp >= 0x1F150 && cp <= 0x1F169) {
      return (char) ('a' + (cp - 0x1F150));
    }
    if (cp >= 0x1F170 && cp <= 0x1F189) {
      return (char) ('a' + (cp - 0x1F170));
    }
    return 0;
  }

  private static int baseIndex(char base) {
    if (base >= 'a' && base <= 'z') {
      return base - 'a';
    }
    return base == '\u0111' ? D_STROKE : -1;
  }

  private static void buildCompose() {
    for (int b = 0; b < 27; b++) {
      char base = b == D_STROKE ? '\u0111' : (char) ('a' + b);
      for (int m = 0; m < 4; m++) {
        for (int t = 0; t < 6; t++) {
          StringBuilder sb = new StringBuilder().append(base);
          if (m != 0) {
            sb.append(MOD_MARKS[m]);
          }
          if (t != 0) {
            sb.append(TONE_MARKS[t]);
          }
          String nfc = Normalizer.normalize(sb, Normalizer.Form.NFC);
          COMPOSE[(b * 4 + m) * 6 + t] = nfc.length() == 1 ? nfc.charAt(0) : 0;
        }
      }
    }
  }

  private static int pack(int cls, char c, int mod, int tone, boolean other) {
    boolean accent = cls == LETTER && (mod != 0 || tone != 0 || other || c == '\u0111');
    return (c & 0xFFFF) | (mod << 16) | (tone << 18) | (cls << 21) | (other ? 1 << 24 : 0)
        | (accent ? ACCENT : 0);
  }

  private static int classify(char c) {
    if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'
        || c == '\u000B' || c == '\u000C') {
      return pack(BREAK, c, 0, 0, false);
    }
    if (Character.isSurrogate(c)) {
      return pack(SEP, c, 0, 0, false);
    }
    if (c == '\u034F' || (c >= '\uFE00' && c <= '\uFE0F') || c == '\u115F' || c == '\u1160'
        || c == '\u3164' || c == '\uFFA0' || c == '\u17B4' || c == '\u17B5') {
      return pack(IGNORE, c, 0, 0, false);
    }
    int type = Character.getType(c);
    if (type == Character.FORMAT || (type == Character.CONTROL && !Character.isWhitespace(c))) {
      return pack(IGNORE, c, 0, 0, false);
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return pack(SPACE, c, 0, 0, false);
    }
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) {
      return markInfo(c);
    }
    switch (c) {
      case '@': return pack(LEET, 'a', 0, 0, false);
      case '$': return pack(LEET, 's', 0, 0, false);
      case '!': return pack(LEET, 'i', 0, 0, false);
      default: break;
    }
    if (Character.isDigit(c)) {
      int v = Character.digit(c, 10);
      return v < 0 ? pack(SEP, c, 0, 0, false) : pack(DIGIT, (char) ('0' + v), 0, 0, false);
    }
    String k = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
    char kc = k.length() == 1 ? k.charAt(0) : c;
    if (!Character.isLetter(kc)) {
      if (k.length() == 1 && Character.isDigit(kc) && Character.digit(kc, 10) >= 0) {
        return pack(DIGIT, (char) ('0' + Character.digit(kc, 10)), 0, 0, false);
      }
      return pack(SEP, c, 0, 0, false);
    }
    String d = Normalizer.normalize(String.valueOf(kc), Normalizer.Form.NFD);
    if (Character.isSurrogate(d.charAt(0))) {
      // A CJK compatibility ideograph whose decomposition lies outside the BMP: half of a surrogate pair is
      // no letter, so the character stands for itself (else normalised output would not normalise alike).
      return pack(LETTER, c, 0, 0, false);
    }
    char base = lookAlike(Character.toLowerCase(d.charAt(0)));
    int mod = 0;
    int tone = 0;
    boolean other = false;
    for (int i = 1; i < d.length(); i++) {
      int mi = markInfo(d.charAt(i));
      if (mod(mi) != 0 || tone(mi) != 0) {
        mod = Math.max(mod, mod(mi));
        tone = Math.max(tone, tone(mi));
      } else {
        other = true;
      }
    }
    if (base == '\u0111' || base == '\u0110') {
      base = '\u0111';
    }
    return pack(LETTER, base, mod, tone, other);
  }

  private static int markInfo(char c) {
    switch (c) {
      case '\u0306': return pack(MARK, c, MOD_BREVE, 0, false);
      case '\u0302': return pack(MARK, c, MOD_CIRCUMFLEX, 0, false);
      case '\u031B': return pack(MARK, c, MOD_HORN, 0, false);
      case '\u0300': case '\u0340': return pack(MARK, c, 0, TONE_GRAVE, false);
      case '\u0301': case '\u0341': return pack(MARK, c, 0, TONE_ACUTE, false);
      case '\u0309': return pack(MARK, c, 0, TONE_HOOK, false);
      case '\u0303': return pack(MARK, c, 0, TONE_TILDE, false);
      case '\u0323': return pack(MARK, c, 0, TONE_DOT, false);
      default: return pack(MARK, c, 0, 0, true);
    }
  }

  /** Cyrillic, Greek and other letters that look like Latin ones, to the Latin letter. */
  private static char lookAlike(char c) {
    switch (c) {
      // Cyrillic
      case '\u0430': return 'a';
      case '\u0432': return 'b';
      case '\u0435': case '\u0451': case '\u0454': return 'e';
      case '\u043A': return 'k';
      case '\u043C': return 'm';
      case '\u043D': return 'h';
      case '\u043E': return 'o';
      case '\u0440': return 'p';
      case '\u0441': return 'c';
      case '\u0442': return 't';
      case '\u0443': return 'y';
      case '\u0445': return 'x';
      case '\u0456': case '\u0457': return 'i';
      case '\u0458': return 'j';
      case '\u0455': return 's';
      case '\u0501': return 'd';
      case '\u04CF': return 'l';
      case '\u051B': return 'q';
      case '\u051D': return 'w';
      case '\u0491': return 'r';
      // Greek
      case '\u03B1': return 'a';
      case '\u03B2': return 'b';
      case '\u03B5': return 'e';
      case '\u03B7': return 'n';
      case '\u03B9': return 'i';
      case '\u03BA': return 'k';
      case '\u03BD': return 'v';
      case '\u03BF': return 'o';
      case '\u03C1': return 'p';
      case '\u03C4': return 't';
      case '\u03C5': return 'u';
      case '\u03C7': return 'x';
      case '\u03B3': return 'y';
      case '\u03C9': return 'w';
      case '\u03BC': return 'u';
      // Latin look-alikes
      case '\u0131': return 'i'; // dotless i
      case '\u0261': return 'g';
      case '\u0251': return 'a';
      case '\u00F0': return '\u0111'; // eth
      case '\u0256': case '\u0257': return '\u0111';
      case '\u0142': return 'l';
      case '\u00F8': return 'o';
      default: return c;
    }
  }
}
