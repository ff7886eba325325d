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
      "mirja",    // a tone key before a vowel: a name
  })
  void leavesOtherWords(String typed) {
    assertThat(decode(typed)).isNull();
  }

  @ParameterizedTest(name = "VNI {0} -> {1}")
  @CsvSource({
      "bie61t, biết",
      "d9e1o, đéo",      // a tone typed after its vowel, before the next one
      "ba5n, bạn",
      "mo65t, một",
      "mi2nh, mình",
      "cho7i, chơi",
      "kho3i, khỏi",
      "o73, ở",          // one letter and two keys
      "nguo72i, người",  // uo7 is ươ
      "Ba5n, bạn",
  })
  void readsVniKeys(String typed, String read) {
    char[] in = typed.toCharArray();
    char[] ex = new char[32];
    char[] fo = new char[32];
    int n = Telex.decodeVni(in, 0, in.length, ex, fo, 0);
    assertThat(n == 0 ? null : Normalizer.normalize(new String(ex, 0, n), Normalizer.Form.NFC)).isEqualTo(read);
  }

  @ParameterizedTest(name = "VNI {0} is not read")
  @CsvSource({
      "l0n",       // 0 is never a key: leetspeak
      "d1t",       // a tone before any vowel: leetspeak
      "2k9",       // a number first
      "mp3",       // no vowel
      "a1b2c3",    // two tones
      "iphone15",  // no syllable's shape
      "a1",        // one letter and one key
  })
  void leavesOtherCodes(String typed) {
    char[] in = typed.toCharArray();
    assertThat(Telex.decodeVni(in, 0, in.length, new char[32], new char[32], 0)).isZero();
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
