package vn.lanhmanh.model;

import java.util.Arrays;
import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * The tagger's features for every syllable position of a text, as indices into a hashed weight table.
 * Templates: the exact and folded syllable, the folded neighbours at ±1 and ±2 and the exact ones at ±1,
 * bigrams and a trigram, the syllable's shape (diacritics written, capitals, teencode expansion, length), the
 * punctuation around it, its place in the text, the lexicon findings covering it and its neighbours, the
 * distance to the nearest harassment or profanity finding, and the {@link PositionTags} hook.
 *
 * <p>Uses a {@link Buffer} owned by the calling thread; allocates nothing once the buffer has grown.
 */
final class Features {

  /**
   * Concepts the shipped classifiers do not read: the words that frame a rule or a denial ({@link
   * Concept#ANYONE_WHO}, {@link Concept#REFUSAL_ADVICE}, {@link Concept#NEVER_ASKS}, {@link Concept#REQUEST_TURN})
   * and a present for the parents ({@link Concept#GIFT_FOR_PARENTS}), all added after the classifiers were trained
   * (fifty-third round), a donation and a private account ({@link Concept#DONATION}, {@link
   * Concept#PERSONAL_ACCOUNT}, fifty-fifth round), a vote asked ({@link Concept#VOTE_ASKED}, fifty-sixth round) and a
   * pyramid's promise and a turn to another matter ({@link Concept#PYRAMID}, {@link Concept#PIVOT}, fifty-seventh round).
   * They mark where other concepts are voided or compose one rule, not a harm of their own; read as features, their
   * hashed buckets moved the classifiers' scores on texts they did not concern.
   */
  static final ConceptSet UNREAD = ConceptSet.of(Concept.ANYONE_WHO, Concept.REFUSAL_ADVICE, Concept.NEVER_ASKS,
      Concept.REQUEST_TURN, Concept.GIFT_FOR_PARENTS, Concept.DONATION, Concept.PERSONAL_ACCOUNT, Concept.VOTE_ASKED,
      Concept.PYRAMID, Concept.PIVOT);

  // Template ids, mixed into every feature hash. Never renumber: the shipped model depends on them.
  private static final int BIAS = 1;
  private static final int X0 = 2;
  private static final int F0 = 3;
  private static final int FM1 = 4;
  private static final int FP1 = 5;
  private static final int FM2 = 6;
  private static final int FP2 = 7;
  private static final int XM1 = 8;
  private static final int XP1 = 9;
  private static final int BI_M = 10;
  private static final int BI_P = 11;
  private static final int XBI_M = 12;
  private static final int XBI_P = 13;
  private static final int TRI = 14;
  private static final int SHAPE = 15;
  private static final int PUNCT = 16;
  private static final int PLACE = 17;
  private static final int LENGTH = 18;
  private static final int CAT = 19;
  private static final int CAT_M1 = 20;
  private static final int CAT_P1 = 21;
  private static final int RULE = 22;
  private static final int DIST = 23;
  private static final int ABUSIVE_F0 = 24;
  private static final int TAG = 25;
  private static final int TAG_NEAR = 26;
  private static final int PUNCT_F0 = 27;
  private static final int KNOWN = 30;
  // Optional templates (a model says which it reads: TaggerModel.EXTRA_FEATURES)
  private static final int CHAR_PREFIX = 31;
  private static final int CHAR_SUFFIX = 32;
  private static final int CHAR_TRI = 33;
  private static final int CLUSTER_0 = 34;
  private static final int CLUSTER_M1 = 35;
  private static final int CLUSTER_P1 = 36;
  private static final int CLUSTER_BI = 37;
  private static final int CLUSTER_M2 = 38;
  private static final int CLUSTER_P2 = 39;
  private static final int CLUSTER_X0 = 40;
  private static final int CLUSTER_BI_P = 41;

  /** Optional feature family: character n-grams of the folded syllable (teencode, misspellings). */
  static final int CHARGRAMS = 1;
  /** Optional feature family: word clusters of the syllable and its neighbours ({@link WordClusters}). */
  static final int CLUSTERS = 2;
  /** Cluster path prefix lengths used as features. */
  private static final int[] PREFIXES = {4, 6, 8, 10};

  private static final long BOS = 0x1234_5678_9abc_def1L;
  private static final long EOS = 0x0fed_cba9_8765_4321L;
  /**
   * Templates whose values are mostly small: a check reads their weights from {@link #smallTables} (values
   * -1 to size - 2) instead of hashing into the big table. Size by template id; 0 for the others.
   */
  private static final int[] SMALL = new int[CLUSTER_BI_P + 1];

