package vn.lanhmanh.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.score.Scorer;
import vn.lanhmanh.text.Positions;

/**
 * Finds stage phrases in one message with the same engine as texts: the phrases become {@code grooming}
 * rules with the id prefix {@code stage/<stage>/}, compiled together with the filter's teencode (so
 * {@code e bn tuoi} is {@code em bao nhiêu tuổi}) and its awareness context (a stage phrase near
 * {@code phòng chống} or {@code kỹ năng tự bảo vệ} is a lesson, not an approach, and counts at
 * {@value #CONTEXT_FACTOR} of its weight).
 *
 * <p>Immutable and thread-safe.
 */
public final class StageMatcher {

  /** A stage phrase lowered by awareness context keeps this share of its weight. */
  static final double CONTEXT_FACTOR = 0.25;
  /** Hits kept per message (best weight first), so one huge message cannot grow a window without bound. */
  static final int MAX_HITS_PER_MESSAGE = 16;
  private static final int SCRATCH_KEEP_CHARS = 1 << 16;

  /** What a compiled rule id stands for. */
  private record Target(Stage stage, double weight, StageRule.Scope scope, String source) {}

  /**
   * One stage phrase found in a message.
   *
   * @param lowered true when awareness context lowered it: it adds its (reduced) weight but does not count
   *     as a stage shown by the other party
   */
  public record Hit(Stage stage, double weight, int start, int end, String match, boolean lowered) {}

  private final CompiledLexicon lexicon;
  private final Map<String, Target> targets;
  private final int phrases;
  private final ThreadLocal<MatchState> scratch = ThreadLocal.withInitial(MatchState::new);

  private StageMatcher(CompiledLexicon lexicon, Map<String, Target> targets, int phrases) {
    this.lexicon = lexicon;
    this.targets = targets;
    this.phrases = phrases;
  }

  /**
   * Compiles the embedded {@code stages.tsv} with the teencode and context entries of {@code lexicon}.
   *
   * @throws IllegalArgumentException naming file and line for a malformed or conflicting stage phrase
   */
  public static StageMatcher create(List<LexiconEntry> lexicon) {
    return compile(StageReader.readDefault(), lexicon);
  }

  /**
   * The embedded {@code stages.tsv} over a lexicon compiled earlier by {@link #create} (and read back from
   * its precompiled form): only the rule-id table is rebuilt, from the stage file.
   *
   * @throws IllegalArgumentException if {@code compiled} does not hold the stage phrases of this build
   */
  public static StageMatcher precompiled(CompiledLexicon compiled) {
    return compile(StageReader.readDefault(), List.of(), compiled);
  }

  /** The compiled stage phrases, for the precompiled form. */
  public CompiledLexicon compiledLexicon() {
    return lexicon;
  }

  static StageMatcher compile(List<StageReader.Line> lines, List<LexiconEntry> lexicon) {
    return compile(lines, lexicon, null);
  }

  private static StageMatcher compile(List<StageReader.Line> lines, List<LexiconEntry> lexicon,
      CompiledLexicon precompiled) {
    List<LexiconEntry> all = new ArrayList<>();
    for (LexiconEntry e : lexicon) {
      if (e.kind() == LexiconEntry.Kind.TEENCODE
          || (e.kind() == LexiconEntry.Kind.CONTEXT && e.contextCategories().contains(Category.GROOMING))) {
        all.add(e);
      }
    }
    Map<LexiconEntry, String> prefix = new IdentityHashMap<>();
    Map<LexiconEntry, StageReader.Line> lineOf = new IdentityHashMap<>();
    Map<String, String> seen = new HashMap<>();
    int count = 0;
    for (StageReader.Line line : lines) {
      for (String p : line.phrases()) {
        String before = seen.putIfAbsent(p, line.source());
        if (before != null) {
          // Within one line variants are unique; across lines a repeat is an authoring slip.
          throw new IllegalArgumentException(line.source() + ": phrase '" + p + "' is already listed at " + before);
        }
        LexiconEntry e = LexiconEntry.rule(p, Category.GROOMING, Rating.C, Severity.MEDIUM, line.fold(),
            line.note(), line.source());
        all.add(e);
        prefix.put(e, "stage/" + line.stage().jsonName() + "/");
        lineOf.put(e, line);
        count++;
      }
    }
    CompiledLexicon compiled = precompiled != null ? precompiled : CompiledLexicon.compile(all, prefix);
    Map<String, Target> targets = new HashMap<>();
    Positions p = new Positions();
    for (Map.Entry<LexiconEntry, StageReader.Line> en : lineOf.entrySet()) {
      StageReader.Line line = en.getValue();
      String id = prefix.get(en.getKey()) + Category.GROOMING.jsonName() + "/" + foldedId(compiled, en.getKey(), p);
      Target t = new Target(line.stage(), line.weight(), line.scope(), line.source());
      Target old = targets.putIfAbsent(id, t);
      if (old != null) {
        if (old.scope() != t.scope()) {
          throw new IllegalArgumentException(line.source() + ": phrase '" + en.getKey().phrase()
              + "' is read as the same words as a phrase at " + old.source() + " with another sender");
        }
        if (t.weight() > old.weight()) {
          targets.put(id, t);
        }
      }
    }
    if (precompiled != null && !precompiled.ruleIds().containsAll(targets.keySet())) {
      throw new IllegalArgumentException("the precompiled stage phrases are not those of stages.tsv");
    }
    return new StageMatcher(compiled, Map.copyOf(targets), count);
  }

  /** The rule id's phrase part: folded syllables joined by {@code _}, as {@link CompiledLexicon} makes it. */
  private static String foldedId(CompiledLexicon compiled, LexiconEntry e, Positions p) {
    compiled.normalizer().normalize(e.phrase(), p);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.size(); i++) {
      sb.append(i == 0 ? "" : "_").append(p.foldString(i, compiled.vocabulary()));
    }
    return sb.toString();
  }

  /** How many expanded stage phrases were compiled. */
  public int size() {
    return phrases;
  }

  /**
   * The stage phrases in {@code text} that count for this sender, in text order, at most
   * {@value #MAX_HITS_PER_MESSAGE}.
   */
  public List<Hit> match(String text, boolean fromChild) {
    if (text.isEmpty()) {
      return List.of();
    }
    MatchState p = scratch.get();
    List<Finding> found;
    try {
      lexicon.normalize(text, p);
      lexicon.match(text, p);
      found = Scorer.findings(text, p);
    } finally {
      p.trim(SCRATCH_KEEP_CHARS);
    }
    if (found.isEmpty()) {
      return List.of();
    }
    List<Hit> hits = new ArrayList<>(found.size());
    for (Finding f : found) {
      Target t = targets.get(f.rule());
      if (t == null || !t.scope().accepts(fromChild)) {
        continue;
      }
      boolean lowered = f.rating() != Rating.C;
      double w = lowered ? t.weight() * CONTEXT_FACTOR : t.weight();
      hits.add(new Hit(t.stage(), w, f.start(), f.end(), f.match(), lowered));
    }
    if (hits.size() > MAX_HITS_PER_MESSAGE) {
      hits.sort((a, b) -> Double.compare(b.weight(), a.weight()));
      hits = new ArrayList<>(hits.subList(0, MAX_HITS_PER_MESSAGE));
      hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }
    return hits;
  }
}
