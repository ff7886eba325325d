package vn.lanhmanh.text;

import java.util.Set;

/**
 * Says when a text is mostly in a language the lexicon does not cover, so that "nothing found" is not
 * read as "checked and fine". The letters are counted by the normaliser, over the copy of the text it has
 * just read ({@link Letters}); no allocation unless there is something to say.
 *
 * <p>Judged from the letters: mostly another script (Han, kana, Hangul, Thai, Arabic …) is not covered;
 * mostly Latin letters without Vietnamese diacritics is covered when at least half of the words of two or
 * more letters could be Vietnamese syllables written without diacritics ({@code toi muon di choi}) or are
 * teencode ({@code vcl}, {@code clgt}), and is English-or-other otherwise ({@code you are so stupid}).
 * A text with fewer than three such words is not judged.
 *
 * <p>Stateless; thread-safe.
 */
public final class LanguageCheck {

  /** Share of letters in another script from which a text counts as written in it. */
  private static final double OTHER_SCRIPT_SHARE = 0.3;
  /** Share of words with Vietnamese diacritics from which a text counts as Vietnamese. */
  private static final double DIACRITIC_WORD_SHARE = 0.2;
  private static final int MIN_WORDS = 3;

  private static final String[] ONSETS = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
      "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""};
  private static final Set<String> NUCLEI = Set.of("a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo",
      "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ya", "ye", "ieu", "yeu",
      "oai", "oay", "oeo", "uai", "uay", "uoi", "uou", "uya", "uye", "uyu", "uau");
  private static final String[] CODAS = {"ch", "ng", "nh", "c", "m", "n", "p", "t", ""};

  private LanguageCheck() {}

