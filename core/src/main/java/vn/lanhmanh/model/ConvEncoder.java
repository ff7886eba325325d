package vn.lanhmanh.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import vn.lanhmanh.text.Positions;

/**
 * The neural part of a hybrid tagger ({@code lanhmanh train --tagger-encoder cnn}): a score per syllable that is
 * added to the CRF's linear I emission. Each syllable's input is the sum of hashed embeddings (its folded and
 * exact forms, its first and last letters, its letter trigrams, the lexicon categories covering it, the
 * punctuation around it, its word cluster); a stack of residual 1-D convolutions of kernel 3 with ReLU, one
 * layer per dilation (1, 2, 4 and 8 in {@link Trainer}'s setting: each syllable then sees ±15 syllables), is
 * projected to one score. Trained end to end with the CRF's log-likelihood ({@link Fit}), with word and input
 * dropout. Immutable and thread-safe; the scratch space lives in the caller's {@link Features.Buffer}.
 */
final class ConvEncoder {

  /** The model property naming the encoder ({@link #KIND}); absent for a linear CRF. */
  static final String PROPERTY = "encoder";
  /** The only kind of encoder: dilated convolutions. */
  static final String KIND = "cnn";

  private static final int SYLLABLE = 1;
  private static final int EXACT = 2;
  private static final int PREFIX = 3;
  private static final int SUFFIX = 4;
  private static final int TRIGRAM = 5;
  private static final int CATEGORY = 6;
  private static final int PUNCT = 7;
  private static final int CLUSTER = 8;

  final int rowBits;
  final int dim;
  /** One convolution layer per dilation. */
  final int[] dilations;
  /** Embeddings ({@code 2^rowBits × dim}), then per layer its weights ({@code dim × 3 × dim}) and biases, then the output vector. */
  final float[] params;

  ConvEncoder(int rowBits, int dim, int[] dilations, float[] params) {
    if (rowBits < 8 || rowBits > 20 || dim < 4 || dim > 256 || dilations.length < 1 || dilations.length > 8
        || params.length != size(rowBits, dim, dilations.length)) {
      throw new IllegalArgumentException("inconsistent encoder");
    }
    this.dilations = dilations.clone();
    this.rowBits = rowBits;
    this.dim = dim;
    this.params = params;
  }

  static int size(int rowBits, int dim, int layers) {
    return (dim << rowBits) + layers * (3 * dim * dim + dim) + dim;
  }

  private int layerOffset(int l) {
    return (dim << rowBits) + l * (3 * dim * dim + dim);
  }

  private int outOffset() {
    return layerOffset(dilations.length);
  }

  long bytes() {
    return 4L * params.length;
  }

  /** Per-thread scratch: inputs and activations. */
  static final class Work {
    int[] in = new int[256];
    int[] offs = new int[33];
    /** Where each syllable's lexical inputs (forms, letters) end; the context inputs follow. */
    int[] lexEnd = new int[32];
    int size;
    /** In training: each syllable's lexical inputs dropped, and the scale of every input element. */
    boolean[] dropWord = new boolean[0];
    float[] keep = new float[0];
    float[] h = new float[0];
    boolean[] on = new boolean[0];
    float[] dh = new float[0];
    float[] dh2 = new float[0];
    double[] out = new double[32];

    /** Grows the arrays for {@code n} syllables of an encoder of this width and depth (each array on its own). */
    void ensure(int n, int dim, int layers) {
      if (h.length < (layers + 1) * n * dim) {
        h = new float[2 * (layers + 1) * n * dim];
      }
      if (on.length < layers * n * dim) {
        on = new boolean[2 * layers * n * dim];
      }
      if (dh.length < n * dim) {
        dh = new float[2 * n * dim];
        dh2 = new float[dh.length];
      }
      if (out.length < n) {
        out = new double[Math.max(n, out.length * 2)];
      }
    }

    private void add(int template, long v, int mask) {
      if (size == in.length) {
        in = Arrays.copyOf(in, size * 2);
      }
      in[size++] = Features.index(template, v, mask);
    }
  }

