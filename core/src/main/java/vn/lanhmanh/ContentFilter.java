package vn.lanhmanh;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.lexicon.RuleIndex;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.pii.PiiDetector;
import vn.lanhmanh.pii.PiiMatch;
import vn.lanhmanh.text.Positions;

/**
 * The front door: decides whether a text is fit for a viewer, and why.
 *
 * <pre>{@code
 * try (ContentFilter filter = ContentFilter.builder().build()) {   // embedded Vietnamese lexicon
 *   Verdict v = filter.checkText("đm thằng ngu", Policy.forAge(10));
 *   v.action();      // BLOCK
 *   v.findings();    // profanity [0,2) "đm", harassment [3,12) "thằng ngu"
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
 * <p>{@link #close()} releases the lexicon index; checks after that throw {@link IllegalStateException}.
 */
public final class ContentFilter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ContentFilter.class);

  /** Distinct custom-phrase policies whose compiled overlay is kept. */
  static final int MAX_OVERLAYS = 256;
  /** A thread's scratch buffer is dropped after a text longer than this, so it is not kept forever. */
  private static final int SCRATCH_KEEP_CHARS = 1 << 16;

  private final RuleIndex ruleIndex;
  private final List<LexiconEntry> entries;
  private final CompiledLexicon lexicon;
  private final LoadingCache<OverlayKey, CompiledLexicon> overlays;
  private final ThreadLocal<Positions> scratch = ThreadLocal.withInitial(Positions::new);
  private final PiiDetector pii = PiiDetector.create();
  private volatile boolean closed;

  private record OverlayKey(Set<String> allow, List<Policy.Phrase> deny) {}

  private ContentFilter(RuleIndex ruleIndex) {
    this.ruleIndex = ruleIndex;
    this.entries = ruleIndex.entries();
    this.lexicon = CompiledLexicon.compile(entries, Map.of());
    this.overlays = Caffeine.newBuilder().maximumSize(MAX_OVERLAYS).build(this::compileOverlay);
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
    Objects.requireNonNull(policy, "policy");
    if (closed) {
      throw new IllegalStateException("ContentFilter is closed");
    }
    String t = text == null ? "" : text;
    CompiledLexicon matcher = policy.hasCustomPhrases()
        ? overlays.get(new OverlayKey(policy.allowPhrases(), policy.denyPhrases()))
        : lexicon;
    Positions p = scratch.get();
    List<Finding> findings;
    try {
      findings = matcher.match(t, p);
    } finally {
      p.trim(SCRATCH_KEEP_CHARS);
    }
    List<PiiMatch> personal = pii.detect(t);
    if (!personal.isEmpty()) {
      findings = withPersonalInformation(findings, personal);
    }
    return decide(t, findings, policy);
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
      return new Verdict(Action.ALLOW, Rating.P, List.of(), text, Optional.empty(), Optional.empty());
    }
    Action action = Action.ALLOW;
    Rating rating = Rating.P;
    char[] masked = null;
    boolean selfHarm = false;
    boolean abuse = false;
    boolean scam = false;
    for (Finding f : findings) {
      Action a = policy.actionFor(f.category(), f.rating());
      action = action.max(a);
      rating = rating.max(f.rating());
      if (f.category() == Category.SELF_HARM) {
        selfHarm = true;
      }
      if (a == Action.ALLOW) {
        continue;
      }
      abuse |= f.category() == Category.SEXUAL_MINORS || f.category() == Category.GROOMING;
      scam |= f.category() == Category.SCAM;
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
        Optional.empty(), Optional.ofNullable(help));
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
    return CompiledLexicon.compile(all, prefix);
  }

  /** Releases the lexicon index. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      ruleIndex.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the lexicon index", e);
    }
  }

  /**
   * Builds a {@link ContentFilter}. Not thread-safe; {@link #build()} leaves the builder unchanged, so it
   * can build several filters.
   *
   * <p>By default the filter uses the embedded Vietnamese lexicon. {@link #addLexicon(Path)} adds a
   * folder of lexicon files in the same format (see {@code docs/LEXICON.md}); its rules, exceptions and
   * context apply together with the defaults, and order does not matter.
   */
  public static final class Builder {
    private boolean defaults = true;
    private final List<Path> folders = new ArrayList<>();

    private Builder() {}

    /** Leaves out the embedded lexicon (then at least one {@link #addLexicon} folder is required). */
    public Builder withoutDefaultLexicon() {
      defaults = false;
      return this;
    }

    /** Adds a folder of lexicon files (a {@code MANIFEST}, or every {@code .tsv} file in it). */
    public Builder addLexicon(Path folder) {
      folders.add(Objects.requireNonNull(folder, "folder"));
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
      ContentFilter filter = new ContentFilter(RuleIndex.build(all));
      log.debug("lexicon of {} entries compiled in {} ms", all.size(), (System.nanoTime() - t0) / 1_000_000);
      return filter;
    }
  }
}
