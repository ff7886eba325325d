package vn.lanhmanh.match;

import java.util.Arrays;

/**
 * Aho–Corasick automaton over symbol ids (syllables), so matching every phrase of a lexicon costs one
 * step per syllable of text whatever the number of phrases. Outputs are precomputed per state (own plus
 * dictionary-suffix outputs, in ascending order), so reporting a hit never walks the failure chain.
 *
 * <p>The lexicon's automata have some 900,000 states each, far more than a core's cache holds, while a
 * text spends nearly all its steps in the few thousand states near the root. So the states are numbered
 * breadth first, the children of a state in the order of their symbols: the states a text visits most sit
 * together at the front of every array, and the children of a state are a run of consecutive state numbers
 * ({@link #first}), searched by their entry symbols ({@link #symbol}), with no hash table to probe at a
 * random place. What a step reads of a state is its child mask ({@link #masks}) and, when the mask has no
 * bit for the symbol, its failure link ({@link #fail}); a hit reads where its outputs start
 * ({@link #outputsAt}). They are three arrays, not one table, so that no array of the automaton is larger
 * than one {@code int} a state: the largest allocation a phone's heap must find in one piece is small.
 *
 * <p>Immutable after {@link Builder#build()}; thread-safe.
 */
final class PhraseAutomaton {

  private static final int[] NONE = new int[0];
  /** Children searched one by one up to this many; by halving beyond. */
  private static final int LINEAR_CHILDREN = 8;

  /** The root's transitions by symbol (0 where the root has none). */
  final int[] rootNext;
  /**
   * Per state, bit {@code symbol % 32} set for every symbol it has a transition on (a clear bit means no
   * transition, so most steps skip the search of its children; a state without children has no bit set). An
   * {@code int} rather than a {@code long} a state: more than half the states have no child and most others
   * one or two, so the narrower mask seldom sends a step to a search that finds nothing, and it saves four bytes
   * a state (some 7.5 MB over the lexicon's two automata).
   */
  final int[] masks;
  /** Per state, its failure link (0, the root, for the root and its children). */
  private final int[] failLinks;
  /** Per state, where its outputs start in {@link #pool} (0 for a state without outputs). */
  private final int[] outputStart;
  /**
   * Every state's outputs in one array, in the order of the states (the states near the root, which a
   * text visits most, first): at a state's start its number of outputs, then the outputs in ascending
   * order. Index 0 is unused, so a start of 0 means none. A hit reads it at the start
   * {@link #outputsAt} gives. It is the only copy of the outputs: no array per state is kept (an array's header alone is 16
   * bytes, and a lexicon's automata have hundreds of thousands of states with outputs), and a state with no
   * outputs of its own, whose outputs are its failure target's, starts where that state's start.
   */
  final int[] pool;
  /**
   * The children of state {@code s} are the states {@code first[s]} to {@code first[s + 1] - 1} (breadth
   * first numbering); {@code first[stateCount()]} is the number of states.
   */
  final int[] first;
  /**
   * The symbol on the edge into each state (ascending among siblings; 0 for the root), two bytes each when
   * every symbol is below {@code 0xFFFF} (a lexicon's vocabulary has some 44,000 folded syllables, and its
   * automata some 900,000 states each), else null and {@link #wideSymbol} holds them.
   */
  private final char[] narrowSymbol;
  private final int[] wideSymbol;

  private PhraseAutomaton(int[] rootNext, int[] masks, int[] failLinks, int[] outputStart, int[] first,
      char[] narrowSymbol, int[] wideSymbol, int[] pool) {
    this.pool = pool;
    this.rootNext = rootNext;
    this.masks = masks;
    this.failLinks = failLinks;
    this.outputStart = outputStart;
    this.first = first;
    this.narrowSymbol = narrowSymbol;
    this.wideSymbol = wideSymbol;
  }

  /** The symbol on the edge into state {@code c} (0 for the root). */
  int symbol(int c) {
    char[] narrow = narrowSymbol;
    return narrow != null ? narrow[c] : wideSymbol[c];
  }

  /** The state after reading {@code symbol} in {@code state}; unknown symbols (-1) go to the root. */
  int step(int state, int symbol) {
    if (symbol < 0) {
      return 0;
    }
    int[] m = masks;
    int[] f = failLinks;
    while (state != 0) {
      // Java's shift takes the low five bits of symbol: this tests bit symbol % 32.
      if ((m[state] & (1 << symbol)) != 0) {
        int next = child(state, symbol);
        if (next >= 0) {
          return next;
        }
      }
      state = f[state];
    }
    // Most steps end at the root: its transitions are a plain array indexed by symbol.
    return symbol < rootNext.length ? rootNext[symbol] : 0;
  }

