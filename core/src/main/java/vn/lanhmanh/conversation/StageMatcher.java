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
import vn.lanhmanh.text.Positions;

/**
 * Finds the grooming stages a message shows, with the same engine as texts. Two kinds of data feed it,
 * compiled into one {@link CompiledLexicon} with the filter's teencode and awareness context (and, for the
 * embedded data, precompiled at build time with the filter's lexicon); a conversation message is
 * normalised once for its text check and once here:
 *
 * <ul>
 *   <li>stage phrases ({@code stages.tsv}): fixed expressions with a stage, a weight and a sender;
 *   <li>concepts ({@code concepts.tsv}) and stage rules ({@code stage-rules.tsv}): a rule shows its stage
 *       when its concepts co-occur in the message, e.g. {@code REQUEST PHOTO|VIDEO BODY|INTIMATE} for a
 *       request for a revealing photo, in whatever words.
 * </ul>
 *
 * <p>The filter's awareness context applies to both: a phrase or concept near {@code phòng chống} or
 * {@code kỹ năng tự bảo vệ} is a lesson, not an approach, and counts at {@value #CONTEXT_FACTOR} of its
 * weight.
 *
 * <p>Immutable and thread-safe.
 */
public final class StageMatcher {

  /** A stage phrase lowered by awareness context keeps this share of its weight. */
  static final double CONTEXT_FACTOR = 0.25;
  /** Hits kept per message (best weight first), so one huge message cannot grow a window without bound. */
  static final int MAX_HITS_PER_MESSAGE = 16;
  private static final int SCRATCH_KEEP_CHARS = 1 << 16;
  private static final String CONCEPT_PREFIX = "concept/";

  /** What a compiled stage-phrase rule id stands for. */
  private record Target(Stage stage, double weight, StageRule.Scope scope, String source) {}

  /**
   * One stage shown in a message.
   *
   * @param lowered true when awareness context lowered it: it adds its (reduced) weight but does not count
   *     as a stage shown by the other party
   * @param rule what showed it: a stage phrase's rule id ({@code stage/secrecy/grooming/dung_noi_voi_ai}) or
   *     a stage rule's concepts ({@code photos: REQUEST PHOTO|VIDEO BODY|INTIMATE})
   */
  public record Hit(Stage stage, double weight, int start, int end, String match, boolean lowered, String rule) {}

  private final CompiledLexicon lexicon;
  private final Map<String, Target> targets;
  private final Map<String, Integer> conceptOf;
  private final Compositions compositions;
  private final int phrases;
  private final ThreadLocal<MatchState> scratch = ThreadLocal.withInitial(MatchState::new);

  private StageMatcher(CompiledLexicon lexicon, Map<String, Target> targets, Map<String, Integer> conceptOf,
      Compositions compositions, int phrases) {
    this.lexicon = lexicon;
    this.targets = targets;
    this.conceptOf = conceptOf;
    this.compositions = compositions;
    this.phrases = phrases;
  }

  /**
   * Compiles the filter's lexicon with the embedded stage phrases, concepts and stage rules.
   *
   * @throws IllegalArgumentException naming file and line for a malformed or conflicting line
   */
  public static StageMatcher create(List<LexiconEntry> lexicon) {
    return compile(StageReader.readDefault(), Compositions.readDefault(), lexicon);
  }

  /**
   * The embedded {@code stages.tsv} over a lexicon compiled earlier by {@link #create} (and read back from
   * its precompiled form): only the rule-id table is rebuilt, from the stage file.
   *
   * @throws IllegalArgumentException if {@code compiled} does not hold the stage phrases of this build
   */
  public static StageMatcher precompiled(CompiledLexicon compiled) {
    return compile(StageReader.readDefault(), Compositions.readDefault(), List.of(), compiled);
  }

  /** The compiled stage phrases, for the precompiled form. */
  public CompiledLexicon compiledLexicon() {
    return lexicon;
  }

  static StageMatcher compile(List<StageReader.Line> lines, List<LexiconEntry> lexicon) {
    return compile(lines, Compositions.readDefault(), lexicon, null);
  }

