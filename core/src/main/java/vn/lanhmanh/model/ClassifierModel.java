package vn.lanhmanh.model;

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
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;

/**
 * Trained per-category message classifiers: one logistic regression per category over the hashed
 * {@link MessageFeatures} of a text, with a Platt calibration, a finding threshold and a tier per
 * category, all chosen on the development part of the labelled corpus. The 16-bit weights of all categories
 * sit interleaved in one table, three to a {@code long} in 21-bit lanes (feature {@code f}, category
 * {@code k} in word {@code f * W + k / 3}, bits {@code 21 * (k % 3)}, stored plus 32768 so that every lane
 * is unsigned), so a check reads each feature's weights from one place and adds three categories' weights
 * with one 64-bit addition: a lane holds the sum of 32 weights before it must be moved to the totals.
 * Immutable and thread-safe.
 *
 * <p>File format: the line {@code LANHMANH-CLASSIFIERS} and a big-endian int version, then a deflated body:
 * the training properties, the table size, the categories (name, scale, calibration, threshold, tier) and the
 * weights. A file of another version is refused with a message.
 */
public final class ClassifierModel {

  static final String MAGIC = "LANHMANH-CLASSIFIERS\n";
  /** Version of the file format and of the feature templates; a model of another version is refused. */
  public static final int VERSION = 1;

  private static final String WHAT = "classifier model";
  /** The shipped classifiers' resource. */
  static final String RESOURCE = "/vn/lanhmanh/model/classifiers.bin";

  final int bits;
  final int mask;
  final Category[] categories;
  /** Weight scale per category: weight = short * scale. */
  final float[] scale;
  /** Platt calibration per category: slope and intercept on the raw logit. */
  final double[] slope;
  final double[] intercept;
  /** A calibrated score at or above this makes a {@code model/<category>} finding (above 1: never). */
  final double[] threshold;
  /** The tier of such a finding. */
  final Rating[] tier;
  /** The weights, {@link #words} longs per feature (see the class comment). */
  private final long[] packed;
  /** Longs per feature: the number of categories divided by three, rounded up. */
  private final int words;
  private final Map<String, String> properties;
  /**
   * A lexicon or composition finding below tier C is lowered to tier P when its category's calibrated score is
   * under this (property {@link #LOWER_BELOW}; 0, never, for a file without it). See {@link ScoreStage}.
   */
  final double lowerBelow;

  /** The property that holds {@link #lowerBelow}. */
  static final String LOWER_BELOW = "lower.below";

  /**
   * A classifier finding that nothing else in the text supports (no lexicon or composition finding, no hit
   * of a concept that the category's compositions use) keeps its category's tier only from this calibrated
   * score; under it, it is rated at most {@link #UNSUPPORTED_TIER} (property {@link #UNSUPPORTED_BELOW}; 0,
   * never capped, for a file without it). See {@link ScoreStage}.
   */
  final double unsupportedBelow;

  /** The property that holds {@link #unsupportedBelow}. */
  static final String UNSUPPORTED_BELOW = "unsupported.below";

  /** The highest tier of an unsupported classifier finding scored under {@link #unsupportedBelow}. */
  public static final Rating UNSUPPORTED_TIER = Rating.T13;

  /**
   * The property that says which syllables give character-trigram features: {@link #CHAR3_ALL} (every
   * syllable; also a file without the property, every file written before it) or {@link #CHAR3_UNKNOWN} (only
   * the syllables the lexicon's vocabulary does not know, such as misspellings and unexpanded teencode). See
   * {@link MessageFeatures}.
   */
  static final String CHAR3 = "features.char3";
  /** {@link #CHAR3}: the trigrams of every syllable. */
  public static final String CHAR3_ALL = "all";
  /** {@link #CHAR3}: the trigrams of the syllables the vocabulary does not know only. */
  public static final String CHAR3_UNKNOWN = "unknown";

  /** Whether the syllables the vocabulary knows give their character trigrams as features ({@link #CHAR3}). */
  final boolean knownChar3;

