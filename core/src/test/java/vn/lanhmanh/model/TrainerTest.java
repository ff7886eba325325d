package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.match.CompiledLexicon;

/**
 * Retrains a small tagger on a small ViHOS-format corpus written for this test ({@code model/*-small.csv}:
 * insults the embedded lexicon does not hold, in everyday sentences) and checks that it learns it, that
 * training is deterministic, and that a filter loads and uses the result.
 */
class TrainerTest {

  private static List<SpanCorpus.Comment> train;
  private static List<SpanCorpus.Comment> dev;
  private static CompiledLexicon lexicon;
  private static Trainer.Result result;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(TrainerTest.class.getResource("/model/" + name).toURI());
  }

  private static Trainer.Options options() {
    return new Trainer.Options(7, 16, 15, 4, 0.1, 0.1);
  }

  @BeforeAll
  static void trainOnce() throws Exception {
    train = SpanCorpus.read(resource("train-small.csv"));
    dev = SpanCorpus.read(resource("dev-small.csv"));
    lexicon = CompiledLexicon.compile(LexiconReader.readDefault(), Map.of());
    result = Trainer.train(train, dev, lexicon, options(), Map.of("command", "test"), line -> { });
  }

  @Test
  void learnsTheSmallCorpus() {
    assertThat(train).hasSize(150);
    assertThat(dev).hasSize(40);
    // The lexicon knows almost none of these insults; the tagger must learn them.
    assertThat(result.lexicon().recall()).isLessThan(0.5);
    assertThat(result.pipeline().f1()).as("dev span F1 %s", result.pipeline()).isGreaterThan(0.9);
    assertThat(result.tagger().f1()).isGreaterThan(0.9);
    assertThat(result.pipeline().cleanFlagged()).isZero();
    assertThat(result.model().properties()).containsEntry("command", "test").containsEntry("seed", "7")
        .containsKey("dev.pipeline");
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Trainer.Result again = Trainer.train(train, dev, lexicon, options(), Map.of("command", "test"), line -> { });
    assertThat(bytes(again.model())).isEqualTo(bytes(result.model()));
  }

  @Test
  void writesAndReadsBack() throws IOException {
    byte[] b = bytes(result.model());
    TaggerModel read = TaggerModel.read(new ByteArrayInputStream(b));
    assertThat(read).isEqualTo(result.model());
    assertThat(bytes(read)).isEqualTo(b);
  }

  @Test
  void refusesWhatIsNotAModelOfThisVersion() throws IOException {
    assertThatThrownBy(() -> TaggerModel.read(new ByteArrayInputStream("hello".getBytes())))
        .isInstanceOf(IOException.class).hasMessageContaining("bad header");
    byte[] b = bytes(result.model());
    byte[] otherVersion = b.clone();
    otherVersion[TaggerModel.MAGIC.length() + 3] = 99;
    assertThatThrownBy(() -> TaggerModel.read(new ByteArrayInputStream(otherVersion)))
        .isInstanceOf(IOException.class).hasMessageContaining("version 99");
    byte[] truncated = java.util.Arrays.copyOf(b, b.length / 2);
    assertThatThrownBy(() -> TaggerModel.read(new ByteArrayInputStream(truncated)))
        .isInstanceOf(IOException.class).hasMessageContaining("corrupt");
  }

  @Test
  void aFilterUsesATrainedModel(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tagger.bin");
    result.model().write(file);
    String insult = "Hôm qua gặp lũ cóc ghẻ ngoài chợ";
    String innocent = "Cô giáo khen cả lớp chăm chỉ.";
    try (ContentFilter on = ContentFilter.builder().model(file).modelFindings(true).build();
        ContentFilter off = ContentFilter.builder().model(file).build()) {
      Verdict v = on.checkText(insult, Policy.forAge(10));
      List<String> rules = new ArrayList<>();
      for (Finding f : v.findings()) {
        rules.add(f.rule() + " " + f.match());
      }
      assertThat(rules).anyMatch(r -> r.startsWith(ScoreStage.RULE) && r.contains("cóc ghẻ"));
      double offensive = Math.max(v.score(Category.HARASSMENT), v.score(Category.PROFANITY));
      assertThat(offensive).isGreaterThan(0.5);
      Verdict quiet = off.checkText(insult, Policy.forAge(10));
      assertThat(quiet.findings()).noneMatch(f -> f.rule().startsWith("model/"));
      assertThat(quiet.scores()).isEqualTo(v.scores());
      Verdict clean = on.checkText(innocent, Policy.forAge(10));
      assertThat(clean.findings()).isEmpty();
      assertThat(Math.max(clean.score(Category.HARASSMENT), clean.score(Category.PROFANITY))).isLessThan(0.5);
      assertThat(clean.scores()).hasSize(Category.values().length);
    }
  }

  @Test
  void decodesByMarginalsWhenTheModelSaysSo() throws IOException {
    TaggerModel m = result.model();
    Map<String, String> props = new java.util.TreeMap<>(m.properties());
    props.put(TaggerModel.DECODE_THRESHOLD, "0.50");
    TaggerModel byMarginals = m.with(m.decodeBias, m.actionThreshold, m.calibration, m.head, props);
    assertThat(byMarginals.decodeThreshold).isEqualTo(0.5);
    Analyser analyser = Analyser.of(lexicon);
    Features.Buffer b = new Features.Buffer();
    int spans = 0;
    for (SpanCorpus.Comment c : dev) {
      List<Finding> found = analyser.findings(c.text());
      byMarginals.emissions(c.text(), analyser.state().positions(), analyser.vocabulary(), found,
          PositionTags.NONE, b);
      ScoreStage.highestMarginal(byMarginals, b);
      boolean any = byMarginals.decode(b);
      boolean expected = false;
      for (int i = 0; i < b.n; i++) {
        // inside exactly where the marginal reaches the threshold, whatever Viterbi would say
        assertThat(b.path[i]).isEqualTo((byte) (b.marg[i] >= 0.5 ? 1 : 0));
        expected |= b.marg[i] >= 0.5;
        spans += b.path[i];
      }
      assertThat(any).isEqualTo(expected);
    }
    assertThat(spans).isPositive();
    // the setting travels in the file; a value outside (0, 1) is refused
    assertThat(TaggerModel.read(new ByteArrayInputStream(bytes(byMarginals))).decodeThreshold).isEqualTo(0.5);
    props.put(TaggerModel.DECODE_THRESHOLD, "1.5");
    TaggerModel bad = m.with(m.decodeBias, m.actionThreshold, m.calibration, m.head, Map.of());
    assertThatThrownBy(() -> bad.with(m.decodeBias, m.actionThreshold, m.calibration, m.head, props))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decode.threshold");
  }

  @Test
  void malformedCorpusRowsAreNamed() {
    assertThatThrownBy(() -> SpanCorpus.parse(",content,index_spans\n0,abc,[7]\n", "x.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.csv: row 1");
    assertThatThrownBy(() -> SpanCorpus.parse(",content,index_spans\n0,abc\n", "x.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3");
    // Code-point offsets: an emoji counts once, two UTF-16 units.
    SpanCorpus.Comment c = SpanCorpus.parse(",content,index_spans\n0,\"😀 ngu\",\"[2, 3, 4]\"\n", "x.csv").get(0);
    assertThat(c.gold().nextSetBit(0)).isEqualTo(3);
    assertThat(c.gold().cardinality()).isEqualTo(3);
  }

  private static byte[] bytes(TaggerModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    return out.toByteArray();
  }
}
