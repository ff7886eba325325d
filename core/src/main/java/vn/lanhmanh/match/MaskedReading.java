package vn.lanhmanh.match;

import java.util.Arrays;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * Reads masked words ({@code k*o}, {@code d*ng}, {@code giư*ng}, {@code c*}) as the syllables that complete a
 * phrase of the lexicon with their neighbours, before the automata run: {@code k*o} alone stays as the
 * normaliser read it, {@code k*o, c*} is {@code kẹo cỏ}, {@code d*ng cụ} is {@code dụng cụ}.
 *
 * <p>The syllables a masked word may be are looked up once per word ({@link Positions#maskFits}: the letters
 * written, in order, each run of masks one letter or more and at most one per mask, the diacritics written
 * the syllable's). Then one pass, left to right, over the syllables near masked words: a set of partial
 * phrases ("walks"), each a path down the trie of one automaton (exact or folded view) from the syllable
 * where it started. At a masked word the walks are the ones that have read a masked word before and the
 * automaton's state over the written syllables since the last masked word with its failure chain (each state
 * the longest phrase begun at one syllable, down to the root); each moves to every child the word fits. A
 * written syllable moves a walk to the child on its symbol, or ends it. A walk whose state ends a phrase
 * that began where the walk did is a reading: the syllables it chose for its masked words. Each syllable
 * is read once per live walk and never again; the walks ({@link #MAX_WALKS}), the syllables a word may be
 * ({@link #MAX_CANDIDATES}) and the look-ups per masked word ({@link #BUDGET}) are capped, so a text costs
 * at most a fixed amount per masked word, with no backtracking; nothing is allocated once a thread's
 * scratch ({@link Scratch}) has grown.
 *
 * <p>A reading counts when its phrase is a rule, a target, a concept phrase or an exception (not a context
 * phrase nor a conversation's stage phrase), has two syllables or more, and holds a strong masked word
 * (letters written on both sides of each mask). A weak one ({@code c*}, {@code Nh*}: one or two letters
 * and masks after them) fits dozens of syllables, so beside written words some reading nearly always
 * completes some phrase ({@code con c*}, {@code óc ch*}); it is read only in a rule with a strong masked
 * word ({@code nh* c*i}: {@code nhà cái}), or in another phrase when it stands in a list of three masked
 * words or more ({@code k*o, c*, đ*}), never in two ({@code k*o c*} is also {@code kéo co}). Readings are
 * taken rules first, then harm concept phrases, then targets and register phrases, then exceptions; the
 * exact view before the folded; those that keep the normaliser's reading of their masked words first;
 * longer before shorter; earlier before later. A reading that would give a masked word another syllable
 * than one taken before is dropped whole, and so is one that turns a masked swear ({@code l*n}) into
 * another word unless it is a rule or harm concept phrase read with another masked word, or an exception
 * whose syllables are all strong masked words, at most one a swear ({@code l*a đ*o}). No reading is taken
 * over syllables written as a person's name ({@link #nameRun}: {@code Tr*n Minh Kh*i, L* Ng*c Anh}), and a
 * masked swear inside such a name is read as another syllable it fits ({@link #nameSwear}). A masked word
 * that no reading takes keeps the normaliser's reading.
 *
 * <p>Immutable and thread-safe; the walks live in the caller's {@link MatchState}.
 */
final class MaskedReading {

  /** Walks alive at one syllable, at most. */
  static final int MAX_WALKS = 64;
  /** Masked words one phrase may hold. */
  static final int MAX_MASKED = 4;
  /** Readings kept per text. */
  static final int MAX_READINGS = 32;
  /** Syllables a masked word may be, per view, at most (the first in id order are kept). */
  static final int MAX_CANDIDATES = 256;
  /**
   * Child look-ups and fit tests one masked word may cost, all walks and both views together: past it the
   * word branches no more (a text of many masked words costs at most this much per word).
   */
  static final int BUDGET = 2048;
  /** Syllables of the vocabulary tested against one masked word, per view, at most. */
  static final int SCAN = 4096;
  /** Phrases longer than this are not read through masked words. */
  private static final int MAX_LENGTH = 16;

  /**
   * A walk: view (0 exact, 1 folded), state, start, masked words chosen, flags ({@link #STRONG},
   * {@link #WEAK}), then (word, symbol) pairs.
   */
  private static final int WALK = 5 + 2 * MAX_MASKED;
  /** A reading: rank, view, start, end, masked words chosen, then (word, symbol) pairs. */
  private static final int READING = 5 + 2 * MAX_MASKED;

  private static final int STRONG = 1;
  private static final int WEAK = 2;

  /** Rank of an output: a rule. */
  static final byte RULE = 0;
  /** Rank of an output: a concept phrase with a harm concept. */
  static final byte HARM = 1;
  /** Rank of an output: another phrase a masked word may complete (a target, a register concept phrase). */
  static final byte OTHER = 2;
  /** Rank of an output: an exception ({@code d*ng cụ}: {@code dụng cụ}, the tool), taken last. */
  static final byte EXCEPTION = 3;
  /** Rank of an output no reading may complete (a context phrase, a conversation's stage phrase). */
  static final byte NONE = -1;

  /** A thread's walks and readings. */
  static final class Scratch {
    private int[] cur = new int[MAX_WALKS * WALK];
    private int[] next = new int[MAX_WALKS * WALK];
    private final int[] empty = new int[WALK];
    private final int[] readings = new int[MAX_READINGS * READING];
    private final int[] order = new int[MAX_READINGS];
    private int found;
    private int made;
    /** Per view, the syllables the masked word being read may be, and how many. */
    private final int[][] candidates = {new int[MAX_CANDIDATES], new int[MAX_CANDIDATES]};
    private final int[] candidateCount = new int[2];
    /** What is left of {@link #BUDGET} for the masked word being read. */
    private int budget;
    /** Per masked word: the view (0, 1) and symbol taken, or -1. */
    private int[] view = new int[8];
    private int[] symbol = new int[8];
  }

  private final Vocabulary vocab;
  private final PhraseAutomaton[] automata;
  /**
   * Per output: its length in syllables (low 16 bits) and its rank plus one (0 for {@link #NONE}) from bit
   * {@link #RANK_SHIFT}, in the lexicon's own table of what a hit needs to know of an output (read, not copied).
   */
  private final int[] info;
  /** The longest phrase that may be read, at most {@link #MAX_LENGTH}. */
  private final int maxLength;
  /** Syllables of this many letters or more share one bucket of {@link #bySpelling}. */
  private static final int LONG = 8;
  /**
   * The exact syllables of the vocabulary sorted by their first letter (folded; 26 for any other), their
   * length (1 to {@link #LONG}) and their last letter: the syllables of one first letter and length are one
   * run of it, those that also end in one letter a shorter run.
   */
  private final int[] bySpelling;
  /** Where each (first letter, length, last letter) bucket starts in {@link #bySpelling}, and the end. */
  private final int[] bucketStart;
  /** Per exact id, and per folded id: an English word that a masked word may write without its final e. */
  private final boolean[] silentExact;
  private final boolean[] silentFold;
  /** Per view, the first state of each depth (the states are numbered breadth first). */
  private final int[][] levelStart;
  /** The folded id of each exact syllable id, or -1. */
  private final int[] foldOfExact;
  /** The exact syllables of each folded id: {@code exactOfFold[exactOfFoldStart[f] ..]}, in id order. */
  private final int[] exactOfFoldStart;
  private final int[] exactOfFold;

  /** Where an output's rank plus one starts in its {@link #info} (three bits). */
  static final int RANK_SHIFT = 27;

  /** What {@link #info} holds for an output of this length and rank. */
  static int info(int length, byte rank) {
    return length | (rank + 1) << RANK_SHIFT;
  }

  /** Output {@code e}'s length in syllables. */
  private int length(int e) {
    return info[e] & 0xFFFF;
  }

  /** Output {@code e}'s rank: {@link #RULE}, {@link #HARM}, {@link #OTHER}, {@link #EXCEPTION} or {@link #NONE}. */
  private int rank(int e) {
    return ((info[e] >>> RANK_SHIFT) & 7) - 1;
  }

  /**
   * @param info per output, its length in syllables and its rank ({@link #RULE}, {@link #HARM}, {@link #OTHER},
   *     {@link #EXCEPTION} or {@link #NONE}) as {@link #info(int, byte)} puts them, beside other bits
   */
  MaskedReading(Vocabulary vocab, PhraseAutomaton exact, PhraseAutomaton fold, int[] info) {
    this.vocab = vocab;
    this.automata = new PhraseAutomaton[] {exact, fold};
    this.info = info;
    int max = 0;
    for (int e = 0; e < info.length; e++) {
      if (rank(e) != NONE) {
        max = Math.max(max, length(e));
      }
    }
    this.maxLength = Math.min(max, MAX_LENGTH);
    int syllables = vocab.exactCount();
    int buckets = 27 * LONG * 27;
    int[] bucketAt = new int[buckets + 1];
    for (int id = 0; id < syllables; id++) {
      if (vocab.isExactSyllable(id)) {
        bucketAt[bucket(vocab.exactKey(id)) + 1]++;
      }
    }
    for (int k = 1; k <= buckets; k++) {
      bucketAt[k] += bucketAt[k - 1];
    }
    int[] fill = Arrays.copyOf(bucketAt, buckets);
    int[] sorted = new int[bucketAt[buckets]];
    for (int id = 0; id < syllables; id++) {
      if (vocab.isExactSyllable(id)) {
        sorted[fill[bucket(vocab.exactKey(id))]++] = id;
      }
    }
    this.bySpelling = sorted;
    this.bucketStart = bucketAt;
    this.silentExact = new boolean[syllables];
    for (int id = 0; id < syllables; id++) {
      silentExact[id] = vocab.isExactSyllable(id) && Positions.silentFinalE(vocab.exactKey(id));
    }
    this.silentFold = new boolean[vocab.foldCount()];
    for (int id = 0; id < silentFold.length; id++) {
      silentFold[id] = vocab.isFoldSyllable(id) && Positions.silentFinalE(vocab.foldKey(id));
    }
    this.levelStart = new int[2][];
    for (int v = 0; v < 2; v++) {
      PhraseAutomaton a = automata[v];
      int[] levels = new int[8];
      int count = 1;
      // Level k + 1 begins at the first child of level k's first state.
      while (true) {
        int nextLevel = a.first[levels[count - 1]];
        if (nextLevel >= a.stateCount() || nextLevel <= levels[count - 1]) {
          break;
        }
        if (count == levels.length) {
          levels = Arrays.copyOf(levels, count * 2);
        }
        levels[count++] = nextLevel;
      }
      levelStart[v] = Arrays.copyOf(levels, count);
    }
    int[] f = vocab.foldOfExact();
    for (int id = 0; id < f.length; id++) {
      if (f[id] >= 0 && !vocab.isFoldSyllable(f[id])) {
        f[id] = -1;
      }
    }
    this.foldOfExact = f;
    int folds = vocab.foldCount();
    int[] start = new int[folds + 2];
    for (int id = 0; id < f.length; id++) {
      if (f[id] >= 0 && vocab.isExactSyllable(id)) {
        start[f[id] + 2]++;
      }
    }
    for (int k = 2; k < start.length; k++) {
      start[k] += start[k - 1];
    }
    int[] exacts = new int[start[folds + 1]];
    for (int id = 0; id < f.length; id++) {
      if (f[id] >= 0 && vocab.isExactSyllable(id)) {
        exacts[start[f[id] + 1]++] = id;
      }
    }
    this.exactOfFoldStart = start;
    this.exactOfFold = exacts;
  }

  /**
   * The first exact syllable of folded id {@code fold} that masked word {@code w} fits with its written
   * diacritics, or -1: a word written with marks ({@code l*ợng}) is read in the folded view only as a
   * syllable those marks belong to ({@code lượng}, not {@code lương}).
   */
  private int exactFit(Positions p, int w, int fold) {
    for (int k = exactOfFoldStart[fold], e = exactOfFoldStart[fold + 1]; k < e; k++) {
      int id = exactOfFold[k];
      if (p.maskFits(w, vocab.exactKey(id), true, silentExact[id])) {
        return id;
      }
    }
    return -1;
  }

  /** Whether masked word {@code w} fits symbol {@code sym} of view {@code v}. */
  private boolean fits(Positions p, int w, int v, int sym) {
    if (v == 0) {
      return p.maskFits(w, vocab.exactKey(sym), true, sym < silentExact.length && silentExact[sym]);
    }
    return p.maskFits(w, vocab.foldKey(sym), false, sym < silentFold.length && silentFold[sym])
        && (!p.maskedMarked(w) || exactFit(p, w, sym) >= 0);
  }

  /** The bucket of a syllable: its first letter folded ('a'-'z', or any other), its length, its last letter. */
  private static int bucket(String key) {
    int n = key.length();
    char first = n == 0 ? 0 : Positions.foldedLetter(key.charAt(0));
    char last = n == 0 ? 0 : Positions.foldedLetter(key.charAt(n - 1));
    return bucket(first, n, letter(last));
  }

  private static int letter(char folded) {
    return folded >= 'a' && folded <= 'z' ? folded - 'a' : 26;
  }

  private static int bucket(char first, int length, int last) {
    return ((letter(first) * LONG) + Math.max(0, Math.min(length, LONG) - 1)) * 27 + last;
  }

  /** Reads the masked words of the state's text, the normaliser's readings put back first. */
  void read(MatchState state) {
    Positions p = state.positions();
    int words = p.maskedWords();
    if (words == 0) {
      return;
    }
    p.unreadMasked();
    Scratch sc = state.maskScratch();
    sc.found = 0;
    int live = 0;   // walks that have read a masked word
    int ac0 = 0;    // each automaton's state over the written syllables since the last masked word
    int ac1 = 0;
    int w = 0;      // the first masked word at or after syllable j
    int n = p.size();
    for (int j = 0; j < n; j++) {
      if (p.sentenceStart(j)) {
        live = 0;   // a phrase never spans a sentence end
        ac0 = 0;
        ac1 = 0;
      }
      while (w < words && p.maskedPosition(w) < j) {
        w++;
      }
      if (w == words && live == 0) {
        break;
      }
      int reach = w < words ? p.maskedPosition(w) - j : Integer.MAX_VALUE;
      if (live == 0 && reach >= maxLength) {
        j = p.maskedPosition(w) - maxLength;   // nothing before then can reach it (the loop adds one)
        ac0 = 0;
        ac1 = 0;
        continue;
      }
      sc.made = 0;
      if (reach != 0) {
        // A written syllable: the walks move over it, and both automata read it, so that at the next
        // masked word their states hold every phrase begun since the last one.
        for (int k = 0; k < live; k++) {
          advance(p, sc, sc.cur, k * WALK, j, -1);
        }
        ac0 = reach < maxLength ? automata[0].step(ac0, p.exactId(j)) : 0;
        ac1 = reach < maxLength ? automata[1].step(ac1, p.foldId(j)) : 0;
      } else {
        sc.budget = BUDGET;
        candidates(p, sc, w);
        for (int k = 0; k < live; k++) {
          advance(p, sc, sc.cur, k * WALK, j, w);
        }
        // The phrases begun since the last masked word that may go on through this one: the automaton's
        // state and the states of its failure chain (each the longest phrase beginning at one syllable),
        // down to the root (a phrase that begins with the masked word).
        seed(p, sc, 0, ac0, j, w);
        seed(p, sc, 1, ac1, j, w);
        ac0 = 0;
        ac1 = 0;
      }
      int[] t = sc.cur;
      sc.cur = sc.next;
      sc.next = t;
      live = sc.made;
    }
    apply(p, sc);
  }

  /** Moves a walk from each state of the failure chain of {@code state} (view {@code v}) over masked word {@code w} at {@code j}. */
  private void seed(Positions p, Scratch sc, int v, int state, int j, int w) {
    PhraseAutomaton a = automata[v];
    int[] walk = sc.empty;
    walk[0] = v;
    for (int q = state; ; q = a.fail(q)) {
      walk[1] = q;
      walk[2] = j - depth(v, q);
      advance(p, sc, walk, 0, j, w);
      if (q == 0) {
        return;
      }
    }
  }

  /** How many syllables lead from the root to state {@code q} of view {@code v} (states are numbered breadth first). */
  private int depth(int v, int q) {
    int[] levels = levelStart[v];
    int d = 0;
    while (d + 1 < levels.length && levels[d + 1] <= q) {
      d++;
    }
    return d;
  }

  /**
   * Moves the walk at {@code walks[o]} over syllable {@code j} ({@code masked} is its masked word, or -1);
   * the walks it becomes are added to the scratch's next walks.
   */
  private void advance(Positions p, Scratch sc, int[] walks, int o, int j, int masked) {
    int v = walks[o];
    int s = walks[o + 1];
    PhraseAutomaton a = automata[v];
    if (masked < 0) {
      int sym = v == 0 ? p.exactId(j) : p.foldId(j);
      int c = sym < 0 ? -1 : a.childOf(s, sym);
      if (c >= 0) {
        arrive(p, sc, walks, o, c, j, -1, 0);
      }
      return;
    }
    if (walks[o + 3] == MAX_MASKED) {
      return;
    }
    int[] cand = sc.candidates[v];
    int n = sc.candidateCount[v];
    int from = a.first[s];
    int to = a.first[s + 1];
    if (s == 0 || n < to - from) {
      // Fewer syllables fit the word than the state has children: look each one up.
      n = Math.min(n, sc.budget);
      sc.budget -= n;
      for (int k = 0; k < n; k++) {
        int c = a.childOf(s, cand[k]);
        if (c >= 0) {
          arrive(p, sc, walks, o, c, j, masked, cand[k]);
        }
      }
      return;
    }
    to = Math.min(to, from + sc.budget);
    sc.budget -= to - from;
    for (int c = from; c < to; c++) {
      int sym = a.symbol(c);
      if (fits(p, masked, v, sym)) {
        arrive(p, sc, walks, o, c, j, masked, sym);
      }
    }
  }

  /**
   * The syllables of each view that masked word {@code w} fits, into the scratch: one run of
   * {@link #bySpelling} (the word's first letter, the lengths it can spell), each checked.
   */
  private void candidates(Positions p, Scratch sc, int w) {
    if (p.maskedWeak(w) && !strongNear(p, w)) {
      // A weak word is read only in a phrase with a strong one: with none in reach, it is nothing.
      sc.candidateCount[0] = 0;
      sc.candidateCount[1] = 0;
      return;
    }
    char first = p.maskedFirstLetter(w);
    char lastWritten = p.maskedLastLetter(w);
    int maxLen = Math.min(p.maskedMaxLength(w), LONG);
    int[] exact = sc.candidates[0];
    int[] folded = sc.candidates[1];
    int[] ids = bySpelling;
    int[] starts = bucketStart;
    int n = 0;
    int f = 0;
    int scanned = 0;
    for (int len = Math.min(p.maskedMinLength(w), LONG); len <= maxLen && scanned < SCAN; len++) {
      // The exact syllables of this length that end in the last letter written, or in any after masks;
      // and, for a word that ends in a letter, the English words one letter longer ending in a silent e.
      for (int e = 0; e < (lastWritten == 0 ? 1 : 2); e++) {
        int from;
        int to;
        if (e == 0) {
          from = starts[bucket(first, len, lastWritten == 0 ? 0 : letter(lastWritten))];
          to = starts[bucket(first, len, lastWritten == 0 ? 26 : letter(lastWritten)) + 1];
        } else {
          from = starts[bucket(first, len + 1, letter('e'))];
          to = starts[bucket(first, len + 1, letter('e')) + 1];
        }
        to = Math.min(to, from + SCAN - scanned);
        scanned += to - from;
        for (int k = from; k < to && n < MAX_CANDIDATES; k++) {
          int id = ids[k];
          if ((e == 1 && !silentExact[id]) || !p.maskFits(w, vocab.exactKey(id), true, silentExact[id])) {
            continue;
          }
          exact[n++] = id;
          // The folded syllables are those of the exact ones the word fits (its written marks included).
          int fold = id < foldOfExact.length ? foldOfExact[id] : -1;
          if (fold >= 0 && !contains(folded, f, fold)) {
            folded[f++] = fold;
          }
        }
      }
    }
    sc.candidateCount[0] = n;
    sc.candidateCount[1] = f;
  }

  private static boolean contains(int[] a, int n, int x) {
    for (int k = 0; k < n; k++) {
      if (a[k] == x) {
        return true;
      }
    }
    return false;
  }

  /**
   * The walk at {@code walks[o]} has reached state {@code c} at syllable {@code j}, choosing {@code sym} for
   * masked word {@code masked} (unless -1): records a reading if a phrase that started with the walk ends
   * here, and keeps the walk if it can still reach the end of a phrase through a masked word.
   */
  private void arrive(Positions p, Scratch sc, int[] walks, int o, int c, int j, int masked, int sym) {
    int v = walks[o];
    int start = walks[o + 2];
    int chosen = walks[o + 3];
    PhraseAutomaton a = automata[v];
    int flags = walks[o + 4] | (masked < 0 ? 0 : p.maskedWeak(masked) ? WEAK : STRONG);
    int total = chosen + (masked >= 0 ? 1 : 0);
    int at = a.outputsAt(c);
    if (at != 0 && total > 0 && (flags & STRONG) != 0 && j > start) {
      int span = j - start + 1;
      int best = NONE;
      for (int k = at + 1, e = at + 1 + a.pool[at]; k < e; k++) {
        int out = a.pool[k];
        int r = rank(out);
        if (length(out) == span && r != NONE && (best == NONE || r < best)) {
          best = r;
        }
      }
      // A weak masked word completes a rule beside a strong one; a concept phrase (kẹo cỏ: two street
      // names) only in a list of three masked words or more (k*o, c*, đ*), not in two (k*o c*: kéo co).
      if (best != NONE && best != RULE && (flags & WEAK) != 0 && maskedRun(p, masked >= 0 ? masked
          : walks[o + 5]) < 3) {
        best = NONE;
      }
      if (best != NONE && sc.found < MAX_READINGS) {
        int r = sc.found++ * READING;
        int[] rd = sc.readings;
        rd[r] = best;
        rd[r + 1] = v;
        rd[r + 2] = start;
        rd[r + 3] = j;
        rd[r + 4] = total;
        System.arraycopy(walks, o + 5, rd, r + 5, 2 * chosen);
        if (masked >= 0) {
          rd[r + 5 + 2 * chosen] = masked;
          rd[r + 6 + 2 * chosen] = sym;
        }
      }
    }
    if (a.first[c] == a.first[c + 1] || j - start + 1 >= maxLength || sc.made == MAX_WALKS) {
      return;
    }
    int q = sc.made++ * WALK;
    int[] next = sc.next;
    next[q] = v;
    next[q + 1] = c;
    next[q + 2] = start;
    next[q + 3] = total;
    next[q + 4] = flags;
    System.arraycopy(walks, o + 5, next, q + 5, 2 * chosen);
    if (masked >= 0) {
      next[q + 5 + 2 * chosen] = masked;
      next[q + 6 + 2 * chosen] = sym;
    }
  }

  /** Whether a strong masked word lies within a phrase's length of masked word {@code w}. */
  private boolean strongNear(Positions p, int w) {
    int at = p.maskedPosition(w);
    for (int k = w - 1; k >= 0 && at - p.maskedPosition(k) < maxLength; k--) {
      if (!p.maskedWeak(k)) {
        return true;
      }
    }
    for (int k = w + 1; k < p.maskedWords() && p.maskedPosition(k) - at < maxLength; k++) {
      if (!p.maskedWeak(k)) {
        return true;
      }
    }
    return false;
  }

  /** How many masked words in a row (on consecutive syllables) hold masked word {@code w}. */
  private static int maskedRun(Positions p, int w) {
    int from = w;
    while (from > 0 && p.maskedPosition(from - 1) == p.maskedPosition(from) - 1) {
      from--;
    }
    int to = w;
    while (to + 1 < p.maskedWords() && p.maskedPosition(to + 1) == p.maskedPosition(to) + 1) {
      to++;
    }
    return to - from + 1;
  }

  /** Takes the readings in order of preference and writes the syllables they chose into the positions. */
  private void apply(Positions p, Scratch sc) {
    int count = sc.found;
    if (count == 0) {
      for (int word = 0, words = p.maskedWords(); word < words; word++) {
        if (p.maskedSwear(word) && nameSwear(p, p.maskedPosition(word))) {
          readAsName(p, sc, word);
        }
      }
      return;
    }
    int[] rd = sc.readings;
    int[] order = sc.order;
    // Insertion sort of at most MAX_READINGS: rank, view, longer, earlier.
    for (int i = 0; i < count; i++) {
      int k = i;
      while (k > 0 && before(p, rd, i * READING, order[k - 1] * READING)) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = i;
    }
    int words = p.maskedWords();
    if (sc.view.length < words) {
      sc.view = new int[Math.max(words, sc.view.length * 2)];
      sc.symbol = new int[sc.view.length];
    }
    Arrays.fill(sc.view, 0, words, -1);
    for (int i = 0; i < count; i++) {
      int r = order[i] * READING;
      int v = rd[r + 1];
      int chosen = rd[r + 4];
      if (nameRun(p, rd[r + 2], rd[r + 3])) {
        continue;
      }
      boolean fits = true;
      for (int k = 0; k < chosen && fits; k++) {
        int word = rd[r + 5 + 2 * k];
        int sym = rd[r + 6 + 2 * k];
        fits = sc.view[word] < 0 || sameSyllable(sc.view[word], sc.symbol[word], v, sym);
      }
      // A masked word read as a swear (l*n, đ*t) stays the swear beside written words (thằng l*n is not
      // thằng lợn, cái đ*t not cái đất: a writer masks the word he thinks rude); it is another syllable
      // only in a rule or harm concept phrase read with another masked word (tr*o đ*i: trao đổi), or in an
      // everyday phrase (an exception) of three syllables or more whose other syllables are written: the
      // written words settle the masked one (d*o rọc giấy: dao rọc giấy, the paper knife), where one
      // written word beside it (cái đ*t) does not; or in an everyday compound whose syllables are all
      // strong masked words, one of them no swear (l*a đ*o: lừa đảo, a scam): the other masked word settles
      // it, where a written one (vl đ*o, đ*o hiểu) does not.
      boolean settled = rd[r] == EXCEPTION && (chosen == 1 && rd[r + 3] - rd[r + 2] >= 2
          || maskedCompound(p, rd, r, chosen));
      for (int k = 0; k < chosen && fits; k++) {
        int word = rd[r + 5 + 2 * k];
        int sym = rd[r + 6 + 2 * k];
        fits = !p.maskedSwear(word) || sym == (v == 0 ? p.maskedReadExact(word) : p.maskedReadFold(word))
            || rd[r] <= HARM && chosen >= 2 || settled;
      }
      if (!fits) {
        continue;
      }
      for (int k = 0; k < chosen; k++) {
        int word = rd[r + 5 + 2 * k];
        if (sc.view[word] < 0) {
          sc.view[word] = v;
          sc.symbol[word] = rd[r + 6 + 2 * k];
        }
      }
    }
    for (int word = 0; word < words; word++) {
      int v = sc.view[word];
      if (v < 0 && p.maskedSwear(word) && nameSwear(p, p.maskedPosition(word))) {
        readAsName(p, sc, word);   // a name's syllable, not the swear its letters also spell
      } else if (v == 0) {
        // Read in the exact view: the syllable with its diacritics.
        int sym = sc.symbol[word];
        p.readMasked(word, sym, sym < foldOfExact.length ? foldOfExact[sym] : -1, false);
      } else if (v == 1) {
        // Read in the folded view: like a word written without diacritics, with the exact syllable the
        // normaliser read (when it has this fold), or that its written marks or a reading of the exact view
        // settle, if any.
        int fold = sc.symbol[word];
        int exact = fold == p.maskedReadFold(word) && p.maskedReadExact(word) >= 0 ? p.maskedReadExact(word)
            : p.maskedMarked(word) ? exactFit(p, word, fold) : exactOf(rd, count, word, fold);
        p.readMasked(word, exact, fold, true);
      }
    }
  }

  /**
   * Whether reading {@code r} (an exception) is a compound of {@code chosen} syllables, every one a strong
   * masked word and at most one of them a masked swear ({@code l*a đ*o}: {@code lừa đảo}).
   */
  private static boolean maskedCompound(Positions p, int[] rd, int r, int chosen) {
    if (chosen < 2 || rd[r + 3] - rd[r + 2] + 1 != chosen) {
      return false;
    }
    int swears = 0;
    for (int k = 0; k < chosen; k++) {
      int word = rd[r + 5 + 2 * k];
      if (p.maskedWeak(word)) {
        return false;
      }
      if (p.maskedSwear(word)) {
        swears++;
      }
    }
    return swears <= 1;
  }

  /**
   * The exact syllable a reading of the exact view gave masked word {@code word} with the folded id
   * {@code fold} (a phrase of the folded view took the word, and one of the exact view read it as the same
   * syllable with its diacritics), or -1.
   */
  private int exactOf(int[] rd, int count, int word, int fold) {
    for (int i = 0; i < count; i++) {
      int r = i * READING;
      if (rd[r + 1] != 0) {
        continue;
      }
      for (int k = 0; k < rd[r + 4]; k++) {
        int sym = rd[r + 6 + 2 * k];
        if (rd[r + 5 + 2 * k] == word && sym < foldOfExact.length && foldOfExact[sym] == fold) {
          return sym;
        }
      }
    }
    return -1;
  }

  /**
   * Whether reading {@code a} is preferred to reading {@code b}: a better rank, the exact view, more masked
   * words read as the normaliser read them (thằng l*n: the swear, not thằng lợn), longer, earlier.
   */
  private static boolean before(Positions p, int[] rd, int a, int b) {
    if (rd[a] != rd[b]) {
      return rd[a] < rd[b];
    }
    if (rd[a + 1] != rd[b + 1]) {
      return rd[a + 1] < rd[b + 1];
    }
    int ka = agreeing(p, rd, a);
    int kb = agreeing(p, rd, b);
    if (ka != kb) {
      return ka > kb;
    }
    int la = rd[a + 3] - rd[a + 2];
    int lb = rd[b + 3] - rd[b + 2];
    if (la != lb) {
      return la > lb;
    }
    return rd[a + 2] < rd[b + 2];
  }

  /**
   * True when syllables {@code from..to} (inclusive) are written as a person's name, so no phrase is read
   * through their masked words: every one begins with a capital, one of them is written in title case (a
   * capital then a small letter: {@code Ng*c}, not {@code NG*C} shouted nor a lone {@code L*}), and the run
   * stands beside more of a name or in a list: another capitalised syllable of its sentence follows or
   * precedes it ({@code L* Ng*c Anh}, {@code Tr*n Minh Kh*i}), or a comma, a semicolon or a list's colon
   * sets it off ({@code Giải nhì: L* Ng*c, …}). Masked names in a prize list or a news report are read so; a
   * swear or a sexual word masked in small letters ({@code l* ng*c}), one opening its sentence ({@code Đ*t
   * m* mày}) or capitalised alone inside it ({@code bị L* Ng*c trên sóng}) is not.
   */
  private static boolean nameRun(Positions p, int from, int to) {
    boolean title = false;
    for (int i = from; i <= to; i++) {
      if (!capital(p, i)) {
        return false;
      }
      title |= titleCase(p, i);
    }
    if (!title) {
      return false;
    }
    return nameWord(p, to + 1) || from > 0 && !p.sentenceStart(from) && nameWord(p, from - 1)
        || listMark(p, p.start(from) - 1, -1) || listMark(p, p.end(to), 1);
  }

  /** Whether the first char other than a blank from {@code k} on, in direction {@code step}, separates a list. */
  private static boolean listMark(Positions p, int k, int step) {
    for (int n = p.inputLength(); k >= 0 && k < n; k += step) {
      char c = p.inputChar(k);
      if (c != ' ' && c != '\t') {
        return c == ',' || c == ';' || step < 0 && c == ':';
      }
    }
    return false;
  }

  /**
   * Reads masked word {@code w}, a syllable of a name, as the first syllable it fits whose spelling without
   * diacritics is not the swear's ({@code L*n}: not {@code lồn}, whose fold {@code lon} is also that of {@code
   * lộn}, {@code lớn}) and that is no rule on its own ({@code lìn}); it keeps the normaliser's reading when none fits. Uses the scratch's candidates.
   */
  private void readAsName(Positions p, Scratch sc, int w) {
    candidates(p, sc, w);
    int swear = p.maskedReadFold(w);
    int[] exact = sc.candidates[0];
    for (int k = 0, n = sc.candidateCount[0]; k < n; k++) {
      int id = exact[k];
      int fold = id < foldOfExact.length ? foldOfExact[id] : -1;
      if (fold >= 0 && fold != swear && !ruleAlone(id, fold)) {
        p.readMasked(w, id, fold, false);
        return;
      }
    }
  }

  /** Whether syllable {@code k} is capitalised and not the first of its sentence (whose capital says nothing). */
  private static boolean nameWord(Positions p, int k) {
    return k > 0 && k < p.size() && !p.sentenceStart(k) && capital(p, k);
  }

  /**
   * True when the masked swear at syllable {@code i} ({@code L*n}) is one syllable of a masked full name: it
   * is written in title case, is not the first syllable of its sentence, and stands in a run of three
   * capitalised syllables or more of that sentence ({@code em C*o Th* L*n}: {@code Cao Thị Lan}; {@code Giải
   * nhất: Tr*n Thị C*c}). {@code thằng L*n}, {@code Thằng L*n đó}, {@code Mày là Đồ L*n} are not.
   */
  private static boolean nameSwear(Positions p, int i) {
    if (!nameWord(p, i) || !titleCase(p, i)) {
      return false;
    }
    int from = i;
    while (from > 0 && !p.sentenceStart(from) && capital(p, from - 1)) {
      from--;
    }
    int to = i;
    while (nameWord(p, to + 1)) {
      to++;
    }
    return to - from >= 2;
  }

  /** Whether exact syllable {@code id} (folded {@code fold}) is on its own a rule of the lexicon ({@code lìn}). */
  private boolean ruleAlone(int id, int fold) {
    return ruleIn(0, id) || fold >= 0 && ruleIn(1, fold);
  }

  private boolean ruleIn(int v, int sym) {
    PhraseAutomaton a = automata[v];
    int c = a.childOf(0, sym);
    int at = c < 0 ? 0 : a.outputsAt(c);
    if (at == 0) {
      return false;
    }
    for (int k = at + 1, e = at + 1 + a.pool[at]; k < e; k++) {
      int out = a.pool[k];
      if (length(out) == 1 && rank(out) == RULE) {
        return true;
      }
    }
    return false;
  }

  /** Whether syllable {@code i} begins with a capital letter in the text as written. */
  private static boolean capital(Positions p, int i) {
    int k = p.start(i);
    return k < p.inputLength() && Character.isUpperCase(p.inputChar(k));
  }

  /** Whether syllable {@code i}, capitalised, holds a small letter after its capital. */
  private static boolean titleCase(Positions p, int i) {
    for (int k = p.start(i) + 1, e = Math.min(p.end(i), p.inputLength()); k < e; k++) {
      if (Character.isLowerCase(p.inputChar(k))) {
        return true;
      }
    }
    return false;
  }

  /** How many masked words reading {@code r} reads as the normaliser did. */
  private static int agreeing(Positions p, int[] rd, int r) {
    int n = 0;
    for (int k = 0; k < rd[r + 4]; k++) {
      int word = rd[r + 5 + 2 * k];
      int sym = rd[r + 6 + 2 * k];
      n += sym == (rd[r + 1] == 0 ? p.maskedReadExact(word) : p.maskedReadFold(word)) ? 1 : 0;
    }
    return n;
  }

  /** Whether symbol {@code s} of view {@code v} and symbol {@code t} of view {@code u} are one syllable. */
  private boolean sameSyllable(int v, int s, int u, int t) {
    if (v == u) {
      return s == t;
    }
    int fs = v == 0 ? (s < foldOfExact.length ? foldOfExact[s] : -1) : s;
    int ft = u == 0 ? (t < foldOfExact.length ? foldOfExact[t] : -1) : t;
    return fs >= 0 && fs == ft;
  }
}
