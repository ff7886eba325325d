package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.match.CompiledLexicon;

/**
 * Retrains the small tagger of {@link TrainerTest} with the convolutional encoder ({@code --tagger-encoder cnn})
 * and checks that it learns the small corpus, that training stays deterministic for a seed, that the encoder
 * travels in the model file and that a filter runs it.
 */
class TrainerEncoderTest {

  private static List<SpanCorpus.Comment> train;
  private static List<SpanCorpus.Comment> dev;
  private static CompiledLexicon lexicon;
  private static Trainer.Result result;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(TrainerEncoderTest.class.getResource("/model/" + name).toURI());
  }

  private static Trainer.Options options() {
    return new Trainer.Options(7, 16, 15, 4, 0.1, 0.1, false, 0, 1, "chargrams", 1, "cnn");
  }

  private static Trainer.Result trainOnce() {
    return Trainer.train(train, dev, lexicon, options(), Map.of("command", "test"), line -> { });
  }

  @BeforeAll
  static void setUp() throws Exception {
    train = SpanCorpus.read(resource("train-small.csv"));
    dev = SpanCorpus.read(resource("dev-small.csv"));
    lexicon = CompiledLexicon.compile(LexiconReader.readDefault(), Map.of());
    result = trainOnce();
  }

  @Test
  void learnsTheSmallCorpus() {
    assertThat(result.pipeline().f1()).as("dev span F1 %s", result.pipeline()).isGreaterThan(0.9);
    assertThat(result.pipeline().cleanFlagged()).isZero();
    assertThat(result.model().properties()).containsEntry(ConvEncoder.PROPERTY, "cnn");
    assertThat(result.model().encoder).isNotNull();
    assertThat(result.model().weightBytes()).isGreaterThan(result.model().encoder.bytes());
  }

  @Test
  void theEncoderAddsToTheEmissions() {
    TaggerModel m = result.model();
    TaggerModel linear = new TaggerModel(m.bits, m.weights, m.scales, m.laneTrans, m.laneStart, m.decodeBias,
        m.actionThreshold, m.calibration, m.head, withoutEncoder(m.properties()), m.clusters, null);
    Analyser analyser = Analyser.of(lexicon);
    Features.Buffer withIt = new Features.Buffer();
    Features.Buffer without = new Features.Buffer();
    String text = "Hôm qua gặp lũ cóc ghẻ ngoài chợ";
    List<Finding> found = analyser.findings(text);
    m.emissions(text, analyser.state().positions(), analyser.vocabulary(), found, PositionTags.NONE, withIt);
    linear.emissions(text, analyser.state().positions(), analyser.vocabulary(), found, PositionTags.NONE, without);
    ConvEncoder.Work w = new ConvEncoder.Work();
    ConvEncoder.inputs(text, analyser.state().positions(), without, false, m.encoder.rowBits, w);
    m.encoder.forward(m.encoder.params, w.in, w.offs, without.n, w);
    boolean differs = false;
    for (int i = 0; i < withIt.n; i++) {
      assertThat(withIt.emit[i]).isCloseTo(without.emit[i] + w.out[i], org.assertj.core.data.Offset.offset(1e-9));
      differs |= w.out[i] != 0;
    }
    assertThat(differs).isTrue();
  }

  @Test
  void sameSeedSameBytesAndReadBack() throws IOException {
    byte[] b = bytes(result.model());
    assertThat(bytes(trainOnce().model())).isEqualTo(b);
    TaggerModel read = TaggerModel.read(new ByteArrayInputStream(b));
    assertThat(read).isEqualTo(result.model());
    assertThat(read.encoder).isEqualTo(result.model().encoder);
    byte[] truncated = java.util.Arrays.copyOf(b, b.length - 100);
    assertThatThrownBy(() -> TaggerModel.read(new ByteArrayInputStream(truncated)))
        .isInstanceOf(IOException.class).hasMessageContaining("corrupt");
  }

  @Test
  void refusesAnUnknownEncoderAndAnEnsembleWithOne() {
    assertThatThrownBy(() -> new Trainer.Options(7, 16, 15, 4, 0.1, 0.1, false, 0, 1, "", 1, "transformer"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown tagger encoder");
    assertThatThrownBy(() -> new Trainer.Options(7, 16, 15, 4, 0.1, 0.1, false, 0, 1, "", 2, "cnn"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one lane");
    TaggerModel m = result.model();
    assertThatThrownBy(() -> m.with(m.decodeBias, m.actionThreshold, m.calibration, m.head,
        withoutEncoder(m.properties()))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFilterRunsTheEncoder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tagger.bin");
    result.model().write(file);
    try (ContentFilter on = ContentFilter.builder().model(file).modelFindings(true).build()) {
      Verdict v = on.checkText("Hôm qua gặp lũ cóc ghẻ ngoài chợ", Policy.forAge(10));
      assertThat(v.findings()).anyMatch(f -> f.rule().startsWith(ScoreStage.RULE) && f.match().contains("cóc ghẻ"));
      assertThat(on.checkText("Cô giáo khen cả lớp chăm chỉ.", Policy.forAge(10)).findings()).isEmpty();
    }
  }

  private static Map<String, String> withoutEncoder(Map<String, String> props) {
    Map<String, String> p = new java.util.TreeMap<>(props);
    p.remove(ConvEncoder.PROPERTY);
    return p;
  }

  private static byte[] bytes(TaggerModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    return out.toByteArray();
  }
}
