package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.text.VocabularyLookups.fold;
import static vn.lanhmanh.text.VocabularyLookups.lookup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Vocabulary#addTypoAliases}: the hỏi and ngã tones swapped, or a final {@code ng}/{@code nh} written
 * without its last letter, stand for the syllable only where that spelling is no word the vocabulary knows.
 */
class TypoAliasesTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      // syllable, typed spelling, read as the syllable
      "giữ, giử, true",        // ngã typed as hỏi
      "chuyển, chuyễn, true",  // hỏi typed as ngã
      "khỏi, khõi, true",
      "tăng, tăn, true",       // final ng without its g
      "đừng, đừn, true",
      "riêng, riên, true",
      "bình, bìn, true",       // final nh without its h
      "tang, tan, false",      // no diacritic: left alone
      "minh, min, false",
      "đang, đan, false",      // đ alone is no mark on the vowel: "knit", or a disguised "đạn"
      "thích, thíc, false",    // ch is not ng or nh
      "giữ, giu, false",       // a dropped tone is the folded view's business
  })
  void readsTheTypedSpellingAsTheSyllable(String syllable, String typed, boolean read) {
    Vocabulary v = new Vocabulary();
    int id = v.addExact(syllable);
    v.addFold(fold(syllable));
    v.addTypoAliases();
    assertThat(v.isTeencode(typed)).isEqualTo(read);
    if (read) {
      assertThat(v.teencodeIds(lookup(v, typed))[0]).containsExactly(id);
      assertThat(v.isTypo(lookup(v, typed))).isTrue();
    }
  }

  @ParameterizedTest(name = "{1} stays as written beside {0}")
  @CsvSource({
      "nữa, nửa",   // "more" and "half": both words
      "hàng, hàn",  // "goods" and "weld"
      "vỉ, vĩ",     // a blister pack and a tail fin
  })
  void aKnownWordKeepsItsMeaning(String syllable, String own) {
    Vocabulary v = new Vocabulary();
    v.addExact(syllable);
    v.addFold(fold(syllable));
    int ownId = v.addExact(own);
    v.addFold(fold(own));
    v.addTypoAliases();
    assertThat(v.isTeencode(own)).isFalse();
    assertThat(v.exactId(own)).isEqualTo(ownId);
  }
}
