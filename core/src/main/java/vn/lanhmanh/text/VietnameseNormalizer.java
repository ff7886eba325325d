package vn.lanhmanh.text;

import static vn.lanhmanh.text.CharTable.BREAK;
import static vn.lanhmanh.text.CharTable.DIGIT;
import static vn.lanhmanh.text.CharTable.IGNORE;
import static vn.lanhmanh.text.CharTable.LEET;
import static vn.lanhmanh.text.CharTable.LETTER;
import static vn.lanhmanh.text.CharTable.MARK;

/**
 * Cuts text into Vietnamese syllables with offsets into the original string, and normalises each one.
 *
 * <p>Pass one walks the characters once, with one table load each: it composes NFD input (a combining
 * tone or modifier updates the letter before it), skips zero-width and format characters, folds
 * full-width and look-alike letters, lower-cases, and reads leetspeak inside words ({@code l0n},
 * {@code đ!t}). Pass two looks at the raw tokens: runs of single letters split by dots, spaces or symbols
 * are joined when the joined spelling is a known word ({@code đ.m}, {@code Đ Ị T  M Ẹ}); teencode is
 * expanded ({@code dm → địt mẹ}); letter runs are collapsed when that gives a known word ({@code nguuuu});
 * a diacritic-free spelling of a known phrase written as one word is split back ({@code ditme}); a word
 * nobody knows is read as the Telex or VNI keys left in it ({@link Telex}: {@code bieets}, {@code ba5n}) or,
 * with diacritics, as the known syllables it runs together ({@code cầnmua}).
 *
 * <p>Immutable and thread-safe; the {@link Positions} buffer it writes into is not.
 */
public final class VietnameseNormalizer {

  /** Spaced letters are cut into syllables ({@code segment}) from this many letters up to the maximum. */
  private static final int MIN_SEGMENTED = 4;
  static final int MAX_SEGMENTED = 96;
  /** The longest Vietnamese syllable has seven letters ({@code nghiêng}). */
  private static final int MAX_SYLLABLE_LETTERS = 7;

  /** A masked word has at most this many parts between masks, and this many letters written. */
  private static final int MAX_MASKED_PARTS = 4;
  private static final int MAX_MASKED_LETTERS = 10;
  /** Separators longer than this end a run of split letters. */
  private static final int MAX_SPLIT_SEPARATOR = 3;
  /**
   * A separator of one dot and spaces around it ({@code " .   "}) up to this length still splits letters: the
   * spaced swear {@code đ .   m .   c o n} puts more spaces beside the dot than between letters. Its code is
   * {@link #SEP_SPACED_DOT}, which no shorter separator has (a code's length bits are never 0 otherwise).
   */
  private static final int MAX_DOTTED_SEPARATOR = 5;
  private static final int SEP_BREAK = -1;
  private static final int SEP_NONE = -2;
  private static final int SEP_LONG = -3;
  private static final int SEP_SPACED_DOT = '.' << 2;

  private final Vocabulary vocab;
  private final boolean phraseMode;
  /**
   * {@link Vocabulary#foldOfExact} when this normaliser was made: a token found in the exact table finds
   * its folded entry here (checked character by character) instead of by a second hash and probe. Entries
   * the vocabulary gains later are not in it and take the probe.
   */
  private final int[] foldOfExact;

  private VietnameseNormalizer(Vocabulary vocab, boolean phraseMode) {
    this.vocab = vocab;
    this.phraseMode = phraseMode;
    this.foldOfExact = phraseMode ? new int[0] : vocab.foldOfExact();
  }

  /** A normaliser for texts to check: joins, collapses and expands using the vocabulary. */
  public static VietnameseNormalizer forText(Vocabulary vocab) {
    return new VietnameseNormalizer(vocab, false);
  }

  /**
   * A normaliser for lexicon phrases: only teencode is expanded; no joining or collapsing, since a
   * phrase is written in its standard spelling.
   */
  public static VietnameseNormalizer forPhrases(Vocabulary vocab) {
    return new VietnameseNormalizer(vocab, true);
  }

  public Vocabulary vocabulary() {
    return vocab;
  }

  /** Normalises {@code text} into {@code out} (cleared first). A null text is treated as empty. */
  public void normalize(CharSequence text, Positions out) {
    int n = text == null ? 0 : text.length();
    out.reset(n);
    if (n == 0) {
      return;
    }
    // One bulk copy: reading a char[] is cheaper than charAt on a CharSequence for every char.
    char[] in = out.input;
    if (text instanceof String s) {
      s.getChars(0, n, in, 0);
    } else {
      for (int i = 0; i < n; i++) {
        in[i] = text.charAt(i);
      }
    }
    tokenize(in, n, out);
    // The language check's count, over the copy just read (kept out of tokenize's loop, which the JIT
    // compiles worse with it inside).
    out.letters().count(in, n);
    resolve(out);
  }