  static {
    SMALL[BIAS] = 2;
    SMALL[KNOWN] = 8;
    SMALL[SHAPE] = 256;
    SMALL[PUNCT] = 256;
    SMALL[PLACE] = 32;
    SMALL[LENGTH] = 16;
    SMALL[CAT] = 64;
    SMALL[DIST] = 128;
    SMALL[TAG] = 72;
    SMALL[TAG_NEAR] = 72;
    SMALL[CLUSTER_0] = 4096;
    SMALL[CLUSTER_M1] = 1032;
    SMALL[CLUSTER_P1] = 1032;
    SMALL[CLUSTER_M2] = 264;
    SMALL[CLUSTER_P2] = 264;
    SMALL[CHAR_PREFIX] = 256;
    SMALL[CHAR_SUFFIX] = 256;
  }

  /**
   * For a check: the weight of every small value of the {@link #SMALL} templates, {@code [template][(value +
   * 1) * lanes + lane]}, copied from {@code weights} (null for the other templates). About 16 KB per lane that
   * stay in the cache.
   *
   * @param lanes the number of weights per feature ({@code weights[index * lanes + lane]})
   */
  static short[][] smallTables(short[] weights, int lanes) {
    int mask = weights.length / lanes - 1;
    short[][] out = new short[SMALL.length][];
    for (int t = 0; t < SMALL.length; t++) {
      if (SMALL[t] > 0) {
        out[t] = new short[SMALL[t] * lanes];
        for (int v = -1; v < SMALL[t] - 1; v++) {
          for (int l = 0; l < lanes; l++) {
            out[t][(v + 1) * lanes + l] = weights[index(t, v, mask) * lanes + l];
          }
        }
      }
    }
    return out;
  }

  /** Bit of {@link Buffer#cover} for a covering finding rated K or above. */
  static final int ACTING = 1 << 15;

  private Features() {}

  /** Per-thread scratch: hashes, category covers, feature indices. */
  static final class Buffer {
    int n;
    long[] ex = new long[64];
    long[] fo = new long[64];
    int[] cover = new int[64];
    long[] rule = new long[64];
    int[] offs = new int[65];
    /** Word-cluster code per position (0 without clusters). */
    int[] cluster = new int[64];
    int[] feats = new int[64 * 32];
    int size;
    /** Emission scores and their exponentials, filled by the tagger. */
    double[] emit = new double[64];
    /** With several lanes: lane l's emission at position i in {@code laneEmit[i * lanes + l]}. */
    double[] laneEmit = new double[64];
    /** With several lanes: one lane's marginals, before they are averaged into {@link #marg}. */
    double[] laneMarg = new double[64];
    double[] scratchA = new double[128];
    double[] scratchB = new double[128];
    byte[] path = new byte[64];
    int[] back = new int[128];
    double[] marg = new double[64];
    /** The neural encoder's scratch, made by its first use. */
    ConvEncoder.Work encoder;
    /**
     * The concepts per position, filled by {@link #conceptTags}: word {@code w} of a {@link ConceptSet} at
     * {@code ConceptSet.WORDS * position + w}.
     */
    long[] concepts = new long[64 * ConceptSet.WORDS];
    private final PositionTags conceptView = new PositionTags() {
      @Override
      public long tags(int position) {
        return concepts[ConceptSet.WORDS * position];
      }

      @Override
      public long tags(int position, int w) {
        return concepts[ConceptSet.WORDS * position + w];
      }
    };

    /** The concept hits of {@code state} as tags per syllable position (a view over this buffer). */
    PositionTags conceptTags(vn.lanhmanh.match.MatchState state) {
      int n = state.positions().size();
      int words = ConceptSet.WORDS;
      if (concepts.length < words * n) {
        concepts = new long[Math.max(words * n, concepts.length * 2)];
      }
      Arrays.fill(concepts, 0, words * n, 0L);
      for (int k = 0; k < state.conceptCount(); k++) {
        for (int i = Math.max(0, state.conceptStartPos(k)), e = Math.min(n - 1, state.conceptEndPos(k)); i <= e;
            i++) {
          for (int w = 0; w < words; w++) {
            concepts[words * i + w] |= state.conceptWord(k, w) & ~UNREAD.word(w);
          }
        }
      }
      return conceptView;
    }