  /**
   * A note for {@code Verdict.notes()} when the text is mostly in an uncovered language, else null.
   *
   * @param vocabulary the lexicon's vocabulary, for its teencode tokens
   */
  public static String note(String text, Vocabulary vocabulary) {
    Letters letters = new Letters();
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      letters.accept(cp);
      i += Character.charCount(cp);
    }
    return note(text, vocabulary, letters);
  }

  /**
   * {@link #note(String, Vocabulary)} from the letter counts the normaliser took of the same text
   * ({@link Positions#letters()}): no further pass over the text unless it is mostly written without
   * diacritics.
   *
   * @param positions {@code text} normalised
   */
  public static String note(String text, Vocabulary vocabulary, Positions positions) {
    return note(text, vocabulary, positions.letters());
  }

  private static String note(String text, Vocabulary vocabulary, Letters c) {
    c.finish();
    if (c.letters == 0) {
      return null;
    }
    if (c.otherScript >= OTHER_SCRIPT_SHARE * c.letters) {
      return "language not covered: mostly " + scriptName(c.dominant) + " text; only Vietnamese, and common "
          + "English swearing and threats, are checked";
    }
    if (c.words < MIN_WORDS || c.diacriticWords >= DIACRITIC_WORD_SHARE * c.words) {
      return null;
    }
    // Only now, for the few texts mostly without diacritics, are the plain words read for their shape.
    if (vietnameseShapedWords(text, vocabulary, (c.words + 1) / 2) * 2 >= c.words) {
      return null;
    }
    return "language not covered: the text looks like English or another language in Latin letters; only "
        + "Vietnamese, and common English swearing and threats, are checked";
  }

  /**
   * What the check counts of a text, fed one code point at a time: letters, letters of another script
   * (and which script has most of them), words (runs of letters and combining marks, of two or more
   * letters, all Latin) and words with diacritics. A scratch object: one per {@link Positions}, filled by
   * the normaliser.
   */
  static final class Letters {
    private static final int LETTER_TYPES = (1 << Character.UPPERCASE_LETTER) | (1 << Character.LOWERCASE_LETTER)
        | (1 << Character.TITLECASE_LETTER) | (1 << Character.MODIFIER_LETTER) | (1 << Character.OTHER_LETTER);

    int letters;
    int otherScript;
    Character.UnicodeScript dominant;
    int dominantCount;
    int words;
    int diacriticWords;
    // the word being read
    private boolean inWord;
    private boolean latin;
    private boolean diacritic;
    private int wordLetters;

    void reset() {
      letters = 0;
      otherScript = 0;
      dominant = null;
      dominantCount = 0;
      words = 0;
      diacriticWords = 0;
      inWord = false;
    }

    /**
     * Counts {@code text[0, n)} (after {@link #reset}), then {@link #finish}es. The same counts as
     * {@link #accept} for each code point, with the word being read kept in locals while the common
     * characters (ASCII and precomposed Latin letters) come; any other code point goes through
     * {@link #accept}.
     */
    void count(char[] text, int n) {
      boolean inW = inWord;
      boolean lat = latin;
      boolean dia = diacritic;
      int wl = wordLetters;
      for (int i = 0; i < n; i++) {
        char c = text[i];
        boolean ascii = c < 0x80;
        if (ascii ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : latinLetterWithMark(c)) {
          if (!inW) {
            inW = true;
            lat = true;
            dia = false;
            wl = 0;
          }
          wl++;
          dia |= !ascii;
        } else if (ascii) {
          if (inW) {
            inW = false;
            letters += wl;
            if (lat && wl >= 2) {
              words++;
              diacriticWords += dia ? 1 : 0;
            }
          }
        } else {
          inWord = inW;
          latin = lat;
          diacritic = dia;
          wordLetters = wl;
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
            accept(Character.toCodePoint(c, text[++i]));
          } else {
            accept(c);
          }
          inW = inWord;
          lat = latin;
          dia = diacritic;
          wl = wordLetters;
        }
      }
      inWord = inW;
      latin = lat;
      diacritic = dia;
      wordLetters = wl;
      finish();
    }

    /** The next code point of the text. */
    void accept(int cp) {
      if (cp < 0x80) {
        if (isAsciiLetter(cp)) {
          letter();
        } else if (inWord) {
          endWord();   // ASCII holds no combining mark and no letter besides a-z, A-Z
        }
      } else if (latinLetterWithMark(cp)) {
        letter();   // the common case of Vietnamese text, decided without the Unicode tables
        diacritic = true;
      } else {
        other(cp);
      }
    }

    private void letter() {
      if (!inWord) {
        inWord = true;
        latin = true;
        diacritic = false;
        wordLetters = 0;
      }
      wordLetters++;
    }

    private void other(int cp) {
      if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
        // General Punctuation and the emoji blocks hold no letter and no combining mark (LanguageCheckPropertiesTest)
        if (inWord) {
          endWord();
        }
        return;
      }
      // The combining diacritical marks (NFD Vietnamese) and the variation selectors (after an emoji) are all
      // non-spacing marks (LanguageCheckPropertiesTest); any other code point takes one look-up in the
      // Unicode tables: Character.isLetter is the five letter types.
      int type = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0xFE00 && cp <= 0xFE0F)
          ? Character.NON_SPACING_MARK : Character.getType(cp);
      if (type == Character.NON_SPACING_MARK) {
        diacritic |= inWord;   // a mark outside a word is skipped
      } else if (((1 << type) & LETTER_TYPES) != 0) {
        letter();
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.LATIN) {
          diacritic = true;
        } else {
          latin = false;
          if (script != Character.UnicodeScript.CYRILLIC && script != Character.UnicodeScript.GREEK) {
            // Cyrillic and Greek letters are mostly look-alikes used to dodge filters: the normaliser reads them
            otherScript++;
            if (script == dominant) {
              dominantCount++;
            } else if (dominantCount == 0) {
              dominant = script;
              dominantCount = 1;
            } else {
              dominantCount--;
            }
          }
        }
      } else if (inWord) {
        endWord();
      }
    }

    private void endWord() {
      inWord = false;
      letters += wordLetters;
      if (latin && wordLetters >= 2) {
        words++;
        if (diacritic) {
          diacriticWords++;
        }
      }
    }

    /** Ends the text (a word running to its end counts). */
    void finish() {
      if (inWord) {
        endWord();
      }
    }
  }

  /** A precomposed Latin letter (Latin-1 letters, Latin Extended-A and -B, Latin Extended Additional). */
  private static boolean latinLetterWithMark(int cp) {
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF);
  }

  /**
   * How many words of two or more ASCII letters (no marks) could be Vietnamese syllables written without
   * diacritics, or are teencode: the plain words the scan in {@link #note} counted. Stops reading once
   * {@code enough} are found (the caller only asks whether there are that many).
   */
  private static int vietnameseShapedWords(String text, Vocabulary vocabulary, int enough) {
    int shaped = 0;
    char[] telex = new char[Telex.MAX_LETTERS * 2];
    char[] telexFold = new char[Telex.MAX_LETTERS * 2];
    int n = text.length();
    int i = 0;
    while (i < n && shaped < enough) {
      int cp = text.codePointAt(i);
      // ASCII holds no letter besides a-z, A-Z and no combining mark: decided without the Unicode tables.
      if (cp < 0x80 ? !isAsciiLetter(cp) : !Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      boolean ascii = true;
      while (i < n) {
        cp = text.codePointAt(i);
        if (cp < 0x80) {
          if (!isAsciiLetter(cp)) {
            break;
          }
        } else if (Character.getType(cp) == Character.NON_SPACING_MARK || Character.isLetter(cp)) {
          ascii = false;
        } else {
          break;
        }
        i += Character.charCount(cp);
      }
      if (ascii && i - start >= 2
          && (vietnameseShape(text, start, i) || isTeencode(text, start, i, vocabulary)
              || telexSyllable(text, start, i, vocabulary, telex, telexFold))) {
        shaped++;
      }
    }
    return shaped;
  }

  /**
   * Whether the ASCII word {@code text[start, end)} spells, by Telex keys left in, a syllable the vocabulary knows
   * ({@code bieets}); English words with a Telex shape ({@code away}, {@code we}) spell none.
   */
  private static boolean telexSyllable(String text, int start, int end, Vocabulary vocabulary, char[] ex,
      char[] fo) {
    int len = end - start;
    if (vocabulary == null || len > Telex.MAX_LETTERS) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      ex[k] = Character.toLowerCase(text.charAt(start + k));
    }
    int n = Telex.decode(ex, 0, len, ex, fo, len);
    return n > 0
        && vocabulary.exactSyllable(vocabulary.exactEntry(ex, len, n, SymbolTable.hash(ex, len, n))) >= 0;
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String scriptName(Character.UnicodeScript s) {
    if (s == null) {
      return "non-Latin";
    }
    switch (s) {
      case HAN:
        return "Chinese or Japanese (Han)";
      case HIRAGANA:
      case KATAKANA:
        return "Japanese";
      case HANGUL:
        return "Korean";
      default:
        String name = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
  }

  private static boolean isTeencode(String text, int start, int end, Vocabulary vocabulary) {
    return vocabulary != null && end - start <= 8
        && vocabulary.isTeencode(text.substring(start, end).toLowerCase(java.util.Locale.ROOT));
  }

  /** Per nucleus of one to three letters, by {@link #code}: whether it is one of {@link #NUCLEI}. */
  private static final boolean[] NUCLEUS = table(NUCLEI.toArray(new String[0]));
  /** Per onset of up to three letters (the empty one is code 0), by {@link #code}: one of {@link #ONSETS}. */
  private static final boolean[] ONSET = table(ONSETS);
  /** Per coda of up to two letters, by {@link #code}: one of {@link #CODAS}. */
  private static final boolean[] CODA = table(CODAS);

  private static boolean[] table(String[] parts) {
    boolean[] t = new boolean[27 * 27 * 27];
    for (String n : parts) {
      t[code(n, 0, n.length())] = true;
    }
    return t;
  }

  /** Letters a-z (lower-cased first) of {@code s[from, from + len)}, {@code len <= 3}, as a number base 27. */
  private static int code(String s, int from, int len) {
    int c = 0;
    for (int k = from; k < from + len; k++) {
      c = c * 27 + (Character.toLowerCase(s.charAt(k)) - 'a' + 1);
    }
    return c;
  }

  /**
   * Whether an ASCII word could be a Vietnamese syllable written without diacritics: an onset, a nucleus
   * and a coda of the lists above. Allocates nothing.
   */
  static boolean vietnameseShape(String text, int start, int end) {
    int len = end - start;
    if (len > 7) {
      return false;
    }
    for (int k = start; k < end; k++) {
      char c = Character.toLowerCase(text.charAt(k));
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    // An onset of 0 to 3 letters, a coda of 0 to 2, a nucleus of 1 to 3 between them: each part is read
    // by its code in a table (no string compared).
    for (int onset = 0; onset <= 3 && onset < len; onset++) {
      if (!ONSET[code(text, start, onset)]) {
        continue;
      }
      for (int coda = 0; coda <= 2; coda++) {
        int nucleus = len - onset - coda;
        if (nucleus > 0 && nucleus <= 3 && CODA[code(text, end - coda, coda)]
            && NUCLEUS[code(text, start + onset, nucleus)]) {
          return true;
        }
      }
    }
    return false;
  }
}
