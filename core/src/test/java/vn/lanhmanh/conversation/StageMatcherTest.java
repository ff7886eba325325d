package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.lexicon.LexiconReader;

class StageMatcherTest {

  private static StageMatcher matcher;
  private static List<StageReader.Line> lines;

  @BeforeAll
  static void compile() {
    lines = StageReader.readDefault();
    matcher = StageMatcher.create(LexiconReader.readDefault());
  }

  @Test
  void theStageFileIsLargeEnough() {
    assertThat(lines).hasSizeGreaterThanOrEqualTo(250);
    for (Stage s : Stage.values()) {
      assertThat(lines).as(s.jsonName()).anyMatch(l -> l.stage() == s);
    }
  }

  /** Every expanded phrase, sent by its own sender, is found as its own stage (the rule-id map is right). */
  @Test
  void everyPhraseFindsItsStage() {
    List<String> missed = new ArrayList<>();
    for (StageReader.Line line : lines) {
      boolean child = line.scope() == StageRule.Scope.CHILD;
      for (String p : line.phrases()) {
        if (matcher.match(p, child).stream().noneMatch(h -> h.stage() == line.stage())) {
          missed.add(line.source() + " " + p);
        }
      }
    }
    assertThat(missed).isEmpty();
  }

  @Test
  void senderDecides() {
    assertThat(matcher.match("em 11 tuổi", true)).extracting(StageMatcher.Hit::stage).containsExactly(Stage.AGE);
    assertThat(matcher.match("em 11 tuổi", false)).isEmpty();
    assertThat(matcher.match("em bao nhiêu tuổi", true)).isEmpty();
  }

  @Test
  void teencodeAndMissingDiacriticsAreUnderstood() {
    assertThat(matcher.match("e bn tuoi r", false)).extracting(StageMatcher.Hit::stage).containsExactly(Stage.AGE);
    assertThat(matcher.match("ib a nha", false)).extracting(StageMatcher.Hit::stage)
        .containsExactly(Stage.CHANNEL);
    assertThat(matcher.match("dung noi voi ai nhe", false)).extracting(StageMatcher.Hit::stage)
        .containsExactly(Stage.SECRECY);
  }

  @Test
  void awarenessContextLowersAPhrase() {
    List<StageMatcher.Hit> hits = matcher.match("phòng chống xâm hại: đừng nói với ai là sai", false);
    assertThat(hits).singleElement().satisfies(h -> {
      assertThat(h.lowered()).isTrue();
      assertThat(h.weight()).isLessThan(0.2);
    });
  }

  @Test
  void offsetsPointIntoTheOriginal() {
    String text = "Chào em!!  Nhà   em ở đâu vậy?";
    for (StageMatcher.Hit h : matcher.match(text, false)) {
      assertThat(text.substring(h.start(), h.end())).isEqualTo(h.match());
    }
  }

  @Test
  void malformedLinesNameFileAndLine() {
    assertThatThrownBy(() -> StageReader.read("x.tsv", new StringReader("em xinh\trapport\t1.5\tother\n")))
        .hasMessageContaining("x.tsv:1").hasMessageContaining("weight");
    assertThatThrownBy(() -> StageReader.read("x.tsv", new StringReader("em xinh\tflirt\t0.5\tother\n")))
        .hasMessageContaining("x.tsv:1").hasMessageContaining("stage");
    assertThatThrownBy(() -> StageReader.read("x.tsv", new StringReader("em xinh\trapport\t0.5\tparent\n")))
        .hasMessageContaining("sender");
    List<StageReader.Line> dup = StageReader.read("x.tsv", new StringReader(
        "em xinh quá\trapport\t0.3\tother\nem (xinh|đẹp) quá\trapport\t0.3\tother\n"));
    assertThatThrownBy(() -> StageMatcher.compile(dup, List.of())).hasMessageContaining("already listed");
  }

  @Test
  void oneStageIsLowAndDangerousPairsAreHigh() {
    double[] w = new double[Stage.values().length];
    boolean[] o = new boolean[w.length];
    w[Stage.SEXUAL.ordinal()] = 0.95;
    o[Stage.SEXUAL.ordinal()] = true;
    assertThat(RiskModel.score(w, o)).isLessThan(0.3);
    w[Stage.MEETING.ordinal()] = 0.5;
    o[Stage.MEETING.ordinal()] = true;
    assertThat(RiskModel.score(w, o)).isGreaterThanOrEqualTo(0.7);
  }
}
