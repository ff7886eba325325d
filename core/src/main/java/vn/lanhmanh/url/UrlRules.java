package vn.lanhmanh.url;

import com.google.common.net.InternetDomainName;
import com.google.thirdparty.publicsuffix.PublicSuffixPatterns;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import vn.lanhmanh.Category;
import vn.lanhmanh.lexicon.TsvLines;

/**
 * The URL rules this project writes itself (resources under {@code vn/lanhmanh/url/}): a list of
 * well-known adult, gambling, dating, social and scam hosts; the gambling brands active in Vietnam with a
 * rule for their rotating names ({@code kubet77.com}, {@code fb88vip.net}); adult and gambling TLDs;
 * keyword heuristics on the host and path in Vietnamese and English ({@code phimsex}, {@code nohu},
 * {@code taixiu}) with exceptions ({@code essex}, {@code analysis}); and an allow-list for Vietnam's
 * learning ecosystem and help resources, with every {@code *.edu.vn} and {@code *.gov.vn} host.
 *
 * <p>Immutable after loading; thread-safe. No regular expressions: keywords are plain substring searches
 * over short strings (a host, a path segment).
 */
public final class UrlRules {

  private static final String DIR = "/vn/lanhmanh/url/";
  /** Suffixes that are allowed whatever the lists say about heuristics. */
  private static final String[] ALLOWED_SUFFIXES = {".edu.vn", ".gov.vn"};
  /** What may stand around a brand stem in a rotating gambling domain. */
  private static final String[] BRAND_AFFIXES = {"vip", "club", "win", "bet", "tv", "vn", "app", "online",
      "live", "game", "games", "link", "pro", "com", "net", "moi", "top", "uytin", "casino"};

  private final Map<String, Category> domains;
  private final Map<String, String> allow;
  private final Map<String, Category> brands;
  private final Map<String, Category> tlds;
  private final List<Keyword> keywords;
  private final List<String> keywordExceptions;
  /**
   * Brand stems, keywords and exceptions by their first two characters (letters and digits only, 36 × 36
   * slots), so a string is scanned once with one array load per position, not once per word.
   */
  private final String[][] brandsByBigram;
  private final Keyword[][] keywordsByBigram;
  private final String[][] exceptionsByBigram;
  private final Impersonation impersonation;
  /** {@link #domains} and {@link #allow}, asked about host suffixes without substrings. */
  private final HostTable<Category> domainTable;
  private final HostTable<String> allowTable;
  /** {@link #tlds}, asked about the host's last label without a substring. */
  private final HostTable<Category> tldTable;
  /**
   * Every word the heuristics look for (keywords, brand stems, impersonation stems, currencies) in one
   * automaton: one pass over the host's words and one over each path segment say which rules can match.
   */
  private final UrlWords words;

  private record Keyword(String word, Category category, boolean host, boolean path) {}

  private UrlRules(Map<String, Category> domains, Map<String, String> allow, Map<String, Category> brands,
      Map<String, Category> tlds, List<Keyword> keywords, List<String> keywordExceptions) {
    this.domains = domains;
    this.allow = allow;
    this.brands = brands;
    this.tlds = tlds;
    this.keywords = keywords;
    this.keywordExceptions = keywordExceptions;
    this.brandsByBigram = byBigram(brands.keySet(), w -> w, String[]::new, String[][]::new);
    this.keywordsByBigram = byBigram(keywords, Keyword::word, Keyword[]::new, Keyword[][]::new);
    this.exceptionsByBigram = byBigram(keywordExceptions, w -> w, String[]::new, String[][]::new);
    this.impersonation = Impersonation.loadDefaults();
    this.domainTable = new HostTable<>(domains);
    this.allowTable = new HostTable<>(allow);
    this.tldTable = new HostTable<>(tlds);
    UrlWords.Builder w = new UrlWords.Builder();
    for (Keyword k : keywords) {
      w.add(k.word(), (k.host() ? UrlWords.HOST_KEYWORD : 0) | (k.path() ? UrlWords.PATH_KEYWORD : 0));
    }
    for (String b : brands.keySet()) {
      w.add(b, UrlWords.BRAND);
    }
    impersonation.addWords(w);
    this.words = w.build();
  }

