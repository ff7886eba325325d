package vn.lanhmanh.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton over symbol ids (syllables), so matching every phrase of a lexicon costs one
 * step per syllable of text whatever the number of phrases. Transitions live in one open-addressing
 * table keyed by {@code (state, symbol)}; outputs are precomputed per state (own plus dictionary-suffix
 * outputs), so reporting a hit never walks the failure chain.
 *
 * <p>The lexicon's automata have some 150,000 states each, far more than a core's cache holds, so a step
 * is laid out to touch as few cache lines as it can: a transition is one {@code long} of the table (its
 * state, symbol and target packed together), and what a step reads of a state (its child mask, its
 * failure link and how many outputs it has) is two adjacent {@code long}s of {@link #states}.
 *
 * <p>Immutable after {@link Builder#build()}; thread-safe.
 */
final class PhraseAutomaton {

  private static final int[] NONE = new int[0];
  /** An empty slot of {@link #table}; a packed transition never has all 64 bits set. */
  private static final long EMPTY = -1L;

  /**
   * The transitions, open addressing with linear probing: each used slot is
   * {@code ((state << symbolBits | symbol) << stateBits) | target}.
   */
  final long[] table;
  final int mask;
  /** Bits of a symbol and of a state in a packed transition. */
  final int symbolBits;
  final int stateBits;
  final int[] fail;
  final int[][] outputs;
  /** The root's transitions by symbol (0 where the root has none). */
  final int[] rootNext;
  /**
   * Per state {@code s}, two longs: at {@code 2s} bit {@code symbol % 64} is set for every symbol it has a
   * transition on (a clear bit means no transition, so most steps skip the probe of the table; a state
   * without children has no bit set at all); at {@code 2s + 1} its failure link (high 32 bits) and its
   * number of outputs (low 32 bits).
   */
  final long[] states;

  private PhraseAutomaton(long[] table, int symbolBits, int stateBits, int[] fail, int[][] outputs,
      int[] rootNext, long[] states) {
    this.table = table;
    this.mask = table.length - 1;
    this.symbolBits = symbolBits;
    this.stateBits = stateBits;
    this.fail = fail;
    this.outputs = outputs;
    this.rootNext = rootNext;
    this.states = states;
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
        int next = get(state, symbol);
        if (next >= 0) {
          return next;
        }
      }
      state = (int) (st[2 * state + 1] >>> 32);
    }
    // Most steps end at the root: its transitions are a plain array indexed by symbol.
    return symbol < rootNext.length ? rootNext[symbol] : 0;
  }

  /** How many phrases end in this state (read beside the state's child mask: no extra cache line). */
  int outputCount(int state) {
    return (int) states[2 * state + 1];
  }

  /** The ids of the phrases that end in this state. */
  int[] outputs(int state) {
    return outputs[state];
  }

  int stateCount() {
    return fail.length;
  }

  private int get(int state, int symbol) {
    long key = ((long) state << symbolBits) | symbol;
    if (symbol >>> symbolBits != 0) {
      return -1;   // beyond every symbol of the trie
    }
    long[] t = table;
    int sb = stateBits;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      long k = t[i];
      if (k >>> sb == key) {
        return (int) (k & ((1L << sb) - 1));
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** Whether table slot {@code i} holds a transition. */
  boolean used(int i) {
    return table[i] != EMPTY;
  }

  /** The state a used table slot leaves from. */
  int slotState(int i) {
    return (int) (table[i] >>> (stateBits + symbolBits));
  }

  /** The symbol of a used table slot. */
  int slotSymbol(int i) {
    return (int) ((table[i] >>> stateBits) & ((1L << symbolBits) - 1));
  }

  /** The state a used table slot leads to. */
  int slotTarget(int i) {
    return (int) (table[i] & ((1L << stateBits) - 1));
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  /** Bits needed to hold values {@code 0..max} (at least 1). */
  private static int bitsFor(int max) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
  }

  /**
   * The automaton of a trie given by each state's parent and the symbol on the edge into it (both
   * ignored for the root, state 0), with its failure links and per-state outputs (own then inherited).
   * The builder and the precompiled form ({@link LexiconCodec}) both end here.
   *
   * @throws IllegalArgumentException if states and symbols are too many to pack a transition in 63 bits
   */
  static PhraseAutomaton assemble(int[] parent, int[] symbol, int[] fail, int[][] outputs) {
    int n = fail.length;
    int maxSymbol = 0;
    for (int child = 1; child < n; child++) {
      maxSymbol = Math.max(maxSymbol, symbol[child]);
    }
    int stateBits = bitsFor(n - 1);
    int symbolBits = bitsFor(maxSymbol);
    if (2 * stateBits + symbolBits > 63) {
      throw new IllegalArgumentException("automaton too large: " + n + " states over " + (maxSymbol + 1)
          + " symbols");
    }
    int cap = Integer.highestOneBit(Math.max(4, (n - 1) * 2 - 1)) << 1;
    long[] table = new long[cap];
    Arrays.fill(table, EMPTY);
    int m = cap - 1;
    long[] states = new long[2 * n];
    int maxRootSymbol = -1;
    for (int child = 1; child < n; child++) {
      long key = ((long) parent[child] << symbolBits) | symbol[child];
      int i = mix(key) & m;
      while (table[i] != EMPTY) {
        i = (i + 1) & m;
      }
      table[i] = (key << stateBits) | child;
      states[2 * parent[child]] |= 1L << symbol[child];
      if (parent[child] == 0) {
        maxRootSymbol = Math.max(maxRootSymbol, symbol[child]);
      }
    }
    for (int s = 0; s < n; s++) {
      states[2 * s + 1] = ((long) fail[s] << 32) | outputs[s].length;
    }
    int[] rootNext = new int[maxRootSymbol + 1];
    for (int child = 1; child < n; child++) {
      if (parent[child] == 0) {
        rootNext[symbol[child]] = child;
      }
    }
    return new PhraseAutomaton(table, symbolBits, stateBits, fail, outputs, rootNext, states);
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
