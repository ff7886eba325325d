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
   * Fills {@code b} with the features of a text.
   *
   * @param state the text's syllables and concept hits, after matching and composing
   * @param findings the lexicon's and compositions' findings (model and personal-information ones are
   *     skipped)
   * @param mask the table's size minus one
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      Buffer b) {
    b.size = 0;
    b.add(BIAS, 0, mask);
    Positions p = state.positions();
    int n = Math.min(p.size(), MAX_POSITIONS);
    b.add(SHORT, n <= 3 ? n : n <= 8 ? 4 : n <= 20 ? 5 : 6, mask);
    long prev = BOS;
    // Feature order is the order the trainer has always seen: per position its folded syllable, exact
    // syllable and bigram, then the character trigrams of " " + letters + " ". One pass over a position's
    // letters gives both hashes and the trigrams; the trigrams are written after three reserved slots.
    int[] feats = b.feats;
    int size = b.size;
    for (int i = 0; i < n; i++) {
      int len = p.charLength(i);
      if (size + len + 4 > feats.length) {
        b.size = size;
        feats = b.room(len + 4);
      }
      long hf;
      long he;
      int at = size + 3;
      if (p.expanded(i)) {
        hf = p.charHash(i, true, vocab);
        he = p.charHash(i, false, vocab);
      } else if (len == 0) {
        hf = FNV_BASIS;
        he = FNV_BASIS;
      } else {
        int c1 = p.foldChar(i, 0);
        hf = (FNV_BASIS ^ c1) * FNV_PRIME;
        he = (FNV_BASIS ^ p.exactChar(i, 0)) * FNV_PRIME;
        int a = ' ';
        for (int k = 1; k < len; k++) {
          int c2 = p.foldChar(i, k);
          hf = (hf ^ c2) * FNV_PRIME;
          he = (he ^ p.exactChar(i, k)) * FNV_PRIME;
          feats[at++] = Features.index(CHAR3, ((long) a << 32) | ((long) c1 << 16) | c2, mask);
          a = c1;
          c1 = c2;
        }
        feats[at++] = Features.index(CHAR3, ((long) a << 32) | ((long) c1 << 16) | ' ', mask);
      }
      feats[size] = Features.index(FOLD, hf, mask);
      feats[size + 1] = Features.index(EXACT, he, mask);
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