  private static <T> T[][] byBigram(java.util.Collection<T> items, java.util.function.Function<T, String> word,
      java.util.function.IntFunction<T[]> array, java.util.function.IntFunction<T[][]> table) {
    List<List<T>> m = new ArrayList<>();
    for (int i = 0; i < 36 * 36; i++) {
      m.add(new ArrayList<>());
    }
    for (T t : items) {
      String w = word.apply(t);
      int b = w.length() >= 2 ? bigram(w, 0) : -1;
      if (b < 0) {
        throw new IllegalArgumentException("a URL word must start with two letters or digits: '" + w + "'");
      }
      m.get(b).add(t);
    }
    T[][] out = table.apply(36 * 36);
    for (int i = 0; i < out.length; i++) {
      out[i] = m.get(i).isEmpty() ? null : m.get(i).toArray(array.apply(0));
    }
    return out;
  }

  /** The slot of the two characters at {@code i}, or -1 when either is not a lower-case letter or digit. */
  static int bigram(String s, int i) {
    int a = slot(s.charAt(i));
    int b = slot(s.charAt(i + 1));
    return a < 0 || b < 0 ? -1 : a * 36 + b;
  }

  static int slot(char c) {
    return c < 128 ? SLOTS[c] : -1;
  }

  /** {@link #slot} of each ASCII char: {@code a-z} 0 to 25, {@code 0-9} 26 to 35, anything else -1. */
  static final byte[] SLOTS = new byte[128];

  static {
    java.util.Arrays.fill(SLOTS, (byte) -1);
    for (char c = 'a'; c <= 'z'; c++) {
      SLOTS[c] = (byte) (c - 'a');
    }
    for (char c = '0'; c <= '9'; c++) {
      SLOTS[c] = (byte) (26 + (c - '0'));
    }
  }

  /**
   * Loads the embedded defaults.
   *
   * @throws IllegalArgumentException naming {@code file:line} for a malformed line
   */
  public static UrlRules loadDefaults() {
    Map<String, Category> domains = new HashMap<>();
    read("domains.tsv", 2, c -> domains.putIfAbsent(host(c[0]), Category.fromJsonName(c[1])));
    Map<String, String> allow = new HashMap<>();
    read("allow.tsv", 2, c -> allow.putIfAbsent(host(c[0]), c[1]));
    Map<String, Category> brands = new HashMap<>();
    read("brands.tsv", 2, c -> brands.putIfAbsent(c[0].toLowerCase(Locale.ROOT), Category.fromJsonName(c[1])));
    Map<String, Category> tlds = new HashMap<>();
    read("tlds.tsv", 2, c -> tlds.putIfAbsent(c[0].toLowerCase(Locale.ROOT).replace(".", ""),
        Category.fromJsonName(c[1])));
    List<Keyword> keywords = new ArrayList<>();
    read("keywords.tsv", 3, c -> {
      String where = c[2].toLowerCase(Locale.ROOT);
      if (!where.equals("host") && !where.equals("path") && !where.equals("both")) {
        throw new IllegalArgumentException("where must be host, path or both, not '" + c[2] + "'");
      }
      keywords.add(new Keyword(c[0].toLowerCase(Locale.ROOT), Category.fromJsonName(c[1]),
          !where.equals("path"), !where.equals("host")));
    });
    List<String> exceptions = new ArrayList<>();
    read("keyword-exceptions.tsv", 1, c -> exceptions.add(c[0].toLowerCase(Locale.ROOT)));
    return new UrlRules(Map.copyOf(domains), Map.copyOf(allow), Map.copyOf(brands), Map.copyOf(tlds),
        List.copyOf(keywords), List.copyOf(exceptions));
  }

