package vn.lanhmanh.model;

import java.util.Arrays;
import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * The message classifiers' features of one text, as indices into a hashed table: a bias, the folded and
 * exact syllables, folded syllable bigrams, character trigrams of each folded syllable (with its edges),
 * the concept ids the concepts stage found, and the rule, category and tier of every lexicon and
 * composition finding. Every feature has the value {@code 1 / sqrt(count)}, so long texts do not push the
 * score by their length alone.
 *
 * <p>Uses a {@link Buffer} owned by the calling thread; allocates nothing once the buffer has grown.
 */
final class MessageFeatures {

  // Template ids, mixed into every feature hash. Never renumber: trained models depend on them.
  private static final int BIAS = 1;
  private static final int FOLD = 2;
  private static final int EXACT = 3;
  private static final int FOLD_BIGRAM = 4;
  private static final int CHAR3 = 5;
  private static final int CONCEPT = 6;
  private static final int RULE = 7;
  private static final int CATEGORY = 8;
  private static final int CATEGORY_TIER = 9;
  private static final int SHORT = 10;

  /** FNV-1a over a syllable's chars, as {@link Positions#charHash} computes it. */
  private static final long FNV_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private static final long BOS = 0x1234_5678_9abc_def1L;
  private static final long EOS = 0x0fed_cba9_8765_4321L;
  /** At most this many syllables feed features: the rest of a very long text adds nothing. */
  static final int MAX_POSITIONS = 4096;

  private MessageFeatures() {}

  /** Per-thread scratch: the feature indices of one text. */
  static final class Buffer {
    int[] feats = new int[256];
    int size;

    /** Makes room for {@code more} features after {@link #size}; returns the (possibly new) array. */
    int[] room(int more) {
      if (size + more > feats.length) {
        feats = Arrays.copyOf(feats, Math.max(feats.length * 2, size + more));
      }
      return feats;
    }

    void add(int template, long h, int mask) {
      if (size == feats.length) {
        feats = Arrays.copyOf(feats, feats.length * 2);
      }
      feats[size++] = Features.index(template, h, mask);
    }

    /** The value every feature of this text has. */
    double value() {
      return size == 0 ? 0 : 1 / Math.sqrt(size);
    }

    void trim(int max) {
      if (feats.length > max) {
        feats = new int[256];
      }
    }
  }

  /**
   * The features of every syllable the vocabulary knows, computed once for a table size: its folded hash,
   * its folded and exact syllables' features and its character trigrams. A position written with its own
   * letters that the vocabulary knows (most of them) copies these instead of hashing its letters; the
   * features are the same, since the vocabulary's key of an id is the position's letters.
   */
  static final class Syllables {
    final Vocabulary vocabulary;
    final int mask;
    /**
     * By folded id: the FNV-1a hash of the folded syllable, its {@code FOLD} feature (-1 for an entry that is
     * not a syllable, a joined spelling, which no position has as its folded id).
     */
    private final long[] foldHash;
    private final int[] foldFeature;
    /** By folded id: its trigram features are {@code char3[char3From[id] .. char3From[id + 1])}. */
    private final int[] char3From;
    private final int[] char3;
    /** By exact id: the {@code EXACT} feature. */
    private final int[] exactFeature;

    private record Key(int mask) {}

    private Syllables(Vocabulary vocab, int mask) {
      this.vocabulary = vocab;
      this.mask = mask;
      int folds = vocab.foldCount();
      foldHash = new long[folds];
      foldFeature = new int[folds];
      char3From = new int[folds + 1];
      int chars = 0;
      for (int id = 0; id < folds; id++) {
        chars += vocab.isFoldSyllable(id) ? vocab.foldKey(id).length() : 0;
      }
      char3 = new int[chars];
      int at = 0;
      for (int id = 0; id < folds; id++) {
        char3From[id] = at;
        if (!vocab.isFoldSyllable(id)) {
          foldFeature[id] = -1;
          continue;
        }
        String key = vocab.foldKey(id);
        foldHash[id] = fnv(key);
        foldFeature[id] = Features.index(FOLD, foldHash[id], mask);
        int a = ' ';
        for (int k = 0; k < key.length(); k++) {
          int c1 = key.charAt(k);
          int c2 = k + 1 < key.length() ? key.charAt(k + 1) : ' ';
          char3[at++] = char3(a, c1, c2, mask);
          a = c1;
        }
      }
      char3From[folds] = at;
      exactFeature = new int[vocab.exactCount()];
      for (int id = 0; id < exactFeature.length; id++) {
        exactFeature[id] = Features.index(EXACT, fnv(vocab.exactKey(id)), mask);
      }
    }

    /** The table of {@code vocab} for a weight table of {@code mask + 1} entries, made once per vocabulary. */
    static Syllables of(Vocabulary vocab, int mask) {
      return vocab.derived(new Key(mask), v -> new Syllables(v, mask));
    }

