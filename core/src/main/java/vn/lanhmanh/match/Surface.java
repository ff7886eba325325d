package vn.lanhmanh.match;

import vn.lanhmanh.text.Positions;

/**
 * Checks on the written surface around a hit, with no allocation: whether the writer uses diacritics near
 * it, and whether a short Latin token read as teencode ({@code cl}, {@code cc}, {@code vl}) stands in
 * Vietnamese chat or is a chemical symbol, a unit, an abbreviation, a name or part of English text.
 */
final class Surface {

  /** How many syllables on each side of a hit tell whether its writer uses diacritics. */
  private static final int DIACRITIC_WINDOW = 4;
  /** How many syllables on each side of a Latin token tell whether the text around it is English. */
  private static final int LATIN_WINDOW = 3;

  private Surface() {}

  /**
   * True when at least two syllables within {@value #DIACRITIC_WINDOW} of positions {@code first..last}, in
   * the same sentence, carry diacritics: the writer uses them, so a syllable written without them is
   * the word it spells ({@code khung}, {@code lon}), not a stripped swear.
   */
  static boolean writerUsesDiacritics(Positions p, int first, int last) {
    int marked = 0;
    for (int k = first - 1; k >= Math.max(0, first - DIACRITIC_WINDOW); k--) {
      if (p.sentenceStart(k + 1)) {
        break;
      }
      marked += p.plain(k) ? 0 : 1;
    }
    for (int k = last + 1; k < Math.min(p.size(), last + 1 + DIACRITIC_WINDOW) && marked < 3; k++) {
      if (p.sentenceStart(k)) {
        break;
      }
      marked += p.plain(k) ? 0 : 1;
    }
    return marked >= 3;
  }

  /**
   * False when the hit on positions {@code first..last} rests on a Latin token that is not Vietnamese chat
   * here: teencode or a joined spelling written as a name ({@code Cl}, {@code Dell}, {@code Lôn} inside a
   * sentence), next to digits or formula signs ({@code Cl−}, {@code VC-1}), beside an
   * abbreviation in capitals ({@code CB CC}), or among English words.
   */
  static boolean latinTokensAreChat(Positions p, int first, int last) {
    return latinTokensAreChat(p, first, last, null);
  }

  /**
   * {@link #latinTokensAreChat(Positions, int, int)} remembering each token's answer in {@code memo} (at
   * its first position: 0 not asked yet, 1 chat, 2 not chat; all 0 for a new text), so the many phrases
   * that end on one token ask about it once.
   */
  static boolean latinTokensAreChat(Positions p, int first, int last, byte[] memo) {
    for (int k = first; k <= last; k++) {
      if (p.source(k) != Positions.EXPANDED) {
        continue;
      }
      if (k > first && p.start(k) == p.start(k - 1)) {
        continue; // the same token, checked already
      }
      int head = k;
      while (head > 0 && p.start(head - 1) == p.start(k) && p.source(head - 1) == Positions.EXPANDED) {
        head--;
      }
      int tail = k;
      while (tail + 1 < p.size() && p.start(tail + 1) == p.start(k)) {
        tail++;
      }
      if (memo == null) {
        if (!tokenIsChat(p, head, tail)) {
          return false;
        }
        continue;
      }
      if (memo[head] == 0) {
        memo[head] = tokenIsChat(p, head, tail) ? (byte) 1 : (byte) 2;
      }
      if (memo[head] == 2) {
        return false;
      }
    }
    return true;
  }

  /** Positions {@code head..tail} are the expansion of one written token. */
  private static boolean tokenIsChat(Positions p, int head, int tail) {
    int s = p.start(head);
    int e = p.end(head);
    if ((capitalised(p, head, tail) && (capitalisedNeighbour(p, head, tail)
        || Surface.writerUsesDiacritics(p, head, tail))) || formulaNeighbour(p, s, e)) {
      return false;
    }
    boolean caps = allCaps(p, s, e);
    boolean before = head > 0 && !p.sentenceStart(head);
    boolean after = tail + 1 < p.size() && !p.sentenceStart(tail + 1);
    if (before && ((caps && abbreviation(p, head - 1)) || unit(p, head - 1, s, e))) {
      return false;
    }
    if (unitInExercise(p, s, e) || unitWithPower(p, s, e)) {
      return false;
    }
    if (caps && after && abbreviation(p, tail + 1)) {
      return false;
    }
    // Teencode that is a word in Latin letters, beside an English word, is English (cave diving); a joined
    // spelling (vailin) or a Vietnamese-shaped token (ko) is not an English word.
    if (p.exactId(head) >= 0 && hasVowel(p, s, e) && !p.writtenVietnameseShape(s, e)
        && ((before && english(p, head - 1)) || (after && english(p, tail + 1)))) {
      return false;
    }
    return !englishAround(p, head, tail);
  }