  private static String host(String s) {
    String h = s.strip().toLowerCase(Locale.ROOT);
    if (h.isEmpty() || h.contains("/") || h.contains(" ")) {
      throw new IllegalArgumentException("not a host: '" + s + "'");
    }
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  private static void read(String file, int columns, Consumer<String[]> sink) {
    InputStream in = UrlRules.class.getResourceAsStream(DIR + file);
    if (in == null) {
      throw new IllegalStateException("embedded URL rules missing: " + DIR + file);
    }
    TsvLines.read(file, new InputStreamReader(in, StandardCharsets.UTF_8), (c, where) -> {
      for (int i = 0; i < c.length; i++) {
        c[i] = c[i].strip();
      }
      if (c.length < columns || c[0].isEmpty()) {
        throw new IllegalArgumentException("expected at least " + columns + " tab-separated columns");
      }
      sink.accept(c);
    });
  }

  public int domainCount() {
    return domains.size();
  }

  /** The allow-list kind ({@code learning}, {@code help} …) of the URL's host, or null. */
  public String allowKind(CanonicalUrl url) {
    return allowKind(url.host());
  }

  /** {@link #allowKind(CanonicalUrl)} of a check's URL. */
  public String allowKind(UrlView url) {
    return allowKind(url.host());
  }

  private String allowKind(String host) {
    for (String suffix : ALLOWED_SUFFIXES) {
      if (host.endsWith(suffix)
          || (host.length() == suffix.length() - 1 && host.regionMatches(0, suffix, 1, host.length()))) {
        return suffix.endsWith("gov.vn") ? "government" : "learning";
      }
    }
    HostTable.Suffixes sx = HostTable.Suffixes.of(host);
    int k = allowTable.firstSuffix(sx);
    return k < 0 ? null : allowTable.get(sx, k);
  }

  /** Hits of the embedded domain list (the host or a parent domain is listed). */
  public void listHits(CanonicalUrl url, List<UrlHit> out) {
    listHits(UrlView.of(url), UrlHitSink.into(out));
  }

  /** {@link #listHits(CanonicalUrl, List)} of a check's URL. */
  public void listHits(UrlView url, UrlHitSink out) {
    HostTable.Suffixes sx = HostTable.Suffixes.of(url.host());
    int k = domainTable.firstSuffix(sx);
    if (k >= 0) {
      String h = url.host().substring(sx.start[k]);
      out.add(domainTable.get(sx, k), "url/list/default:" + h, h);
    }
  }

  /**
   * Heuristic hits: adult and gambling TLDs, rotating brand names, keywords in the host and path. The
   * host's parts (registrable label, the part before the public suffix) are read as ranges of the host
   * and the words are gathered in per-thread buffers ({@link UrlChars}): a host that no heuristic flags
   * costs no substring.
   */
  public void heuristicHits(CanonicalUrl url, List<UrlHit> out) {
    heuristicHits(UrlView.of(url), UrlHitSink.into(out));
  }

  /** {@link #heuristicHits(CanonicalUrl, List)} of a check's URL, its path read where it stands. */
  public void heuristicHits(UrlView url, UrlHitSink out) {
    UrlChars buf = UrlChars.get();
    if (url.hostIsIpAddress()) {
      keywordHits(0, 0, url, buf, out);
      return;
    }
    String host = url.host();
    HostTable.Suffixes sx = HostTable.Suffixes.of(host);
    int dot = sx.start[sx.count - 1] - 1;   // the last dot (-1: none)
    Category t = tldTable.get(sx, sx.count - 1);
    if (t != null) {
      String tld = host.substring(dot + 1);
      out.add(t, "url/tld:" + tld, "." + tld);
    }
    // The part before the public suffix is src[0, beforeEnd), the registrable label src[labelFrom, beforeEnd)
    // (-1: none); src is the host itself unless the host needs InternetDomainName.
    int start = DomainParts.suffixStart(sx);   // the suffixes just read: no second per-thread look-up
    String src = host;
    int beforeEnd;
    int labelFrom;
    if (start == DomainParts.SLOW) {
      DomainParts parts = DomainParts.parsed(host);
      src = parts.beforeSuffix();
      beforeEnd = src.length();
      labelFrom = parts.label() == null ? -1 : beforeEnd - parts.label().length();
    } else {
      beforeEnd = start < 0 ? host.length() : start > 0 ? start - 1 : 0;
      labelFrom = start <= 0 ? -1 : host.lastIndexOf('.', beforeEnd - 1) + 1;
    }
    // The host's words (src[0, beforeEnd) without dots, dashes and underscores) stay in buf.words until
    // the keyword rules read them; one pass of the automaton says which rules can match in them. The
    // registrable label without its dashes is a run of these words, so no brand stem in them means none
    // in the label; for a host in plain form they are also the impersonation rules' joined words.
    int kinds = words.hostKinds(src, beforeEnd, buf);
    int hostWords = buf.wordCount;
    if (labelFrom >= 0) {
      String stem = (kinds & UrlWords.BRAND) == 0 ? null : brandIn(src, labelFrom, beforeEnd, buf);
      if (stem != null) {
        out.add(brands.get(stem), "url/brand:" + stem, src.substring(labelFrom, beforeEnd));
      }
      if (beforeEnd > 0
          && (start == DomainParts.SLOW || impersonation.mayHit(host, beforeEnd, labelFrom, kinds, buf))) {
        UrlHit scam = impersonation.check(host, src.substring(0, beforeEnd), src.substring(labelFrom, beforeEnd));
        if (scam != null) {
          out.add(scam);
        }
      }
    }
    keywordHits(hostWords, kinds, url, buf, out);
  }

  /** The rules' impersonation part (for tests). */
  Impersonation impersonation() {
    return impersonation;
  }

  /**
   * The automaton's kind bits of the words of {@code host[0, beforeEnd)} (dots, dashes and underscores
   * dropped), as {@link #heuristicHits} hands them to {@link Impersonation#mayHit}.
   */
  int hostKinds(String host, int beforeEnd, UrlChars buf) {
    return words.hostKinds(host, beforeEnd, buf);
  }

  /** A brand stem that the label {@code src[from, to)}, without its dashes, is a rotating name of, or null. */
  private String brandIn(String src, int from, int to, UrlChars buf) {
    buf.skeleton = UrlChars.fit(buf.skeleton, to - from);
    char[] label = buf.skeleton;
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = src.charAt(i);
      if (c != '-') {
        label[n++] = c;
      }
    }
    for (int i = 0; i + 1 < n; i++) {
      int b = UrlChars.bigram(label, i);
      String[] stems = b < 0 ? null : brandsByBigram[b];
      if (stems == null) {
        continue;
      }
      for (String stem : stems) {
        if (UrlChars.startsWith(label, i, n, stem) && onlyAffixes(label, 0, i)
            && onlyAffixes(label, i + stem.length(), n)) {
          return stem;
        }
      }
    }
    return null;
  }

