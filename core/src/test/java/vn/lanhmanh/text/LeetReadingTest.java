package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Leetspeak read by the normaliser: digits and {@code @ $ !} inside a word are letters; a word-final {@code !}
 * is a letter only in a short word that is already leetspeak ({@code t0!}, {@code g@!}), and punctuation
 * anywhere else ({@code ngu!}, {@code 2k10!}).
 */
class LeetReadingTest {

  private static final VietnameseNormalizer NORMALIZER = VietnameseNormalizer.forText(new Vocabulary());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // written | read
      "t0! mu0n | toi muon",
      "l@! h3t p!n | lai het pin",
      "M3 k!3p | me kiep",         // '!' before a leet digit and a letter is inside the word
      "b3 g@! 2k13 | be gai 2k13",
      "h0! tu0! | hoi tuoi",
      "ngu! | ngu",                // no leet in the word: the '!' is an exclamation
      "xinh qua! | xinh qua",
      "em 2k10! | em 2k10",        // a birth year is no leetspeak word: it starts with a digit
      "top1! | topi",              // four characters: the '!' stays punctuation
  })
  void reads(String written, String read) {
    assertThat(NORMALIZER.normalizeToString(written)).isEqualTo(read);
  }
}