  /**
   * The property that holds {@link #conceptContext}: how many syllables on each side of a concept hit give a
   * concept-context feature (the concept with the folded syllable); absent or 0, none (every file before it).
   */
  static final String CONCEPT_CONTEXT = "features.concept-context";
  /** The most {@link #CONCEPT_CONTEXT} may be. */
  static final int MAX_CONCEPT_CONTEXT = 32;

  /** See {@link #CONCEPT_CONTEXT}. */
  final int conceptContext;

  /**
   * The property that holds {@link #address}: the version of the addressing features the file reads
   * ({@code MessageFeatures.Addressing}: the second person, urging, requests and conditions of each sentence,
   * alone and with the concepts hit in it); absent or 0, none (every file before recipe P, h37 included, which
   * scores as before), 1 the first version.
   */
  static final String ADDRESS = "features.address";

  /** See {@link #ADDRESS}. */
  final int address;

  /**
   * How far above the threshold the score stage applies ({@link ScoreStage}: the file's own, capped for self-harm,
   * harassment, grooming with a sign, sexual content and drugs for a child) this file holds each category, per
   * category in the model's order (property {@link #LIFT}; 0 for a file without it). The trainer's case-table
   * gate lifts a category where the file's scores fail an innocent case row that no raise of the file's own
   * threshold frees, since a cap holds it (docs/MODEL.md, the forty-eighth round).
   */
  final double[] lift;

  /**
   * The property that holds {@link #lift}: {@code category=lift} pairs joined by commas
   * ({@code self_harm=0.150,harassment=0.025}), each lift in [0, 1).
   */
  static final String LIFT = "threshold.lift";

  ClassifierModel(int bits, Category[] categories, float[] scale, double[] slope, double[] intercept,
      double[] threshold, Rating[] tier, short[] weights, Map<String, String> properties) {
    int k = categories.length;
    if (k == 0 || scale.length != k || slope.length != k || intercept.length != k || threshold.length != k
        || tier.length != k || weights.length != (1 << bits) * k) {
      throw new IllegalArgumentException("inconsistent classifier model");
    }
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.categories = categories.clone();
    this.scale = scale.clone();
    this.slope = slope.clone();
    this.intercept = intercept.clone();
    this.threshold = threshold.clone();
    this.tier = tier.clone();
    this.words = (k + LANES - 1) / LANES;
    this.packed = pack(weights, k, words);
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    this.lowerBelow = bound(properties, LOWER_BELOW);
    this.unsupportedBelow = bound(properties, UNSUPPORTED_BELOW);
    String char3 = properties.getOrDefault(CHAR3, CHAR3_ALL);
    if (!char3.equals(CHAR3_ALL) && !char3.equals(CHAR3_UNKNOWN)) {
      throw new IllegalArgumentException("bad " + CHAR3 + " '" + char3 + "' in the classifier model");
    }
    this.knownChar3 = char3.equals(CHAR3_ALL);
    String context = properties.getOrDefault(CONCEPT_CONTEXT, "0");
    int w;
    try {
      w = Integer.parseInt(context);
    } catch (NumberFormatException e) {
      w = -1;
    }
    if (w < 0 || w > MAX_CONCEPT_CONTEXT) {
      throw new IllegalArgumentException("bad " + CONCEPT_CONTEXT + " '" + context + "' in the classifier model");
    }
    this.conceptContext = w;
    String address = properties.getOrDefault(ADDRESS, "0");
    if (!address.equals("0") && !address.equals("1")) {
      throw new IllegalArgumentException("bad " + ADDRESS + " '" + address + "' in the classifier model: 0 or 1 "
          + "(a newer file than this engine reads?)");
    }
    this.address = Integer.parseInt(address);
    this.lift = lift(properties.get(LIFT), this.categories);
  }

  /** Parses {@link #LIFT}; null gives no lift. A pair that is not {@code category=lift} is refused, named. */
  private static double[] lift(String v, Category[] categories) {
    double[] lift = new double[categories.length];
    if (v == null || v.isEmpty()) {
      return lift;
    }
    for (String pair : v.split(",")) {
      String[] kv = pair.split("=", -1);
      int k = -1;
      for (int i = 0; kv.length == 2 && i < categories.length; i++) {
        if (categories[i].jsonName().equals(kv[0].strip())) {
          k = i;
        }
      }
      double d;
      try {
        d = k < 0 ? -1 : Double.parseDouble(kv[1].strip());
      } catch (NumberFormatException e) {
        d = -1;
      }
      if (!(d >= 0 && d < 1)) {
        throw new IllegalArgumentException("bad " + LIFT + " '" + pair + "' in the classifier model: a "
            + "category of the file and a lift in [0, 1)");
      }
      lift[k] = d;
    }
    return lift;
  }

