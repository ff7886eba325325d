package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconReader;

/**
 * The classifiers' logits, summed four categories at a time from packed weights, are bit for bit those of
 * the plain sum of each category's 16-bit weights ({@code sum * scale * value}): on the shipped model over
 * every message of the labelled corpus's development part, and on random models of every category count,
 * with sums past the packed lanes' flush point.
 */
class ClassifierLogitsTest {

  /** The plain computation: one long sum per category over the 16-bit weights. */
  private static double[] reference(ClassifierModel m, short[] w, int[] feats, int n) {
    int k = m.categories.length;
    long[] acc = new long[k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        acc[c] += w[feats[i] * k + c];
      }
    }
    double v = n == 0 ? 0 : 1 / Math.sqrt(n);
    double[] out = new double[k];
    for (int c = 0; c < k; c++) {
      out[c] = acc[c] * m.scale[c] * v;
    }
    return out;
  }

  private static void assertSameBits(ClassifierModel m, MessageFeatures.Buffer b, String what) {
    double[] got = new double[m.categories.length];
    m.logits(b, got, new long[ClassifierModel.ACC]);
    double[] want = reference(m, m.weights(), b.feats, b.size);
    for (int c = 0; c < want.length; c++) {
      assertThat(Double.doubleToRawLongBits(got[c])).as("%s, category %s: %s against %s", what,
          m.categories[c], got[c], want[c]).isEqualTo(Double.doubleToRawLongBits(want[c]));
    }
  }

  @Test
  void shippedModelOnTheDevelopmentPart() throws Exception {
    ClassifierModel m = ClassifierModel.embedded();
    Analyser analyser = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());
    List<MessageCorpus.Message> dev = MessageCorpus.read(folder("/labelled/dev"));
    assertThat(dev).hasSizeGreaterThan(1000);
    MessageFeatures.Buffer b = new MessageFeatures.Buffer();
    short[] w = m.weights();
    int nonZero = 0;
    for (MessageCorpus.Message msg : dev) {
      List<Finding> found = analyser.findings(msg.text());
      MessageFeatures.extract(msg.text(), analyser.state(), analyser.vocabulary(), found, m.mask, m.knownChar3,
          m.conceptContext, b);
      double[] got = new double[m.categories.length];
      m.logits(b, got, new long[ClassifierModel.ACC]);
      double[] want = reference(m, w, b.feats, b.size);
      for (int c = 0; c < want.length; c++) {
        assertThat(Double.doubleToRawLongBits(got[c])).as("%s, %s", msg.id(), m.categories[c])
            .isEqualTo(Double.doubleToRawLongBits(want[c]));
        nonZero += got[c] != 0 ? 1 : 0;
      }
    }
    assertThat(nonZero).isGreaterThan(dev.size());
  }

  /**
   * With the known syllables' weights summed once ({@link MessageFeatures.Summed}, as a check runs them), the
   * logits are bit for bit those of the features one by one, on every message of the development part and on
   * the same messages run together as one long text (the lanes flushed many times over).
   */
  @Test
  void summedSyllablesGiveTheSameLogits() throws Exception {
    summedSyllablesGiveTheSameLogits(ClassifierModel.embedded());
  }

  /**
   * The same with a model's optional feature settings (the shipped weights read with trigrams of unknown
   * syllables only and concept-context features: other logits, but the two paths must still agree).
   */
  @Test
  void summedSyllablesGiveTheSameLogitsWithTheOptionalFeatures() throws Exception {
    ClassifierModel shipped = ClassifierModel.embedded();
    java.util.Map<String, String> props = new java.util.TreeMap<>(shipped.properties());
    props.put(ClassifierModel.CHAR3, ClassifierModel.CHAR3_UNKNOWN);
    props.put(ClassifierModel.CONCEPT_CONTEXT, "12");
    props.put(ClassifierModel.ADDRESS, "1");
    ClassifierModel m = shipped.withProperties(props);
    assertThat(m.knownChar3).isFalse();
    assertThat(m.conceptContext).isEqualTo(12);
    assertThat(m.address).isEqualTo(1);
    summedSyllablesGiveTheSameLogits(m);
  }

  private static void summedSyllablesGiveTheSameLogits(ClassifierModel m) throws Exception {
    Analyser analyser = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());
    List<MessageCorpus.Message> dev = MessageCorpus.read(folder("/labelled/dev"));
    MessageFeatures.Syllables known = MessageFeatures.Syllables.of(analyser.vocabulary(), m.mask);
    MessageFeatures.Summed summed = MessageFeatures.Summed.of(known, m);
    assertThat(summed).isNotNull();
    MessageFeatures.Buffer plain = new MessageFeatures.Buffer();
    MessageFeatures.Buffer fast = new MessageFeatures.Buffer();
    StringBuilder all = new StringBuilder();
    int withSums = 0;
    int sentences = 0;
    for (int i = 0; i <= dev.size(); i++) {
      String text = i < dev.size() ? dev.get(i).text() : all.toString();
      all.append(text).append(". ");
      List<Finding> found = analyser.findings(text);
      MessageFeatures.extract(text, analyser.state(), analyser.vocabulary(), found, m.mask, m.knownChar3,
          m.conceptContext, m.address, null, plain, 0, -1);
      MessageFeatures.extract(text, analyser.state(), analyser.vocabulary(), found, summed, fast);
      double[] want = new double[m.categories.length];
      m.logits(plain, want, new long[ClassifierModel.ACC]);
      double[] got = new double[m.categories.length];
      m.logits(fast, fast.summed, got, fast.totals);
      assertThat(fast.size + fast.summed).isEqualTo(plain.size);
      withSums += fast.summed > 0 ? 1 : 0;
      for (int c = 0; c < want.length; c++) {
        assertThat(Double.doubleToRawLongBits(got[c])).as("message %d, %s", i, m.categories[c])
            .isEqualTo(Double.doubleToRawLongBits(want[c]));
      }
      // each sentence read alone (as the score stage reads a long text): the two paths agree there too
      vn.lanhmanh.text.Positions p = analyser.state().positions();
      int size = Math.min(p.size(), MessageFeatures.MAX_POSITIONS);
      for (int from = 0, to = 1; to <= size; to++) {
        if (to < size && !p.sentenceStart(to)) {
          continue;
        }
        MessageFeatures.extract(text, analyser.state(), analyser.vocabulary(), found, m.mask, m.knownChar3,
            m.conceptContext, m.address, null, plain, from, to);
        MessageFeatures.extract(text, analyser.state(), analyser.vocabulary(), found, summed, fast, from, to);
        m.logits(plain, want, new long[ClassifierModel.ACC]);
        m.logits(fast, fast.summed, got, fast.totals);
        assertThat(fast.size + fast.summed).isEqualTo(plain.size);
        for (int c = 0; c < want.length; c++) {
          assertThat(Double.doubleToRawLongBits(got[c])).as("message %d, positions %d-%d, %s", i, from, to,
              m.categories[c]).isEqualTo(Double.doubleToRawLongBits(want[c]));
        }
        sentences++;
        from = to;
      }
    }
    assertThat(withSums).isGreaterThan(dev.size() / 2);
    assertThat(sentences).isGreaterThan(dev.size());
  }

  @Test
  void shippedModelWritesTheBytesItWasReadFrom() throws Exception {
    byte[] shipped;
    try (InputStream in = ClassifierModel.class.getResourceAsStream(ClassifierModel.RESOURCE)) {
      shipped = in.readAllBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClassifierModel.embedded().write(out);
    assertThat(out.toByteArray()).isEqualTo(shipped);
  }

  @Property(tries = 60)
  void randomModelsOfEveryCategoryCount(@ForAll @IntRange(min = 1, max = 13) int k,
      @ForAll @IntRange(min = 0, max = 3000) int n, @ForAll long seed) {
    Random r = new Random(seed);
    int bits = 8;
    ClassifierModel m = model(k, bits, r);
    MessageFeatures.Buffer b = new MessageFeatures.Buffer();
    b.feats = new int[Math.max(1, n)];
    for (int i = 0; i < n; i++) {
      b.feats[i] = r.nextInt(1 << bits);
    }
    b.size = n;
    assertSameBits(m, b, "k=" + k + " n=" + n);
  }

  @Test
  void sumsPastTheLanesFlushPoint() {
    for (int k : new int[] {12, 5}) {
      ClassifierModel m = model(k, 8, new Random(7));
      short[] w = m.weights();
      // features 0 and 1 carry the extreme weights of every category
      Arrays.fill(w, 0, k, Short.MAX_VALUE);
      Arrays.fill(w, k, 2 * k, Short.MIN_VALUE);
      ClassifierModel extreme = new ClassifierModel(m.bits, m.categories, m.scale, m.slope, m.intercept,
          m.threshold, m.tier, w, Map.of());
      for (int feature : new int[] {0, 1}) {
        MessageFeatures.Buffer b = new MessageFeatures.Buffer();
        b.feats = new int[200_003];
        Arrays.fill(b.feats, feature);
        b.size = b.feats.length;
        assertSameBits(extreme, b, "k=" + k + " feature " + feature);
      }
    }
  }

  private static ClassifierModel model(int k, int bits, Random r) {
    Category[] cats = Arrays.copyOf(Category.values(), k);
    short[] w = new short[k << bits];
    for (int i = 0; i < w.length; i++) {
      w[i] = (short) (r.nextInt(1 << 16) - (1 << 15));
    }
    float[] scale = new float[k];
    double[] zero = new double[k];
    double[] one = new double[k];
    Rating[] tier = new Rating[k];
    for (int c = 0; c < k; c++) {
      scale[c] = (float) (r.nextDouble() * 1e-3);
      one[c] = 1;
      tier[c] = Rating.T16;
    }
    return new ClassifierModel(bits, cats, scale, one, zero, one, tier, w, Map.of());
  }

  private static Path folder(String name) throws URISyntaxException {
    return Path.of(ClassifierLogitsTest.class.getResource(name).toURI());
  }
}
