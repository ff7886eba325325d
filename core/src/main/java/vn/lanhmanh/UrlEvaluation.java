package vn.lanhmanh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import vn.lanhmanh.ContentFilter.ComponentFailure;
import vn.lanhmanh.decide.Decision;
import vn.lanhmanh.model.ScoreStage;
import vn.lanhmanh.url.HostSyntax;
import vn.lanhmanh.url.SearchEngines;
import vn.lanhmanh.url.SearchQuery;
import vn.lanhmanh.url.UrlCanonicalizer;
import vn.lanhmanh.url.UrlHit;
import vn.lanhmanh.url.UrlHitSink;
import vn.lanhmanh.url.UrlRules;
import vn.lanhmanh.url.UrlView;
import vn.lanhmanh.url.index.CompactUrlList;
import vn.lanhmanh.url.index.UrlListIndex;

/**
 * The uncached check of a URL behind {@link ContentFilter#checkUrl}: canonicalise, look the URL up in the
 * rules and lists, check a search query as text, then decide. Holds the filter's URL rules and lists; the
 * filter passes itself for its fault seam, its text pipeline and its incident listener.
 */
final class UrlEvaluation {

  /** The embedded URL rules, read on the first URL check: a filter that checks only texts never reads them. */
  private final Supplier<UrlRules> urlRules;
  /** Whether the default URL list shipped in the jar is looked up (read on the first URL check). */
  private final boolean defaultUrlList;
  /** The URL list index given to the builder, or null. */
  private final UrlListIndex urlIndex;

  UrlEvaluation(Supplier<UrlRules> urlRules, boolean defaultUrlList, UrlListIndex urlIndex) {
    this.urlRules = urlRules;
    this.defaultUrlList = defaultUrlList;
    this.urlIndex = urlIndex;
  }