  /**
   * Keyword hits of the host's words ({@code buf.words[0, hostWords)}, whose automaton bits are
   * {@code hostKinds}) and of each segment of the URL's path (read where it stands), each reduced to
   * lower-case letters and digits in {@code buf}; a part whose bits name no keyword of its side is not
   * scanned for one.
   */
  private void keywordHits(int hostWords, int hostKinds, UrlView url, UrlChars buf, UrlHitSink out) {
    java.util.Set<String> seen = null;
    if ((hostKinds & UrlWords.HOST_KEYWORD) != 0) {
      seen = keywordsIn(buf.words, hostWords, true, out, seen);
    }
    String path = url.pathSource();
    int end = url.pathEnd();
    int at = url.pathStart();
    while (at < end) {
      if ((words.segmentKinds(path, at, end, buf) & UrlWords.PATH_KEYWORD) != 0) {   // may grow buf.words
        seen = keywordsIn(buf.words, buf.wordCount, false, out, seen);
      }
      at = buf.segmentEnd + 1;
    }
  }

  /**
   * Adds each keyword found in {@code s[0, n)} once (host keywords for the host, path keywords for the
   * path).
   */
  private java.util.Set<String> keywordsIn(char[] s, int n, boolean inHost, UrlHitSink out,
      java.util.Set<String> seen) {
    for (int i = 0; i + 1 < n; i++) {
      int b = UrlChars.bigram(s, i);
      Keyword[] ks = b < 0 ? null : keywordsByBigram[b];
      if (ks == null) {
        continue;
      }
      for (Keyword k : ks) {
        if ((inHost ? k.host() : k.path()) && UrlChars.startsWith(s, i, n, k.word())
            && !coveredByException(s, n, i, i + k.word().length())
            && (seen == null || !seen.contains(k.word()))) {
          if (seen == null) {
            seen = new java.util.HashSet<>();
          }
          seen.add(k.word());
          out.add(k.category(), "url/keyword:" + k.word(), k.word());
        }
      }
    }
    return seen;
  }