  /**
   * The embedding rows of every syllable, into {@code w.in} ({@code w.offs[i] .. w.offs[i+1]}), from the hashes
   * and covers {@link Features} left in {@code b}.
   */
  static void inputs(String text, Positions p, Features.Buffer b, boolean clusters, int rowBits, Work w) {
    int n = b.n;
    int mask = (1 << rowBits) - 1;
    if (w.offs.length < n + 1) {
      w.offs = new int[Math.max(n + 1, w.offs.length * 2)];
      w.lexEnd = new int[w.offs.length];
    }
    w.size = 0;
    int after = n == 0 ? 0 : Features.gap(text, 0, p.start(0), true);
    for (int i = 0; i < n; i++) {
      w.offs[i] = w.size;
      w.add(SYLLABLE, b.fo[i], mask);
      w.add(EXACT, b.ex[i], mask);
      int len = p.charLength(i);
      if (len > 0) {
        long pre = 0;
        long suf = 0;
        for (int k = 0; k < Math.min(3, len); k++) {
          pre = pre * 131 + p.foldChar(i, k) + 1;
          suf = suf * 131 + p.foldChar(i, len - 1 - k) + 1;
        }
        w.add(PREFIX, pre, mask);
        w.add(SUFFIX, suf, mask);
        for (int k = -1; len > 3 && k + 2 <= len; k++) {
          long t = 0;
          for (int j = k; j < k + 3; j++) {
            char ch = j < 0 ? '^' : j >= len ? '$' : p.foldChar(i, j);
            t = t * 131 + ch + 1;
          }
          w.add(TRIGRAM, t, mask);
        }
      }
      w.lexEnd[i] = w.size;
      int c = b.cover[i];
      for (int bit = c & 0x7fff; bit != 0; bit &= bit - 1) {
        w.add(CATEGORY, Integer.numberOfTrailingZeros(bit) * 2L + ((c & Features.ACTING) != 0 ? 1 : 0), mask);
      }
      int before = after;
      after = Features.gap(text, p.end(i), i + 1 < n ? p.start(i + 1) : text.length(), i + 1 == n);
      w.add(PUNCT, before * 16L + after, mask);
      if (clusters) {
        w.add(CLUSTER, WordClusters.prefix(b.cluster[i], 6), mask);
      }
    }
    w.offs[n] = w.size;
  }

  /** Adds the encoder's score to every syllable's I emission in {@code b.emit} (after {@link Features#sum}). */
  void addTo(String text, Positions p, Features.Buffer b, boolean clusters) {
    int n = b.n;
    if (n == 0) {
      return;
    }
    if (b.encoder == null) {
      b.encoder = new Work();
    }
    Work w = b.encoder;
    inputs(text, p, b, clusters, rowBits, w);
    forward(params, w.in, w.offs, n, w);
    for (int i = 0; i < n; i++) {
      b.emit[i] += w.out[i];
    }
  }

  /** The forward pass with {@code p}'s parameters: activations kept in {@code w}, scores in {@code w.out}. */
  void forward(float[] p, int[] in, int[] offs, int n, Work w) {
    w.ensure(n, dim, dilations.length);
    embed(p, in, offs, null, null, n, w);
    convolve(p, n, w);
  }

  /** The inputs' embeddings summed per syllable into the first layer of {@code w.h}, skipping dropped words. */
  void embed(float[] p, int[] in, int[] offs, int[] lexEnd, boolean[] drop, int n, Work w) {
    int d = dim;
    float[] h = w.h;
    Arrays.fill(h, 0, n * d, 0f);
    for (int i = 0; i < n; i++) {
      int hi = i * d;
      int from = drop != null && drop[i] ? lexEnd[i] : offs[i];
      for (int k = from; k < offs[i + 1]; k++) {
        int row = in[k] * d;
        for (int c = 0; c < d; c++) {
          h[hi + c] += p[row + c];
        }
      }
    }
  }

