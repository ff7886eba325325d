package vn.lanhmanh.url;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.lexicon.TsvLines;

/**
 * Hosts that impersonate a brand targeted by scams in Vietnam (banks, e-wallets, shops, delivery,
 * telecoms, government services, games; {@code vn/lanhmanh/url/impersonation.tsv}). Outside the brand's
 * official domains (and their subdomains), a host is a scam when it
 * <ul>
 *   <li>carries a brand stem next to a lure word ({@code vietcombank-xacminh.com},
 *       {@code shopee-trian-khachhang.com}, {@code freefire-giftcode.net});</li>
 *   <li>is a look-alike of a stem: the same after folding homoglyphs, punycode, diacritics and leetspeak
 *       ({@code vietc0mbank}, {@code vietcornbank}, {@code xn--vietcmbank-ivi}, {@code vne1d}), one edit away
 *       (two for stems of 10 letters or more: {@code techcombnak}, {@code vpbankk}), the stem with extra
 *       digits ({@code agribank247}) or split by hyphens ({@code vietcom-bank});</li>
 *   <li>puts a brand on a cheap new TLD ({@code vietcombank.top});</li>
 *   <li>for banks, e-wallets and government services: carries the stem with only filler words around it
 *       ({@code vietcombank-vn.com}, {@code dichvucong-gov.com});</li>
 *   <li>or offers a game currency for free without any brand ({@code free-robux-2026.com}).</li>
 * </ul>
 *
 * <p>Stems of four letters or fewer ({@code vcb}, {@code acb}, {@code momo}) count only as a whole word of
 * the host or with fillers, lures and digits glued to them ({@code vcbdigibank}), so {@code vcbs.com.vn}
 * and {@code bidvmetlife.com.vn} are not taken for them. Everything is a linear scan over the host; no
 * regular expression. Immutable; thread-safe.
 */
final class Impersonation {

  private static final String FILE = "/vn/lanhmanh/url/impersonation.tsv";
  /** Words that, with a game currency, make a free-currency lure. */
  private static final String[] FREE_WORDS = {"free", "mienphi", "hack", "generator", "giftcode", "nhan", "tang"};

  private record Brand(String name, boolean strict) {}

  /** A stem prepared for fuzzy comparison: its skeleton and how many edits still make a look-alike. */
  /** A stem for the edit-distance test, with {@link #charMask} of its skeleton. */
  private record Fuzzy(String stem, String skeleton, int edits, long mask) {
    Fuzzy(String stem, String skeleton, int edits) {
      this(stem, skeleton, edits, charMask(skeleton));
    }
  }

  private static void add(Fuzzy[][] table, int slot, Fuzzy f) {
    table[slot] = grow(table[slot], f);
  }

  private static <T> T[] grow(T[] old, T item) {
    @SuppressWarnings("unchecked")
    T[] grown = old == null ? (T[]) java.lang.reflect.Array.newInstance(item.getClass(), 1)
        : java.util.Arrays.copyOf(old, old.length + 1);
    grown[grown.length - 1] = item;
    return grown;
  }

  private final Map<String, Brand> brandOfStem;
  /** {@link #brandOfStem}, asked about a word in a char buffer. */
  private final HostTable<Brand> stemTable;
  private final Set<String> officials;
  private final String[][] longStemsByBigram;
  /** Stems of 3 or 4 letters by their first two and by their last two letters. */
  private final String[][] shortByHead;
  private final String[][] shortByTail;
  /** Stems of 5 letters or more by the first two and by the last two letters of their skeleton. */
  private final Fuzzy[][] fuzzyByHead;
  private final Fuzzy[][] fuzzyByTail;
  /**
   * Bit {@code (a << 7) | b} is set when a word of four chars or more that starts with the ASCII chars
   * {@code a b} may have {@link #fuzzyByHead} candidates: always when {@code a} or {@code b} is {@code r}
   * or {@code v} (their skeleton may read a third char), else exactly when the two chars' skeleton has
   * candidates. {@link #lookalikeIn} skips the skeleton's head and tail of a word neither table names.
   */
  private final long[] headMay;
  /** The same for the last two chars and {@link #fuzzyByTail}; always set when either is {@code n} or {@code v}. */
  private final long[] tailMay;
  private final String[] lures;
  private final Set<String> fillers;
  private final String[] currencies;
  private final Set<String> cheapTlds;

