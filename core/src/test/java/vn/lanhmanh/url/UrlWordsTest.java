package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The heuristics' word automaton ({@link UrlWords}) sets a kind's bit exactly when a word of that kind
 * occurs somewhere in the chars it reads, as a plain substring search over each word would say; the rules
 * skip their own scans on a clear bit, so a missed occurrence would change verdicts.
 */
class UrlWordsTest {

  private static final UrlRules RULES = UrlRules.loadDefaults();
  private static final String LETTERS = "abcdeiklmnorstu0123";

  @Property(tries = 3000)
  void bitsAreThoseOfTheWordsThatOccur(@ForAll("dictionaries") List<Tuple.Tuple2<String, Integer>> words,
      @ForAll("texts") String text) {
    UrlWords.Builder b = new UrlWords.Builder();
    int expected = 0;
    for (Tuple.Tuple2<String, Integer> w : words) {
      b.add(w.get1(), w.get2());
      if (text.contains(w.get1())) {
        expected |= w.get2();
      }
    }
    char[] chars = (text + "xyz").toCharArray();
    assertThat(b.build().kinds(chars, text.length())).as(text + " " + words).isEqualTo(expected);
  }

  @Property(tries = 200)
  void anyOtherCharBreaksAWord(@ForAll("texts") String left, @ForAll("texts") String right) {
    UrlWords w = new UrlWords.Builder().add("q" + left + right + "q", UrlWords.BRAND).build();
    char[] joined = ("q" + left + right + "q").toCharArray();
    char[] split = ("q" + left + "-" + right + "q").toCharArray();
    assertThat(w.kinds(joined, joined.length)).isEqualTo(UrlWords.BRAND);
    assertThat(w.kinds(split, split.length)).isZero();
  }