    private static long fnv(String s) {
      long h = FNV_BASIS;
      for (int k = 0; k < s.length(); k++) {
        h = (h ^ s.charAt(k)) * FNV_PRIME;
      }
      return h;
    }
  }

  private static int char3(int a, int b, int c, int mask) {
    return Features.index(CHAR3, ((long) a << 32) | ((long) b << 16) | c, mask);
  }

  /**
   * Fills {@code b} with the features of a text.
   *
   * @param state the text's syllables and concept hits, after matching and composing
   * @param findings the lexicon's and compositions' findings (model and personal-information ones are
   *     skipped)
   * @param mask the table's size minus one
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      Buffer b) {
    extract(text, state, vocab, findings, mask, null, b);
  }

  /**
   * {@link #extract(String, MatchState, Vocabulary, List, int, Buffer)} with the features of the syllables
   * {@code known} holds copied instead of computed ({@code null}: all computed); the same features.
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      Syllables known, Buffer b) {
    if (known != null && (known.vocabulary != vocab || known.mask != mask)) {
      throw new IllegalArgumentException("syllable features of another vocabulary or table size");
    }
    b.size = 0;
    b.add(BIAS, 0, mask);
    Positions p = state.positions();
    int n = Math.min(p.size(), MAX_POSITIONS);
    b.add(SHORT, n <= 3 ? n : n <= 8 ? 4 : n <= 20 ? 5 : 6, mask);
    long prev = BOS;
    // Feature order is the order the trainer has always seen: per position its folded syllable, exact
    // syllable and bigram, then the character trigrams of " " + letters + " ". A syllable the vocabulary
    // knows copies its precomputed ones; for another, one pass over its letters gives both hashes and the
    // trigrams. The trigrams are written after three reserved slots.
    int knownFolds = known == null ? 0 : known.foldHash.length;
    int[] feats = b.feats;
    int size = b.size;
    for (int i = 0; i < n; i++) {
      int len = p.charLength(i);
      if (size + len + 4 > feats.length) {
        b.size = size;
        feats = b.room(len + 4);
      }
      long hf;
      int fold;
      int exact;
      int at = size + 3;
      int fo = p.foldId(i);
      if (p.expanded(i)) {
        hf = p.charHash(i, true, vocab);
        fold = Features.index(FOLD, hf, mask);
        exact = Features.index(EXACT, p.charHash(i, false, vocab), mask);
      } else if (fo >= 0 && fo < knownFolds && known.foldFeature[fo] >= 0) {
        hf = known.foldHash[fo];
        fold = known.foldFeature[fo];
        // a plain loop: a syllable has a few trigrams, fewer than a call to the array copy costs
        for (int k = known.char3From[fo], e = known.char3From[fo + 1]; k < e; k++) {
          feats[at++] = known.char3[k];
        }
        int ex = p.exactId(i);
        exact = ex >= 0 && ex < known.exactFeature.length ? known.exactFeature[ex]
            : Features.index(EXACT, p.charHash(i, false, vocab), mask);
      } else if (len == 0) {
        hf = FNV_BASIS;
        fold = Features.index(FOLD, hf, mask);
        exact = Features.index(EXACT, FNV_BASIS, mask);
      } else {
        int c1 = p.foldChar(i, 0);
        hf = (FNV_BASIS ^ c1) * FNV_PRIME;
        long he = (FNV_BASIS ^ p.exactChar(i, 0)) * FNV_PRIME;
        int a = ' ';
        for (int k = 1; k < len; k++) {
          int c2 = p.foldChar(i, k);
          hf = (hf ^ c2) * FNV_PRIME;
          he = (he ^ p.exactChar(i, k)) * FNV_PRIME;
          feats[at++] = char3(a, c1, c2, mask);
          a = c1;
          c1 = c2;
        }
        feats[at++] = char3(a, c1, ' ', mask);
        fold = Features.index(FOLD, hf, mask);
        exact = Features.index(EXACT, he, mask);
      }
      feats[size] = fold;
      feats[size + 1] = exact;
      feats[size + 2] = Features.index(FOLD_BIGRAM, Features.pair(prev, hf), mask);
      prev = hf;
      size = at;
    }
    b.size = size;
    if (n > 0) {
      b.add(FOLD_BIGRAM, Features.pair(prev, EOS), mask);
    }
    for (int k = 0; k < state.conceptCount(); k++) {
      for (long bits = state.conceptMask(k); bits != 0; bits &= bits - 1) {
        b.add(CONCEPT, Long.numberOfTrailingZeros(bits), mask);
      }
    }
    for (Finding f : findings) {
      if (f.category() == Category.PII || f.rule().startsWith("model/")) {
        continue;
      }
      b.add(RULE, f.rule().hashCode(), mask);
      b.add(CATEGORY, f.category().ordinal(), mask);
      b.add(CATEGORY_TIER, f.category().ordinal() * 8L + f.rating().ordinal(), mask);
    }
  }
}