  private Impersonation(Map<String, Brand> brandOfStem, Set<String> anywhere, Set<String> officials,
      List<String> lures, Set<String> fillers, List<String> currencies, Set<String> cheapTlds) {
    this.brandOfStem = Map.copyOf(brandOfStem);
    this.stemTable = new HostTable<>(this.brandOfStem);
    this.officials = Set.copyOf(officials);
    this.lures = lures.toArray(String[]::new);
    this.fillers = Set.copyOf(fillers);
    this.currencies = currencies.toArray(String[]::new);
    this.cheapTlds = Set.copyOf(cheapTlds);
    List<String> longStems = new ArrayList<>();
    this.shortByHead = new String[36 * 36][];
    this.shortByTail = new String[36 * 36][];
    List<Fuzzy> fuzzy = new ArrayList<>();
    for (String stem : brandOfStem.keySet()) {
      if (stem.length() <= 4 && !anywhere.contains(stem)) {
        shortByHead[UrlRules.bigram(stem, 0)] = grow(shortByHead[UrlRules.bigram(stem, 0)], stem);
        shortByTail[UrlRules.bigram(stem, stem.length() - 2)] =
            grow(shortByTail[UrlRules.bigram(stem, stem.length() - 2)], stem);
      } else {
        longStems.add(stem);
      }
      if (stem.length() >= 4) {
        String sk = skeleton(stem);
        fuzzy.add(new Fuzzy(stem, sk, sk.length() >= 10 ? 2 : sk.length() >= 5 ? 1 : 0));
      }
    }
    this.fuzzyByHead = new Fuzzy[36 * 36][];
    this.fuzzyByTail = new Fuzzy[36 * 36][];
    for (Fuzzy f : fuzzy) {
      add(fuzzyByHead, UrlRules.bigram(f.skeleton(), 0), f);
      add(fuzzyByTail, UrlRules.bigram(f.skeleton(), f.skeleton().length() - 2), f);
    }
    this.headMay = new long[128 * 128 / 64];
    this.tailMay = new long[128 * 128 / 64];
    for (char a = 0; a < 128; a++) {
      for (char b = 0; b < 128; b++) {
        int bit = (a << 7) | b;
        int head = skeletonHead(new char[] {a, b, 'a', 'a'}, 0, 4);
        if (a == 'r' || a == 'v' || b == 'r' || b == 'v' || (head >= 0 && fuzzyByHead[head] != null)) {
          headMay[bit >>> 6] |= 1L << bit;
        }
        int tail = skeletonTail(new char[] {'a', 'a', a, b}, 0, 4);
        if (a == 'n' || a == 'v' || b == 'n' || b == 'v' || (tail >= 0 && fuzzyByTail[tail] != null)) {
          tailMay[bit >>> 6] |= 1L << bit;
        }
      }
    }
    String[][] byBigram = new String[36 * 36][];
    for (String stem : longStems) {
      byBigram[UrlRules.bigram(stem, 0)] = grow(byBigram[UrlRules.bigram(stem, 0)], stem);
    }
    this.longStemsByBigram = byBigram;
  }

  /**
   * Loads {@code impersonation.tsv}.
   *
   * @throws IllegalArgumentException naming {@code file:line} for a malformed line
   */
  static Impersonation loadDefaults() {
    Map<String, Brand> stems = new HashMap<>();
    Set<String> anywhere = new HashSet<>();
    Set<String> officials = new HashSet<>();
    List<String> lures = new ArrayList<>();
    Set<String> fillers = new HashSet<>();
    List<String> currencies = new ArrayList<>();
    Set<String> tlds = new HashSet<>();
    InputStream in = Impersonation.class.getResourceAsStream(FILE);
    if (in == null) {
      throw new IllegalStateException("embedded URL rules missing: " + FILE);
    }
    TsvLines.read("impersonation.tsv", new InputStreamReader(in, StandardCharsets.UTF_8), (c, where) -> {
      String kind = c[0].strip();
      int need = kind.equals("brand") ? 5 : 2;
      if (c.length < need) {
        throw new IllegalArgumentException("expected " + need + " tab-separated columns for '" + kind + "'");
      }
      String value = c[1].strip().toLowerCase(Locale.ROOT);
      switch (kind) {
        case "brand" -> {
          String type = c[2].strip();
          Brand b = new Brand(c[1].strip(), type.equals("bank") || type.equals("wallet") || type.equals("government"));
          for (String s : c[3].split(",")) {
            boolean star = s.strip().endsWith("*");
            String stem = word(star ? s.strip().substring(0, s.strip().length() - 1) : s);
            if (star) {
              anywhere.add(stem);
            }
            if (stem.length() < 3) {
              throw new IllegalArgumentException("a brand stem needs 3 letters or more: '" + s + "'");
            }
            stems.putIfAbsent(stem, b);
          }
          for (String d : c[4].split(",")) {
            officials.add(d.strip().toLowerCase(Locale.ROOT));
          }
        }
        case "lure" -> lures.add(word(value));
        case "filler" -> fillers.add(word(value));
        case "currency" -> currencies.add(word(value));
        case "tld" -> tlds.add(value);
        default -> throw new IllegalArgumentException("unknown line kind '" + kind + "'");
      }
    });
    return new Impersonation(stems, anywhere, officials, lures, fillers, currencies, tlds);
  }

