package vn.lanhmanh.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.compose.Composer;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.Positions;

/**
 * Finds the grooming stages a message shows, from the same match as the message's text check. Two kinds of
 * data feed it, compiled into the filter's one {@link CompiledLexicon} as side hits
 * ({@link MatchState#SIDE}: never findings of a text), so a conversation message is normalised and matched
 * once:
 *
 * <ul>
 *   <li>stage phrases ({@code conversation/stages.tsv}): fixed expressions with a stage, a weight and a
 *       sender;
 *   <li>stage concepts ({@code concept/stages.tsv}) and stage rules ({@code stage-rules.tsv}): a rule shows
 *       its stage when its concepts co-occur in the message, e.g. {@code REQUEST PHOTO|VIDEO BODY|INTIMATE}
 *       for a request for a revealing photo, in whatever words. A stage concept is shown by its own
 *       phrases and by the hits of the text concepts linked to it ({@code @SECRECY SECRECY}): the text
 *       layer's concept phrases serve the conversation too.
 * </ul>
 *
 * <p>A phrase of the stage concept {@value #ORDINARY} is a stage word's ordinary sense: every other stage
 * concept hit (a stage concept's own phrase or a linked text concept's hit) lying wholly inside it is not read,
 * so "gặp nguy hiểm" shows no meeting and "số nhà thuốc" no address, while the same words elsewhere in the
 * message still count.
 *
 * <p>The filter's awareness context applies: a stage phrase or stage concept near {@code phòng chống} or
 * {@code kỹ năng tự bảo vệ} is a lesson, not an approach, and counts at {@value #CONTEXT_FACTOR} of its
 * weight; a text concept's hit is lowered the same way when the message has a lowered side hit.
 *
 * <p>Immutable and thread-safe.
 */
public final class StageMatcher {

  /** The stage concept whose phrases shadow the stage concept hits inside them (see the class javadoc). */
  static final String ORDINARY = "ORDINARY";

  /** Ordinary-sense phrases read per message; more are not read (their shadowed hits count: never lower). */
  private static final int MAX_ORDINARY = 8;

  /** A stage phrase lowered by awareness context keeps this share of its weight. */
  static final double CONTEXT_FACTOR = 0.25;
  /** Hits kept per message (best weight first), so one huge message cannot grow a window without bound. */
  static final int MAX_HITS_PER_MESSAGE = 16;
  private static final int SCRATCH_KEEP_CHARS = 1 << 16;
  private static final String CONCEPT_PREFIX = "concept/";
  private static final String STAGE_PREFIX = "stage/";

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

  /**
   * The stage phrases and stage concepts as lexicon entries, with the rule-id prefixes that make them side
   * hits: what a filter compiles with its lexicon ({@link #sources()}).
   */
  public record Sources(List<LexiconEntry> entries, Map<LexiconEntry, String> prefixes) {}

  /**
   * A reading of one message's stages from the match of its text check, filled by {@link #read} while the
   * text check's state holds the message's hits. A thread reuses one reading from message to message
   * ({@link StageMatcher#reading}); {@link #release}, once the text check is over, frees it for the next
   * one, and its {@link #hits} stay readable until then.
   */
  public static final class Reading {
    private final Scratch scratch;
    private StageMatcher matcher;
    private boolean fromChild;
    private boolean inUse;
    private List<Hit> hits = List.of();

    private Reading(Scratch scratch) {
      this.scratch = scratch;
    }

    /** Reads the stages from {@code state}, the match of {@code text}. */
    public void read(String text, MatchState state) {
      hits = matcher.hits(text, state, fromChild, scratch);
    }

    /**
     * The stages read; empty before {@link #read}. After {@link #release}, until the thread's next
     * {@link StageMatcher#reading}.
     */
    public List<Hit> hits() {
      return hits;
    }

    /** Whose message this reading is of. */
    public boolean fromChild() {
      return fromChild;
    }

