package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.concept.ConceptSet;

/**
 * Stage concepts take bits 0 to 127: test data of 128 stage concepts (the shipped {@code stages.tsv} is not
 * touched) whose rules read concepts on both sides of bit 64, matched end to end through the compiled
 * lexicon's side hits, including a text concept linked to a stage concept above 63.
 */
class StageConceptsBeyond64Test {

  private static final String[] FRUITS = {"bưởi", "cốm", "dứa", "gấc", "hồng", "khế", "lựu", "mận", "nhãn",
      "ổi", "quýt", "roi"};
  private static final String[] COLOURS = {"tím", "vàng", "xanh", "đỏ", "nâu", "trắng", "đen", "cam", "xám",
      "bạc", "lam"};

  private static Compositions compositions;
  private static StageMatcher matcher;

  /** The phrase of stage concept {@code C<i>} (three digits): a fruit and a colour. */
  private static String phrase(int i) {
    return FRUITS[i / COLOURS.length] + " " + COLOURS[i % COLOURS.length];
  }

  private static String concepts(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(phrase(i)).append('\t').append(String.format("C%03d", i)).append("\talways\n");
    }
    return sb.toString();
  }

  @BeforeAll
  static void compile() {
    // the links come after the phrase lines, so concept C<i> is bit i
    String stages = concepts(Compositions.MAX_CONCEPTS) + "@ANIMAL\tC120\n";
    String rules = "photos\t0.9\tother\tC064 C127\n"
        + "secrecy\t0.8\tother\tC000 C065|C126 !C100\n"
        + "meeting\t0.7\tother\tC120 C063\n";
    compositions = Compositions.read("stages.tsv", new StringReader(stages), "stage-rules.tsv",
        new StringReader(rules));
    matcher = StageMatcher.compile(List.of(), compositions, List.of());
  }

  @Test
  void everyConceptHasItsBit() {
    assertThat(compositions.concepts()).hasSize(Compositions.MAX_CONCEPTS);
    for (int i = 0; i < Compositions.MAX_CONCEPTS; i++) {
      assertThat(compositions.concepts().get(i)).isEqualTo(String.format("C%03d", i));
    }
    assertThat(compositions.linkOf(vn.lanhmanh.concept.Concept.ANIMAL.ordinal()))
        .isEqualTo(ConceptSet.ofBit(120));
    Compositions.Rule photos = compositions.rules().get(0);
    assertThat(photos.terms()).containsExactly(ConceptSet.ofBit(64), ConceptSet.ofBit(127));
    assertThat(Compositions.matches(photos, ConceptSet.ofBit(64).with(127))).isTrue();
    assertThat(Compositions.matches(photos, ConceptSet.ofBit(64).with(63))).isFalse();
    assertThat(Compositions.matches(photos, ConceptSet.ofBit(0).with(63))).isFalse();
  }

  @Test
  void aRuleOfConceptsAbove63Fires() {
    String text = "em có " + phrase(64) + " và " + phrase(127) + " không";
    List<StageMatcher.Hit> hits = matcher.match(text, false);
    assertThat(hits).extracting(StageMatcher.Hit::stage).containsExactly(Stage.PHOTOS);
    StageMatcher.Hit h = hits.get(0);
    assertThat(h.rule()).isEqualTo("photos: C064 C127");
    assertThat(h.match()).isEqualTo(phrase(64) + " và " + phrase(127));
    assertThat(h.weight()).isEqualTo(0.9);
    assertThat(matcher.match("em có " + phrase(64) + " không", false)).isEmpty();
    assertThat(matcher.match("em có " + phrase(127) + " và " + phrase(63) + " không", false)).isEmpty();
    assertThat(matcher.match(text, true)).as("an other-party rule in the child's message").isEmpty();
  }

  @Test
  void aRuleAcrossBothWordsFiresUnlessItsAbsentConceptAbove63IsThere() {
    assertThat(matcher.match(phrase(0) + " với " + phrase(126), false))
        .extracting(StageMatcher.Hit::rule).containsExactly("secrecy: C000 C065|C126 !C100");
    assertThat(matcher.match(phrase(65) + " với " + phrase(0), false))
        .extracting(StageMatcher.Hit::stage).containsExactly(Stage.SECRECY);
    assertThat(matcher.match(phrase(0) + " với " + phrase(126) + " và " + phrase(100), false)).isEmpty();
    assertThat(matcher.match(phrase(0) + " với " + phrase(99), false)).isEmpty();
  }

  @Test
  void aTextConceptLinkedToAStageConceptAbove63Counts() {
    // ANIMAL (text concept 63) shows stage concept C120
    List<StageMatcher.Hit> hits = matcher.match("con mèo và " + phrase(63), false);
    assertThat(hits).extracting(StageMatcher.Hit::rule).containsExactly("meeting: C120 C063");
    assertThat(hits.get(0).match()).isEqualTo("con mèo và " + phrase(63));
    assertThat(matcher.match("con mèo và " + phrase(62), false)).isEmpty();
  }

  @Test
  void moreThan128ConceptsAreRefused() {
    String stages = concepts(Compositions.MAX_CONCEPTS) + "táo ta\tC128\talways\n";
    assertThatThrownBy(() -> Compositions.read("stages.tsv", new StringReader(stages), "stage-rules.tsv",
        new StringReader(""))).hasMessageContaining("more than 128 concepts");
  }
}
