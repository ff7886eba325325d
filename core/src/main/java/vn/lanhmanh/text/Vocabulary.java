package vn.lanhmanh.text;

import java.util.Arrays;

/**
 * The syllables a lexicon knows, in their exact and folded views, plus teencode expansions and the
 * joined spellings of multi-syllable phrases ({@code ditme}). The normaliser asks it whether a joined,
 * collapsed or expanded spelling is a known word; the matcher uses its ids as automaton symbols.
 *
 * <p>Filled while a lexicon is compiled, then only read: safe for concurrent lookups once published.
 */
public final class Vocabulary {

  /** A token that stands for several syllables: teencode ({@code dm}) or a joined phrase ({@code ditme}). */
  public static final class Expansion {
    final int[] exactIds;
    final int[] foldIds;

    Expansion(int[] exactIds, int[] foldIds) {
      this.exactIds = exactIds;
      this.foldIds = foldIds;
    }

    public int size() {
      return foldIds.length;
    }
  }

  private final SymbolTable exact = new SymbolTable();
  private final SymbolTable fold = new SymbolTable();
  private final SymbolTable teenKeys = new SymbolTable();
  private Expansion[] teen = new Expansion[16];
  private final SymbolTable joinedKeys = new SymbolTable();
  private Expansion[] joined = new Expansion[16];

  /** Adds a syllable in its exact view and returns its exact id. */
  public int addExact(String syllable) {
    return exact.add(syllable);
  }

  /** Adds a syllable in its folded view and returns its folded id. */
  public int addFold(String syllable) {
    return fold.add(syllable);
  }

  /** Registers a teencode token; the first registration of a token wins. */
  public void addTeencode(String token, int[] exactIds, int[] foldIds) {
    int before = teenKeys.size();
    int id = teenKeys.add(token);
    if (id == before) {
      teen = grow(teen, id);
      teen[id] = new Expansion(exactIds.clone(), foldIds.clone());
    }
  }

  /** Registers the joined folded spelling of a phrase; the first registration wins. */
  public void addJoined(String joinedFold, int[] foldIds) {
    int before = joinedKeys.size();
    int id = joinedKeys.add(joinedFold);
    if (id == before) {
      joined = grow(joined, id);
      int[] none = new int[foldIds.length];
      Arrays.fill(none, -1);
      joined[id] = new Expansion(none, foldIds.clone());
    }
  }

  private static Expansion[] grow(Expansion[] a, int id) {
    return id < a.length ? a : Arrays.copyOf(a, Math.max(a.length * 2, id + 1));
  }

  public int exactId(char[] buf, int off, int len) {
    return exact.get(buf, off, len);
  }

  public int foldId(char[] buf, int off, int len) {
    return fold.get(buf, off, len);
  }

  public int exactId(String s) {
    return exact.get(s);
  }

  public int foldId(String s) {
    return fold.get(s);
  }

  Expansion teencode(char[] buf, int off, int len) {
    int id = teenKeys.get(buf, off, len);
    return id < 0 ? null : teen[id];
  }

  Expansion joined(char[] buf, int off, int len) {
    int id = joinedKeys.get(buf, off, len);
    return id < 0 ? null : joined[id];
  }

  public String exactKey(int id) {
    return exact.key(id);
  }

  public String foldKey(int id) {
    return fold.key(id);
  }

  public int exactSize() {
    return exact.size();
  }

  public int foldSize() {
    return fold.size();
  }

  public int teencodeSize() {
    return teenKeys.size();
  }

  public int joinedSize() {
    return joinedKeys.size();
  }
}