    double[] marginal(int n) {
      if (marg.length < n) {
        marg = new double[Math.max(n, marg.length * 2)];
      }
      return marg;
    }

    void ensure(int n) {
      if (ex.length < n) {
        int m = Math.max(n, ex.length * 2);
        ex = new long[m];
        fo = new long[m];
        cover = new int[m];
        rule = new long[m];
        offs = new int[m + 1];
        emit = new double[m];
        scratchA = new double[2 * m];
        scratchB = new double[2 * m];
        path = new byte[m];
        back = new int[2 * m];
      }
    }

    /** When set (running a model), features are summed into {@link #sum} instead of being stored. */
    short[] weights;
    /** With {@link #weights}: its {@link Features#smallTables}. */
    short[][] smallWeights;
    /** With {@link #weights}: how many weights each feature has (one per lane of an ensemble). */
    int lanes = 1;
    int sum;
    /** With several lanes: each lane's sum. */
    final int[] sums = new int[TaggerModel.MAX_LANES];

    /**
     * As {@link #add}, for a template of {@link #SMALL}: a check reads a small value's weight from the
     * small tables (the same weight, without the hash and the far read).
     */
    void small(int template, long v, int mask) {
      if (weights != null) {
        short[] t = smallWeights[template];
        long j = v + 1;
        if (lanes == 1) {
          if (j >= 0 && j < t.length) {
            sum += t[(int) j];
            return;
          }
        } else if (j >= 0 && j < t.length / lanes) {
          int base = (int) j * lanes;
          for (int l = 0; l < lanes; l++) {
            sums[l] += t[base + l];
          }
          return;
        }
      }
      add(template, v, mask);
    }

    void add(int template, long h, int mask) {
      int f = index(template, h, mask);
      if (weights != null) {
        if (lanes == 1) {
          sum += weights[f];
        } else {
          int base = f * lanes;
          for (int l = 0; l < lanes; l++) {
            sums[l] += weights[base + l];
          }
        }
        return;
      }
      if (size == feats.length) {
        feats = Arrays.copyOf(feats, feats.length * 2);
      }
      feats[size++] = f;
    }

    /** Drops arrays grown for a very long text. */
    void trim(int max) {
      if (ex.length > max) {
        Buffer fresh = new Buffer();
        ex = fresh.ex;
        fo = fresh.fo;
        cover = fresh.cover;
        rule = fresh.rule;
        offs = fresh.offs;
        feats = fresh.feats;
        emit = fresh.emit;
        laneEmit = fresh.laneEmit;
        laneMarg = fresh.laneMarg;
        scratchA = fresh.scratchA;
        scratchB = fresh.scratchB;
        path = fresh.path;
        back = fresh.back;
        marg = fresh.marg;
        concepts = fresh.concepts;
        cluster = fresh.cluster;
        encoder = null;
      }
    }
  }

