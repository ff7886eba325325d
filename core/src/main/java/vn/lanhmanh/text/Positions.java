package vn.lanhmanh.text;

import java.util.Arrays;

/**
 * The normaliser's output for one text: a sequence of syllable positions, each with its exact and folded
 * symbol ids (or -1 when the vocabulary does not know it), whether the folded view may stand for a
 * diacritic-free writing ({@code plain}), and its {@code [start, end)} span in the original string.
 *
 * <p>A reusable scratch buffer: not thread-safe; one per thread.
 */
public final class Positions {

  int size;
  int[] exactId = new int[64];
  int[] foldId = new int[64];
  int[] start = new int[64];
  int[] end = new int[64];
  boolean[] plain = new boolean[64];
  /** Offset of the position's own characters in the pools, or -1 when it comes from an expansion. */
  int[] charOff = new int[64];
  int[] charLen = new int[64];
  /** Per position: a sentence end ({@code . ! ? …}, a line break) lies between it and the one before. */
  boolean[] sentenceStart = new boolean[64];
  /** Per position: where its symbols come from ({@link #OWN}, {@link #EXPANDED}, {@link #MASKED}). */
  byte[] source = new byte[64];
  /** Set by the normaliser before the next {@link #add}: that position starts a sentence. */
  boolean pendingBreak;
  int inputLength;

  /** The text being normalised. */
  char[] input = new char[128];
  private final LanguageCheck.Letters letters = new LanguageCheck.Letters();
  char[] exactChars = new char[256];
  /** Scratch of the normaliser's cut of spaced letters into syllables (VietnameseNormalizer.segment). */
  final int[] segmentBest = new int[VietnameseNormalizer.MAX_SEGMENTED + 1];
  final int[] segmentFrom = new int[VietnameseNormalizer.MAX_SEGMENTED + 1];
  /** Scratch of the cut of a word into the syllables it runs together (VietnameseNormalizer.splitRunTogether). */
  final int[] runBest = new int[VietnameseNormalizer.MAX_RUN_TOGETHER + 1];
  final int[] runFrom = new int[VietnameseNormalizer.MAX_RUN_TOGETHER + 1];
  char[] foldChars = new char[256];

  // Raw tokens (pass one).
  int rawSize;
  int[] rStart = new int[64];
  int[] rEnd = new int[64];
  int[] rOff = new int[64];
  int[] rLen = new int[64];
  int[] rSep = new int[64];
  byte[] rFlags = new byte[64];

  static final byte F_LETTER = 1;
  static final byte F_ACCENT = 2;
  static final byte F_DIGIT = 4;
  static final byte F_LEETSYM = 8;
  /** Raw token flag: a sentence end lies in the separator before this token. */
  static final byte F_SENTENCE = 16;
  /** Raw token flag: the separator before this token is one to three mask characters ({@code * #}). */
  static final byte F_MASKED = 32;
  /** Raw token flag: the separator before this token holds {@code ! ? …} or a line break. */
  static final byte F_STOP = 64;

  /** The position's syllable was written in the text (possibly joined or collapsed). */
  public static final byte OWN = 0;
  /** The position comes from teencode ({@code dm}) or a joined spelling ({@code ditme}). */
  public static final byte EXPANDED = 1;
  /**
   * The position is a masked word read as a syllable: a masked swear ({@code đ*t}) read as the swear it
   * can be, or a masked word read as the syllable that completes a phrase with its neighbours
   * ({@link #readMasked}).
   */
  public static final byte MASKED = 2;