  /**
   * The normalised text: the exact view of every syllable, separated by single spaces (a line break
   * between two single letters that were not joined). Normalising the result again gives it back.
   */
  public String normalizeToString(CharSequence text) {
    Positions p = new Positions();
    normalize(text, p);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.size(); i++) {
      if (i > 0) {
        // Single letters that were not joined stay apart across a line break, so that normalising the
        // result again does not join them.
        sb.append(p.charLen[i] == 1 && p.charLen[i - 1] == 1 ? '\n' : ' ');
      }
      sb.append(p.exactString(i, vocab));
    }
    return sb.toString();
  }

  // ---- pass one: characters to raw tokens ----

  private static void tokenize(char[] text, int n, Positions out) {
    char[] ex = out.exactChars;
    char[] fo = out.foldChars;
    int pool = 0;
    int tok = -1; // current raw token, -1 when between tokens
    // length, end and flags of the current token, stored into out when it ends
    int tokLen = 0;
    int tokEnd = 0;
    byte tokFlags = 0;
    boolean lastLetter = false;
    // Whether the current token began with a letter and has a digit or a leet symbol in it (t0, g@).
    boolean tokLeet = false;
    char lastBase = 0;
    int lastMod = 0;
    int lastTone = 0;
    int sepFirst = 0;
    int sepLen = 0;
    boolean sepBreak = false;
    // What the separator run before the next token holds: a sentence end, a dot, only mask characters.
    boolean sepStop = false;
    boolean sepDot = false;
    // dots, and characters other than a dot or a space, in the separator run
    int sepDots = 0;
    boolean sepOther = false;
    boolean sepMask = true;
    boolean atStart = true;

    for (int i = 0; i < n; i++) {
      char c = text[i];
      int info = CharTable.info(c);
      int cls = CharTable.cls(info);
      char letter = 0;
      int mod = 0;
      int tone = 0;
      boolean other = false;
      int width = 1;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
        int cp = Character.toCodePoint(c, text[i + 1]);
        letter = CharTable.supplementaryLetter(cp);
        width = 2;
        cls = letter == 0 ? CharTable.SEP : (Character.isDigit(letter) ? DIGIT : LETTER);
      } else if (cls == LETTER) {
        letter = CharTable.ch(info);
        mod = CharTable.mod(info);
        tone = CharTable.tone(info);
        other = CharTable.otherMark(info);
      } else if (cls == DIGIT) {
        letter = CharTable.ch(info);
      } else if (cls == LEET) {
        // Inside a word a leet symbol is a letter; '@' and '$' also at the end of one (c@n s@), but
        // '!' there is punctuation (ngu!) unless a letter or a leet digit and a letter follow (k!3p), or the
        // short word is already leetspeak (t0!, g@!, tu0!).
        boolean inWord = tok >= 0 && lastLetter
            && (c != '!' || nextIsLetter(text, i + 1, n) || nextIsLeetDigit(text, i + 1, n));
        boolean leetEnd = c == '!' && tok >= 0 && tokLeet && tokLen <= MAX_LEET_END_WORD
            && (lastLetter || CharTable.leetDigit(text[i - 1]) != 0);
        if (inWord || leetEnd) {
          letter = CharTable.ch(info);
          cls = LETTER;
          tokLeet |= (tokFlags & Positions.F_LETTER) != 0 && (tokFlags & Positions.F_DIGIT) == 0;
        } else if (tok < 0) {
          // A lone '!' or '@' between separators may stand for a letter of a split word (đ.!.t); it is
          // kept as a token only if it joins such a word.
          int sep = atStart ? SEP_NONE : sepBreak ? SEP_BREAK
              : sepLen > MAX_SPLIT_SEPARATOR
              ? (spacedDot(sepDots, sepOther, sepLen) ? SEP_SPACED_DOT : SEP_LONG)
              : (sepFirst << 2) | sepLen;
          int t = out.addRaw(i, pool, sep);
          ex[pool] = CharTable.ch(info);
          fo[pool] = CharTable.ch(info);
          pool++;
          out.rLen[t] = 1;
          out.rEnd[t] = i + 1;
          out.rFlags[t] = (byte) (Positions.F_LEETSYM | sentenceFlag(sepStop, sepDot, sepBreak, sepLen));
          atStart = false;
          sepFirst = 0;
          sepLen = 0;
          sepBreak = false;
          sepStop = false;
          sepDot = false;
          sepDots = 0;
          sepOther = false;
          sepMask = true;
          lastLetter = false;
          continue;
        } else {
          cls = CharTable.SEP;
        }
      }

      if (cls == LETTER || cls == DIGIT) {
        if (tok < 0) {
          int sep = atStart ? SEP_NONE : sepBreak ? SEP_BREAK
              : sepLen > MAX_SPLIT_SEPARATOR
              ? (spacedDot(sepDots, sepOther, sepLen) ? SEP_SPACED_DOT : SEP_LONG)
              : (sepFirst << 2) | sepLen;
          tok = out.addRaw(i, pool, sep);
          tokLen = 0;
          tokEnd = i;
          tokLeet = false;
          tokFlags = (byte) (sentenceFlag(sepStop, sepDot, sepBreak, sepLen)
              | (!atStart && sepMask && sep >= 0 ? Positions.F_MASKED : 0));
          atStart = false;
        }
        char exact;
        char fold;
        byte flags;
        if (cls == LETTER) {
          exact = width == 1 ? CharTable.exact(c, info) : letter;
          fold = CharTable.fold(letter);
          boolean accent = (info & CharTable.ACCENT) != 0;
          flags = (byte) (Positions.F_LETTER | (accent ? Positions.F_ACCENT : 0));
          lastLetter = true;
          lastBase = letter;
          lastMod = mod;
          lastTone = tone;
        } else {
          exact = letter;
          fold = letter;
          flags = Positions.F_DIGIT;
          lastLetter = false;
          tokLeet |= tokLen > 0 && (tokFlags & Positions.F_LETTER) != 0 && (tokFlags & Positions.F_DIGIT) == 0;
        }
        ex[pool] = exact;
        fo[pool] = fold;
        pool++;
        tokLen++;
        tokEnd = i + width;
        tokFlags |= flags;
        if (cls == LETTER && width == 1) {
          // The rest of a run of letters (most characters of a text), the letter branch above with no
          // other class to test: a mark, a digit, a separator or a surrogate (whose class is a separator)
          // goes back to the full loop. The last letter's entry and the union of the entries' accent bits
          // are kept, not each letter's modifier and tone.
          int first = pool;
          int last = 0;
          int union = 0;
          while (i + 1 < n) {
            char d = text[i + 1];
            int dInfo = CharTable.info(d);
            if (CharTable.cls(dInfo) != LETTER) {
              break;
            }
            ex[pool] = CharTable.exact(d, dInfo);
            fo[pool] = CharTable.fold(CharTable.ch(dInfo));
            pool++;
            union |= dInfo;
            last = dInfo;
            i++;
          }
          if (pool > first) {
            tokLen += pool - first;
            tokEnd = i + 1;
            tokFlags |= (union & CharTable.ACCENT) != 0 ? Positions.F_ACCENT : 0;
            lastBase = CharTable.ch(last);
            lastMod = CharTable.mod(last);
            lastTone = CharTable.tone(last);
          }
        }
      } else if (cls == MARK) {
        if (tok >= 0 && lastLetter) {
          int m = CharTable.mod(info);
          int t = CharTable.tone(info);
          // Two tones (or modifiers) on one letter are not Vietnamese; keeping the larger makes the
          // result independent of mark order, so NFC and NFD input agree.
          lastMod = Math.max(lastMod, m);
          lastTone = Math.max(lastTone, t);
          ex[pool - 1] = CharTable.compose(lastBase, lastMod, lastTone);
          tokFlags |= Positions.F_ACCENT;
          tokEnd = i + 1;
        }
      } else if (cls == IGNORE) {
        // transparent: neither a letter nor a separator
      } else {
        if (tok >= 0) {
          finishRaw(out, tok, tokLen, tokEnd, tokFlags, ex, fo);
          tok = -1;
          sepLen = 0;
          sepBreak = false;
          sepStop = false;
          sepDot = false;
          sepDots = 0;
          sepOther = false;
          sepMask = true;
        }
        if (sepLen == 0) {
          sepFirst = c;
        }
        sepLen += width;
        sepBreak |= cls == BREAK;
        sepStop |= sentenceEnd(c);
        sepDot |= c == '.' || c == '\uFF0E';
        sepDots += c == '.' ? 1 : 0;
        sepOther |= c != '.' && c != ' ';
        sepMask &= c == '*' || c == '#';
        lastLetter = false;
      }
      i += width - 1;
    }
    if (tok >= 0) {
      finishRaw(out, tok, tokLen, tokEnd, tokFlags, ex, fo);
    }
  }

  /** Whether a separator run longer than a split letter's is one dot among spaces, short enough to split letters. */
  private static boolean spacedDot(int dots, boolean other, int len) {
    return dots == 1 && !other && len <= MAX_DOTTED_SEPARATOR;
  }

  /** Characters that end a sentence wherever they stand; a dot does so only before a space or a dot. */
  private static boolean sentenceEnd(char c) {
    return c == '!' || c == '?' || c == '\u2026' || c == '\u3002' || c == '\uFF01' || c == '\uFF1F';
  }

  /**
   * The raw-token flag for a separator run: a line break, {@code ! ? …}, or a dot with a space or another
   * dot beside it ({@code ". "}, {@code "..."}) end a sentence; a dot alone between letters does not
   * ({@code đ.m}, {@code TP.HCM}, {@code địt.mẹ}).
   */
  private static int sentenceFlag(boolean stop, boolean dot, boolean lineBreak, int sepLen) {
    if (stop || lineBreak) {
      return Positions.F_SENTENCE | Positions.F_STOP;
    }
    return dot && sepLen >= 2 ? Positions.F_SENTENCE : 0;
  }

  /** The longest word before a final '!' that reads the '!' as its letter when the word is leetspeak (tu0!). */
  private static final int MAX_LEET_END_WORD = 3;

  /** Whether a leetspeak digit and then a letter follow ({@code k!3p}: the '!' is inside a word). */
  private static boolean nextIsLeetDigit(char[] text, int from, int n) {
    return from + 1 < n && CharTable.leetDigit(text[from]) != 0 && nextIsLetter(text, from + 1, n);
  }

  private static boolean nextIsLetter(char[] text, int from, int n) {
    for (int j = from; j < n; j++) {
      char c = text[j];
      int info = CharTable.info(c);
      int cls = CharTable.cls(info);
      if (cls == IGNORE || cls == MARK) {
        continue;
      }
      if (Character.isHighSurrogate(c) && j + 1 < n && Character.isLowSurrogate(text[j + 1])) {
        // a mathematical or enclosed letter outside the BMP (đ!𝐭)
        char letter = CharTable.supplementaryLetter(Character.toCodePoint(c, text[j + 1]));
        return letter != 0 && !Character.isDigit(letter);
      }
      return cls == LETTER;
    }
    return false;
  }

  /**
   * In a token with letters, digits that leetspeak uses become letters; and the tone of a syllable
   * ending in {@code oa, oe, uy} moves to its first vowel, so the old and new spelling conventions
   * ({@code hoà}/{@code hòa}, {@code tuý}/{@code túy}) give the same syllable.
   */
  private static void finishRaw(Positions out, int tok, int len, int end, byte flags, char[] ex, char[] fo) {
    out.rLen[tok] = len;
    out.rEnd[tok] = end;
    out.rFlags[tok] = flags;
    if ((flags & Positions.F_LETTER) != 0 && (flags & Positions.F_DIGIT) != 0 && leetWord(out, tok, ex)) {
      int off = out.rOff[tok];
      for (int k = off; k < off + out.rLen[tok]; k++) {
        char l = CharTable.leetDigit(ex[k]);
        if (l != 0) {
          ex[k] = l;
          fo[k] = l;
        }
      }
    }
    placeTone(ex, out.rOff[tok], out.rLen[tok]);
  }

  /**
   * {@code ư} before an {@code o} without its horn is {@code ươ}: {@code ưo} is no Vietnamese vowel, so a
   * horn left off the {@code o} ({@code ngưòi}) or a tone put on the {@code ư} ({@code ngừoi}) is a typo of
   * {@code người}; the syllable's tone goes on {@code ơ}, where it is written.
   */
  private static void hornPair(char[] ex, int off, int len) {
    for (int k = off; k < off + len - 1; k++) {
      int ia = CharTable.info(ex[k]);
      int ib = CharTable.info(ex[k + 1]);
      if (CharTable.ch(ia) != 'u' || CharTable.mod(ia) != CharTable.MOD_HORN || CharTable.ch(ib) != 'o'
          || CharTable.mod(ib) != 0) {
        continue;
      }
      int tone = Math.max(CharTable.tone(ia), CharTable.tone(ib));
      ex[k] = CharTable.compose('u', CharTable.MOD_HORN, 0);
      ex[k + 1] = CharTable.compose('o', CharTable.MOD_HORN, tone);
    }
  }

  /**
   * Whether the digits of a mixed token are leetspeak: it starts with a letter or has two letters, and it
   * is not a number with a unit ({@code 20k}, {@code 5k}, {@code 50cc}, {@code 98win} keep their digits;
   * {@code l0n}, {@code m3}, {@code 4nh} do not).
   */
  private static boolean leetWord(Positions out, int tok, char[] ex) {
    int off = out.rOff[tok];
    int len = out.rLen[tok];
    int letters = 0;
    for (int k = off; k < off + len; k++) {
      if (!Character.isDigit(ex[k])) {
        letters++;
      }
    }
    boolean leadingNumber = len >= 2 && Character.isDigit(ex[off]) && Character.isDigit(ex[off + 1]);
    boolean letterFirst = !Character.isDigit(ex[off]);
    return (letters >= 2 || letterFirst) && !leadingNumber;
  }

  private static void placeTone(char[] ex, int off, int len) {
    if (len < 2) {
      return;
    }
    hornPair(ex, off, len);
    int a = off + len - 2;
    int b = off + len - 1;
    int ia = CharTable.info(ex[a]);
    int ib = CharTable.info(ex[b]);
    char va = CharTable.ch(ia);
    char vb = CharTable.ch(ib);
    boolean pair = (va == 'o' && (vb == 'a' || vb == 'e')) || (va == 'u' && vb == 'y');
    if (!pair || CharTable.mod(ia) != 0 || CharTable.mod(ib) != 0
        || CharTable.tone(ia) != 0 || CharTable.tone(ib) == 0) {
      return;
    }
    if (va == 'u' && len >= 3 && CharTable.ch(CharTable.info(ex[a - 1])) == 'q') {
      return; // qu- is a consonant: quý keeps its tone on y
    }
    ex[a] = CharTable.compose(va, 0, CharTable.tone(ib));
    ex[b] = vb;
  }

  // ---- pass two: raw tokens to positions ----

  private void resolve(Positions out) {
    int pool = out.rawSize == 0 ? 0 : out.rOff[out.rawSize - 1] + out.rLen[out.rawSize - 1];
    int i = 0;
    while (i < out.rawSize) {
      int maskEnd = phraseMode ? i : maskedRunEnd(out, i);
      // A masked word: no mask touches it from outside (**đậm**, a*b*c are markup and formulas).
      boolean word = maskEnd > i && maskedWord(out, i, maskEnd);
      int before = out.size;
      if (maskEnd > i && emitMasked(out, i, maskEnd)) {
        if (word) {
          out.addMaskedWord(before, i, maskEnd, 0, out.rEnd[maskEnd], Positions.MASK_SWEAR);
        }
        i = maskEnd + 1;
        continue;
      }
      if (word && maskEnd == i + 1 && singleLetters(out, i, maskEnd)) {
        // Two letters joined by masks (k*o, n*d): one word, read as its two letters joined when that is a
        // word of one syllable (as split letters were before), else a word nobody can read; the matcher may
        // read it as a syllable that completes a phrase. A joined spelling that is teencode for several
        // syllables (đ*m: đm) stays that teencode.
        markBreak(out, i);
        copyLetters(out, i, maskEnd, pool);
        boolean acc = joinedAccent(out, i, maskEnd);
        int newPool = emit(out, pool, 2, acc, out.rStart[i], out.rEnd[maskEnd], pool + 2, true);
        if (out.size == before) {
          out.add(-1, -1, !acc, out.rStart[i], out.rEnd[maskEnd], pool, 2);
        }
        pool = Math.max(newPool, pool + 2);
        if (out.size == before + 1) {
          out.addMaskedWord(before, i, maskEnd, 0, out.rEnd[maskEnd], (byte) 0);
        }
        i = maskEnd + 1;
        continue;
      }
      if (maskEnd > i && !singleLetters(out, i, maskEnd)) {
        // Letters joined by masks that spell no swear (cl*p) are one word, read as its letters written
        // together ("clp", which is no word): its parts are not teencode (cl*p is no "cl"). Single
        // letters (đ*i*t) are split letters, joined below.
        markBreak(out, i);
        int len = 0;
        boolean acc = false;
        for (int t = i; t <= maskEnd; t++) {
          System.arraycopy(out.exactChars, out.rOff[t], out.exactChars, pool + len, out.rLen[t]);
          System.arraycopy(out.foldChars, out.rOff[t], out.foldChars, pool + len, out.rLen[t]);
          len += out.rLen[t];
          acc |= accent(out, t);
        }
        // The joined word's tone goes where a written syllable's would (ao*ẹ is aọe), as for split letters.
        placeTone(out.exactChars, pool, len);
        pool = emit(out, pool, len, acc, out.rStart[i], out.rEnd[maskEnd], pool + len, false);
        if (word && out.size == before + 1) {
          out.addMaskedWord(before, i, maskEnd, 0, out.rEnd[maskEnd], (byte) 0);
        }
        i = maskEnd + 1;
        continue;
      }
      int dotEnd = phraseMode ? i : dottedWordEnd(out, i, pool);
      if (dotEnd > i) {
        // A word cut by dots inside it (th.uốc, ng.ủ, g.ậy) is the word: its parts joined, as written.
        markBreak(out, i);
        int len = joinedLength(out, i, dotEnd);
        pool = emit(out, pool, len, joinedAccent(out, i, dotEnd), out.rStart[i], out.rEnd[dotEnd], pool + len, false);
        i = dotEnd + 1;
        continue;
      }
      int runEnd = phraseMode ? i : splitRunEnd(out, i);
      if (runEnd > i) {
        pool = joinRun(out, i, runEnd, pool);
        i = runEnd + 1;
      } else {
        markBreak(out, i);
        if (!leetSymbol(out, i)) {
          pool = emitToken(out, i, pool);
        }
        i++;
      }
    }
  }

  /**
   * Emits raw token {@code t} as written; a word of one or two letters ending in one to three masks
   * ({@code c*}, {@code đ*}, {@code Nh*}) is registered as a weak masked word, read as before unless the
   * matcher reads it beside a strong masked word.
   */
  private int emitToken(Positions out, int t, int pool) {
    int before = out.size;
    pool = emit(out, out.rOff[t], out.rLen[t], accent(out, t), out.rStart[t], out.rEnd[t], pool, false);
    if (!phraseMode && out.size == before + 1) {
      int trail = trailingMasks(out, t);
      if (trail > 0) {
        out.addMaskedWord(before, t, t, trail, out.rEnd[t] + trail, Positions.MASK_WEAK);
      }
    }
    return pool;
  }

  private static boolean isMask(char c) {
    return c == '*' || c == '#';
  }

  /**
   * Whether the raw tokens {@code a..b}, joined by masks, are a masked word: no mask right before or after
   * it ({@code **đậm**}, {@code a*b*}, {@code c*f*2027} are markup, formulas and passwords), at most
   * {@link #MAX_MASKED_PARTS} parts and {@link #MAX_MASKED_LETTERS} letters.
   */
  private static boolean maskedWord(Positions out, int a, int b) {
    int s = out.rStart[a];
    int e = out.rEnd[b];
    if (b - a >= MAX_MASKED_PARTS || (s > 0 && isMask(out.input[s - 1]))
        || (e < out.inputLength && isMask(out.input[e]))) {
      return false;
    }
    return joinedLength(out, a, b) <= MAX_MASKED_LETTERS;
  }

  /**
   * The number of masks that end raw token {@code t} when it is a weak masked word ({@code c*}, {@code đ*},
   * {@code Nh*}): one or two letters, no mask before it and none joining it to letters after, followed by
   * one to three masks and then a space, punctuation or the end of the text; else 0.
   */
  private static int trailingMasks(Positions out, int t) {
    int k = out.rEnd[t];
    // Nearly every token is followed by something else than a mask: one load decides.
    if (k >= out.inputLength || !isMask(out.input[k])) {
      return 0;
    }
    if (!plainLetters(out, t) || out.rLen[t] > 2 || (out.rFlags[t] & Positions.F_MASKED) != 0
        || (t + 1 < out.rawSize && (out.rFlags[t + 1] & Positions.F_MASKED) != 0)) {
      return 0;
    }
    int s = out.rStart[t];
    if (s > 0 && isMask(out.input[s - 1])) {
      return 0;
    }
    int n = 0;
    while (k < out.inputLength && isMask(out.input[k])) {
      k++;
      n++;
    }
    if (n == 0 || n > 3) {
      return 0;
    }
    if (k < out.inputLength) {
      // Then a space or punctuation; not a letter, digit or mark, nor a leet symbol (đ*!*t is split letters).
      int cls = CharTable.cls(CharTable.info(out.input[k]));
      if (cls == LETTER || cls == DIGIT || cls == MARK || cls == IGNORE || cls == LEET) {
        return 0;
      }
    }
    return n;
  }

  /**
   * Carries a sentence end before raw token {@code t} to the next position emitted. A {@code !} standing
   * alone that did not join a word ({@code đ.!.t}) is punctuation, so it ends a sentence too.
   */
  private static void markBreak(Positions out, int t) {
    out.pendingBreak |= (out.rFlags[t] & Positions.F_SENTENCE) != 0
        || (leetSymbol(out, t) && out.exactChars[out.rOff[t]] == 'i');
  }

  /** The last raw token of letters joined to {@code i} by mask characters ({@code đ*t}, {@code l**n}), or i. */
  private static int maskedRunEnd(Positions out, int i) {
    if ((out.rFlags[i] & Positions.F_MASKED) != 0 || !plainLetters(out, i)) {
      return i;
    }
    int j = i;
    while (j + 1 < out.rawSize && (out.rFlags[j + 1] & Positions.F_MASKED) != 0 && plainLetters(out, j + 1)) {
      j++;
    }
    return j;
  }

  private static boolean singleLetters(Positions out, int a, int b) {
    for (int t = a; t <= b; t++) {
      if (out.rLen[t] != 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean plainLetters(Positions out, int t) {
    byte f = out.rFlags[t];
    return (f & Positions.F_LETTER) != 0 && (f & (Positions.F_DIGIT | Positions.F_LEETSYM)) == 0;
  }

  /**
   * Reads the raw tokens {@code a..b}, joined by mask characters, as a masked swear: a run of masks stands
   * for at least one letter and at most one letter per mask, the letters written must be the swear's
   * (folded), and the word must have at least two letters written. The swears are the single-syllable profanity and sexual rules of the lexicon; when
   * several fit ({@code đ*t}: {@code địt}, {@code đệt}) the first in lexicon order is taken, since any of
   * them is a swear. Emits one position and returns true, or emits nothing when no swear fits.
   */
  private boolean emitMasked(Positions out, int a, int b) {
    if (b - a >= MAX_MASKED_PARTS) {
      return false;
    }
    int letters = 0;
    int masks = 0;
    for (int t = a; t <= b; t++) {
      letters += out.rLen[t];
      masks += t > a ? out.rSep[t] & 3 : 0;
    }
    if (letters < 2 || letters > MAX_MASKED_LETTERS) {
      return false;
    }
    for (int k = 0; k < vocab.maskableCount(); k++) {
      // The swear's exact spelling: the letters written are its letters, folded, and the diacritics written
      // are its own (m*ẹ is no mọe).
      String swear = vocab.exactKey(vocab.maskableExactId(k));
      int len = swear.length();
      if (len >= letters + (b - a) && len <= letters + masks && fitsMask(out, a, a, b, swear, 0)) {
        markBreak(out, a);
        out.add(vocab.maskableExactId(k), vocab.maskableFoldId(k), true, out.rStart[a], out.rEnd[b], -1, 0,
            Positions.MASKED);
        return true;
      }
    }
    return false;
  }

  /**
   * Whether raw tokens {@code t..b}, each after a run of masks (except the first), spell {@code swear} from
   * character {@code w}: a run of n masks stands for one to n letters ({@code l**n}). Recursion depth is
   * the number of tokens in the run, which a masked word keeps small.
   */
  private static boolean fitsMask(Positions out, int a, int t, int b, String swear, int w) {
    if (t > b) {
      return w == swear.length();
    }
    int masks = t > a ? out.rSep[t] & 3 : 0;
    for (int hidden = t > a ? 1 : 0; hidden <= masks; hidden++) {
      int at = w + hidden;
      int len = out.rLen[t];
      if (at + len > swear.length()) {
        break;
      }
      if (out.lettersFit(out.rOff[t], len, swear, at, true) && fitsMask(out, a, t + 1, b, swear, at + len)) {
        return true;
      }
    }
    return false;
  }


  private static boolean accent(Positions out, int t) {
    return (out.rFlags[t] & Positions.F_ACCENT) != 0;
  }

  /** A one-letter token, or a one-digit token that leetspeak reads as a letter ({@code đ.1.t}). */
  private static boolean singleLetter(Positions out, int t) {
    if (out.rLen[t] != 1) {
      return false;
    }
    if ((out.rFlags[t] & (Positions.F_LETTER | Positions.F_LEETSYM)) != 0) {
      return true;
    }
    return CharTable.leetDigit(out.exactChars[out.rOff[t]]) != 0;
  }

  /** The separator code of one dot and nothing else between two tokens. */
  private static final int ONE_DOT = '.' << 2 | 1;
  private static final int ONE_SPACE = ' ' << 2 | 1;

  /**
   * The last raw token of a word cut by single dots inside it ({@code th.uốc}, {@code ng.ủ}, {@code n.h.ỏ}
   * is split letters, not this), or {@code i}: two to four parts of plain letters, at least one of them
   * longer than a letter, joined by one dot each with nothing around it, whose joined spelling (at most
   * seven letters) is a known syllable while one of its parts is not (so {@code google.com}, {@code tp.hcm}
   * and {@code hi.hi} stay apart). The joined letters are left at {@code pool}.
   */
  private int dottedWordEnd(Positions out, int i, int pool) {
    if (!plainLetters(out, i) || i + 1 >= out.rawSize || out.rSep[i + 1] != ONE_DOT || !plainLetters(out, i + 1)) {
      return i;
    }
    int j = i + 1;
    while (j + 1 < out.rawSize && j - i < MAX_MASKED_PARTS - 1 && out.rSep[j + 1] == ONE_DOT
        && plainLetters(out, j + 1)) {
      j++;
    }
    if (singleLetters(out, i, j) || joinedLength(out, i, j) > MAX_SYLLABLE_LETTERS) {
      return i;
    }
    boolean acc = joinedAccent(out, i, j);
    boolean everyPartKnown = true;
    for (int t = i; t <= j && everyPartKnown; t++) {
      everyPartKnown = knownSyllable(out, out.rOff[t], out.rLen[t], accent(out, t));
    }
    if (everyPartKnown) {
      return i;
    }
    int len = 0;
    for (int t = i; t <= j; t++) {
      System.arraycopy(out.exactChars, out.rOff[t], out.exactChars, pool + len, out.rLen[t]);
      System.arraycopy(out.foldChars, out.rOff[t], out.foldChars, pool + len, out.rLen[t]);
      len += out.rLen[t];
    }
    placeTone(out.exactChars, pool, len);
    return knownSyllable(out, pool, len, acc) ? j : i;
  }

  private static int joinedLength(Positions out, int a, int b) {
    int len = 0;
    for (int t = a; t <= b; t++) {
      len += out.rLen[t];
    }
    return len;
  }

  private static boolean joinedAccent(Positions out, int a, int b) {
    boolean acc = false;
    for (int t = a; t <= b; t++) {
      acc |= accent(out, t);
    }
    return acc;
  }

  /** Whether the letters at {@code off} are a known syllable: as written when accented, else folded. */
  private boolean knownSyllable(Positions out, int off, int len, boolean acc) {
    char[] ex = out.exactChars;
    char[] fo = out.foldChars;
    if (acc) {
      return vocab.exactSyllable(vocab.exactEntry(ex, off, len, SymbolTable.hash(ex, off, len))) >= 0;
    }
    return vocab.foldSyllable(vocab.foldEntry(fo, off, len, SymbolTable.hash(fo, off, len))) >= 0;
  }

  /** The last index of a run of two or more single letters starting at {@code i}, or {@code i}. */
  private static int splitRunEnd(Positions out, int i) {
    if (!singleLetter(out, i)) {
      return i;
    }
    int j = i;
    // Letters are split by short separators, never by ! ? … (a dot may split them: đ. m).
    // Nor into the first letter of a masked word (c* c*ợc: the second c is c*ợc's).
    while (j + 1 < out.rawSize && singleLetter(out, j + 1) && out.rSep[j + 1] >= 0
        && (out.rFlags[j + 1] & Positions.F_STOP) == 0 && !startsMaskedWord(out, j + 1)) {
      j++;
    }
    // Two letters on either side of a comma and a space are two words of two clauses ("di e, o day":
    // đi em, ở đây), not one split word.
    if (j == i + 1 && clauseBreak(out.rSep[j])) {
      return i;
    }
    // A lone digit and one letter are a number and a word ("lop 5 o be boi": lớp 5 ở), not leetspeak for
    // a joined word ("so"); leetspeak inside split letters needs three or more of them (đ.1.t).
    if (j == i + 1 && (loneDigit(out, i) || loneDigit(out, j))) {
      return i;
    }
    return j;
  }

  /** Whether raw token {@code t} is not joined to the one before by masks but to the one after it. */
  private static boolean startsMaskedWord(Positions out, int t) {
    return (out.rFlags[t] & Positions.F_MASKED) == 0 && t + 1 < out.rawSize
        && (out.rFlags[t + 1] & Positions.F_MASKED) != 0 && plainLetters(out, t) && plainLetters(out, t + 1);
  }

  private static boolean loneDigit(Positions out, int t) {
    return (out.rFlags[t] & Positions.F_DIGIT) != 0 && (out.rFlags[t] & Positions.F_LETTER) == 0;
  }

  /** Whether a separator code starts with a comma, semicolon or colon and has a space after it. */
  private static boolean clauseBreak(int sep) {
    int first = sep >> 2;
    return (sep & 3) >= 2 && (first == ',' || first == ';' || first == ':');
  }

  /**
   * Joins the single letters {@code a..b}. The separator used most often inside the run is the one that
   * splits letters; any other separator is a word break ({@code d.i.t m.e}, {@code Đ Ị T  M Ẹ}). A segment
   * is joined only when the joined spelling is a known word; otherwise its letters stay single.
   */
  private int joinRun(Positions out, int a, int b, int pool) {
    int inner = mostFrequentSeparator(out, a, b);
    // Letters split by single spaces in one part of the run and by single dots in another (đ ổ i ả n h
    // n.ữ s.i.n.h): two disguises in one run, so neither separator marks the words. The whole run is cut into
    // the fewest known syllables, as spaced writing is; if it cannot be, the separators decide as below.
    int len = b - a + 1;
    if (inner == ONE_SPACE && holdsSeparator(out, a, b, ONE_DOT) && len >= MIN_SEGMENTED && len <= MAX_SEGMENTED) {
      int segmented = segment(out, a, b, pool);
      if (segmented >= 0) {
        return segmented;
      }
    }
    // Letters split by single dots and words by something else (x.o.a.i n.g.o.n): the writer marked the
    // words.
    boolean words = false;
    for (int t = a + 1; t <= b && inner == ONE_DOT; t++) {
      words |= out.rSep[t] != inner;
    }
    boolean dotsJoin = dottedLettersJoin(out, a, b, inner);
    int segStart = a;
    for (int t = a + 1; t <= b + 1; t++) {
      // A lone letter before a dot that opens a spaced sentence (đ . m c á i l ớ p n à y, …) joins the
      // letters after it: the dot is one more disguise of the split swear, and the segment is cut below.
      if (t <= b && (out.rSep[t] == inner
          || dotsJoin && (dottedPair(out, a, b, t, inner) || t - 1 == segStart && dottedSeparator(out, t)))) {
        continue;
      }
      int segEnd = t - 1;
      pool = emitSegment(out, segStart, segEnd, pool, words);
      segStart = t;
    }
    return pool;
  }

  /**
   * Whether a dot with spaces around it ({@code đ . m  c á i  l ớ p}) may join letters in the run {@code a..b}:
   * its letters are split by spaces and its words by another separator that holds no dot, so the writer has
   * marked the words, and a dot between two letters is one more disguise of a split word, not a word break.
   */
  private static boolean dottedLettersJoin(Positions out, int a, int b, int inner) {
    if (inner < 0 || inner >> 2 != ' ') {
      return false;
    }
    boolean dotted = false;
    boolean wordBreak = false;
    for (int t = a + 1; t <= b; t++) {
      if (dottedSeparator(out, t)) {
        dotted = true;
        // a long spaced dot (đ . m .   c o n) also marks the words when the letters are split by less
        wordBreak |= out.rSep[t] == SEP_SPACED_DOT;
      } else if (out.rSep[t] != inner) {
        wordBreak = true;
      }
    }
    return dotted && wordBreak;
  }

  /** Whether raw token {@code t} follows a short separator that holds a dot and a space ({@code " . "}, {@code ". "}). */
  private static boolean dottedSeparator(Positions out, int t) {
    return out.rSep[t] >= 0 && (out.rFlags[t] & (Positions.F_SENTENCE | Positions.F_STOP)) == Positions.F_SENTENCE;
  }

  /**
   * Whether the dotted separator before token {@code t} joins the letters on its sides: each of them stands alone
   * between the run's word breaks or other dotted separators ({@code đ . m}, {@code đ . c . m}), never a letter of
   * a word spelt with the run's letter separator.
   */
  private static boolean dottedPair(Positions out, int a, int b, int t, int inner) {
    return dottedSeparator(out, t) && (t - 1 == a || out.rSep[t - 1] != inner)
        && (t == b || out.rSep[t + 1] != inner);
  }

  /** Whether a separator inside the run {@code a..b} is {@code sep}. */
  private static boolean holdsSeparator(Positions out, int a, int b, int sep) {
    for (int t = a + 1; t <= b; t++) {
      if (out.rSep[t] == sep) {
        return true;
      }
    }
    return false;
  }

  private static int mostFrequentSeparator(Positions out, int a, int b) {
    int best = out.rSep[a + 1];
    int bestCount = 0;
    for (int t = a + 1; t <= b; t++) {
      int count = 0;
      for (int u = a + 1; u <= b; u++) {
        if (out.rSep[u] == out.rSep[t]) {
          count++;
        }
      }
      if (count > bestCount) {
        best = out.rSep[t];
        bestCount = count;
      }
    }
    return best;
  }

  /**
   * Emits the single letters {@code s..e}: joined when that spelling is a known word, else cut into known
   * syllables, else one by one. With {@code words} (letters split by single dots, words by something else:
   * {@code x.o.a.i n.g.o.n}), a segment is one word: unknown but shaped like a Vietnamese syllable, it is
   * one syllable the lexicon does not know, not cut into others ({@code xo ai}) nor read letter by letter
   * as teencode.
   */
  private int emitSegment(Positions out, int s, int e, int pool, boolean words) {
    if (e > s) {
      boolean acc = false;
      boolean toned = false;
      boolean letters = false;
      boolean masked = false;
      for (int t = s; t <= e; t++) {
        masked |= trailingMasks(out, t) > 0;
        acc |= accent(out, t);
        toned |= CharTable.tone(CharTable.info(out.exactChars[out.rOff[t]])) != 0 && isWord(out, t);
        letters |= (out.rFlags[t] & Positions.F_LETTER) != 0;
      }
      // Two letters, one a one-letter word with a tone and the other a teencode word (m ở, t à: mày ở,
      // tao à), are two words: "nhà m ở đâu" is not "nhà mở đâu".
      boolean twoWords = toned && e == s + 1 && (teencodeWord(out, s) || teencodeWord(out, e));
      if (letters && !twoWords) {
        // Join a copy at the end of the pool, so the single letters stay intact if it is not a word.
        int len = e - s + 1;
        setLeet(out, s, e, true);
        System.arraycopy(out.exactChars, out.rOff[s], out.exactChars, pool, len);
        System.arraycopy(out.foldChars, out.rOff[s], out.foldChars, pool, len);
        setLeet(out, s, e, false);
        placeTone(out.exactChars, pool, len);
        if (masked && !teencodeAt(out, pool, len)) {
          // Letters that end in masks (c* ở, k*o c*) are masked words of their own; they join only into
          // teencode (đ* m*: đm), as they did before masked words were read.
          return emitSingles(out, s, e, pool);
        }
        markBreak(out, s);
        int before = out.size;
        // A segment holding a one-letter word with a tone (ở, à) joins only into a syllable known as
        // written: "e ở" (em ở) is two words, not the folded syllable "eo". Otherwise (đ.i.t, d.ị.t) the
        // folded spelling is enough.
        int newPool = emit(out, pool, len, acc, out.rStart[s], out.rEnd[e], pool + len, true, toned);
        if (out.size > before) {
          return newPool;
        }
        if (words && !toned && !masked && len <= MAX_SYLLABLE_LETTERS && !hasDigitToken(out, s, e)
            && Syllables.vietnameseShape(out.foldChars, pool, len)) {
          out.add(-1, -1, !acc, out.rStart[s], out.rEnd[e], pool, len);
          return pool + len;
        }
        // Spaced writing with one space everywhere (b é g á i 1 2 t u ổ i): cut the letters into known
        // syllables, the fewest that cover them all.
        if (len >= MIN_SEGMENTED && len <= MAX_SEGMENTED) {
          int segmented = segment(out, s, e, pool);
          if (segmented >= 0) {
            return segmented;
          }
        }
      }
    }
    return emitSingles(out, s, e, pool);
  }

  private static boolean hasDigitToken(Positions out, int s, int e) {
    for (int t = s; t <= e; t++) {
      if ((out.rFlags[t] & (Positions.F_DIGIT | Positions.F_LEETSYM)) != 0) {
        return true;
      }
    }
    return false;
  }

  private int emitSingles(Positions out, int s, int e, int pool) {
    for (int t = s; t <= e; t++) {
      markBreak(out, t);
      if (!leetSymbol(out, t)) {
        pool = emitToken(out, t, pool);
      }
    }
    return pool;
  }

  /** Whether the letters at {@code off} are a teencode token ({@code đm}, {@code vcl}). */
  private boolean teencodeAt(Positions out, int off, int len) {
    char[] ex = out.exactChars;
    return vocab.teencode(vocab.exactEntry(ex, off, len, SymbolTable.hash(ex, off, len))) != null;
  }

  /**
   * Cuts the single letters {@code s..e} into the fewest pieces that are each a known syllable (as written
   * when the segment has diacritics, folded when it has none) or a run of digits, and emits them; returns
   * the new pool, or -1 (nothing emitted) when no such cut of two or more pieces exists. Dynamic
   * programming over at most {@link #MAX_SEGMENTED} letters in the thread's scratch arrays.
   */
  private int segment(Positions out, int s, int e, int pool) {
    int n = e - s + 1;
    int[] best = out.segmentBest;
    int[] from = out.segmentFrom;
    boolean acc = false;
    for (int t = s; t <= e; t++) {
      acc |= accent(out, t);
    }
    best[0] = 0;
    for (int j = 1; j <= n; j++) {
      best[j] = Integer.MAX_VALUE;
      for (int i = Math.max(0, j - MAX_SYLLABLE_LETTERS); i < j; i++) {
        if (best[i] != Integer.MAX_VALUE && best[i] + 1 < best[j]
            && piece(out, s + i, s + j - 1, acc, pool, i == 0)) {
          best[j] = best[i] + 1;
          from[j] = i;
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
      return -1;
    }
    // The cuts, read backwards from the end, are written over best[] (no longer needed) in order.
    int pieces = best[n];
    for (int j = n, k = pieces; j > 0; j = from[j]) {
      best[k--] = j;
    }
    best[0] = 0;
    markBreak(out, s);
    for (int k = 1; k <= pieces; k++) {
      int a = s + best[k - 1];
      int b = s + best[k] - 1;
      int len = b - a + 1;
      copyLetters(out, a, b, pool);
      boolean pieceAcc = false;
      for (int t = a; t <= b; t++) {
        pieceAcc |= accent(out, t);
      }
      pool = emit(out, pool, len, pieceAcc, out.rStart[a], out.rEnd[b], pool + len, false);
    }
    return pool;
  }

  /**
   * Whether the letters {@code a..b} are one syllable ({@link #segment}), a run of digits, or a run of digits
   * with the thousands sign {@code k} after it ({@code 1 0 0 k} is {@code 100k}, an amount).
   */
  private boolean piece(Positions out, int a, int b, boolean acc, int pool, boolean first) {
    boolean digits = true;
    for (int t = a; t <= b; t++) {
      digits &= Character.isDigit(out.exactChars[out.rOff[t]]);
    }
    if (digits) {
      return true;
    }
    if (b > a && Character.toLowerCase(out.exactChars[out.rOff[b]]) == 'k') {
      boolean amount = true;
      for (int t = a; t < b; t++) {
        amount &= Character.isDigit(out.exactChars[out.rOff[t]]);
      }
      if (amount) {
        return true;
      }
    }
    int len = b - a + 1;
    char[] ex = out.exactChars;
    char[] fo = out.foldChars;
    for (int t = a; t <= b; t++) {
      if (Character.isDigit(ex[out.rOff[t]])) {
        return false;
      }
    }
    copyLetters(out, a, b, pool);
    if (acc) {
      if (vocab.exactSyllable(vocab.exactEntry(ex, pool, len, SymbolTable.hash(ex, pool, len))) >= 0) {
        return true;
      }
    } else if (vocab.foldSyllable(vocab.foldEntry(fo, pool, len, SymbolTable.hash(fo, pool, len))) >= 0) {
      return true;
    }
    // A teencode word of consonants only (đm, vcl, dcm) opening a spaced sentence or clause: no syllable can
    // hold its letters, so it is a piece of its own ("v c l h ô m n a y m ệ t"), never chosen over syllables,
    // which cover the same letters in fewer pieces whenever they can. Only the first piece: further on, a
    // consonant pair is more often the end of a syllable the vocabulary does not know ("d ô n g" is no "dô ng").
    return first && len >= 2 && len <= MAX_TEENCODE_PIECE && consonantsOnly(fo, pool, len)
        && teencodeAt(out, pool, len);
  }

  /** The longest consonant-only teencode word read as one piece of spaced letters ({@code dcmm}). */
  private static final int MAX_TEENCODE_PIECE = 4;

  private static boolean consonantsOnly(char[] fo, int off, int len) {
    for (int i = off; i < off + len; i++) {
      char c = Character.toLowerCase(fo[i]);
      if (Syllables.vowel(c) || !Character.isLetter(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Copies the single letters {@code a..b} (exact and folded) to the pool at {@code pool} and places the
   * tone of the exact copy on its syllable's vowel.
   */
  private static void copyLetters(Positions out, int a, int b, int pool) {
    for (int t = a; t <= b; t++) {
      out.exactChars[pool + t - a] = out.exactChars[out.rOff[t]];
      out.foldChars[pool + t - a] = out.foldChars[out.rOff[t]];
    }
    placeTone(out.exactChars, pool, b - a + 1);
  }

  /** Whether raw token {@code t}, as written, is teencode ({@code m} for mày, {@code t} for tao). */
  private boolean teencodeWord(Positions out, int t) {
    char[] ex = out.exactChars;
    int off = out.rOff[t];
    int len = out.rLen[t];
    return vocab.teencode(vocab.exactEntry(ex, off, len, SymbolTable.hash(ex, off, len))) != null;
  }

  /** Whether raw token {@code t}, as written, is a syllable of the vocabulary ({@code ở}, {@code à}). */
  private boolean isWord(Positions out, int t) {
    char[] ex = out.exactChars;
    int off = out.rOff[t];
    int len = out.rLen[t];
    return vocab.exactSyllable(vocab.exactEntry(ex, off, len, SymbolTable.hash(ex, off, len))) >= 0;
  }

  private static boolean leetSymbol(Positions out, int t) {
    return (out.rFlags[t] & Positions.F_LEETSYM) != 0;
  }

  /** Reads the lone digits of a split run as the letters leetspeak means, or puts the digits back. */
  private static void setLeet(Positions out, int s, int e, boolean on) {
    for (int t = s; t <= e; t++) {
      if ((out.rFlags[t] & Positions.F_DIGIT) != 0 && (out.rFlags[t] & Positions.F_LETTER) == 0) {
        int k = out.rOff[t];
        char c = on ? CharTable.leetDigit(out.exactChars[k]) : LEET_DIGITS.charAt("oieas".indexOf(out.exactChars[k]));
        out.exactChars[k] = c;
        out.foldChars[k] = c;
      }
    }
  }

  private static final String LEET_DIGITS = "01345";

  /**
   * Emits the positions for one token. With {@code onlyIfKnown}, emits nothing when the token is unknown
   * (the caller then falls back to its parts). Returns the new end of the character pool.
   */
  private int emit(Positions out, int off, int len, boolean accent, int start, int end, int pool,
      boolean onlyIfKnown) {
    return emit(out, off, len, accent, start, end, pool, onlyIfKnown, false);
  }

  /** As above; with {@code exactOnly}, only a spelling the exact table knows (or teencode) is emitted. */
  private int emit(Positions out, int off, int len, boolean accent, int start, int end, int pool,
      boolean onlyIfKnown, boolean exactOnly) {
    char[] ex = out.exactChars;
    char[] fo = out.foldChars;
    if (lookup(out, ex, fo, off, len, accent, start, end, exactOnly)) {
      return pool;
    }
    if (!phraseMode && !accent && !nameLike(out, start, end)) {
      // Telex keys left in (bieets, dduwowngf): the syllable they spell, when the vocabulary knows it.
      int tLen = Telex.decode(ex, off, len, ex, fo, pool);
      if (tLen > 0 && lookup(out, ex, fo, pool, tLen, true, start, end, true)) {
        return pool + tLen;
      }
      // VNI keys (bie61t, ba5n), read from the text as written: its digits may have been read as leetspeak.
      if (end - start == len && hasKeyDigit(out.input, start, end)) {
        int vLen = Telex.decodeVni(out.input, start, end, ex, fo, pool);
        if (vLen > 0 && lookup(out, ex, fo, pool, vLen, true, start, end, true)) {
          return pool + vLen;
        }
      }
    }
    if (!phraseMode && hasRun(ex, off, len)) {
      int cLen = collapse(ex, fo, off, len, pool);
      if (lookup(out, ex, fo, pool, cLen, accent, start, end, exactOnly)) {
        return pool + cLen;
      }
    }
    if (onlyIfKnown) {
      return pool;
    }
    if (!phraseMode && accent && len >= MIN_RUN_TOGETHER && len <= MAX_RUN_TOGETHER
        && splitRunTogether(out, ex, fo, off, len, start, end)) {
      return pool;
    }
    out.add(-1, -1, !accent, start, end, off, len);
    return pool;
  }

  /** A word with diacritics of this many letters or more may be syllables run together ({@code ảnhriêngtư}). */
  private static final int MIN_RUN_TOGETHER = 4;
  static final int MAX_RUN_TOGETHER = 28;

  /**
   * Emits an unknown word with diacritics as the known syllables it runs together ({@code cầnmua → cần mua},
   * {@code thửthách → thử thách}), in as few syllables as will cover it, at least two, each with its own offsets
   * where the word was written precomposed. Without diacritics the cut is too often ambiguous, so such a word is
   * left alone; so is a run of split letters joined (its caller asks only whether the joined spelling is known).
   * Returns false, emitting nothing, when no such cut exists.
   */
  private boolean splitRunTogether(Positions out, char[] ex, char[] fo, int off, int len, int start, int end) {
    // best[i]: fewest known syllables covering ex[off, off + i); from[i]: where the last of them starts (as in
    // segment, over the letters of one word instead of single-letter tokens).
    int[] best = out.runBest;
    int[] from = out.runFrom;
    best[0] = 0;
    for (int i = 1; i <= len; i++) {
      best[i] = Integer.MAX_VALUE;
      for (int l = Math.min(MAX_SYLLABLE_LETTERS, i); l >= 1; l--) {
        int j = i - l;
        if (best[j] == Integer.MAX_VALUE || best[j] + 1 >= best[i]) {
          continue;
        }
        int entry = vocab.exactEntry(ex, off + j, l, SymbolTable.hash(ex, off + j, l));
        if (vocab.exactSyllable(entry) >= 0 && hasVowel(fo, off + j, l)) {
          best[i] = best[j] + 1;
          from[i] = j;
        }
      }
    }
    if (best[len] == Integer.MAX_VALUE || best[len] < 2) {
      return false;
    }
    // The cuts, read backwards from the end, are written over best[] (no longer needed) in order.
    int pieces = best[len];
    for (int i = len, k = pieces; i > 0; i = from[i]) {
      best[k--] = i;
    }
    best[0] = 0;
    boolean precomposed = end - start == len;
    for (int k = 0; k < pieces; k++) {
      int j = best[k];
      int l = best[k + 1] - j;
      int s = precomposed ? start + j : start;
      int e = precomposed ? start + j + l : end;
      lookup(out, ex, fo, off + j, l, marked(ex, fo, off + j, l), s, e, true);
    }
    return true;
  }

  private static boolean hasVowel(char[] fo, int off, int len) {
    for (int k = off; k < off + len; k++) {
      if (Syllables.vowel(fo[k])) {
        return true;
      }
    }
    return false;
  }

  /** Whether the letters carry a diacritic: the exact spelling differs from the folded one. */
  private static boolean marked(char[] ex, char[] fo, int off, int len) {
    for (int k = off; k < off + len; k++) {
      if (ex[k] != fo[k]) {
        return true;
      }
    }
    return false;
  }

  private boolean lookup(Positions out, char[] ex, char[] fo, int off, int len, boolean accent,
      int start, int end, boolean exactOnly) {
    // The exact table holds syllables and teencode, the folded one folded syllables and joined spellings.
    // A token the exact table knows finds its folded entry through foldOfExact (checked, not hashed);
    // another takes a second probe, with the same hash when it has no diacritics (the same characters).
    int hx = SymbolTable.hash(ex, off, len);
    int exEntry = vocab.exactEntry(ex, off, len, hx);
    Vocabulary.Expansion t = vocab.teencode(exEntry);
    if (t != null && vocab.isTypo(exEntry) && capitalisedInside(out, start)) {
      // A typed spelling (giử, đừn) written with a capital inside a sentence is a name (Lê Quý Đôn), as written.
      t = null;
    }
    if (t != null) {
      for (int k = 0; k < t.size(); k++) {
        out.add(t.exactIds[k], t.foldIds[k], true, start, end, -1, 0);
      }
      return true;
    }
    int[] guess = foldOfExact;
    int foEntry = exEntry >= 0 && exEntry < guess.length ? guess[exEntry] : -1;
    if (foEntry < 0 || !vocab.foldKeyEquals(foEntry, fo, off, len)) {
      foEntry = vocab.foldEntry(fo, off, len, accent ? SymbolTable.hash(fo, off, len) : hx);
    }
    int exId = vocab.exactSyllable(exEntry);
    if (exactOnly && exId < 0) {
      return false;
    }
    int foId = vocab.foldSyllable(foEntry);
    if (exId >= 0 || foId >= 0 || phraseMode) {
      out.add(exId, foId, !accent, start, end, off, len);
      return true;
    }
    Vocabulary.Expansion j = vocab.joined(foEntry);
    if (j != null) {
      // A phrase written as one word is a disguise whatever its marks ("địtmẹ", "đ i t m e" joined): its
      // words are read by their folded spelling, as if written plain.
      for (int k = 0; k < j.size(); k++) {
        out.add(-1, j.foldIds[k], true, start, end, -1, 0);
      }
      return true;
    }
    return false;
  }

  /**
   * Whether the word at {@code start} of the original text begins with a capital letter and is not the first
   * word of a sentence (the text's start, or after {@code . ! ? …} or a line break, spaces and quotes between).
   */
  private static boolean capitalisedInside(Positions out, int start) {
    char[] in = out.input;
    if (start < 0 || start >= in.length || !Character.isUpperCase(in[start])) {
      return false;
    }
    for (int k = start - 1; k >= 0; k--) {
      char c = in[k];
      if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '“' || c == '-') {
        continue;
      }
      return !(c == '.' || c == '!' || c == '?' || c == '…' || c == '\n' || c == '\r' || c == ':');
    }
    return false;
  }

  /**
   * Whether the word at {@code [start, end)} of the text is written as a name or a code: a capital inside it
   * ({@code ReFS}, {@code iOS}), or a capital first inside a sentence ({@code Mirja}). Such a word is read as
   * written, never as keyboard keys: a syllable with marks in its sentence would change how the plain words
   * around it are read.
   */
  private static boolean nameLike(Positions out, int start, int end) {
    char[] in = out.input;
    for (int k = start + 1; k < end && k < in.length; k++) {
      if (Character.isUpperCase(in[k])) {
        return true;
      }
    }
    return capitalisedInside(out, start);
  }

  /** Whether {@code in[start, end)} holds a digit 1 to 9 (a VNI key). */
  private static boolean hasKeyDigit(char[] in, int start, int end) {
    for (int k = start; k < end && k < in.length; k++) {
      if (in[k] >= '1' && in[k] <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasRun(char[] ex, int off, int len) {
    for (int k = off + 1; k < off + len; k++) {
      if (ex[k] == ex[k - 1]) {
        return true;
      }
    }
    return false;
  }

  /** Copies the token to {@code pool} with every run of one letter reduced to that letter. */
  private static int collapse(char[] ex, char[] fo, int off, int len, int pool) {
    int w = pool;
    for (int k = off; k < off + len; k++) {
      if (k > off && ex[k] == ex[k - 1]) {
        continue;
      }
      ex[w] = ex[k];
      fo[w] = fo[k];
      w++;
    }
    return w - pool;
  }
}