  static int index(int template, long h, int mask) {
    long z = h * 0x9E3779B97F4A7C15L + template * 0xC2B2AE3D27D4EB4FL;
    z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 29)) * 0x94D049BB133111EBL;
    z ^= z >>> 32;
    return (int) z & mask;
  }

  static long pair(long a, long b) {
    return a * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(b, 23) * 0xC2B2AE3D27D4EB4FL;
  }

  /**
   * Fills {@code b} with the features of every position of {@code p}: position {@code i}'s are
   * {@code b.feats[b.offs[i] .. b.offs[i+1])} (for training).
   *
   * @param lexicon the lexicon's findings for this text (personal-information findings are ignored)
   * @param mask the weight table's size minus one (a power of two minus one)
   */
  static void extract(String text, Positions p, Vocabulary vocab, List<Finding> lexicon, PositionTags tags,
      int mask, Buffer b) {
    extract(text, p, vocab, lexicon, tags, 0, null, mask, b);
  }

  /** As {@link #extract}, with optional feature families ({@link #CHARGRAMS}, {@link #CLUSTERS}). */
  static void extract(String text, Positions p, Vocabulary vocab, List<Finding> lexicon, PositionTags tags,
      int extras, WordClusters clusters, int mask, Buffer b) {
    b.weights = null;
    run(text, p, vocab, lexicon, tags, extras, clusters, mask, b);
  }

  /**
   * Sums the weights of every position's features into {@code b.emit} (unscaled; with several lanes, into
   * {@code b.laneEmit}), without storing the features: what a check does.
   *
   * @param lanes weights per feature ({@code weights[index * lanes + lane]})
   */
  static void sum(String text, Positions p, Vocabulary vocab, List<Finding> lexicon, PositionTags tags,
      int extras, WordClusters clusters, short[] weights, short[][] smallWeights, int lanes, Buffer b) {
    b.weights = weights;
    b.smallWeights = smallWeights;
    b.lanes = lanes;
    if (lanes > 1 && b.laneEmit.length < p.size() * lanes) {
      b.laneEmit = new double[Math.max(p.size(), b.ex.length) * lanes];
    }
    try {
      run(text, p, vocab, lexicon, tags, extras, clusters, weights.length / lanes - 1, b);
    } finally {
      b.weights = null;
      b.smallWeights = null;
      b.lanes = 1;
    }
  }

  private static void run(String text, Positions p, Vocabulary vocab, List<Finding> lexicon, PositionTags tags,
      int extras, WordClusters clusters, int mask, Buffer b) {
    int n = p.size();
    b.ensure(n);
    if (b.cluster.length < n) {
      b.cluster = new int[Math.max(n, b.cluster.length * 2)];
    }
    b.n = n;
    b.size = 0;
    long[] ex = b.ex;
    long[] fo = b.fo;
    int[] cover = b.cover;
    long[] rule = b.rule;
    boolean abusive = false;
    for (int i = 0; i < n; i++) {
      ex[i] = p.charHash(i, false, vocab);
      fo[i] = p.charHash(i, true, vocab);
      cover[i] = 0;
      rule[i] = 0;
      b.cluster[i] = clusters == null ? 0 : clusters.code(fo[i]);
    }
    for (Finding f : lexicon) {
      Category c = f.category();
      if (c == Category.PII) {
        continue;
      }
      boolean acting = f.rating().compareTo(Rating.K) >= 0;
      if (acting && (c == Category.HARASSMENT || c == Category.PROFANITY)) {
        abusive = true;
      }
      int bits = (1 << c.ordinal()) | (acting ? ACTING : 0);
      // positions are in text order: from the first that starts at or after the finding, while inside it
      for (int i = firstAtOrAfter(p, n, f.start()); i < n && p.start(i) < f.end(); i++) {
        if (p.end(i) <= f.end()) {
          cover[i] |= bits;
          if (rule[i] == 0) {
            rule[i] = f.rule().hashCode() * 0x9E3779B97F4A7C15L + 1;
          }
        }
      }
    }
    int abuseBits = (1 << Category.HARASSMENT.ordinal()) | (1 << Category.PROFANITY.ordinal());
    int lengthBucket = n <= 2 ? n : n <= 5 ? 3 : n <= 10 ? 4 : n <= 20 ? 5 : n <= 40 ? 6 : 7;
    int lastAbuse = -1000;
    // the gap after position i is the gap before position i + 1: computed once
    int after = n == 0 ? 0 : gap(text, 0, p.start(0), true);
    for (int i = 0; i < n; i++) {
      b.offs[i] = b.size;
      b.sum = 0;
      if (b.lanes > 1) {
        Arrays.fill(b.sums, 0, b.lanes, 0);
      }
      long x0 = ex[i];
      long f0 = fo[i];
      long fm1 = i > 0 ? fo[i - 1] : BOS;
      long fm2 = i > 1 ? fo[i - 2] : BOS;
      long fp1 = i + 1 < n ? fo[i + 1] : EOS;
      long fp2 = i + 2 < n ? fo[i + 2] : EOS;
      long xm1 = i > 0 ? ex[i - 1] : BOS;
      long xp1 = i + 1 < n ? ex[i + 1] : EOS;
      b.small(BIAS, 0, mask);
      b.add(X0, x0, mask);
      b.add(F0, f0, mask);
      b.add(FM1, fm1, mask);
      b.add(FP1, fp1, mask);
      b.add(FM2, fm2, mask);
      b.add(FP2, fp2, mask);
      b.add(XM1, xm1, mask);
      b.add(XP1, xp1, mask);
      b.add(BI_M, pair(fm1, f0), mask);
      b.add(BI_P, pair(f0, fp1), mask);
      b.add(XBI_M, pair(xm1, x0), mask);
      b.add(XBI_P, pair(x0, xp1), mask);
      b.add(TRI, pair(pair(fm1, f0), fp1), mask);
      b.small(KNOWN, (p.exactId(i) >= 0 ? 1 : 0) + (p.foldId(i) >= 0 ? 2 : 0), mask);
      b.small(SHAPE, shape(text, p, i), mask);
      int before = after;
      after = gap(text, p.end(i), i + 1 < n ? p.start(i + 1) : text.length(), i + 1 == n);
      b.small(PUNCT, before * 16 + after, mask);
      b.add(PUNCT_F0, pair(before, f0), mask);
      b.small(PLACE, Math.min(i, 3) * 8 + Math.min(n - 1 - i, 3), mask);
      b.small(LENGTH, lengthBucket, mask);
      int c = cover[i];
      if (c != 0) {
        for (int bit = c & 0x7fff; bit != 0; bit &= bit - 1) {
          b.small(CAT, Integer.numberOfTrailingZeros(bit) * 2 + ((c & ACTING) != 0 ? 1 : 0), mask);
        }
        b.add(RULE, rule[i], mask);
      }
      int cm = i > 0 ? cover[i - 1] : 0;
      if (cm != 0) {
        b.add(CAT_M1, cm, mask);
      }
      int cp = i + 1 < n ? cover[i + 1] : 0;
      if (cp != 0) {
        b.add(CAT_P1, cp, mask);
      }
      if ((c & abuseBits) != 0) {
        lastAbuse = i;
      }
      if (abusive) {
        b.add(ABUSIVE_F0, f0, mask);
        int nextAbuse = -1;
        for (int k = i; k < n && k < i + 8; k++) {
          if ((cover[k] & abuseBits) != 0) {
            nextAbuse = k;
            break;
          }
        }
        int left = i - lastAbuse;
        int right = nextAbuse < 0 ? 1000 : nextAbuse - i;
        b.small(DIST, bucket(left) * 16 + bucket(right), mask);
      }
      long t = tags.tags(i);
      if (t != 0) {
        for (long bit = t; bit != 0; bit &= bit - 1) {
          b.small(TAG, Long.numberOfTrailingZeros(bit), mask);
        }
      }
      long near = (i > 0 ? tags.tags(i - 1) : 0) | (i + 1 < n ? tags.tags(i + 1) : 0);
      for (long bit = near; bit != 0; bit &= bit - 1) {
        b.small(TAG_NEAR, Long.numberOfTrailingZeros(bit), mask);
      }
      // tags 64-255: the same features, word by word after those of tags 0-63
      for (int w = 1; w < ConceptSet.WORDS; w++) {
        for (long bit = tags.tags(i, w); bit != 0; bit &= bit - 1) {
          b.small(TAG, 64 * w + Long.numberOfTrailingZeros(bit), mask);
        }
        long nearW = (i > 0 ? tags.tags(i - 1, w) : 0) | (i + 1 < n ? tags.tags(i + 1, w) : 0);
        for (long bit = nearW; bit != 0; bit &= bit - 1) {
          b.small(TAG_NEAR, 64 * w + Long.numberOfTrailingZeros(bit), mask);
        }
      }
      if ((extras & CHARGRAMS) != 0) {
        charGrams(p, i, mask, b);
      }
      if ((extras & CLUSTERS) != 0) {
        int[] cl = b.cluster;
        int c0 = cl[i];
        int cm1 = i > 0 ? cl[i - 1] : -1;
        int cp1 = i + 1 < n ? cl[i + 1] : -1;
        for (int len : PREFIXES) {
          b.small(CLUSTER_0, WordClusters.prefix(c0, len) * 16 + len, mask);
        }
        b.add(CLUSTER_X0, pair(x0, WordClusters.prefix(c0, 6)), mask);
        b.small(CLUSTER_M1, cm1 < 0 ? -1 : WordClusters.prefix(cm1, 6), mask);
        b.small(CLUSTER_P1, cp1 < 0 ? -1 : WordClusters.prefix(cp1, 6), mask);
        b.small(CLUSTER_M2, i > 1 ? WordClusters.prefix(cl[i - 2], 4) : -1, mask);
        b.small(CLUSTER_P2, i + 2 < n ? WordClusters.prefix(cl[i + 2], 4) : -1, mask);
        b.add(CLUSTER_BI, pair(cm1 < 0 ? -1 : WordClusters.prefix(cm1, 6), WordClusters.prefix(c0, 6)), mask);
        b.add(CLUSTER_BI_P, pair(WordClusters.prefix(c0, 6), cp1 < 0 ? -1 : WordClusters.prefix(cp1, 6)), mask);
      }
      b.emit[i] = b.sum;
      if (b.lanes > 1) {
        for (int l = 0; l < b.lanes; l++) {
          b.laneEmit[i * b.lanes + l] = b.sums[l];
        }
      }
    }
    b.offs[n] = b.size;
  }

  /** Prefixes and suffixes of 1 to 3 letters and letter trigrams (with edges) of the folded syllable. */
  private static void charGrams(Positions p, int i, int mask, Buffer b) {
    int len = p.charLength(i);
    if (len == 0) {
      return;
    }
    long pre = 0;
    for (int k = 0; k < Math.min(3, len); k++) {
      pre = pre * 131 + p.foldChar(i, k) + 1;
      b.small(CHAR_PREFIX, pre, mask);
    }
    long suf = 0;
    for (int k = 0; k < Math.min(3, len); k++) {
      suf = suf * 131 + p.foldChar(i, len - 1 - k) + 1;
      b.small(CHAR_SUFFIX, suf, mask);
    }
    if (len > 3) {
      // inner trigrams with the syllable's edges as '^' and '$'
      for (int k = -1; k + 2 <= len; k++) {
        long t = 0;
        for (int j = k; j < k + 3; j++) {
          char ch = j < 0 ? '^' : j >= len ? '$' : p.foldChar(i, j);
          t = t * 131 + ch + 1;
        }
        b.add(CHAR_TRI, t, mask);
      }
    }
  }

  /** The first position whose start is at or after {@code offset} (binary search; starts never decrease). */
  static int firstAtOrAfter(Positions p, int n, int offset) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (p.start(mid) < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int bucket(int d) {
    return d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
  }

  /** Diacritics written, capitals, expansion and length of a syllable, as one small code. */
  private static int shape(String text, Positions p, int i) {
    int code = p.plain(i) ? 1 : 0;
    if (p.expanded(i)) {
      code |= 2;
    } else {
      char first = text.charAt(p.start(i));
      if (upper(first)) {
        code |= 4;
        int e = p.end(i) - 1;
        if (e > p.start(i) && upper(text.charAt(e))) {
          code |= 8;
        }
      }
      if (!letter(first)) {
        code |= 16;
      }
    }
    int len = p.charLength(i);
    return code | Math.min(len, 7) << 5;
  }

  /** Below this, {@link #KIND} answers {@link #upper} and {@link #letter} (Latin, Vietnamese included). */
  private static final int TABLED = 0x2000;
  private static final byte UPPER = 1;
  private static final byte LETTER = 2;
  /** {@link Character#isUpperCase(char)} and {@link Character#isLetter(char)} of every char below {@link #TABLED}. */
  private static final byte[] KIND = new byte[TABLED];

  static {
    for (char ch = 0; ch < TABLED; ch++) {
      KIND[ch] = (byte) ((Character.isUpperCase(ch) ? UPPER : 0) | (Character.isLetter(ch) ? LETTER : 0));
    }
  }

  /** {@link Character#isUpperCase(char)}, from a table for the Latin and Vietnamese letters. */
  private static boolean upper(char ch) {
    return ch < TABLED ? (KIND[ch] & UPPER) != 0 : Character.isUpperCase(ch);
  }

  /** {@link Character#isLetter(char)}, from a table for the Latin and Vietnamese letters. */
  private static boolean letter(char ch) {
    return ch < TABLED ? (KIND[ch] & LETTER) != 0 : Character.isLetter(ch);
  }

  /**
   * What separates two syllables: 0 nothing, 1 spaces, 2 a comma or colon, 3 a sentence end, 4 a line break,
   * 5 other symbols (emoji, quotes), 6 the start or the end of the text.
   */
  static int gap(String text, int from, int to, boolean edge) {
    if (edge && from >= to) {
      return 6;
    }
    int kind = 0;
    int end = Math.min(to, from + 16);
    for (int k = from; k < end; k++) {
      char ch = text.charAt(k);
      int here;
      if (ch == ' ') {
        here = 1;
      } else if (ch == '\n' || ch == '\r') {
        here = 4;
      } else if (ch == '.' || ch == '!' || ch == '?' || ch == '…') {
        here = 3;
      } else if (ch == ',' || ch == ';' || ch == ':') {
        here = 2;
      } else if (Character.isWhitespace(ch)) {
        here = 1;
      } else {
        here = 5;
      }
      if (here > kind) {
        kind = here;
      }
    }
    return edge ? 6 + kind : kind;
  }
}