  /** A word of lower-case ASCII letters and digits, or an exception. */
  private static String word(String s) {
    String w = s.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < w.length(); i++) {
      if (UrlRules.slot(w.charAt(i)) < 0) {
        throw new IllegalArgumentException("not a word of a-z and 0-9: '" + s + "'");
      }
    }
    if (w.length() < 2) {
      throw new IllegalArgumentException("word too short: '" + s + "'");
    }
    return w;
  }

  /**
   * The scam hit for {@code host} (canonical, lower case), or null.
   *
   * @param beforeSuffix the host without its public suffix ({@code www.vietcombank-xacminh})
   * @param label the registrable label, or null
   */
  UrlHit check(String host, String beforeSuffix, String label) {
    if (beforeSuffix.isEmpty() || label == null) {
      return null;
    }
    boolean idn = beforeSuffix.contains("xn--");
    String name = idn ? fold(beforeSuffix) : beforeSuffix;
    List<String> tokens = tokens(name);
    StringBuilder compactBuilder = new StringBuilder(name.length());
    for (String t : tokens) {
      compactBuilder.append(t);
    }
    String compact = compactBuilder.toString();
    String stem = longStemIn(compact);
    int stemToken = -1;
    boolean lookalike = false;
    if (stem == null) {
      for (int i = 0; i < tokens.size() && stem == null; i++) {
        stem = shortStemIn(tokens.get(i));
        stemToken = stem == null ? -1 : i;
      }
    }
    if (stem != null && idn) {
      lookalike = true;
    }
    String registrable = idn ? fold(label) : label;
    if (stem == null || !lookalike) {
      String l = lookalikeOf(registrable, tokens);
      if (l != null) {
        stem = l;
        lookalike = true;
      }
    }
    if (stem == null) {
      return freeCurrency(compact, label);
    }
    if (isOfficial(host)) {
      return null;
    }
    String rule = "url/impersonation:" + stem;
    if (lookalike) {
      return UrlHit.of(Category.SCAM, rule, label);
    }
    String rest = blank(compact, stem);
    if (contains(rest, lures) != null) {
      return UrlHit.of(Category.SCAM, rule, label);
    }
    int dot = host.lastIndexOf('.');
    if (cheapTlds.contains(host.substring(dot + 1))) {
      return UrlHit.of(Category.SCAM, rule, label);
    }
    if (brandOfStem.get(stem).strict() && onlyFillers(tokens, stem, stemToken)) {
      return UrlHit.of(Category.SCAM, rule, label);
    }
    return null;
  }

  /**
   * Whether {@link #check} may find a scam in a host whose part before the public suffix is
   * {@code host[0, beforeEnd)} (not empty) and whose registrable label is {@code host[labelFrom, beforeEnd)},
   * for a host of lower-case letters, digits, dashes and dots. False only when {@code check} would answer
   * null: no stem (long in the joined words, short at the head or tail of a word), no look-alike, no game
   * currency. Reads the words that {@link UrlWords#hostKinds} left in {@code buf} for {@code host[0, beforeEnd)},
   * without a substring, so an ordinary host costs no allocation;
   * a punycode host answers true ({@code check} folds it). {@code kinds} are the bits of
   * {@link UrlWords} over the same words (the host part without dots, dashes and underscores): a long stem
   * or a currency among them answers true without a scan of its own, and the heads and tails of the words
   * are tried for short stems only when a short stem occurs among them.
   */
  boolean mayHit(String host, int beforeEnd, int labelFrom, int kinds, UrlChars buf) {
    // A long stem anywhere in the joined words (longStemIn), or a game currency (the last test of the
    // full rules: it matters only when nothing else does, so finding it early changes no answer): the
    // automaton's bits over the same words.
    if ((kinds & (UrlWords.LONG_STEM | UrlWords.CURRENCY)) != 0) {
      return true;
    }
    // The words of host[0, beforeEnd) as UrlWords.hostKinds split them in its pass. When they are not the
    // host's chars as written (only a host the public-suffix split reads with InternetDomainName has such
    // chars, and the full rules run for it anyway), or "xn--" occurs (punycode: the full rules decode it),
    // the full rules decide.
    if (buf.punycode || !buf.wordsAsWritten) {
      return true;
    }
    char[] c = buf.words;
    int[] ts = buf.tokenStart;
    int[] te = buf.tokenEnd;
    int tokens = buf.tokenCount;
    // A short stem at the head or the tail of a word (shortStemIn, before its check of the rest); a word
    // is a run of the joined words, so without a short stem among those (the automaton's bit) there is none.
    for (int k = 0; (kinds & UrlWords.SHORT_STEM) != 0 && k < tokens; k++) {
      int from = ts[k];
      int to = te[k];
      if (to - from < 3) {
        continue;
      }
      int head = UrlChars.bigram(c, from);
      for (String st : head < 0 || shortByHead[head] == null ? NONE : shortByHead[head]) {
        if (UrlChars.startsWith(c, from, to, st)) {
          return true;
        }
      }
      int tail = UrlChars.bigram(c, to - 2);
      for (String st : tail < 0 || shortByTail[tail] == null ? NONE : shortByTail[tail]) {
        if (UrlChars.startsWith(c, to - st.length(), to, st) && to - st.length() >= from) {
          return true;
        }
      }
    }
    if (lookalikeIn(host, labelFrom, beforeEnd, tokens, buf)) {
      return true;
    }
    return false;
  }

  /** Adds the long stems, the currencies and the short stems, whose presence {@link #mayHit} reads from the automaton's bits. */
  void addWords(UrlWords.Builder b) {
    for (String[] stems : longStemsByBigram) {
      for (String st : stems == null ? NONE : stems) {
        b.add(st, UrlWords.LONG_STEM);
      }
    }
    for (String w : currencies) {
      b.add(w, UrlWords.CURRENCY);
    }
    for (String[] stems : shortByHead) {
      for (String st : stems == null ? NONE : stems) {
        b.add(st, UrlWords.SHORT_STEM);
      }
    }
  }

  /**
   * Whether {@link #lookalikeOf} finds a stem for the label {@code host[labelFrom, labelEnd)} and the words in
   * {@code buf}, as {@link UrlWords#hostKinds} left them for {@code host[0, labelEnd)}.
   */
  private boolean lookalikeIn(String host, int labelFrom, int labelEnd, int tokens, UrlChars buf) {
    // The label's first dash, found by the pass that split the words (labelFrom is after the last dot of
    // host[0, labelEnd), the part that pass read).
    int dash = buf.lastLabelDash;
    if (dash > labelFrom && dash < labelEnd) {
      buf.skeleton = UrlChars.fit(buf.skeleton, labelEnd - labelFrom);
      int m = 0;
      for (int i = labelFrom; i < labelEnd; i++) {
        char ch = host.charAt(i);
        if (ch != '-') {
          buf.skeleton[m++] = ch;
        }
      }
      if (stemTable.get(buf.skeleton, 0, m) != null) {
        return true;
      }
    }
    char[] c = buf.words;
    for (int k = 0; k < tokens; k++) {
      int from = buf.tokenStart[k];
      int to = buf.tokenEnd[k];
      int len = to - from;
      if (len < 4) {
        continue;
      }
      // The word without its trailing digits, when that is a stem of five chars or more: only a word of
      // six or more that ends in a digit can be one, and the digits are stripped down to five chars at
      // most (a digit still there then means the stem part is shorter than five).
      if (len >= 6 && isDigit(c[to - 1])) {
        int end = to - 1;
        while (end - from > 5 && isDigit(c[end - 1])) {
          end--;
        }
        if (!isDigit(c[end - 1]) && stemTable.get(c, from, end) != null) {
          return true;
        }
      }
      // The skeleton's first and last two chars pick the candidate stems; most words have none, and
      // only a word that has some is folded whole. A word whose raw first and last two chars name none
      // (headMay, tailMay) is not folded at all.
      if (!mayHaveCandidates(c, from, to)) {
        continue;
      }
      int head = skeletonHead(c, from, to);
      Fuzzy[] byHead = head < 0 ? null : fuzzyByHead[head];
      if (isStem(c, from, to, byHead)) {
        continue;
      }
      int tail = skeletonTail(c, from, to);
      Fuzzy[] byTail = tail < 0 ? null : fuzzyByTail[tail];
      if (byHead == null && byTail == null) {
        continue;
      }
      buf.skeleton = UrlChars.fit(buf.skeleton, len);
      char[] sk = buf.skeleton;
      int skn = skeleton(c, from, to, sk);
      long mask = charMask(sk, skn);
      if (near(sk, skn, mask, byHead, buf) || near(sk, skn, mask, byTail, buf)) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when neither {@link #skeletonHead} nor {@link #skeletonTail} of the word {@code w[from, to)} (four
   * chars or more) has candidate stems, read from {@link #headMay} and {@link #tailMay}; true may still
   * find none.
   */
  private boolean mayHaveCandidates(char[] w, int from, int to) {
    char a = w[from];
    char b = w[from + 1];
    char y = w[to - 2];
    char z = w[to - 1];
    if ((a | b | y | z) >= 128) {
      return true;
    }
    int head = (a << 7) | b;
    int tail = (y << 7) | z;
    return ((headMay[head >>> 6] >>> head) & 1) != 0 || ((tailMay[tail >>> 6] >>> tail) & 1) != 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@link #isStem(String, Fuzzy[])} of the word {@code w[from, to)}. */
  private static boolean isStem(char[] w, int from, int to, Fuzzy[] candidates) {
    if (candidates != null) {
      for (Fuzzy f : candidates) {
        if (f.stem().length() == to - from && UrlChars.startsWith(w, from, to, f.stem())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@link #near(String, Fuzzy[])} finds a stem for the skeleton {@code sk[0, n)}, whose
   * {@link #charMask} is {@code mask}.
   */
  private static boolean near(char[] sk, int n, long mask, Fuzzy[] candidates, UrlChars buf) {
    if (candidates == null) {
      return false;
    }
    for (Fuzzy f : candidates) {
      int k = f.edits();
      if (Math.abs(f.skeleton().length() - n) <= k && Long.bitCount(mask & ~f.mask()) <= k
          && Long.bitCount(f.mask() & ~mask) <= k && distance(sk, n, f.skeleton(), k, buf) <= k) {
        return true;
      }
    }
    return false;
  }

  /** {@link #distance(String, String, int)} of {@code a[0, n)} and {@code b}, in the rows of {@code buf}. */
  static int distance(char[] a, int n, String b, int k, UrlChars buf) {
    int m = b.length();
    if (Math.abs(n - m) > k) {
      return k + 1;
    }
    buf.fitRows(m);
    return distance(a, n, b, k, buf.prev2, buf.prev, buf.cur);
  }

  /** {@code free-robux-2026}: a game currency with a free-gift word, without any brand. */
  private UrlHit freeCurrency(String compact, String label) {
    String currency = contains(compact, currencies);
    if (currency == null) {
      return null;
    }
    String rest = blank(compact, currency);
    for (String w : FREE_WORDS) {
      if (rest.contains(w)) {
        return UrlHit.of(Category.SCAM, "url/impersonation:free-" + currency, label);
      }
    }
    return null;
  }

  private boolean isOfficial(String host) {
    String h = host;
    while (true) {
      if (officials.contains(h)) {
        return true;
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        return false;
      }
      h = h.substring(dot + 1);
    }
  }

  /** A stem of 5 letters or more inside {@code compact}, or null. */
  private String longStemIn(String compact) {
    for (int i = 0; i + 1 < compact.length(); i++) {
      int b = UrlRules.bigram(compact, i);
      String[] stems = b < 0 ? null : longStemsByBigram[b];
      if (stems == null) {
        continue;
      }
      for (String s : stems) {
        if (compact.startsWith(s, i)) {
          return s;
        }
      }
    }
    return null;
  }

  /** A short stem that {@code token} is, or carries with only fillers, lures and digits around it. */
  private String shortStemIn(String token) {
    int n = token.length();
    if (n < 3) {
      return null;
    }
    int head = UrlRules.bigram(token, 0);
    for (String s : head < 0 || shortByHead[head] == null ? NONE : shortByHead[head]) {
      if (token.startsWith(s) && onlyWords(token, s.length(), n)) {
        return s;
      }
    }
    int tail = UrlRules.bigram(token, n - 2);
    for (String s : tail < 0 || shortByTail[tail] == null ? NONE : shortByTail[tail]) {
      if (token.endsWith(s) && onlyWords(token, 0, n - s.length())) {
        return s;
      }
    }
    return null;
  }

  private static final String[] NONE = {};

  /** Whether {@code s[from, to)} is made of fillers, lures and digits only (greedy, longest word first). */
  private boolean onlyWords(String s, int from, int to) {
    return onlyWords(s, from, to, true);
  }

  /** Whether {@code s[from, to)} is made of fillers (and lures, when {@code lure}) and digits only. */
  private boolean onlyWords(String s, int from, int to, boolean lure) {
    int i = from;
    outer:
    while (i < to) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        i++;
        continue;
      }
      for (int end = to; end > i + 1; end--) {
        String w = s.substring(i, end);
        if (fillers.contains(w) || (lure && isLure(w))) {
          i = end;
          continue outer;
        }
      }
      return false;
    }
    return true;
  }

  private boolean isLure(String w) {
    for (String l : lures) {
      if (l.equals(w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every token but the brand's is a filler or digits, and the brand's token is the stem with fillers. */
  private boolean onlyFillers(List<String> tokens, String stem, int stemToken) {
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      int at = i == stemToken || stemToken < 0 ? t.indexOf(stem) : -1;
      boolean ok = at >= 0 ? onlyWords(t, 0, at, false) && onlyWords(t, at + stem.length(), t.length(), false)
          : onlyWords(t, 0, t.length(), false);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The stem that the registrable label or a token of the host imitates, or null: the same skeleton
   * (homoglyphs, leetspeak, {@code rn} for {@code m}), the stem with extra digits, the stem split by
   * hyphens, or one edit away (two for stems of 10 letters or more).
   */
  private String lookalikeOf(String registrable, List<String> tokens) {
    if (registrable.indexOf('-') > 0) {
      String joined = registrable.replace("-", "");
      if (brandOfStem.containsKey(joined)) {
        return joined;
      }
    }
    for (String t : tokens) {
      if (t.length() < 4) {
        continue;
      }
      int end = t.length();
      while (end > 0 && Character.isDigit(t.charAt(end - 1))) {
        end--;
      }
      if (end < t.length() && end >= 5 && brandOfStem.containsKey(t.substring(0, end))) {
        return t.substring(0, end);
      }
      String sk = skeleton(t);
      int head = UrlRules.bigram(sk, 0);
      Fuzzy[] byHead = head < 0 ? null : fuzzyByHead[head];
      if (isStem(t, byHead)) {
        continue;
      }
      String near = near(sk, byHead);
      if (near == null) {
        int tail = UrlRules.bigram(sk, sk.length() - 2);
        near = tail < 0 ? null : near(sk, fuzzyByTail[tail]);
      }
      if (near != null) {
        return near;
      }
    }
    return null;
  }

  /** Whether {@code t} is itself a stem (then it is that brand, not a look-alike of another). */
  private static boolean isStem(String t, Fuzzy[] candidates) {
    if (candidates != null) {
      for (Fuzzy f : candidates) {
        if (f.stem().equals(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A stem whose skeleton is within its edits of {@code sk} (the same skeleton for 4 letters, one edit for
   * 5 to 9, two for 10 or more), among stems that share the first two or the last two letters of their
   * skeleton: one edit of a word of 5 letters or more always leaves one of the two pairs in place (two
   * edits at both ends of a long name are missed).
   */
  private static String near(String sk, Fuzzy[] candidates) {
    if (candidates == null) {
      return null;
    }
    long mask = charMask(sk);
    for (Fuzzy f : candidates) {
      int k = f.edits();
      // Each letter of one word that the other lacks costs at least one edit: a cheap bound first.
      if (Math.abs(f.skeleton().length() - sk.length()) <= k && Long.bitCount(mask & ~f.mask()) <= k
          && Long.bitCount(f.mask() & ~mask) <= k && distance(sk, f.skeleton(), k) <= k) {
        return f.stem();
      }
    }
    return null;
  }

  /** The set of characters of {@code s}: a bit per letter and digit, one bit for anything else. */
  static long charMask(String s) {
    long m = 0;
    for (int i = 0; i < s.length(); i++) {
      m |= charBit(s.charAt(i));
    }
    return m;
  }

  /** {@link #charMask(String)} of {@code s[0, n)}. */
  static long charMask(char[] s, int n) {
    long m = 0;
    for (int i = 0; i < n; i++) {
      m |= charBit(s[i]);
    }
    return m;
  }

  private static long charBit(char c) {
    return c >= 'a' && c <= 'z' ? 1L << (c - 'a') : c >= '0' && c <= '9' ? 1L << (26 + c - '0') : 1L << 63;
  }

  /**
   * Optimal-string-alignment distance (a transposition counts as one edit), or {@code k + 1} when above
   * k; only the cells within k of the diagonal are computed.
   */
  static int distance(String a, String b, int k) {
    int m = b.length();
    if (Math.abs(a.length() - m) > k) {
      return k + 1;
    }
    return distance(a.toCharArray(), a.length(), b, k, new int[m + 1], new int[m + 1], new int[m + 1]);
  }

  /**
   * {@link #distance(String, String, int)} of {@code a[0, n)} and {@code b} in rows of at least
   * {@code b.length() + 1} cells, which may hold anything: every cell read is written first.
   */
  private static int distance(char[] a, int n, String b, int k, int[] prev2, int[] prev, int[] cur) {
    int m = b.length();
    int big = k + 1;
    for (int j = 0; j <= m; j++) {
      prev[j] = j <= k ? j : big;
    }
    for (int i = 1; i <= n; i++) {
      int from = Math.max(1, i - k);
      int to = Math.min(m, i + k);
      cur[0] = i <= k ? i : big;
      if (from > 1) {
        cur[from - 1] = big;
      }
      int best = cur[0];
      for (int j = from; j <= to; j++) {
        int cost = a[i - 1] == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b.charAt(j - 2) && a[i - 2] == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = Math.min(v, big);
        best = Math.min(best, cur[j]);
      }
      if (to < m) {
        cur[to + 1] = big;
      }
      if (best > k) {
        return big;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /**
   * What a word looks like: leetspeak digits as letters ({@code 0 o}, {@code 1 i}, {@code 3 e}, {@code 4 a},
   * {@code 5 s}, {@code 7 t}), {@code l} as {@code i}, {@code rn} as {@code m}, {@code vv} as {@code w}.
   */
  static String skeleton(String w) {
    if (isOwnSkeleton(w)) {
      return w;
    }
    char[] out = new char[w.length()];
    return new String(out, 0, skeleton(w.toCharArray(), 0, w.length(), out));
  }

  /** {@link #skeleton(String)} of {@code w[from, to)}, written to {@code out}; returns its length. */
  static int skeleton(char[] w, int from, int to, char[] out) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = w[i];
      if ((c == 'r' || c == 'v') && i + 1 < to && w[i + 1] == (c == 'r' ? 'n' : 'v')) {
        out[n++] = c == 'r' ? 'm' : 'w';
        i++;
      } else {
        out[n++] = c < FOLD.length ? FOLD[c] : c;
      }
    }
    return n;
  }

  /**
   * {@link UrlChars#bigram} of the first two chars of {@link #skeleton} of {@code w[from, to)} (at least
   * four chars), without folding the rest.
   */
  static int skeletonHead(char[] w, int from, int to) {
    int i = from;
    char first = 0;
    for (int k = 0; ; k++) {
      char c = w[i];
      char folded;
      if ((c == 'r' || c == 'v') && i + 1 < to && w[i + 1] == (c == 'r' ? 'n' : 'v')) {
        folded = c == 'r' ? 'm' : 'w';
        i += 2;
      } else {
        folded = c < FOLD.length ? FOLD[c] : c;
        i++;
      }
      if (k == 1) {
        return UrlChars.bigram(first, folded);
      }
      first = folded;
    }
  }

  /**
   * {@link UrlChars#bigram} of the last two chars of {@link #skeleton} of {@code w[from, to)} (at least
   * four chars), read from the end: {@code rn} always pairs ({@code r} never ends a pair), and a run of
   * {@code v} pairs from its first one, so it ends in {@code w} when its length is even.
   */
  static int skeletonTail(char[] w, int from, int to) {
    int i = to - 1;
    char last = 0;
    for (int k = 0; ; k++) {
      char c = w[i];
      char folded;
      if (c == 'n' && i > from && w[i - 1] == 'r') {
        folded = 'm';
        i -= 2;
      } else if (c == 'v') {
        int run = 1;
        while (i - run >= from && w[i - run] == 'v') {
          run++;
        }
        folded = run % 2 == 0 ? 'w' : 'v';
        i -= run % 2 == 0 ? 2 : 1;
      } else {
        folded = c < FOLD.length ? FOLD[c] : c;
        i--;
      }
      if (k == 1) {
        return UrlChars.bigram(folded, last);
      }
      last = folded;
    }
  }

  /** What {@link #skeleton} makes of each ASCII char alone: itself, but {@code 0 1 l 3 4 5 7} as letters. */
  private static final char[] FOLD = fold();

  private static char[] fold() {
    char[] f = new char[128];
    for (char c = 0; c < f.length; c++) {
      f[c] = c;
    }
    f['0'] = 'o';
    f['1'] = 'i';
    f['l'] = 'i';
    f['3'] = 'e';
    f['4'] = 'a';
    f['5'] = 's';
    f['7'] = 't';
    return f;
  }

  /** Whether {@link #skeleton} leaves {@code w} as it is (no character or pair it rewrites). */
  private static boolean isOwnSkeleton(String w) {
    for (int i = 0; i < w.length(); i++) {
      switch (w.charAt(i)) {
        case '0', '1', 'l', '3', '4', '5', '7':
          return false;
        case 'r', 'v':
          if (i + 1 < w.length() && w.charAt(i + 1) == (w.charAt(i) == 'r' ? 'n' : 'v')) {
            return false;
          }
          break;
        default:
          break;
      }
    }
    return true;
  }

  /**
   * A punycode host part decoded and folded to ASCII: diacritics dropped, {@code đ} as {@code d}, Cyrillic
   * and Greek look-alikes as the Latin letters they imitate; other characters are dropped.
   */
  static String fold(String asciiHost) {
    String u;
    try {
      u = IDN.toUnicode(asciiHost, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return asciiHost;
    }
    String d = Normalizer.normalize(u, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = Character.toLowerCase(d.charAt(i));
      char m = confusable(c);
      if ((m >= 'a' && m <= 'z') || (m >= '0' && m <= '9') || m == '.' || m == '-') {
        b.append(m);
      }
    }
    return b.toString();
  }

  private static char confusable(char c) {
    return switch (c) {
      case 'đ', 'ԁ' -> 'd';
      case 'а', 'α' -> 'a';
      case 'е', 'ε' -> 'e';
      case 'о', 'ο', 'σ' -> 'o';
      case 'р', 'ρ' -> 'p';
      case 'с', 'ϲ' -> 'c';
      case 'х', 'χ' -> 'x';
      case 'у', 'γ' -> 'y';
      case 'і', 'ι', 'ӏ' -> 'i';
      case 'ј' -> 'j';
      case 'ѕ' -> 's';
      case 'к', 'κ' -> 'k';
      case 'м' -> 'm';
      case 'н' -> 'h';
      case 'т', 'τ' -> 't';
      case 'в', 'β' -> 'b';
      case 'ν' -> 'v';
      case 'ɡ' -> 'g';
      case 'ո' -> 'n';
      default -> c;
    };
  }

  /** The host's words: split at dots, dashes and underscores, letters and digits kept. */
  private static List<String> tokens(String name) {
    List<String> out = new ArrayList<>(4);
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      char c = i < name.length() ? name.charAt(i) : '.';
      if (c == '.' || c == '-' || c == '_') {
        if (i > start) {
          out.add(name.substring(start, i));
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** {@code s} with the first occurrence of {@code w} replaced by a space. */
  private static String blank(String s, String w) {
    int at = s.indexOf(w);
    return at < 0 ? s : s.substring(0, at) + " " + s.substring(at + w.length());
  }

  private static String contains(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return w;
      }
    }
    return null;
  }
}