  // Masked words (letters joined by or ending in * or #), each one position, in the order of their positions:
  // what the matcher may read them as ({@link #maskFits}) and what the normaliser read them as.
  private int masked;
  private int[] mPos = new int[8];
  /** The raw tokens of the word ({@code from..to}); after the last, {@code mTrail} masks hide letters. */
  private int[] mFrom = new int[8];
  private int[] mTo = new int[8];
  private int[] mTrail = new int[8];
  /** The fewest and most letters the word can spell (each run of masks hides one letter at least, one per mask at most). */
  private int[] mMin = new int[8];
  private int[] mMax = new int[8];
  /** The word's span in the text, its trailing masks included. */
  private int[] mEnd = new int[8];
  private byte[] mFlags = new byte[8];
  // The normaliser's reading of the word, put back before the matcher reads it again.
  private int[] dExact = new int[8];
  private int[] dFold = new int[8];
  private int[] dOff = new int[8];
  private int[] dLen = new int[8];
  private int[] dEnd = new int[8];
  private boolean[] dPlain = new boolean[8];
  private byte[] dSource = new byte[8];

  /** Masked-word flag: the word ends in its masks or has one letter written ({@code c*}, {@code đ*}, {@code Nh*}). */
  static final byte MASK_WEAK = 1;
  /** Masked-word flag: the normaliser read the word as a swear ({@code đ*t}). */
  static final byte MASK_SWEAR = 2;

  public int size() {
    return size;
  }

  public int exactId(int i) {
    return exactId[i];
  }

  public int foldId(int i) {
    return foldId[i];
  }

  public int start(int i) {
    return start[i];
  }

  public int end(int i) {
    return end[i];
  }

  /** True when a sentence end lies between position {@code i} and the one before it. */
  public boolean sentenceStart(int i) {
    return sentenceStart[i];
  }

  /** Where position {@code i} comes from: {@link #OWN}, {@link #EXPANDED} or {@link #MASKED}. */
  public byte source(int i) {
    return source[i];
  }

  /** Character {@code k} of the original text (as normalised last). */
  public char inputChar(int k) {
    return input[k];
  }

  /** The length of the original text (as normalised last). */
  public int inputLength() {
    return inputLength;
  }

  /**
   * True when position {@code i} is written with its own characters and cannot be a Vietnamese syllable as
   * written, because it ends in a stop ({@code p t c ch}) without the acute or dot-below tone that such a
   * syllable must carry: {@code dit} or {@code đit} can only be a stripped {@code địt}, while {@code khung},
   * {@code lon} or {@code đô} are words of their own.
   */
  public boolean impossibleAsWritten(int i) {
    if (charOff[i] < 0 || charLen[i] == 0) {
      return false;
    }
    int off = charOff[i];
    int len = charLen[i];
    char last = foldChars[off + len - 1];
    boolean stop = last == 'p' || last == 't' || last == 'c'
        || (last == 'h' && len >= 2 && foldChars[off + len - 2] == 'c');
    if (!stop) {
      return false;
    }
    int tone = CharTable.TONE_NONE;
    for (int k = off; k < off + len; k++) {
      tone = Math.max(tone, CharTable.tone(CharTable.info(exactChars[k])));
    }
    return tone != CharTable.TONE_ACUTE && tone != CharTable.TONE_DOT;
  }

