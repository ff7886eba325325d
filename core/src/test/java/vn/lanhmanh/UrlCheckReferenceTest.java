package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.decide.Decision;
import vn.lanhmanh.model.ScoreStage;
import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.CanonicalizationResult;
import vn.lanhmanh.url.HostSyntax;
import vn.lanhmanh.url.SearchEngines;
import vn.lanhmanh.url.SearchQuery;
import vn.lanhmanh.url.UrlCanonicalizer;
import vn.lanhmanh.url.UrlHit;
import vn.lanhmanh.url.UrlRules;
import vn.lanhmanh.url.UrlView;
import vn.lanhmanh.url.index.CompactUrlList;
import vn.lanhmanh.url.index.ListEntry;
import vn.lanhmanh.url.index.UrlListIndex;
import vn.lanhmanh.url.index.UrlListWriter;

/**
 * A URL check reads its URL through the thread's {@link UrlView} (the path and query as ranges of the URL
 * as given) and takes the rules' and lists' hits as arrays, not {@link UrlHit}s. This test checks about
 * 3,800 URLs (hosts of an index with host, {@code www.}, path and allow keys, hosts of the embedded list,
 * unlisted, keyword, brand and scam hosts, IDN, IP addresses, ports, user info, escapes and dot segments in
 * paths and queries, fragments, white space, upper case, malformed input) at three ages against a slow
 * reference: the canonical URL's own strings ({@link UrlCanonicalizer#canonicalize(String)}), the rules'
 * and lists' {@code List<UrlHit>} entry points, a finding placed in the lower-cased URL, the scores
 * from the findings' array, and the decision's per-char mask. Every field of every verdict must be equal.
 * The view's parts are checked against the canonical URL's too.
 */
class UrlCheckReferenceTest {

  @TempDir
  static Path dir;

  private static ContentFilter filter;
  private static UrlListIndex index;
  private static UrlRules rules;
  private static List<String> indexHosts;
  private static List<String> embeddedHosts;

  private static final int[] AGES = {10, 16, 30};
  private static final Policy[] POLICIES = {Policy.forAge(AGES[0]), Policy.forAge(AGES[1]), Policy.forAge(AGES[2])};
  private static final String[] CATEGORIES = {"sexual", "gambling", "social", "scam", "drugs", "dating"};