    /**
     * Frees the reading for the thread's next message; {@link #hits} keep the stages read until that
     * message takes the reading.
     */
    public void release() {
      inUse = false;
    }
  }

  private final CompiledLexicon lexicon;
  /** What each side rule stands for. */
  private final SideTable sides;
  private final Compositions compositions;
  private final int phrases;
  /** The bit of {@link #ORDINARY} among the stage concepts, -1 when no phrase names it. */
  private final int ordinaryBit;
  private final ThreadLocal<MatchState> scratch = ThreadLocal.withInitial(MatchState::new);
  /**
   * Per thread, each stage concept's earliest span in the message being read (start, then end, per bit),
   * and per stage the heaviest stage rule that matched it.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    final int[] spans = new int[2 * Compositions.MAX_CONCEPTS];
    /** The spans of the message's {@link #ORDINARY} phrases: start, end pairs. */
    final int[] ordinary = new int[2 * MAX_ORDINARY];
    final Compositions.Rule[] best = new Compositions.Rule[Stage.values().length];
    /** Per stage, the strongest hit not lowered and the strongest lowered, of the message being read. */
    final Hit[] strongest = new Hit[2 * Stage.values().length];
    /** The thread's reading, reused from message to message. */
    final Reading reading = new Reading(this);
  }

  /** A side rule: a stage phrase ({@code target}), or a phrase of the stage concept of bit {@code concept}. */
  private record Side(Target target, int concept) {}

  /**
   * The side rules by the entry of {@link #lexicon} that made a candidate (an array read), and by rule id
   * for a candidate of another lexicon or of none (a policy's own phrase, entry -1): every side rule's id is
   * the rule id of an entry of the lexicon, so that is found by the id's hash among the entries that have a
   * side, and no table of the some 60,000 ids as strings is kept beside the lexicon's own (a phone's heap:
   * docs/ANDROID.md, "Memory").
   */
  private static final class SideTable {
    private final CompiledLexicon lexicon;
    private final Side[] byEntry;
    /** Open addressing by the rule id's {@link String#hashCode}: entry + 1 of an entry with a side, 0 for none. */
    private final int[] byHash;

    /** @param byEntry per entry of {@code lexicon}, its side rule or null (taken, not copied) */
    SideTable(CompiledLexicon lexicon, Side[] byEntry) {
      this.lexicon = lexicon;
      this.byEntry = byEntry;
      int count = 0;
      for (Side side : byEntry) {
        count += side == null ? 0 : 1;
      }
      byHash = new int[Integer.highestOneBit(Math.max(2, 2 * count)) << 1];
      int mask = byHash.length - 1;
      for (int e = 0; e < byEntry.length; e++) {
        if (byEntry[e] != null) {
          int i = spread(lexicon.ruleId(e).hashCode()) & mask;
          while (byHash[i] != 0) {
            i = (i + 1) & mask;
          }
          byHash[i] = e + 1;
        }
      }
    }

    static int spread(int h) {
      return h ^ (h >>> 16);
    }

    /** The side rule whose id is {@code id}, or null. */
    private Side byValue(String id) {
      int mask = byHash.length - 1;
      for (int i = spread(id.hashCode()) & mask; byHash[i] != 0; i = (i + 1) & mask) {
        int e = byHash[i] - 1;
        if (id.equals(lexicon.ruleId(e))) {
          return byEntry[e];
        }
      }
      return null;
    }

    /** The side rule of candidate {@code i} of {@code state}, which {@code lexicon} matched or not. */
    Side get(MatchState state, int i, CompiledLexicon lexicon) {
      int e = state.candidateEntry(i);
      return state.matchedBy() == lexicon && e >= 0 ? byEntry[e] : byValue(state.candidateRule(i));
    }
  }

  private StageMatcher(CompiledLexicon lexicon, Side[] sides, Compositions compositions, int phrases) {
    this.lexicon = lexicon;
    this.sides = new SideTable(lexicon, sides);
    this.compositions = compositions;
    this.phrases = phrases;
    this.ordinaryBit = compositions.concepts().indexOf(ORDINARY);
  }

  private static volatile Sources embeddedSources;

  /**
   * The embedded stage phrases and stage concepts as entries to compile with a lexicon (read once).
   *
   * @throws IllegalArgumentException naming file and line for a malformed or repeated line
   */
  public static Sources sources() {
    Sources s = embeddedSources;
    if (s == null) {
      s = sources(StageReader.readDefault(), Compositions.readDefault());
      embeddedSources = s;
    }
    return s;
  }

  static Sources sources(List<StageReader.Line> lines, Compositions compositions) {
    List<LexiconEntry> all = new ArrayList<>();
    Map<LexiconEntry, String> prefix = new IdentityHashMap<>();
    Map<String, String> seen = new HashMap<>();
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
        prefix.put(e, STAGE_PREFIX + line.stage().jsonName() + "/");
      }
    }
    for (Compositions.ConceptLine line : compositions.conceptLines()) {
      for (String p : line.phrases()) {
        LexiconEntry e = LexiconEntry.rule(p, Category.GROOMING, Rating.C, Severity.MEDIUM, line.fold(),
            line.note(), line.source());
        all.add(e);
        prefix.put(e, CONCEPT_PREFIX + line.concept() + "/");
      }
    }
    return new Sources(List.copyOf(all), java.util.Collections.unmodifiableMap(prefix));
  }

  /**
   * Compiles a lexicon of these entries, the embedded text concepts, stage phrases and stage concepts, and
   * reads stages from it (for tests and tools; a filter shares its own lexicon, {@link #over}).
   *
   * @throws IllegalArgumentException naming file and line for a malformed or conflicting line
   */
  public static StageMatcher create(List<LexiconEntry> lexicon) {
    return compile(StageReader.readDefault(), Compositions.readDefault(), lexicon);
  }

  /**
   * The embedded stage data over a lexicon compiled with {@link #sources()} (the filter's own, or read back
   * from its precompiled form): only the rule-id tables are rebuilt, from the stage files.
   *
   * @throws IllegalArgumentException if {@code compiled} does not hold the stage phrases of this build
   */
  public static StageMatcher over(CompiledLexicon compiled) {
    return over(StageReader.readDefault(), Compositions.readDefault(), compiled);
  }

  /** A reading of one message's stages for this sender, to pass to the message's text check. */
  public Reading reading(boolean fromChild) {
    Scratch scratch = SCRATCH.get();
    Reading r = scratch.reading;
    if (r.inUse) {
      // a message checked on this thread while another is between its text check and its window (an
      // incident listener run in place): the other keeps its reading
      r = new Reading(scratch);
    }
    r.matcher = this;
    r.fromChild = fromChild;
    r.hits = List.of();
    r.inUse = true;
    return r;
  }

  static StageMatcher compile(List<StageReader.Line> lines, List<LexiconEntry> lexicon) {
    return compile(lines, Compositions.readDefault(), lexicon);
  }

  static StageMatcher compile(List<StageReader.Line> lines, Compositions compositions, List<LexiconEntry> lexicon) {
    Sources s = sources(lines, compositions);
    List<LexiconEntry> all = new ArrayList<>(lexicon);
    all.addAll(s.entries());
    CompiledLexicon compiled = CompiledLexicon.compile(all, ConceptLexicon.readDefault(), s.prefixes());
    return over(lines, compositions, compiled);
  }

  private static StageMatcher over(List<StageReader.Line> lines, Compositions compositions,
      CompiledLexicon compiled) {
    Map<String, Target> targets = new HashMap<>();
    Positions p = new Positions();
    int count = 0;
    for (StageReader.Line line : lines) {
      for (String phrase : line.phrases()) {
        count++;
        String id = ruleId(compiled, STAGE_PREFIX + line.stage().jsonName() + "/", phrase, p);
        Target t = new Target(line.stage(), line.weight(), line.scope(), line.source());
        Target old = targets.putIfAbsent(id, t);
        if (old != null) {
          if (old.scope() != t.scope()) {
            throw new IllegalArgumentException(line.source() + ": phrase '" + phrase
                + "' is read as the same words as a phrase at " + old.source() + " with another sender");
          }
          if (t.weight() > old.weight()) {
            targets.put(id, t);
          }
        }
      }
    }
    // Every stage concept phrase must be in the lexicon; its rule id names its concept, so no table of the
    // some 90,000 ids is made beside the lexicon's own (a phone's heap: docs/ANDROID.md, "Memory"), nor a set
    // of all the lexicon's ids as strings: they are found among its entries by their hash.
    RuleIdIndex ids = new RuleIdIndex(compiled);
    boolean complete = true;
    for (String id : targets.keySet()) {
      complete = complete && ids.contains(id);
    }
    for (Compositions.ConceptLine line : compositions.conceptLines()) {
      for (int k = 0; complete && k < line.phrases().size(); k++) {
        complete = ids.contains(ruleId(compiled, CONCEPT_PREFIX + line.concept() + "/", line.phrases().get(k), p));
      }
    }
    if (!complete) {
      throw new IllegalArgumentException("the lexicon was not compiled with the stage phrases of "
          + "conversation/stages.tsv and concept/stages.tsv");
    }
    Map<String, Integer> bitOf = new HashMap<>();
    List<String> names = compositions.concepts();
    for (int i = 0; i < names.size(); i++) {
      bitOf.put(names.get(i), i);
    }
    // One side per distinct target and concept, shared by the entries whose ids have them.
    Map<Side, Side> distinct = new HashMap<>();
    Side[] sides = new Side[compiled.entryCount()];
    for (int e = 0; e < sides.length; e++) {
      String id = compiled.ruleId(e);
      if (id == null) {
        continue;
      }
      Target t = targets.get(id);
      Integer bit = null;
      if (id.startsWith(CONCEPT_PREFIX)) {
        int end = id.indexOf('/', CONCEPT_PREFIX.length());
        bit = end < 0 ? null : bitOf.get(id.substring(CONCEPT_PREFIX.length(), end));
      }
      if (t != null || bit != null) {
        Side side = new Side(t, bit == null ? -1 : bit);
        sides[e] = distinct.computeIfAbsent(side, k -> k);
      }
    }
    return new StageMatcher(compiled, sides, compositions, count);
  }

  /**
   * Whether a string is the rule id of an entry of a lexicon: the entries with ids by their id's hash (open
   * addressing), each candidate compared with the id the lexicon gives it. Made while stages are read over a
   * lexicon, in place of a set of its some 100,000 ids as strings.
   */
  private static final class RuleIdIndex {
    private final CompiledLexicon lexicon;
    /** Entry + 1 of an entry with a rule id, 0 for none. */
    private final int[] byHash;

    RuleIdIndex(CompiledLexicon lexicon) {
      this.lexicon = lexicon;
      int n = lexicon.entryCount();
      byHash = new int[Integer.highestOneBit(Math.max(2, 2 * n)) << 1];
      int mask = byHash.length - 1;
      for (int e = 0; e < n; e++) {
        String id = lexicon.ruleId(e);
        if (id != null) {
          int i = SideTable.spread(id.hashCode()) & mask;
          while (byHash[i] != 0) {
            i = (i + 1) & mask;
          }
          byHash[i] = e + 1;
        }
      }
    }

    boolean contains(String id) {
      int mask = byHash.length - 1;
      for (int i = SideTable.spread(id.hashCode()) & mask; byHash[i] != 0; i = (i + 1) & mask) {
        if (id.equals(lexicon.ruleId(byHash[i] - 1))) {
          return true;
        }
      }
      return false;
    }
  }

  /** The rule id {@link CompiledLexicon} gives an entry: prefix, category, folded syllables joined by {@code _}. */
  private static String ruleId(CompiledLexicon compiled, String prefix, String phrase, Positions p) {
    compiled.normalizer().normalize(phrase, p);
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
    try {
      lexicon.normalize(text, p);
      lexicon.match(text, p);
      Composer.voidOutOfSense(p);   // as the text check's compose stage does before the stages are read
      return hits(text, p, fromChild);
    } finally {
      p.trim(SCRATCH_KEEP_CHARS);
    }
  }

  /**
   * The stages of {@code text} from {@code state}, the match of {@code text} by a lexicon compiled with
   * {@link #sources()} (the message's text check): as {@link #match}, without normalising or matching again.
   * Overlapping stage phrases and concepts all count (each may feed another stage rule).
   */
  public List<Hit> hits(String text, MatchState state, boolean fromChild) {
    return hits(text, state, fromChild, null);
  }

  /** {@link #hits(String, MatchState, boolean)} with the thread's scratch, when the caller has it. */
  private List<Hit> hits(String text, MatchState state, boolean fromChild, Scratch given) {
    Positions positions = state.positions();
    List<Hit> hits = null;
    // The stage concepts shown (present) and those shown by a hit not lowered, as ConceptSet words: 0-63
    // in the ...Lo, 64-127 in the ...Hi (a conversation has at most Compositions.MAX_CONCEPTS of them).
    long presentLo = 0;
    long presentHi = 0;
    long unloweredLo = 0;
    long unloweredHi = 0;
    // Spans are read only for the concepts in present, each written when it first joins present.
    Scratch scratch = given;
    int ordinary = 0;
    if (ordinaryBit >= 0) {
      scratch = scratchOr(scratch);
      ordinary = ordinarySpans(state, positions, scratch);
    }
    boolean anyLowered = false;
    for (int i = 0, n = state.candidateCount(); i < n; i++) {
      if (state.candidateKind(i) != MatchState.SIDE) {
        continue;
      }
      boolean lowered = state.candidateRating(i) != Rating.C;
      anyLowered |= lowered;
      Side side = sides.get(state, i, lexicon);
      if (side == null) {
        continue;
      }
      int s = positions.start(state.candidateStartPos(i));
      int e = positions.end(state.candidateEndPos(i));
      int bit = side.concept();
      if (bit >= 0 && (bit == ordinaryBit || (ordinary > 0 && shadowed(s, e, scratch.ordinary, ordinary)))) {
        continue;   // an ordinary sense is no stage concept, nor is a stage word inside one
      }
      if (bit >= 0) {
        scratch = scratchOr(scratch);
        long b = 1L << bit;   // in its word
        if (bit < 64) {
          earliest((presentLo & b) != 0, bit, s, e, scratch.spans);
          presentLo |= b;
          unloweredLo |= lowered ? 0 : b;
        } else {
          earliest((presentHi & b) != 0, bit, s, e, scratch.spans);
          presentHi |= b;
          unloweredHi |= lowered ? 0 : b;
        }
        continue;
      }
      Target t = side.target();
      if (!t.scope().accepts(fromChild)) {
        continue;
      }
      double w = lowered ? t.weight() * CONTEXT_FACTOR : t.weight();
      if (hits == null) {
        hits = new ArrayList<>();
      }
      hits.add(new Hit(t.stage(), w, s, e, text.substring(s, e), lowered, state.candidateRule(i)));
    }
    // Text concepts linked to stage concepts: lowered when awareness context lowered a side hit here.
    long linkedLo = 0;
    long linkedHi = 0;
    ConceptSet linked = compositions.linked();   // few text concepts mean a stage concept: the rest are not read
    for (int k = 0, n = state.conceptCount(); k < n; k++) {
      for (int w = 0; w < ConceptSet.WORDS; w++) {
        // most concept hits: none of their concepts is linked to a stage concept
        for (long m = state.conceptWord(k, w) & linked.word(w); m != 0; m &= m - 1) {
          ConceptSet stages = compositions.linkOf(w * 64 + Long.numberOfTrailingZeros(m));
          scratch = scratchOr(scratch);
          int s = positions.start(state.conceptStartPos(k));
          int e = positions.end(state.conceptEndPos(k));
          if (ordinary > 0 && shadowed(s, e, scratch.ordinary, ordinary)) {
            continue;
          }
          for (long b = stages.w0(); b != 0; b &= b - 1) {
            int bit = Long.numberOfTrailingZeros(b);
            earliest((presentLo & 1L << bit) != 0, bit, s, e, scratch.spans);
            presentLo |= 1L << bit;
          }
          for (long b = stages.w1(); b != 0; b &= b - 1) {
            int bit = Long.numberOfTrailingZeros(b);
            earliest((presentHi & 1L << bit) != 0, 64 + bit, s, e, scratch.spans);
            presentHi |= 1L << bit;
          }
          linkedLo |= stages.w0();
          linkedHi |= stages.w1();
        }
      }
    }
    unloweredLo |= anyLowered ? 0 : linkedLo;
    unloweredHi |= anyLowered ? 0 : linkedHi;
    // a message showing one concept that meets no rule of its sender on its own matches none of them
    int shown = Long.bitCount(presentLo) + Long.bitCount(presentHi);
    if (shown > 1 || (shown == 1 && compositions.alone(fromChild).meets(presentLo, presentHi, 0, 0))) {
      hits = compose(presentLo, presentHi, unloweredLo, unloweredHi, scratch, text, fromChild, hits);
    }
    if (hits == null || hits.isEmpty()) {
      return List.of();
    }
    hits = strongestPerStage(hits);
    if (hits.size() > MAX_HITS_PER_MESSAGE) {
      hits.sort((a, b) -> Double.compare(b.weight(), a.weight()));
      hits = new ArrayList<>(hits.subList(0, MAX_HITS_PER_MESSAGE));
    }
    inTextOrder(hits);
    return hits;
  }

  /** {@code given}, or the thread's scratch when the caller has none yet. */
  private static Scratch scratchOr(Scratch given) {
    return given == null ? SCRATCH.get() : given;
  }

  /**
   * Writes the spans of the message's {@link #ORDINARY} phrases (at most {@value #MAX_ORDINARY}) into
   * {@code scratch.ordinary}; returns how many.
   */
  private int ordinarySpans(MatchState state, Positions positions, Scratch scratch) {
    int count = 0;
    for (int i = 0, n = state.candidateCount(); i < n && count < MAX_ORDINARY; i++) {
      if (state.candidateKind(i) != MatchState.SIDE) {
        continue;
      }
      Side side = sides.get(state, i, lexicon);
      if (side != null && side.concept() == ordinaryBit) {
        scratch.ordinary[2 * count] = positions.start(state.candidateStartPos(i));
        scratch.ordinary[2 * count + 1] = positions.end(state.candidateEndPos(i));
        count++;
      }
    }
    return count;
  }

  /** Whether {@code [s, e)} lies wholly inside one of the first {@code count} spans of {@code spans}. */
  private static boolean shadowed(int s, int e, int[] spans, int count) {
    for (int k = 0; k < count; k++) {
      if (spans[2 * k] <= s && e <= spans[2 * k + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sorts a message's few hits by start, the longest first among those starting together, keeping the order
   * of equal ones (as {@code List.sort}): an insertion sort, without a comparator or a sort's scratch array.
   */
  private static void inTextOrder(List<Hit> hits) {
    for (int i = 1, n = hits.size(); i < n; i++) {
      Hit h = hits.get(i);
      int j = i;
      for (; j > 0 && before(h, hits.get(j - 1)); j--) {
        hits.set(j, hits.get(j - 1));
      }
      hits.set(j, h);
    }
  }

  /** Whether {@code a} comes strictly before {@code b} in text order (start, then the longer first). */
  private static boolean before(Hit a, Hit b) {
    return a.start() != b.start() ? a.start() < b.start() : a.end() > b.end();
  }

  /**
   * Keeps, per concept, its earliest hit (the longest of those starting together) as its span; {@code seen}:
   * whether the concept of {@code bit} was shown before in this message.
   */
  private static void earliest(boolean seen, int bit, int s, int e, int[] spans) {
    if (!seen || s < spans[2 * bit] || (s == spans[2 * bit] && e > spans[2 * bit + 1])) {
      spans[2 * bit] = s;
      spans[2 * bit + 1] = e;
    }
  }

  /**
   * Per stage, the strongest hit and the strongest one lowered by context: the risk reads only the best
   * weight per stage, so weaker phrases of the same stage in the same message would only cost window space.
   */
  private static List<Hit> strongestPerStage(List<Hit> hits) {
    if (hits.size() <= 1) {
      return hits;
    }
    // per stage: [2 * ordinal] the strongest not lowered, [2 * ordinal + 1] the strongest lowered
    Hit[] best = SCRATCH.get().strongest;
    java.util.Arrays.fill(best, null);
    for (int i = 0, n = hits.size(); i < n; i++) {
      Hit h = hits.get(i);
      int k = 2 * h.stage().ordinal() + (h.lowered() ? 1 : 0);
      Hit b = best[k];
      if (b == null || h.weight() > b.weight()
          || (h.weight() == b.weight() && h.end() - h.start() > b.end() - b.start())) {
        best[k] = h;
      }
    }
    List<Hit> out = new ArrayList<>(hits.size());
    for (int k = 0; k < best.length; k++) {
      if (best[k] != null) {
        out.add(best[k]);
      }
    }
    return out;
  }

  /**
   * Adds the heaviest matching stage rule of each stage to {@code out} (made when null and needed): the
   * concepts shown are the words {@code presentLo}, {@code presentHi}, those shown by a hit not lowered
   * {@code unloweredLo}, {@code unloweredHi}.
   */
  private List<Hit> compose(long presentLo, long presentHi, long unloweredLo, long unloweredHi, Scratch scratch,
      String text, boolean fromChild, List<Hit> out) {
    int[] spans = scratch.spans;
    Compositions.Rule[] best = scratch.best;
    java.util.Arrays.fill(best, null);
    Compositions.Rule[] rules = compositions.rules(fromChild);
    ConceptSet[] required = compositions.required(fromChild);
    for (int i = 0; i < rules.length; i++) {
      // most rules miss one of their required concepts: passed over without reading the rule
      if (!required[i].isSubsetOf(presentLo, presentHi, 0, 0) || !Compositions.matches(rules[i], presentLo, presentHi)) {
        continue;
      }
      Compositions.Rule r = rules[i];
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
      for (ConceptSet term : r.terms()) {
        // the term's first concept shown (its span), and whether a hit not lowered showed one of them
        long lo = presentLo & term.w0();
        long hi = presentHi & term.w1();
        int bit = lo != 0 ? Long.numberOfTrailingZeros(lo) : 64 + Long.numberOfTrailingZeros(hi);
        s = Math.min(s, spans[2 * bit]);
        e = Math.max(e, spans[2 * bit + 1]);
        lowered |= (unloweredLo & lo) == 0 && (unloweredHi & hi) == 0;
      }
      double w = lowered ? r.weight() * CONTEXT_FACTOR : r.weight();
      if (out == null) {
        out = new ArrayList<>();
      }
      out.add(new Hit(r.stage(), w, s, e, text.substring(s, e), lowered, r.id()));
    }
    return out;
  }
}