  void convolve(float[] p, int n, Work w) {
    int d = dim;
    float[] h = w.h;
    for (int l = 0; l < dilations.length; l++) {
      int src = l * n * d;
      int dst = (l + 1) * n * d;
      int wOff = layerOffset(l);
      int bOff = wOff + 3 * d * d;
      int dil = dilations[l];
      int onOff = l * n * d;
      for (int i = 0; i < n; i++) {
        for (int o = 0; o < d; o++) {
          double acc = p[bOff + o];
          for (int k = 0; k < 3; k++) {
            int j = i + (k - 1) * dil;
            if (j < 0 || j >= n) {
              continue;
            }
            int wr = wOff + (o * 3 + k) * d;
            int hj = src + j * d;
            for (int c = 0; c < d; c++) {
              acc += p[wr + c] * h[hj + c];
            }
          }
          boolean on = acc > 0;
          w.on[onOff + i * d + o] = on;
          h[dst + i * d + o] = h[src + i * d + o] + (on ? (float) acc : 0f);
        }
      }
    }
    int top = dilations.length * n * d;
    int vOff = outOffset();
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int c = 0; c < d; c++) {
        s += p[vOff + c] * h[top + i * d + c];
      }
      w.out[i] = s;
    }
  }

  /** Writes the encoder (after the rest of a tagger model). */
  void write(DataOutputStream d) throws IOException {
    d.writeUTF(KIND);
    d.writeInt(rowBits);
    d.writeInt(dim);
    d.writeInt(dilations.length);
    for (int dil : dilations) {
      d.writeInt(dil);
    }
    ByteBuffer bb = ByteBuffer.allocate(4 * params.length).order(ByteOrder.BIG_ENDIAN);
    bb.asFloatBuffer().put(params);
    d.write(bb.array());
  }

  static ConvEncoder read(DataInputStream in) throws IOException {
    String kind = in.readUTF();
    int rowBits = in.readInt();
    int dim = in.readInt();
    int layers = in.readInt();
    if (!KIND.equals(kind) || rowBits < 8 || rowBits > 20 || dim < 4 || dim > 256 || layers < 1 || layers > 8) {
      throw new IOException("tagger model with an unknown encoder (" + kind + ", 2^" + rowBits + " rows of " + dim
          + ", " + layers + " layers)");
    }
    int[] dilations = new int[layers];
    for (int l = 0; l < layers; l++) {
      dilations[l] = in.readInt();
      if (dilations[l] < 1 || dilations[l] > 64) {
        throw new IOException("corrupt tagger model (encoder dilation " + dilations[l] + ")");
      }
    }
    byte[] raw = new byte[4 * size(rowBits, dim, layers)];
    in.readFully(raw);
    float[] params = new float[size(rowBits, dim, layers)];
    ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(params);
    for (float v : params) {
      if (!Float.isFinite(v)) {
        throw new IOException("corrupt tagger model (encoder weight " + v + ")");
      }
    }
    return new ConvEncoder(rowBits, dim, dilations, params);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConvEncoder e && rowBits == e.rowBits && dim == e.dim && Arrays.equals(dilations, e.dilations)
        && Arrays.equals(params, e.params);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(params);
  }

  /**
   * Training state: the current parameters, AdaGrad's sums of squared gradients and the sums that give the
   * averaged parameters ({@code current - u / c}, as the linear weights are averaged).
   */
  static final class Fit {
    final ConvEncoder shape;
    final float[] p;
    private final float[] g2;
    private final double[] u;
    private final double[] grad;
    private final double lr;
    private final double wordDrop;
    private final double dropout;
    private final Random random;

    /**
     * @param wordDrop in training, the share of syllables whose lexical inputs (forms, letters) are left out, so
     *     that the encoder learns from the context
     * @param dropout in training, the share of input elements set to zero (the others scaled up)
     */
    Fit(int rowBits, int dim, int[] dilations, long seed, double lr, double wordDrop, double dropout) {
      this.wordDrop = wordDrop;
      this.dropout = dropout;
      this.random = new Random(seed * 0x9E3779B97F4A7C15L + 13);
      int size = size(rowBits, dim, dilations.length);
      this.shape = new ConvEncoder(rowBits, dim, dilations, new float[size]);
      this.p = new float[size];
      this.g2 = new float[p.length];
      this.u = new double[p.length];
      this.lr = lr;
      int dense = p.length - (dim << rowBits);
      this.grad = new double[dense];
      Random r = new Random(seed * 0x5DEECE66DL + 11);
      int emb = dim << rowBits;
      for (int k = 0; k < emb; k++) {
        p[k] = (float) (r.nextGaussian() * 0.1);
      }
      double conv = Math.sqrt(2.0 / (3 * dim));
      for (int l = 0; l < dilations.length; l++) {
        int w = shape.layerOffset(l);
        for (int k = 0; k < 3 * dim * dim; k++) {
          p[w + k] = (float) (r.nextGaussian() * conv);
        }
      }
      int v = shape.outOffset();
      for (int c = 0; c < dim; c++) {
        p[v + c] = (float) (r.nextGaussian() * 0.01);
      }
    }

    /** The scores of the current parameters, into {@code w.out}, with this step's dropout. */
    void forward(int[] in, int[] offs, int[] lexEnd, int n, Work w) {
      int d = shape.dim;
      w.ensure(n, d, shape.dilations.length);
      if (w.keep.length < n * d) {
        w.dropWord = new boolean[w.h.length];
        w.keep = new float[w.h.length];
      }
      for (int i = 0; i < n; i++) {
        w.dropWord[i] = wordDrop > 0 && random.nextDouble() < wordDrop;
      }
      shape.embed(p, in, offs, lexEnd, w.dropWord, n, w);
      float up = (float) (1 / (1 - dropout));
      for (int k = 0; k < n * d; k++) {
        float keep = dropout > 0 ? (random.nextDouble() < dropout ? 0f : up) : 1f;
        w.keep[k] = keep;
        w.h[k] *= keep;
      }
      shape.convolve(p, n, w);
    }

    /**
     * After {@link #forward} on the same comment: one AdaGrad step up the log-likelihood, whose gradient with
     * respect to syllable i's score is {@code g[i]} (gold minus marginal); {@code c} is the update count.
     */
    void backward(double[] g, int[] in, int[] offs, int[] lexEnd, int n, Work w, long c) {
      int d = shape.dim;
      int emb = d << shape.rowBits;
      float[] h = w.h;
      Arrays.fill(grad, 0);
      int vOff = shape.outOffset();
      int top = shape.dilations.length * n * d;
      float[] dh = w.dh;
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
          grad[vOff - emb + k] += g[i] * h[top + i * d + k];
          dh[i * d + k] = (float) (g[i] * p[vOff + k]);
        }
      }
      for (int l = shape.dilations.length - 1; l >= 0; l--) {
        int src = l * n * d;
        int wOff = shape.layerOffset(l);
        int bOff = wOff + 3 * d * d;
        int dil = shape.dilations[l];
        int onOff = l * n * d;
        float[] prev = w.dh2;
        System.arraycopy(dh, 0, prev, 0, n * d);
        for (int i = 0; i < n; i++) {
          for (int o = 0; o < d; o++) {
            if (!w.on[onOff + i * d + o]) {
              continue;
            }
            float dz = dh[i * d + o];
            if (dz == 0) {
              continue;
            }
            grad[bOff - emb + o] += dz;
            for (int k = 0; k < 3; k++) {
              int j = i + (k - 1) * dil;
              if (j < 0 || j >= n) {
                continue;
              }
              int wr = wOff + (o * 3 + k) * d;
              int gr = wr - emb;
              int hj = src + j * d;
              int pj = j * d;
              for (int x = 0; x < d; x++) {
                grad[gr + x] += dz * h[hj + x];
                prev[pj + x] += p[wr + x] * dz;
              }
            }
          }
        }
        w.dh2 = dh;
        w.dh = prev;
        dh = prev;
      }
      for (int k = 0; k < grad.length; k++) {
        step(emb + k, grad[k], c);
      }
      for (int k = 0; k < n * d; k++) {
        dh[k] *= w.keep[k];
      }
      for (int i = 0; i < n; i++) {
        for (int k = w.dropWord[i] ? lexEnd[i] : offs[i]; k < offs[i + 1]; k++) {
          int row = in[k] * d;
          for (int x = 0; x < d; x++) {
            step(row + x, dh[i * d + x], c);
          }
        }
      }
    }

    private void step(int k, double g, long c) {
      if (g == 0) {
        return;
      }
      g2[k] += (float) (g * g);
      double s = lr * g / (Math.sqrt(g2[k]) + 1e-8);
      p[k] += (float) s;
      u[k] += c * s;
    }

    /** The averaged parameters after {@code c} updates. */
    ConvEncoder averaged(long c) {
      float[] avg = new float[p.length];
      for (int k = 0; k < p.length; k++) {
        avg[k] = (float) (p[k] - u[k] / c);
      }
      return new ConvEncoder(shape.rowBits, shape.dim, shape.dilations, avg);
    }
  }
}
