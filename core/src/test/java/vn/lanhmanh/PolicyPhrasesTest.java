package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A policy's own allow and deny phrases, compiled on their own and matched beside the default lexicon: the
 * same readings as lexicon exceptions and rules of {@code plain} folding.
 */
class PolicyPhrasesTest {

  static ContentFilter filter;

  @BeforeAll
  static void build() {
    filter = ContentFilter.builder().withoutClassifiers().build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  private static List<String> rules(Verdict v) {
    return v.findings().stream().map(Finding::rule).toList();
  }

  private static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  private static final Policy UNKNOWN_WORD = Policy.forAge(10).deny(Category.HARASSMENT, Rating.K, "đồ gruzzle");

  @Test
  void aDenyPhraseWithAWordNoLexiconPhraseHasIsFound() {
    for (String text : List.of("mày là đồ gruzzle", "may la do gruzzle", nfd("mày là đồ gruzzle"),
        "MÀY LÀ ĐỒ GRUZZLE")) {
      Verdict v = filter.checkText(text, UNKNOWN_WORD);
      assertThat(rules(v)).as(text).contains("policy/harassment/do_gruzzle");
      assertThat(v.action()).as(text).isEqualTo(Action.WARN);
    }
    assertThat(rules(filter.checkText("mày là đồ gruzzle", Policy.forAge(10)))).isEmpty();
    // another word of the same first letters is not the phrase
    assertThat(rules(filter.checkText("mày là đồ gruzzles", UNKNOWN_WORD))).isEmpty();
  }

  @Test
  void aDenyPhraseNeverSpansASentenceEnd() {
    assertThat(rules(filter.checkText("mày mua đồ. Gruzzle là tên con mèo", UNKNOWN_WORD))).isEmpty();
    assertThat(rules(filter.checkText("mua đồ gruzzle", UNKNOWN_WORD))).containsExactly("policy/harassment/do_gruzzle");
  }

  @Test
  void anAllowPhraseSilencesTheDefaultFindingItHolds() {
    Policy school = Policy.forAge(10).allow("thằng ngu ngốc");
    for (String text : List.of("thằng ngu ngốc", "thang ngu ngoc", nfd("thằng ngu ngốc"))) {
      assertThat(rules(filter.checkText(text, Policy.forAge(10)))).as(text).isNotEmpty();
      assertThat(rules(filter.checkText(text, school))).as(text).isEmpty();
    }
  }

  @Test
  void anAllowPhraseShorterThanTheFindingDoesNotSilenceIt() {
    Policy shorter = Policy.forAge(10).allow("ngu");
    for (String text : List.of("thằng ngu", "thang ngu", nfd("thằng ngu"))) {
      List<String> plain = rules(filter.checkText(text, Policy.forAge(10)));
      assertThat(plain).as(text).isNotEmpty();
      assertThat(rules(filter.checkText(text, shorter))).as(text).isEqualTo(plain);
    }
  }

  @Test
  void anAllowPhraseSilencesADenyPhraseInsideIt() {
    Policy p = Policy.forAge(10).allow("đồ gruzzle xanh").deny(Category.HARASSMENT, Rating.K, "đồ gruzzle");
    assertThat(rules(filter.checkText("cái đồ gruzzle xanh kia", p))).isEmpty();
    assertThat(rules(filter.checkText("cái đồ gruzzle kia", p))).containsExactly("policy/harassment/do_gruzzle");
  }

  @Test
  void twoPoliciesInTurnOnOneFilterKeepTheirOwnPhrases() {
    Policy deny = UNKNOWN_WORD;
    Policy allow = Policy.forAge(10).allow("thằng ngu ngốc");
    for (int i = 0; i < 3; i++) {
      assertThat(rules(filter.checkText("đồ gruzzle, thằng ngu ngốc", deny)))
          .contains("policy/harassment/do_gruzzle").hasSizeGreaterThan(1);
      assertThat(rules(filter.checkText("đồ gruzzle, thằng ngu ngốc", allow))).isEmpty();
      assertThat(rules(filter.checkText("đồ gruzzle", Policy.forAge(10)))).isEmpty();
    }
  }

  @Test
  void twoThreadsWithTwoPoliciesGetTheirOwnVerdicts() throws Exception {
    Policy deny = UNKNOWN_WORD;
    Policy allow = Policy.forAge(10).allow("thằng ngu ngốc");
    String text = "đồ gruzzle, thằng ngu ngốc";
    Verdict denied = filter.checkText(text, deny);
    Verdict allowed = filter.checkText(text, allow);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (Policy p : List.of(deny, allow)) {
        Verdict want = p == deny ? denied : allowed;
        Callable<Boolean> run = () -> {
          for (int i = 0; i < 300; i++) {
            if (!filter.checkText(text, p).equals(want)) {
              return false;
            }
          }
          return true;
        };
        runs.add(pool.submit(run));
      }
      for (Future<Boolean> f : runs) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void manyPhrasesAreFoundByTheirLastSyllable() {
    // 2,000 deny phrases, most ending in words no text here has, some sharing a last syllable, one unknown to
    // the lexicon: each syllable is compared only with the phrases that can end there
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      phrases.add("mã số " + i + " kia");
    }
    phrases.add("đồ gruzzle");
    phrases.add("lũ gruzzle");
    phrases.add("thằng hâm");
    Policy many = Policy.forAge(10).deny(Category.HARASSMENT, Rating.K, phrases.toArray(new String[0]));
    assertThat(rules(filter.checkText("mày là đồ gruzzle, cả lũ gruzzle nhà mày", many)))
        .contains("policy/harassment/do_gruzzle", "policy/harassment/lu_gruzzle");
    assertThat(rules(filter.checkText("thang ham kia, ma so 1999 kia", many)))
        .contains("policy/harassment/thang_ham", "policy/harassment/ma_so_1999_kia")
        .doesNotContain("policy/harassment/ma_so_199_kia");
    assertThat(rules(filter.checkText("các bạn ơi đi học thôi", many))).isEmpty();
  }
}
