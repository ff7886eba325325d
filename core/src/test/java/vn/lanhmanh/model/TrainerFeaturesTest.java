package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Retrains the small tagger of {@link TrainerTest} with the optional feature families (letter n-grams and
 * word clusters learned from a small unlabelled text the project wrote, {@code model/unlabelled-small.txt})
 * and checks that it still learns, that the clusters travel in the model file, and that training stays
 * deterministic.
 */
class TrainerFeaturesTest {

  private static List<SpanCorpus.Comment> train;
  private static List<SpanCorpus.Comment> dev;
  private static List<String> unlabelled;
  private static CompiledLexicon lexicon;
  private static Trainer.Result result;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(TrainerFeaturesTest.class.getResource("/model/" + name).toURI());
  }

  private static Trainer.Options options() {
    return new Trainer.Options(7, 16, 15, 4, 0.1, 0.1, false, 0, 1, "chargrams,clusters");
  }

  private static Trainer.Result trainOnce() {
    return Trainer.train(train, dev, unlabelled, Analyser.of(lexicon), options(), Map.of("command", "test"),
        line -> { });
  }

  @BeforeAll
  static void setUp() throws Exception {
    train = SpanCorpus.read(resource("train-small.csv"));
    dev = SpanCorpus.read(resource("dev-small.csv"));
    try (InputStream in = TrainerFeaturesTest.class.getResourceAsStream("/model/unlabelled-small.txt")) {
      unlabelled = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
    lexicon = CompiledLexicon.compile(LexiconReader.readDefault(), Map.of());
    result = trainOnce();
  }

  @Test
  void learnsWithTheOptionalFeatures() {
    assertThat(result.pipeline().f1()).as("dev span F1 %s", result.pipeline()).isGreaterThan(0.9);
    assertThat(result.pipeline().cleanFlagged()).isZero();
    TaggerModel m = result.model();
    assertThat(m.properties()).containsEntry(TaggerModel.EXTRA_FEATURES, "chargrams,clusters")
        .containsKey("dev.pipeline.paper");
    assertThat(m.extras).isEqualTo(Features.CHARGRAMS | Features.CLUSTERS);
    assertThat(m.clusters).isNotNull();
    assertThat(m.clusters.size()).isGreaterThan(20);
  }

  @Test
  void sameSeedSameBytesAndTheClustersRoundTrip() throws IOException {
    byte[] b = bytes(result.model());
    assertThat(bytes(trainOnce().model())).isEqualTo(b);
    TaggerModel read = TaggerModel.read(new ByteArrayInputStream(b));
    assertThat(read).isEqualTo(result.model());
    assertThat(read.clusters).isEqualTo(result.model().clusters);
    assertThat(bytes(read)).isEqualTo(b);
    byte[] truncated = java.util.Arrays.copyOf(b, b.length - 40);
    assertThatThrownBy(() -> TaggerModel.read(new ByteArrayInputStream(truncated)))
        .isInstanceOf(IOException.class).hasMessageContaining("corrupt");
  }

  @Test
  void anEnsembleOfLanesLearnsRoundTripsAndAveragesItsLanes() throws IOException {
    Trainer.Options two = new Trainer.Options(7, 16, 15, 4, 0.1, 0.1, false, 0, 1, "chargrams,clusters", 2);
    Trainer.Result r = Trainer.train(train, dev, unlabelled, Analyser.of(lexicon), two, Map.of("command", "test"),
        line -> { });
    TaggerModel m = r.model();
    assertThat(m.lanes).isEqualTo(2);
    assertThat(m.properties()).containsEntry(TaggerModel.LANES, "2").containsKey(TaggerModel.DECODE_THRESHOLD);
    assertThat(r.pipeline().f1()).as("dev span F1 %s", r.pipeline()).isGreaterThan(0.9);
    byte[] b = bytes(m);
    assertThat(bytes(Trainer.train(train, dev, unlabelled, Analyser.of(lexicon), two, Map.of("command", "test"),
        line -> { }).model())).as("same seed, same bytes").isEqualTo(b);
    TaggerModel read = TaggerModel.read(new ByteArrayInputStream(b));
    assertThat(read).isEqualTo(m);
    assertThat(read.laneTrans[1]).isNotEqualTo(read.laneTrans[0]);
    // the ensemble's marginals are the mean of those of its lanes, each run as a model of its own
    Analyser analyser = Analyser.of(lexicon);
    Features.Buffer both = new Features.Buffer();
    Features.Buffer alone = new Features.Buffer();
    for (SpanCorpus.Comment c : dev) {
      List<Finding> found = analyser.findings(c.text());
      var p = analyser.state().positions();
      read.emissions(c.text(), p, analyser.vocabulary(), found, PositionTags.NONE, both);
      ScoreStage.highestMarginal(read, both);
      double[] mean = new double[both.n];
      for (int l = 0; l < 2; l++) {
        TaggerModel lane = lane(read, l);
        lane.emissions(c.text(), p, analyser.vocabulary(), found, PositionTags.NONE, alone);
        ScoreStage.highestMarginal(lane, alone);
        for (int i = 0; i < alone.n; i++) {
          mean[i] += alone.marg[i] / 2;
        }
      }
      for (int i = 0; i < both.n; i++) {
        assertThat(both.marg[i]).as("%s, position %d", c.text(), i).isCloseTo(mean[i],
            org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  /** Lane {@code l} of an ensemble as a single CRF. */
  private static TaggerModel lane(TaggerModel m, int l) {
    short[] w = new short[m.weights.length / m.lanes];
    for (int i = 0; i < w.length; i++) {
      w[i] = m.weights[i * m.lanes + l];
    }
    Map<String, String> props = new java.util.TreeMap<>(m.properties());
    props.remove(TaggerModel.LANES);
    return new TaggerModel(m.bits, w, new float[] {m.scales[l]}, new double[][] {m.laneTrans[l]},
        new double[][] {m.laneStart[l]}, m.decodeBias, m.actionThreshold, m.calibration, m.head, props, m.clusters);
  }

  @Test
  void anUnknownFeatureFamilyIsRefused() {
    assertThatThrownBy(() -> new Trainer.Options(7, 16, 15, 4, 0.1, 0.1, false, 0, 1, "embeddings"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embeddings");
  }

  @Test
  void aFilterUsesTheModel(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tagger.bin");
    result.model().write(file);
    try (ContentFilter on = ContentFilter.builder().model(file).modelFindings(true).build()) {
      Verdict v = on.checkText("Hôm qua gặp lũ cóc ghẻ ngoài chợ", Policy.forAge(10));
      List<String> rules = new ArrayList<>();
      for (Finding f : v.findings()) {
        rules.add(f.rule() + " " + f.match());
      }
      assertThat(rules).anyMatch(r -> r.startsWith(ScoreStage.RULE) && r.contains("cóc ghẻ"));
      assertThat(on.checkText("Cô giáo khen cả lớp chăm chỉ.", Policy.forAge(10)).findings()).isEmpty();
    }
  }

  @Test
  void syllablesInTheSameContextsShareAClusterPrefix() {
    // a1..a6 always between the same neighbours, b1..b6 between others: each group shares one cluster
    List<long[]> texts = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      for (long k = 1; k <= 6; k++) {
        texts.add(new long[] {100, 101, k, 102, 103});
        texts.add(new long[] {200, 201, 10 + k, 202, 203});
      }
    }
    WordClusters wc = WordClusters.build(texts, 1);
    int a = wc.code(1);
    int b = wc.code(11);
    for (long k = 1; k <= 6; k++) {
      assertThat(wc.code(k)).isEqualTo(a);
      assertThat(wc.code(10 + k)).isEqualTo(b);
    }
    assertThat(a).isNotEqualTo(b).isNotZero();
    assertThat(wc.code(999)).as("unseen syllable").isZero();
    assertThat(WordClusters.build(texts, 1)).isEqualTo(wc);
  }

  private static byte[] bytes(TaggerModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    return out.toByteArray();
  }
}
