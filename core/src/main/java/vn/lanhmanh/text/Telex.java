package vn.lanhmanh.text;

/**
 * Reads the keys of the Telex input method left in a word when the keyboard did not convert them ({@code
 * bieets → biết}, {@code dduwowngf → đường}, {@code toois → tối}): {@code dd} is đ; {@code aa}, {@code ee},
 * {@code oo} are â, ê, ô; {@code w} after a, o or u is ă, ơ, ư ({@code uow} is ươ), alone it is ư; and after the
 * first vowel, {@code f s r x j} are the tones (huyền, sắc, hỏi, ngã, nặng), which no Vietnamese syllable
 * ends in.
 *
 * <p>The normaliser asks it only of a token of plain letters that neither its exact nor its folded table
 * knows, and keeps the reading only when the vocabulary knows the syllable it gives. A token whose only key
 * is {@code s}, {@code r} or {@code x} must have it last and four letters or more, since English words end
 * so ({@code bus}, {@code her}) or have an s before their last letter ({@code trust}, {@code lost}). Allocates
 * nothing.
 */
final class Telex {

  /** Mark indexes of {@link CharTable#compose}: 1 breve, 2 circumflex, 3 horn. */
  private static final int BREVE = 1;
  private static final int CIRCUMFLEX = 2;
  private static final int HORN = 3;

  /** The longest token read: a syllable of seven letters with its keys ({@code nghieengx}). */
  static final int MAX_LETTERS = 11;

  private Telex() {}

  /**
   * Writes the syllable the Telex keys of {@code src[off, off + len)} spell to {@code ex} and its
   * diacritic-free letters to {@code fo}, both at {@code to}, and returns its length; returns 0 when the
   * token has no Telex key, is not plain lower-case letters, or does not read as one syllable's shape. The
   * target may not overlap the source.
   */
  static int decode(char[] src, int off, int len, char[] ex, char[] fo, int to) {
    if (len < 2 || len > MAX_LETTERS) {
      return 0;
    }
    int w = to;
    int tone = 0;
    boolean strong = false;
    boolean vowelSeen = false;
    boolean letterAfterTone = false;
    int lastModded = -1;
    for (int k = off; k < off + len; k++) {
      char c = src[k];
      if (c < 'a' || c > 'z') {
        return 0;
      }
      char prev = w > to ? fo[w - 1] : 0;
      int prevMod = w > to ? modOf(ex[w - 1]) : 0;
      if (c == 'd' && prev == 'd' && w == to + 1 && ex[to] == 'd') {
        ex[to] = '\u0111';
        strong = true;
        continue;
      }
      if ((c == 'a' || c == 'e' || c == 'o') && prev == c && prevMod == 0) {
        ex[w - 1] = CharTable.compose(c, CIRCUMFLEX, 0);
        lastModded = w - 1;
        strong = true;
        continue;
      }
      if (c == 'w') {
        if (prevMod == 0 && (prev == 'a' || prev == 'o' || prev == 'u')) {
          ex[w - 1] = CharTable.compose(prev, prev == 'a' ? BREVE : HORN, 0);
          if (prev == 'o' && w - 2 >= to && fo[w - 2] == 'u' && modOf(ex[w - 2]) == 0) {
            ex[w - 2] = CharTable.compose('u', HORN, 0); // uow: ươ
          }
          lastModded = w - 1;
          strong = true;
          continue;
        }
        if (!vowelSeen) {
          ex[w] = CharTable.compose('u', HORN, 0); // a lone w is ư (tw: tư)
          fo[w] = 'u';
          lastModded = w;
          w++;
          vowelSeen = true;
          strong = true;
          continue;
        }
        return 0;
      }
      if (vowelSeen && isToneKey(c)) {
        tone = toneOf(c);
        letterAfterTone = false;
        if (c == 'f' || c == 'j') {
          strong = true;
        }
        continue;
      }
      if (Syllables.vowel(c)) {
        if (tone != 0) {
          return 0; // a tone key before a vowel: no one types so; a name (Mirja) or an English word
        }
        vowelSeen = true;
      }
      letterAfterTone |= tone != 0;
      ex[w] = c;
      fo[w] = c;
      w++;
    }
    int n = w - to;
    if (n == 0 || !Syllables.vietnameseShape(fo, to, n)) {
      return 0;
    }
    if (!strong && (tone == 0 || len < 4 || letterAfterTone)) {
      return 0;
    }
    return withTone(ex, fo, to, n, tone, lastModded);
  }

