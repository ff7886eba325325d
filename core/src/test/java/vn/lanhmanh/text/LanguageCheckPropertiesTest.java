package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The language check's letter counts taken in the normaliser's pass give the same note as counting the
 * text on its own, whatever the text: every code point reaches the count once, surrogate pairs as one.
 */
class LanguageCheckPropertiesTest {

  private static final Vocabulary VOCAB = new Vocabulary();
  private static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.forText(VOCAB);

  /** Latin with and without marks, combining marks, other scripts, look-alikes, separators, surrogates. */
  private static final String[] PIECES = {"a", "b", "e", "o", "n", "g", "k", "Đ", "ị", "ạ", "ề", "ư", "é",
      "ñ", "ǆ", "ɐ", "\u0301", "\u0323", "中", "文", "の", "한", "ก", "ا", "а", "о", "ω", "ｄ", " ", " ", ".",
      "1", "@", "!", "*", "\n", "\u200b", "\ud83d\ude00", "\ud835\udc00", "\ud800", "\ude00", "vcl", "you",
      "toi", "muon", "stupid", "\u2026", "\u201c", "\ud83d\ude02", "\ufe0f"};

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void countsTakenByTheNormaliserGiveTheSameNote(@ForAll("texts") String text) {
    Positions p = new Positions();
    NORMALIZER.normalize(text, p);
    assertThat(LanguageCheck.note(text, VOCAB, p)).isEqualTo(LanguageCheck.note(text, VOCAB));
  }

  @Example
  void blocksDecidedWithoutTheUnicodeTablesHoldNoLetterAndNoMark() {
    int[][] blocks = {{0x2000, 0x206F}, {0x1F000, 0x1FAFF}};
    for (int[] b : blocks) {
      for (int cp = b[0]; cp <= b[1]; cp++) {
        assertThat(Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK)
            .as("U+%04X", cp).isFalse();
      }
    }
  }

  @Example
  void blocksTakenAsMarksWithoutTheUnicodeTablesAreNonSpacingMarks() {
    int[][] blocks = {{0x300, 0x36F}, {0xFE00, 0xFE0F}};
    for (int[] b : blocks) {
      for (int cp = b[0]; cp <= b[1]; cp++) {
        assertThat(Character.getType(cp)).as("U+%04X", cp).isEqualTo((int) Character.NON_SPACING_MARK);
      }
    }
  }

  @Example
  void notesOtherScriptsAndEnglishButNotVietnamese() {
    String[][] cases = {
        {"你好，今天天气很好，我们去公园散步吧", "mostly Chinese or Japanese (Han)"},
        {"you are so stupid and I hate this", "English or another language"},
        {"toi muon di choi voi ban", null},
        {"hôm nay trời đẹp quá đi chơi thôi", null}};
    for (String[] c : cases) {
      Positions p = new Positions();
      NORMALIZER.normalize(c[0], p);
      String note = LanguageCheck.note(c[0], VOCAB, p);
      if (c[1] == null) {
        assertThat(note).as(c[0]).isNull();
      } else {
        assertThat(note).as(c[0]).contains(c[1]);
      }
    }
  }

  /** The syllable shape spelled out: some split of the word into an onset, a nucleus and a coda of the lists. */
  private static boolean shapeBySplitting(String w) {
    java.util.List<String> onsets = java.util.List.of("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
        "tr", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "");
    java.util.List<String> nuclei = java.util.List.of("a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo",
        "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ya", "ye", "ieu", "yeu",
        "oai", "oay", "oeo", "uai", "uay", "uoi", "uou", "uya", "uye", "uyu", "uau");
    java.util.List<String> codas = java.util.List.of("ch", "ng", "nh", "c", "m", "n", "p", "t", "");
    String l = w.toLowerCase(java.util.Locale.ROOT);
    for (int a = 0; a <= l.length(); a++) {
      for (int b = a; b <= l.length(); b++) {
        if (onsets.contains(l.substring(0, a)) && nuclei.contains(l.substring(a, b))
            && codas.contains(l.substring(b))) {
          return true;
        }
      }
    }
    return false;
  }

  @Provide
  Arbitrary<String> asciiWords() {
    return Arbitraries.strings().withChars("aeiouyngchktpmdqrsxlvbGHNAO").ofMinLength(1).ofMaxLength(7);
  }

  @Property(tries = 5000)
  void syllableShapeIsSomeSplitIntoOnsetNucleusAndCoda(@ForAll("asciiWords") String w) {
    // the word alone, and the word at the end of a text (nothing to read past it)
    assertThat(LanguageCheck.vietnameseShape(w, 0, w.length())).as(w).isEqualTo(shapeBySplitting(w));
    assertThat(LanguageCheck.vietnameseShape("x " + w, 2, w.length() + 2)).as(w).isEqualTo(shapeBySplitting(w));
  }

  @Example
  void aWordThatBeginsALongerOnsetEndsATextWithoutError() {
    // "ng" is the start of the onset "ngh": reading that onset once ran past the end of the text
    for (String text : new String[] {"toi muon di ng", "toi muon di NG", "di choi khong ng"}) {
      Positions p = new Positions();
      NORMALIZER.normalize(text, p);
      assertThat(LanguageCheck.note(text, VOCAB, p)).as(text).isNull();
    }
  }
}
