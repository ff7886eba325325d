package vn.lanhmanh;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lanhmanh.conversation.ConversationMonitor;
import vn.lanhmanh.conversation.WindowState;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.lexicon.RuleIndex;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.pii.PiiDetector;
import vn.lanhmanh.pii.PiiMatch;
import vn.lanhmanh.compose.Composer;
import vn.lanhmanh.compose.TextAnalysis;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.score.Scorer;
import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.CanonicalizationResult;
import vn.lanhmanh.url.HostSyntax;
import vn.lanhmanh.url.SearchEngines;
import vn.lanhmanh.url.SearchQuery;
import vn.lanhmanh.url.UrlCanonicalizer;
import vn.lanhmanh.url.UrlHit;
import vn.lanhmanh.url.UrlRules;
import vn.lanhmanh.url.index.CompactUrlList;
import vn.lanhmanh.url.index.ListEntry;
import vn.lanhmanh.url.index.UrlListIndex;

/**
 * The front door: decides whether a text is fit for a viewer, and why.
 *
 * <pre>{@code
 * try (ContentFilter filter = ContentFilter.builder().build()) {   // embedded Vietnamese lexicon
 *   Verdict v = filter.checkText("đm thằng ngu", Policy.forAge(10));
 *   v.action();      // BLOCK
 *   v.findings();    // profanity [0,8) "đm thằng", harassment [3,12) "thằng ngu"
 * }
 * }</pre>
 *
 * <p>Immutable once built and thread-safe: share one instance across the application. A check takes no
 * lock, does no I/O and allocates only for what it finds (plus a per-thread scratch buffer). A policy
 * with custom allow or deny phrases is compiled once into an overlay matcher and cached (at most
 * {@value #MAX_OVERLAYS} distinct phrase sets).
 *
 * <p>Bad input never throws: a {@code null} or empty text is allowed with no findings, broken surrogates
 * and control characters are treated as separators or ignored, and any length is checked in time linear
 * in its size.
 *
 * <p>{@link #conversation(String)} watches a chat for grooming across messages (see {@link Conversation});
 * its windows are the filter's only mutable state, kept in a bounded cache and updated per conversation,
 * never on the {@code checkText} path. An {@link IncidentListener} given to the builder is told about
 * C-tier findings and high-risk conversations on its own executor.
 *
 * <p>{@link #close()} releases the lexicon index and stops the incident thread the filter created;
 * checks after that throw {@link IllegalStateException}.
 *
 * <p>Fails closed: a {@link RuntimeException} or {@link StackOverflowError} inside the matcher, the
 * personal-information detectors, the URL canonicaliser and rules or the URL list index gives a
 * {@link Action#BLOCK} verdict with every non-space character of the input masked in {@code redacted}
 * and {@code "internal error in <component>: <exception class>"} in {@link Verdict#errors()}; it is not
 * thrown to the caller and not cached. Only the component and the exception class are logged (at WARN),
 * never the checked text.
 */