  /**
   * Writes the syllable the VNI keys of {@code in[start, end)} spell ({@code bie61t → biết}, {@code d9e1o → đéo},
   * {@code ba5n → bạn}: 6 is the circumflex, 7 the horn, 8 the breve on the vowel before it, 9 the stroke of d; 1
   * to 5 are sắc, huyền, hỏi, ngã, nặng, after the first vowel) to {@code ex} and {@code fo} at {@code to}, and
   * returns its length; 0 when the word is not letters and keys of one syllable. Read from the text as written,
   * since the normaliser has read some of those digits as leetspeak letters by then. A word must begin with a
   * letter and have two letters or more, or one and two keys ({@code o73 → ở}); a 0 is never a key.
   */
  static int decodeVni(char[] in, int start, int end, char[] ex, char[] fo, int to) {
    int len = end - start;
    if (len < 2 || len > MAX_LETTERS) {
      return 0;
    }
    int w = to;
    int tone = 0;
    int keys = 0;
    int lastModded = -1;
    boolean vowelSeen = false;
    for (int k = start; k < end; k++) {
      char c = in[k];
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c >= 'a' && c <= 'z') {
        vowelSeen |= Syllables.vowel(c);
        ex[w] = c;
        fo[w] = c;
        w++;
        continue;
      }
      if (c < '1' || c > '9' || w == to) {
        return 0;
      }
      keys++;
      if (c <= '5') {
        if (!vowelSeen || tone != 0) {
          return 0;
        }
        tone = VNI_TONES[c - '1'];
        continue;
      }
      int at = -1;
      for (int b = w - 1; b >= to && at < 0; b--) {
        char f = fo[b];
        boolean fits = c == '6' ? f == 'a' || f == 'e' || f == 'o'
            : c == '7' ? f == 'o' || f == 'u'
            : c == '8' ? f == 'a'
            : f == 'd' && b == to;
        if (fits && (c == '9' ? ex[b] == 'd' : modOf(ex[b]) == 0)) {
          at = b;
        }
      }
      if (at < 0) {
        return 0;
      }
      if (c == '9') {
        ex[at] = '\u0111';
        continue;
      }
      ex[at] = CharTable.compose(fo[at], c == '6' ? CIRCUMFLEX : c == '7' ? HORN : BREVE, 0);
      if (c == '7' && fo[at] == 'o' && at > to && fo[at - 1] == 'u' && modOf(ex[at - 1]) == 0) {
        ex[at - 1] = CharTable.compose('u', HORN, 0); // uo7: ươ
      }
      lastModded = at;
    }
    int n = w - to;
    if (keys == 0 || n == 0 || (n < 2 && keys < 2) || !Syllables.vietnameseShape(fo, to, n)) {
      return 0;
    }
    return withTone(ex, fo, to, n, tone, lastModded);
  }

  /** Puts {@code tone} (0: none) on the syllable's tone vowel; returns {@code n}, or 0 when it has no vowel. */
  private static int withTone(char[] ex, char[] fo, int to, int n, int tone, int lastModded) {
    if (tone != 0) {
      int at = tonePosition(ex, fo, to, n, lastModded);
      if (at < 0) {
        return 0;
      }
      ex[at] = CharTable.compose(fo[at], modOf(ex[at]), tone);
    }
    return n;
  }

  /** VNI's tone keys 1 to 5 as the tone indexes of {@link CharTable#compose}. */
  private static final int[] VNI_TONES = {2, 1, 3, 4, 5};

  /**
   * Where the tone goes, in the spelling the vocabulary keeps (the tone of {@code oa}, {@code oe}, {@code uy}
   * on their first vowel: hòa): on the vowel with a mark (the last one: ươ takes it on ơ); else, with a final
   * consonant, on the last vowel; else on the first of two vowels or the middle of three. The u of qu and the
   * i of gi before another vowel belong to the consonant.
   */
  private static int tonePosition(char[] ex, char[] fo, int to, int n, int lastModded) {
    int first = to;
    while (first < to + n && !Syllables.vowel(fo[first])) {
      first++;
    }
    if (first == to + n) {
      return -1;
    }
    if (first > to && first + 1 < to + n && Syllables.vowel(fo[first + 1])
        && ((fo[first] == 'u' && fo[first - 1] == 'q') || (fo[first] == 'i' && fo[first - 1] == 'g'))) {
      first++;
    }
    int last = first;
    while (last + 1 < to + n && Syllables.vowel(fo[last + 1])) {
      last++;
    }
    if (lastModded >= first && lastModded <= last) {
      return lastModded;
    }
    if (last + 1 < to + n) {
      return last;
    }
    int count = last - first + 1;
    return count == 3 ? first + 1 : first;
  }

  private static boolean isToneKey(char c) {
    return c == 'f' || c == 's' || c == 'r' || c == 'x' || c == 'j';
  }

  /** The tone index of {@link CharTable#compose}: 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng. */
  private static int toneOf(char key) {
    switch (key) {
      case 'f': return 1;
      case 's': return 2;
      case 'r': return 3;
      case 'x': return 4;
      default: return 5;
    }
  }

  private static int modOf(char c) {
    return CharTable.mod(CharTable.info(c));
  }
}
