package vn.lanhmanh.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.text.Positions;

/**
 * Finds the grooming stages a message shows, with the same engine as texts and in the same pass. Two kinds
 * of data feed it, both compiled as <em>side rules</em> of one {@link CompiledLexicon} together with the
 * filter's own lexicon (so a conversation message is normalised and matched once, and the text findings and
 * the stage signals come out of the same automaton pass):
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
  private final ThreadLocal<Positions> scratch = ThreadLocal.withInitial(Positions::new);

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

  static StageMatcher compile(List<StageReader.Line> lines, List<LexiconEntry> lexicon) {
    return compile(lines, Compositions.readDefault(), lexicon);
  }

  static StageMatcher compile(List<StageReader.Line> lines, Compositions compositions, List<LexiconEntry> lexicon) {
    List<LexiconEntry> all = new ArrayList<>(lexicon);
    Map<LexiconEntry, String> prefix = new IdentityHashMap<>();
    Set<LexiconEntry> side = Collections.newSetFromMap(new IdentityHashMap<>());
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
        side.add(e);
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
        side.add(e);
        prefix.put(e, CONCEPT_PREFIX + line.concept() + "/");
        conceptEntries.put(e, names.indexOf(line.concept()));
      }
    }
    CompiledLexicon compiled = CompiledLexicon.compile(all, prefix, side);
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

  /**
   * The lexicon this matcher compiled: the filter's rules plus the stage phrases and concepts as side rules.
   * {@link CompiledLexicon#match(String, Positions, List)} on it gives a text's findings and, apart, the
   * side hits that {@link #hits} reads.
   */
  public CompiledLexicon lexicon() {
    return lexicon;
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
   * The stages {@code text} shows for this sender, in text order, at most {@value #MAX_HITS_PER_MESSAGE}.
   * Normalises the text itself; a conversation message normally goes through {@link #hits} instead, with
   * the side hits of the text check.
   */
  public List<Hit> match(String text, boolean fromChild) {
    if (text.isEmpty()) {
      return List.of();
    }
    Positions p = scratch.get();
    List<Finding> side = new ArrayList<>();
    try {
      lexicon.match(text, p, side);
    } finally {
      p.trim(SCRATCH_KEEP_CHARS);
    }
    return hits(side, text, fromChild);
  }

  /**
   * The stages shown by a message, from the side hits of {@link #lexicon()} on its text: stage phrases as
   * they are, and every stage rule whose concepts all co-occur (and whose absent concepts do not), with the
   * span from its first to its last concept hit. Per stage the strongest hit is kept (and the strongest
   * one lowered by awareness context, if any).
   *
   * @param side the side hits of the message, ordered by start
   * @param text the message
   */
  public List<Hit> hits(List<Finding> side, String text, boolean fromChild) {
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
