package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Impersonation#skeleton(char[], int, int, char[])}, which folds through a table, against the
 * rules written out one by one: {@code rn} → {@code m}, {@code vv} → {@code w}, {@code 0 → o},
 * {@code 1 l → i}, {@code 3 → e}, {@code 4 → a}, {@code 5 → s}, {@code 7 → t}, anything else kept.
 */
class ImpersonationSkeletonTest {

  @Test
  void foldsLeetspeakAndHomoglyphPairs() {
    assertThat(skeleton("vietc0rnbank")).isEqualTo("vietcombank");
    assertThat(skeleton("vvv1et")).isEqualTo("wviet");
    assertThat(skeleton("rrn")).isEqualTo("rm");
    assertThat(skeleton("ab7d")).isEqualTo("abtd");
  }

  @Property(tries = 3000)
  void tableFoldAgreesWithTheRulesOneByOne(@ForAll("words") String w) {
    assertThat(skeleton(w)).isEqualTo(byRules(w));
  }

  @Property(tries = 3000)
  void headAndTailAreThoseOfTheWholeSkeleton(@ForAll("urlWords") String w) {
    String sk = skeleton(w);
    char[] chars = ("-" + w + "-").toCharArray();
    assertThat(Impersonation.skeletonHead(chars, 1, w.length() + 1)).as(w)
        .isEqualTo(UrlChars.bigram(sk.charAt(0), sk.charAt(1)));
    assertThat(Impersonation.skeletonTail(chars, 1, w.length() + 1)).as(w)
        .isEqualTo(UrlChars.bigram(sk.charAt(sk.length() - 2), sk.charAt(sk.length() - 1)));
  }

  @Test
  void headAndTailOfPairs() {
    assertThat(Impersonation.skeletonTail("vvvv".toCharArray(), 0, 4)).isEqualTo(UrlChars.bigram('w', 'w'));
    assertThat(Impersonation.skeletonTail("avvv".toCharArray(), 0, 4)).isEqualTo(UrlChars.bigram('w', 'v'));
    assertThat(Impersonation.skeletonTail("arrn".toCharArray(), 0, 4)).isEqualTo(UrlChars.bigram('r', 'm'));
    assertThat(Impersonation.skeletonHead("rnvv".toCharArray(), 0, 4)).isEqualTo(UrlChars.bigram('m', 'w'));
    assertThat(Impersonation.skeletonHead("vvvx".toCharArray(), 0, 4)).isEqualTo(UrlChars.bigram('w', 'v'));
  }

  /** Words as the impersonation pre-check reads them: lower-case letters and digits, at least four. */
  @Provide
  Arbitrary<String> urlWords() {
    return Arbitraries.strings().withChars("rnvvvl0134579abmw").ofMinLength(4).ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withChars("rnvvl0123456789abcxyz-_.éđ\u0430").ofMaxLength(20);
  }

  private static String skeleton(String w) {
    char[] out = new char[w.length()];
    return new String(out, 0, Impersonation.skeleton(w.toCharArray(), 0, w.length(), out));
  }

  private static String byRules(String w) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
      if (c == 'r' && next == 'n') {
        out.append('m');
        i++;
      } else if (c == 'v' && next == 'v') {
        out.append('w');
        i++;
      } else {
        out.append(switch (c) {
          case '0' -> 'o';
          case '1', 'l' -> 'i';
          case '3' -> 'e';
          case '4' -> 'a';
          case '5' -> 's';
          case '7' -> 't';
          default -> c;
        });
      }
    }
    return out.toString();
  }
}