  /** {@code cc} or {@code cl} in lower case after a number is a unit ({@code 50 cc}, {@code 33 cl}). */
  /** Units that teencode reads as a swear: {@code cc} and {@code cl} (cubic centimetre, centilitre), {@code dm}. */
  private static boolean unitName(char a, char b) {
    return (a == 'c' && (b == 'c' || b == 'l')) || (a == 'd' && b == 'm');
  }

  /**
   * A unit name with a power sign ({@code dm³}, {@code dm²}, {@code cm³} in a volume or an area exercise): nobody writes
   * a swear squared or cubed (forty-third round).
   */
  private static boolean unitWithPower(Positions p, int s, int e) {
    if (e - s != 3 || !unitName(p.inputChar(s), p.inputChar(s + 1))) {
      return false;
    }
    char c = p.inputChar(s + 2);
    return c == '\u00b2' || c == '\u00b3';
  }

  private static boolean unit(Positions p, int k, int s, int e) {
    if (e - s != 2 || !unitName(p.inputChar(s), p.inputChar(s + 1))
        || p.source(k) != Positions.OWN || !p.hasDigit(k)) {
      return false;
    }
    for (int i = p.start(k); i < p.end(k); i++) {
      if (Character.isLetter(p.inputChar(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Length units that, beside {@code dm} in a list or a conversion, make it a unit; a bare {@code m} is left out,
   * since {@code dm m} is a swear and teencode's {@code mày}.
   */
  private static final String[] LENGTH_UNITS = {"km", "hm", "dam", "cm", "mm"};

  /**
   * A unit name ({@code cc}, {@code cl}, {@code dm}) in lower case inside a conversion exercise (twenty-ninth round):
   * the blank of a fill-in ({@code = ... dm}), an equation that follows it ({@code dm = 10 cm}), or another length
   * unit beside it in a list ({@code m, dm, cm}). A bare ellipsis before it ({@code thua rồi... dm}) is chat, and
   * a bare {@code m} beside it is teencode's {@code mày} ({@code dm m}), so neither counts.
   */
  private static boolean unitInExercise(Positions p, int s, int e) {
    if (e - s != 2 || !unitName(p.inputChar(s), p.inputChar(s + 1))) {
      return false;
    }
    int n = p.inputLength();
    // backwards: spaces, at least one dot or ellipsis, spaces, then '='
    int i = beforeBlank(p, s - 1);
    if (i != NO_BLANK && i >= 0 && p.inputChar(i) == '=') {
      return true;
    }
    // a compound answer's blanks ({@code 45 dm = … m … dm}): a blank, a unit, a blank, back to '=' (forty-fourth round)
    if (i != NO_BLANK && blankUnitBlank(p, i)) {
      return true;
    }
    // forwards: spaces, '=', spaces, then a digit
    int j = e;
    while (j < n && p.inputChar(j) == ' ') {
      j++;
    }
    if (j < n && p.inputChar(j) == '=') {
      j++;
      while (j < n && p.inputChar(j) == ' ') {
        j++;
      }
      if (j < n && Character.isDigit(p.inputChar(j))) {
        return true;
      }
    }
    return lengthUnitAt(p, s, -1) || lengthUnitAt(p, e, 1);
  }

  /** {@link #beforeBlank}'s answer when no dot or ellipsis stands there. */
  private static final int NO_BLANK = Integer.MIN_VALUE;

  /**
   * Reading backwards from offset {@code i}: spaces, at least one dot or ellipsis (a blank to fill), spaces; the
   * offset of the character before them (-1 at the start of the input), or {@link #NO_BLANK} when there is no dot.
   */
  private static int beforeBlank(Positions p, int i) {
    while (i >= 0 && p.inputChar(i) == ' ') {
      i--;
    }
    int dots = 0;
    while (i >= 0 && (p.inputChar(i) == '.' || p.inputChar(i) == '\u2026')) {
      dots++;
      i--;
    }
    while (i >= 0 && p.inputChar(i) == ' ') {
      i--;
    }
    return dots > 0 ? i : NO_BLANK;
  }

  /**
   * Whether, reading backwards from offset {@code i} (the last character before a blank), a length unit ({@code m},
   * {@code cm}, {@code dm}, …) stands after another blank that follows {@code =}: the second blank of a compound
   * answer ({@code = … m … dm}). A chat line has no blank after an equals sign, so a bare ellipsis stays chat.
   */
  private static boolean blankUnitBlank(Positions p, int i) {
    int b = i;
    while (b >= 0 && Character.isLetter(p.inputChar(b))) {
      b--;
    }
    int len = i - b;
    boolean unit = unitAt(p, b + 1, len, "m") || unitAt(p, b + 1, len, "dm") || lengthUnit(p, b + 1, len);
    if (len < 1 || len > 3 || !unit) {
      return false;
    }
    int k = beforeBlank(p, b);
    return k != NO_BLANK && k >= 0 && p.inputChar(k) == '=';
  }

  /** Whether the {@code len} characters of the input from {@code from} are one of {@link #LENGTH_UNITS}. */
  private static boolean lengthUnit(Positions p, int from, int len) {
    for (String u : LENGTH_UNITS) {
      if (unitAt(p, from, len, u)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the {@code len} characters of the input from {@code from} are {@code unit}. */
  private static boolean unitAt(Positions p, int from, int len, String unit) {
    if (unit.length() != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (p.inputChar(from + k) != unit.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the word next to offset {@code from} in direction {@code step}, past spaces and one comma, is a length unit. */
  private static boolean lengthUnitAt(Positions p, int from, int step) {
    int n = p.inputLength();
    int i = step < 0 ? from - 1 : from;
    while (i >= 0 && i < n && (p.inputChar(i) == ' ' || p.inputChar(i) == ',')) {
      i += step;
    }
    int a = i;
    while (i >= 0 && i < n && Character.isLetter(p.inputChar(i))) {
      i += step;
    }
    int from2 = step < 0 ? i + 1 : a;
    int to2 = step < 0 ? a + 1 : i;
    if (to2 <= from2) {
      return false;
    }
    return lengthUnit(p, from2, to2 - from2);
  }

  /**
   * The token is written like a name or a symbol inside a sentence (first letter upper case and some later
   * one lower case, or one capital) among words that use diacritics or next to another capitalised word:
   * {@code ký hiệu Cl}, {@code núi Côn Lôn}. Chat writes such tokens in lower case or in capitals.
   */
  static boolean capitalised(Positions p, int head, int tail) {
    if (head == 0 || p.sentenceStart(head)) {
      return false; // a sentence may start with a capital
    }
    int s = p.start(head);
    int e = p.end(tail);
    // A token without a vowel (Dcm, Vl) is no word or name; of those only chemical symbols are capitalised.
    return capitalisedAt(p, s, e) && (hasVowel(p, s, e) || chemicalSymbol(p, s, e));
  }

  /** Two-letter chemical symbols without a vowel that teencode could read. */
  private static final String[] SYMBOLS = {"Cl", "Cm", "Cd", "Cs", "Mn", "Zn", "Pb", "Pd", "Pt", "Br", "Hg",
      "Sc", "Sn", "Tc", "Tl", "Nd", "Np", "Sm", "Rb", "Db", "Ds", "Lv", "Lr", "Md", "Mt", "Tm", "Tb"};

  private static boolean chemicalSymbol(Positions p, int s, int e) {
    if (e - s != 2) {
      return false;
    }
    for (String sym : SYMBOLS) {
      if (p.inputChar(s) == sym.charAt(0) && p.inputChar(s + 1) == sym.charAt(1)) {
        return true;
      }
    }
    return false;
  }

  private static final String VOWELS = "aeiouyàáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩị"
      + "òóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

  private static boolean hasVowel(Positions p, int s, int e) {
    for (int i = s; i < e; i++) {
      char c = Character.toLowerCase(p.inputChar(i));
      if (VOWELS.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  static boolean capitalisedNeighbour(Positions p, int head, int tail) {
    return (!p.sentenceStart(head) && head > 0 && capitalisedAt(p, p.start(head - 1), p.end(head - 1)))
        || (tail + 1 < p.size() && !p.sentenceStart(tail + 1)
            && capitalisedAt(p, p.start(tail + 1), p.end(tail + 1)));
  }

  private static boolean capitalisedAt(Positions p, int from, int to) {
    int letters = 0;
    boolean firstUpper = false;
    boolean laterLower = false;
    for (int i = from; i < to; i++) {
      char c = p.inputChar(i);
      if (!Character.isLetter(c)) {
        continue;
      }
      if (letters == 0) {
        firstUpper = Character.isUpperCase(c);
      } else if (Character.isLowerCase(c)) {
        laterLower = true;
      }
      letters++;
    }
    return firstUpper && (laterLower || letters == 1);
  }

  /**
   * Digits or formula signs touch the token ({@code Cl−}, {@code VC-1}, {@code Wiley-VCH}), or an operator
   * is written inside it ({@code V = C}). An emoticon ({@code =)))}) is no operator: {@code = + ^} count
   * only with a letter or digit beyond them.
   */
  private static boolean formulaNeighbour(Positions p, int s, int e) {
    int n = p.inputLength();
    for (int i = s; i < e; i++) {
      char c = p.inputChar(i);
      if (c == '=' || c == '+' || c == '^') {
        return true;
      }
    }
    if (s > 0) {
      char b = p.inputChar(s - 1);
      if (Character.isDigit(b) || formulaSign(b) || (operator(b) && operand(p, s - 2, -1))
          || (b == '-' && s > 1 && Character.isLetterOrDigit(p.inputChar(s - 2)))) {
        return true;
      }
    }
    if (e < n) {
      char a = p.inputChar(e);
      if (Character.isDigit(a) || formulaSign(a) || (operator(a) && operand(p, e + 1, 1))
          || (a == '-' && e + 1 < n && Character.isLetterOrDigit(p.inputChar(e + 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean operator(char c) {
    return c == '=' || c == '+' || c == '^';
  }

  /** A letter or digit at {@code i}, or beyond spaces in direction {@code step}. */
  private static boolean operand(Positions p, int i, int step) {
    while (i >= 0 && i < p.inputLength() && p.inputChar(i) == ' ') {
      i += step;
    }
    return i >= 0 && i < p.inputLength() && Character.isLetterOrDigit(p.inputChar(i));
  }

  /** Signs found only in formulas: minus, arrows, superscript and subscript charges and counts. */
  private static boolean formulaSign(char c) {
    switch (c) {
      case '\u2212': case '\u2192': case '\u21CC': case '\u207A': case '\u207B': case '\u2082':
      case '\u2083': case '\u00B2': case '\u00B3':
        return true;
      default:
        return false;
    }
  }

  private static boolean allCaps(Positions p, int from, int to) {
    int letters = 0;
    for (int i = from; i < to; i++) {
      char c = p.inputChar(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }

  /** An abbreviation in capitals that is not a Vietnamese syllable ({@code CB}, {@code HCM}, {@code UBND}). */
  private static boolean abbreviation(Positions p, int k) {
    return p.source(k) == Positions.OWN && p.plain(k) && !p.vietnameseShape(k)
        && allCaps(p, p.start(k), p.end(k));
  }

  /**
   * Two or more words within {@value #LATIN_WINDOW} syllables, in the same sentence, cannot be Vietnamese
   * syllables ({@code diving}, {@code fans}, {@code hello}) and none is Vietnamese: the token is part of
   * English text. Vietnamese chat borrows English words ({@code nick}, {@code face}), so one Vietnamese
   * word beside them keeps the token.
   */
  private static boolean englishAround(Positions p, int head, int tail) {
    int english = 0;
    for (int k = head - 1; k >= Math.max(0, head - LATIN_WINDOW); k--) {
      if (p.sentenceStart(k + 1)) {
        break;
      }
      if (!english(p, k)) {
        return false;   // one Vietnamese word keeps the token
      }
      english++;
    }
    for (int k = tail + 1; k < Math.min(p.size(), tail + 1 + LATIN_WINDOW); k++) {
      if (p.sentenceStart(k)) {
        break;
      }
      if (!english(p, k)) {
        return false;
      }
      english++;
    }
    return english >= 3;
  }

  /** A word of three or more Latin letters with a vowel that cannot be a Vietnamese syllable. */
  private static boolean english(Positions p, int k) {
    return p.source(k) == Positions.OWN && p.end(k) - p.start(k) >= 3 && p.plain(k) && !p.hasDigit(k)
        && hasVowel(p, p.start(k), p.end(k)) && !p.vietnameseShape(k);
  }
}
