package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A URL finding is placed at its key's first place in the lower-cased URL; {@link
 * UrlEvaluation#keyInPlainPrefix} finds that place in the URL as given, without lower-casing it, or
 * answers -1 (the check then lower-cases the URL). Whenever it answers, the answer is the lower-cased
 * URL's, also with upper case, non-ASCII chars whose lower case is longer ({@code İ}) and keys with upper
 * case around, and whatever part of the URL's plain start it is told it need not read.
 */
class UrlFindingPlaceTest {

  private static final String CHARS = "abc.-/:?=Aİé";

  @Property(tries = 5000)
  void aPlaceFoundInThePlainPrefixIsTheLowerCasedUrls(@ForAll("urls") String url, @ForAll("keys") String key,
      @ForAll @IntRange(min = 0, max = 31) int cut) {
    int at = UrlEvaluation.keyInPlainPrefix(url, key, Math.min(cut, plainStart(url)));
    if (at >= 0) {
      assertThat(at).as(url + " / " + key).isEqualTo(url.toLowerCase(Locale.ROOT).indexOf(key));
      assertThat(url.substring(at, at + key.length())).isEqualTo(key);
    }
  }

  @Property(tries = 1000)
  void aUrlInLowerCaseAsciiIsAlwaysAnsweredFromItself(@ForAll("lowerUrls") String url, @ForAll("lowerKeys") String key) {
    assertThat(UrlEvaluation.keyInPlainPrefix(url, key, 0)).isEqualTo(url.indexOf(key));
    assertThat(UrlEvaluation.keyInPlainPrefix(url, key, url.length())).isEqualTo(url.indexOf(key));
  }

  @Property(tries = 2000)
  void theWholePlainStartNeedNotBeRead(@ForAll("urls") String url, @ForAll("keys") String key) {
    assertThat(UrlEvaluation.keyInPlainPrefix(url, key, plainStart(url)))
        .isEqualTo(UrlEvaluation.keyInPlainPrefix(url, key, 0));
  }

  /** How many of {@code url}'s first chars are ASCII and not upper case. */
  private static int plainStart(String url) {
    int i = 0;
    while (i < url.length() && url.charAt(i) < 128 && !(url.charAt(i) >= 'A' && url.charAt(i) <= 'Z')) {
      i++;
    }
    return i;
  }

  @Provide
  Arbitrary<String> urls() {
    return Arbitraries.strings().withChars(CHARS).ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().withChars(CHARS).ofMinLength(1).ofMaxLength(4);
  }

  @Provide
  Arbitrary<String> lowerUrls() {
    return Arbitraries.strings().withChars("abc.-/:?=").ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> lowerKeys() {
    return Arbitraries.strings().withChars("abc.-/").ofMinLength(1).ofMaxLength(4);
  }
}