  /**
   * The uncached URL verdict.
   *
   * @throws ComponentFailure naming the component that failed
   */
  Verdict evaluate(String url, Policy policy, ContentFilter filter) {
    String component = "url canonicaliser";
    UrlView c = null;
    try {
      filter.fault(component);
      // This thread's view of the canonical URL: its host a string, its path and query read where they
      // stand in the URL; released before the decision (which may check a search query as text).
      c = UrlCanonicalizer.canonicalizeForCheck(url);
      if (!c.isOk()) {
        return urlProblem(url, c.message());
      }
      String badHost = HostSyntax.problem(c);
      if (badHost != null) {
        return urlProblem(url, badHost);
      }
      component = "url rules";
      filter.fault(component);
      UrlHits hits = URL_HITS.get();   // filled and read only here, before any text check
      hits.clear();
      UrlRules urlRules = this.urlRules.get();
      urlRules.listHits(c, hits);
      if (defaultUrlList) {
        CompactUrlList.embedded().lookup(c, hits);
      }
      boolean allowed = urlRules.allowKind(c) != null;
      if (urlIndex != null) {
        component = "url index";
        filter.fault(component);
        allowed |= urlIndex.lookupHits(c, hits);
        component = "url rules";
      }
      if (!allowed) {
        urlRules.heuristicHits(c, hits);
      }
      SearchQuery q = SearchEngines.find(c, url);
      int plainPrefix = c.plainPrefix();
      c.release();
      c = null;
      component = "decide";
      List<Finding> findings;
      int n = hits.size;
      if (n == 0 && q == null) {
        findings = List.of();
      } else if (n == 1 && q == null) {
        // The usual listed URL: one finding, kept as the immutable list the verdict would copy it into.
        findings = List.of(urlFinding(url, null, hits, 0, plainPrefix));
      } else {
        String lower = n == 0 ? url : lowerCase(url);
        findings = new ArrayList<>(n + 4);
        for (int i = 0; i < n; i++) {
          findings.add(urlFinding(url, lower, hits, i, 0));
        }
      }
      hits.clear();
      Map<Category, Double> textScores = Map.of();
      if (q != null) {
        Verdict text = filter.evaluateText(q.text(), policy, null, ScoreStage.Source.SEARCH_QUERY);
        textScores = text.scores();
        if (filter.reportsIncidents() && text.rating() == Rating.C) {
          filter.reportFindings(text, Optional.empty(), Optional.empty(), null);
        }
        for (Finding f : text.findings()) {
          int start = q.originalStart(f.start());
          int end = q.originalEnd(f.end() - 1);
          findings.add(new Finding(f.category(), f.severity(), f.rating(), f.rule(), start, end,
              url.substring(start, end)));
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::start));
      }
      filter.fault(component);
      ScoreMap scoreMap = ScoreMap.ZERO;   // no finding and no query text: every score 0
      if (findings.size() == 1 && textScores.isEmpty()) {
        // The usual listed URL: one finding's score, a shared map, no scratch array to fill and scan.
        Finding f = findings.get(0);
        scoreMap = ScoreMap.of(f.category(), ScoreStage.findingScore(f));
      } else if (!findings.isEmpty() || !textScores.isEmpty()) {
        double[] scores = ScoreStage.fromFindings(findings, URL_SCORES.get());
        if (!textScores.isEmpty()) {
          for (Map.Entry<Category, Double> e : textScores.entrySet()) {
            int k = e.getKey().ordinal();
            scores[k] = Math.max(scores[k], e.getValue());
          }
        }
        scoreMap = ScoreMap.copyOf(scores);   // shared or copied: the scratch array stays this thread's
      }
      // A single finding within the URL's plain start (scheme and host as written, in lower case) spans
      // printable ASCII chars only, every one masked.
      boolean plainSpan = findings.size() == 1 && findings.get(0).end() <= plainPrefix;
      Verdict v = Decision.decide(url, findings, scoreMap, policy, plainSpan);
      Optional<String> safe = q != null && policy.highest().compareTo(Rating.T18) < 0
          ? q.safeUrl() : Optional.empty();
      if (!safe.isPresent()) {
        return Decision.capped(v);   // decide gives no safeUrl: the same verdict
      }
      return Decision.capped(new Verdict(v.action(), v.rating(), v.findings(), v.redacted(), safe, v.help(),
          v.errors(), v.scores()));
    } catch (ComponentFailure e) {
      throw e;
    } catch (RuntimeException | StackOverflowError | NoClassDefFoundError e) {
      // NoClassDefFoundError: Guava (the public-suffix table of the URL rules) left off the class path, as
      // an app that checks only texts may do (docs/ANDROID.md): URL checks then fail closed.
      throw new ComponentFailure(component, e);
    } finally {
      if (c != null) {
        c.release();
      }
    }
  }

  /**
   * {@code url.toLowerCase(Locale.ROOT)}, but {@code url} itself, without the JDK's per-char case table,
   * when it has no char outside ASCII and no upper-case letter (the usual URL), found by one plain scan.
   */
  static String lowerCase(String url) {
    for (int i = 0, n = url.length(); i < n; i++) {
      char c = url.charAt(i);
      if (c >= 128 || (c >= 'A' && c <= 'Z')) {
        return url.toLowerCase(java.util.Locale.ROOT);
      }
    }
    return url;
  }

  /**
   * Where {@code key} (lower case) first occurs in {@code url} lower-cased, read from {@code url} as given:
   * its first place there when no upper-case letter and no char outside ASCII stands before that place's
   * end (lower-casing changes nothing up to there, so no earlier place can appear); else -1, and the
   * caller lower-cases the URL. The first {@code plain} chars of {@code url} are known to be neither
   * ({@link UrlCanonicalizer#canonicalize(String, int[])}) and are not read again.
   */
  static int keyInPlainPrefix(String url, String key, int plain) {
    int at = url.indexOf(key);
    if (at < 0) {
      return -1;
    }
    for (int i = plain, end = at + key.length(); i < end; i++) {
      char c = url.charAt(i);
      if (c >= 128 || (c >= 'A' && c <= 'Z')) {
        return -1;
      }
    }
    return at;
  }

  /**
   * A check's hits as the rules and lists report them ({@link UrlHitSink}), in arrays kept by the thread:
   * the findings are made from them, with no {@link UrlHit} in between, and the verdict keeps none.
   */
  private static final class UrlHits implements UrlHitSink {
    Category[] categories = new Category[8];
    String[] rules = new String[8];
    String[] keys = new String[8];
    int size;

    @Override
    public void add(Category category, String rule, String key) {
      if (size == keys.length) {
        categories = java.util.Arrays.copyOf(categories, size * 2);
        rules = java.util.Arrays.copyOf(rules, size * 2);
        keys = java.util.Arrays.copyOf(keys, size * 2);
      }
      categories[size] = Objects.requireNonNull(category, "category");
      rules[size] = Objects.requireNonNull(rule, "rule");
      keys[size++] = Objects.requireNonNull(key, "key");
    }

    /** Drops the hits (and the references to their strings). */
    void clear() {
      java.util.Arrays.fill(rules, 0, size, null);
      java.util.Arrays.fill(keys, 0, size, null);
      size = 0;
    }
  }

  private static final ThreadLocal<UrlHits> URL_HITS = ThreadLocal.withInitial(UrlHits::new);

  /** Per-thread scratch scores of a URL check ({@link ScoreMap#copyOf} keeps no reference to it). */
  private static final ThreadLocal<double[]> URL_SCORES =
      ThreadLocal.withInitial(() -> new double[Category.values().length]);

  /**
   * The finding of hit {@code i} (its tier and severity those of {@link UrlHit#of}): its key's first place
   * in the lower-cased URL, else the whole URL. When the URL has no upper case ({@code lower} is
   * {@code url}), the chars found are the key's: the key is the match, without a copy. {@code lower} null:
   * the URL is lower-cased only when the key's first place in it as given does not settle it
   * ({@link #keyInPlainPrefix}), whose first {@code plainPrefix} chars need no reading.
   */
  private static Finding urlFinding(String url, String lower, UrlHits hits, int i, int plainPrefix) {
    Category category = hits.categories[i];
    String key = hits.keys[i];
    Rating rating = UrlHit.ratingOf(category);
    Severity severity = UrlHit.severityOf(category);
    if (lower == null) {
      int at = keyInPlainPrefix(url, key, plainPrefix);
      if (at >= 0) {
        return new Finding(category, severity, rating, hits.rules[i], at, at + key.length(), key);
      }
      lower = lowerCase(url);
    }
    int at = lower.indexOf(key);
    int start = at < 0 ? 0 : at;
    int end = at < 0 ? url.length() : at + key.length();
    String match = at >= 0 && lower == url ? key : url.substring(start, end);
    return new Finding(category, severity, rating, hits.rules[i], start, end, match);
  }

  static Verdict urlProblem(String url, String message) {
    return new Verdict(Action.BLOCK, Rating.P, List.of(), url, Optional.empty(), Optional.empty(),
        List.of("malformed URL: " + message));
  }
}
