package vn.lanhmanh.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Word clusters of folded syllables, learned from unlabelled text: every syllable seen often enough gets a
 * path of up to {@link #DEPTH} bits in a binary tree of clusters (syllables used in similar contexts share
 * long prefixes), so the tagger can generalise from a training syllable to others it never saw labelled.
 * Keyed by the 64-bit hash of the folded syllable ({@code Positions.charHash(i, true, vocab)}).
 *
 * <p>Built by {@link #build}: counts of the left and right neighbours (±1, ±2) of each syllable over the
 * most frequent context syllables, positive pointwise mutual information, a seeded random projection to
 * {@link #DIMENSIONS} dimensions, then recursive spherical 2-means down to {@link #DEPTH} levels.
 * Deterministic for the same texts and seed. Immutable and thread-safe once built; a look-up is one probe
 * of an open-addressing table and allocates nothing.
 */
final class WordClusters {

  /** Bits of a path; the path's length is kept in the low bits of the stored value. */
  static final int DEPTH = 10;
  static final int DIMENSIONS = 64;
  private static final int CONTEXTS = 3000;
  private static final int MIN_COUNT = 3;

  private final long[] keys;
  /** {@code path << 4 | length}, 0 for an empty slot. */
  private final short[] values;
  private final int mask;
  private final int size;

  private WordClusters(long[] keys, short[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.mask = keys.length - 1;
    this.size = size;
  }

  /** Heap taken by the table, in bytes. */
  long bytes() {
    return 10L * keys.length;
  }

  /** Syllables with a cluster. */
  int size() {
    return size;
  }

  /** The cluster code of a folded-syllable hash ({@code path << 4 | length}), or 0 when unknown. */
  int code(long hash) {
    int slot = slot(hash, mask);
    while (true) {
      short v = values[slot];
      if (v == 0) {
        return 0;
      }
      if (keys[slot] == hash) {
        return v & 0xffff;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The first {@code bits} bits of a code's path with that length (a distinct id per prefix), 0 if unknown. */
  static int prefix(int code, int bits) {
    if (code == 0) {
      return 0;
    }
    int length = code & 15;
    int path = code >>> 4;
    int b = Math.min(bits, length);
    return ((path >>> (length - b)) << 4 | b) + 1;
  }

  private static int slot(long hash, int mask) {
    long z = hash * 0x9E3779B97F4A7C15L;
    return (int) (z ^ (z >>> 32)) & mask;
  }

  private static WordClusters of(long[] hashes, int[] codes) {
    int cap = Integer.highestOneBit(Math.max(16, hashes.length * 2)) * 2;
    long[] keys = new long[cap];
    short[] values = new short[cap];
    for (int k = 0; k < hashes.length; k++) {
      int slot = slot(hashes[k], cap - 1);
      while (values[slot] != 0 && keys[slot] != hashes[k]) {
        slot = (slot + 1) & (cap - 1);
      }
      keys[slot] = hashes[k];
      values[slot] = (short) codes[k];
    }
    return new WordClusters(keys, values, hashes.length);
  }

  /** Writes the table: count, then (hash, code) pairs in ascending hash order (the same table, the same bytes). */
  void write(DataOutputStream d) throws IOException {
    long[] h = new long[size];
    int n = 0;
    for (int s = 0; s < keys.length; s++) {
      if (values[s] != 0) {
        h[n++] = keys[s];
      }
    }
    Arrays.sort(h);
    d.writeInt(size);
    for (long key : h) {
      d.writeLong(key);
      d.writeShort(code(key));
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WordClusters w) || w.size != size) {
      return false;
    }
    for (int s = 0; s < keys.length; s++) {
      if (values[s] != 0 && w.code(keys[s]) != (values[s] & 0xffff)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return size;
  }

  static WordClusters read(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 22) {
      throw new IOException("corrupt tagger model (" + n + " word clusters)");
    }
    long[] hashes = new long[n];
    int[] codes = new int[n];
    for (int k = 0; k < n; k++) {
      hashes[k] = in.readLong();
      codes[k] = in.readShort() & 0xffff;
      if (codes[k] == 0 || (codes[k] & 15) > DEPTH) {
        throw new IOException("corrupt tagger model (word cluster code " + codes[k] + ")");
      }
    }
    return of(hashes, codes);
  }

  /**
   * Learns clusters from texts given as sequences of folded-syllable hashes (one array per sentence or
   * comment).
   */
  static WordClusters build(List<long[]> texts, long seed) {
    Map<Long, int[]> counts = new HashMap<>();
    for (long[] t : texts) {
      for (long h : t) {
        counts.computeIfAbsent(h, k -> new int[1])[0]++;
      }
    }
    // vocabulary: syllables seen at least MIN_COUNT times, ordered by count then hash (deterministic)
    List<long[]> byCount = new ArrayList<>();
    for (Map.Entry<Long, int[]> e : counts.entrySet()) {
      if (e.getValue()[0] >= MIN_COUNT) {
        byCount.add(new long[] {e.getKey(), e.getValue()[0]});
      }
    }
    byCount.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
    int v = byCount.size();
    Map<Long, Integer> index = new HashMap<>();
    for (int k = 0; k < v; k++) {
      index.put(byCount.get(k)[0], k);
    }
    int contexts = Math.min(CONTEXTS, v) + 1; // the last is the text's edge
    int offsets = 4; // -2, -1, +1, +2
    int dims = contexts * offsets;
    // co-occurrences as (word, context dimension) pairs packed in longs, sorted and counted by runs
    long[] pairs = new long[1 << 16];
    int pairCount = 0;
    long[] dimTotals = new long[dims];
    long[] rowTotals = new long[v];
    long total = 0;
    int[] deltas = {-2, -1, 1, 2};
    int[] ids = new int[64];
    for (long[] t : texts) {
      if (ids.length < t.length) {
        ids = new int[Math.max(t.length, ids.length * 2)];
      }
      for (int i = 0; i < t.length; i++) {
        Integer w = index.get(t[i]);
        ids[i] = w == null ? -1 : w;
      }
      for (int i = 0; i < t.length; i++) {
        int w = ids[i];
        if (w < 0) {
          continue;
        }
        for (int o = 0; o < offsets; o++) {
          int j = i + deltas[o];
          int ctx;
          if (j < 0 || j >= t.length) {
            ctx = contexts - 1;
          } else {
            ctx = ids[j];
            if (ctx < 0 || ctx >= contexts - 1) {
              continue;
            }
          }
          int dim = o * contexts + ctx;
          if (pairCount == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
          }
          pairs[pairCount++] = (long) w * dims + dim;
          dimTotals[dim]++;
          rowTotals[w]++;
          total++;
        }
      }
    }
    Arrays.sort(pairs, 0, pairCount);
    // seeded random projection of the PPMI rows to DIMENSIONS dimensions (+-1 entries)
    Random random = new Random(seed * 1_000_003L + 17);
    float[][] projection = new float[dims][DIMENSIONS];
    for (float[] row : projection) {
      for (int d = 0; d < DIMENSIONS; d++) {
        row[d] = random.nextBoolean() ? 1f : -1f;
      }
    }
    double[][] vec = new double[v][DIMENSIONS];
    for (int k = 0; k < pairCount; ) {
      long key = pairs[k];
      int run = 0;
      while (k < pairCount && pairs[k] == key) {
        run++;
        k++;
      }
      int w = (int) (key / dims);
      int dim = (int) (key % dims);
      double pmi = Math.log((double) run * total / ((double) rowTotals[w] * dimTotals[dim]));
      if (pmi <= 0) {
        continue;
      }
      float[] p = projection[dim];
      double[] x = vec[w];
      for (int d = 0; d < DIMENSIONS; d++) {
        x[d] += pmi * p[d];
      }
    }
    for (double[] x : vec) {
      normalise(x);
    }
    int[] codes = new int[v];
    int[] members = new int[v];
    for (int k = 0; k < v; k++) {
      members[k] = k;
    }
    split(vec, members, 0, v, 0, 0, codes);
    long[] hashes = new long[v];
    for (int k = 0; k < v; k++) {
      hashes[k] = byCount.get(k)[0];
    }
    return of(hashes, codes);
  }

  private static void normalise(double[] x) {
    double s = 0;
    for (double d : x) {
      s += d * d;
    }
    if (s > 0) {
      double inv = 1 / Math.sqrt(s);
      for (int d = 0; d < x.length; d++) {
        x[d] *= inv;
      }
    }
  }

  /** Recursive spherical 2-means over {@code members[from, to)}; leaves get {@code path << 4 | depth}. */
  private static void split(double[][] vec, int[] members, int from, int to, int depth, int path, int[] codes) {
    if (depth == DEPTH || to - from < 8) {
      for (int k = from; k < to; k++) {
        codes[members[k]] = path << 4 | depth;
      }
      if (depth == 0) {
        for (int k = from; k < to; k++) {
          codes[members[k]] = 1 << 4 | 1; // a tiny vocabulary: one cluster (codes are never 0)
        }
      }
      return;
    }
    int dims = vec[0].length;
    // seeds: the most frequent member (first, members are in frequency order) and the one least like it
    double[] a = vec[members[from]].clone();
    int far = from;
    double worst = 2;
    for (int k = from; k < to; k++) {
      double s = dot(vec[members[k]], a);
      if (s < worst) {
        worst = s;
        far = k;
      }
    }
    double[] b = vec[members[far]].clone();
    boolean[] side = new boolean[to - from];
    for (int iter = 0; iter < 12; iter++) {
      double[] na = new double[dims];
      double[] nb = new double[dims];
      boolean changed = false;
      for (int k = from; k < to; k++) {
        double[] x = vec[members[k]];
        boolean toB = dot(x, b) > dot(x, a);
        if (toB != side[k - from]) {
          changed = true;
          side[k - from] = toB;
        }
        double[] sum = toB ? nb : na;
        for (int d = 0; d < dims; d++) {
          sum[d] += x[d];
        }
      }
      normalise(na);
      normalise(nb);
      a = na;
      b = nb;
      if (!changed && iter > 0) {
        break;
      }
    }
    // stable partition: side A first, each side keeping frequency order
    int[] tmp = new int[to - from];
    int n = 0;
    for (int k = from; k < to; k++) {
      if (!side[k - from]) {
        tmp[n++] = members[k];
      }
    }
    int mid = from + n;
    for (int k = from; k < to; k++) {
      if (side[k - from]) {
        tmp[n++] = members[k];
      }
    }
    System.arraycopy(tmp, 0, members, from, tmp.length);
    if (mid == from || mid == to) {
      for (int k = from; k < to; k++) {
        codes[members[k]] = path << 4 | Math.max(depth, 1);
      }
      return;
    }
    split(vec, members, from, mid, depth + 1, path << 1, codes);
    split(vec, members, mid, to, depth + 1, path << 1 | 1, codes);
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int d = 0; d < x.length; d++) {
      s += x[d] * y[d];
    }
    return s;
  }
}