  static StageMatcher compile(List<StageReader.Line> lines, Compositions compositions, List<LexiconEntry> lexicon) {
    return compile(lines, compositions, lexicon, null);
  }

  private static StageMatcher compile(List<StageReader.Line> lines, Compositions compositions,
      List<LexiconEntry> lexicon, CompiledLexicon precompiled) {
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
    Map<LexiconEntry, Integer> conceptEntries = new IdentityHashMap<>();
    List<String> names = compositions.concepts();
    for (Compositions.ConceptLine line : compositions.conceptLines()) {
      for (String p : line.phrases()) {
        LexiconEntry e = LexiconEntry.rule(p, Category.GROOMING, Rating.C, Severity.MEDIUM, line.fold(),
            line.note(), line.source());
        all.add(e);
        prefix.put(e, CONCEPT_PREFIX + line.concept() + "/");
        conceptEntries.put(e, names.indexOf(line.concept()));
      }
    }
    CompiledLexicon compiled = precompiled != null ? precompiled : CompiledLexicon.compile(all, prefix);
    Map<String, Target> targets = new HashMap<>();
    Positions p = new Positions();
    for (Map.Entry<LexiconEntry, StageReader.Line> en : lineOf.entrySet()) {
      StageReader.Line line = en.getValue();
      String id = ruleId(compiled, prefix.get(en.getKey()), en.getKey(), p);
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
    Map<String, Integer> conceptOf = new HashMap<>();
    for (Map.Entry<LexiconEntry, Integer> en : conceptEntries.entrySet()) {
      conceptOf.put(ruleId(compiled, prefix.get(en.getKey()), en.getKey(), p), en.getValue());
    }
    if (precompiled != null && !(precompiled.ruleIds().containsAll(targets.keySet())
        && precompiled.ruleIds().containsAll(conceptOf.keySet()))) {
      throw new IllegalArgumentException("the precompiled stage phrases are not those of stages.tsv and concepts.tsv");
    }
    return new StageMatcher(compiled, Map.copyOf(targets), Map.copyOf(conceptOf), compositions, count);
  }

  /** The rule id {@link CompiledLexicon} gives an entry: prefix, category, folded syllables joined by {@code _}. */
  private static String ruleId(CompiledLexicon compiled, String prefix, LexiconEntry e, Positions p) {
    compiled.normalizer().normalize(e.phrase(), p);
    StringBuilder sb = new StringBuilder(prefix).append(Category.GROOMING.jsonName()).append('/');
    for (int i = 0; i < p.size(); i++) {
      sb.append(i == 0 ? "" : "_").append(p.foldString(i, compiled.vocabulary()));
    }
    return sb.toString();
  }

  /** How many expanded stage phrases were compiled. */
  public int size() {
    return phrases;
  }

  /** The concept names, in bit order. */
  public List<String> concepts() {
    return compositions.concepts();
  }

  /**
   * The stages {@code text} shows for this sender, in text order, at most {@value #MAX_HITS_PER_MESSAGE}:
   * stage phrases as they are, and every stage rule whose concepts all co-occur (and whose absent concepts
   * do not), with the span from its first to its last concept hit. Per stage the strongest hit is kept (and
   * the strongest one lowered by awareness context, if any).
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
      found = candidates(text, p);
    } finally {
      p.trim(SCRATCH_KEEP_CHARS);
    }
    return hits(found, text, fromChild);
  }

  /**
   * Every rule hit of the state, ordered by start: unlike the findings of a text, overlapping stage phrases
   * and concepts are all kept (each may feed another stage rule).
   */
  private static List<Finding> candidates(String text, MatchState state) {
    int n = state.candidateCount();
    if (n == 0) {
      return List.of();
    }
    Positions positions = state.positions();
    List<Finding> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (state.candidateKind(i) != MatchState.RULE) {
        continue;
      }
      int s = positions.start(state.candidateStartPos(i));
      int e = positions.end(state.candidateEndPos(i));
      out.add(new Finding(state.candidateCategory(i), state.candidateSeverity(i), state.candidateRating(i),
          state.candidateRule(i), s, e, text.substring(s, e)));
    }
    out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
        : Integer.compare(b.end(), a.end()));
    return out;
  }

  /** The stages shown by the rule hits {@code side} (ordered by start) of a message. */
  private List<Hit> hits(List<Finding> side, String text, boolean fromChild) {
    if (side.isEmpty()) {
      return List.of();
    }
    List<Hit> hits = new ArrayList<>();
    long present = 0;
    long unlowered = 0;
    int[] start = null;
    int[] end = null;
    for (Finding f : side) {
      boolean lowered = f.rating() != Rating.C;
      String rule = f.rule();
      if (rule.startsWith(CONCEPT_PREFIX)) {
        Integer bit = conceptOf.get(rule);
        if (bit == null) {
          continue;
        }
        long b = 1L << bit;
        if (start == null) {
          start = new int[Compositions.MAX_CONCEPTS];
          end = new int[Compositions.MAX_CONCEPTS];
        }
        if ((present & b) == 0) {
          start[bit] = f.start();
          end[bit] = f.end();
        }
        present |= b;
        unlowered |= lowered ? 0 : b;
        continue;
      }
      Target t = targets.get(rule);
      if (t == null || !t.scope().accepts(fromChild)) {
        continue;
      }
      double w = lowered ? t.weight() * CONTEXT_FACTOR : t.weight();
      hits.add(new Hit(t.stage(), w, f.start(), f.end(), f.match(), lowered, rule));
    }
    if (present != 0) {
      compose(present, unlowered, start, end, text, fromChild, hits);
    }
    hits = strongestPerStage(hits);
    if (hits.size() > MAX_HITS_PER_MESSAGE) {
      hits.sort((a, b) -> Double.compare(b.weight(), a.weight()));
      hits = new ArrayList<>(hits.subList(0, MAX_HITS_PER_MESSAGE));
    }
    hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return hits;
  }

  /**
   * Per stage, the strongest hit and the strongest one lowered by context: the risk reads only the best
   * weight per stage, so weaker phrases of the same stage in the same message would only cost window space.
   */
  private static List<Hit> strongestPerStage(List<Hit> hits) {
    if (hits.size() <= 1) {
      return hits;
    }
    Hit[][] best = new Hit[Stage.values().length][2];
    for (Hit h : hits) {
      Hit[] b = best[h.stage().ordinal()];
      int k = h.lowered() ? 1 : 0;
      if (b[k] == null || h.weight() > b[k].weight()
          || (h.weight() == b[k].weight() && h.end() - h.start() > b[k].end() - b[k].start())) {
        b[k] = h;
      }
    }
    List<Hit> out = new ArrayList<>(hits.size());
    for (Hit[] b : best) {
      for (Hit h : b) {
        if (h != null) {
          out.add(h);
        }
      }
    }
    return out;
  }

  /** Adds the heaviest matching stage rule of each stage. */
  private void compose(long present, long unlowered, int[] start, int[] end, String text, boolean fromChild,
      List<Hit> out) {
    Compositions.Rule[] best = new Compositions.Rule[Stage.values().length];
    for (Compositions.Rule r : compositions.rules()) {
      if (!r.scope().accepts(fromChild) || !Compositions.matches(r, present)) {
        continue;
      }
      Compositions.Rule b = best[r.stage().ordinal()];
      if (b == null || r.weight() > b.weight()) {
        best[r.stage().ordinal()] = r;
      }
    }
    for (Compositions.Rule r : best) {
      if (r == null) {
        continue;
      }
      int s = Integer.MAX_VALUE;
      int e = 0;
      boolean lowered = false;
      for (long term : r.terms()) {
        int bit = Long.numberOfTrailingZeros(present & term);
        s = Math.min(s, start[bit]);
        e = Math.max(e, end[bit]);
        lowered |= (unlowered & (present & term)) == 0;
      }
      double w = lowered ? r.weight() * CONTEXT_FACTOR : r.weight();
      out.add(new Hit(r.stage(), w, s, e, text.substring(s, e), lowered, r.stage().jsonName() + ": " + r.text()));
    }
  }
}
