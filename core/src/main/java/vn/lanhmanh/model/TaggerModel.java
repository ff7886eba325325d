package vn.lanhmanh.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained offensive-span tagger: the hashed emission weights of a two-label linear-chain CRF (quantised to
 * 16 bits), its transition scores, the decoding bias and the action threshold tuned on the development
 * split, the calibration of its message score and the small head that tells harassment from profanity.
 * Immutable and thread-safe.
 *
 * <p>File format: the line {@code LANHMANH-TAGGER} and a big-endian int version, then a deflated body:
 * the training properties (command, seed, data, figures), the table size, the weights and the rest. A
 * file of another version is refused with a message.
 */
public final class TaggerModel {

  static final String MAGIC = "LANHMANH-TAGGER\n";
  /** Version of the file format and of the feature templates; a model of another version is refused. */
  public static final int VERSION = 1;

  private static final String WHAT = "tagger model";
  /** The shipped model's resource. */
  static final String RESOURCE = "/vn/lanhmanh/model/tagger.bin";
  static final int HEAD_BITS = 16;
  /** The property that says the model reads concept tags. */
  static final String CONCEPT_TAGS = "features.concepts";
  /**
   * The property naming the optional feature families the model reads ({@code chargrams}, {@code clusters},
   * comma-separated). A model with {@code clusters} carries its word-cluster table after the weights.
   */
  static final String EXTRA_FEATURES = "features.extra";
  /**
   * The property that makes the model decode spans by their marginals: a syllable is inside a span when its
   * marginal probability of I reaches this value (tuned on dev). Without it, Viterbi with {@link #decodeBias}.
   */
  static final String DECODE_THRESHOLD = "decode.threshold";
  /**
   * The property giving the number of CRFs the model holds (an ensemble trained with {@code lanhmanh train
   * --ensemble N}); absent for one. Their marginals are averaged. Each feature's weights sit next to each other
   * ({@code weights[index * lanes + lane]}), so a check hashes each feature once for all of them.
   */
  static final String LANES = "ensemble.lanes";
  /** The most CRFs one model may hold. */
  static final int MAX_LANES = 8;

  final int bits;
  final int mask;
  /** How many CRFs the model holds ({@link #LANES}); each feature has one weight per lane. */
  final int lanes;
  /** {@code weights[index * lanes + lane]}. */
  final short[] weights;
  /** The weights of the small values of some templates, for checks ({@link Features#smallTables}). */
  final short[][] smallWeights;
  /** Lane 0's scale, transitions and start scores (the only lane of a single CRF). */
  final float scale;
  final double[] trans;
  final double[] start;
  /** Every lane's weight scale, transition scores and start scores. */
  final float[] scales;
  final double[][] laneTrans;
  final double[][] laneStart;
  /** Added to every I emission before Viterbi decoding (tuned on dev for span F1). */
  final double decodeBias;
  /** Posterior decoding threshold ({@link #DECODE_THRESHOLD}), or 0 for Viterbi decoding. */
  final double decodeThreshold;
  /** A model span scoring at least this is rated K (acts for a child); below it, P (reported only). */
  final double actionThreshold;
  /** Message calibration: weight of logit(highest marginal of I), weight of a lexicon abuse finding, intercept. */
  final double[] calibration;
  /** Category head: above 0 after summing, profanity; otherwise harassment. */
  final float[] head;
  /** Whether the model was trained with the concepts stage's hits as tags (property {@code features.concepts}). */
  final boolean conceptTags;
  /** The optional feature families ({@link Features#CHARGRAMS}, {@link Features#CLUSTERS}). */
  final int extras;
  /** The word clusters the model reads, or null. */
  final WordClusters clusters;
  /** The neural part of the I emission ({@link ConvEncoder#PROPERTY}), or null for a linear CRF. */
  final ConvEncoder encoder;
  private final Map<String, String> properties;

  TaggerModel(int bits, short[] weights, float[] scales, double[][] trans, double[][] start, double decodeBias,
      double actionThreshold, double[] calibration, float[] head, Map<String, String> properties,
      WordClusters clusters) {
    this(bits, weights, scales, trans, start, decodeBias, actionThreshold, calibration, head, properties, clusters,
        null);
  }

