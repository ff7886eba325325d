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

  /** A stem prepared for fuzzy comparison. */
  private record Fuzzy(String stem, String skeleton, int[] letters) {}

  private final Map<String, Brand> brandOfStem;
  private final Set<String> officials;
  private final String[][] longStemsByBigram;
  private final Set<String> shortStems;
  private final Map<String, String> stemOfSkeleton;
  private final Fuzzy[][] fuzzyByLength;
  private final String[] lures;
  private final Set<String> fillers;
  private final String[] currencies;
  private final Set<String> cheapTlds;

  private Impersonation(Map<String, Brand> brandOfStem, Set<String> officials, List<String> lures,
      Set<String> fillers, List<String> currencies, Set<String> cheapTlds) {
    this.brandOfStem = Map.copyOf(brandOfStem);
    this.officials = Set.copyOf(officials);
    this.lures = lures.toArray(String[]::new);
    this.fillers = Set.copyOf(fillers);
    this.currencies = currencies.toArray(String[]::new);
    this.cheapTlds = Set.copyOf(cheapTlds);
    List<String> longStems = new ArrayList<>();
    Set<String> shorts = new HashSet<>();
    Map<String, String> skeletons = new HashMap<>();
    List<List<Fuzzy>> byLength = new ArrayList<>();
    for (String stem : brandOfStem.keySet()) {
      if (stem.length() <= 4) {
        shorts.add(stem);
      } else {
        longStems.add(stem);
      }
      String sk = skeleton(stem);
      if (stem.length() >= 4) {
        skeletons.putIfAbsent(sk, stem);
      }
      if (stem.length() >= 5) {
        while (byLength.size() <= sk.length()) {
          byLength.add(new ArrayList<>());
        }
        byLength.get(sk.length()).add(new Fuzzy(stem, sk, letters(sk, new int[27])));
      }
    }
    this.shortStems = Set.copyOf(shorts);
    this.stemOfSkeleton = Map.copyOf(skeletons);
    this.fuzzyByLength = new Fuzzy[byLength.size()][];
    for (int i = 0; i < byLength.size(); i++) {
      fuzzyByLength[i] = byLength.get(i).toArray(Fuzzy[]::new);
    }
    String[][] byBigram = new String[36 * 36][];
    for (String stem : longStems) {
      int b = UrlRules.bigram(stem, 0);
      String[] old = byBigram[b];
      String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = stem;
      byBigram[b] = grown;
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
            String stem = word(s);
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
    return new Impersonation(stems, officials, lures, fillers, currencies, tlds);
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
    for (int len = 3; len <= 4 && len <= token.length(); len++) {
      String head = token.substring(0, len);
      if (shortStems.contains(head) && onlyWords(token, len, token.length())) {
        return head;
      }
      String tail = token.substring(token.length() - len);
      if (shortStems.contains(tail) && onlyWords(token, 0, token.length() - len)) {
        return tail;
      }
    }
    return null;
  }

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
      if (t.length() < 4 || brandOfStem.containsKey(t)) {
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
      String same = stemOfSkeleton.get(sk);
      if (same != null) {
        return same;
      }
      String near = near(sk);
      if (near != null) {
        return near;
      }
    }
    return null;
  }

  /** A stem whose skeleton is one edit from {@code sk} (two for 10 letters or more), or null. */
  private String near(String sk) {
    int n = sk.length();
    int[] mine = null;
    for (int len = Math.max(5, n - 2); len <= n + 2 && len < fuzzyByLength.length; len++) {
      for (Fuzzy f : fuzzyByLength[len]) {
        int k = f.skeleton().length() >= 10 ? 2 : 1;
        if (Math.abs(len - n) > k) {
          continue;
        }
        if (mine == null) {
          mine = letters(sk, new int[27]);
        }
        int diff = 0;
        for (int i = 0; i < 27; i++) {
          diff += Math.abs(mine[i] - f.letters()[i]);
        }
        if (diff <= 2 * k && distance(sk, f.skeleton(), k) <= k) {
          return f.stem();
        }
      }
    }
    return null;
  }

  /** Optimal-string-alignment distance (a transposition counts as one edit), or {@code k + 1} when above k. */
  static int distance(String a, String b, int k) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > k) {
      return k + 1;
    }
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int best = i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        best = Math.min(best, v);
      }
      if (best > k) {
        return k + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }

  /** Letter counts (index 26: everything else). */
  private static int[] letters(String s, int[] counts) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      counts[c >= 'a' && c <= 'z' ? c - 'a' : 26]++;
    }
    return counts;
  }

  /**
   * What a word looks like: leetspeak digits as letters ({@code 0 o}, {@code 1 i}, {@code 3 e}, {@code 4 a},
   * {@code 5 s}, {@code 7 t}), {@code l} as {@code i}, {@code rn} as {@code m}, {@code vv} as {@code w}.
   */
  static String skeleton(String w) {
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
      if (c == 'r' && next == 'n') {
        b.append('m');
        i++;
      } else if (c == 'v' && next == 'v') {
        b.append('w');
        i++;
      } else {
        b.append(switch (c) {
          case '0' -> 'o';
          case '1', 'l' -> 'i';
          case '3' -> 'e';
          case '4' -> 'a';
          case '5' -> 's';
          case '7' -> 't';
          default -> c;
        });
      }
    }
    return b.toString();
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