  private static double bound(Map<String, String> properties, String name) {
    String v = properties.get(name);
    if (v == null) {
      return 0;
    }
    double t;
    try {
      t = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad " + name + " '" + v + "' in the classifier model");
    }
    if (!(t >= 0 && t < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), was " + v);
    }
    return t;
  }

  /** Weights per {@code long}, each in a lane of {@link #LANE_BITS} bits. */
  private static final int LANES = 3;
  private static final int LANE_BITS = 21;
  private static final long LANE = (1L << LANE_BITS) - 1;
  /**
   * Longs of scratch {@link #logits} needs for any model: per word of the most categories, three totals and
   * one lane sum.
   */
  static final int ACC = (Category.values().length + LANES - 1) / LANES * (LANES + 1);
  /** Lane bias: a stored lane is the weight plus this, so lanes are never negative. */
  private static final int BIAS = 1 << 15;
  /**
   * At most this many features are summed in the lanes before they are moved to the totals: 32 lanes of at
   * most 65,535 stay below 2^21.
   */
  static final int FLUSH = 32;

  private static long[] pack(short[] weights, int k, int words) {
    int size = weights.length / k;
    long[] out = new long[size * words];
    for (int f = 0; f < size; f++) {
      for (int c = 0; c < k; c++) {
        long lane = weights[f * k + c] + BIAS;
        out[f * words + c / LANES] |= lane << (LANE_BITS * (c % LANES));
      }
    }
    return out;
  }

  /** Longs per feature in the packed table (see the class comment). */
  int words() {
    return words;
  }

  /** Adds feature {@code f}'s packed words (lanes with the bias) to {@code into[at, at + words)}. */
  void addPacked(int f, long[] into, int at) {
    for (int j = 0; j < words; j++) {
      into[at + j] += packed[f * words + j];
    }
  }

  /** The 16-bit weight of feature {@code f} for category {@code c} (by the model's category order). */
  short weight(int f, int c) {
    return (short) (((packed[f * words + c / LANES] >>> (LANE_BITS * (c % LANES))) & LANE) - BIAS);
  }

  /** The 16-bit weights, feature {@code f}'s category {@code c} at {@code f * K + c} (a fresh array). */
  short[] weights() {
    int k = categories.length;
    short[] out = new short[(mask + 1) * k];
    for (int f = 0; f <= mask; f++) {
      for (int c = 0; c < k; c++) {
        out[f * k + c] = weight(f, c);
      }
    }
    return out;
  }

  /** Quantises trained weights ({@code w[k]} for category {@code categories[k]}) to 16 bits, interleaved. */
  static ClassifierModel quantise(int bits, Category[] categories, double[][] w, double[] slope,
      double[] intercept, double[] threshold, Rating[] tier, Map<String, String> properties) {
    int k = categories.length;
    int size = 1 << bits;
    float[] scale = new float[k];
    short[] q = new short[size * k];
    for (int c = 0; c < k; c++) {
      double max = 1e-9;
      for (double v : w[c]) {
        max = Math.max(max, Math.abs(v));
      }
      scale[c] = (float) (max / Short.MAX_VALUE);
      for (int f = 0; f < size; f++) {
        q[f * k + c] = (short) Math.round(w[c][f] / scale[c]);
      }
    }
    return new ClassifierModel(bits, categories, scale, slope, intercept, threshold, tier, q, properties);
  }

  /** A copy with other thresholds, one per category in the model's order (above 1: never). */
  ClassifierModel withThresholds(double[] thresholds) {
    return new ClassifierModel(bits, categories, scale, slope, intercept, thresholds, tier, weights(), properties);
  }

  /** A copy with other properties. */
  ClassifierModel withProperties(Map<String, String> props) {
    return new ClassifierModel(bits, categories, scale, slope, intercept, threshold, tier, weights(), props);
  }