  @BeforeAll
  static void setUp() throws Exception {
    SplittableRandom r = new SplittableRandom(15);
    indexHosts = new ArrayList<>();
    try (UrlListWriter w = UrlListWriter.create(dir, 1_000)) {
      for (int i = 0; i < 300; i++) {
        String host = Integer.toString(r.nextInt(1 << 20), 36) + "-" + i + ".list" + (i % 7) + (i % 2 == 0 ? ".com" : ".vn");
        indexHosts.add(host);
        w.add(new ListEntry(i % 10 == 0 ? "www." + host : host, CATEGORIES[i % CATEGORIES.length], "test/list" + (i % 3)));
      }
      for (int i = 0; i < 40; i++) {
        String host = "p" + i + ".pathsite.net";
        indexHosts.add(host);
        w.add(new ListEntry(host + "/adult/", "sexual", "test/paths"));
        w.add(new ListEntry(host + "/x.html?a=1", "gambling", "test/paths"));
        w.add(new ListEntry(host + "/a/b/c/", "drugs", "test/paths"));
      }
      for (int i = 0; i < 20; i++) {
        String host = "allow" + i + ".org";
        indexHosts.add(host);
        w.add(new ListEntry(host, ListEntry.ALLOW, "test/allow"));
        if (i % 4 == 0) {
          w.add(new ListEntry(host, "sexual", "test/list0"));   // block beats allow
        }
      }
      w.commit(true);
    }
    embeddedHosts = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        UrlRules.class.getResourceAsStream("/vn/lanhmanh/url/domains.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank() && !line.startsWith("#") && embeddedHosts.size() < 120) {
          embeddedHosts.add(line.split("\t")[0].strip());
        }
      }
    }
    filter = ContentFilter.builder().urlIndex(dir).urlCacheSize(0).build();
    index = UrlListIndex.open(dir);
    rules = UrlRules.loadDefaults();
  }

  @AfterAll
  static void tearDown() throws Exception {
    filter.close();
    index.close();
  }

  @Test
  void everyVerdictIsTheSlowReferences() {
    List<String> urls = urls();
    assertThat(urls.size()).isGreaterThan(3_000);
    int listed = 0;
    int malformed = 0;
    int search = 0;
    for (String url : urls) {
      for (int a = 0; a < POLICIES.length; a++) {
        Policy p = POLICIES[a];
        Verdict actual = filter.checkUrl(url, p);
        Verdict expected;
        try {
          expected = reference(url, p);
        } catch (RuntimeException e) {
          // The reference failed where the check fails closed: the check must report an error.
          assertThat(actual.errors()).as(url + " (reference: " + e + ")").isNotEmpty();
          continue;
        }
        if (expected == null) {
          search++;
          continue;
        }
        assertThat(actual).as(url + " for a viewer of " + AGES[a]).isEqualTo(expected);
        listed += actual.findings().stream().anyMatch(f -> f.rule().startsWith("url/list/")) ? 1 : 0;
        malformed += actual.errors().isEmpty() ? 0 : 1;
      }
    }
    System.out.printf("%d URLs at %d ages: %d verdicts with a list hit, %d with an error, %d search URLs%n",
        urls.size(), POLICIES.length, listed, malformed, search);
    // The URLs reach what they are meant to: list hits of every kind, malformed input, search URLs.
    assertThat(listed).isGreaterThan(3 * 1_000);
    assertThat(malformed).isGreaterThan(3 * 50);
    assertThat(search).isGreaterThan(3 * 20);
  }

  @Test
  void theViewHasTheCanonicalUrlsParts() {
    for (String url : urls()) {
      CanonicalizationResult r = UrlCanonicalizer.canonicalize(url);
      int[] plain = new int[1];
      UrlCanonicalizer.canonicalize(url, plain);
      UrlView v = UrlCanonicalizer.canonicalizeForCheck(url);
      try {
        assertThat(v.isOk()).as(url).isEqualTo(r.isOk());
        assertThat(v.problem()).as(url).isEqualTo(r.problem());
        assertThat(v.message()).as(url).isEqualTo(r.message());
        if (!r.isOk()) {
          continue;
        }
        CanonicalUrl c = r.url();
        assertThat(v.scheme()).as(url).isEqualTo(c.scheme());
        assertThat(v.host()).as(url).isEqualTo(c.host());
        assertThat(v.port()).as(url).isEqualTo(c.port());
        assertThat(v.hostIsIpAddress()).as(url).isEqualTo(c.hostIsIpAddress());
        assertThat(v.pathSource().substring(v.pathStart(), v.pathEnd())).as(url).isEqualTo(c.path());
        assertThat(v.pathLength()).as(url).isEqualTo(c.path().length());
        assertThat(v.pathIs(c.path())).as(url).isTrue();
        assertThat(v.hasQuery()).as(url).isEqualTo(c.query() != null);
        assertThat(v.hasNonEmptyQuery()).as(url).isEqualTo(c.query() != null && !c.query().isEmpty());
        if (c.query() != null) {
          assertThat(v.querySource().substring(v.queryStart(), v.queryEnd())).as(url).isEqualTo(c.query());
        }
        assertThat(v.plainPrefix()).as(url).isEqualTo(plain[0]);
        assertThat(v.url()).as(url).isEqualTo(c);
        assertThat(v.path()).isEqualTo(c.path());
        assertThat(v.query()).isEqualTo(c.query());
        SearchQuery a = SearchEngines.find(v, url);
        SearchQuery b = SearchEngines.find(c, url);
        assertThat(a == null).as(url).isEqualTo(b == null);
        if (a != null) {
          assertThat(a.text()).isEqualTo(b.text());
          assertThat(a.engine()).isEqualTo(b.engine());
          assertThat(a.safeUrl()).isEqualTo(b.safeUrl());
        }
      } finally {
        v.release();
      }
    }
  }

  @Test
  void aThreadsViewIsHandedOutOnceAtATime() {
    UrlView first = UrlCanonicalizer.canonicalizeForCheck("https://a.example.com/x?y=1");
    UrlView second = UrlCanonicalizer.canonicalizeForCheck("https://b.example.com/z");
    assertThat(second).isNotSameAs(first);
    assertThat(first.host()).isEqualTo("a.example.com");
    assertThat(first.path()).isEqualTo("/x");
    assertThat(second.host()).isEqualTo("b.example.com");
    second.release();
    first.release();
    assertThat(first.host()).isNull();
    assertThat(first.pathSource()).isNull();
    UrlView again = UrlCanonicalizer.canonicalizeForCheck("http://c.example.com/");
    assertThat(again).isSameAs(first);
    assertThat(again.path()).isEqualTo("/");
    again.release();
  }

  /**
   * The verdict of {@code url} from the canonical URL's own strings and the {@code List<UrlHit>} entry
   * points, decided without the check's shortcuts; null for a search-engine URL (whose query text is
   * checked as text, which the reference does not do).
   */
  private static Verdict reference(String url, Policy policy) {
    CanonicalizationResult r = UrlCanonicalizer.canonicalize(url);
    if (!r.isOk()) {
      return problem(url, r.message());
    }
    CanonicalUrl c = r.url();
    String badHost = HostSyntax.problem(c);
    if (badHost != null) {
      return problem(url, badHost);
    }
    if (SearchEngines.find(c, url) != null) {
      return null;
    }
    List<UrlHit> hits = new ArrayList<>();
    rules.listHits(c, hits);
    CompactUrlList.embedded().lookup(c, hits);
    boolean allowed = rules.allowKind(c) != null;
    allowed |= index.lookupHits(c, hits);
    if (!allowed) {
      rules.heuristicHits(c, hits);
    }
    String lower = url.toLowerCase(Locale.ROOT);
    List<Finding> findings = new ArrayList<>();
    for (UrlHit h : hits) {
      int at = lower.indexOf(h.key());
      int start = at < 0 ? 0 : at;
      int end = at < 0 ? url.length() : at + h.key().length();
      findings.add(new Finding(h.category(), h.severity(), h.rating(), h.rule(), start, end,
          url.substring(start, end)));
    }
    ScoreMap scores = findings.isEmpty() ? ScoreMap.ZERO : ScoreMap.of(ScoreStage.fromFindings(findings));
    return Decision.capped(Decision.decide(url, findings, scores, policy));
  }

  private static Verdict problem(String url, String message) {
    return new Verdict(Action.BLOCK, Rating.P, List.of(), url, Optional.empty(), Optional.empty(),
        List.of("malformed URL: " + message));
  }

  /** About 3,800 URLs of every shape the check reads; the same ones every run. */
  private static List<String> urls() {
    SplittableRandom r = new SplittableRandom(7);
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      switch (i % 7) {
        case 0, 1 -> hosts.add(pick(r, indexHosts));
        case 2 -> hosts.add("sub" + r.nextInt(100) + "." + pick(r, indexHosts));
        case 3 -> hosts.add(pick(r, embeddedHosts));
        case 4 -> hosts.add("nothere" + r.nextInt(1 << 30) + ".example.org");
        case 5 -> hosts.add(pick(r, List.of("phimsex" + r.nextInt(100) + ".com", "kubet" + r.nextInt(100) + ".com",
            "vietcombank-xacminh.com", "shopee-trian-khachhang.com", "essex.ac.uk", "nohu-club.net",
            "free-robux-2026.com", "soicau-mienbac.vn", "vnexpress.net", "olm.vn", "hcmus.edu.vn", "example.xxx",
            "Bóngđá.vn", "xn--bng-gla1gwi.vn", "bóngđá-sex.vn", "ｅｘａｍｐｌｅ.com", "tin.casino", "kenh.porn",
            "a.b.casino")));
        default -> hosts.add(pick(r, List.of("178.128.25.172", "0x7f.1", "3232235777", "[::1]", "[2001:DB8::1]",
            "127.0.0.1", "1.2.3.4.5", "256.1.1.1", "a..b.com", "exa%6dple.com", "EXAMPLE.COM.", ".lead.dot.com")));
      }
    }
    String[] schemes = {"http://", "https://", "HTTPS://", "", "//", "https:\\\\", "ftp://", "hTTp://"};
    String[] before = {"", "", "", "www.", "WWW.", "user:pw@", "a@b@"};
    String[] ports = {"", "", "", ":80", ":443", ":8080", ":", ":99999", ":x"};
    String[] paths = {"", "/", "/path/123", "/adult/", "/adult/clip.html", "/x.html", "/a/b/c/d.html", "/a/./b/../c",
        "/%41%42c", "/tin%20t%E1%BB%A9c", "//double//slash", "/phim-sex/abc", "/nohu/", "/ESSEX/", "/A/B",
        "/.well-known/x", "/a?b/c", "/search", "/results", "/%zz", "/t\u1ea1i-sao", "\\back\\slash", "/a/b/c/"};
    String[] queries = {"", "", "", "?", "?q=1", "?a=1", "?a=%20b", "?a=1&b=2", "?q=phim+sex", "?x=%zz", "?q=a#b"};
    String[] after = {"", "", "", "#frag", "#", "  ", "\t"};
    String[] keyPaths = {"/adult/", "/adult/clip.html", "/adultx", "/x.html", "/X.html", "/a/b/c/", "/a/b/c/d.html",
        "/a/b/", "/a/./b/c/", "/a//b/c/e"};
    String[] keyQueries = {"", "?", "?a=1", "?a=1", "?a=2", "?a=%31"};
    List<String> urls = new ArrayList<>();
    for (String host : hosts) {
      for (int k = 0; k < 4; k++) {
        String h = r.nextInt(6) == 0 ? host.toUpperCase(Locale.ROOT) : host;
        boolean pathKeys = host.contains("pathsite") && r.nextBoolean();   // the path keys' own paths and query
        String u = pick(r, schemes) + pick(r, before) + h + pick(r, ports) + pick(r, pathKeys ? keyPaths : paths)
            + pick(r, pathKeys ? keyQueries : queries) + pick(r, after);
        urls.add(r.nextInt(10) == 0 ? " " + u : r.nextInt(12) == 0 ? u.replace(".", ".\t") : u);
      }
    }
    for (String host : indexHosts) {   // the path keys' hosts with their paths and queries, and around them
      if (host.contains("pathsite")) {
        for (String path : keyPaths) {
          urls.add(pick(r, List.of("http://", "https://www.", "HTTPS://", "")) + host + pick(r, List.of("", "", ":8080"))
              + path + pick(r, keyQueries) + pick(r, List.of("", "", "#f")));
        }
      }
    }
    for (int i = 0; i < 80; i++) {
      String q = pick(r, List.of("phim+sex", "b%C3%B3ng+%C4%91%C3%A1", "h%E1%BB%8Dc+to%C3%A1n", "nohu", "", "a%zz"));
      urls.add(pick(r, List.of("https://www.google.com/search?q=", "https://www.bing.com/search?q=",
          "https://duckduckgo.com/?q=", "https://www.youtube.com/results?search_query=",
          "https://coccoc.com/search?query=", "https://www.google.com.vn/search?hl=vi&q=")) + q
          + pick(r, List.of("", "&safe=off", "#x")));
    }
    urls.addAll(List.of("", "   ", "javascript:alert(1)", "data:text/html,x", "mailto:a@b.c", "http://exa mple.com/",
        "http://%zz/", "::::", "http://256.1.1.1/", "http://a<b>.com/", "http://[::1", "http://[::1]x/", "/relative",
        "http://", "http://host:99999/", "#only", "http://" + "a".repeat(70) + ".com/", "http://\u0001\u0080.com/",
        "http://%80.com/", "http://xn--.com/", "urn:isbn:1"));
    for (int i = 0; i < 60; i++) {
      StringBuilder b = new StringBuilder(i % 2 == 0 ? "http://" : "");
      String chars = "\t\r\n\u0000\u001f%#?/\\@:[]. abcXYZ019-_\u00e9";
      for (int k = r.nextInt(30); k > 0; k--) {
        b.append(chars.charAt(r.nextInt(chars.length())));
      }
      urls.add(b.toString());
    }
    return urls;
  }

  private static <T> T pick(SplittableRandom r, T[] items) {
    return items[r.nextInt(items.length)];
  }

  private static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }
}