  /**
   * Whether an exception word covers {@code s[from, to)} within {@code s[0, n)} ({@code essex} covers the
   * {@code sex} in it).
   */
  private boolean coveredByException(char[] s, int n, int from, int to) {
    for (int j = Math.max(0, to - 40); j <= from && j + 1 < n; j++) {
      int b = UrlChars.bigram(s, j);
      String[] es = b < 0 ? null : exceptionsByBigram[b];
      if (es == null) {
        continue;
      }
      for (String e : es) {
        if (j + e.length() >= to && UrlChars.startsWith(s, j, n, e)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The label before the public suffix: {@code kubet77} for {@code www.kubet77.com}, or null. */
  static String registrableLabel(String host) {
    return DomainParts.of(host).label();
  }

  /**
   * A host split at its public suffix, parsed once per URL: {@code label} is the registrable label
   * ({@code kubet77} of {@code www.kubet77.com}, null when there is none) and {@code beforeSuffix} the host
   * without its public suffix ({@code www.kubet77}).
   *
   * <p>The split is Guava's ({@link InternetDomainName#publicSuffix()}, the public-suffix list bundled
   * with Guava, private suffixes included), but a host in plain LDH form is looked up directly in
   * Guava's suffix tables ({@link PublicSuffixPatterns}, copied into one {@link HostTable} that is asked
   * about each suffix without a substring), one lookup per label, without building an
   * {@code InternetDomainName} (which validates, splits into a list and joins every ancestor again).
   * Any other host goes through {@code InternetDomainName}; {@code UrlRulesTest} checks both agree.
   */
  record DomainParts(String label, String beforeSuffix) {
    /** What {@link #suffixStart} answers when the host needs the full parser. */
    static final int SLOW = -2;
    private static final int EXACT = 1;
    private static final int UNDER = 2;
    private static final int EXCLUDED = 4;
    /** The kind of a name that is in none of the tables but stands after a dot of one that is. */
    private static final Integer NONE = 0;
    /** Guava's three suffix tables in one, as bits of {@link #EXACT}, {@link #UNDER}, {@link #EXCLUDED}. */
    private static final HostTable<Integer> SUFFIXES = suffixTable();

    private static HostTable<Integer> suffixTable() {
      Map<String, Integer> kinds = new HashMap<>();
      PublicSuffixPatterns.EXACT.keySet().forEach(k -> kinds.merge(k, EXACT, (a, b) -> a | b));
      PublicSuffixPatterns.UNDER.keySet().forEach(k -> kinds.merge(k, UNDER, (a, b) -> a | b));
      PublicSuffixPatterns.EXCLUDED.keySet().forEach(k -> kinds.merge(k, EXCLUDED, (a, b) -> a | b));
      return new HostTable<>(kinds);
    }

    static DomainParts of(String host) {
      int start = suffixStart(host);
      return start == SLOW ? parsed(host) : split(host, start);
    }

    /** The split from where the public suffix starts in {@code host} (-1: none). */
    private static DomainParts split(String host, int start) {
      if (start < 0) {
        return new DomainParts(null, host);
      }
      String before = start > 0 ? host.substring(0, start - 1) : "";
      if (start == 0) {
        return new DomainParts(null, before);
      }
      int dot = before.lastIndexOf('.');
      return new DomainParts(dot < 0 ? before : before.substring(dot + 1), before);
    }

    /** Through {@link InternetDomainName}, for hosts {@link #suffixStart} leaves alone. */
    static DomainParts parsed(String host) {
      try {
        InternetDomainName name = InternetDomainName.from(host);
        if (!name.hasPublicSuffix()) {
          return new DomainParts(null, host);
        }
        String suffix = name.publicSuffix().toString();
        String before = host.length() > suffix.length() ? host.substring(0, host.length() - suffix.length() - 1) : "";
        if (!name.isUnderPublicSuffix()) {
          return new DomainParts(null, before);
        }
        int dot = before.lastIndexOf('.');
        return new DomainParts(dot < 0 ? before : before.substring(dot + 1), before);
      } catch (IllegalArgumentException | IllegalStateException e) {
        return new DomainParts(null, host);
      }
    }

    /**
     * Where the public suffix of {@code host} starts (-1 when it has none), for a host of lower-case
     * letters, digits, dashes and dots that {@code InternetDomainName} accepts; {@link #SLOW} for any
     * other host. Same rules as {@code InternetDomainName}: from the whole host down to its last label,
     * the first name that is under a wildcard rule ({@code *.ck}), an exact rule, or an exception
     * ({@code !www.ck}) decides.
     */
    static int suffixStart(String host) {
      return suffixStart(HostTable.Suffixes.of(host));
    }

    /** {@link #suffixStart(String)} of the host whose suffixes {@code sx} holds. */
    static int suffixStart(HostTable.Suffixes sx) {
      String host = sx.host;
      if (!sx.plainLdh()) {   // checked in the pass that hashes the host's suffixes
        return SLOW;
      }
      int n = host.length();
      // The first name from the whole host down that decides is the longest; walked from the last label
      // up, the walk stops at the first suffix that is neither in a table nor a parent of a name in one
      // (no longer suffix is then in any), keeping the longest that decides.
      int decides = -1;
      int decidingKind = 0;
      for (int k = sx.count - 1; k >= 0; k--) {
        Object found = SUFFIXES.suffixOrParent(sx, k, NONE);
        if (found == null) {
          break;
        }
        int kind = (Integer) found;
        if ((k > 0 && (kind & UNDER) != 0) || (kind & (EXACT | EXCLUDED)) != 0) {
          decides = k;
          decidingKind = kind;
        }
      }
      if (decides < 0) {
        return -1;
      }
      if (decides > 0 && (decidingKind & UNDER) != 0) {
        return sx.start[decides - 1];
      }
      if ((decidingKind & EXACT) != 0) {
        return sx.start[decides];
      }
      int next = decides + 1 < sx.count ? sx.start[decides + 1] : n;
      return next < n ? next : SLOW;
    }
  }

  /** Whether {@code s[from, to)} is made of digits and {@link #BRAND_AFFIXES} only. */
  private static boolean onlyAffixes(char[] s, int from, int to) {
    int i = from;
    outer:
    while (i < to) {
      if (Character.isDigit(s[i])) {
        i++;
        continue;
      }
      for (String a : BRAND_AFFIXES) {
        if (UrlChars.startsWith(s, i, to, a)) {
          i += a.length();
          continue outer;
        }
      }
      return false;
    }
    return true;
  }

}