  /** The child of {@code state} on {@code symbol} in the trie (no failure link followed), or -1. */
  int childOf(int state, int symbol) {
    if (state == 0) {
      return symbol < rootNext.length && rootNext[symbol] != 0 ? rootNext[symbol] : -1;
    }
    return (masks[state] & (1 << symbol)) != 0 ? child(state, symbol) : -1;
  }

  /** How many phrases end in this state. */
  int outputCount(int state) {
    int at = outputsAt(state);
    return at == 0 ? 0 : pool[at];
  }

  /**
   * Where the outputs of this state start in {@link #pool}, or 0 when it has none: {@code pool[at]} outputs
   * follow, {@code pool[at + 1 ...]}.
   */
  int outputsAt(int state) {
    return outputStart[state];
  }

  /** The ids of the phrases that end in this state, in ascending order (a new array; not for the check path). */
  int[] outputs(int state) {
    int at = outputsAt(state);
    return at == 0 ? NONE : Arrays.copyOfRange(pool, at + 1, at + 1 + pool[at]);
  }

  /** The failure link of {@code state}. */
  int fail(int state) {
    return failLinks[state];
  }

  int stateCount() {
    return first.length - 1;
  }

  /** The child of {@code state} on {@code sym}, or -1. */
  private int child(int state, int sym) {
    char[] narrow = narrowSymbol;
    int[] wide = wideSymbol;
    int lo = first[state];
    int end = first[state + 1];
    // Halve while many are left: the first child with a symbol >= sym stays in [lo, hi].
    int hi = end;
    while (hi - lo > LINEAR_CHILDREN) {
      int mid = (lo + hi) >>> 1;
      if ((narrow != null ? narrow[mid] : wide[mid]) < sym) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int c = lo; c < end; c++) {
      int s = narrow != null ? narrow[c] : wide[c];
      if (s >= sym) {
        return s == sym ? c : -1;
      }
    }
    return -1;
  }

  /**
   * The automaton of a trie given by each state's parent and the symbol on the edge into it (both
   * ignored for the root, state 0), with its failure links and per-state outputs (own then inherited,
   * {@link #inherit}). The states are numbered again breadth first (see the class comment); the result is
   * the same whatever the numbering it is given. The builder and the precompiled form ({@link LexiconCodec})
   * both end here.
   */
  static PhraseAutomaton assemble(int[] parent, int[] symbol, int[] fail, Outputs outputs) {
    int n = fail.length;
    // Each state's children, sorted by their symbols.
    int[] start = starts(parent, 1, n, n);
    long[] kids = new long[Math.max(0, n - 1)];
    int[] fill = Arrays.copyOf(start, n);
    for (int c = 1; c < n; c++) {
      kids[fill[parent[c]]++] = ((long) symbol[c] << 32) | c;
    }
    for (int s = 0; s < n; s++) {
      Arrays.sort(kids, start[s], start[s + 1]);
    }
    // Breadth first: a state's children get consecutive numbers, in the order of their symbols.
    int[][] numbering = breadthFirst(kids, start, n);
    int[] order = numbering[0];   // new number -> old
    int[] renumber = numbering[1];   // old -> new
    int[] first = numbering[2];
    kids = null;   // the sort's scratch goes before the automaton's own arrays are made
    start = null;
    fill = null;
    int[] sym = new int[n];
    int[] links = new int[n];
    int[] outputAt = new int[n];
    int[] masks = new int[n];
    int pooled = 1;
    for (int i = 0; i < n; i++) {
      int s = order[i];
      sym[i] = i == 0 ? 0 : symbol[s];
      links[i] = renumber[fail[s]];
      int k = outputs.length[s];
      pooled += k == 0 || ownless(s, fail, outputs) ? 0 : k + 1;
    }
    // Each state's outputs straight into the pool, sorted there: no array per state is made or kept. A state
    // without outputs of its own shares its failure target's run (numbered before it).
    int[] pool = new int[pooled];
    int at = 1;
    for (int i = 0; i < n; i++) {
      for (int c = first[i]; c < first[i + 1]; c++) {
        masks[i] |= 1 << sym[c];
      }
      int s = order[i];
      int k = outputs.length[s];
      int from = 0;
      if (k != 0 && ownless(s, fail, outputs)) {
        from = outputAt[links[i]];
      } else if (k != 0) {
        from = at;
        pool[at++] = k;
        System.arraycopy(outputs.flat, outputs.start[s], pool, at, k);
        Arrays.sort(pool, at, at + k);
        at += k;
      }
      outputAt[i] = from;
    }
    char[] narrow = narrowed(sym);
    return new PhraseAutomaton(rootNext(first, sym), masks, links, outputAt, first, narrow,
        narrow == null ? sym : null, pool);
  }