public final class ContentFilter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ContentFilter.class);

  /** Distinct custom-phrase policies whose compiled overlay is kept. */
  static final int MAX_OVERLAYS = 256;
  /** URLs longer than this are checked without the verdict cache, so an entry stays small. */
  static final int MAX_CACHED_URL_CHARS = 1024;
  /** A thread's scratch buffer is dropped after a text longer than this, so it is not kept forever. */
  private static final int SCRATCH_KEEP_CHARS = 1 << 16;
  /** Incidents the default executor queues before it drops and counts them. */
  static final int INCIDENT_QUEUE = 1024;
  static final long DEFAULT_MAX_CONVERSATIONS = 100_000;
  static final Duration DEFAULT_CONVERSATION_EXPIRY = Duration.ofHours(24);
  static final long DEFAULT_MAX_CONVERSATION_BYTES = 64L << 20;

  private final RuleIndex ruleIndex;
  private final List<LexiconEntry> entries;
  private final CompiledLexicon lexicon;
  private final LoadingCache<OverlayKey, CompiledLexicon> overlays;
  /** The concept phrases, compositions and registers (empty without the default lexicon). */
  private final ConceptLexicon concepts;
  private final Composer composer;
  private final ThreadLocal<MatchState> scratch = ThreadLocal.withInitial(MatchState::new);
  private final PiiDetector pii = PiiDetector.create();
  private final UrlRules urlRules;
  private final Cache<UrlKey, Verdict> urlCache;
  /** Caching turned off ({@code urlCacheSize(0)}): checks skip the cache and count as misses. */
  private final boolean urlCacheOff;
  private final LongAdder uncachedUrlChecks = new LongAdder();
  /** Whether the default URL list shipped in the jar is looked up (read on the first URL check). */
  private final boolean defaultUrlList;
  /** The URL list index given to the builder, or null. */
  private final UrlListIndex urlIndex;
  /** Compiled on the first {@link #conversation} call: the stage phrases cost about a second to compile. */
  private final Supplier<ConversationMonitor> monitor;
  /** Set once {@link #monitor} has been created, so counters can be read without compiling it. */
  private volatile boolean monitorStarted;
  /** Null when no listener is registered: then nothing is collected for incidents at all. */
  private final Incidents incidents;
  private volatile boolean closed;
  /**
   * Test seam, package-private and null in production: called with the component's name ({@code matcher},
   * {@code pii}, {@code decide}, {@code url canonicaliser}, {@code url rules}, {@code url index}) just
   * before the component runs, so a test can make it fail. Set it before the checks it concerns.
   */
  FaultHook faultHook;

  /** See {@link #faultHook}. */
  @FunctionalInterface
  interface FaultHook {
    void before(String component);
  }

  /** An unexpected failure inside a component, carried out of the cache loader to the fail-closed verdict. */
  private static final class ComponentFailure extends RuntimeException {
    final String component;

    ComponentFailure(String component, Throwable cause) {
      super(component, cause, false, false);
      this.component = component;
    }
  }

  private record OverlayKey(Set<String> allow, List<Policy.Phrase> deny) {}

  /**
   * Key of the URL verdict cache: verdicts are cached per original string, since their offsets point
   * into it. Hashes and compares directly, without the record's generated methods.
   */
  private record UrlKey(String url, Policy policy, long generation) {
    @Override
    public int hashCode() {
      return (url.hashCode() * 31 + policy.hashCode()) * 31 + Long.hashCode(generation);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UrlKey k && generation == k.generation && url.equals(k.url) && policy.equals(k.policy);
    }
  }

  private ContentFilter(RuleIndex ruleIndex, ConceptLexicon concepts, UrlRules urlRules, UrlListIndex urlIndex,
      Builder b) {
    this.urlIndex = urlIndex;
    this.ruleIndex = ruleIndex;
    this.entries = ruleIndex.entries();
    this.concepts = concepts;
    this.composer = Composer.compile(concepts);
    this.lexicon = CompiledLexicon.compile(entries, concepts, Map.of());
    this.overlays = Caffeine.newBuilder().maximumSize(MAX_OVERLAYS).build(this::compileOverlay);
    this.urlRules = urlRules;
    this.urlCache = Caffeine.newBuilder().maximumSize(b.urlCacheSize).recordStats().build();
    this.urlCacheOff = b.urlCacheSize == 0;
    this.defaultUrlList = b.defaultUrlList;
    long maxConversations = b.maxConversations;
    long maxConversationBytes = b.maxConversationBytes;
    Duration expiry = b.conversationExpiry;
    Ticker ticker = b.ticker;
    this.monitor = Suppliers.memoize(() -> {
      ConversationMonitor m = new ConversationMonitor(entries, maxConversations, maxConversationBytes, expiry,
          ticker::read);
      monitorStarted = true;
      return m;
    });
    this.incidents = b.listener == null ? null : new Incidents(b.listener, b.executor, INCIDENT_QUEUE);
  }

  /** A new builder with the embedded default lexicon. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a text for a viewer.
   *
   * @param text the text as the viewer would see it; {@code null} is treated as empty
   * @param policy who is watching
   * @return the verdict; never null
   * @throws NullPointerException if {@code policy} is null
   * @throws IllegalStateException if the filter is closed
   */
  public Verdict checkText(String text, Policy policy) {
    return check(text, policy, Optional.empty(), Optional.empty(), null);
  }

  /**
   * The conversation with this id: a handle on a window of its recent messages, created on its first
   * message. Calls with the same id share the window. The first call compiles the embedded stage phrases
   * (about a second), so a filter that never watches conversations does not pay for them.
   *
   * <pre>{@code
   * ConversationVerdict cv = filter.conversation("chat-42").check(message, Policy.forAge(11));
   * }</pre>
   *
   * @param id the application's conversation id
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalStateException if the filter is closed
   */
  public Conversation conversation(String id) {
    Objects.requireNonNull(id, "id");
    if (closed) {
      throw new IllegalStateException("ContentFilter is closed");
    }
    monitor.get();
    return new Conversation(this, id);
  }

  /**
   * Checks one message of a conversation whose window the caller keeps (see {@link ConversationState}),
   * for stream processors and services that store conversations outside the filter. Gives the same verdict
   * as {@code conversation(conversationId).check(message, policy)} would with the window in
   * {@code previous} (the same matching, window and risk code), reports incidents to the filter's
   * {@link IncidentListener} the same way, and leaves the filter's own windows untouched.
   *
   * <pre>{@code
   * ConversationStep step = filter.conversationStep("chat-42", ConversationState.empty(), message, Policy.forAge(11));
   * step.verdict().risk();
   * ConversationState next = step.state();   // pass it with the conversation's next message
   * }</pre>
   *
   * @param conversationId the conversation's id (for incidents)
   * @param previous the conversation's state before this message; {@link ConversationState#empty()} for a
   *     new one
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException if the filter is closed
   */
  public ConversationStep conversationStep(String conversationId, ConversationState previous, Message message,
      Policy policy) {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(policy, "policy");
    if (closed) {
      throw new IllegalStateException("ContentFilter is closed");
    }
    ConversationMonitor m = monitor.get();
    WindowState[] next = new WindowState[1];
    Conversation.Checked c = Conversation.check(this, conversationId, message, policy, msg -> {
      ConversationMonitor.Step step = m.step(previous.window(), msg.id(), msg.text(), msg.time(),
          msg.sender() == Message.Sender.CHILD);
      next[0] = step.next();
      return step.observation();
    });
    return new ConversationStep(c.verdict(), new ConversationState(next[0]), c.incident());
  }

  /**
   * What became of the incidents given to the {@link IncidentListener}: {@code delivered}, {@code dropped}
   * (the queue was full or the filter closed) and {@code failed} (the listener or the executor threw).
   * All zero when no listener is registered.
   */
  public Map<String, Long> incidentCounts() {
    return incidents == null ? Map.of("delivered", 0L, "dropped", 0L, "failed", 0L) : incidents.counts();
  }

  /**
   * The conversation store's counters: {@code conversations} kept and their estimated {@code bytes},
   * {@code created}, {@code expired}, and per tier ({@code innocent}: no grooming stage in the window,
   * {@code staged}, {@code at_risk}: risk 0.5 or more) {@code conversations_<tier>} and
   * {@code evicted_<tier>}. All zero before the first {@link #conversation} call.
   */
  public Map<String, Long> conversationCounts() {
    if (!monitorStarted) {
      Map<String, Long> zero = new java.util.LinkedHashMap<>();
      for (String k : List.of("conversations", "bytes", "created", "expired", "conversations_innocent",
          "conversations_staged", "conversations_at_risk", "evicted_innocent", "evicted_staged", "evicted_at_risk")) {
        zero.put(k, 0L);
      }
      return zero;
    }
    return monitor.get().counts();
  }

  /** The check behind {@link #checkText} and {@link Conversation#check}; reports C-tier findings. */
  Verdict check(String text, Policy policy, Optional<String> conversationId, Optional<String> messageId,
      Instant time) {
    Objects.requireNonNull(policy, "policy");
    if (closed) {
      throw new IllegalStateException("ContentFilter is closed");
    }
    String t = text == null ? "" : text;
    Verdict verdict;
    try {
      verdict = evaluateText(t, policy);
    } catch (ComponentFailure e) {
      return internalError(t, e.component, e.getCause());
    }
    if (incidents != null && verdict.rating() == Rating.C) {
      reportFindings(verdict, conversationId, messageId, time);
    }
    return verdict;
  }

  /**
   * The text pipeline, stage by stage: normalise, match, compose concepts, score, then the
   * personal-information detectors and the decision.
   *
   * @throws ComponentFailure naming the component that failed
   */
  private Verdict evaluateText(String t, Policy policy) {
    String component = "matcher";
    try {
      fault(component);
      CompiledLexicon matcher = matcherFor(policy);
      MatchState state = scratch.get();
      List<Finding> findings;
      try {
        matcher.normalize(t, state);            // 1. syllables, exact and folded (vn.lanhmanh.text)
        matcher.match(t, state);                // 2. sentences, rule and concept hits (vn.lanhmanh.match)
        composer.compose(state);                // 3. registers and compositions (vn.lanhmanh.compose)
        findings = Scorer.findings(t, state);   // 4. findings in the caller's offsets (vn.lanhmanh.score)
      } finally {
        state.trim(SCRATCH_KEEP_CHARS);
      }
      component = "pii";
      fault(component);
      List<PiiMatch> personal = pii.detect(t);
      if (!personal.isEmpty()) {
        findings = withPersonalInformation(findings, personal);
      }
      component = "decide";
      fault(component);
      return decide(t, findings, policy);       // 5. the action for this viewer
    } catch (RuntimeException | StackOverflowError e) {
      throw new ComponentFailure(component, e);
    }
  }

  private CompiledLexicon matcherFor(Policy policy) {
    return policy.hasCustomPhrases()
        ? overlays.get(new OverlayKey(policy.allowPhrases(), policy.denyPhrases()))
        : lexicon;
  }

  /**
   * Internal, not API: the per-message analysis for components that build on the concepts (the
   * conversation monitor, a learned tagger): the syllables, the concept hits and the verdict, all from
   * one normalisation of {@code text}. Allocates a snapshot; the check path does not use it.
   */
  TextAnalysis analyze(String text, Policy policy) {
    Objects.requireNonNull(policy, "policy");
    String t = text == null ? "" : text;
    CompiledLexicon matcher = matcherFor(policy);
    MatchState state = new MatchState();
    matcher.normalize(t, state);
    matcher.match(t, state);
    composer.compose(state);
    List<Finding> findings = Scorer.findings(t, state);
    List<PiiMatch> personal = pii.detect(t);
    if (!personal.isEmpty()) {
      findings = withPersonalInformation(findings, personal);
    }
    return TextAnalysis.of(t, state, matcher.vocabulary(), decide(t, findings, policy));
  }

  private void fault(String component) {
    FaultHook hook = faultHook;
    if (hook != null) {
      hook.before(component);
    }
  }

  /**
   * The fail-closed verdict: BLOCK, the whole input masked, the component and exception class in errors.
   * Logs neither the input nor the exception's message (which may quote it).
   */
  private static Verdict internalError(String input, String component, Throwable e) {
    String error = "internal error in " + component + ": " + e.getClass().getName();
    StackTraceElement[] trace = e.getStackTrace();
    log.warn("{} at {}", error, trace.length == 0 ? "?" : trace[0]);
    char[] masked = input.toCharArray();
    for (int i = 0; i < masked.length; i++) {
      if (!Character.isWhitespace(masked[i])) {
        masked[i] = '*';
      }
    }
    return new Verdict(Action.BLOCK, Rating.P, List.of(), new String(masked), Optional.empty(),
        Optional.empty(), List.of(error));
  }

  private void reportFindings(Verdict verdict, Optional<String> conversationId, Optional<String> messageId,
      Instant time) {
    List<Finding> severe = new ArrayList<>();
    for (Finding f : verdict.findings()) {
      if (f.rating() == Rating.C) {
        severe.add(f);
      }
    }
    incidents.report(new IncidentListener.Incident(IncidentListener.Kind.FINDING, conversationId, messageId,
        0.0, Set.of(), severe, List.of(), time == null ? Instant.now() : time));
  }

  /** Hands an incident to the listener, if there is one. */
  void report(IncidentListener.Incident incident) {
    if (incidents != null) {
      incidents.report(incident);
    }
  }

  ConversationMonitor monitor() {
    return monitor.get();
  }

  /**
   * Checks a URL for a viewer: the URL is canonicalised as Safe Browsing specifies, its host suffixes
   * and path prefixes are looked up in the lists, the heuristics (adult and gambling TLDs, rotating
   * gambling brand names, keywords in the host and path) run unless the host is on the allow-list
   * (every {@code *.edu.vn} and {@code *.gov.vn} host, Vietnam's learning sites and help resources), and
   * the query of a search-engine URL is checked as text. For a viewer under 18, a search URL's verdict
   * carries {@code safeUrl} with the engine's safe-search switch forced on.
   *
   * <p>Findings' offsets point into {@code url} as given. A URL that cannot be parsed ({@code null},
   * {@code javascript:}, {@code data:}, a broken host, over 100,000 chars) gets a BLOCK verdict with the
   * problem in {@link Verdict#errors()}, as does a host no server can have ({@code http://exa mple.com},
   * {@code http://%zz}, {@code ::::}; see {@link HostSyntax}). Verdicts of URLs up to 1,024 chars are
   * cached (Caffeine, keyed by the URL string, the policy and the list generation); see
   * {@link #urlCacheStats()}.
   *
   * @throws NullPointerException if {@code policy} is null
   * @throws IllegalStateException if the filter is closed
   */
  public Verdict checkUrl(String url, Policy policy) {
    Objects.requireNonNull(policy, "policy");
    if (closed) {
      throw new IllegalStateException("ContentFilter is closed");
    }
    if (url == null) {
      return urlProblem("", "url is null");
    }
    try {
      if (urlCacheOff || url.length() > MAX_CACHED_URL_CHARS) {
        // A cache that may hold nothing only costs an insert and an eviction per check; a long URL would
        // keep two long strings (key and redacted copy) per entry.
        uncachedUrlChecks.increment();
        return evaluateUrl(url, policy);
      }
      long generation = urlIndex == null ? 0 : urlIndex.generation();
      return urlCache.get(new UrlKey(url, policy, generation), k -> evaluateUrl(url, policy));
    } catch (ComponentFailure e) {
      return internalError(url, e.component, e.getCause());
    } catch (RuntimeException | StackOverflowError e) {
      return internalError(url, "url cache", e);
    }
  }

  /**
   * Reopens the URL list index if it changed on disk (a newer complete generation was published) and
   * returns whether it did. Checks running meanwhile finish on the lists they started with; verdicts cached
   * for the old lists are not served again, since the cache key holds the list generation.
   *
   * @throws IllegalStateException if the filter was built without {@link Builder#urlIndex(Path)}
   * @throws UncheckedIOException if the index cannot be read
   */
  public boolean refreshUrlIndex() {
    if (urlIndex == null) {
      throw new IllegalStateException("no URL index: build the filter with urlIndex(dir)");
    }
    try {
      return urlIndex.refresh();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the URL index at " + urlIndex.directory(), e);
    }
  }

  /** Hit and miss counts of the URL verdict cache. */
  public CacheStats urlCacheStats() {
    return urlCacheOff ? CacheStats.of(0, uncachedUrlChecks.sum(), 0, 0, 0, 0, 0) : urlCache.stats();
  }

  /**
   * The uncached URL verdict.
   *
   * @throws ComponentFailure naming the component that failed
   */
  private Verdict evaluateUrl(String url, Policy policy) {
    String component = "url canonicaliser";
    try {
      fault(component);
      CanonicalizationResult r = UrlCanonicalizer.canonicalize(url);
      if (!r.isOk()) {
        return urlProblem(url, r.message());
      }
      CanonicalUrl c = r.url();
      String badHost = HostSyntax.problem(c);
      if (badHost != null) {
        return urlProblem(url, badHost);
      }
      component = "url rules";
      fault(component);
      List<UrlHit> hits = new ArrayList<>();
      urlRules.listHits(c, hits);
      if (defaultUrlList) {
        CompactUrlList.embedded().lookup(c, hits);
      }
      boolean allowed = urlRules.allowKind(c) != null;
      if (urlIndex != null) {
        component = "url index";
        fault(component);
        for (ListEntry e : urlIndex.lookup(c)) {
          if (e.isAllow()) {
            allowed = true;
          } else if (e.categoryOrNull() != null) {
            String key = e.key();
            int slash = key.indexOf('/');
            hits.add(UrlHit.of(e.categoryOrNull(), "url/list/" + e.source() + ":" + key,
                slash < 0 ? key : key.substring(0, slash)));
          }
        }
        component = "url rules";
      }
      if (!allowed) {
        urlRules.heuristicHits(c, hits);
      }
      SearchQuery q = SearchEngines.find(c, url);
      component = "decide";
      String lower = url.toLowerCase(java.util.Locale.ROOT);
      List<Finding> findings = new ArrayList<>();
      for (UrlHit h : hits) {
        int at = lower.indexOf(h.key());
        int start = at < 0 ? 0 : at;
        int end = at < 0 ? url.length() : at + h.key().length();
        findings.add(new Finding(h.category(), h.severity(), h.rating(), h.rule(), start, end,
            url.substring(start, end)));
      }
      if (q != null) {
        Verdict text = evaluateText(q.text(), policy);
        if (incidents != null && text.rating() == Rating.C) {
          reportFindings(text, Optional.empty(), Optional.empty(), null);
        }
        for (Finding f : text.findings()) {
          int start = q.originalStart(f.start());
          int end = q.originalEnd(f.end() - 1);
          findings.add(new Finding(f.category(), f.severity(), f.rating(), f.rule(), start, end,
              url.substring(start, end)));
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::start));
      }
      fault(component);
      Verdict v = decide(url, findings, policy);
      Optional<String> safe = q != null && policy.highest().compareTo(Rating.T18) < 0
          ? q.safeUrl() : Optional.empty();
      return new Verdict(v.action(), v.rating(), v.findings(), v.redacted(), safe, v.help(), v.errors());
    } catch (ComponentFailure e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ComponentFailure(component, e);
    }
  }

  private static Verdict urlProblem(String url, String message) {
    return new Verdict(Action.BLOCK, Rating.P, List.of(), url, Optional.empty(), Optional.empty(),
        List.of("malformed URL: " + message));
  }

  /** How many lexicon entries of each kind this filter compiled (rules, exceptions, context, teencode). */
  public Map<String, Integer> lexiconCounts() {
    Map<String, Integer> out = new HashMap<>();
    lexicon.counts().forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
    return Map.copyOf(out);
  }

  /** Adds personal-information findings ({@code pii/phone}, {@code pii/address} …), keeping start order. */
  private static List<Finding> withPersonalInformation(List<Finding> findings, List<PiiMatch> personal) {
    List<Finding> all = new ArrayList<>(findings.size() + personal.size());
    all.addAll(findings);
    for (PiiMatch m : personal) {
      all.add(new Finding(Category.PII, Severity.MEDIUM, Rating.P, "pii/" + m.type().jsonName(), m.start(),
          m.end(), m.match()));
    }
    all.sort(java.util.Comparator.comparingInt(Finding::start));
    return all;
  }

  static Verdict decide(String text, List<Finding> findings, Policy policy) {
    if (findings.isEmpty()) {
      return new Verdict(Action.ALLOW, Rating.P, List.of(), text, Optional.empty(), Optional.empty(), List.of());
    }
    Action action = Action.ALLOW;
    Rating rating = Rating.P;
    char[] masked = null;
    boolean selfHarm = false;
    boolean abuse = false;
    boolean scam = false;
    for (Finding f : findings) {
      Action a = policy.actionFor(f);
      action = action.max(a);
      rating = rating.max(f.rating());
      if (f.category() == Category.SELF_HARM) {
        selfHarm = true;
      }
      if (a == Action.ALLOW && !policy.redacts(f.category())) {
        continue;
      }
      if (a != Action.ALLOW) {
        abuse |= f.category() == Category.SEXUAL_MINORS || f.category() == Category.GROOMING;
        scam |= f.category() == Category.SCAM;
      }
      if (masked == null) {
        masked = text.toCharArray();
      }
      for (int i = f.start(); i < f.end(); i++) {
        if (!Character.isWhitespace(masked[i])) {
          masked[i] = '*';
        }
      }
    }
    Help help = selfHarm ? Help.SELF_HARM : abuse ? Help.ABUSE : scam ? Help.SCAM : null;
    return new Verdict(action, rating, findings, masked == null ? text : new String(masked),
        Optional.empty(), Optional.ofNullable(help), List.of());
  }

  private CompiledLexicon compileOverlay(OverlayKey key) {
    List<LexiconEntry> all = new ArrayList<>(entries);
    Map<LexiconEntry, String> prefix = new HashMap<>();
    for (String a : key.allow()) {
      all.add(LexiconEntry.exception(a, LexiconEntry.Fold.PLAIN, "policy allow", "policy"));
    }
    for (Policy.Phrase d : key.deny()) {
      LexiconEntry e = LexiconEntry.rule(d.phrase(), d.category(), d.rating(), Severity.MEDIUM,
          LexiconEntry.Fold.PLAIN, "policy deny", "policy");
      all.add(e);
      prefix.put(e, "policy/");
    }
    return CompiledLexicon.compile(all, concepts, prefix);
  }

  /** Releases the lexicon index. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (incidents != null) {
      incidents.close();
    }
    try {
      ruleIndex.close();
      if (urlIndex != null) {
        urlIndex.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the lexicon or URL index", e);
    }
  }

  /**
   * Builds a {@link ContentFilter}. Not thread-safe; {@link #build()} leaves the builder unchanged, so it
   * can build several filters.
   *
   * <p>By default the filter uses the embedded Vietnamese lexicon. {@link #addLexicon(Path)} adds a
   * folder of lexicon files in the same format (see {@code docs/LEXICON.md}); its rules, exceptions and
   * context apply together with the defaults, and order does not matter.
   *
   * <p>Conversations: at most {@value ContentFilter#DEFAULT_MAX_CONVERSATIONS} are kept, each for 24 hours
   * after its last message, unless {@link #maxConversations} or {@link #conversationExpiry} say otherwise.
   * No incident listener is registered by default, so nothing is reported anywhere.
   */
  public static final class Builder {
    private boolean defaults = true;
    private final List<Path> folders = new ArrayList<>();
    private long urlCacheSize = 100_000;
    private Path urlIndexDir;
    private boolean defaultUrlList = true;
    private long maxConversations = DEFAULT_MAX_CONVERSATIONS;
    private long maxConversationBytes = DEFAULT_MAX_CONVERSATION_BYTES;
    private Duration conversationExpiry = DEFAULT_CONVERSATION_EXPIRY;
    private Ticker ticker = Ticker.systemTicker();
    private IncidentListener listener;
    private Executor executor;

    private Builder() {}

    /** Leaves out the embedded lexicon (then at least one {@link #addLexicon} folder is required). */
    public Builder withoutDefaultLexicon() {
      defaults = false;
      return this;
    }

    /**
     * The most URL verdicts kept in the cache (default 100,000; 0 turns caching off: every check is
     * computed, and counted as a miss in {@link ContentFilter#urlCacheStats()}).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder urlCacheSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("urlCacheSize must be >= 0, was " + size);
      }
      urlCacheSize = size;
      return this;
    }

    /**
     * Adds a URL list index (a folder written by {@code lanhmanh index build}): its entries are looked up
     * for every {@link ContentFilter#checkUrl} besides the embedded lists. The newest complete generation
     * is opened at {@link #build()}; a damaged one is refused and the previous one used.
     */
    public Builder urlIndex(Path dir) {
      urlIndexDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * Whether URLs are also looked up in the default list shipped in the jar (on by default): about
     * 330,000 hosts and URL prefixes from UT1, Sinfonietta and blocklistproject (see {@code docs/URLS.md}),
     * read from the jar on the first URL check, not at {@link #build()}. Turn it off to rely on the
     * embedded rules and a {@link #urlIndex(Path)} only.
     */
    public Builder defaultUrlLists(boolean on) {
      defaultUrlList = on;
      return this;
    }

    /** Adds a folder of lexicon files (a {@code MANIFEST}, or every {@code .tsv} file in it). */
    public Builder addLexicon(Path folder) {
      folders.add(Objects.requireNonNull(folder, "folder"));
      return this;
    }

    /**
     * How many conversation windows the filter keeps at most. Beyond it, or beyond
     * {@link #maxConversationBytes}, the least recently used windows without grooming stages are dropped
     * first, then those with stages below risk 0.5, and windows at risk 0.5 or more last. Default 100,000.
     *
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public Builder maxConversations(long max) {
      if (max <= 0) {
        throw new IllegalArgumentException("maxConversations must be positive, was " + max);
      }
      maxConversations = max;
      return this;
    }

    /**
     * How many bytes of conversation windows the filter keeps at most (an estimate from the strings and
     * objects each window holds; see {@link Conversation}). Default 64 MiB.
     *
     * @throws IllegalArgumentException if below 64 KiB
     */
    public Builder maxConversationBytes(long max) {
      if (max < 64 * 1024) {
        throw new IllegalArgumentException("maxConversationBytes must be at least 65536, was " + max);
      }
      maxConversationBytes = max;
      return this;
    }

    /**
     * How long a conversation window is kept after its last message. Default 24 hours.
     *
     * @throws IllegalArgumentException if {@code expiry} is not positive
     */
    public Builder conversationExpiry(Duration expiry) {
      Objects.requireNonNull(expiry, "conversationExpiry");
      if (expiry.isNegative() || expiry.isZero()) {
        throw new IllegalArgumentException("conversationExpiry must be positive, was " + expiry);
      }
      conversationExpiry = expiry;
      return this;
    }

    /**
     * Reports C-tier findings and high-risk conversations to {@code listener}, on a daemon thread the
     * filter creates (queue of 1,024; incidents beyond it are dropped and counted). See
     * {@link IncidentListener} for the threading.
     */
    public Builder incidentListener(IncidentListener listener) {
      this.listener = Objects.requireNonNull(listener, "incidentListener");
      this.executor = null;
      return this;
    }

    /**
     * Reports incidents to {@code listener} on the application's {@code executor}; the filter does not
     * shut it down. A task the executor rejects is dropped and counted.
     */
    public Builder incidentListener(IncidentListener listener, Executor executor) {
      this.listener = Objects.requireNonNull(listener, "incidentListener");
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The clock of the conversation store's expiry (tests). */
    Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Reads, indexes and compiles the lexicon.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed lexicon entry
     * @throws IllegalStateException if no lexicon is configured
     */
    public ContentFilter build() {
      long t0 = System.nanoTime();
      List<LexiconEntry> all = new ArrayList<>();
      if (defaults) {
        all.addAll(LexiconReader.readDefault());
      }
      for (Path f : folders) {
        all.addAll(LexiconReader.readDirectory(f));
      }
      if (all.isEmpty()) {
        throw new IllegalStateException("no lexicon: the default lexicon was left out and no folder was added");
      }
      UrlListIndex index = null;
      if (urlIndexDir != null) {
        try {
          index = UrlListIndex.open(urlIndexDir);
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("urlIndex: cannot open " + urlIndexDir + ": " + e.getMessage(), e);
        }
      }
      ConceptLexicon concepts = defaults ? ConceptLexicon.readDefault() : ConceptLexicon.EMPTY;
      ContentFilter filter = new ContentFilter(RuleIndex.build(all), concepts, UrlRules.loadDefaults(), index,
          this);
      log.debug("lexicon of {} entries compiled in {} ms", all.size(), (System.nanoTime() - t0) / 1_000_000);
      return filter;
    }
  }
}