  TaggerModel(int bits, short[] weights, float[] scales, double[][] trans, double[][] start, double decodeBias,
      double actionThreshold, double[] calibration, float[] head, Map<String, String> properties,
      WordClusters clusters, ConvEncoder encoder) {
    this.lanes = lanes(properties.get(LANES));
    if (encoder(properties.get(ConvEncoder.PROPERTY)) != (encoder != null) || encoder != null && lanes > 1) {
      throw new IllegalArgumentException("a tagger model names its encoder exactly when it carries one, with one lane");
    }
    this.encoder = encoder;
    if (weights.length != lanes << bits || head.length != 1 << HEAD_BITS || scales.length != lanes
        || trans.length != lanes || start.length != lanes || calibration.length != 3) {
      throw new IllegalArgumentException("inconsistent tagger model");
    }
    this.scales = scales.clone();
    this.laneTrans = new double[lanes][];
    this.laneStart = new double[lanes][];
    for (int l = 0; l < lanes; l++) {
      if (trans[l].length != 4 || start[l].length != 2) {
        throw new IllegalArgumentException("inconsistent tagger model");
      }
      laneTrans[l] = trans[l].clone();
      laneStart[l] = start[l].clone();
    }
    this.extras = extras(properties.get(EXTRA_FEATURES));
    if (((extras & Features.CLUSTERS) != 0) != (clusters != null)) {
      throw new IllegalArgumentException("a tagger model reads word clusters exactly when it carries them");
    }
    this.clusters = clusters;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.weights = weights;
    this.smallWeights = Features.smallTables(weights, lanes);
    this.scale = scales[0];
    this.trans = laneTrans[0];
    this.start = laneStart[0];
    this.decodeBias = decodeBias;
    this.actionThreshold = actionThreshold;
    this.calibration = calibration.clone();
    this.head = head;
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    this.conceptTags = "true".equals(properties.get(CONCEPT_TAGS));
    this.decodeThreshold = decodeThreshold(properties.get(DECODE_THRESHOLD));
  }