  /**
   * A trie handed over to {@link #assemble(Trie)}: each state's parent and the symbol on the edge into it
   * (both ignored for the root, state 0), and the outputs it has of its own, state {@code s}'s being
   * {@code ownIds[ownStart[s] .. ownStart[s + 1])} in any order. Any numbering of the states with the root at 0
   * will do. The assembly clears the fields as it uses them up.
   */
  static final class Trie {
    int[] parent;
    int[] symbol;
    int[] ownStart;
    int[] ownIds;

    Trie(int[] parent, int[] symbol, int[] ownStart, int[] ownIds) {
      this.parent = parent;
      this.symbol = symbol;
      this.ownStart = ownStart;
      this.ownIds = ownIds;
    }
  }

  /**
   * The same automaton as {@link #assemble(int[], int[], int[], Outputs)} of the trie's {@link #inherit
   * inherited} outputs, with less in the heap at once (what reading a precompiled lexicon needs): the trie's
   * arrays are taken over and each is let go as soon as it is used up (the caller must keep none of them),
   * and each state's outputs, its own then its failure target's, go straight into the pool, where the
   * failure target's (a shallower state, numbered before it) already are, so no table of inherited outputs
   * is made.
   */
  static PhraseAutomaton assemble(Trie t) {
    int n = t.parent.length;
    // Each state's children, sorted by their symbols.
    int[] start = starts(t.parent, 1, n, n);
    long[] kids = new long[Math.max(0, n - 1)];
    int[] fill = Arrays.copyOf(start, n);
    for (int c = 1; c < n; c++) {
      kids[fill[t.parent[c]]++] = ((long) t.symbol[c] << 32) | c;
    }
    fill = null;
    t.parent = null;
    t.symbol = null;   // each child's symbol is in kids now
    for (int s = 0; s < n; s++) {
      Arrays.sort(kids, start[s], start[s + 1]);
    }
    // Breadth first: a state's children get consecutive numbers, in the order of their symbols.
    int[][] numbering = breadthFirst(kids, start, n);
    int[] order = numbering[0];   // new number -> old
    int[] renumber = numbering[1];   // old -> new
    int[] first = numbering[2];
    start = null;
    int[] sym = new int[n];
    for (long kid : kids) {
      sym[renumber[(int) kid]] = (int) (kid >>> 32);
    }
    kids = null;
    renumber = null;
    int[] rootNext = rootNext(first, sym);
    // The symbols in two bytes each when they fit.
    char[] narrow = narrowed(sym);
    int[] wide = narrow == null ? sym : null;
    sym = null;
    // The failure links, by the new numbers: not read, derived from the trie.
    int[] fail = failureLinks(first, narrow, wide, rootNext);
    // How many outputs each state has, its own and its failure target's (counted before it). A state without
    // outputs of its own shares its failure target's in the pool.
    int[] count = new int[n];
    long pooled = 1;
    for (int i = 0; i < n; i++) {
      int s = order[i];
      int own = t.ownStart[s + 1] - t.ownStart[s];
      count[i] = own + (i == 0 ? 0 : count[fail[i]]);
      pooled += own == 0 ? 0 : count[i] + 1;
    }
    if (pooled > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many outputs: " + pooled);
    }
    // Where each state's own outputs start, by its new number, in place of the numbering, which goes with
    // the old table of starts before the pool is made.
    int[] ownAt = order;
    for (int i = 0; i < n; i++) {
      ownAt[i] = t.ownStart[order[i]];
    }
    order = null;
    t.ownStart = null;
    // Each state's outputs, its own then its failure target's (already in the pool, where its count leads
    // them); count[i] becomes where state i's start (0 for none).
    int[] pool = new int[(int) pooled];
    int at = 1;
    for (int i = 0; i < n; i++) {
      int k = count[i];
      if (k == 0) {
        continue;
      }
      int inherited = i == 0 ? 0 : count[fail[i]];
      int own = inherited == 0 ? k : k - pool[inherited];
      if (own == 0) {
        count[i] = inherited;   // the same outputs as its failure target: the same run of the pool
        continue;
      }
      count[i] = at;
      pool[at++] = k;
      System.arraycopy(t.ownIds, ownAt[i], pool, at, own);
      if (inherited != 0) {
        System.arraycopy(pool, inherited + 1, pool, at + own, pool[inherited]);
      }
      Arrays.sort(pool, at, at + k);
      at += k;
    }
    ownAt = null;
    t.ownIds = null;
    // The child masks last, when little else is held: at some 7 MB they are the largest array made, and a
    // collector with fixed regions (G1) needs it in one free run of them. The failure links and the starts of
    // the outputs are the tables already made (fail, count): kept as they are, not copied.
    int[] masks = new int[n];
    for (int i = 0; i < n; i++) {
      int mask = 0;
      for (int c = first[i]; c < first[i + 1]; c++) {
        mask |= 1 << (narrow != null ? narrow[c] : wide[c]);
      }
      masks[i] = mask;
    }
    return new PhraseAutomaton(rootNext, masks, fail, count, first, narrow, wide, pool);
  }

