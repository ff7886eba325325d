package vn.lanhmanh.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptPhrase;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;
import vn.lanhmanh.lexicon.LexiconEntry.Kind;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.VietnameseNormalizer;
import vn.lanhmanh.text.Vocabulary;

/**
 * A lexicon compiled for matching: its vocabulary, the normaliser that uses it, and two phrase automata,
 * one over the exact view of syllables and one over the folded view. Matching a text is linear in its
 * length: one normaliser pass, then one automaton step per syllable and view.
 *
 * <p>Immutable and thread-safe; callers pass their own {@link Positions} scratch buffer.
 *
 * <p>{@link LexiconCodec} writes and reads this class's fields: a field added here must be written there
 * too (or derived from the written ones), or {@code LexiconCodecTest} fails.
 */
public final class CompiledLexicon {

  /** The register concepts. */
  private static final ConceptSet REGISTERS = ConceptSet.registers();
  /** The concept whose hit counts only before a mobile number ({@link Concept#CALL_NUMBER}). */
  private static final ConceptSet CALL_NUMBER = ConceptSet.of(Concept.CALL_NUMBER);

  /**
   * Rule ids under these prefixes are side hits ({@link MatchState#SIDE}): the conversation's stage
   * phrases ({@code stage/<stage>/...}) and stage concepts ({@code concept/<CONCEPT>/...}), compiled with
   * the lexicon so that a message is normalised and matched once for its text check and its stages.
   */
  private static final String[] SIDE_PREFIXES = {"stage/", "concept/"};

  /** Rule-id prefix of the side hits of a child speaking to a trusted adult (stage concept {@code TOLD_ADULT}). */
  public static final String TOLD_ADULT = "concept/TOLD_ADULT/";
  /** Rule-id prefix of the side hits of a harm reported (stage concept {@code REPORTED}). */
  public static final String REPORTED = "concept/REPORTED/";
  /** Rule-id prefix of the side hits of a disclosure (stage concept {@code DISCLOSURE}). */
  public static final String DISCLOSURE = "concept/DISCLOSURE/";

  /**
   * The side hits every match keeps, asked for or not: a child telling an adult of abuse (the vocative to a
   * parent or a teacher, a report made, a disclosure), read by the filter in a text the child reads too; the
   * other side hits (a conversation's stages) only when asked, since nothing else reads them.
   */
  private static final String[] CUE_PREFIXES = {TOLD_ADULT, REPORTED, DISCLOSURE};

