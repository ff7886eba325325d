package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Telex#decode}: the Telex keys left in a word read as the syllable they spell, in the tone placement
 * the vocabulary keeps; a word with no key, or one that is no syllable's shape, is not read.
 */
class TelexTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // typed, read
      "bieets, biết",
      "dduwowngf, đường",
      "toois, tối",
      "nhaf, nhà",
      "mayf, mày",
      "owr, ở",
      "ddaau, đâu",
      "cuws, cứ",
      "khoong, không",
      "nguwowif, người",
      "hoaf, hòa",        // oa keeps its tone on o, as the vocabulary spells it
      "quyeenr, quyển",   // the u of qu is the consonant's
      "gif, gì",          // the i of gi alone is the vowel
      "giaas, giấ",       // shape only: the vocabulary decides whether a reading is a word
      "mawtj, mặt",
      "tw, tư",           // a lone w is ư
      "trungs, trúng",    // a final s alone: four letters or more
      "ddi, đi",
      "bieest, biết",     // a tone key before the final consonant, with another key
  })
  void readsTheKeys(String typed, String read) {
    assertThat(decode(typed)).isEqualTo(read);
  }

  @ParameterizedTest(name = "{0} is not read")
  @CsvSource({
      "bus",      // a final s alone on a short word: English
      "her",
      "toi",      // no key at all
      "google",   // no syllable's shape
      "dress",
      "trust",    // an s before the last letter, and no other key: English (trust, lost, best)
      "lost",
      "book",
      "ww",
      "xyz",
  })
  void leavesOtherWords(String typed) {
    assertThat(decode(typed)).isNull();
  }

  @Property
  void neverWritesMoreThanItReads(@ForAll @StringLength(min = 0, max = 14) @CharRange(from = 'a', to = 'z') String s) {
    char[] src = s.toCharArray();
    char[] ex = new char[32];
    char[] fo = new char[32];
    int n = Telex.decode(src, 0, src.length, ex, fo, 0);
    assertThat(n).isBetween(0, src.length);
    for (int k = 0; k < n; k++) {
      assertThat(fo[k]).isBetween('a', 'z');
    }
  }

  private static String decode(String typed) {
    char[] buf = new char[64];
    typed.getChars(0, typed.length(), buf, 0);
    char[] fo = new char[64];
    int n = Telex.decode(buf, 0, typed.length(), buf, fo, typed.length());
    return n == 0 ? null : Normalizer.normalize(new String(buf, typed.length(), n), Normalizer.Form.NFC);
  }
}
