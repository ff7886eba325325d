package vn.lanhmanh.text;

/**
 * The shape of a Vietnamese syllable on its folded letters (no diacritics, {@code đ → d}): an optional
 * initial consonant, one to three vowels, an optional final consonant. Used to tell a Vietnamese word or
 * teencode from an English word, a symbol or a code written in Latin letters around it.
 *
 * <p>Public only for {@link #vowel}, the vowel test the score stage shares with it.
 */
public final class Syllables {

  /** Initial consonants, longest first so that {@code ngh} is tried before {@code ng} and {@code n}. */
  private static final String[] INITIALS = {
      "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
      "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""};
  private static final String[] FINALS = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};

  private Syllables() {}

  static boolean vietnameseShape(char[] s, int off, int len) {
    if (len == 0 || len > 7) {
      return false;
    }
    for (String ini : INITIALS) {
      if (ini.length() < len && startsWith(s, off, len, ini) && rhyme(s, off + ini.length(), len - ini.length())) {
        return true;
      }
    }
    return false;
  }

  /** One to three vowels, then a final consonant or none. */
  private static boolean rhyme(char[] s, int off, int len) {
    int v = 0;
    while (v < len && v < 3 && vowel(lower(s[off + v]))) {
      v++;
    }
    if (v == 0) {
      return false;
    }
    int rest = len - v;
    for (String fin : FINALS) {
      if (fin.length() == rest && startsWith(s, off + v, rest, fin)) {
        return true;
      }
    }
    return false;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Whether {@code c} is a lower-case ASCII vowel letter ({@code a e i o u y}). */
  public static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }

  private static boolean startsWith(char[] s, int off, int len, String p) {
    if (p.length() > len) {
      return false;
    }
    for (int k = 0; k < p.length(); k++) {
      if (lower(s[off + k]) != p.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