  /** The categories these classifiers score, in the model's order. */
  public java.util.List<Category> categories() {
    return java.util.List.of(categories);
  }

  /** The calibrated score at or above which a category's classifier adds a finding (above 1: never). */
  public double threshold(Category c) {
    for (int k = 0; k < categories.length; k++) {
      if (categories[k] == c) {
        return threshold[k];
      }
    }
    throw new IllegalArgumentException("no classifier for " + c);
  }

  /**
   * The calibrated score under which a lexicon or composition finding of the category, below tier C, is
   * lowered to tier P (0: never).
   */
  public double lowerBelow() {
    return lowerBelow;
  }

  /**
   * The calibrated score from which a classifier finding that nothing else in the text supports keeps its
   * category's tier; under it, it is rated at most {@link #UNSUPPORTED_TIER} (0: never capped).
   */
  public double unsupportedBelow() {
    return unsupportedBelow;
  }

  /** What the model was trained from and how: command, seed, data digests, figures on dev. */
  public Map<String, String> properties() {
    return properties;
  }

  /** Heap taken by the weight table, in bytes. */
  public long weightBytes() {
    return 8L * packed.length;
  }

  /**
   * The raw logit of every category for the features in {@code b}, into {@code out} (by the model's
   * category order): the sum of the features' 16-bit weights, times the category's scale and the features'
   * value. The sums are exact integers, whatever the order of the additions.
   *
   * @param acc scratch of at least {@link #ACC} longs
   */
  void logits(MessageFeatures.Buffer b, double[] out, long[] acc) {
    Arrays.fill(acc, 0, LANES * words, 0);
    logits(b, 0, out, acc);
  }

  /**
   * {@link #logits(MessageFeatures.Buffer, double[], long[])} for a text of {@code b.size + summed} features,
   * {@code summed} of which are already in the totals {@code acc[0, 3 * words)} (lanes moved out, bias
   * included): the features in {@code b} are added to them.
   */
  void logits(MessageFeatures.Buffer b, int summed, double[] out, long[] acc) {
    int k = categories.length;
    if (words == 4) {
      sum4(b.feats, b.size, acc);
    } else {
      sum(b.feats, b.size, acc);
    }
    int n = b.size + summed;
    double v = n == 0 ? 0 : 1 / Math.sqrt(n);
    long bias = (long) n * BIAS;
    for (int c = 0; c < k; c++) {
      long sum = acc[c] - bias;
      out[c] = sum * scale[c] * v;
    }
  }

  /**
   * Lane sums (weights plus the bias) of features {@code feats[0, n)}, added to {@code acc[0, 3 * words)}; the
   * words' running sums in {@code acc[3 * words, 4 * words)}.
   */
  private void sum(int[] feats, int n, long[] acc) {
    int lanes = LANES * words;
    long[] w = packed;
    for (int from = 0; from < n; from += FLUSH) {
      int to = Math.min(n, from + FLUSH);
      Arrays.fill(acc, lanes, lanes + words, 0);
      for (int i = from; i < to; i++) {
        int base = feats[i] * words;
        for (int j = 0; j < words; j++) {
          acc[lanes + j] += w[base + j];
        }
      }
      for (int j = 0; j < words; j++) {
        flush(acc[lanes + j], acc, LANES * j);
      }
    }
  }

  /**
   * {@link #sum} for four words (ten to twelve categories, the shipped case), in registers: per feature
   * four loads and four additions.
   */
  private void sum4(int[] feats, int n, long[] acc) {
    long[] w = packed;
    for (int from = 0; from < n; from += FLUSH) {
      int to = Math.min(n, from + FLUSH);
      long s0 = 0;
      long s1 = 0;
      long s2 = 0;
      long s3 = 0;
      for (int i = from; i < to; i++) {
        int base = feats[i] << 2;
        s0 += w[base];
        s1 += w[base + 1];
        s2 += w[base + 2];
        s3 += w[base + 3];
      }
      flush(s0, acc, 0);
      flush(s1, acc, 3);
      flush(s2, acc, 6);
      flush(s3, acc, 9);
    }
  }

