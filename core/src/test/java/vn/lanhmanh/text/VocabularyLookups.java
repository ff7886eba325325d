package vn.lanhmanh.text;

/** Lookups the vocabulary tests share: a token's exact entry, and a syllable's folded spelling. */
final class VocabularyLookups {

  private VocabularyLookups() {}

  /** The exact entry of {@code token} in {@code v}, as the normaliser looks it up. */
  static int lookup(Vocabulary v, String token) {
    char[] c = token.toCharArray();
    return v.exactEntry(c, 0, c.length, SymbolTable.hash(c, 0, c.length));
  }

  /** {@code s} without diacritics, as the normaliser folds it. */
  static String fold(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      b.append(CharTable.fold(CharTable.ch(CharTable.info(s.charAt(i)))));
    }
    return b.toString();
  }
}
