package vn.lanhmanh;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lanhmanh.compose.Composer;
import vn.lanhmanh.compose.TextAnalysis;
import vn.lanhmanh.conversation.ConversationMonitor;
import vn.lanhmanh.conversation.StageMatcher;
import vn.lanhmanh.conversation.WindowState;
import vn.lanhmanh.decide.Decision;
import vn.lanhmanh.internal.Lazy;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.match.PolicyPhrases;
import vn.lanhmanh.model.ClassifierModel;
import vn.lanhmanh.model.ScoreStage;
import vn.lanhmanh.model.TaggerModel;
import vn.lanhmanh.pii.PiiDetector;
import vn.lanhmanh.pii.PiiMatch;
import vn.lanhmanh.score.Scorer;
import vn.lanhmanh.text.LanguageCheck;
import vn.lanhmanh.url.HostSyntax;
import vn.lanhmanh.url.UrlRules;
import vn.lanhmanh.url.index.UrlListIndex;

/**
 * The front door: decides whether a text is fit for a viewer, and why.
 *
 * <pre>{@code
 * try (ContentFilter filter = ContentFilter.builder().build()) {   // embedded lexicon and classifiers
 *   Verdict v = filter.checkText("đm thằng ngu", Policy.forAge(10));
 *   v.action();      // BLOCK
 *   v.findings();    // profanity [0,8) "đm thằng", harassment [3,12) "thằng ngu"
 * }
 * }</pre>
 *
 * <p>Immutable once built and thread-safe: share one instance across the application. A check takes no
 * lock, does no I/O and allocates only for what it finds (plus a per-thread scratch buffer). A policy's
 * custom allow and deny phrases are compiled on their own, matched beside the lexicon on
 * the same syllables, and cached (at most {@value #MAX_OVERLAYS} distinct phrase sets).
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
 * <p>{@link #close()} releases the URL list index and stops the incident thread the filter created;
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

  /**
   * Distinct custom-phrase policies whose compiled phrases are kept. They hold only the policy's own phrases'
   * spellings, so the bound only keeps a service that makes a policy per request from growing the cache;
   * more distinct phrase sets in turn are compiled again (their phrases only, not the lexicon).
   */
  static final int MAX_OVERLAYS = 64;
  /** URLs longer than this are checked without the verdict cache, so an entry stays small. */
  static final int MAX_CACHED_URL_CHARS = 1024;
  /** A thread's scratch buffer is dropped after a text longer than this, so it is not kept forever. */
  private static final int SCRATCH_KEEP_CHARS = 1 << 16;
  /** Incidents the default executor queues before it drops and counts them. */
  static final int INCIDENT_QUEUE = 1024;
  static final long DEFAULT_MAX_CONVERSATIONS = 100_000;
  static final Duration DEFAULT_CONVERSATION_EXPIRY = Duration.ofHours(24);
  /** Whether the tagger's spans are added as findings unless the builder says otherwise. */
  static final boolean DEFAULT_MODEL_FINDINGS = false;
  static final long DEFAULT_MAX_CONVERSATION_BYTES = 64L << 20;

  private final CompiledLexicon lexicon;
  /** Custom policies' own phrases, compiled for {@link #lexicon}. */
  private final BoundedCache<OverlayKey, PolicyPhrases> overlays;
  /** What the lexicon was loaded as; holding it keeps a shared default lexicon alive while this filter is. */
  private final LexiconCompiler.Loaded loaded;
  private final Composer composer;
  private final ThreadLocal<MatchState> scratch = ThreadLocal.withInitial(MatchState::new);
  private final PiiDetector pii = PiiDetector.create();
  private final BoundedCache<UrlKey, Verdict> urlCache;
  /** Caching turned off ({@code urlCacheSize(0)}): checks skip the cache and count as misses. */
  private final boolean urlCacheOff;
  private final LongAdder uncachedUrlChecks = new LongAdder();
  /** The URL list index given to the builder, or null. */
  private final UrlListIndex urlIndex;
  /** The uncached URL check, with the URL rules and lists. */
  private final UrlEvaluation urls;
  /** Made on the first {@link #conversation} call (the stage phrases are precompiled with the default lexicon). */
  private final Supplier<ConversationMonitor> monitor;
  /** The learned stage: tagger findings and per-category scores. */
  private final ScoreStage scorer;
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
  static final class ComponentFailure extends RuntimeException {
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

  private ContentFilter(LexiconCompiler.Loaded loaded, Supplier<UrlRules> urlRules, UrlListIndex urlIndex,
      Builder b) {
    this.urlIndex = urlIndex;
    this.lexicon = loaded.lexicon();
    this.loaded = loaded;
    this.composer = Composer.compile(loaded.compositions());
    this.overlays = BoundedCache.create(MAX_OVERLAYS);
    this.urlCache = BoundedCache.create(b.urlCacheSize);
    this.urlCacheOff = b.urlCacheSize == 0;
    this.compactFindingsFrom = b.compactFindingsFrom;
    this.urls = new UrlEvaluation(urlRules, b.defaultUrlList, urlIndex);
    long maxConversations = b.maxConversations;
    long maxConversationBytes = b.maxConversationBytes;
    Duration expiry = b.conversationExpiry;
    // Held as an Object: a lambda capturing a Ticker would load Caffeine when the filter is built.
    Object ticker = b.ticker;
    Supplier<StageMatcher> stages = loaded.stages();
    this.monitor = new Lazy<>(() -> {
      ConversationMonitor m = newMonitor(stages, maxConversations, maxConversationBytes, expiry, ticker);
      monitorStarted = true;
      return m;
    });
    this.incidents = b.listener == null ? null : new Incidents(b.listener, b.executor, INCIDENT_QUEUE);
    this.scorer = b.scorer().withSupport(loaded.compositions().compositions())
        .withRegisters(loaded.compositions().registers());
  }

  /** The conversation monitor, made on the first conversation: the only place Caffeine's clock is named. */
  private static ConversationMonitor newMonitor(Supplier<StageMatcher> stages,
      long maxConversations, long maxConversationBytes, Duration expiry, Object ticker) {
    java.util.function.LongSupplier clock = ticker == null ? System::nanoTime : ((Ticker) ticker)::read;
    return new ConversationMonitor(stages.get(), maxConversations, maxConversationBytes, expiry, clock);
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
    return check(text, policy, Optional.empty(), null, null);
  }

  /**
   * The conversation with this id: a handle on a window of its recent messages, created on its first
   * message. Calls with the same id share the window. The first call sets up the stage phrases (read from
   * the precompiled lexicon, or compiled for a custom lexicon), so a filter that never watches
   * conversations does not pay for them.
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
    StageMatcher.Reading stages = m.matcher().reading(message.sender() == Message.Sender.CHILD);
    Optional<String> id = Optional.of(conversationId);
    Verdict verdict = Conversation.text(this, id, message, policy, stages);
    ConversationMonitor.Step step = m.step(previous.window(), message.id(), message.time(), stages.fromChild(),
        stages.hits(), Conversation.signal(this, verdict));
    return new ConversationStep(Conversation.verdict(this, id, message, verdict, step.observation()),
        new ConversationState(step.next()), Conversation.incident(verdict, step.observation()));
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

  /**
   * The findings from which a text check keeps them as columns of primitives ({@link Scorer#COMPACT_FROM});
   * tests set another through {@link Builder#compactFindingsFrom} to compare that path with the one of a
   * {@link Finding} object each on the same texts.
   */
  private final int compactFindingsFrom;

  /** The check behind {@link #checkText}; reports C-tier findings. */
  Verdict check(String text, Policy policy, Optional<String> conversationId, String messageId,
      Instant time) {
    return check(text, policy, conversationId, messageId, time, null);
  }

  /**
   * The check behind {@link #checkText} and {@link Conversation#check}; reports C-tier findings. A
   * conversation message passes its {@code stages} reading, filled from the same match as its text.
   */
  Verdict check(String text, Policy policy, Optional<String> conversationId, String messageId,
      Instant time, StageMatcher.Reading stages) {
    Objects.requireNonNull(policy, "policy");
    if (closed) {
      throw new IllegalStateException("ContentFilter is closed");
    }
    String t = text == null ? "" : text;
    Verdict verdict;
    try {
      verdict = evaluateText(t, policy, stages,
          stages == null ? ScoreStage.Source.MESSAGE
              : stages.fromChild() ? ScoreStage.Source.CHILD_IN_CONVERSATION : ScoreStage.Source.CONVERSATION);
      // a verdict lists at most Verdict.MAX_FINDINGS findings; a text with millions of them is capped here
      verdict = Decision.capped(verdict);
    } catch (ComponentFailure e) {
      return internalError(t, e.component, e.getCause());
    } catch (OutOfMemoryError e) {
      return internalError(t, "decide", e);
    }
    if (incidents != null && verdict.rating() == Rating.C) {
      reportFindings(verdict, conversationId, Optional.ofNullable(messageId), time);
    }
    if (incidents != null && ChildWords.told(verdict)) {
      incidents.report(new IncidentListener.Incident(IncidentListener.Kind.DISCLOSURE, conversationId,
          Optional.ofNullable(messageId), 0.0, Set.of(), ChildWords.disclosed(verdict), List.of(),
          time == null ? Instant.now() : time));
    }
    return verdict;
  }

  /**
   * The text pipeline, stage by stage: normalise, match, compose concepts, (for a conversation message)
   * read its grooming stages from the same match, score, then the personal-information detectors and the
   * decision.
   *
   * @param stages a conversation message's stage reading, or null
   * @throws ComponentFailure naming the component that failed
   */
  Verdict evaluateText(String t, Policy policy, StageMatcher.Reading stages, ScoreStage.Source source) {
    String component = "matcher";
    try {
      fault(component);
      PolicyPhrases phrases = phrasesFor(policy);
      MatchState state = scratch.get();
      try {
        lexicon.normalize(t, state);            // 1. syllables, exact and folded (vn.lanhmanh.text)
        // the child's own words: a message of hers, or outgoing text (side hits kept for the disclosure cue)
        boolean own = stages != null ? stages.fromChild() : policy.isOutgoing();
        // 2. sentences, rule and concept hits, with the policy's own phrases (vn.lanhmanh.match); the stage
        // phrases only for a conversation or the child's own words (a disclosure's cues always: ChildWords)
        lexicon.match(t, state, stages != null || own, phrases);
        component = "compose";
        fault(component);
        composer.compose(state);                // 3. registers and compositions (vn.lanhmanh.compose)
        if (stages != null) {
          component = "stages";
          fault(component);
          stages.read(t, state);                // 3b. a conversation's stages (vn.lanhmanh.conversation)
        }
        // findings in the caller's offsets; a text dense with them keeps them as columns (FindingList)
        List<Finding> findings = Scorer.findings(t, state, compactFindingsFrom);
        if (policy.detectsPersonalInformation()) {
          component = "pii";
          fault(component);
          List<PiiMatch> personal = pii.detect(t);
          if (!personal.isEmpty()) {
            findings = Decision.withPersonalInformation(findings, personal);
          }
        }
        component = "score";
        fault(component);
        // 4. scores: the tagger and classifiers (when on) over the same syllables (vn.lanhmanh.model)
        ScoreStage.Scored scored = scorer.score(t, state, lexicon.vocabulary(), findings, source);
        component = "decide";
        fault(component);
        // 4b. grooming and abuse words in the child's own words are her report, echo or answer (ChildWords)
        List<Finding> scoredFindings = scored.findings();
        // a text the child reads that tells a trusted adult of a request made to its writer (ChildWords)
        List<Finding> kept = own ? ChildWords.lower(scoredFindings, state)
            : stages == null ? ChildWords.toldAdult(scoredFindings, state) : scoredFindings;
        // a text the child reads that quotes a swindle to warn of it (QuotedWarning)
        kept = own || stages != null ? kept : QuotedWarning.lower(t, kept, state);
        // 5. the action for this viewer (vn.lanhmanh.decide)
        Verdict v = Decision.decide(t, kept, ScoreMap.of(scored.scores()), policy);
        String language = LanguageCheck.note(t, lexicon.vocabulary(), state.positions());
        v = language == null ? v : v.withNote(language);
        if (own && ChildWords.toldScam(scoredFindings, kept)) {
          v = ChildWords.scamHelped(v);
        }
        if (!ChildWords.toldAbuse(scoredFindings, kept)) {
          return v;
        }
        return own ? ChildWords.helped(v) : ChildWords.reported(v);
      } finally {
        state.trim(SCRATCH_KEEP_CHARS);
      }
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // Out of memory too: a text of megabytes dense with findings can need more heap than the JVM has; the
      // check's own arrays are dropped as the stack unwinds, and the caller gets the fail-closed verdict.
      throw new ComponentFailure(component, e);
    }
  }

  /** A custom policy's own phrases compiled for the lexicon (cached), or null for a policy without any. */
  private PolicyPhrases phrasesFor(Policy policy) {
    return policy.hasCustomPhrases()
        ? overlays.get(new OverlayKey(policy.allowPhrases(), policy.denyPhrases()), this::compilePhrases)
        : null;
  }

  /**
   * Internal, not API: the per-message analysis for components that build on the concepts (the
   * conversation monitor, a learned tagger): the syllables, the concept hits and the verdict, all from
   * one normalisation of {@code text}. Allocates a snapshot; the check path does not use it.
   */
  TextAnalysis analyze(String text, Policy policy) {
    Objects.requireNonNull(policy, "policy");
    String t = text == null ? "" : text;
    MatchState state = new MatchState();
    lexicon.normalize(t, state);
    lexicon.match(t, state, true, phrasesFor(policy));
    composer.compose(state);
    List<Finding> findings = Scorer.findings(t, state);
    if (policy.detectsPersonalInformation()) {
      List<PiiMatch> personal = pii.detect(t);
      if (!personal.isEmpty()) {
        findings = Decision.withPersonalInformation(findings, personal);
      }
    }
    ScoreStage.Scored scored = scorer.score(t, state, lexicon.vocabulary(), findings);
    Verdict v = Decision.decide(t, scored.findings(), ScoreMap.of(scored.scores()), policy);
    String language = LanguageCheck.note(t, lexicon.vocabulary(), state.positions());
    return TextAnalysis.of(t, state, lexicon.vocabulary(), language == null ? v : v.withNote(language));
  }

  void fault(String component) {
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
    String error = e instanceof OutOfMemoryError
        ? "out of memory in " + component + ": a text of " + input.length() + " chars needs more heap than the JVM has"
        : "internal error in " + component + ": " + e.getClass().getName();
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

  void reportFindings(Verdict verdict, Optional<String> conversationId, Optional<String> messageId,
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

  /** Whether an {@link IncidentListener} is registered, so incidents are collected at all. */
  boolean reportsIncidents() {
    return incidents != null;
  }

  /** Hands an incident to the listener, if there is one. */
  void report(IncidentListener.Incident incident) {
    if (incidents != null) {
      incidents.report(incident);
    }
  }

  /** Whether text checks run the message classifiers (their scores then feed a conversation's risk). */
  boolean runsClassifiers() {
    return scorer.hasClassifiers();
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
   * cached (Caffeine, or a built-in LRU map without it; keyed by the URL string, the policy and the list
   * generation); see {@link #urlCacheStats()}.
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
      return UrlEvaluation.urlProblem("", "url is null");
    }
    try {
      if (urlCacheOff || url.length() > MAX_CACHED_URL_CHARS) {
        // A cache that may hold nothing only costs an insert and an eviction per check; a long URL would
        // keep two long strings (key and redacted copy) per entry.
        uncachedUrlChecks.increment();
        return urls.evaluate(url, policy, this);
      }
      long generation = urlIndex == null ? 0 : urlIndex.generation();
      return urlCache.get(new UrlKey(url, policy, generation), k -> urls.evaluate(url, policy, this));
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

  /**
   * Hit, miss and eviction counts of the URL verdict cache, as Caffeine's {@link CacheStats} (load counts
   * and times are not recorded and read 0). Needs Caffeine on the class path; {@link #urlCacheCounts()}
   * does not.
   */
  public CacheStats urlCacheStats() {
    Map<String, Long> c = urlCacheCounts();
    return CacheStats.of(c.get("hits"), c.get("misses"), 0, 0, 0, c.get("evictions"), c.get("evictions"));
  }

  /**
   * Counts of the URL verdict cache: {@code hits}, {@code misses} and {@code evictions}. Works with or
   * without Caffeine (without it, the cache is a built-in LRU map: see {@code docs/ANDROID.md}).
   */
  public Map<String, Long> urlCacheCounts() {
    if (urlCacheOff) {
      return Map.of("hits", 0L, "misses", uncachedUrlChecks.sum(), "evictions", 0L);
    }
    return Map.of("hits", urlCache.hits(), "misses", urlCache.misses(), "evictions", urlCache.evictions());
  }

  /** How many lexicon entries of each kind this filter compiled (rules, exceptions, context, teencode). */
  public Map<String, Integer> lexiconCounts() {
    Map<String, Integer> out = new HashMap<>();
    lexicon.counts().forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
    return Map.copyOf(out);
  }

  /**
   * A policy's allow and deny phrases compiled on their own for the lexicon: the allow phrases as exceptions,
   * the deny phrases as rules of medium severity, both of {@code plain} folding (see {@link PolicyPhrases}).
   */
  private PolicyPhrases compilePhrases(OverlayKey key) {
    List<PolicyPhrases.Deny> deny = new ArrayList<>(key.deny().size());
    for (Policy.Phrase d : key.deny()) {
      deny.add(new PolicyPhrases.Deny(d.phrase(), d.category(), d.rating()));
    }
    return PolicyPhrases.compile(lexicon, key.allow(), deny);
  }

  /** Stops the incident thread and releases the URL list index. Idempotent. */
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
      if (urlIndex != null) {
        urlIndex.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the URL index", e);
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
    private int compactFindingsFrom = Scorer.COMPACT_FROM;
    private Path urlIndexDir;
    private boolean defaultUrlList = true;
    private long maxConversations = DEFAULT_MAX_CONVERSATIONS;
    private long maxConversationBytes = DEFAULT_MAX_CONVERSATION_BYTES;
    private Duration conversationExpiry = DEFAULT_CONVERSATION_EXPIRY;
    /** Null for the system clock: Caffeine is not loaded until a conversation needs it. */
    private Ticker ticker;
    private Path precompiled;
    private boolean precompiledDefault = true;
    private IncidentListener listener;
    private Executor executor;
    private boolean useModel;
    private TaggerModel model;
    private boolean modelFindings = DEFAULT_MODEL_FINDINGS;
    /**
     * Null by default: the embedded classifiers when the jar holds them (the main jar does; the android jar
     * leaves them out, docs/ANDROID.md); true or false when asked for.
     */
    private Boolean useClassifiers;
    private ClassifierModel classifiers;

    private Builder() {}

    /**
     * Runs the embedded per-category message classifiers on every text check: a calibrated score for each
     * category they know, and a {@code model/<category>} finding when a score reaches the threshold chosen
     * on the labelled corpus's development part. This is the default when the jar holds them (the main jar
     * does; figures and reasons in {@code docs/MODEL.md}); asked for explicitly, {@link #build()} refuses a
     * class path without them (the android jar, unless the app adds its {@code android-classifiers} jar).
     */
    public Builder withClassifiers() {
      useClassifiers = true;
      return this;
    }

    /**
     * Uses these classifiers (written by {@code lanhmanh train --corpus-train}) instead of the embedded ones.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read or is not a classifier model of this
     *     version
     */
    public Builder classifiers(Path file) {
      Objects.requireNonNull(file, "file");
      try {
        classifiers = ClassifierModel.read(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the classifier model " + file + ": " + e.getMessage(), e);
      }
      useClassifiers = true;
      return this;
    }

    /**
     * Uses these classifiers (read by {@link ClassifierModel#read} or made by the trainer) instead of the
     * embedded ones.
     */
    public Builder classifiers(ClassifierModel model) {
      classifiers = Objects.requireNonNull(model, "model");
      useClassifiers = true;
      return this;
    }

    /**
     * Runs no message classifiers: verdicts from the lexicon, the concept compositions and context alone
     * (the tagger, when on, still scores). Cheaper per check and a little lower in recall on text the lexicon
     * was not written against (docs/QUALITY.md).
     */
    public Builder withoutClassifiers() {
      useClassifiers = false;
      classifiers = null;
      return this;
    }

    /**
     * Uses this tagger model (written by {@code lanhmanh train}) instead of the embedded one, e.g. one
     * trained on the deployment's own moderation history.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read or is not a tagger model of this version
     */
    public Builder model(Path file) {
      Objects.requireNonNull(file, "file");
      try {
        model = TaggerModel.read(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the tagger model " + file + ": " + e.getMessage(), e);
      }
      useModel = true;
      return this;
    }

    /**
     * Runs the embedded tagger on every text check: calibrated harassment and profanity scores from the model,
     * and, with {@link #modelFindings(boolean)}, its spans as findings. Off by default because it costs several
     * times the lexicon pipeline per check (figures in {@code BENCHMARKS.md}); without it, scores come from
     * the findings alone.
     */
    public Builder withModel() {
      useModel = true;
      return this;
    }

    /** Runs no tagger (the default): no model findings, and scores from the findings alone. */
    public Builder withoutModel() {
      useModel = false;
      model = null;
      return this;
    }

    /**
     * Whether the tagger's spans become {@code model/offensive} findings (default: {@value
     * ContentFilter#DEFAULT_MODEL_FINDINGS}); {@code true} also turns the tagger on, as {@link #withModel()}
     * does. See {@code docs/MODEL.md}.
     */
    public Builder modelFindings(boolean on) {
      modelFindings = on;
      if (on) {
        useModel = true;
      }
      return this;
    }

    private ScoreStage scorer() {
      // Refused now rather than failing every check later: the android jar holds neither model.
      if (useModel && model == null && !TaggerModel.hasEmbedded()) {
        throw new IllegalStateException("the embedded tagger is not on the class path (the android jar leaves "
            + "it out): use the main jar, or give a model file with model(Path)");
      }
      if (Boolean.TRUE.equals(useClassifiers) && classifiers == null && !ClassifierModel.hasEmbedded()) {
        throw new IllegalStateException("the embedded classifiers (vn/lanhmanh/model/classifiers.bin) are not on "
            + "the class path (the android jar leaves them out): use the main jar, add the android-classifiers "
            + "jar, or give a file with classifiers(Path)");
      }
      boolean runClassifiers = useClassifiers != null ? useClassifiers
          : classifiers != null || ClassifierModel.hasEmbedded();
      ScoreStage stage;
      if (!useModel) {
        stage = ScoreStage.withoutModel();
      } else {
        stage = model == null ? ScoreStage.embedded(modelFindings) : ScoreStage.of(model, modelFindings);
      }
      if (!runClassifiers) {
        return stage;
      }
      return classifiers == null ? stage.withEmbeddedClassifiers() : stage.withClassifiers(classifiers);
    }

    /** Leaves out the embedded lexicon (then at least one {@link #addLexicon} folder is required). */
    public Builder withoutDefaultLexicon() {
      defaults = false;
      return this;
    }

    /** For tests: the number of findings from which a text keeps them as columns (see {@link Scorer#COMPACT_FROM}). */
    Builder compactFindingsFrom(int n) {
      compactFindingsFrom = n;
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
     * 290,000 hosts and URL prefixes from UT1, Sinfonietta and blocklistproject (see {@code docs/URLS.md}),
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
     * Uses a precompiled lexicon file (written by {@link #writePrecompiledLexicon} or {@code lanhmanh
     * lexicon compile}) instead of the embedded lexicon: the filter starts without compiling anything.
     * Folders given with {@link #addLexicon} still apply on top (and are then compiled at {@link #build()}).
     * The file must come from the same build of LànhMạnh; {@link #build()} refuses any other, or a damaged
     * one, with an {@link IllegalArgumentException} naming the problem.
     */
    public Builder precompiledLexicon(Path file) {
      precompiled = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Compiles the embedded lexicon at {@link #build()} instead of loading its precompiled form (tests). */
    Builder compileDefaultLexicon() {
      precompiledDefault = false;
      return this;
    }

    /**
     * Compiles this builder's lexicon (the embedded one or the {@link #precompiledLexicon} file, and the
     * {@link #addLexicon} folders) with the conversation stage phrases, and writes the precompiled form
     * that {@link #precompiledLexicon} loads. The stream is not closed.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed lexicon entry
     * @throws IllegalStateException if no lexicon is configured
     */
    public void writePrecompiledLexicon(OutputStream out) throws IOException {
      Objects.requireNonNull(out, "out");
      LexiconCompiler.Loaded l = LexiconCompiler.load(defaults, folders, precompiled, false);
      LexiconCompiler.write(l.entries().get(), 0, LexiconCompiler.engineStamp(), out,
          vn.lanhmanh.match.LexiconCodec.Compression.DEFLATE);
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
     * Loads the lexicon: the embedded default from its precompiled form (made when the library was
     * built), a {@link #precompiledLexicon} file as it is, and lexicon folders compiled now.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed lexicon entry
     * @throws IllegalStateException if no lexicon is configured, or if the embedded tagger or classifiers are
     *     asked for and not on the class path (the {@code android} jar leaves them out)
     */
    public ContentFilter build() {
      long t0 = System.nanoTime();
      LexiconCompiler.Loaded loaded = LexiconCompiler.load(defaults, folders, precompiled, precompiledDefault);
      UrlListIndex index = null;
      if (urlIndexDir != null) {
        try {
          index = UrlListIndex.open(urlIndexDir);
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("urlIndex: cannot open " + urlIndexDir + ": " + e.getMessage(), e);
        }
      }
      ContentFilter filter = new ContentFilter(loaded, new Lazy<>(UrlRules::loadDefaults), index, this);
      log.debug("lexicon {} in {} ms", loaded.precompiled() ? "loaded precompiled" : "compiled",
          (System.nanoTime() - t0) / 1_000_000);
      return filter;
    }
  }
}