  /** Adds a word's three lane sums to the totals of categories {@code at .. at + 2}. */
  static void flush(long lanes, long[] acc, int at) {
    acc[at] += lanes & LANE;
    acc[at + 1] += (lanes >>> LANE_BITS) & LANE;
    acc[at + 2] += lanes >>> (2 * LANE_BITS);
  }

  /** The calibrated probability of category {@code k} from its raw logit. */
  double calibrate(int k, double logit) {
    return 1 / (1 + Math.exp(-(slope[k] * logit + intercept[k])));
  }

  /** The classifiers shipped in the jar, read anew on each call (a filter reads them once, on first use). */
  public static ClassifierModel embedded() {
    try (InputStream in = ClassifierModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the classifier model " + RESOURCE + " is missing from the jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded classifier model", e);
    }
  }

  /** Whether the jar holds shipped classifiers. */
  public static boolean hasEmbedded() {
    return ClassifierModel.class.getResource(RESOURCE) != null;
  }

  /**
   * Reads a model written by {@link #write} (by {@code lanhmanh train}).
   *
   * @throws IOException if the file cannot be read, is not a classifier model, or is of another version
   */
  public static ClassifierModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  static ClassifierModel read(InputStream raw) throws IOException {
    return ModelFile.read(raw, MAGIC, VERSION, WHAT, (in, props) -> {
      int bits = in.readInt();
      if (bits < 8 || bits > 22) {
        throw new IOException("corrupt classifier model (table size 2^" + bits + ")");
      }
      int k = in.readInt();
      if (k < 1 || k > Category.values().length) {
        throw new IOException("corrupt classifier model (" + k + " categories)");
      }
      Category[] cats = new Category[k];
      float[] scale = new float[k];
      double[] slope = new double[k];
      double[] intercept = new double[k];
      double[] threshold = new double[k];
      Rating[] tier = new Rating[k];
      for (int c = 0; c < k; c++) {
        cats[c] = Category.fromJsonName(in.readUTF());
        scale[c] = in.readFloat();
        slope[c] = ModelFile.finite(in.readDouble(), WHAT);
        intercept[c] = ModelFile.finite(in.readDouble(), WHAT);
        threshold[c] = ModelFile.finite(in.readDouble(), WHAT);
        tier[c] = Rating.parse(in.readUTF());
        if (!Float.isFinite(scale[c])) {
          throw new IOException("corrupt classifier model (non-finite scale)");
        }
      }
      byte[] wBytes = new byte[2 * k << bits];
      in.readFully(wBytes);
      short[] w = new short[k << bits];
      ByteBuffer.wrap(wBytes).order(ByteOrder.BIG_ENDIAN).asShortBuffer().get(w);
      return new ClassifierModel(bits, cats, scale, slope, intercept, threshold, tier, w, props);
    });
  }

  /** Writes the model; the same model always gives the same bytes. */
  public void write(OutputStream raw) throws IOException {
    ModelFile.write(raw, MAGIC, VERSION, properties, d -> {
      d.writeInt(bits);
      d.writeInt(categories.length);
      for (int c = 0; c < categories.length; c++) {
        d.writeUTF(categories[c].jsonName());
        d.writeFloat(scale[c]);
        d.writeDouble(slope[c]);
        d.writeDouble(intercept[c]);
        d.writeDouble(threshold[c]);
        d.writeUTF(tier[c].name());
      }
      short[] weights = weights();
      ByteBuffer wb = ByteBuffer.allocate(2 * weights.length).order(ByteOrder.BIG_ENDIAN);
      wb.asShortBuffer().put(weights);
      d.write(wb.array());
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
    return "ClassifierModel{2^" + bits + " x " + categories.length + " weights, " + properties + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassifierModel m && bits == m.bits && Arrays.equals(categories, m.categories)
        && Arrays.equals(scale, m.scale) && Arrays.equals(slope, m.slope)
        && Arrays.equals(intercept, m.intercept) && Arrays.equals(threshold, m.threshold)
        && Arrays.equals(tier, m.tier) && Arrays.equals(packed, m.packed) && properties.equals(m.properties);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(packed) * 31 + Arrays.hashCode(categories);
  }
}
