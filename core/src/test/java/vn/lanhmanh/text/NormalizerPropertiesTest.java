package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the normaliser over arbitrary and Vietnamese-looking text. */
class NormalizerPropertiesTest {

  private static final Vocabulary VOCAB = new Vocabulary();
  /** Shared with {@link NormalizerFuzzTest}. */
  static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.forText(VOCAB);

  /** Vietnamese letters and marks, look-alikes, leetspeak, separators and broken surrogates. */
  static final char[] ALPHABET = {
      'a', 'ă', 'â', 'đ', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'd', 'm', 'n', 'g', 't', 'c', 'h',
      'Đ', 'Ị', 'T', 'M', 'Ẹ', 'ạ', 'ấ', 'ề', 'ổ', 'ữ', 'ỳ', ' ', ' ', '.', '-', '*', '0', '1', '3', '@',
      '!', '\u200b', '\u0301', '\u0323', '\u0306', 'а', 'о', 'ｄ', '\n', '\ud83d', '\ude00', '\ud800'};

  static {
    // A few known words so that joining, collapsing and teencode paths are exercised.
    int dit = VOCAB.addExact("địt");
    int me = VOCAB.addExact("mẹ");
    int fDit = VOCAB.addFold("dit");
    int fMe = VOCAB.addFold("me");
    VOCAB.addExact("ngu");
    VOCAB.addFold("ngu");
    VOCAB.addTeencode("dm", new int[] {dit, me}, new int[] {fDit, fMe});
    VOCAB.addJoined("ditme", new int[] {fDit, fMe});
  }

  @Provide
  Arbitrary<String> vietnamese() {
    Character[] boxed = new Character[ALPHABET.length];
    for (int i = 0; i < ALPHABET.length; i++) {
      boxed[i] = ALPHABET[i];
    }
    Arbitrary<Character> letters = Arbitraries.of(boxed);
    return letters.list().ofMaxSize(80).map(l -> {
      StringBuilder sb = new StringBuilder();
      l.forEach(sb::append);
      return sb.toString();
    });
  }

  @Property(tries = 2000)
  void offsetsPointIntoTheOriginal(@ForAll("vietnamese") String text) {
    checkOffsets(text);
  }

  @Property(tries = 1000)
  void offsetsPointIntoTheOriginalForAnyString(@ForAll String text) {
    checkOffsets(text);
  }

  /** Offsets are inside the text, non-empty, in order. Shared with {@link NormalizerFuzzTest}. */
  static void checkOffsets(String text) {
    Positions p = new Positions();
    NORMALIZER.normalize(text, p);
    int lastStart = 0;
    for (int i = 0; i < p.size(); i++) {
      assertThat(p.start(i)).isBetween(0, text.length());
      assertThat(p.end(i)).isBetween(p.start(i) + 1, text.length());
      assertThat(p.start(i)).isGreaterThanOrEqualTo(lastStart);
      lastStart = p.start(i);
    }
  }

  @Property(tries = 2000)
  void normalisingTwiceChangesNothing(@ForAll("vietnamese") String text) {
    String once = NORMALIZER.normalizeToString(text);
    assertThat(NORMALIZER.normalizeToString(once)).isEqualTo(once);
  }

  @Property(tries = 1000)
  void nfcAndNfdNormaliseAlike(@ForAll("vietnamese") String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
    assertThat(NORMALIZER.normalizeToString(nfd)).isEqualTo(NORMALIZER.normalizeToString(nfc));
  }

  @Property(tries = 500)
  void caseDoesNotMatter(@ForAll("vietnamese") String text) {
    assertThat(NORMALIZER.normalizeToString(text.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(NORMALIZER.normalizeToString(text.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Found by the property above: a masked word's letters joined put its tone where a syllable's goes. */
  @Example
  void maskedLettersJoinedPlaceTheToneAsASyllableDoes() {
    String once = NORMALIZER.normalizeToString("ao*\u1eb8");
    assertThat(once).isEqualTo("a\u1ecde");
    assertThat(NORMALIZER.normalizeToString(once)).isEqualTo(once);
  }

  /** Found by fuzzing: U+FAD6 decomposes to U+25CD0, and half of its surrogate pair was taken as a letter. */
  @Example
  void cjkCompatibilityIdeographWithASupplementaryDecompositionNormalisesAlike() {
    String once = NORMALIZER.normalizeToString("\u1f02\ufad6 \ufad6");
    assertThat(once).isEqualTo("\u00e0\ufad6 \ufad6");
    assertThat(NORMALIZER.normalizeToString(once)).isEqualTo(once);
  }

  /** Found by fuzzing: '!' before a mathematical letter (outside the BMP) was read as punctuation. */
  /** ư before an o without its horn is ươ, also in letters joined across a mask (found by the property above). */
  @Example
  void uHornBeforeOIsUoHornWhereverTheLettersCome() {
    assertThat(NORMALIZER.normalizeToString("ngưòi ngừoi")).isEqualTo("người người");
    String once = NORMALIZER.normalizeToString("a*ưo");
    assertThat(once).isEqualTo("aươ");
    assertThat(NORMALIZER.normalizeToString(once)).isEqualTo(once);
  }

  @Example
  void leetExclamationBeforeAMathematicalLetterIsALetter() {
    assertThat(NORMALIZER.normalizeToString("\u0111!\u00ad\ud835\udc2d m\u1eb9"))
        .isEqualTo(NORMALIZER.normalizeToString("\u0111it m\u1eb9"));
  }
}