  /** Whether a rule id names a side hit (see {@link #SIDE_PREFIXES}). */
  public static boolean isSideRule(String ruleId) {
    for (String p : SIDE_PREFIXES) {
      if (ruleId.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether entry {@code e} has a rule id that names a side hit. */
  private static boolean isSideRule(RuleIds ids, int e) {
    for (String p : SIDE_PREFIXES) {
      if (ids.startsWith(e, p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether entry {@code e} has a side rule id that is a disclosure's cue. */
  private static boolean isCue(RuleIds ids, int e) {
    for (String p : CUE_PREFIXES) {
      if (ids.startsWith(e, p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a side rule id is a disclosure's cue ({@link #CUE_PREFIXES}), kept by every match. */
  private static boolean isCue(String ruleId) {
    for (String p : CUE_PREFIXES) {
      if (ruleId.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** A context phrase within this many syllables of a finding lowers it. */
  static final int CONTEXT_WINDOW = 30;

  final Vocabulary vocab;
  private final VietnameseNormalizer normalizer;
  final PhraseAutomaton exact;
  final PhraseAutomaton fold;
  final LexiconEntry[] entries;
  /** Per entry, its rule id (null for one that is not a rule), kept as bytes and made a string when asked for. */
  final RuleIds ruleIds;
  /**
   * The exact syllable ids of every output, one run after the other: output {@code e}'s are
   * {@code syllableIds[syllableStart[e] ..]} ({@link #length}{@code (e)} of them). A text syllable with the
   * same id has the rule's diacritics; {@link Vocabulary#exactKey} spells it. One array rather than one per
   * output: a lexicon has some 500,000 outputs, and an array's header costs more than its few ids. Two bytes an
   * id where the vocabulary allows ({@link IdArray}).
   */
  final IdArray syllableIds;
  /** Where each output's syllables start in {@link #syllableIds}; {@code syllableStart[outputs]} ends them. */
  final int[] syllableStart;
  /** The outputs' syllables as written, over the two arrays above, and the folded-hit checks that read them. */
  private final WrittenSyllables written;
  /** Per concept phrase (output {@code entries.length + j}): its concepts. */
  final ConceptSet[] conceptSets;
  final Map<Kind, Integer> counts;
  /**
   * Per output, what a hit needs to know of it packed in one int, so a hit reads one array slot rather
   * than the entry object: its length in syllables (low 16 bits), the {@code INFO_} flags and its rank for
   * {@link MaskedReading} (from bit {@link MaskedReading#RANK_SHIFT}). The one table of these: no array of
   * lengths, of ranks or of the fold flag beside it.
   */
  private final int[] info;
  /** Reads masked words by the phrases they complete (derived from the automata and entries). */
  private final MaskedReading masks;

  /** {@link #info}: a rule ({@link Kind#RULE}) of the lexicon. */
  private static final int INFO_RULE = 1 << 16;
  /** {@link #info}: a rule of {@link Category#PROFANITY}. */
  private static final int INFO_SWEAR = 1 << 17;
  /** {@link #info}: folded hits may carry diacritics of the phrase's own ({@link Fold#ALWAYS}). */
  private static final int INFO_ALWAYS = 1 << 18;
  /** {@link #info}: a side hit ({@link #isSideRule}). */
  private static final int INFO_SIDE = 1 << 19;
  /** {@link #info}: an exception. */
  private static final int INFO_EXCEPTION = 1 << 20;
  /** {@link #info}: a context phrase. */
  private static final int INFO_CONTEXT = 1 << 21;
  /** {@link #info}: a target word ({@link Kind#TARGET}). */
  private static final int INFO_TARGET = 1 << 22;
  /** {@link #info}: a folded hit counts only at the end of its clause ({@link Fold#FINAL}). */
  private static final int INFO_FINAL = 1 << 23;
  /**
   * {@link #info}: an exception that starts with a negation ({@code không phải trong game}, {@code đừng tưởng
   * chỉ trong game}): the register concepts it contains do not count, since the text says it is not that
   * register.
   */
  private static final int INFO_NEGATION = 1 << 24;
  /** {@link #info}: a hit counts only as a clause of its own at either end of its sentence ({@link Fold#ALONE}). */
  private static final int INFO_ALONE = 1 << 25;
  /** {@link #info}: a side hit that is not a disclosure's cue ({@link #CUE_PREFIXES}): kept only on request. */
  private static final int INFO_STAGE_ONLY = 1 << 26;
  /** First syllables that make an exception a negation ({@link #INFO_NEGATION}). */
  private static final Set<String> NEGATIONS =
      Set.of("không", "chẳng", "chả", "đâu", "đừng", "ko", "k", "hok", "hông", "khong", "chang", "cha", "dau",
          "dung");
  private static final int INFO_LENGTH = 0xFFFF;

  /** Whether an exception starting with this syllable (spelt exactly) is a negation ({@link #INFO_NEGATION}). */
  static boolean isNegation(String firstSyllable) {
    return NEGATIONS.contains(firstSyllable);
  }

  /**
   * Also {@link LexiconCodec}'s way back from the precompiled form.
   *
   * @param syllableStart where each output's syllables start in {@code syllableIds}, and their end
   */
  CompiledLexicon(Vocabulary vocab, PhraseAutomaton exact, PhraseAutomaton fold,
      LexiconEntry[] entries, RuleIds ruleIds, int[] syllableStart, IdArray syllableIds,
      boolean[] foldAlways, ConceptSet[] conceptSets, Map<Kind, Integer> counts) {
    this.vocab = vocab;
    this.normalizer = VietnameseNormalizer.forText(vocab);
    this.exact = exact;
    this.fold = fold;
    this.entries = entries;
    int outputs = syllableStart.length - 1;
    char[] lengths = new char[outputs];
    for (int i = 0; i < outputs; i++) {
      int length = syllableStart[i + 1] - syllableStart[i];
      if (length > INFO_LENGTH) {
        throw new IllegalArgumentException("a phrase of " + length + " syllables");
      }
      lengths[i] = (char) length;
    }
    this.ruleIds = ruleIds;
    this.syllableStart = syllableStart;
    this.syllableIds = syllableIds;
    this.written = new WrittenSyllables(syllableStart, syllableIds, null, vocab);
    this.conceptSets = conceptSets;
    this.counts = counts;
    this.info = new int[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      int f = lengths[i] | (foldAlways[i] ? INFO_ALWAYS : 0);
      if (i < entries.length) {
        Kind k = entries[i].kind();
        f |= k == Kind.RULE ? INFO_RULE : k == Kind.EXCEPTION ? INFO_EXCEPTION : k == Kind.CONTEXT ? INFO_CONTEXT
            : k == Kind.TARGET ? INFO_TARGET : 0;
        f |= k == Kind.RULE && entries[i].category() == Category.PROFANITY ? INFO_SWEAR : 0;
        boolean side = isSideRule(ruleIds, i);
        f |= side ? INFO_SIDE : 0;
        f |= side && !isCue(ruleIds, i) ? INFO_STAGE_ONLY : 0;
        f |= entries[i].fold() == Fold.FINAL ? INFO_FINAL : 0;
        f |= entries[i].fold() == Fold.ALONE ? INFO_ALONE : 0;
        f |= k == Kind.EXCEPTION && lengths[i] > 1 && NEGATIONS.contains(syllable(i, 0)) ? INFO_NEGATION : 0;
      }
      info[i] = f;
    }
    for (int i = 0; i < lengths.length; i++) {
      int f = info[i];
      byte rank;
      if (i >= entries.length) {
        ConceptSet set = conceptSets[i - entries.length];
        rank = REGISTERS.containsAll(set) ? MaskedReading.OTHER : MaskedReading.HARM;
      } else if ((f & INFO_RULE) != 0) {
        // Side phrases (a conversation's stages) read no masked word: the text's reading is the same with
        // or without them.
        rank = (f & INFO_SIDE) != 0 ? MaskedReading.NONE : MaskedReading.RULE;
      } else {
        rank = (f & INFO_TARGET) != 0 ? MaskedReading.OTHER
            : (f & INFO_EXCEPTION) != 0 ? MaskedReading.EXCEPTION : MaskedReading.NONE;
      }
      info[i] = f | MaskedReading.info(0, rank);
    }
    this.masks = new MaskedReading(vocab, exact, fold, info);
  }

  /**
   * Compiles entries: teencode first (so phrases may use it), then every phrase through the same
   * normaliser that texts go through.
   *
   * @param rulePrefix prefix for rule ids ({@code ""} for lexicon rules, {@code "policy/"} for a policy's)
   * @throws IllegalArgumentException naming the entry's source when a phrase normalises to nothing
   */
  public static CompiledLexicon compile(List<LexiconEntry> all, Map<LexiconEntry, String> rulePrefix) {
    return compile(all, ConceptLexicon.EMPTY, rulePrefix);
  }

  /**
   * Compiles entries and concept phrases into the same automata: concept phrases are outputs numbered
   * after the entries, normalised and folded by the same rules.
   *
   * @param rulePrefix prefix for rule ids ({@code ""} for lexicon rules, {@code "policy/"} for a policy's)
   * @throws IllegalArgumentException naming the entry's source when a phrase normalises to nothing
   */
  public static CompiledLexicon compile(List<LexiconEntry> all, ConceptLexicon concepts,
      Map<LexiconEntry, String> rulePrefix) {
    Vocabulary vocab = new Vocabulary();
    VietnameseNormalizer phrases = VietnameseNormalizer.forPhrases(vocab);
    Positions p = new Positions();
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, 0);
    }
    for (LexiconEntry e : all) {
      if (e.kind() != Kind.TEENCODE) {
        continue;
      }
      phrases.normalize(e.phrase(), p);
      if (p.size() != 1) {
        throw new IllegalArgumentException(e.source() + ": teencode token '" + e.phrase()
            + "' must normalise to one word");
      }
      String token = p.exactString(0, vocab);
      int[][] ids = symbols(phrases, e.expansion(), p, e.source());
      vocab.addTeencode(token, ids[0], ids[1]);
      counts.merge(Kind.TEENCODE, 1, Integer::sum);
    }

    List<LexiconEntry> kept = new ArrayList<>();
    for (LexiconEntry e : all) {
      if (e.kind() != Kind.TEENCODE) {
        kept.add(e);
      }
    }
    LexiconEntry[] entries = kept.toArray(new LexiconEntry[0]);
    kept = null;
    List<ConceptPhrase> conceptPhrases = concepts.phrases();
    int total = entries.length + conceptPhrases.size();
    // Every output's exact and folded syllable ids, one run after the other (not an array or two per
    // phrase): the entries, then the concept phrases, normalised in that order as the vocabulary's ids are.
    int[] start = new int[total + 1];
    Ids exactIds = new Ids(4 * total);
    Ids foldIds = new Ids(4 * total);
    for (int i = 0; i < entries.length; i++) {
      LexiconEntry e = entries[i];
      start[i + 1] = symbols(phrases, e.phrase(), p, e.source(), exactIds, foldIds);
      counts.merge(e.kind(), 1, Integer::sum);
    }
    ConceptSet[] conceptSets = new ConceptSet[conceptPhrases.size()];
    Map<ConceptSet, ConceptSet> shared = new java.util.HashMap<>();
    for (int j = 0; j < conceptPhrases.size(); j++) {
      ConceptPhrase c = conceptPhrases.get(j);
      start[entries.length + j + 1] = symbols(phrases, c.phrase(), p, c.source(), exactIds, foldIds);
      // one instance per distinct set: some 130,000 phrases have a few hundred sets
      conceptSets[j] = shared.computeIfAbsent(c.conceptSet(), k -> k);
    }
    vocab.addDroppedFinalN();
    vocab.addTypoAliases();
    int[] syllableIds = exactIds.trimmed();
    int[] folded = foldIds.ids;
    foldIds = null;

    String[] ids = new String[entries.length];
    boolean[] foldAlways = new boolean[total];
    PhraseAutomaton.Builder ex = new PhraseAutomaton.Builder();
    PhraseAutomaton.Builder fo = new PhraseAutomaton.Builder();
    for (int i = entries.length; i < total; i++) {
      ConceptPhrase c = conceptPhrases.get(i - entries.length);
      ex.add(syllableIds, start[i], start[i + 1], i);
      if (c.fold() != Fold.NEVER) {
        fo.add(folded, start[i], start[i + 1], i);
      }
      foldAlways[i] = c.fold() == Fold.ALWAYS;
    }
    for (int i = 0; i < entries.length; i++) {
      LexiconEntry e = entries[i];
      int from = start[i];
      int length = start[i + 1] - from;
      ex.add(syllableIds, from, from + length, i);
      if (e.fold() != Fold.NEVER) {
        fo.add(folded, from, from + length, i);
      }
      foldAlways[i] = e.fold() == Fold.ALWAYS;
      StringBuilder joined = new StringBuilder();
      StringBuilder id = new StringBuilder();
      for (int k = 0; k < length; k++) {
        joined.append(vocab.foldKey(folded[from + k]));
        id.append(k == 0 ? "" : "_").append(vocab.foldKey(folded[from + k]));
      }
      boolean sideRule = false;
      if (e.kind() == Kind.RULE) {
        String prefix = rulePrefix.getOrDefault(e, "");
        ids[i] = prefix + e.category().jsonName() + "/" + id;
        sideRule = isSideRule(prefix);
      } else if (e.kind() == Kind.TARGET) {
        ids[i] = "harassment/target:" + id;
      }
      if (sideRule) {
        continue;   // side phrases leave the vocabulary's spellings (masked, joined) as the text's own
      }
      // A masked spelling (đ*t, c*c) may stand for a one-syllable swear.
      if (e.kind() == Kind.RULE && length == 1 && vocab.exactKey(syllableIds[from]).length() >= 3
          && (e.category() == Category.PROFANITY || e.category() == Category.SEXUAL)) {
        vocab.addMaskable(syllableIds[from], folded[from]);
      }
      // The joined spelling of a phrase is itself a way to write it (ditme, vailon).
      if (e.fold() != Fold.NEVER && length > 1 && joined.length() >= 4) {
        vocab.addJoined(joined.toString(), Arrays.copyOfRange(folded, from, from + length));
      }
    }
    // The phrases' folded ids are in the builders now; each builder goes once its automaton is made, so a
    // policy's overlay (the whole lexicon compiled again beside the loaded one) fits a phone's heap.
    folded = null;
    PhraseAutomaton exact = ex.build();
    ex = null;
    PhraseAutomaton foldedAutomaton = fo.build();
    fo = null;
    vocab.trim();
    return new CompiledLexicon(vocab, exact, foldedAutomaton, entries, RuleIds.of(ids), start, IdArray.of(syllableIds), foldAlways,
        conceptSets, counts);
  }

  /** A growing run of ints. */
  private static final class Ids {
    int[] ids;
    int size;

    Ids(int capacity) {
      ids = new int[Math.max(16, capacity)];
    }

    void add(int id) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
    }

    int[] trimmed() {
      return size == ids.length ? ids : Arrays.copyOf(ids, size);
    }
  }

  /**
   * Normalises a phrase and appends its exact and folded symbol ids (adding its syllables to the vocabulary);
   * returns where its ids end.
   */
  private static int symbols(VietnameseNormalizer phrases, String phrase, Positions p, String source, Ids exact,
      Ids fold) {
    int[][] ids = symbols(phrases, phrase, p, source);
    for (int k = 0; k < ids[0].length; k++) {
      exact.add(ids[0][k]);
      fold.add(ids[1][k]);
    }
    return exact.size;
  }

  /** Exact and folded symbol ids of a phrase, adding its syllables to the vocabulary. */
  private static int[][] symbols(VietnameseNormalizer phrases, String phrase, Positions p, String source) {
    Vocabulary vocab = phrases.vocabulary();
    phrases.normalize(phrase, p);
    if (p.size() == 0) {
      throw new IllegalArgumentException(source + ": phrase '" + phrase + "' has no letters or digits");
    }
    int[] exIds = new int[p.size()];
    int[] foIds = new int[p.size()];
    for (int i = 0; i < p.size(); i++) {
      exIds[i] = vocab.addExact(p.exactString(i, vocab));
      foIds[i] = vocab.addFold(p.foldString(i, vocab));
    }
    return new int[][] {exIds, foIds};
  }

  /** Output {@code e}'s number of syllables. */
  int length(int e) {
    return info[e] & INFO_LENGTH;
  }

  /** Whether output {@code e}'s folded hits may carry diacritics of its own ({@link Fold#ALWAYS}). */
  boolean foldAlways(int e) {
    return (info[e] & INFO_ALWAYS) != 0;
  }

  /** Per output, {@link #foldAlways(int)}: a new array (for writing the lexicon and for tests). */
  boolean[] foldAlways() {
    boolean[] a = new boolean[info.length];
    for (int e = 0; e < a.length; e++) {
      a[e] = foldAlways(e);
    }
    return a;
  }

  /** The exact syllable id of syllable {@code k} of output {@code e}. */
  int syllableId(int e, int k) {
    return syllableIds.get(syllableStart[e] + k);
  }

  /** Syllable {@code k} of output {@code e}, spelt exactly: for checking diacritics on folded hits. */
  String syllable(int e, int k) {
    return vocab.exactKey(syllableIds.get(syllableStart[e] + k));
  }

  public VietnameseNormalizer normalizer() {
    return normalizer;
  }

  public Vocabulary vocabulary() {
    return vocab;
  }

  /** The number of entries: outputs {@code 0 ..} this, minus one, are entries ({@link #ruleId}). */
  public int entryCount() {
    return entries.length;
  }

  /** The rule id of entry {@code e} (what its candidates carry), null for an entry that is not a rule. */
  public String ruleId(int e) {
    return ruleIds.get(e);
  }

  /** Every entry's rule id (null for one that is not a rule), in a new array. */
  String[] ruleIdArray() {
    String[] a = new String[ruleIds.size()];
    for (int e = 0; e < a.length; e++) {
      a[e] = ruleIds.get(e);
    }
    return a;
  }

  /** The rule ids this lexicon can report. */
  public Set<String> ruleIds() {
    Set<String> ids = new java.util.HashSet<>();
    for (int e = 0; e < ruleIds.size(); e++) {
      String id = ruleIds.get(e);
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The compiled entries (teencode excluded), in compile order. */
  public List<LexiconEntry> entries() {
    return List.of(entries);
  }

  /** How many entries of each kind were compiled. */
  public Map<Kind, Integer> counts() {
    return counts;
  }

  /** Stage 1: normalises {@code text} into the state's syllables. */
  public void normalize(String text, MatchState state) {
    normalizer.normalize(text, state.positions());
  }

  /**
   * Stage 2: numbers the sentences and clauses of the normalised text, runs both automata (restarted at
   * each sentence, so no phrase spans two sentences), drops hits inside exceptions, caps rule hits near
   * context phrases, and writes the rule and target candidates and the concept hits into {@code state}.
   *
   * @param text the string {@link #normalize} was given
   */
  public void match(String text, MatchState state) {
    match(text, state, true);
  }

  /**
   * {@link #match(String, MatchState)}, leaving out the side hits ({@link MatchState#SIDE}) unless
   * {@code sideHits}, all but a disclosure's cues ({@link #CUE_PREFIXES}), which every match keeps: side hits
   * are never findings, never composed and never lower a rule; a text that is not a conversation message or
   * the child's own has no use for the stage phrases, only for the cues of a child telling an adult.
   *
   * @param text the string {@link #normalize} was given
   */
  public void match(String text, MatchState state, boolean sideHits) {
    match(text, state, sideHits, true);
  }

  /**
   * {@link #match(String, MatchState, boolean)}, reading the masked words by the phrases they complete
   * ({@link MaskedReading}) only if {@code readMasked}; without, they keep the normaliser's reading (for
   * tests that compare the two).
   */
  void match(String text, MatchState state, boolean sideHits, boolean readMasked) {
    match(text, state, sideHits, readMasked, null);
  }

  /**
   * {@link #match(String, MatchState, boolean)} with a policy's own phrases matched beside this lexicon's, on
   * the same syllables: their allow phrases drop the hits they hold as this lexicon's exceptions do, and
   * their deny phrases' hits become candidates as this lexicon's rules do (see {@link PolicyPhrases}).
   *
   * @param text the string {@link #normalize} was given
   * @param policy a policy's phrases compiled for this lexicon, or null for none
   * @throws IllegalArgumentException if {@code policy} was compiled for another lexicon
   */
  public void match(String text, MatchState state, boolean sideHits, PolicyPhrases policy) {
    if (policy != null && policy.lexicon() != this) {
      throw new IllegalArgumentException("policy phrases compiled for another lexicon");
    }
    match(text, state, sideHits, true, policy);
  }

  private void match(String text, MatchState state, boolean sideHits, boolean readMasked, PolicyPhrases policy) {
    state.clear();
    state.matchedBy(this);
    if (readMasked) {
      masks.read(state);
    } else {
      state.positions().unreadMasked();
    }
    boundaries(state);
    int hits = collectHits(state, sideHits ? 0 : INFO_STAGE_ONLY);
    int policyHits = policy == null ? 0 : policy.collect(state);
    if (hits != 0 || policyHits != 0) {
      candidates(state, state.hits, hits, policy, state.policyHits, policyHits);
    }
  }

  /**
   * Sentence and clause numbers: sentences are the normaliser's ({@link Positions#sentenceStart}); a
   * comma, semicolon or colon between two syllables of a sentence also ends a clause (read in the
   * normaliser's copy of the text).
   */
  private static void boundaries(MatchState state) {
    Positions p = state.positions();
    int sentence = 0;
    int clause = 0;
    for (int i = 0; i < p.size(); i++) {
      if (i > 0) {
        if (p.sentenceStart(i)) {
          sentence++;
          clause++;
        } else {
          for (int k = p.end(i - 1); k < p.start(i); k++) {
            char c = p.inputChar(k);
            if (c == ',' || c == ';' || c == ':') {
              clause++;
              break;
            }
          }
        }
      }
      state.setBoundaries(i, sentence, clause);
    }
  }

  /** The number of lexicon entries; automaton outputs at or above it are concept phrases. */
  private int ruleEntries() {
    return entries.length;
  }

  /**
   * Every (entry, end position) hit of both automata, sorted and without duplicates, into
   * {@link MatchState#hits}; returns how many.
   *
   * @param skip {@link #info} flags of outputs to leave out (0 for none)
   */
  private int collectHits(MatchState state, int skip) {
    Positions p = state.positions();
    long[] hits = state.hits;
    byte[] chat = state.chatTokens();
    int[] exactPool = exact.pool;
    int[] foldPool = fold.pool;
    int n = 0;
    int sx = 0;
    int sf = 0;
    // The last position so far that is part of a teencode expansion, and the last written with diacritics:
    // a hit that starts after them needs no look at its syllables for those.
    int lastExpanded = -1;
    int lastMarked = -1;
    for (int i = 0; i < p.size(); i++) {
      if (p.sentenceStart(i)) {
        // A phrase never spans a sentence end.
        sx = 0;
        sf = 0;
      }
      lastExpanded = p.source(i) == Positions.EXPANDED ? i : lastExpanded;
      lastMarked = p.plain(i) ? lastMarked : i;
      int atStart = n;
      sx = exact.step(sx, p.exactId(i));
      int at = exact.outputsAt(sx);
      if (at != 0) {
        for (int k = at + 1, end = at + 1 + exactPool[at]; k < end; k++) {
          int e = exactPool[k];
          if ((info[e] & skip) == 0 && chat(e, i, lastExpanded, p, chat)
              && ((info[e] & INFO_ALONE) == 0 || clauseAlone(state, i - (info[e] & INFO_LENGTH) + 1, i))) {
            hits = n == hits.length ? state.growHits() : hits;
            hits[n++] = hit(e, i);
          }
        }
      }
      int folded = n;
      sf = fold.step(sf, p.foldId(i));
      at = fold.outputsAt(sf);
      if (at != 0) {
        // An output the exact automaton gave at this position is a hit already (a second one would be
        // dropped below), so its fold is not looked at: both runs are in ascending entry order, one walk.
        int x = atStart;
        for (int k = at + 1, end = at + 1 + foldPool[at]; k < end; k++) {
          int e = foldPool[k];
          long h = hit(e, i);
          while (x < folded && hits[x] < h) {
            x++;
          }
          if (x < folded && hits[x] == h) {
            continue;
          }
          if ((info[e] & skip) == 0 && foldAllowed(e, i, lastMarked, p)
              && ((info[e] & INFO_FINAL) == 0 || clauseEnds(state, i))
              && ((info[e] & INFO_ALONE) == 0 || clauseAlone(state, i - (info[e] & INFO_LENGTH) + 1, i))
              && chat(e, i, lastExpanded, p, chat)) {
            hits = n == hits.length ? state.growHits() : hits;
            hits[n++] = h;
          }
        }
      }
      // The hits come in the order of their end, and each automaton's outputs in ascending order: merging
      // each position's two runs sorts them all.
      if (atStart < folded && folded < n && hits[folded - 1] > hits[folded]) {
        merge(hits, atStart, folded, n, state);
      }
    }
    int w = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || hits[i] != hits[w - 1]) {
        hits[w++] = hits[i];
      }
    }
    return w;
  }

  /**
   * {@link Surface#latinTokensAreChat} for the hit of output {@code e} ending at {@code endPos}; a hit that
   * starts after the last expanded position ({@code lastExpanded}) rests on no teencode token.
   */
  private boolean chat(int e, int endPos, int lastExpanded, Positions p, byte[] memo) {
    int first = endPos - (info[e] & INFO_LENGTH) + 1;
    return first > lastExpanded || Surface.latinTokensAreChat(p, first, endPos, memo);
  }

  /** Merges the ascending runs {@code a[from, mid)} and {@code a[mid, to)} into one. */
  private static void merge(long[] a, int from, int mid, int to, MatchState state) {
    long[] right = state.mergeScratch(to - mid);
    System.arraycopy(a, mid, right, 0, to - mid);
    int i = mid - 1;
    int j = to - mid - 1;
    for (int k = to - 1; j >= 0; k--) {
      a[k] = i >= from && a[i] > right[j] ? a[i--] : right[j--];
    }
  }

  /**
   * Whether a folded hit counts: for {@code plain} rules every syllable must be written without
   * diacritics; for {@code always} rules the diacritics written must all belong to the rule's syllable
   * ({@code đit mẹ} is {@code địt mẹ}, {@code mà tuý} is not {@code ma túy}).
   *
   * @param lastMarked the last position up to {@code endPos} written with diacritics, or -1
   */
  private boolean foldAllowed(int e, int endPos, int lastMarked, Positions p) {
    int f = info[e];
    boolean always = (f & INFO_ALWAYS) != 0;
    boolean rule = (f & INFO_RULE) != 0;
    // Profanity is stripped of its diacritics on purpose by writers who use them elsewhere (lon, vai lin):
    // for it only a name (Lon Nol) is another word.
    boolean swear = (f & INFO_SWEAR) != 0;
    int length = f & INFO_LENGTH;
    int first = endPos - length + 1;
    if (!rule && !always && first <= lastMarked && (f & INFO_EXCEPTION) != 0
        && exactBesideBare(e, first, endPos, p)) {
      // An everyday phrase whose written syllables carry exactly its own marks while the last ones are
      // masked ("hột vịt l0n", "chóng l0n"): the writer disguised one word of the phrase, which
      // is still the phrase (forty-seventh round).
      return true;
    }
    if (!rule && (first > lastMarked || !always)) {
      // Not a rule (a concept, exception, context or target phrase): a hit written without diacritics counts,
      // and one with diacritics only for an always phrase whose marks are its own (the loop below); but among
      // words written with diacritics, a hit with a syllable that is another word as written is those words
      // ("mẹ con cho chưa" is "has Mum let you", not "con chó").
      return first > lastMarked && !written.otherWordAsWritten(e, first, endPos, p);
    }
    if (rule && !swear && !always && length > 1 && written.wordsAsWritten(e, first, endPos, p)) {
      return false;
    }
    for (int k = first; k <= endPos; k++) {
      String syllable = syllable(e, k - first);
      if (p.plain(k)) {
        // One word written without diacritics among words written with them is the word it spells
        // (khung, nung), unless it cannot be a word without a tone (dit, cac).
        if (rule && !always && first == endPos && WrittenSyllables.loneWordAsWritten(p, k, swear)) {
          return false;
        }
        // In a phrase that is not a rule, a syllable left without the marks of the phrase's own while another
        // syllable of the same hit carries marks is the word as written: "còn cao nữa" is "taller still",
        // not "cào nữa" (unless it cannot be a word without a tone, "cat nữa", or is disguised or teencode).
        if (!rule && written.anotherWord(e, k, first, p)) {
          return false;
        }
        continue;
      }
      if (!always || !p.marksWithin(k, syllableId(e, k - first), syllable)) {
        return false;
      }
      // Among words written with diacritics, diacritics written that are only part of the phrase's are
      // another word (đô, dò are not đồ; chưa is not chừa) unless only the stroke of đ is missing (dịt) or
      // the syllable cannot stand as written (đit).
      if (!swear && p.exactId(k) != syllableId(e, k - first) && !p.onlyStrokeMissing(k, syllable)
          && !p.impossibleAsWritten(k) && Surface.writerUsesDiacritics(p, first, endPos)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a hit of several syllables has every syllable written with diacritics written exactly as the
   * phrase's own, followed by at least one syllable disguised without any: a phrase whose last words are
   * masked.
   */
  private boolean exactBesideBare(int e, int first, int endPos, Positions p) {
    if (endPos == first) {
      return false;
    }
    boolean bare = false;
    boolean exact = false;
    for (int k = first; k <= endPos; k++) {
      if (p.plain(k)) {
        // Only a disguised word (digits or symbols for letters): a bare word among marked ones is the word it
        // spells ("đồ ngu" is no "đồ ngủ").
        if (!p.disguised(k)) {
          return false;
        }
        bare = true;
      } else if (!bare && p.exactId(k) == syllableId(e, k - first)) {
        // The words written come first and name the phrase; a disguised word before them ("k3 với tụi nó")
        // is the disguised word.
        exact = true;
      } else {
        return false;
      }
    }
    return bare && exact;
  }

  /**
   * A rule of several syllables written as a Vietnamese proper name inside a sentence, every syllable
   * capitalised, among words written with diacritics: {@code Nam Kỳ} the region, not {@code nam kỳ} the
   * slur, unless the text is abusive already. Not in capitals ({@code ĐỊT MẸ} is shouting). A rule of one
   * English word written as a name beside another capitalised word ({@code Dick Advocaat}) is one too.
   */
  private boolean properName(int e, int endPos, Positions p) {
    return entries[e].kind() == Kind.RULE && properName(length(e), endPos - length(e) + 1, endPos, p);
  }

  /** {@link #properName(int, int, Positions)} for a rule of {@code length} syllables at {@code first..endPos}. */
  private static boolean properName(int length, int first, int endPos, Positions p) {
    if (length == 1) {
      // An English word used as a given name beside a family name (Ông Dick Advocaat): a one-syllable rule
      // that cannot be a Vietnamese syllable, capitalised in mid-sentence next to another capitalised word.
      return p.source(first) == Positions.OWN && p.plain(first) && !p.vietnameseShape(first)
          && Surface.capitalised(p, first, first) && Surface.capitalisedNeighbour(p, first, first);
    }
    for (int k = first; k <= endPos; k++) {
      if (!Surface.capitalised(p, k, k)) {
        return false;
      }
    }
    return Surface.writerUsesDiacritics(p, first, endPos);
  }

  /**
   * Whether a {@link Fold#FINAL} syllable at {@code i}, matched through its folded form, may be the rule: a
   * syllable written with other diacritics never reached here, so this is the one written without them;
   * it counts at the end of its clause, and when it is disguised or came from teencode. Before another word
   * of its clause it is the look-alike ({@code cac ban} is {@code các bạn}, {@code buoi toi} is
   * {@code buổi tối}).
   */
  private static boolean clauseEnds(MatchState state, int i) {
    Positions p = state.positions();
    return i + 1 >= p.size() || p.sentenceStart(i + 1) || state.clause(i + 1) != state.clause(i)
        || p.source(i) != Positions.OWN || p.disguised(i);
  }

  /**
   * Whether the syllables {@code first..last} are a clause of their own ({@link Fold#ALONE}) that opens or closes
   * its sentence: a comma, semicolon, colon or sentence end (or the text's edge) on both sides, and a sentence end
   * or the text's edge on one. {@code mẹ nó, hết pin} and {@code hết pin rồi, mẹ nó!} are oaths; {@code mẹ nó đi
   * làm} and {@code bố nó, mẹ nó, ông bà nó đều thương nó} are his mother.
   */
  private static boolean clauseAlone(MatchState state, int first, int last) {
    Positions p = state.positions();
    boolean opens = first == 0 || p.sentenceStart(first);
    boolean closes = last + 1 >= p.size() || p.sentenceStart(last + 1);
    return (opens || state.clause(first - 1) != state.clause(first) || pictographBetween(p, first - 1))
        && (closes || state.clause(last + 1) != state.clause(last) || pictographBetween(p, last))
        && (opens || closes);
  }

  /**
   * Whether an emoji or another pictograph stands between syllables {@code i} and {@code i + 1}: for a clause of
   * its own ({@link Fold#ALONE}) it ends the clause as a comma does ({@code trời ơi mẹ nó 😤 con mèo lại …}, thirty-
   * seventh round). Only the {@code alone} reading takes it so; clause-scoped compositions still count commas. A
   * pictograph is a symbol of type {@code So} read by code point: a letter outside the BMP or a broken surrogate is
   * not one.
   */
  private static boolean pictographBetween(Positions p, int i) {
    int end = p.start(i + 1);
    for (int k = p.end(i); k < end; k++) {
      int c = p.inputChar(k);
      if (Character.isHighSurrogate((char) c) && k + 1 < end && Character.isLowSurrogate(p.inputChar(k + 1))) {
        c = Character.toCodePoint((char) c, p.inputChar(++k));   // an emoji outside the BMP, read whole
      }
      if (Character.getType(c) == Character.OTHER_SYMBOL) {
        return true;
      }
    }
    return false;
  }

  private static long hit(int entry, int endPos) {
    return ((long) endPos << 32) | entry;
  }

  /**
   * The candidates and concept hits of the text's hits, and of a policy's ({@code policy}'s {@code pcount}
   * hits in {@code phits}, null and 0 without one): the policy's allow phrases count as exceptions, its deny
   * phrases' candidates come after this lexicon's at the same end (as a policy's entries, compiled after the
   * lexicon's, would).
   */
  private void candidates(MatchState state, long[] hits, int count, PolicyPhrases policy, long[] phits,
      int pcount) {
    // Hits are sorted by end position, so exception and context spans come out sorted by their end.
    int exceptions = 0;
    int contexts = 0;
    int negations = 0;
    int candidates = pcount;   // at most: every rule or target hit, every policy hit
    int rules = ruleEntries();
    for (int h = 0; h < count; h++) {
      int e = (int) hits[h];
      int f = info[e];
      exceptions += (f & INFO_EXCEPTION) != 0 ? 1 : 0;
      contexts += (f & INFO_CONTEXT) != 0 ? 1 : 0;
      negations += (f & INFO_NEGATION) != 0 ? 1 : 0;
      candidates += e < rules && (f & (INFO_RULE | INFO_TARGET)) != 0 ? 1 : 0;
    }
    state.ensureCandidates(candidates);
    Spans exc = exceptions == 0 ? Spans.NONE : spansOf(hits, count, INFO_EXCEPTION, exceptions);
    Spans neg = negations == 0 ? Spans.NONE : spansOf(hits, count, INFO_NEGATION, negations);
    Spans ctx = contexts == 0 ? Spans.NONE : spansOf(hits, count, INFO_CONTEXT, contexts);
    if (pcount != 0) {
      exc = withPolicy(exc, exceptions, policy, phits, pcount, false);
      exceptions = exc.start.length;
      neg = withPolicy(neg, negations, policy, phits, pcount, true);
      negations = neg.start.length;
    }
    int ph = 0;
    // minStartFrom[i]: the smallest start among exceptions i.. (their ends are >= exc.end[i]).
    int[] minStartFrom = NO_EXCEPTIONS;
    if (exceptions != 0) {
      minStartFrom = new int[exceptions + 1];
      minStartFrom[exceptions] = Integer.MAX_VALUE;
      for (int i = exceptions - 1; i >= 0; i--) {
        minStartFrom[i] = Math.min(exc.start[i], minStartFrom[i + 1]);
      }
    }
    for (int h = 0; h < count; h++) {
      int e = (int) hits[h];
      int endPos = (int) (hits[h] >>> 32);
      for (; ph < pcount && (int) (phits[ph] >>> 32) < endPos; ph++) {
        policyCandidate(state, policy, phits[ph], exc, exceptions, minStartFrom, ctx, contexts);
      }
      int f = info[e];
      int startPos = endPos - (f & INFO_LENGTH) + 1;
      boolean concept = e >= rules;
      if (!concept && (f & (INFO_RULE | INFO_TARGET)) == 0) {
        continue;
      }
      // Inside an exception: one ending at or after this hit's end that starts at or before its start.
      // An exception silences rules and harm concepts; the register concepts it contains still count.
      boolean excepted = minStartFrom[lowerBound(exc.end, exceptions, endPos)] <= startPos;
      if (concept) {
        // A harm concept is silenced only by a longer exception (đùi gà), not by one with its own words.
        boolean longer = excepted && (minStartFrom[lowerBound(exc.end, exceptions, endPos + 1)] <= startPos
            || minStartFrom[lowerBound(exc.end, exceptions, endPos)] < startPos)
            || straddles(exc, exceptions, startPos, endPos);
        ConceptSet set = conceptSets[e - rules];
        long w0 = longer ? set.w0() & REGISTERS.w0() : set.w0();
        long w1 = longer ? set.w1() & REGISTERS.w1() : set.w1();
        long w2 = longer ? set.w2() & REGISTERS.w2() : set.w2();
        long w3 = longer ? set.w3() & REGISTERS.w3() : set.w3();
        if (negations != 0 && REGISTERS.meets(w0, w1, w2, w3) && inside(neg, negations, startPos, endPos)) {
          w0 &= ~REGISTERS.w0();   // "không phải trong game": the text says it is not that register
          w1 &= ~REGISTERS.w1();
          w2 &= ~REGISTERS.w2();
          w3 &= ~REGISTERS.w3();
        }
        if (startPos != endPos && state.clause(startPos) != state.clause(endPos)
            && REGISTERS.meets(w0, w1, w2, w3)) {
          w0 &= ~REGISTERS.w0();   // "6 tiếng, anh em": a register phrase is the words of one clause
          w1 &= ~REGISTERS.w1();
          w2 &= ~REGISTERS.w2();
          w3 &= ~REGISTERS.w3();
        }
        if (CALL_NUMBER.meets(w0, w1, w2, w3) && !mobileNumberAfter(state.positions(), endPos)) {
          w0 &= ~CALL_NUMBER.w0();   // "gọi cho bà", "hotline 1900 …": a call, but not to a private number
          w1 &= ~CALL_NUMBER.w1();
          w2 &= ~CALL_NUMBER.w2();
          w3 &= ~CALL_NUMBER.w3();
        }
        if ((w0 | w1 | w2 | w3) != 0) {
          state.addConcept(startPos, endPos, w0, w1, w2, w3);
        }
        continue;
      }
      boolean side = (f & INFO_SIDE) != 0;
      if ((excepted || straddles(exc, exceptions, startPos, endPos)) && !side) {
        continue;   // the text's exceptions (đi khách sạn is not đi khách) do not silence side hits
      }
      LexiconEntry entry = entries[e];
      if (entry.category() == Category.PROFANITY && !side && emojiRunInside(state.positions(), startPos, endPos)) {
        continue;   // "5 con 🐶🐶🐶🐶🐶 mẹ nó nằm": an oath's words on both sides of an emoji run are two phrases
      }
      Rating rating = capped(entry.category(), entry.rating(), startPos, endPos, ctx, contexts);
      byte kind = side ? MatchState.SIDE : (f & INFO_TARGET) != 0 ? MatchState.TARGET
          : properName(e, endPos, state.positions()) ? MatchState.NAME : MatchState.RULE;
      // the rule id is made from this lexicon's bytes only if someone asks for it (MatchState.candidateRule)
      state.addCandidate(kind, startPos, endPos, entry.category(), entry.severity(), rating, null, e);
    }
    for (; ph < pcount; ph++) {
      policyCandidate(state, policy, phits[ph], exc, exceptions, minStartFrom, ctx, contexts);
    }
  }

  /** A rule's tier, lowered by the context phrases within {@link #CONTEXT_WINDOW} syllables of its hit. */
  private Rating capped(Category category, Rating rating, int startPos, int endPos, Spans ctx, int contexts) {
    for (int i = lowerBound(ctx.end, contexts, startPos - CONTEXT_WINDOW); i < contexts
        && ctx.end[i] <= endPos + CONTEXT_WINDOW + MAX_CONTEXT_LENGTH; i++) {
      int gap = Math.max(0, Math.max(ctx.start[i] - endPos, startPos - ctx.end[i]));
      LexiconEntry c = entries[ctx.entry[i]];
      if (gap <= CONTEXT_WINDOW && c.contextCategories().contains(category)) {
        rating = rating.min(c.rating());
      }
    }
    return rating;
  }

  /**
   * The candidate of a policy's hit {@code hit}, if it is a deny phrase's: dropped inside an exception (the
   * lexicon's or the policy's allow phrases) as a lexicon rule is, capped by context phrases, and made with
   * {@link Severity#MEDIUM} and no entry of this lexicon ({@code -1}).
   */
  private void policyCandidate(MatchState state, PolicyPhrases policy, long hit, Spans exc, int exceptions,
      int[] minStartFrom, Spans ctx, int contexts) {
    int j = (int) hit;
    if (!policy.isDeny(j)) {
      return;
    }
    int endPos = (int) (hit >>> 32);
    int startPos = endPos - policy.length(j) + 1;
    if (minStartFrom[lowerBound(exc.end, exceptions, endPos)] <= startPos
        || straddles(exc, exceptions, startPos, endPos)) {
      return;
    }
    Category category = policy.category(j);
    Positions p = state.positions();
    if (category == Category.PROFANITY && emojiRunInside(p, startPos, endPos)) {
      return;
    }
    Rating rating = capped(category, policy.rating(j), startPos, endPos, ctx, contexts);
    byte kind = properName(policy.length(j), startPos, endPos, p) ? MatchState.NAME : MatchState.RULE;
    state.addCandidate(kind, startPos, endPos, category, Severity.MEDIUM, rating, policy.ruleId(j), -1);
  }

  /**
   * {@code spans} (the {@code n} exception or negation spans of the lexicon's hits) with those of a policy's
   * allow phrases merged in by their end: all of them, or ({@code negations}) those that start with a negation.
   */
  private static Spans withPolicy(Spans spans, int n, PolicyPhrases policy, long[] phits, int pcount,
      boolean negations) {
    int extra = 0;
    for (int h = 0; h < pcount; h++) {
      int j = (int) phits[h];
      extra += !policy.isDeny(j) && (!negations || policy.isNegation(j)) ? 1 : 0;
    }
    if (extra == 0) {
      return spans;   // made with exactly n spans
    }
    Spans out = new Spans(n + extra);
    int a = 0;
    int k = 0;
    for (int h = 0; h < pcount; h++) {
      int j = (int) phits[h];
      if (policy.isDeny(j) || negations && !policy.isNegation(j)) {
        continue;
      }
      int end = (int) (phits[h] >>> 32);
      for (; a < n && spans.end[a] <= end; a++, k++) {
        out.start[k] = spans.start[a];
        out.end[k] = spans.end[a];
        out.entry[k] = spans.entry[a];
      }
      out.start[k] = end - policy.length(j) + 1;
      out.end[k] = end;
      out.entry[k++] = -1;
    }
    for (; a < n; a++, k++) {
      out.start[k] = spans.start[a];
      out.end[k] = spans.end[a];
      out.entry[k] = spans.entry[a];
    }
    return out;
  }

  /** Pictographs (emoji, symbols) in a row that part the words on their two sides. */
  static final int EMOJI_RUN = 2;

  /**
   * Whether a run of {@value #EMOJI_RUN} pictographs or more (code points of type {@code OTHER_SYMBOL}:
   * emoji, with their variation selectors and joiners between them) stands between two syllables of
   * {@code first..last}. A profanity phrase read across one is dropped: a run of emoji ends what was being
   * said, as a full stop does ({@code 5 con 🐶🐶🐶🐶🐶 mẹ nó nằm cho con bú}: the puppies, then the dog's
   * mother). One emoji inside an oath ({@code địt 😡 mẹ}) is a mask and keeps it.
   */
  static boolean emojiRunInside(Positions p, int first, int last) {
    for (int i = first; i < last; i++) {
      int run = 0;
      for (int k = p.end(i), stop = p.start(i + 1); k < stop; k++) {
        char c = p.inputChar(k);
        int cp = c;
        if (Character.isHighSurrogate(c) && k + 1 < stop && Character.isLowSurrogate(p.inputChar(k + 1))) {
          cp = Character.toCodePoint(c, p.inputChar(k + 1));
          k++;
        }
        if (Character.getType(cp) == Character.OTHER_SYMBOL) {
          if (++run >= EMOJI_RUN) {
            return true;
          }
        } else if (cp != 0x200D && cp != 0xFE0F && cp != 0xFE0E && !Character.isWhitespace(cp)) {
          run = 0;
        }
      }
    }
    return false;
  }

  /** Characters that may stand between a call word and its number ({@code gọi: 09…}, {@code zalo - 09…}). */
  private static final int NUMBER_GAP = 3;

  /**
   * Whether a mobile number follows syllable {@code pos} in the text: after at most {@value #NUMBER_GAP}
   * spaces or punctuation, {@code 0} and nine more digits, or {@code +84} / {@code 84} and nine, with single
   * spaces, dots or dashes between groups; {@code x} or {@code *} stand for hidden digits after the first
   * two ({@code 09xx xxx xxx}). A switchboard ({@code 1900 …}, {@code 1800 …}) does not start with 0.
   */
  static boolean mobileNumberAfter(Positions p, int pos) {
    int n = p.inputLength();
    int k = p.end(pos);
    int gap = 0;
    while (k < n && gap <= NUMBER_GAP && !Character.isLetterOrDigit(p.inputChar(k)) && p.inputChar(k) != '+') {
      k++;
      gap++;
    }
    if (k >= n || gap > NUMBER_GAP) {
      return false;
    }
    int want;
    if (p.inputChar(k) == '+' || p.inputChar(k) == '8') {
      int skip = p.inputChar(k) == '+' ? 1 : 0;
      if (k + skip + 1 >= n || p.inputChar(k + skip) != '8' || p.inputChar(k + skip + 1) != '4') {
        return false;
      }
      k += skip + 2;
      want = 9;
      while (k < n && (p.inputChar(k) == ' ' || p.inputChar(k) == '.' || p.inputChar(k) == '-')) {
        k++;
      }
    } else if (p.inputChar(k) == '0') {
      want = 10;
    } else {
      return false;
    }
    int digits = 0;
    for (; k < n && digits < want; k++) {
      char c = p.inputChar(k);
      boolean digit = c >= '0' && c <= '9' || digits >= 2 && (c == 'x' || c == 'X' || c == '*');
      if (digit) {
        digits++;
      } else if (!((c == ' ' || c == '.' || c == '-') && digits > 0 && k + 1 < n
          && (Character.isDigit(p.inputChar(k + 1)) || "xX*".indexOf(p.inputChar(k + 1)) >= 0))) {
        break;
      }
    }
    return digits == want && (k >= n || !Character.isLetterOrDigit(p.inputChar(k)));
  }

  /** Whether one of the {@code n} spans holds {@code [start, end]} (negations are few: a plain scan). */
  private static boolean inside(Spans s, int n, int start, int end) {
    for (int i = 0; i < n; i++) {
      if (s.start[i] <= start && s.end[i] >= end) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one of the {@code n} exception spans starts before {@code start} and ends inside
   * {@code [start, end)}: the hit begins on a syllable the exception reads as its own (a bedtime story's
   * "ke chuyen truoc", where "chuyen truoc" would be "pay first"; "con chim to", where "chim to" would be
   * slang), so the exception's reading wins. A hit that begins where an exception begins, or holds it whole,
   * is not affected: such a rule extends the exception on purpose.
   */
  private static boolean straddles(Spans s, int n, int start, int end) {
    for (int i = lowerBound(s.end, n, start); i < n && s.end[i] < end; i++) {
      if (s.start[i] < start) {
        return true;
      }
    }
    return false;
  }

  /** {@code minStartFrom} of a text without exceptions: only its sentinel. */
  private static final int[] NO_EXCEPTIONS = {Integer.MAX_VALUE};

  /** The syllable spans of the hits of one kind (an {@code INFO_} flag), in the order of their ends. */
  private Spans spansOf(long[] hits, int count, int kind, int n) {
    Spans s = new Spans(n);
    int k = 0;
    for (int h = 0; h < count; h++) {
      int e = (int) hits[h];
      if ((info[e] & kind) != 0) {
        int endPos = (int) (hits[h] >>> 32);
        s.start[k] = endPos - (info[e] & INFO_LENGTH) + 1;
        s.end[k] = endPos;
        s.entry[k++] = e;
      }
    }
    return s;
  }

  /** Start and end positions, and the entry, of exception or context hits. */
  private static final class Spans {
    static final Spans NONE = new Spans(0);

    final int[] start;
    final int[] end;
    final int[] entry;

    Spans(int n) {
      start = new int[n];
      end = new int[n];
      entry = new int[n];
    }
  }

  /** Context phrases longer than this many syllables would be missed by the window search. */
  private static final int MAX_CONTEXT_LENGTH = 16;

  /** The first index below {@code size} whose value is {@code >= key} in an ascending array. */
  private static int lowerBound(int[] a, int size, int key) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

}
