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
 * <p>Immutable after {@link Builder#build()}; thread-safe.
 */
final class PhraseAutomaton {

  private static final int[] NONE = new int[0];

  final long[] keys;
  final int[] values;
  final int mask;
  final int[] fail;
  final int[][] outputs;
  /** The root's transitions by symbol (0 where the root has none). */
  final int[] rootNext;
  /**
   * Per state: bit {@code symbol % 64} is set for every symbol it has a transition on. A clear bit means
   * the state has no transition on that symbol, so most steps skip the probe of the shared table; a state
   * without children (the end of a phrase) has no bit set at all.
   */
  final long[] childBits;

  private PhraseAutomaton(long[] keys, int[] values, int[] fail, int[][] outputs, int[] rootNext,
      long[] childBits) {
    this.keys = keys;
    this.values = values;
    this.mask = keys.length - 1;
    this.fail = fail;
    this.outputs = outputs;
    this.rootNext = rootNext;
    this.childBits = childBits;
  }

  /** The state after reading {@code symbol} in {@code state}; unknown symbols (-1) go to the root. */
  int step(int state, int symbol) {
    if (symbol < 0) {
      return 0;
    }
    while (state != 0) {
      // Java's shift takes the low six bits of symbol: this tests bit symbol % 64.
      int next = (childBits[state] & (1L << symbol)) == 0 ? -1 : get(state, symbol);
      if (next >= 0) {
        return next;
      }
      state = fail[state];
    }
    // Most steps end at the root: its transitions are a plain array indexed by symbol.
    return symbol < rootNext.length ? rootNext[symbol] : 0;
  }

  /** The ids of the phrases that end in this state. */
  int[] outputs(int state) {
    return outputs[state];
  }

  int stateCount() {
    return fail.length;
  }

  private int get(int state, int symbol) {
    long key = key(state, symbol);
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == -1L) {
        return -1;
      }
    }
  }

  private static long key(int state, int symbol) {
    return ((long) state << 32) | (symbol & 0xFFFFFFFFL);
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  /**
   * The automaton of a trie given by each state's parent and the symbol on the edge into it (both
   * ignored for the root, state 0), with its failure links and per-state outputs (own then inherited).
   * The builder and the precompiled form ({@link LexiconCodec}) both end here.
   */
  static PhraseAutomaton assemble(int[] parent, int[] symbol, int[] fail, int[][] outputs) {
    int n = fail.length;
    int cap = Integer.highestOneBit(Math.max(4, (n - 1) * 2 - 1)) << 1;
    long[] keys = new long[cap];
    int[] values = new int[cap];
    Arrays.fill(keys, -1L);
    int m = cap - 1;
    long[] childBits = new long[n];
    int maxRootSymbol = -1;
    for (int child = 1; child < n; child++) {
      long key = key(parent[child], symbol[child]);
      int i = mix(key) & m;
      while (keys[i] != -1L) {
        i = (i + 1) & m;
      }
      keys[i] = key;
      values[i] = child;
      childBits[parent[child]] |= 1L << symbol[child];
      if (parent[child] == 0) {
        maxRootSymbol = Math.max(maxRootSymbol, symbol[child]);
      }
    }
    int[] rootNext = new int[maxRootSymbol + 1];
    for (int child = 1; child < n; child++) {
      if (parent[child] == 0) {
        rootNext[symbol[child]] = child;
      }
    }
    return new PhraseAutomaton(keys, values, fail, outputs, rootNext, childBits);
  }

  /** Collects phrases, then builds the automaton. Not thread-safe. */
  static final class Builder {
    private final List<int[]> children = new ArrayList<>(); // per state: pairs (symbol, child)
    private final List<List<Integer>> own = new ArrayList<>();
    private final java.util.HashMap<Long, Integer> edges = new java.util.HashMap<>();

    Builder() {
      newState();
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
