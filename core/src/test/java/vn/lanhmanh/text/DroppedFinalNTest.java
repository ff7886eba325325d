package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.text.VocabularyLookups.fold;
import static vn.lanhmanh.text.VocabularyLookups.lookup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Vocabulary#addDroppedFinalN}: a syllable ending in {@code ng} or {@code nh}, written without its
 * {@code n}, stands for the syllable where that spelling cannot be another word.
 */
class DroppedFinalNTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      // syllable, dropped spelling, read as the syllable
      "nóng, nóg, true",
      "đừng, đừg, true",
      "trường, trườg, true",
      "bánh, báh, true",
      "sinh, sih, true",       // nh without a diacritic, four letters or more
      "long, log, false",      // an English word: g without a diacritic is left alone
      "hang, hag, false",
      "anh, ah, false",        // a sigh, not a pronoun
      "thích, thíh, false",    // ch is not nh
  })
  void readsTheDroppedSpellingOnlyWhereItCannotBeAWord(String syllable, String dropped, boolean read) {
    Vocabulary v = new Vocabulary();
    int id = v.addExact(syllable);
    v.addFold(fold(syllable));
    v.addDroppedFinalN();
    assertThat(v.isTeencode(dropped)).isEqualTo(read);
    if (read) {
      int token = lookup(v, dropped);
      assertThat(v.teencodeIds(token)[0]).containsExactly(id);
    }
  }

  @ParameterizedTest
  @CsvSource({"nóng, nóg"})
  void aSpellingAlreadyKnownKeepsItsMeaning(String syllable, String dropped) {
    Vocabulary v = new Vocabulary();
    v.addExact(syllable);
    v.addFold(fold(syllable));
    int own = v.addExact(dropped);
    v.addDroppedFinalN();
    assertThat(v.isTeencode(dropped)).isFalse();
    assertThat(v.exactId(dropped)).isEqualTo(own);
  }
}
