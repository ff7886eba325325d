package vn.lanhmanh.match;

import java.util.Arrays;

/**
 * Aho–Corasick automaton over symbol ids (syllables), so matching every phrase of a lexicon costs one
 * step per syllable of text whatever the number of phrases. Outputs are precomputed per state (own plus
 * dictionary-suffix outputs, in ascending order), so reporting a hit never walks the failure chain.
 *
 * <p>The lexicon's automata have some 170,000 states each, far more than a core's cache holds, while a
 * text spends nearly all its steps in the few thousand states near the root. So the states are numbered
 * breadth first, the children of a state in the order of their symbols: the states a text visits most sit
 * together at the front of every array, and the children of a state are a run of consecutive state numbers
 * ({@link #first}), searched by their entry symbols ({@link #symbol}), with no hash table to probe at a
 * random place. What a step reads of a state (its child mask, its failure link and where its outputs
 * start) is two adjacent {@code long}s of {@link #states}.
 *
 * <p>Immutable after {@link Builder#build()}; thread-safe.
 */
final class PhraseAutomaton {

  private static final int[] NONE = new int[0];
  /** Children searched one by one up to this many; by halving beyond. */
  private static final int LINEAR_CHILDREN = 8;

  final int[] fail;
  final int[][] outputs;
  /** The root's transitions by symbol (0 where the root has none). */
  final int[] rootNext;
  /**
   * Per state {@code s}, two longs: at {@code 2s} bit {@code symbol % 64} is set for every symbol it has a
   * transition on (a clear bit means no transition, so most steps skip the search of its children; a state
   * without children has no bit set at all); at {@code 2s + 1} its failure link (high 32 bits) and where
   * its outputs start in {@link #pool} (low 32 bits; 0 for a state without outputs).
   */
  final long[] states;
  /**
   * Every state's outputs in one array, in the order of the states (the states near the root, which a
   * text visits most, first): at a state's start its number of outputs, then the outputs in ascending
   * order. Index 0 is unused, so a start of 0 means none. A hit reads it at the start {@link #states}
   * gives, without going through {@link #outputs}' array of arrays.
   */
  final int[] pool;
  /**
   * The children of state {@code s} are the states {@code first[s]} to {@code first[s + 1] - 1} (breadth
   * first numbering); {@code first[stateCount()]} is the number of states.
   */
  final int[] first;
  /** The symbol on the edge into each state (ascending among siblings; 0 for the root). */
  final int[] symbol;

  private PhraseAutomaton(int[] fail, int[][] outputs, int[] rootNext, long[] states, int[] first,
      int[] symbol, int[] pool) {
    this.pool = pool;
    this.fail = fail;
    this.outputs = outputs;
    this.rootNext = rootNext;
    this.states = states;
    this.first = first;
    this.symbol = symbol;
  }

  /** The state after reading {@code symbol} in {@code state}; unknown symbols (-1) go to the root. */
  int step(int state, int symbol) {
    if (symbol < 0) {
      return 0;
    }
    long[] st = states;
    while (state != 0) {
      // Java's shift takes the low six bits of symbol: this tests bit symbol % 64.
      if ((st[2 * state] & (1L << symbol)) != 0) {
        int next = child(state, symbol);
        if (next >= 0) {
          return next;
        }
      }
      state = (int) (st[2 * state + 1] >>> 32);
    }
    // Most steps end at the root: its transitions are a plain array indexed by symbol.
    return symbol < rootNext.length ? rootNext[symbol] : 0;
  }

  /** The child of {@code state} on {@code symbol} in the trie (no failure link followed), or -1. */
  int childOf(int state, int symbol) {
    if (state == 0) {
      return symbol < rootNext.length && rootNext[symbol] != 0 ? rootNext[symbol] : -1;
    }
    return (states[2 * state] & (1L << symbol)) != 0 ? child(state, symbol) : -1;
  }

  /** How many phrases end in this state. */
  int outputCount(int state) {
    int at = outputsAt(state);
    return at == 0 ? 0 : pool[at];
  }

  /**
   * Where the outputs of this state start in {@link #pool} (read beside the state's child mask: no extra
   * cache line), or 0 when it has none: {@code pool[at]} outputs follow, {@code pool[at + 1 ...]}.
   */
  int outputsAt(int state) {
    return (int) states[2 * state + 1];
  }