  /** The number of lanes named by a {@link #LANES} value (null: one). */
  static int lanes(String value) {
    if (value == null) {
      return 1;
    }
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > MAX_LANES) {
      throw new IllegalArgumentException(LANES + " must be 1.." + MAX_LANES + ", was " + value);
    }
    return n;
  }

  private static double decodeThreshold(String value) {
    if (value == null) {
      return 0;
    }
    double t;
    try {
      t = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      t = Double.NaN;
    }
    if (!(t > 0 && t < 1)) {
      throw new IllegalArgumentException("decode.threshold must be in (0, 1), was " + value);
    }
    return t;
  }

  /**
   * After {@link #emissions} and the marginals ({@link ScoreStage#highestMarginal}): the syllables inside
   * spans, into {@code b.path} (Viterbi with the decoding bias, or the marginals against the decoding
   * threshold); returns whether any syllable is inside.
   */
  boolean decode(Features.Buffer b) {
    if (decodeThreshold > 0 || lanes > 1) {
      // an ensemble without a tuned threshold decodes its averaged marginals at one half
      return Crf.threshold(b.marg, b.n, decodeThreshold > 0 ? decodeThreshold : 0.5, b.path);
    }
    return Crf.viterbi(b.emit, b.n, trans, start, decodeBias, b.path, b.back);
  }

  /** The optional feature families named by a {@link #EXTRA_FEATURES} value (null: none). */
  static int extras(String value) {
    int e = 0;
    if (value != null && !value.isBlank()) {
      for (String part : value.split(",")) {
        switch (part.trim()) {
          case "chargrams" -> e |= Features.CHARGRAMS;
          case "clusters" -> e |= Features.CLUSTERS;
          default -> throw new IllegalArgumentException("unknown tagger feature family: " + part.trim());
        }
      }
    }
    return e;
  }

  /**
   * Whether an {@link ConvEncoder#PROPERTY} value names an encoder (null: none).
   *
   * @throws IllegalArgumentException for an unknown encoder
   */
  static boolean encoder(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    if (!ConvEncoder.KIND.equals(value.trim())) {
      throw new IllegalArgumentException("unknown tagger encoder: " + value.trim());
    }
    return true;
  }

  /** Quantises trained weights to 16 bits. */
  static TaggerModel quantise(int bits, double[] w, double[] trans, double[] start, double decodeBias,
      double actionThreshold, double[] calibration, float[] head, Map<String, String> properties,
      WordClusters clusters) {
    return quantise(bits, new double[][] {w}, new double[][] {trans}, new double[][] {start}, decodeBias,
        actionThreshold, calibration, head, properties, clusters);
  }

  /** Quantises the trained weights of several CRFs (lanes; {@code properties} names their number) to 16 bits. */
  static TaggerModel quantise(int bits, double[][] w, double[][] trans, double[][] start, double decodeBias,
      double actionThreshold, double[] calibration, float[] head, Map<String, String> properties,
      WordClusters clusters) {
    return quantise(bits, w, trans, start, decodeBias, actionThreshold, calibration, head, properties, clusters,
        null);
  }

  /** As {@link #quantise}, with a neural encoder whose score is added to the linear emission (or null). */
  static TaggerModel quantise(int bits, double[][] w, double[][] trans, double[][] start, double decodeBias,
      double actionThreshold, double[] calibration, float[] head, Map<String, String> properties,
      WordClusters clusters, ConvEncoder encoder) {
    int lanes = w.length;
    float[] scales = new float[lanes];
    short[] q = new short[lanes << bits];
    for (int l = 0; l < lanes; l++) {
      double max = 1e-9;
      for (double v : w[l]) {
        max = Math.max(max, Math.abs(v));
      }
      scales[l] = (float) (max / Short.MAX_VALUE);
      for (int i = 0; i < w[l].length; i++) {
        q[i * lanes + l] = (short) Math.round(w[l][i] / scales[l]);
      }
    }
    return new TaggerModel(bits, q, scales, trans, start, decodeBias, actionThreshold, calibration, head,
        properties, clusters, encoder);
  }

  /** A copy with other decoding settings and calibration. */
  TaggerModel with(double decodeBias, double actionThreshold, double[] calibration, float[] head,
      Map<String, String> properties) {
    return new TaggerModel(bits, weights, scales, laneTrans, laneStart, decodeBias, actionThreshold, calibration,
        head, properties, clusters, encoder);
  }

  /** What the model was trained from and how: command, seed, data digests, figures on dev. */
  public Map<String, String> properties() {
    return properties;
  }

  /** Heap taken by the weight tables, in bytes (approximate). */
  public long weightBytes() {
    long small = 0;
    for (short[] t : smallWeights) {
      small += t == null ? 0 : 2L * t.length;
    }
    return 2L * weights.length + small + 4L * head.length + (clusters == null ? 0 : clusters.bytes())
        + (encoder == null ? 0 : encoder.bytes());
  }

  /** The I emission of every position of {@code p} into {@code b.emit} (features summed, not stored). */
  void emissions(String text, vn.lanhmanh.text.Positions p, vn.lanhmanh.text.Vocabulary vocab,
      java.util.List<vn.lanhmanh.Finding> lexicon, PositionTags tags, Features.Buffer b) {
    Features.sum(text, p, vocab, lexicon, tags, extras, clusters, weights, smallWeights, lanes, b);
    if (lanes == 1) {
      double s = scale;
      for (int i = 0; i < b.n; i++) {
        b.emit[i] *= s;
      }
      if (encoder != null) {
        encoder.addTo(text, p, b, clusters != null);
      }
      return;
    }
    for (int i = 0; i < b.n; i++) {
      for (int l = 0; l < lanes; l++) {
        b.laneEmit[i * lanes + l] *= scales[l];
      }
      b.emit[i] = b.laneEmit[i * lanes];
    }
  }

  /**
   * The calibrated probability that the message holds offensive language, from the highest marginal
   * probability of I over its syllables.
   */
  double calibrate(double raw, boolean lexiconAbuse) {
    double p = Math.min(Math.max(raw, 1e-6), 1 - 1e-6);
    double z = calibration[0] * Math.log(p / (1 - p)) + (lexiconAbuse ? calibration[1] : 0) + calibration[2];
    return 1 / (1 + Math.exp(-z));
  }

  /** Head score of positions {@code [from, to)} of the buffer: above 0 means profanity. */
  double headScore(Features.Buffer b, int from, int to) {
    double s = head[0];
    int m = head.length - 1;
    for (int i = from; i < to; i++) {
      s += head[Features.index(1, b.fo[i], m)] + head[Features.index(2, b.ex[i], m)];
    }
    return s;
  }

  /** Whether the jar holds the shipped model (the {@code android} jar leaves it out). */
  public static boolean hasEmbedded() {
    return TaggerModel.class.getResource(RESOURCE) != null;
  }

  /** The model shipped in the jar, read anew on each call (a filter reads it once, on its first check). */
  public static TaggerModel embedded() {
    try (InputStream in = TaggerModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the tagger model " + RESOURCE + " is missing from the jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded tagger model", e);
    }
  }

  /**
   * Reads a model written by {@link #write} (by {@code lanhmanh train}).
   *
   * @throws IOException if the file cannot be read, is not a tagger model, or is of another version
   */
  public static TaggerModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  static TaggerModel read(InputStream raw) throws IOException {
    return ModelFile.read(raw, MAGIC, VERSION, WHAT, (in, props) -> {
      int bits = in.readInt();
      if (bits < 8 || bits > 24) {
        throw new IOException("corrupt tagger model (table size 2^" + bits + ")");
      }
      int lanes;
      try {
        lanes = lanes(props.get(LANES));
      } catch (IllegalArgumentException e) {
        throw new IOException("tagger model of an unknown kind: " + e.getMessage());
      }
      if ((long) lanes << bits > 1 << 24) {
        throw new IOException("corrupt tagger model (" + lanes + " lanes of 2^" + bits + " weights)");
      }
      float[] scales = new float[lanes];
      double[][] trans = new double[lanes][];
      double[][] start = new double[lanes][];
      scales[0] = in.readFloat();
      trans[0] = readDoubles(in, 4);
      start[0] = readDoubles(in, 2);
      double bias = in.readDouble();
      double action = in.readDouble();
      double[] calibration = readDoubles(in, 3);
      byte[] headBytes = new byte[4 << HEAD_BITS];
      in.readFully(headBytes);
      float[] headWeights = new float[1 << HEAD_BITS];
      ByteBuffer.wrap(headBytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(headWeights);
      byte[] wBytes = new byte[(2 * lanes) << bits];
      in.readFully(wBytes);
      short[] w = new short[lanes << bits];
      ByteBuffer.wrap(wBytes).order(ByteOrder.BIG_ENDIAN).asShortBuffer().get(w);
      int extras;
      try {
        extras = extras(props.get(EXTRA_FEATURES));
      } catch (IllegalArgumentException e) {
        throw new IOException("tagger model of an unknown kind: " + e.getMessage());
      }
      WordClusters clusters = (extras & Features.CLUSTERS) != 0 ? WordClusters.read(in) : null;
      for (int l = 1; l < lanes; l++) {
        scales[l] = in.readFloat();
        trans[l] = readDoubles(in, 4);
        start[l] = readDoubles(in, 2);
      }
      boolean hasEncoder;
      try {
        hasEncoder = encoder(props.get(ConvEncoder.PROPERTY));
      } catch (IllegalArgumentException e) {
        throw new IOException("tagger model of an unknown kind: " + e.getMessage());
      }
      ConvEncoder encoder = hasEncoder ? ConvEncoder.read(in) : null;
      for (float sc : scales) {
        if (!(sc > 0) || Float.isInfinite(sc)) {
          throw new IOException("corrupt tagger model (weight scale " + sc + ")");
        }
      }
      return new TaggerModel(bits, w, scales, trans, start, bias, action, calibration, headWeights, props,
          clusters, encoder);
    });
  }

  private static double[] readDoubles(DataInputStream in, int n) throws IOException {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = ModelFile.finite(in.readDouble(), WHAT);
    }
    return d;
  }

  /** Writes the model; the same model always gives the same bytes. */
  public void write(OutputStream raw) throws IOException {
    ModelFile.write(raw, MAGIC, VERSION, properties, d -> {
      d.writeInt(bits);
      d.writeFloat(scale);
      for (double v : trans) {
        d.writeDouble(v);
      }
      for (double v : start) {
        d.writeDouble(v);
      }
      d.writeDouble(decodeBias);
      d.writeDouble(actionThreshold);
      for (double v : calibration) {
        d.writeDouble(v);
      }
      ByteBuffer hb = ByteBuffer.allocate(4 * head.length).order(ByteOrder.BIG_ENDIAN);
      hb.asFloatBuffer().put(this.head);
      d.write(hb.array());
      ByteBuffer wb = ByteBuffer.allocate(2 * weights.length).order(ByteOrder.BIG_ENDIAN);
      wb.asShortBuffer().put(weights);
      d.write(wb.array());
      if (clusters != null) {
        clusters.write(d);
      }
      for (int l = 1; l < lanes; l++) {
        d.writeFloat(scales[l]);
        for (double v : laneTrans[l]) {
          d.writeDouble(v);
        }
        for (double v : laneStart[l]) {
          d.writeDouble(v);
        }
      }
      if (encoder != null) {
        encoder.write(d);
      }
    });
  }

  /** Writes the model to a file. */
  public void write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out);
    }
  }

  @Override
  public String toString() {
    return "TaggerModel{2^" + bits + " weights, bias=" + decodeBias + ", action=" + actionThreshold + ", "
        + properties + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaggerModel m && bits == m.bits && Arrays.equals(weights, m.weights)
        && Arrays.equals(scales, m.scales) && Arrays.deepEquals(laneTrans, m.laneTrans)
        && Arrays.deepEquals(laneStart, m.laneStart)
        && decodeBias == m.decodeBias && actionThreshold == m.actionThreshold
        && Arrays.equals(calibration, m.calibration) && Arrays.equals(head, m.head)
        && properties.equals(m.properties) && java.util.Objects.equals(clusters, m.clusters)
        && java.util.Objects.equals(encoder, m.encoder);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Double.hashCode(decodeBias);
  }
}