  /**
   * True when position {@code i} is written with its own letters but disguised: digits or symbols read as
   * letters ({@code l0n}), letters split or repeated ({@code l.o.n}, {@code lonnn}), invisible characters.
   * Nobody writes an ordinary word that way.
   */
  public boolean disguised(int i) {
    if (charOff[i] < 0) {
      return false;
    }
    if (end[i] - start[i] != charLen[i]) {
      return true;
    }
    for (int k = start[i]; k < end[i]; k++) {
      char c = input[k];
      // ASCII is decided without the Unicode tables: its only letters are a-z and A-Z
      if (c < 0x80 ? (c | 0x20) < 'a' || (c | 0x20) > 'z' : !Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when position {@code i} is written like {@code ruleSyllable} except that {@code đ} is written
   * {@code d} ({@code dịt} for {@code địt}): a missing stroke, not a different tone or vowel.
   */
  public boolean onlyStrokeMissing(int i, String ruleSyllable) {
    if (charOff[i] < 0 || charLen[i] != ruleSyllable.length()) {
      return false;
    }
    for (int k = 0; k < charLen[i]; k++) {
      char t = exactChars[charOff[i] + k];
      char r = ruleSyllable.charAt(k);
      if (t != r && !(t == 'd' && r == '\u0111')) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when position {@code i} is written with its own letters and they can form a Vietnamese syllable
   * (an initial consonant, one to three vowels, a final consonant), whatever its diacritics: {@code cave},
   * {@code diving}, {@code fan} and {@code hell} cannot; {@code the} and {@code in} can.
   */
  public boolean vietnameseShape(int i) {
    return charOff[i] >= 0 && Syllables.vietnameseShape(foldChars, charOff[i], charLen[i]);
  }

  /**
   * True when the original characters {@code [from, to)} (ASCII letters, any case) can form a Vietnamese
   * syllable: {@code Ko} can, {@code dell} and {@code cave} cannot.
   */
  public boolean writtenVietnameseShape(int from, int to) {
    return Syllables.vietnameseShape(input, from, to - from);
  }

  /** True when position {@code i} is written with its own characters and holds a digit ({@code h2o}). */
  public boolean hasDigit(int i) {
    if (charOff[i] < 0) {
      return false;
    }
    for (int k = charOff[i]; k < charOff[i] + charLen[i]; k++) {
      if (foldChars[k] >= '0' && foldChars[k] <= '9') {
        return true;
      }
    }
    return false;
  }

  /** True when this syllable is written without diacritics, so a folded match may stand for it. */
  public boolean plain(int i) {
    return plain[i];
  }

  /**
   * True when every diacritic written on position {@code i} is also on {@code ruleSyllable} (a syllable
   * with the same folded form): {@code đit} and {@code dit} are within {@code địt}, {@code đó} is not
   * within {@code đồ}. A folded match may stand for a sloppy or evasive spelling, never for a different
   * word written with its own diacritics.
   *
   * @param ruleId the exact symbol id of {@code ruleSyllable}: a position written with exactly those
   *     characters has that id, which settles the question without comparing characters
   */
  public boolean marksWithin(int i, int ruleId, String ruleSyllable) {
    if (plain[i] || exactId[i] == ruleId) {
      return true;
    }
    if (charOff[i] < 0 || charLen[i] != ruleSyllable.length()) {
      return false;
    }
    for (int k = 0; k < charLen[i]; k++) {
      char t = exactChars[charOff[i] + k];
      char r = ruleSyllable.charAt(k);
      if (t == r) {
        continue;
      }
      int ti = CharTable.info(t);
      int ri = CharTable.info(r);
      char tb = CharTable.ch(ti);
      char rb = CharTable.ch(ri);
      // d is within đ (a missing stroke), đ is not within d.
      if (CharTable.fold(tb) != CharTable.fold(rb) || (tb == '\u0111' && rb != '\u0111')
          || (CharTable.mod(ti) != 0 && CharTable.mod(ti) != CharTable.mod(ri))
          || (CharTable.tone(ti) != 0 && CharTable.tone(ti) != CharTable.tone(ri))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A 64-bit hash (FNV-1a) of the exact or folded characters of position {@code i}: equal characters give
   * equal hashes whatever the vocabulary, so a learned model's hashed features do not depend on which
   * lexicon was loaded. Allocates nothing for the text's own syllables.
   */
  public long charHash(int i, boolean folded, Vocabulary vocab) {
    long h = 0xcbf29ce484222325L;
    if (charOff[i] >= 0) {
      char[] pool = folded ? foldChars : exactChars;
      for (int k = charOff[i], e = charOff[i] + charLen[i]; k < e; k++) {
        h = (h ^ pool[k]) * 0x100000001b3L;
      }
      return h;
    }
    String s = folded ? foldString(i, vocab) : exactString(i, vocab);
    for (int k = 0; k < s.length(); k++) {
      h = (h ^ s.charAt(k)) * 0x100000001b3L;
    }
    return h;
  }

  /** True when position {@code i} comes from an expansion (teencode, a joined spelling), not its own letters. */
  public boolean expanded(int i) {
    return charOff[i] < 0;
  }

  /** How many letters position {@code i} has (0 for an expansion). */
  public int charLength(int i) {
    return charOff[i] < 0 ? 0 : charLen[i];
  }

  /**
   * Letter {@code k} of position {@code i}'s folded view ({@code 0 <= k < charLength(i)}; positions from an
   * expansion have no letters of their own). Allocates nothing.
   */
  public char foldChar(int i, int k) {
    return foldChars[charOff[i] + k];
  }

  /** Letter {@code k} of position {@code i}'s exact view ({@code 0 <= k < charLength(i)}). Allocates nothing. */
  public char exactChar(int i, int k) {
    return exactChars[charOff[i] + k];
  }

  /**
   * Whether position {@code i}'s exact view is {@code word} (lower case, NFC): its own letters compared one by
   * one, or for a position from an expansion its syllable id. Allocates nothing.
   */
  public boolean exactIs(int i, String word, Vocabulary vocab) {
    if (charOff[i] < 0) {
      int id = exactId[i];
      return id >= 0 && id == vocab.exactId(word);
    }
    return lettersAre(exactChars, i, word);
  }

  /** Whether position {@code i}'s exact view is one of {@code words} ({@link #exactIs}). Allocates nothing. */
  public boolean exactIsAny(int i, String[] words, Vocabulary vocab) {
    for (String w : words) {
      if (exactIs(i, w, vocab)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether position {@code i}'s folded view is {@code word} (lower case, without diacritics): its own letters
   * compared one by one, or for a position from an expansion its folded syllable id. Allocates nothing.
   */
  public boolean foldIs(int i, String word, Vocabulary vocab) {
    if (charOff[i] < 0) {
      int id = foldId[i];
      return id >= 0 && id == vocab.foldId(word);
    }
    return lettersAre(foldChars, i, word);
  }

  /** Whether position {@code i}'s letters in {@code view} (its exact or folded copy) are {@code word}'s. */
  private boolean lettersAre(char[] view, int i, String word) {
    if (charLen[i] != word.length()) {
      return false;
    }
    for (int k = 0; k < charLen[i]; k++) {
      if (view[charOff[i] + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The exact view of position {@code i} as a string (allocates; for tooling and the analyzer). */
  public String exactString(int i, Vocabulary vocab) {
    if (charOff[i] >= 0) {
      return new String(exactChars, charOff[i], charLen[i]);
    }
    return exactId[i] >= 0 ? vocab.exactKey(exactId[i]) : vocab.foldKey(foldId[i]);
  }

  /** The folded view of position {@code i} as a string (allocates). */
  public String foldString(int i, Vocabulary vocab) {
    if (charOff[i] >= 0) {
      return new String(foldChars, charOff[i], charLen[i]);
    }
    return vocab.foldKey(foldId[i]);
  }

  /** The letter {@code c} lower-cased without its diacritics ({@code Đ → d}, {@code ầ → a}). */
  public static char foldedLetter(char c) {
    return CharTable.fold(CharTable.ch(CharTable.info(c)));
  }

  /** How many masked words the text has ({@code k*o}, {@code d*ng}, {@code c*}): one position each. */
  public int maskedWords() {
    return masked;
  }

  /** The position of masked word {@code w}. */
  public int maskedPosition(int w) {
    return mPos[w];
  }

  /**
   * Whether masked word {@code w} is weak: it ends in its masks ({@code c*}, {@code Nh*}) or has one letter
   * written, so it fits dozens of syllables, and is read only beside a strong masked word.
   */
  public boolean maskedWeak(int w) {
    return (mFlags[w] & MASK_WEAK) != 0;
  }

  /** The exact id the normaliser read masked word {@code w} as (-1 when none). */
  public int maskedReadExact(int w) {
    return dExact[w];
  }

  /** The folded id the normaliser read masked word {@code w} as (-1 when none). */
  public int maskedReadFold(int w) {
    return dFold[w];
  }

  /** Whether the normaliser read masked word {@code w} as a swear ({@code đ*t}, {@code l*n}). */
  public boolean maskedSwear(int w) {
    return (mFlags[w] & MASK_SWEAR) != 0;
  }

  /** Whether masked word {@code w} is written with a diacritic ({@code g*ết}, {@code l*ợng}). */
  public boolean maskedMarked(int w) {
    for (int t = mFrom[w]; t <= mTo[w]; t++) {
      if ((rFlags[t] & F_ACCENT) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The fewest letters masked word {@code w} can spell. */
  public int maskedMinLength(int w) {
    return mMin[w];
  }

  /** The most letters masked word {@code w} can spell. */
  public int maskedMaxLength(int w) {
    return mMax[w];
  }

  /**
   * The last letter written of masked word {@code w}, folded, when the word ends in it; 0 when it ends in
   * masks ({@code c*}).
   */
  public char maskedLastLetter(int w) {
    if (mTrail[w] > 0) {
      return 0;
    }
    int t = mTo[w];
    return foldChars[rOff[t] + rLen[t] - 1];
  }

  /** The first letter written of masked word {@code w}, folded ({@code đ → d}). */
  public char maskedFirstLetter(int w) {
    return foldChars[rOff[mFrom[w]]];
  }

  /**
   * Whether masked word {@code w} can be {@code key}: the letters written are the key's, in order, and each
   * run of masks stands for one letter at least and one per mask at most ({@code l**n}: one or two). With
   * {@code exact}, {@code key} is an exact syllable (lower case, with diacritics) and the diacritics written
   * must be the key's ({@code d} may stand for {@code đ}, as a missing stroke); otherwise {@code key} is a
   * folded syllable and the letters are compared folded. With {@code silentE} ({@link #silentFinalE}) the
   * word may also leave out the key's final {@code e} ({@code n*d}: {@code nude}). A dynamic programme over
   * the key's offsets in one {@code long} (which offsets the word so far can end at): no backtracking and
   * no allocation.
   */
  public boolean maskFits(int w, String key, boolean exact, boolean silentE) {
    return fitsFirst(w, key, key.length(), exact) || silentE && fitsFirst(w, key, key.length() - 1, exact);
  }

  /**
   * Whether {@code key}, an English word ({@code nude}), may be written without its final {@code e} in a
   * masked word: four letters or more, ending in {@code e}, and not shaped like a Vietnamese syllable
   * ({@code khoe}, {@code nghe} are not).
   */
  public static boolean silentFinalE(String key) {
    int n = key.length();
    return n >= 4 && key.charAt(n - 1) == 'e' && !Syllables.vietnameseShape(key.toCharArray(), 0, n);
  }

  /** Whether masked word {@code w} is the first {@code keyLen} letters of {@code key} ({@link #maskFits}). */
  private boolean fitsFirst(int w, String key, int keyLen, boolean exact) {
    if (keyLen < mMin[w] || keyLen > mMax[w] || keyLen > 62) {
      return false;
    }
    if (mTrail[w] == 0) {
      // The last letter written is the key's last (most keys fail here, without the programme below).
      int t = mTo[w];
      char last = key.charAt(keyLen - 1);
      if ((last < 0x80 ? last : foldedLetter(last)) != foldChars[rOff[t] + rLen[t] - 1]) {
        return false;
      }
    }
    long reach = 1L;
    for (int t = mFrom[w]; t <= mTo[w]; t++) {
      if (t > mFrom[w]) {
        reach = hide(reach, rSep[t] & 3);
      }
      int off = rOff[t];
      int len = rLen[t];
      long next = 0;
      for (long r = reach; r != 0; r &= r - 1) {
        int at = Long.numberOfTrailingZeros(r);
        if (at + len <= keyLen && lettersFit(off, len, key, at, exact)) {
          next |= 1L << (at + len);
        }
      }
      reach = next;
      if (reach == 0) {
        return false;
      }
    }
    if (mTrail[w] > 0) {
      reach = hide(reach, mTrail[w]);
    }
    return (reach >>> keyLen & 1L) != 0;
  }

  /** The offsets reachable after a run of {@code masks} masks (each hides one letter, the run one at least). */
  private static long hide(long reach, int masks) {
    long out = 0;
    for (int k = 1; k <= masks; k++) {
      out |= reach << k;
    }
    return out;
  }

  /**
   * Whether the {@code len} letters at {@code off} of the pools are {@code key}'s from {@code at}: folded
   * equal, and with {@code exact} every diacritic written the key's ({@code d} may stand for {@code đ}).
   */
  boolean lettersFit(int off, int len, String key, int at, boolean exact) {
    for (int k = 0; k < len; k++) {
      char r = key.charAt(at + k);
      if (!exact) {
        if (foldChars[off + k] != r) {
          return false;
        }
        continue;
      }
      char t = exactChars[off + k];
      if (t == r) {
        continue;
      }
      int ti = CharTable.info(t);
      int ri = CharTable.info(r);
      char tb = CharTable.ch(ti);
      char rb = CharTable.ch(ri);
      // A mark written must be the key's; a letter written without marks may stand for any of its forms.
      if (CharTable.fold(tb) != CharTable.fold(rb) || (tb == '\u0111' && rb != '\u0111')
          || (CharTable.mod(ti) != 0 && CharTable.mod(ti) != CharTable.mod(ri))
          || (CharTable.tone(ti) != 0 && CharTable.tone(ti) != CharTable.tone(ri))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads masked word {@code w} as the syllable {@code exactId} (or -1) with the folded id {@code foldId}:
   * the position becomes {@link #MASKED} and spans the whole word, its trailing masks included. With
   * {@code plain} false the reading is a syllable with its diacritics known (a folded phrase counts on it
   * only where its own syllable is that one); with {@code plain} true it is read like a word written
   * without diacritics.
   */
  public void readMasked(int w, int exactId, int foldId, boolean plain) {
    int i = mPos[w];
    this.exactId[i] = exactId;
    this.foldId[i] = foldId;
    this.plain[i] = plain;
    source[i] = MASKED;
    charOff[i] = -1;
    charLen[i] = 0;
    end[i] = mEnd[w];
  }

  /** Puts back the normaliser's reading of every masked word (the matcher reads them afresh). */
  public void unreadMasked() {
    for (int w = 0; w < masked; w++) {
      int i = mPos[w];
      exactId[i] = dExact[w];
      foldId[i] = dFold[w];
      charOff[i] = dOff[w];
      charLen[i] = dLen[w];
      end[i] = dEnd[w];
      plain[i] = dPlain[w];
      source[i] = dSource[w];
    }
  }

  /**
   * Registers position {@code pos}, just added, as a masked word of raw tokens {@code from..to} followed by
   * {@code trail} masks that hide letters (0 when the masks are inside the word).
   */
  void addMaskedWord(int pos, int from, int to, int trail, int wordEnd, byte flags) {
    if (masked == mPos.length) {
      int n = masked * 2;
      mPos = Arrays.copyOf(mPos, n);
      mFrom = Arrays.copyOf(mFrom, n);
      mTo = Arrays.copyOf(mTo, n);
      mTrail = Arrays.copyOf(mTrail, n);
      mMin = Arrays.copyOf(mMin, n);
      mMax = Arrays.copyOf(mMax, n);
      mEnd = Arrays.copyOf(mEnd, n);
      mFlags = Arrays.copyOf(mFlags, n);
      dExact = Arrays.copyOf(dExact, n);
      dFold = Arrays.copyOf(dFold, n);
      dOff = Arrays.copyOf(dOff, n);
      dLen = Arrays.copyOf(dLen, n);
      dEnd = Arrays.copyOf(dEnd, n);
      dPlain = Arrays.copyOf(dPlain, n);
      dSource = Arrays.copyOf(dSource, n);
    }
    mPos[masked] = pos;
    mFrom[masked] = from;
    mTo[masked] = to;
    mTrail[masked] = trail;
    int letters = 0;
    int hidden = trail;
    for (int t = from; t <= to; t++) {
      letters += rLen[t];
      hidden += t > from ? rSep[t] & 3 : 0;
    }
    mMin[masked] = letters + (to - from) + (trail > 0 ? 1 : 0);
    mMax[masked] = letters + hidden;
    mEnd[masked] = wordEnd;
    mFlags[masked] = flags;
    dExact[masked] = exactId[pos];
    dFold[masked] = foldId[pos];
    dOff[masked] = charOff[pos];
    dLen[masked] = charLen[pos];
    dEnd[masked] = end[pos];
    dPlain[masked] = plain[pos];
    dSource[masked] = source[pos];
    masked++;
  }

  /** What the language check counts of the text, counted in the normaliser's pass. */
  LanguageCheck.Letters letters() {
    return letters;
  }

  void reset(int textLength) {
    letters.reset();
    size = 0;
    rawSize = 0;
    masked = 0;
    pendingBreak = false;
    inputLength = textLength;
    int need = textLength * 3 + 16; // raw letters, joined copies, collapsed copies
    if (input.length < textLength) {
      input = new char[textLength];
    }
    if (exactChars.length < need) {
      exactChars = new char[need];
      foldChars = new char[need];
    }
  }

  /** Drops buffers grown for a very large text so a thread does not keep them forever. */
  public void trim(int maxChars) {
    if (input.length > maxChars) {
      input = new char[128];
    }
    if (exactChars.length > maxChars * 3) {
      exactChars = new char[256];
      foldChars = new char[256];
    }
    if (exactId.length > maxChars) {
      exactId = new int[64];
      foldId = new int[64];
      start = new int[64];
      end = new int[64];
      plain = new boolean[64];
      charOff = new int[64];
      charLen = new int[64];
      sentenceStart = new boolean[64];
      source = new byte[64];
    }
    if (mPos.length > maxChars) {
      masked = 0;
      mPos = new int[8];
      mFrom = new int[8];
      mTo = new int[8];
      mTrail = new int[8];
      mMin = new int[8];
      mMax = new int[8];
      mEnd = new int[8];
      mFlags = new byte[8];
      dExact = new int[8];
      dFold = new int[8];
      dOff = new int[8];
      dLen = new int[8];
      dEnd = new int[8];
      dPlain = new boolean[8];
      dSource = new byte[8];
    }
    if (rStart.length > maxChars) {
      rStart = new int[64];
      rEnd = new int[64];
      rOff = new int[64];
      rLen = new int[64];
      rSep = new int[64];
      rFlags = new byte[64];
    }
  }

  void add(int ex, int fo, boolean isPlain, int s, int e, int off, int len) {
    add(ex, fo, isPlain, s, e, off, len, off >= 0 ? OWN : EXPANDED);
  }

  void add(int ex, int fo, boolean isPlain, int s, int e, int off, int len, byte from) {
    if (size == exactId.length) {
      int n = size + (size >> 1);   // by half: a text of millions of syllables keeps less room unused
      exactId = Arrays.copyOf(exactId, n);
      foldId = Arrays.copyOf(foldId, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      plain = Arrays.copyOf(plain, n);
      charOff = Arrays.copyOf(charOff, n);
      charLen = Arrays.copyOf(charLen, n);
      sentenceStart = Arrays.copyOf(sentenceStart, n);
      source = Arrays.copyOf(source, n);
    }
    sentenceStart[size] = pendingBreak && size > 0;
    pendingBreak = false;
    source[size] = from;
    exactId[size] = ex;
    foldId[size] = fo;
    plain[size] = isPlain;
    start[size] = s;
    end[size] = e;
    charOff[size] = off;
    charLen[size] = len;
    size++;
  }

  int addRaw(int s, int off, int sep) {
    if (rawSize == rStart.length) {
      int n = rawSize + (rawSize >> 1);
      rStart = Arrays.copyOf(rStart, n);
      rEnd = Arrays.copyOf(rEnd, n);
      rOff = Arrays.copyOf(rOff, n);
      rLen = Arrays.copyOf(rLen, n);
      rSep = Arrays.copyOf(rSep, n);
      rFlags = Arrays.copyOf(rFlags, n);
    }
    rStart[rawSize] = s;
    rEnd[rawSize] = s;
    rOff[rawSize] = off;
    rLen[rawSize] = 0;
    rSep[rawSize] = sep;
    rFlags[rawSize] = 0;
    return rawSize++;
  }
}