  /** The ids of the phrases that end in this state, in ascending order. */
  int[] outputs(int state) {
    return outputs[state];
  }

  int stateCount() {
    return fail.length;
  }

  /** The child of {@code state} on {@code sym}, or -1. */
  private int child(int state, int sym) {
    int[] in = symbol;
    int lo = first[state];
    int end = first[state + 1];
    // Halve while many are left: the first child with a symbol >= sym stays in [lo, hi].
    int hi = end;
    while (hi - lo > LINEAR_CHILDREN) {
      int mid = (lo + hi) >>> 1;
      if (in[mid] < sym) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int c = lo; c < end; c++) {
      int s = in[c];
      if (s >= sym) {
        return s == sym ? c : -1;
      }
    }
    return -1;
  }

  /**
   * The automaton of a trie given by each state's parent and the symbol on the edge into it (both
   * ignored for the root, state 0), with its failure links and per-state outputs (own then inherited).
   * The states are numbered again breadth first (see the class comment); the result is the same whatever
   * the numbering it is given. The builder and the precompiled form ({@link LexiconCodec}) both end here.
   */
  static PhraseAutomaton assemble(int[] parent, int[] symbol, int[] fail, int[][] outputs) {
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
    int[] order = new int[n];   // new number -> old
    int[] renumber = new int[n];   // old -> new
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
    int[] sym = new int[n];
    int[] f = new int[n];
    int[][] out = new int[n][];
    long[] states = new long[2 * n];
    java.util.IdentityHashMap<int[], int[]> sorted = new java.util.IdentityHashMap<>();
    int maxRootSymbol = -1;
    for (int i = 0; i < n; i++) {
      int s = order[i];
      sym[i] = i == 0 ? 0 : symbol[s];
      f[i] = renumber[fail[s]];
      out[i] = sorted.computeIfAbsent(outputs[s], PhraseAutomaton::ascending);
      if (i > 0 && parent[s] == 0) {
        maxRootSymbol = Math.max(maxRootSymbol, sym[i]);
      }
    }
    int pooled = 1;
    for (int i = 0; i < n; i++) {
      pooled += out[i].length == 0 ? 0 : out[i].length + 1;
    }
    int[] pool = new int[pooled];
    int at = 1;
    for (int i = 0; i < n; i++) {
      for (int c = first[i]; c < first[i + 1]; c++) {
        states[2 * i] |= 1L << sym[c];
      }
      int from = 0;
      if (out[i].length != 0) {
        from = at;
        pool[at++] = out[i].length;
        System.arraycopy(out[i], 0, pool, at, out[i].length);
        at += out[i].length;
      }
      states[2 * i + 1] = ((long) f[i] << 32) | from;
    }
    int[] rootNext = new int[maxRootSymbol + 1];
    for (int c = first[0]; c < first[1]; c++) {
      rootNext[sym[c]] = c;
    }
    return new PhraseAutomaton(f, out, rootNext, states, first, sym, pool);
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

  /** The outputs in ascending order (the same array when they are already). */
  private static int[] ascending(int[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i - 1] > a[i]) {
        int[] b = a.clone();
        Arrays.sort(b);
        return b;
      }
    }
    return a.length == 0 ? NONE : a;
  }

  /**
   * Collects phrases, then builds the automaton. Not thread-safe. Everything is kept in int and long arrays
   * (no boxed state, edge or output): a policy's own phrases compile the whole lexicon again, and that has
   * to fit the heap of a phone.
   */
  static final class Builder {
    private static final long FREE = -1L;
    /**
     * The trie's edges, open addressing with linear probing, at most three quarters full: key (state, symbol) →
     * child; a slot holding {@link #FREE} is empty.
     */
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int edgeCount;
    /** Per state: the state it hangs from and the symbol on the edge into it (both 0 for the root). */
    private int[] parent = new int[1 << 12];
    private int[] symbol = new int[1 << 12];
    private int states = 1;
    /** The phrases added: the state each ends in and its output id, in the order added. */
    private int[] ownState = new int[1 << 10];
    private int[] ownId = new int[1 << 10];
    private int owned;

    Builder() {
      Arrays.fill(keys, FREE);
    }

    private static long key(int state, int symbol) {
      return ((long) state << 32) | (symbol & 0xFFFFFFFFL);
    }

    private int slot(long key) {
      int mask = keys.length - 1;
      int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
      while (keys[i] != FREE && keys[i] != key) {
        i = (i + 1) & mask;
      }
      return i;
    }

    /** The child of {@code state} on {@code sym}, or -1. */
    private int edge(int state, int sym) {
      int i = slot(key(state, sym));
      return keys[i] == FREE ? -1 : values[i];
    }

    private int newChild(int state, int sym) {
      if (states == parent.length) {
        parent = Arrays.copyOf(parent, states * 2);
        symbol = Arrays.copyOf(symbol, states * 2);
      }
      int child = states++;
      parent[child] = state;
      symbol[child] = sym;
      // grown at three quarters full: at half, a lexicon a few hundred edges past 2^18 doubled a 6 MB table to
      // 12 MB (18 MB while rehashing), which a policy's overlay, compiled beside the filter's own lexicon, felt
      if (4L * (edgeCount + 1) > 3L * keys.length) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != FREE) {
            int j = slot(oldKeys[i]);
            keys[j] = oldKeys[i];
            values[j] = oldValues[i];
          }
        }
      }
      int i = slot(key(state, sym));
      keys[i] = key(state, sym);
      values[i] = child;
      edgeCount++;
      return child;
    }

    /** Adds a phrase of symbols (all ≥ 0) with its output id. */
    void add(int[] symbols, int outputId) {
      int state = 0;
      for (int s : symbols) {
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
     * (the edge table before the assembly, the trie after it), so a lexicon's two builders and the assembly's
     * arrays are never all held at once.
     */
    PhraseAutomaton build() {
      int[] fail = new int[states];
      int[][] outputs = new int[states][];
      link(fail, outputs);
      keys = null;
      values = null;
      PhraseAutomaton built = assemble(parent, symbol, fail, outputs);
      parent = null;
      symbol = null;
      ownState = null;
      ownId = null;
      return built;
    }

    /** Each state's failure link and outputs (own, then inherited); its scratch arrays die with the call. */
    private void link(int[] fail, int[][] outputs) {
      int n = states;
      // Each state's children, and each state's own outputs, in the order they were added.
      int[] kidStart = starts(parent, 1, n, n);
      int[] kids = new int[Math.max(0, n - 1)];
      int[] fill = Arrays.copyOf(kidStart, n);
      for (int c = 1; c < n; c++) {
        kids[fill[parent[c]]++] = c;
      }
      int[] ownStart = starts(ownState, 0, owned, n);
      int[] ownIds = new int[owned];
      fill = Arrays.copyOf(ownStart, n);
      for (int k = 0; k < owned; k++) {
        ownIds[fill[ownState[k]]++] = ownId[k];
      }
      // Breadth first, so that a state's failure target (shallower) has its outputs already.
      int[] queue = new int[n];
      int head = 0;
      int tail = 0;
      queue[tail++] = 0;
      while (head < tail) {
        int state = queue[head++];
        int[] inherited = state == 0 ? NONE : outputs[fail[state]];
        int own = ownStart[state + 1] - ownStart[state];
        if (own == 0) {
          outputs[state] = inherited;
        } else {
          int[] out = Arrays.copyOfRange(ownIds, ownStart[state], ownStart[state] + own + inherited.length);
          System.arraycopy(inherited, 0, out, own, inherited.length);
          outputs[state] = out;
        }
        for (int k = kidStart[state]; k < kidStart[state + 1]; k++) {
          int child = kids[k];
          fail[child] = state == 0 ? 0 : failure(fail, fail[state], symbol[child]);
          queue[tail++] = child;
        }
      }
    }

    /** Where the failure link of a child on {@code sym} goes, starting from its parent's failure target. */
    private int failure(int[] fail, int from, int sym) {
      int f = from;
      while (true) {
        int t = edge(f, sym);
        if (t >= 0) {
          return t;
        }
        if (f == 0) {
          return 0;
        }
        f = fail[f];
      }
    }
  }
}