  @Property(tries = 2000)
  void compactingAndScanningInOnePassIsBothInTurn(@ForAll("dictionaries") List<Tuple.Tuple2<String, Integer>> words,
      @ForAll("mixedTexts") String text) {
    UrlWords.Builder b = new UrlWords.Builder();
    words.forEach(w -> b.add(w.get1(), w.get2()));
    UrlWords automaton = b.build();
    StringBuilder compact = new StringBuilder();
    for (char c : text.toCharArray()) {
      char lower = Character.toLowerCase(c);
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
        compact.append(lower);
      }
    }
    UrlChars buf = UrlChars.get();
    int bits = automaton.compactKinds("<" + text + ">", 1, text.length() + 1, buf);
    assertThat(new String(buf.words, 0, buf.wordCount)).isEqualTo(compact.toString());
    assertThat(bits).isEqualTo(automaton.kinds(compact.toString().toCharArray(), compact.length()));
  }

  @Property(tries = 2000)
  void aPathSegmentEndsAtItsSlashAsASearchForItWouldEndIt(
      @ForAll("dictionaries") List<Tuple.Tuple2<String, Integer>> words, @ForAll("mixedTexts") String path) {
    UrlWords.Builder b = new UrlWords.Builder();
    words.forEach(w -> b.add(w.get1(), w.get2()));
    UrlWords automaton = b.build();
    UrlChars buf = UrlChars.get();
    int at = 0;
    while (at < path.length()) {
      int slash = path.indexOf('/', at);
      int end = slash < 0 ? path.length() : slash;
      int expectedBits = automaton.compactKinds(path, at, end, buf);
      String expectedWords = new String(buf.words, 0, buf.wordCount);
      assertThat(automaton.segmentKinds(path, at, path.length(), buf)).as(path + " at " + at).isEqualTo(expectedBits);
      assertThat(new String(buf.words, 0, buf.wordCount)).isEqualTo(expectedWords);
      assertThat(buf.segmentEnd).isEqualTo(end);
      // The same path read where it stands in a longer string (a URL), with words and a slash after it.
      String url = "h://a.b" + path + "?sex/x";
      assertThat(automaton.segmentKinds(url, at + 7, path.length() + 7, buf)).as(url + " at " + (at + 7))
          .isEqualTo(expectedBits);
      assertThat(new String(buf.words, 0, buf.wordCount)).isEqualTo(expectedWords);
      assertThat(buf.segmentEnd).isEqualTo(end + 7);
      at = end + 1;
    }
  }

  @Property(tries = 2000)
  void aHostPartsWordsAreItsRunsBetweenSeparators(@ForAll("dictionaries") List<Tuple.Tuple2<String, Integer>> words,
      @ForAll("mixedTexts") String text) {
    UrlWords.Builder b = new UrlWords.Builder();
    words.forEach(w -> b.add(w.get1(), w.get2()));
    UrlWords automaton = b.build();
    UrlChars buf = UrlChars.get();
    int compactBits = automaton.compactKinds(text, 0, text.length(), buf);
    String compact = new String(buf.words, 0, buf.wordCount);
    int bits = automaton.hostKinds(text + ".com", text.length(), buf);
    // The same words and bits as compactKinds ...
    assertThat(bits).isEqualTo(compactBits);
    assertThat(new String(buf.words, 0, buf.wordCount)).isEqualTo(compact);
    // ... and, for a part written in lower-case letters, digits and separators, the runs between the
    // separators as the impersonation pre-check split them before (one word per run, in order).
    List<String> runs = java.util.Arrays.stream(text.split("[._-]", -1)).filter(r -> !r.isEmpty()).toList();
    boolean plain = text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
        || c == '-' || c == '_');
    assertThat(buf.wordsAsWritten).as(text).isEqualTo(plain);
    if (plain) {
      List<String> tokens = new java.util.ArrayList<>();
      for (int k = 0; k < buf.tokenCount; k++) {
        tokens.add(new String(buf.words, buf.tokenStart[k], buf.tokenEnd[k] - buf.tokenStart[k]));
      }
      assertThat(tokens).as(text).isEqualTo(runs);
    }
    assertThat(buf.punycode).as(text).isEqualTo(text.contains("xn--"));
  }

  @Test
  void aHostPartWithPunycodeOrUpperCaseIsFlagged() {
    UrlChars buf = UrlChars.get();
    RULES.hostKinds("www.xn--vietcmbank-ivi.com", 22, buf);
    assertThat(buf.punycode).isTrue();
    RULES.hostKinds("Www.example.com", 11, buf);
    assertThat(buf.wordsAsWritten).isFalse();
    RULES.hostKinds("www.my-shop_24.com", 14, buf);
    assertThat(buf.punycode).isFalse();
    assertThat(buf.wordsAsWritten).isTrue();
    assertThat(buf.tokenCount).isEqualTo(4);
  }

  @Property(tries = 50)
  void theDefaultRulesBuildAndFindTheirWords(@ForAll("defaultWords") String word) {
    String host = "x" + word + "y.com";
    assertThat(RULES.hostKinds(host, host.length() - 4, UrlChars.get())).isNotZero();
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<String, Integer>>> dictionaries() {
    Arbitrary<String> word = Arbitraries.strings().withChars(LETTERS).ofMinLength(1).ofMaxLength(6);
    Arbitrary<Integer> kind = Arbitraries.of(UrlWords.HOST_KEYWORD, UrlWords.PATH_KEYWORD, UrlWords.BRAND,
        UrlWords.LONG_STEM, UrlWords.CURRENCY, UrlWords.SHORT_STEM, UrlWords.HOST_KEYWORD | UrlWords.PATH_KEYWORD);
    return Arbitraries.entries(word, kind).map(e -> Tuple.of(e.getKey(), e.getValue())).list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars(LETTERS).ofMaxLength(40);
  }

  /** The letters of the dictionaries with upper case, separators, escapes and non-ASCII chars among them. */
  @Provide
  Arbitrary<String> mixedTexts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(LETTERS + "ABEIK-._/%\u00e9\u0130\u212a\u0111").ofMaxLength(40),
        Arbitraries.strings().withChars(LETTERS + "xn-._").ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> defaultWords() {
    return Arbitraries.of("phimsex", "nohu", "taixiu", "kubet", "vietcombank", "robux", "casino");
  }
}