  /**
   * The failure link of every state of a trie numbered breadth first ({@code first}, the symbols {@code narrow}
   * or {@code wide}, the root's children {@code rootNext}): a state's is the deepest state whose path is a proper
   * suffix of its own, found from its parent's failure target as {@link Builder#link} finds it. Breadth first, a
   * state's failure target (shallower) is linked before its children are.
   */
  private static int[] failureLinks(int[] first, char[] narrow, int[] wide, int[] rootNext) {
    int n = first.length - 1;
    int[] fail = new int[n];
    for (int i = 1; i < n; i++) {
      for (int c = first[i]; c < first[i + 1]; c++) {
        int sym = narrow != null ? narrow[c] : wide[c];
        int f = fail[i];
        while (true) {
          int t = f == 0 ? (sym < rootNext.length && rootNext[sym] != 0 ? rootNext[sym] : -1)
              : childIn(first, narrow, wide, f, sym);
          if (t >= 0) {
            fail[c] = t;
            break;
          }
          if (f == 0) {
            break;   // fail[c] stays 0, the root
          }
          f = fail[f];
        }
      }
    }
    return fail;
  }

  /** The child of {@code state} (not the root) on {@code sym} among its sorted children, or -1. */
  private static int childIn(int[] first, char[] narrow, int[] wide, int state, int sym) {
    int lo = first[state];
    int hi = first[state + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int s = narrow != null ? narrow[mid] : wide[mid];
      if (s < sym) {
        lo = mid + 1;
      } else if (s > sym) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Whether state {@code s} (old number) has outputs only through its failure link (as many as its target's). */
  private static boolean ownless(int s, int[] fail, Outputs outputs) {
    return s != 0 && outputs.length[s] == outputs.length[fail[s]];
  }

  /** The root's transitions by symbol: its children are the states {@code first[0] .. first[1] - 1}. */
  private static int[] rootNext(int[] first, int[] sym) {
    int[] rootNext = new int[first[1] > first[0] ? sym[first[1] - 1] + 1 : 0];
    for (int c = first[0]; c < first[1]; c++) {
      rootNext[sym[c]] = c;
    }
    return rootNext;
  }

  /** The symbols in two bytes each, or null when one of them is {@code 0xFFFF} or more. */
  private static char[] narrowed(int[] sym) {
    for (int x : sym) {
      if (x >= Character.MAX_VALUE) {
        return null;
      }
    }
    char[] narrow = new char[sym.length];
    for (int i = 0; i < sym.length; i++) {
      narrow[i] = (char) sym[i];
    }
    return narrow;
  }

  /**
   * Every state's outputs, its own then those it inherits through its failure link: state {@code s}'s are
   * {@code flat[start[s] .. start[s] + length[s])}. A state without outputs of its own shares the run of its
   * failure target, so only states with outputs of their own add to {@code flat}, and no array is made per
   * state.
   */
  static final class Outputs {
    final int[] start;
    final int[] length;
    final int[] flat;

    private Outputs(int[] start, int[] length, int[] flat) {
      this.start = start;
      this.length = length;
      this.flat = flat;
    }
  }

  /**
   * The outputs of every state (see {@link Outputs}) from its own ({@code ownIds[ownStart[s] ..
   * ownStart[s + 1])}), visiting the states in an {@code order} that puts each state's failure target
   * before it (breadth first, or by depth).
   */
  static Outputs inherit(int[] fail, int[] order, int[] ownStart, int[] ownIds) {
    int n = fail.length;
    int[] length = new int[n];
    long size = 0;
    for (int s : order) {
      int own = ownStart[s + 1] - ownStart[s];
      length[s] = own + (s == 0 ? 0 : length[fail[s]]);
      size += own == 0 ? 0 : length[s];
    }
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many outputs: " + size);
    }
    int[] start = new int[n];
    int[] flat = new int[(int) size];
    int at = 0;
    for (int s : order) {
      int own = ownStart[s + 1] - ownStart[s];
      if (own == 0) {
        start[s] = s == 0 ? 0 : start[fail[s]];
        continue;
      }
      start[s] = at;
      System.arraycopy(ownIds, ownStart[s], flat, at, own);
      at += own;
      if (s != 0) {
        System.arraycopy(flat, start[fail[s]], flat, at, length[fail[s]]);
        at += length[fail[s]];
      }
    }
    return new Outputs(start, length, flat);
  }

  /**
   * Counting-sort starts: {@code start[s]} is where the entries {@code i} in [{@code from}, {@code to}) with
   * {@code of[i] == s} begin, for {@code s} in [0, {@code n}], and {@code start[n]} their total.
   */
  private static int[] starts(int[] of, int from, int to, int n) {
    int[] start = new int[n + 1];
    for (int i = from; i < to; i++) {
      start[of[i] + 1]++;
    }
    for (int s = 0; s < n; s++) {
      start[s + 1] += start[s];
    }
    return start;
  }

  /**
   * Collects phrases, then builds the automaton. Not thread-safe. Everything is kept in int and long arrays
   * (no boxed state, edge or output, and no hash table of edges): a policy's own phrases compile the whole
   * lexicon again, beside the filter's own, and that has to fit the heap of a phone.
   */
  static final class Builder {
    /**
     * Per state: the state it hangs from and the symbol on the edge into it (both 0 for the root), its
     * latest child and its next older sibling (0 for none: the root is no one's child). The root's
     * children are in {@link #rootChild} instead, by symbol, since it has one per first syllable.
     */
    private int[] parent = new int[1 << 12];
    private int[] symbol = new int[1 << 12];
    private int[] firstChild = new int[1 << 12];
    private int[] nextSibling = new int[1 << 12];
    /** The root's child on each symbol (0 for none). */
    private int[] rootChild = new int[1 << 10];
    private int states = 1;
    /** The phrases added: the state each ends in and its output id, in the order added. */
    private int[] ownState = new int[1 << 10];
    private int[] ownId = new int[1 << 10];
    private int owned;

    /** The child of {@code state} on {@code sym} while phrases are added, or -1. */
    private int edge(int state, int sym) {
      if (state == 0) {
        return sym < rootChild.length && rootChild[sym] != 0 ? rootChild[sym] : -1;
      }
      // Below the root a state has few children: a walk of its siblings' list.
      for (int c = firstChild[state]; c != 0; c = nextSibling[c]) {
        if (symbol[c] == sym) {
          return c;
        }
      }
      return -1;
    }

    private int newChild(int state, int sym) {
      if (states == parent.length) {
        // by half again rather than doubling: less unused room in the largest arrays a compile holds
        int size = states + (states >> 1);
        parent = Arrays.copyOf(parent, size);
        symbol = Arrays.copyOf(symbol, size);
        firstChild = Arrays.copyOf(firstChild, size);
        nextSibling = Arrays.copyOf(nextSibling, size);
      }
      int child = states++;
      parent[child] = state;
      symbol[child] = sym;
      if (state == 0) {
        if (sym >= rootChild.length) {
          rootChild = Arrays.copyOf(rootChild, Math.max(sym + 1, rootChild.length + (rootChild.length >> 1)));
        }
        rootChild[sym] = child;
      } else {
        nextSibling[child] = firstChild[state];
        firstChild[state] = child;
      }
      return child;
    }

    /** Adds a phrase of symbols (all ≥ 0) with its output id. */
    void add(int[] symbols, int outputId) {
      add(symbols, 0, symbols.length, outputId);
    }

    /** Adds the phrase {@code symbols[from, to)} (all ≥ 0) with its output id. */
    void add(int[] symbols, int from, int to, int outputId) {
      int state = 0;
      for (int k = from; k < to; k++) {
        int s = symbols[k];
        if (s < 0) {
          throw new IllegalArgumentException("phrase symbol must be >= 0");
        }
        int next = edge(state, s);
        state = next >= 0 ? next : newChild(state, s);
      }
      if (owned == ownState.length) {
        ownState = Arrays.copyOf(ownState, owned * 2);
        ownId = Arrays.copyOf(ownId, owned * 2);
      }
      ownState[owned] = state;
      ownId[owned++] = outputId;
    }

    /**
     * Builds the automaton, once: the builder's arrays are let go as soon as the build no longer needs them
     * (the child lists before the failure links, the trie after the assembly), so a lexicon's two builders
     * and the assembly's arrays are never all held at once.
     */
    PhraseAutomaton build() {
      int n = states;
      firstChild = null;
      nextSibling = null;
      rootChild = null;
      int[] fail = new int[n];
      int[] order = link(fail);
      // Each state's own outputs, in the order they were added.
      int[] ownStart = starts(ownState, 0, owned, n);
      int[] ownIds = new int[owned];
      int[] fill = Arrays.copyOf(ownStart, n);
      for (int k = 0; k < owned; k++) {
        ownIds[fill[ownState[k]]++] = ownId[k];
      }
      fill = null;
      ownState = null;
      ownId = null;
      Outputs outputs = inherit(fail, order, ownStart, ownIds);
      order = null;
      ownStart = null;
      ownIds = null;
      PhraseAutomaton built = assemble(parent, symbol, fail, outputs);
      parent = null;
      symbol = null;
      return built;
    }

    /** Each state's failure link; returns the states breadth first (a state's failure target before it). */
    private int[] link(int[] fail) {
      int n = states;
      // Each state's children sorted by symbol ((symbol << 32) | child), searched by halving.
      int[] kidStart = starts(parent, 1, n, n);
      long[] kids = new long[Math.max(0, n - 1)];
      int[] fill = Arrays.copyOf(kidStart, n);
      for (int c = 1; c < n; c++) {
        kids[fill[parent[c]]++] = ((long) symbol[c] << 32) | c;
      }
      fill = null;
      for (int s = 0; s < n; s++) {
        Arrays.sort(kids, kidStart[s], kidStart[s + 1]);
      }
      // Breadth first, so that a state's failure target (shallower) is linked already.
      int[] queue = new int[n];
      int head = 0;
      int tail = 0;
      queue[tail++] = 0;
      while (head < tail) {
        int state = queue[head++];
        for (int k = kidStart[state]; k < kidStart[state + 1]; k++) {
          int child = (int) kids[k];
          fail[child] = state == 0 ? 0 : failure(fail, kidStart, kids, fail[state], symbol[child]);
          queue[tail++] = child;
        }
      }
      return queue;
    }

    /** Where the failure link of a child on {@code sym} goes, starting from its parent's failure target. */
    private static int failure(int[] fail, int[] kidStart, long[] kids, int from, int sym) {
      int f = from;
      while (true) {
        int t = child(kidStart, kids, f, sym);
        if (t >= 0) {
          return t;
        }
        if (f == 0) {
          return 0;
        }
        f = fail[f];
      }
    }

    /** The child of {@code state} on {@code sym} among the sorted children, or -1. */
    private static int child(int[] kidStart, long[] kids, int state, int sym) {
      int lo = kidStart[state];
      int hi = kidStart[state + 1] - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int s = (int) (kids[mid] >>> 32);
        if (s < sym) {
          lo = mid + 1;
        } else if (s > sym) {
          hi = mid - 1;
        } else {
          return (int) kids[mid];
        }
      }
      return -1;
    }
  }

  /**
   * The states of a trie numbered breadth first: {@code kids} holds each state's children ({@code symbol << 32 |
   * child}), sorted, from {@code start[s]} to {@code start[s + 1]}. Returns the old state of each new number, the new
   * number of each old state, and each new state's first child's number ({@code n} past the last).
   */
  private static int[][] breadthFirst(long[] kids, int[] start, int n) {
    int[] order = new int[n];
    int[] renumber = new int[n];
    int[] first = new int[n + 1];
    int next = 1;
    for (int i = 0; i < n; i++) {
      int s = order[i];
      first[i] = next;
      for (int k = start[s]; k < start[s + 1]; k++) {
        int c = (int) kids[k];
        renumber[c] = next;
        order[next++] = c;
      }
    }
    first[n] = n;
    return new int[][] {order, renumber, first};
  }
}
