package vn.lanhmanh.text;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The syllables a lexicon knows, in their exact and folded views, plus teencode expansions and the
 * joined spellings of multi-syllable phrases ({@code ditme}). The normaliser asks it whether a joined,
 * collapsed or expanded spelling is a known word; the matcher uses its ids as automaton symbols.
 *
 * <p>Two tables only, so a token costs two hash lookups: the exact table holds syllables and teencode
 * tokens (an id may be both), the folded table holds folded syllables and joined spellings.
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
  private boolean[] exactSyllable = new boolean[64];
  private boolean[] foldSyllable = new boolean[64];
  private Expansion[] teencode = new Expansion[64];
  private Expansion[] joined = new Expansion[64];
  /** Per exact entry: a teencode token registered by {@link #addTypoAliases} (a typed spelling of a syllable). */
  private boolean[] typo = new boolean[64];
  private int[] maskableExact = new int[8];
  private int[] maskableFold = new int[8];
  private int maskableCount;
  private int teencodeCount;
  private int joinedCount;
  /** What other components derived from this vocabulary: key, value, key, value (see {@link #derived}). */
  private volatile Object[] derived = new Object[0];

  /** Adds a syllable in its exact view and returns its exact id. */
  public int addExact(String syllable) {
    int id = exact.add(syllable);
    exactSyllable = grow(exactSyllable, id);
    exactSyllable[id] = true;
    return id;
  }

  /** Adds a syllable in its folded view and returns its folded id. */
  public int addFold(String syllable) {
    int id = fold.add(syllable);
    foldSyllable = grow(foldSyllable, id);
    foldSyllable[id] = true;
    return id;
  }

  /** Registers a teencode token; the first registration of a token wins. */
  public void addTeencode(String token, int[] exactIds, int[] foldIds) {
    int id = exact.add(token);
    teencode = grow(teencode, id);
    exactSyllable = grow(exactSyllable, id);
    if (teencode[id] == null) {
      teencode[id] = new Expansion(exactIds.clone(), foldIds.clone());
      teencodeCount++;
    }
  }

  /**
   * Registers the typo that drops the {@code n} of a final {@code ng} or {@code nh} ({@code nóg} for
   * {@code nóng}, {@code đừg} for {@code đừng}, {@code báh} for {@code bánh}) as a teencode token that
   * stands for the syllable, for every syllable known so far that is written with a diacritic. No
   * Vietnamese syllable ends in a bare {@code g}, or in an {@code h} after a vowel, so such a spelling never
   * hides a word. Without a diacritic only {@code nh} of four letters or more counts ({@code sih} for
   * {@code sinh}): {@code log}, {@code hag}, {@code bag} are English, and {@code ah} is a sigh, not
   * {@code anh}. A spelling already known (as a syllable or a token) keeps its meaning.
   *
   * @return how many were registered
   */
  public int addDroppedFinalN() {
    return overSyllables((id, key) -> {
      int len = key.length();
      if (len < 3 || key.charAt(len - 2) != 'n') {
        return 0;
      }
      char last = key.charAt(len - 1);
      if (last != 'g' && last != 'h' || !hasDiacritic(key) && (last == 'g' || len < 4)) {
        return 0;
      }
      String alias = key.substring(0, len - 2) + last;
      int foldId = foldId(foldOf(key));
      if (exact.get(alias) >= 0 || foldId < 0) {
        return 0;
      }
      addTeencode(alias, new int[] {id}, new int[] {foldId});
      return 1;
    });
  }

  /** What registers aliases of one syllable: its exact id and spelling in, how many were registered out. */
  private interface SyllableAliases {
    int register(int id, String key);
  }

  /**
   * Gives every syllable known when called (not the tokens, nor the aliases registered meanwhile) to
   * {@code aliases}; returns how many it registered in all.
   */
  private int overSyllables(SyllableAliases aliases) {
    int added = 0;
    int n = exact.size();
    for (int id = 0; id < n; id++) {
      if (exactSyllable[id]) {
        added += aliases.register(id, exact.key(id));
      }
    }
    return added;
  }

  /** Lower-case vowels with the hỏi tone, and at the same index the same vowel with the ngã tone. */
  private static final String HOI = "ảẳẩẻểỉỏổởủửỷ";
  private static final String NGA = "ãẵẫẽễĩõỗỡũữỹ";

  /**
   * Registers the spellings of fast typing and regional speech that are one edit from a known syllable
   * and are themselves no syllable the vocabulary knows, as teencode tokens standing for that syllable:
   * the hỏi and ngã tones swapped (Southern and Central speakers do not tell them apart: {@code giử} for
   * {@code giữ}, {@code chuyễn} for {@code chuyển}, {@code khõi} for {@code khỏi}), and the {@code g} or
   * {@code h} of a final {@code ng} or {@code nh} dropped ({@code tăn} for {@code tăng}, {@code đừn} for
   * {@code đừng}, {@code riên} for {@code riêng}, {@code bìn} for {@code bình}). Only syllables whose vowel
   * carries a mark: without one such a spelling is too often a word of its own or English ({@code ban},
   * {@code tin}, {@code den}), and an {@code đ} alone is no such mark ({@code đan}, "knit", or a disguised
   * {@code đạn}, is not {@code đang}). A spelling already known (a syllable, a token, an alias registered before)
   * keeps its meaning, so {@code nửa} stays "half" and {@code hàn} stays "weld"; those need their
   * neighbours and are left to the phrases.
   *
   * @return how many were registered
   */
  public int addTypoAliases() {
    return overSyllables((id, key) -> {
      int len = key.length();
      if (len < 2 || !markedVowel(key) || !syllableShape(key)) {
        return 0;
      }
      int foldId = foldId(foldOf(key));
      if (foldId < 0) {
        return 0;
      }
      int added = 0;
      for (int k = 0; k < len; k++) {
        int h = HOI.indexOf(key.charAt(k));
        int g = NGA.indexOf(key.charAt(k));
        if (h >= 0 || g >= 0) {
          char swapped = h >= 0 ? NGA.charAt(h) : HOI.charAt(g);
          added += alias(key.substring(0, k) + swapped + key.substring(k + 1), id, foldId);
          break;
        }
      }
      if (len >= 3 && key.charAt(len - 2) == 'n' && (key.charAt(len - 1) == 'g' || key.charAt(len - 1) == 'h')) {
        added += alias(key.substring(0, len - 1), id, foldId);
      }
      return added;
    });
  }

  private int alias(String alias, int id, int foldId) {
    if (exact.get(alias) >= 0) {
      return 0;
    }
    addTeencode(alias, new int[] {id}, new int[] {foldId});
    markTypo(exact.get(alias));
    return 1;
  }

  /** Marks exact entry {@code id} as a typed spelling of a syllable (see {@link #addTypoAliases}). */
  public void markTypo(int id) {
    typo = grow(typo, id);
    typo[id] = true;
  }

  /** Whether exact entry {@code entry} is a typed spelling registered by {@link #addTypoAliases}. */
  public boolean isTypo(int entry) {
    return entry >= 0 && entry < typo.length && typo[entry];
  }

  /** Whether a letter other than {@code đ} carries a mark: a vowel's tone or its breve, circumflex or horn. */
  private static boolean markedVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7F && c != 'đ') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} is letters only with at least one vowel (not a token with digits or signs). */
  private static boolean syllableShape(String s) {
    boolean vowel = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetter(c)) {
        return false;
      }
      vowel |= Syllables.vowel(CharTable.fold(CharTable.ch(CharTable.info(c))));
    }
    return vowel;
  }

  private static boolean hasDiacritic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static String foldOf(String key) {
    char[] f = new char[key.length()];
    for (int k = 0; k < f.length; k++) {
      f[k] = CharTable.fold(CharTable.ch(CharTable.info(key.charAt(k))));
    }
    return new String(f);
  }

  /** Registers the joined folded spelling of a phrase; the first registration wins. */
  public void addJoined(String joinedFold, int[] foldIds) {
    int id = fold.add(joinedFold);
    joined = grow(joined, id);
    foldSyllable = grow(foldSyllable, id);
    if (joined[id] == null) {
      joined[id] = new Expansion(noExactIds(foldIds.length), foldIds.clone());
      joinedCount++;
    }
  }

  /** Shared, never written: the exact ids of a joined spelling (none, -1 each) for lengths up to 16. */
  private static final int[][] NO_EXACT_IDS = new int[17][];

  static {
    for (int n = 0; n < NO_EXACT_IDS.length; n++) {
      NO_EXACT_IDS[n] = new int[n];
      Arrays.fill(NO_EXACT_IDS[n], -1);
    }
  }

  /**
   * {@code n} exact ids of none (-1): one shared array per length (some 40,000 joined spellings had an array each),
   * which nothing writes ({@link #teencodeIds} and {@link #joinedIds} hand out copies).
   */
  private static int[] noExactIds(int n) {
    if (n < NO_EXACT_IDS.length) {
      return NO_EXACT_IDS[n];
    }
    int[] none = new int[n];
    Arrays.fill(none, -1);
    return none;
  }

  /**
   * Lets go of the room the tables grew into and do not use (they grow by doubling while a lexicon is compiled
   * or read): called once the vocabulary is complete. Adding to it afterwards still works.
   */
  public void trim() {
    exact.trim();
    fold.trim();
    exactSyllable = Arrays.copyOf(exactSyllable, Math.min(exactSyllable.length, exact.size()));
    foldSyllable = Arrays.copyOf(foldSyllable, Math.min(foldSyllable.length, fold.size()));
    teencode = Arrays.copyOf(teencode, Math.min(teencode.length, exact.size()));
    joined = Arrays.copyOf(joined, Math.min(joined.length, fold.size()));
    typo = Arrays.copyOf(typo, Math.min(typo.length, exact.size()));
  }

  /**
   * Registers a swear syllable that a masked spelling may stand for ({@code đ*t}, {@code c*c}), in
   * lexicon order: when several fit a masked spelling, the first registered is taken.
   */
  public void addMaskable(int exactId, int foldId) {
    for (int k = 0; k < maskableCount; k++) {
      if (maskableExact[k] == exactId) {
        return;
      }
    }
    if (maskableCount == maskableExact.length) {
      maskableExact = Arrays.copyOf(maskableExact, maskableCount * 2);
      maskableFold = Arrays.copyOf(maskableFold, maskableCount * 2);
    }
    maskableExact[maskableCount] = exactId;
    maskableFold[maskableCount] = foldId;
    maskableCount++;
  }

  /** The maskable swears as (exact id, folded id) pairs in the order they were added, for the precompiled form. */
  public int[] maskableIds() {
    int[] pairs = new int[maskableCount * 2];
    for (int k = 0; k < maskableCount; k++) {
      pairs[2 * k] = maskableExact[k];
      pairs[2 * k + 1] = maskableFold[k];
    }
    return pairs;
  }

  int maskableCount() {
    return maskableCount;
  }

  int maskableExactId(int k) {
    return maskableExact[k];
  }

  int maskableFoldId(int k) {
    return maskableFold[k];
  }

  private static boolean[] grow(boolean[] a, int id) {
    return id < a.length ? a : Arrays.copyOf(a, Math.max(a.length * 2, id + 1));
  }

  private static Expansion[] grow(Expansion[] a, int id) {
    return id < a.length ? a : Arrays.copyOf(a, Math.max(a.length * 2, id + 1));
  }

  public int exactId(String s) {
    int id = exact.get(s);
    return id >= 0 && exactSyllable[id] ? id : -1;
  }

  public int foldId(String s) {
    int id = fold.get(s);
    return id >= 0 && foldSyllable[id] ? id : -1;
  }

  /** The entry of the exact table for these characters (a syllable, a teencode token, or both), or -1. */
  int exactEntry(char[] buf, int off, int len, int hash) {
    return exact.get(buf, off, len, hash);
  }

  /** The entry of the folded table for these characters (a syllable, a joined spelling, or both), or -1. */
  int foldEntry(char[] buf, int off, int len, int hash) {
    return fold.get(buf, off, len, hash);
  }

  /** Whether fold-table entry {@code entry} is {@code buf[off, off+len)}. */
  boolean foldKeyEquals(int entry, char[] buf, int off, int len) {
    return fold.keyEquals(entry, buf, off, len);
  }

  /**
   * Per exact-table entry (as the tables are now), the fold-table entry of its characters without
   * diacritics (the normaliser's folded view of them), or -1: a guess that saves a second hash and probe
   * for most tokens, which the caller checks with {@link #foldKeyEquals}, and the folded id that tables
   * derived per exact id (the message classifiers' summed syllables) pair it with.
   */
  public int[] foldOfExact() {
    int[] m = new int[exact.size()];
    for (int id = 0; id < m.length; id++) {
      m[id] = fold.get(foldOf(exact.key(id)));
    }
    return m;
  }

  /** The syllable id of an exact-table entry, or -1 when the entry is only a teencode token. */
  int exactSyllable(int entry) {
    return entry >= 0 && exactSyllable[entry] ? entry : -1;
  }

  int foldSyllable(int entry) {
    return entry >= 0 && foldSyllable[entry] ? entry : -1;
  }

  Expansion teencode(int entry) {
    return entry >= 0 && entry < teencode.length ? teencode[entry] : null;
  }

  Expansion joined(int entry) {
    return entry >= 0 && entry < joined.length ? joined[entry] : null;
  }

  public String exactKey(int id) {
    return exact.key(id);
  }

  public String foldKey(int id) {
    return fold.key(id);
  }

  /** Whether {@code token} (lower case) is a teencode token of this vocabulary ({@code vcl}, {@code dm}). */
  public boolean isTeencode(String token) {
    return teencode(exact.get(token)) != null;
  }

  /** Number of entries of the exact table (syllables and teencode tokens); ids run from 0. */
  public int exactCount() {
    return exact.size();
  }

  /** Number of entries of the folded table (folded syllables and joined spellings); ids run from 0. */
  public int foldCount() {
    return fold.size();
  }

  /** Whether an exact-table entry is a syllable (it may also be a teencode token). */
  public boolean isExactSyllable(int id) {
    return id < exactSyllable.length && exactSyllable[id];
  }

  /** Whether a folded-table entry is a syllable (it may also be a joined spelling). */
  public boolean isFoldSyllable(int id) {
    return id < foldSyllable.length && foldSyllable[id];
  }

  /** The exact and folded syllable ids a teencode token stands for, or null when the entry is none. */
  public int[][] teencodeIds(int id) {
    Expansion e = teencode(id);
    return e == null ? null : new int[][] {e.exactIds.clone(), e.foldIds.clone()};
  }

  /** The folded syllable ids of a joined spelling, or null when the entry is none. */
  public int[] joinedIds(int id) {
    Expansion e = joined(id);
    return e == null ? null : e.foldIds.clone();
  }

  public int teencodeSize() {
    return teencodeCount;
  }

  public int joinedSize() {
    return joinedCount;
  }

  /**
   * What another component derives from this vocabulary under {@code key} (the message classifiers'
   * per-syllable features), made by {@code make} on the first request and kept as long as the vocabulary.
   * Without locks: two threads that ask at once may both make it, and one of theirs is kept.
   */
  public <T> T derived(Object key, Function<Vocabulary, T> make) {
    Object[] d = derived;
    for (int k = 0; k < d.length; k += 2) {
      if (d[k].equals(key)) {
        @SuppressWarnings("unchecked")
        T t = (T) d[k + 1];
        return t;
      }
    }
    T t = make.apply(this);
    Object[] more = Arrays.copyOf(d, d.length + 2);
    more[d.length] = key;
    more[d.length + 1] = t;
    derived = more;
    return t;
  }
}
