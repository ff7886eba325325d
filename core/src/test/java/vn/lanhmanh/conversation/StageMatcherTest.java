package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.concept.ConceptSet;
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
  void theStageFilesCoverEveryStage() {
    assertThat(lines).hasSizeGreaterThanOrEqualTo(250);
    Compositions c = Compositions.readDefault();
    assertThat(c.conceptLines()).hasSizeGreaterThanOrEqualTo(60);
    for (Stage s : Stage.values()) {
      assertThat(lines.stream().anyMatch(l -> l.stage() == s) || c.rules().stream().anyMatch(r -> r.stage() == s))
          .as(s.jsonName()).isTrue();
    }
    for (String concept : List.of("REQUEST", "PHOTO", "VIDEO", "BODY", "UNDRESS", "SECRECY", "PARENTS",
        "PRIVATE_CHANNEL", "GIFT", "GAME_CURRENCY", "MEETING", "PLACE", "TIME", "AGE", "SCHOOL", "ADDRESS", "ALONE")) {
      assertThat(c.concepts()).contains(concept);
    }
  }

  /**
   * A message showing a single concept outside {@link Compositions#alone} matches no rule of its sender (the
   * stage reading then passes over every rule): tried for each of the 128 concept bits and each rule.
   */
  @Test
  void aSingleConceptOutsideAloneMatchesNoRule() {
    Compositions c = Compositions.readDefault();
    for (boolean child : new boolean[] {false, true}) {
      ConceptSet alone = c.alone(child);
      assertThat(alone.size()).as("some single concepts meet no rule").isLessThan(c.concepts().size());
      for (Compositions.Rule r : c.rules(child)) {
        for (int bit = 0; bit < Compositions.MAX_CONCEPTS; bit++) {
          if (Compositions.matches(r, ConceptSet.ofBit(bit))) {
            assertThat(alone.contains(bit)).as(r.id() + " with concept " + bit).isTrue();
          }
        }
      }
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
    assertThat(matcher.match("e bn tuoi r", false)).extracting(StageMatcher.Hit::stage).containsOnly(Stage.AGE);
    assertThat(matcher.match("ib a nha", false)).extracting(StageMatcher.Hit::stage)
        .containsOnly(Stage.CHANNEL);
    assertThat(matcher.match("dung noi voi ai nhe", false)).extracting(StageMatcher.Hit::stage)
        .containsOnly(Stage.SECRECY);
  }

  @Test
  void awarenessContextLowersAPhrase() {
    List<StageMatcher.Hit> hits = matcher.match("phòng chống xâm hại: đừng nói với ai là sai", false);
    assertThat(hits).extracting(StageMatcher.Hit::stage).contains(Stage.SECRECY);
    assertThat(hits).allSatisfy(h -> {
      assertThat(h.lowered()).isTrue();
      assertThat(h.weight()).isLessThan(0.2);
    });
  }

  /** A stage is recognised from concepts that co-occur, in wordings no stage phrase lists. */
  @Test
  void conceptsComposeStagesInManyWordings() {
    assertStage("bên chị cần em gửi vài ảnh mặc đồ bơi để làm hồ sơ", Stage.PHOTOS, 0.85);
    assertStage("gui a may tam anh mac do lot de a chon size", Stage.PHOTOS, 0.85);
    assertStage("quay riêng cho a 1 clip mặc bikini nhé", Stage.PHOTOS, 0.85);
    assertStage("gửi thêm ảnh đi, không thì anh đăng lên nhóm lớp em", Stage.THREAT, 0.9);
    assertStage("gui them clip di ko a post len fb cho ca truong xem", Stage.THREAT, 0.9);
    assertStage("mình qua telegram nói chuyện cho riêng tư nha", Stage.CHANNEL, 0.5);
    assertStage("cài signal đi e", Stage.CHANNEL, 0.5);
    assertStage("nhớ xóa hết tin nhắn với a mỗi tối nhé", Stage.SECRECY, 0.5);
    assertStage("đổi lại e chụp 1 tấm ảnh lúc tắm nha", Stage.PHOTOS, 0.85);
    assertStage("a tặng e bộ skin súng nhé, nạp thêm 500 kim cương nữa", Stage.GIFTS, 0.5);
    assertStage("bên chị là công ty người mẫu nhí", Stage.OFFER, 0.4);
    assertStage("đêm nay 12h call video nha bé", Stage.PHOTOS, 0.85);
    assertStage("vậy giờ này e ở nhà 1 mình hả", Stage.PARENTS, 0.5);
    assertStage("nhà e ở phường nào", Stage.ADDRESS, 0.4);
    assertStage("buổi đầu em đến nhà thầy nhé, đi một mình thôi", Stage.MEETING, 0.85);
  }

  /** Innocent senses of the same concepts do not make the stage. */
  @Test
  void innocentSensesDoNotComposeTheStage() {
    assertNoStage("các em nhớ gửi ảnh bài tập vào nhóm Zalo lớp", Stage.PHOTOS);
    assertNoStage("các em nhớ gửi ảnh bài tập vào nhóm Zalo lớp", Stage.CHANNEL);
    assertNoStage("gửi tao ảnh chụp vở ghi môn sử với", Stage.PHOTOS);
    assertNoStage("thầy chụp ảnh cả đội để đăng lên trang của câu lạc bộ", Stage.THREAT);
    assertNoStage("con cởi áo khoác ra cho mát", Stage.PHOTOS);
    assertNoStage("hôm qua tớ được tặng skin mới đẹp lắm", Stage.GIFTS);
    assertNoStage("cả nhà mình ở khách sạn gần biển", Stage.MEETING);
  }

  /**
   * {@code conversation/stage-cases/stage-cases.tsv}: per message, a stage it must show at least so strongly
   * ({@code photos>=0.85}), must not show ({@code !photos}) or must show only below a weight
   * ({@code meeting<0.85}); every failing line is listed.
   */
  @Test
  void theStageCasesTableHolds() throws Exception {
    List<String> failed = new ArrayList<>();
    int cases = 0;
    try (var in = StageMatcherTest.class.getResourceAsStream("/conversation/stage-cases/stage-cases.tsv")) {
      assertThat(in).as("stage-cases.tsv on the test class path").isNotNull();
      int n = 0;
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t");
        assertThat(c.length).as("stage-cases.tsv:%d: sender, text, expect[, note]", n).isBetween(3, 4);
        boolean child = switch (c[0]) {
          case "child" -> true;
          case "other" -> false;
          default -> throw new IllegalArgumentException("stage-cases.tsv:" + n + ": sender " + c[0]);
        };
        List<StageMatcher.Hit> hits = matcher.match(c[1], child);
        boolean ok;
        if (c[2].startsWith("!")) {
          Stage s = Stage.parse(c[2].substring(1));
          ok = hits.stream().noneMatch(h -> h.stage() == s);
        } else if (c[2].contains("<")) {
          String[] e = c[2].split("<");
          Stage s = Stage.parse(e[0]);
          double w = Double.parseDouble(e[1]);
          ok = hits.stream().noneMatch(h -> h.stage() == s && h.weight() >= w - 1e-9);
        } else {
          String[] e = c[2].split(">=");
          Stage s = Stage.parse(e[0]);
          double w = Double.parseDouble(e[1]);
          ok = hits.stream().anyMatch(h -> h.stage() == s && h.weight() >= w - 1e-9);
        }
        cases++;
        if (!ok) {
          failed.add("stage-cases.tsv:" + n + " " + c[2] + " '" + c[1] + "' -> " + hits.stream()
              .map(h -> h.stage().jsonName() + " " + h.weight() + " (" + h.rule() + ")").toList());
        }
      }
    }
    assertThat(cases).isGreaterThanOrEqualTo(30);
    assertThat(failed).isEmpty();
  }

  private static void assertStage(String text, Stage stage, double atLeast) {
    assertThat(matcher.match(text, false)).as(text).anySatisfy(h -> {
      assertThat(h.stage()).isEqualTo(stage);
      assertThat(h.weight()).isGreaterThanOrEqualTo(atLeast);
      assertThat(text.substring(h.start(), h.end())).isEqualTo(h.match());
    });
  }

  private static void assertNoStage(String text, Stage stage) {
    assertThat(matcher.match(text, false)).as(text).noneMatch(h -> h.stage() == stage);
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
  void oneWeakStageIsLowAndDangerousPairsAreHigh() {
    double[] w = new double[Stage.values().length];
    double[] o = new double[w.length];
    w[Stage.SECRECY.ordinal()] = 0.6;
    o[Stage.SECRECY.ordinal()] = 0.6;
    assertThat(RiskModel.score(w, o)).isLessThan(0.3);
    w[Stage.MEETING.ordinal()] = 0.5;
    o[Stage.MEETING.ordinal()] = 0.5;
    assertThat(RiskModel.score(w, o)).isGreaterThanOrEqualTo(0.7);
  }

  @Test
  void aDecisiveStageFromTheOtherPartyIsEnoughAloneButNotFromTheChild() {
    double[] w = new double[Stage.values().length];
    double[] o = new double[w.length];
    w[Stage.PHOTOS.ordinal()] = 0.9;
    assertThat(RiskModel.score(w, o)).isLessThan(0.3);
    o[Stage.PHOTOS.ordinal()] = 0.9;
    assertThat(RiskModel.score(w, o)).isGreaterThanOrEqualTo(0.85);
  }

  /** A thread reuses its reading once released; a reading still held (a check inside a check) is not shared. */
  @Test
  void aReadingIsReusedOnlyAfterItIsReleased() {
    StageMatcher.Reading first = matcher.reading(false);
    StageMatcher.Reading nested = matcher.reading(true);
    assertThat(nested).isNotSameAs(first);
    nested.release();
    first.release();
    assertThat(first.hits()).isEmpty();
    StageMatcher.Reading next = matcher.reading(false);
    assertThat(next).isSameAs(first);
    assertThat(next.hits()).isEmpty();
    next.release();
  }
}
