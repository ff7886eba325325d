package vn.lanhmanh.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    int[] start = new int[n + 1];
    for (int c = 1; c < n; c++) {
      start[parent[c] + 1]++;
    }
    for (int s = 0; s < n; s++) {
      start[s + 1] += start[s];
    }
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

  /** Collects phrases, then builds the automaton. Not thread-safe. */
  static final class Builder {
    private final List<int[]> children = new ArrayList<>(); // per state: pairs (symbol, child)
    private final List<List<Integer>> own = new ArrayList<>();
    private final java.util.HashMap<Long, Integer> edges = new java.util.HashMap<>();

    Builder() {
      newState();
    }

    private static long key(int state, int symbol) {
      return ((long) state << 32) | (symbol & 0xFFFFFFFFL);
    }

    private int newState() {
      own.add(new ArrayList<>(1));
      children.add(NONE);
      return own.size() - 1;
    }

    /** Adds a phrase of symbols (all ≥ 0) with its output id. */
    void add(int[] symbols, int outputId) {
      int state = 0;
      for (int s : symbols) {
        if (s < 0) {
          throw new IllegalArgumentException("phrase symbol must be >= 0");
        }
        Integer next = edges.get(key(state, s));
        if (next == null) {
          int child = newState();
          edges.put(key(state, s), child);
          int[] c = children.get(state);
          int[] grown = Arrays.copyOf(c, c.length + 2);
          grown[c.length] = s;
          grown[c.length + 1] = child;
          children.set(state, grown);
          next = child;
        }
        state = next;
      }
      own.get(state).add(outputId);
    }

    PhraseAutomaton build() {
      int n = own.size();
      int[] fail = new int[n];
      int[][] outputs = new int[n][];
      outputs[0] = toArray(own.get(0));
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      int[] rootKids = children.get(0);
      for (int k = 0; k < rootKids.length; k += 2) {
        int child = rootKids[k + 1];
        fail[child] = 0;
        queue.add(child);
      }
      while (!queue.isEmpty()) {
        int state = queue.poll();
        List<Integer> out = new ArrayList<>(own.get(state));
        for (int o : outputs[fail[state]] == null ? NONE : outputs[fail[state]]) {
          out.add(o);
        }
        outputs[state] = toArray(out);
        int[] kids = children.get(state);
        for (int k = 0; k < kids.length; k += 2) {
          int symbol = kids[k];
          int child = kids[k + 1];
          int f = fail[state];
          while (true) {
            Integer t = edges.get(key(f, symbol));
            if (t != null && t != child) {
              fail[child] = t;
              break;
            }
            if (f == 0) {
              fail[child] = 0;
              break;
            }
            f = fail[f];
          }
          queue.add(child);
        }
      }
      int[] parent = new int[n];
      int[] symbol = new int[n];
      for (int state = 0; state < n; state++) {
        int[] kids = children.get(state);
        for (int k = 0; k < kids.length; k += 2) {
          parent[kids[k + 1]] = state;
          symbol[kids[k + 1]] = kids[k];
        }
      }
      return assemble(parent, symbol, fail, outputs);
    }

    private static int[] toArray(List<Integer> list) {
      if (list.isEmpty()) {
        return NONE;
      }
      int[] a = new int[list.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = list.get(i);
      }
      return a;
    }
  }
}
