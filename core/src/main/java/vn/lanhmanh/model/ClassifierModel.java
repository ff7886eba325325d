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
 * category, all chosen on the development part of the labelled corpus. The weights of all categories sit
 * interleaved in one table of 16-bit values (feature {@code f}, category {@code k} at {@code f * K + k}), so
 * a check reads each feature's weights from one place. Immutable and thread-safe.
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
  final short[] weights;
  private final Map<String, String> properties;

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
    this.weights = weights;
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
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

  /** A copy with other properties. */
  ClassifierModel withProperties(Map<String, String> props) {
    return new ClassifierModel(bits, categories, scale, slope, intercept, threshold, tier, weights, props);
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

  /** What the model was trained from and how: command, seed, data digests, figures on dev. */
  public Map<String, String> properties() {
    return properties;
  }

  /** Heap taken by the weight table, in bytes. */
  public long weightBytes() {
    return 2L * weights.length;
  }

  /**
   * The raw logit of every category for the features in {@code b}, into {@code out} (by the model's
   * category order).
   */
  void logits(MessageFeatures.Buffer b, double[] out, long[] acc) {
    int k = categories.length;
    Arrays.fill(acc, 0, k, 0);
    int[] feats = b.feats;
    short[] w = weights;
    for (int i = 0; i < b.size; i++) {
      int base = feats[i] * k;
      for (int c = 0; c < k; c++) {
        acc[c] += w[base + c];
      }
    }
    double v = b.value();
    for (int c = 0; c < k; c++) {
      out[c] = acc[c] * scale[c] * v;
    }
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
        && Arrays.equals(tier, m.tier) && Arrays.equals(weights, m.weights) && properties.equals(m.properties);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + Arrays.hashCode(categories);
  }
}
