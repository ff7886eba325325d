package vn.lanhmanh.url;

import com.google.common.net.InternetDomainName;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import vn.lanhmanh.Category;

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

  private record Keyword(String word, Category category, boolean host, boolean path) {}

  private UrlRules(Map<String, Category> domains, Map<String, String> allow, Map<String, Category> brands,
      Map<String, Category> tlds, List<Keyword> keywords, List<String> keywordExceptions) {
    this.domains = domains;
    this.allow = allow;
    this.brands = brands;
    this.tlds = tlds;
    this.keywords = keywords;
    this.keywordExceptions = keywordExceptions;
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
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        for (int i = 0; i < c.length; i++) {
          c[i] = c[i].strip();
        }
        try {
          if (c.length < columns || c[0].isEmpty()) {
            throw new IllegalArgumentException("expected at least " + columns + " tab-separated columns");
          }
          sink.accept(c);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public int domainCount() {
    return domains.size();
  }

  /** The allow-list kind ({@code learning}, {@code help} …) of the URL's host, or null. */
  public String allowKind(CanonicalUrl url) {
    String host = url.host();
    for (String suffix : ALLOWED_SUFFIXES) {
      if (host.endsWith(suffix) || host.equals(suffix.substring(1))) {
        return suffix.endsWith("gov.vn") ? "government" : "learning";
      }
    }
    for (String h : suffixes(host)) {
      String kind = allow.get(h);
      if (kind != null) {
        return kind;
      }
    }
    return null;
  }

  /** Hits of the embedded domain list (the host or a parent domain is listed). */
  public void listHits(CanonicalUrl url, List<UrlHit> out) {
    for (String h : suffixes(url.host())) {
      Category c = domains.get(h);
      if (c != null) {
        out.add(UrlHit.of(c, "url/list/default:" + h, h));
        return;
      }
    }
  }

  /** Heuristic hits: adult and gambling TLDs, rotating brand names, keywords in the host and path. */
  public void heuristicHits(CanonicalUrl url, List<UrlHit> out) {
    if (url.hostIsIpAddress()) {
      keywordHits(url, out, false);
      return;
    }
    String host = url.host();
    int dot = host.lastIndexOf('.');
    String tld = dot < 0 ? host : host.substring(dot + 1);
    Category t = tlds.get(tld);
    if (t != null) {
      out.add(UrlHit.of(t, "url/tld:" + tld, "." + tld));
    }
    String label = registrableLabel(host);
    if (label != null) {
      for (Map.Entry<String, Category> b : brands.entrySet()) {
        if (isBrandName(label, b.getKey())) {
          out.add(UrlHit.of(b.getValue(), "url/brand:" + b.getKey(), label));
          break;
        }
      }
    }
    keywordHits(url, out, true);
  }

  private void keywordHits(CanonicalUrl url, List<UrlHit> out, boolean checkHost) {
    String host = checkHost ? compact(hostWithoutSuffix(url.host())) : "";
    List<String> segments = pathSegments(url.path());
    for (Keyword k : keywords) {
      if (k.host() && contains(host, k.word())) {
        out.add(UrlHit.of(k.category(), "url/keyword:" + k.word(), k.word()));
        continue;
      }
      if (k.path()) {
        for (String seg : segments) {
          if (contains(seg, k.word())) {
            out.add(UrlHit.of(k.category(), "url/keyword:" + k.word(), k.word()));
            break;
          }
        }
      }
    }
  }

  /** Whether {@code s} contains {@code word} somewhere that no keyword exception covers. */
  private boolean contains(String s, String word) {
    for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
      if (!coveredByException(s, i, i + word.length())) {
        return true;
      }
    }
    return false;
  }

  private boolean coveredByException(String s, int from, int to) {
    for (String e : keywordExceptions) {
      for (int j = s.indexOf(e); j >= 0 && j <= from; j = s.indexOf(e, j + 1)) {
        if (j + e.length() >= to) {
          return true;
        }
      }
    }
    return false;
  }

  /** The label before the public suffix: {@code kubet77} for {@code www.kubet77.com}, or null. */
  static String registrableLabel(String host) {
    try {
      InternetDomainName name = InternetDomainName.from(host);
      if (!name.isUnderPublicSuffix()) {
        return null;
      }
      String top = name.topPrivateDomain().toString();
      int dot = top.indexOf('.');
      return dot < 0 ? top : top.substring(0, dot);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  /**
   * A rotating brand name: the stem with only digits and known affixes around it ({@code kubet77},
   * {@code 88kubet}, {@code fb88vip}, {@code sunwin-club}).
   */
  static boolean isBrandName(String label, String stem) {
    String l = label.replace("-", "");
    int at = l.indexOf(stem);
    if (at < 0) {
      return false;
    }
    return onlyAffixes(l.substring(0, at)) && onlyAffixes(l.substring(at + stem.length()));
  }

  private static boolean onlyAffixes(String rest) {
    int i = 0;
    outer:
    while (i < rest.length()) {
      if (Character.isDigit(rest.charAt(i))) {
        i++;
        continue;
      }
      for (String a : BRAND_AFFIXES) {
        if (rest.startsWith(a, i)) {
          i += a.length();
          continue outer;
        }
      }
      return false;
    }
    return true;
  }

  /** The host without its public suffix ({@code phim-sex.com.vn} → {@code phim-sex}). */
  private static String hostWithoutSuffix(String host) {
    try {
      InternetDomainName name = InternetDomainName.from(host);
      if (name.hasPublicSuffix()) {
        String suffix = name.publicSuffix().toString();
        if (host.length() > suffix.length()) {
          return host.substring(0, host.length() - suffix.length() - 1);
        }
      }
    } catch (IllegalArgumentException e) {
      // not a domain name: check it whole
    }
    return host;
  }

  /** Lower-case letters and digits only: dots, dashes and underscores are dropped. */
  private static String compact(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static List<String> pathSegments(String path) {
    List<String> out = new ArrayList<>();
    for (String seg : path.split("/")) {
      String c = compact(seg);
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /** The host and its parent domains, most specific first, down to two labels. */
  static List<String> suffixes(String host) {
    List<String> out = new ArrayList<>(5);
    String h = host.startsWith("www.") ? host.substring(4) : host;
    out.add(h);
    int dot = h.indexOf('.');
    while (dot >= 0 && h.indexOf('.', dot + 1) >= 0) {
      h = h.substring(dot + 1);
      out.add(h);
      dot = h.indexOf('.');
    }
    return out;
  }
}
