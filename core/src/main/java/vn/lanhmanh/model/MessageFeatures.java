package vn.lanhmanh.model;

import java.util.Arrays;
import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * The message classifiers' features of one text, as indices into a hashed table: a bias, the folded and
 * exact syllables, folded syllable bigrams, character trigrams of each folded syllable (with its edges;
 * for a model whose {@code features.char3} is {@code unknown}, only of the syllables the vocabulary does not
 * know), the concept ids the concepts stage found, and the rule, category and tier of every lexicon and
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
  private static final int CONCEPT_CONTEXT = 11;
  // The addressing features (a model's features.address = 1; see Addressing)
  private static final int ADDRESS = 12;
  private static final int ADDRESS_SET = 13;
  private static final int ADDRESS_CONCEPT = 14;

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
    /**
     * After {@link #extract(String, MatchState, Vocabulary, List, Summed, Buffer)}: how many features were
     * summed into {@link #totals} (lanes moved out, bias included: three categories per word, four words)
     * rather than written to {@link #feats}.
     */
    int summed;
    final long[] totals = new long[12];
    /** The summed syllables' lanes between two moves to the totals. */
    final long[] lanes = new long[4];
    /** The folded syllables' hashes of the positions that feed features, by position. */
    long[] hashes = new long[64];
    /** With the addressing features: the flags of each position's sentence ({@link Addressing}), by position. */
    byte[] sentenceFlags = new byte[64];

    /** Keeps position {@code i}'s folded hash for the concept-context features. */
    void hash(int i, long h) {
      if (i >= hashes.length) {
        hashes = Arrays.copyOf(hashes, Math.max(hashes.length * 2, i + 1));
      }
      hashes[i] = h;
    }

    /** Makes room for {@code more} features after {@link #size}; returns the (possibly new) array. */
    int[] room(int more) {
      if (size + more > feats.length) {
        feats = Arrays.copyOf(feats, Math.max(feats.length * 2, size + more));
      }
      return feats;
    }

    void add(int template, long h, int mask) {
      add(Features.index(template, h, mask));
    }

    void add(int feature) {
      if (size == feats.length) {
        feats = Arrays.copyOf(feats, feats.length * 2);
      }
      feats[size++] = feature;
    }

    /** The value every feature of this text has. */
    double value() {
      return size == 0 ? 0 : 1 / Math.sqrt(size);
    }

    void trim(int max) {
      if (feats.length > max) {
        feats = new int[256];
      }
      if (hashes.length > max) {
        hashes = new long[64];
      }
      if (sentenceFlags.length > max) {
        sentenceFlags = new byte[64];
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

    /** The weight sums of the model last asked for (see {@link #summed}). */
    private volatile Summed summed;

    private record Key(int mask) {}

    /**
     * The weight sums of these syllables for {@code model}, kept with them (a filter checks with a few
     * vocabularies, a policy with its own phrases having its own, and one model); null unless the model packs
     * four words per feature.
     */
    Summed summed(ClassifierModel model) {
      Summed s = summed;
      if (s == null || s.model != model) {
        s = Summed.of(this, model);
        if (s == null) {
          return null;
        }
        summed = s;
      }
      return s;
    }

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

  /**
   * The addressing features (recipe P, docs/MODEL.md, "The fifty-third round"): signals that a sentence speaks to
   * its reader and urges or asks something of them, read per sentence (a stretch between sentence ends, {@code .
   * ! ? …} or a line break, as the normaliser marks them). A sentence's flags: {@link #YOU} a second-person word
   * (mày, bạn, em, con, cậu, cháu; teencode m, b, bn), {@link #URGE} an urging particle among its last two
   * syllables (đi, nhé, nha, nhá, đê, mau, ngay, lẹ), {@link #IMPERATIVE} hãy, đừng or cấm, {@link #REQUEST}
   * giúp, nhờ, xin, (làm) ơn or gửi, {@link #CONDITION} "thì" after "không"/"nếu" (không … thì …), and
   * {@link #URGED_YOU} a second-person word with any of the three urgings. Features: each flag of each sentence,
   * the sentence's whole set of flags, and for each concept of a hit each flag of the sentence the hit starts in
   * (the concept with the reader addressed and urged, against the same concept in a report or a lesson). A word
   * written without diacritics counts by its folded letters where they are not mostly another word's (di, nhe,
   * nha, may, ban, xin, gui, neu, khong, thi; not hay, dung or nho).
   */
  static final class Addressing {
    static final int YOU = 1;
    static final int URGE = 2;
    static final int IMPERATIVE = 4;
    static final int REQUEST = 8;
    static final int CONDITION = 16;
    static final int URGED_YOU = 32;
    /** Syllable kinds: the flags above, and the two halves of a condition. */
    private static final int IF = 64;
    private static final int THEN = 128;

    private static final Object KEY = new Object();

    /** Kinds by exact id, and by folded id for a syllable written without diacritics. */
    private final byte[] exactKind;
    private final byte[] foldKind;

    private Addressing(Vocabulary v) {
      exactKind = new byte[v.exactCount()];
      foldKind = new byte[v.foldCount()];
      exact(v, YOU, "mày", "mầy", "bạn", "cậu", "em", "con", "cháu", "m", "b", "bn");
      exact(v, URGE, "đi", "nhé", "nhe", "nha", "nhá", "đê", "mau", "ngay", "lẹ");
      exact(v, IMPERATIVE, "hãy", "đừng", "cấm");
      exact(v, REQUEST, "giúp", "nhờ", "xin", "ơn", "gửi");
      exact(v, IF, "nếu", "không", "ko", "k", "hông", "hok", "kh");
      exact(v, THEN, "thì");
      fold(v, YOU, "may", "ban", "cau", "em", "con", "chau", "m", "b", "bn");
      fold(v, URGE, "di", "nhe", "nha", "de", "mau", "ngay", "le");
      fold(v, REQUEST, "giup", "xin", "on", "gui");
      fold(v, IF, "neu", "khong", "ko", "k", "hong", "hok", "kh");
      fold(v, THEN, "thi");
    }

    private void exact(Vocabulary v, int kind, String... words) {
      for (String w : words) {
        int id = v.exactId(w);
        if (id >= 0 && id < exactKind.length) {
          exactKind[id] |= (byte) kind;
        }
      }
    }

    private void fold(Vocabulary v, int kind, String... words) {
      for (String w : words) {
        int id = v.foldId(w);
        if (id >= 0 && id < foldKind.length) {
          foldKind[id] |= (byte) kind;
        }
      }
    }

    /** The table of {@code vocab}, made once per vocabulary. */
    static Addressing of(Vocabulary vocab) {
      return vocab.derived(KEY, Addressing::new);
    }

    /** The kinds of position {@code i}: by its exact syllable, or by its folded one when written without marks. */
    int kind(Positions p, int i) {
      int ex = p.exactId(i);
      int k = ex >= 0 && ex < exactKind.length ? exactKind[ex] & 0xff : 0;
      if (k == 0 && p.plain(i)) {
        int fo = p.foldId(i);
        k = fo >= 0 && fo < foldKind.length ? foldKind[fo] & 0xff : 0;
      }
      return k;
    }

    /**
     * Writes into {@code out[0 .. n)} the flags of the sentence of each of the {@code n} positions from
     * {@code base} (the first starts a sentence).
     */
    void sentences(Positions p, int base, int n, byte[] out) {
      int start = 0;
      int flags = 0;
      boolean ifSeen = false;
      for (int i = 0; i < n; i++) {
        if (i > start && p.sentenceStart(base + i)) {
          close(out, start, i, flags);
          start = i;
          flags = 0;
          ifSeen = false;
        }
        int k = kind(p, base + i);
        if (k == 0) {
          continue;
        }
        flags |= k & (YOU | IMPERATIVE | REQUEST);
        boolean last = i + 1 == n || p.sentenceStart(base + i + 1)
            || i + 2 == n || p.sentenceStart(base + i + 2);
        if ((k & URGE) != 0 && last && i > start) {
          flags |= URGE;
        }
        if ((k & THEN) != 0 && ifSeen) {
          flags |= CONDITION;
        }
        if ((k & IF) != 0) {
          ifSeen = true;
        }
      }
      if (n > 0) {
        close(out, start, n, flags);
      }
    }

    private static void close(byte[] out, int from, int to, int flags) {
      if ((flags & YOU) != 0 && (flags & (URGE | IMPERATIVE | REQUEST)) != 0) {
        flags |= URGED_YOU;
      }
      for (int j = from; j < to; j++) {
        out[j] = (byte) flags;
      }
    }
  }

  /** Longs per exact id in {@link Summed#rows}. */
  private static final int ROW = 6;

  /**
   * For a model of four packed words per feature (ten to twelve categories, the shipped case), the weights of
   * every known syllable's features but its bigram summed once, by exact id: its exact syllable, its folded
   * syllable and the folded syllable's trigrams. A check adds a known syllable's sums with four additions
   * instead of writing and then summing each feature. The sums are exact integers, so the logits are bit for
   * bit those of the features one by one.
   */
  static final class Summed {
    final Syllables known;
    final ClassifierModel model;
    /**
     * {@link #ROW} longs per exact id: the folded id it is summed with (low half; {@link #NONE} for no sums)
     * and how many features the sums hold (high half), the folded syllable's hash, the four words' lane sums.
     */
    private final long[] rows;
    /** No sums for this exact id: a folded id no position has. */
    private static final int NONE = Integer.MIN_VALUE;

    private Summed(Syllables known, ClassifierModel model, int[] foldOfExact) {
      this.known = known;
      this.model = model;
      int exacts = known.exactFeature.length;
      rows = new long[ROW * exacts];
      for (int ex = 0; ex < exacts; ex++) {
        int r = ex * ROW;
        rows[r] = NONE & 0xffff_ffffL;
        int fo = ex < foldOfExact.length ? foldOfExact[ex] : -1;
        if (fo < 0 || fo >= known.foldHash.length || known.foldFeature[fo] < 0) {
          continue;
        }
        int from = known.char3From[fo];
        int to = model.knownChar3 ? known.char3From[fo + 1] : from;
        int count = 2 + to - from;
        if (count > ClassifierModel.FLUSH) {
          continue;   // more features than a lane holds between two moves to the totals
        }
        model.addPacked(known.exactFeature[ex], rows, r + 2);
        model.addPacked(known.foldFeature[fo], rows, r + 2);
        for (int k = from; k < to; k++) {
          model.addPacked(known.char3[k], rows, r + 2);
        }
        rows[r] = (long) count << 32 | fo;
        rows[r + 1] = known.foldHash[fo];
      }
    }

    /**
     * The sums of {@code known}'s syllables for {@code model}; null unless the model packs four words per
     * feature. The folded id of an exact id is the vocabulary's folded entry of its letters without
     * diacritics: a position whose folded id is another (a different folding) is not summed.
     */
    static Summed of(Syllables known, ClassifierModel model) {
      if (known.mask != model.mask) {
        throw new IllegalArgumentException("syllable features of another table size");
      }
      return model.words() == 4 ? new Summed(known, model, known.vocabulary.foldOfExact()) : null;
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
    extract(text, state, vocab, findings, mask, true, 0, null, b);
  }

  /**
   * {@link #extract(String, MatchState, Vocabulary, List, int, Buffer)}, with the character trigrams of the
   * syllables the vocabulary knows left out unless {@code knownChar3} (a model's {@code features.char3}).
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      boolean knownChar3, int context, Buffer b) {
    extract(text, state, vocab, findings, mask, knownChar3, context, null, b);
  }

  /**
   * {@link #extract(String, MatchState, Vocabulary, List, int, Buffer)} with the features of the syllables
   * {@code known} holds copied instead of computed ({@code null}: all computed); the same features.
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      Syllables known, Buffer b) {
    extract(text, state, vocab, findings, mask, true, 0, known, b);
  }

  /**
   * {@link #extract(String, MatchState, Vocabulary, List, int, Syllables, Buffer)}, with the character trigrams
   * of the syllables the vocabulary knows left out unless {@code knownChar3}, and with the concept-context
   * features of {@code context} syllables on each side of a concept hit (0: none; a model's
   * {@code features.concept-context}).
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      boolean knownChar3, int context, Syllables known, Buffer b) {
    extract(text, state, vocab, findings, mask, knownChar3, context, known, b, 0, -1);
  }

  /**
   * The features of positions {@code from} to {@code to} (exclusive) of the text only, as if that stretch
   * were the whole text: its syllables, the concept hits that lie inside it and the findings whose span lies
   * inside it. {@code to} negative: the whole text, exactly the features of
   * {@link #extract(String, MatchState, Vocabulary, List, int, boolean, int, Syllables, Buffer)}. The score
   * stage reads one sentence of a long text this way (see {@code ScoreStage}).
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      boolean knownChar3, int context, Syllables known, Buffer b, int from, int to) {
    extract(text, state, vocab, findings, mask, knownChar3, context, 0, known, b, from, to);
  }

  /**
   * {@link #extract(String, MatchState, Vocabulary, List, int, boolean, int, Syllables, Buffer, int, int)}, with
   * the addressing features ({@link Addressing}) when {@code address} is 1 (a model's {@code features.address};
   * 0: none, every file before recipe P).
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      boolean knownChar3, int context, int address, Syllables known, Buffer b, int from, int to) {
    if (known != null && (known.vocabulary != vocab || known.mask != mask)) {
      throw new IllegalArgumentException("syllable features of another vocabulary or table size");
    }
    Positions p = state.positions();
    boolean whole = to < 0;
    int n = head(whole ? p.size() : to - from, mask, b);
    long prev = BOS;
    // Feature order is the order the trainer has always seen: per position its folded syllable, exact
    // syllable and bigram, then the character trigrams of " " + letters + " ".
    for (int i = 0; i < n; i++) {
      int at = b.size;
      long hf = position(p, from + i, vocab, mask, known, knownChar3, b);
      b.feats[at + 2] = Features.index(FOLD_BIGRAM, Features.pair(prev, hf), mask);
      prev = hf;
      if (context > 0) {
        b.hash(i, hf);
      }
    }
    tail(state, findings, mask, b, n, prev, context, whole ? -1 : from, p, address == 0 ? null
        : Addressing.of(vocab));
  }

  /**
   * The bias and the length feature of a text of {@code size} positions; returns how many positions feed
   * features.
   */
  private static int head(int size, int mask, Buffer b) {
    b.size = 0;
    b.summed = 0;
    b.add(BIAS, 0, mask);
    int n = Math.min(size, MAX_POSITIONS);
    b.add(SHORT, n <= 3 ? n : n <= 8 ? 4 : n <= 20 ? 5 : 6, mask);
    return n;
  }

  /**
   * The closing bigram, the concepts and the findings' features. With {@code context > 0}, also, for each
   * concept of a hit, one feature per folded syllable within {@code context} positions before or after the
   * hit (among the first {@link #MAX_POSITIONS}; {@code b.hashes} holds their hashes): the concept in its
   * surroundings, such as a login next to "điểm thi" or a transfer next to "mẹ". With {@code from} at 0 or
   * more, for the stretch of {@code n} positions from {@code from} only: the concept hits inside it and the
   * findings whose span ({@code p}'s offsets) lies inside it (the findings in the order of their start, as the
   * pipeline makes them); {@code from} negative: the whole text.
   */
  private static void tail(MatchState state, List<Finding> findings, int mask, Buffer b, int n, long prev,
      int context, int from, Positions p, Addressing addressing) {
    if (n > 0) {
      b.add(FOLD_BIGRAM, Features.pair(prev, EOS), mask);
    }
    boolean range = from >= 0;
    int base = range ? from : 0;
    byte[] sentenceFlags = null;
    if (addressing != null) {
      if (b.sentenceFlags.length < n) {
        b.sentenceFlags = new byte[Math.max(n, b.sentenceFlags.length * 2)];
      }
      sentenceFlags = b.sentenceFlags;
      addressing.sentences(p, base, n, sentenceFlags);
    }
    // the hits come in the order of their last syllable: a stretch's are a run, found by halving
    int stop = range ? from + n : Integer.MAX_VALUE;
    for (int k = range ? firstConceptEndingAt(state, from) : 0; k < state.conceptCount(); k++) {
      if (state.conceptEndPos(k) >= stop) {
        break;
      }
      if (range && state.conceptStartPos(k) < from) {
        continue;
      }
      for (int w = 0; w < ConceptSet.WORDS; w++) {
        for (long bits = state.conceptWord(k, w) & ~Features.UNREAD.word(w); bits != 0; bits &= bits - 1) {
          int concept = w * 64 + Long.numberOfTrailingZeros(bits);   // the concept's ordinal
          b.add(CONCEPT, concept, mask);
          if (sentenceFlags != null) {
            int at = state.conceptStartPos(k) - base;
            int flags = at >= 0 && at < n ? sentenceFlags[at] : 0;
            for (int bit = flags; bit != 0; bit &= bit - 1) {
              b.add(ADDRESS_CONCEPT, Features.pair(concept + 1, Integer.numberOfTrailingZeros(bit)), mask);
            }
          }
          if (context > 0) {
            int start = state.conceptStartPos(k) - base;
            int end = state.conceptEndPos(k) - base;
            int lo = Math.max(0, start - context);
            int hi = Math.min(n - 1, end + context);
            for (int j = lo; j <= hi; j++) {
              if (j < start || j > end) {
                b.add(CONCEPT_CONTEXT, Features.pair(concept + 1, b.hashes[j]), mask);
              }
            }
          }
        }
      }
    }
    if (sentenceFlags != null) {
      // each sentence's flags, one by one and as a set (a sentence is a run of equal flags from a sentence start)
      for (int i = 0; i < n; i++) {
        if (i == 0 || p.sentenceStart(base + i)) {
          int flags = sentenceFlags[i];
          if (flags != 0) {
            for (int bit = flags; bit != 0; bit &= bit - 1) {
              b.add(ADDRESS, Integer.numberOfTrailingZeros(bit), mask);
            }
            b.add(ADDRESS_SET, flags, mask);
          }
        }
      }
    }
    if (range && n == 0) {
      return;
    }
    // A stretch's findings are found by halving too: the pipeline's findings come in the order of their start, so
    // those inside the stretch are among the run that starts in it (a walk over all of them for each sentence
    // made a text dense with findings cost their number times its sentences).
    int rangeEnd = range ? p.end(from + n - 1) : Integer.MAX_VALUE;
    for (int i = range ? firstFindingFrom(findings, p.start(from)) : 0; i < findings.size(); i++) {
      Finding f = findings.get(i);   // by index: no iterator per check
      if (f.start() >= rangeEnd) {
        break;   // in start order: no finding after this one lies inside the stretch
      }
      if (f.category() == Category.PII || f.rule().startsWith("model/") || f.end() > rangeEnd) {
        continue;
      }
      b.add(RULE, f.rule().hashCode(), mask);
      b.add(CATEGORY, f.category().ordinal(), mask);
      b.add(CATEGORY_TIER, f.category().ordinal() * 8L + f.rating().ordinal(), mask);
    }
  }

  /** The first of {@code findings} (in the order of their start) that starts at or after {@code offset}. */
  private static int firstFindingFrom(List<Finding> findings, int offset) {
    int lo = 0;
    int hi = findings.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (findings.get(mid).start() < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The first concept hit whose last syllable is at position {@code pos} or after it ({@code state.conceptCount()}
   * when none is): the hits come in the order of their last syllable.
   */
  static int firstConceptEndingAt(MatchState state, int pos) {
    int lo = 0;
    int hi = state.conceptCount();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (state.conceptEndPos(mid) < pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Writes position {@code i}'s folded and exact syllables at {@code b.size} and {@code b.size + 1}, leaves
   * {@code b.size + 2} to the caller (the bigram), then its character trigrams, and moves {@code b.size} past
   * them. A syllable {@code known} holds copies its precomputed features; for another, one pass over its
   * letters gives both hashes and the trigrams. Without {@code knownChar3}, a syllable the vocabulary knows
   * (a folded id that is a syllable, not expanded) writes no trigrams. Returns the folded syllable's hash.
   */
  private static long position(Positions p, int i, Vocabulary vocab, int mask, Syllables known,
      boolean knownChar3, Buffer b) {
    int len = p.charLength(i);
    int size = b.size;
    int[] feats = b.room(len + 4);
    long hf;
    int fold;
    int exact;
    int at = size + 3;
    int fo = p.foldId(i);
    if (p.expanded(i)) {
      hf = p.charHash(i, true, vocab);
      fold = Features.index(FOLD, hf, mask);
      exact = Features.index(EXACT, p.charHash(i, false, vocab), mask);
    } else if (known != null && fo >= 0 && fo < known.foldHash.length && known.foldFeature[fo] >= 0) {
      hf = known.foldHash[fo];
      fold = known.foldFeature[fo];
      // a plain loop: a syllable has a few trigrams, fewer than a call to the array copy costs
      for (int k = known.char3From[fo], e = knownChar3 ? known.char3From[fo + 1] : k; k < e; k++) {
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
      // the trigrams of a syllable the vocabulary knows only when the model reads them
      boolean tri = knownChar3 || fo < 0 || fo >= vocab.foldCount() || !vocab.isFoldSyllable(fo);
      int c1 = p.foldChar(i, 0);
      hf = (FNV_BASIS ^ c1) * FNV_PRIME;
      long he = (FNV_BASIS ^ p.exactChar(i, 0)) * FNV_PRIME;
      int a = ' ';
      for (int k = 1; k < len; k++) {
        int c2 = p.foldChar(i, k);
        hf = (hf ^ c2) * FNV_PRIME;
        he = (he ^ p.exactChar(i, k)) * FNV_PRIME;
        if (tri) {
          feats[at++] = char3(a, c1, c2, mask);
        }
        a = c1;
        c1 = c2;
      }
      if (tri) {
        feats[at++] = char3(a, c1, ' ', mask);
      }
      fold = Features.index(FOLD, hf, mask);
      exact = Features.index(EXACT, he, mask);
    }
    feats[size] = fold;
    feats[size + 1] = exact;
    b.size = at;
    return hf;
  }

  /**
   * The features of a text for {@link ClassifierModel#logits(Buffer, int, double[], long[])}: those of
   * {@link #extract(String, MatchState, Vocabulary, List, int, Syllables, Buffer)}, but a syllable written with
   * its own letters whose exact and folded forms {@code summed} holds adds its precomputed weight sums to
   * {@code b.totals} ({@code b.summed} features in all) instead of writing its features; only its bigram is
   * written. The order of the written features is not the trainer's.
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, Summed summed,
      Buffer b) {
    extract(text, state, vocab, findings, summed, b, 0, -1);
  }

  /**
   * {@link #extract(String, MatchState, Vocabulary, List, Summed, Buffer)} of positions {@code from} to {@code to}
   * (exclusive) only, as if that stretch were the whole text: the same sums as the features of
   * {@link #extract(String, MatchState, Vocabulary, List, int, boolean, int, Syllables, Buffer, int, int)} for
   * that stretch. {@code to} negative: the whole text.
   */
  static void extract(String text, MatchState state, Vocabulary vocab, List<Finding> findings, Summed summed,
      Buffer b, int from, int to) {
    Syllables known = summed.known;
    int mask = known.mask;
    int context = summed.model.conceptContext;
    if (known.vocabulary != vocab) {
      throw new IllegalArgumentException("syllable features of another vocabulary");
    }
    Positions p = state.positions();
    boolean whole = to < 0;
    int n = head(whole ? p.size() : to - from, mask, b);
    long[] rows = summed.rows;
    int rowCount = rows.length / ROW;
    long[] lanes = b.lanes;
    Arrays.fill(lanes, 0);
    long[] totals = b.totals;
    Arrays.fill(totals, 0);
    int pending = 0;
    int added = 0;
    long prev = BOS;
    int i = 0;
    while (i < n) {
      // A run of summed syllables: their sums and bigrams only, in a loop without calls (room for one
      // feature per position made before it).
      int[] feats = b.room(n - i);
      int size = b.size;
      for (; i < n; i++) {
        int ex = p.exactId(from + i);
        int r = ex * ROW;
        if (ex < 0 || ex >= rowCount || (int) rows[r] != p.foldId(from + i) || p.expanded(from + i)) {
          break;
        }
        int c = (int) (rows[r] >>> 32);
        if (pending + c > ClassifierModel.FLUSH) {
          flush(lanes, totals);
          pending = 0;
        }
        lanes[0] += rows[r + 2];
        lanes[1] += rows[r + 3];
        lanes[2] += rows[r + 4];
        lanes[3] += rows[r + 5];
        pending += c;
        added += c;
        long hf = rows[r + 1];
        feats[size++] = Features.index(FOLD_BIGRAM, Features.pair(prev, hf), mask);
        prev = hf;
        if (context > 0) {
          b.hash(i, hf);
        }
      }
      b.size = size;
      if (i < n) {
        long hf = position(p, from + i, vocab, mask, known, summed.model.knownChar3, b);
        b.feats[size + 2] = Features.index(FOLD_BIGRAM, Features.pair(prev, hf), mask);
        prev = hf;
        if (context > 0) {
          b.hash(i, hf);
        }
        i++;
      }
    }
    flush(lanes, totals);
    b.summed = added;
    tail(state, findings, mask, b, n, prev, context, whole ? -1 : from, p, summed.model.address == 0 ? null
        : Addressing.of(vocab));
  }

  /** Moves the four words' lanes to the totals and clears them. */
  private static void flush(long[] lanes, long[] totals) {
    for (int j = 0; j < 4; j++) {
      ClassifierModel.flush(lanes[j], totals, 3 * j);
      lanes[j] = 0;
    }
  }
}
