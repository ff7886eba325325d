package vn.lanhmanh.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.Composition;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.concept.Register;
import vn.lanhmanh.internal.FindingList;
import vn.lanhmanh.internal.Lazy;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.LanguageCheck;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Syllables;
import vn.lanhmanh.text.Vocabulary;

/**
 * The "score" stage of a text check, after matching and composing: runs the offensive-span tagger over
 * the syllables (when on), adds a {@code model/offensive} finding for each span it marks that no lexicon
 * finding covers (when model findings are on), runs the message classifiers (when on), and gives every
 * category a score in [0, 1].
 *
 * <p>Scores: harassment and profanity get the tagger's calibrated probability that the text holds
 * offensive language (the category the tagger's head or the lexicon names gets it; the other keeps its
 * findings' score, never above it); with the classifiers on, every category they know gets its
 * calibrated probability (harassment and profanity: the higher of the two); the rest get a fixed value
 * from their findings' severity and tier (see {@code docs/MODEL.md}).
 *
 * <p>The tagger's findings never replace or lower a lexicon finding: a span the tagger marks that lexicon
 * findings cover wholly adds nothing; one with at least one syllable no lexicon finding covers is added
 * whole, next to the lexicon findings inside it. A span scoring at least the model's action threshold is rated {@link Rating#K} (a child
 * under 13 is warned); below it, {@link Rating#P} (reported, changes no action).
 *
 * <p>Classifiers whose file sets {@code lower.below} lower to {@link Rating#P} each lexicon or composition
 * finding below {@link Rating#C}, outside self-harm and personal information, in Vietnamese text
 * and within the syllables they read, whose category they score
 * under that bound (the finding stays, with its rule, span and severity); a C finding is never lowered, nor a
 * composed harassment finding of high severity (doxxing, impersonation, exposure, blackmail).
 * A classifier finding that nothing else supports (no lexicon or composition finding, no hit of a concept
 * its category's compositions use) and that scores under the file's {@code unsupported.below} is rated at
 * most {@link ClassifierModel#UNSUPPORTED_TIER}: a child under 13 is still stopped, a teenager is not; one of
 * a category rated K (social networks) makes no finding, and a self-harm finding keeps K. A
 * {@code model/sexual_minors} score under {@link #ADULT_BELOW} in a text where nothing is sexual (no sexual
 * lexicon or composition finding, no hit of a sexual concept, a sexual score under {@link #SEXUAL_CUE_SCORE} or
 * under the sexual classifier's own threshold)
 * makes no finding: a question about a child's school or age is not abuse; one in a text where nothing names a
 * child (no lexicon or composition finding of that category, no hit of {@code MINOR}, {@code SCHOOL} or
 * {@code MINOR_MEDIA}) becomes a {@code model/sexual} finding rated {@link Rating#T18}: adult content, not tier C.
 *
 * <p>A classifier finding of violence, drugs or gambling under 0.9 is not added in a text whose register keeps
 * the category's bare words at P (a game's mobs, a police report; {@link #withRegisters}) where no concept of
 * the category's compositions is hit: the register says of the score what it says of the words.
 *
 * <p>Sexual content and drugs have a lower threshold for a child's sake ({@link #SEXUAL_CHILD_THRESHOLD},
 * {@link #DRUGS_CHILD_THRESHOLD}): a finding scored between it and the file's own threshold is rated at most
 * {@link #CHILD_ONLY_TIER} and is never raised, so it stops a child under 13 and nobody older.
 *
 * <p>The classifiers add no finding of their own for a category the lexicon already reads in the text (a
 * lexicon or composition finding of it rated above P: its tier in context stands), none for profanity
 * (swearing is words, and the lexicon tells a swear from the innocent words that fold onto it), and in a
 * search query ({@link Source#SEARCH_QUERY}) none for conduct aimed at a reader ({@link #ADDRESSED}).
 *
 * <p>Thread-safe; the model is loaded on the first check. One scratch buffer per thread.
 */
public final class ScoreStage {

  /** Rule id of the tagger's findings. */
  public static final String RULE = "model/offensive";
  /** Rule id prefix of the message classifiers' findings: {@code model/<category>}. */
  public static final String CLASSIFIER_RULE_PREFIX = "model/";
  private static final int CATEGORIES = Category.values().length;
  private static final Category[] OFFENSIVE = {Category.HARASSMENT, Category.PROFANITY};
  private static final int SCRATCH_KEEP = 1 << 14;

  /**
   * What the stage returns: every finding (lexicon and model, by start offset) and the scores, one per
   * category by {@link Category#ordinal()} (a fresh array the caller may keep).
   */
  public record Scored(List<Finding> findings, double[] scores) {}

  /** The tagger's figures for one text, before they become findings and scores. */
  record Tagged(double offensive, Category top, List<Finding> added, double highestAdded) {}

  private final Supplier<TaggerModel> model;
  private final boolean modelFindings;
  private final Supplier<ClassifierModel> classifiers;
  /**
   * Per category (by ordinal), the concepts that its compositions use: a hit of one supports a classifier
   * finding of the category.
   */
  private final ConceptSet[] support;
  /**
   * Per category (by ordinal), the register concepts that keep its bare mentions at P even at tier C (a game,
   * a sport, police news, an awareness notice): see {@link #quieted}.
   */
  private final ConceptSet[] quiet;
  /** Per category, the register concepts that list it: any of them in a text keeps its windows' scores out. */
  private final ConceptSet[] registered;
  /** {@link #support} less what is no evidence by itself for a quieted score ({@link #WHO} for drugs). */
  private final ConceptSet[] evidence;
  /**
   * Per category (by ordinal) and support concept (by bit), the registers that cancel every composition of the
   * category that uses the concept, or null when none does: such a concept hit beside such a register is no
   * evidence for a quieted score ({@link #quieted}).
   */
  private final ConceptSet[][] cancelledBy;
  /**
   * Per row of {@link RegisterQuieting} (by index), the concepts of the row's category's compositions that keep its
   * classifier finding: all but those the row does not count. Read through {@link #registerKept(int)}.
   */
  private final ConceptSet[] registerKept;
  /** The drugs evidence less the drink or tobacco named ({@link Concept#ALCOHOL_TOBACCO}): what keeps a score in a lesson. */
  final ConceptSet cautionEvidence;
  private final ThreadLocal<Features.Buffer> scratch = ThreadLocal.withInitial(Features.Buffer::new);
  private final ThreadLocal<ClassifierScratch> classifierScratch = ThreadLocal.withInitial(ClassifierScratch::new);
  /** The classifiers' features of the vocabulary last checked with (made once per vocabulary). */
  private volatile MessageFeatures.Syllables syllables;

  /** Per-thread scratch of the message classifiers. */
  private static final class ClassifierScratch {
    final MessageFeatures.Buffer features = new MessageFeatures.Buffer();
    final double[] logits = new double[CATEGORIES];
    /** The calibrated scores, by the model's category order. */
    final double[] probs = new double[CATEGORIES];
    final long[] acc = new long[ClassifierModel.ACC];
    /** The highest calibrated score of any window of a long text, by the model's category order. */
    final double[] window = new double[CATEGORIES];
    /** The logits of one window. */
    final double[] windowLogits = new double[CATEGORIES];
    /** Where in the text the sentence of {@link #window}'s score starts and ends, by the model's category order. */
    final int[] windowStart = new int[CATEGORIES];
    final int[] windowEnd = new int[CATEGORIES];
    /**
     * The sentences {@link #windowScores} read in the check at hand, in text order ({@link #sentences} of them,
     * 0 when it read none): each sentence's positions {@code [sentenceFrom, sentenceTo)} and its logits by the
     * model's category order at {@code sentenceLogits[i * CATEGORIES]}, which {@link #sentenceScore} reuses for a
     * finding inside one sentence. Cleared by each check's {@code classify}, and dropped there after a text of
     * more than {@link #KEEP_SENTENCES} sentences (at most {@value MessageFeatures#MAX_POSITIONS} are read).
     */
    int sentences;
    int[] sentenceFrom = new int[16];
    int[] sentenceTo = new int[16];
    double[] sentenceLogits = new double[16 * CATEGORIES];

    void keepSentence(int from, int to, double[] logits, int categories) {
      int i = sentences;
      if (i == sentenceFrom.length) {
        sentenceFrom = Arrays.copyOf(sentenceFrom, i * 2);
        sentenceTo = Arrays.copyOf(sentenceTo, i * 2);
        sentenceLogits = Arrays.copyOf(sentenceLogits, i * 2 * CATEGORIES);
      }
      sentenceFrom[i] = from;
      sentenceTo[i] = to;
      System.arraycopy(logits, 0, sentenceLogits, i * CATEGORIES, categories);
      sentences = i + 1;
    }

    /** The index of the kept sentence {@code [from, to)}, or -1. */
    int keptSentence(int from, int to) {
      int i = Arrays.binarySearch(sentenceFrom, 0, sentences, from);
      return i >= 0 && sentenceTo[i] == to ? i : -1;
    }

    static final int KEEP_SENTENCES = 256;

    void trimSentences() {
      if (sentenceFrom.length > KEEP_SENTENCES) {
        sentenceFrom = new int[16];
        sentenceTo = new int[16];
        sentenceLogits = new double[16 * CATEGORIES];
      }
    }
    /** The score at hand, as the quieting rules read it: filled for each score, never made again. */
    final Quieting.Check check = new Quieting.Check();
  }

  private ScoreStage(Supplier<TaggerModel> model, boolean modelFindings, Supplier<ClassifierModel> classifiers,
      ConceptSet[] support, ConceptSet[] quiet, ConceptSet[][] cancelledBy, ConceptSet[] registered) {
    this.registered = registered;
    this.cancelledBy = cancelledBy;
    this.model = model;
    this.modelFindings = modelFindings;
    this.classifiers = classifiers;
    this.support = support;
    this.quiet = quiet;
    this.evidence = support.clone();
    evidence[Category.DRUGS.ordinal()] = support[Category.DRUGS.ordinal()].andNot(WHO);
    List<RegisterQuieting.Row> rows = RegisterQuieting.rows();
    this.registerKept = new ConceptSet[rows.size()];
    for (int i = 0; i < registerKept.length; i++) {
      registerKept[i] = support[rows.get(i).category().ordinal()].andNot(rows.get(i).notCounted());
    }
    this.cautionEvidence = evidence[Category.DRUGS.ordinal()].andNot(ConceptSet.of(Concept.ALCOHOL_TOBACCO));
  }

  /** The concepts that keep the classifier finding of row {@code row} of {@link RegisterQuieting#rows()}. */
  ConceptSet registerKept(int row) {
    return registerKept[row];
  }

  private ScoreStage(Supplier<TaggerModel> model, boolean modelFindings, Supplier<ClassifierModel> classifiers) {
    this(model, modelFindings, classifiers, noSupport(), noSupport(), new ConceptSet[CATEGORIES][], noSupport());
  }

  private static ConceptSet[] noSupport() {
    ConceptSet[] none = new ConceptSet[CATEGORIES];
    Arrays.fill(none, ConceptSet.EMPTY);
    return none;
  }

  /**
   * This stage with the compositions whose concepts support a classifier finding: a hit of a concept that a
   * composition of category X uses supports a {@code model/X} finding (see {@link ClassifierModel#unsupportedBelow}).
   */
  public ScoreStage withSupport(List<Composition> compositions) {
    ConceptSet[] bits = noSupport();
    ConceptSet[][] cancel = new ConceptSet[CATEGORIES][];
    for (Composition c : compositions) {
      int cat = c.category().ordinal();
      bits[cat] = bits[cat].or(ConceptSet.of(c.concepts()));
      if (cancel[cat] == null) {
        cancel[cat] = new ConceptSet[ConceptSet.CAPACITY];
      }
      ConceptSet unless = ConceptSet.of(c.unless());
      for (Concept k : c.concepts()) {
        ConceptSet was = cancel[cat][k.ordinal()];
        cancel[cat][k.ordinal()] = was == null ? unless : was.and(unless);   // what cancels every one of them
      }
    }
    return new ScoreStage(model, modelFindings, classifiers, bits, quiet, cancel, registered);
  }

  /**
   * This stage with the registers that quiet a classifier finding of a bare-mention category ({@link #QUIETED}):
   * a register that keeps the category's bare findings at P, tier C included (see {@link #quieted}).
   */
  public ScoreStage withRegisters(List<Register> registers) {
    ConceptSet[] bits = noSupport();
    ConceptSet[] listed = noSupport();
    for (Register r : registers) {
      for (Category c : r.categories()) {
        listed[c.ordinal()] = listed[c.ordinal()].with(r.register());
      }
      if (r.cap() == Rating.P && r.lowersC()) {
        for (Category c : r.categories()) {
          if (QUIETED.contains(c)) {
            bits[c.ordinal()] = bits[c.ordinal()].with(r.register());
          }
        }
      }
    }
    return new ScoreStage(model, modelFindings, classifiers, support, bits, cancelledBy, listed);
  }

  /** The categories of bare mentions that a register quiets: violence, drugs and gambling. */
  static final Set<Category> QUIETED = EnumSet.of(Category.VIOLENCE, Category.DRUGS, Category.GAMBLING);

  /**
   * Whether a classifier finding of {@code c} is quieted by context: the text is in a register that keeps the
   * category's bare words at P ("giết creeper" in a game, a police report of a gambling bust) and no concept of
   * the category's compositions is hit (a weapon, a beating, a sale would speak for the score), except a concept
   * whose every composition a register in the text cancels: a betting offer named in a teacher's warning or a
   * child's report ({@code BET_OFFER} beside {@code AWARENESS}) composes nothing there, so it is no evidence
   * either (thirty-fourth round). The caller quiets only a score under 0.9 (a finding of low or medium
   * severity): the rule {@code Quieting.BARE_MENTION_IN_REGISTER}.
   */
  boolean quieted(Category c, MatchState state) {
    return state.anyConcept(quiet[c.ordinal()]) && !evidenced(c, state);
  }

  /** Whether a concept of {@code c}'s evidence is hit that no register in the text cancels everywhere. */
  boolean evidenced(Category c, MatchState state) {
    ConceptSet ev = evidence[c.ordinal()];
    ConceptSet[] cancel = cancelledBy[c.ordinal()];
    for (int k = 0; !ev.isEmpty() && k < state.conceptCount(); k++) {
      for (int w = 0; w < ConceptSet.WORDS; w++) {
        for (long m = state.conceptWord(k, w) & ev.word(w); m != 0; m &= m - 1) {
          ConceptSet by = cancel == null ? null : cancel[w * 64 + Long.numberOfTrailingZeros(m)];
          if (by == null || by.isEmpty() || !state.anyConcept(by)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The model shipped in the jar, loaded on first use. */
  public static ScoreStage embedded(boolean modelFindings) {
    return new ScoreStage(new Lazy<>(TaggerModel::embedded), modelFindings, null);
  }

  /** A model trained by {@code lanhmanh train}. */
  public static ScoreStage of(TaggerModel model, boolean modelFindings) {
    Objects.requireNonNull(model, "model");
    return new ScoreStage(() -> model, modelFindings, null);
  }

  /** No tagger: scores come from the findings only, and no finding is added. */
  public static ScoreStage withoutModel() {
    return new ScoreStage(null, false, null);
  }

  /** This stage with the classifiers shipped in the jar, loaded on first use. */
  public ScoreStage withEmbeddedClassifiers() {
    return new ScoreStage(model, modelFindings, new Lazy<>(ClassifierModel::embedded), support, quiet, cancelledBy,
        registered);
  }

  /** This stage with classifiers trained by {@code lanhmanh train}. */
  public ScoreStage withClassifiers(ClassifierModel classifiers) {
    Objects.requireNonNull(classifiers, "classifiers");
    return new ScoreStage(model, modelFindings, () -> classifiers, support, quiet, cancelledBy, registered);
  }

  /** Whether message classifiers run. */
  public boolean hasClassifiers() {
    return classifiers != null;
  }

  /** Loads the classifiers now (otherwise the first check does), and returns them; null without. */
  public ClassifierModel loadClassifiers() {
    return classifiers == null ? null : classifiers.get();
  }

  /** Whether model findings are added to verdicts. */
  public boolean modelFindings() {
    return modelFindings;
  }

  /** Whether a tagger runs at all. */
  public boolean hasModel() {
    return model != null;
  }

  /** Loads the model now (otherwise the first check does), and returns it; null without a model. */
  public TaggerModel load() {
    return model == null ? null : model.get();
  }

  /** The scores of a text without findings when no model runs: all zero, shared, never written. */
  private static final double[] NO_SCORES = new double[CATEGORIES];

  /**
   * Scores a text.
   *
   * @param state the text's syllables and concept hits, as the matcher and the composer left them
   * @param findings the findings so far, by start offset
   */
  public Scored score(String text, MatchState state, Vocabulary vocab, List<Finding> findings) {
    return score(text, state, vocab, findings, Source.MESSAGE);
  }

  /** Where a scored text comes from: what the classifiers may conclude from it depends on who wrote it to whom. */
  public enum Source {
    /** A message or page shown to the viewer. */
    MESSAGE,
    /**
     * A message of a conversation: the grooming classifier's finding is rated {@link Rating#P} (reported, no
     * action of its own); its score feeds the conversation's risk, which sets the action for grooming across
     * messages. A {@code model/dating} finding and a
     * {@code model/social} finding, at any score, are made only when something else in the message supports
     * them (a lexicon finding; for social also a private app named, {@code PRIVATE_CHANNEL}). A
     * {@code model/harassment} finding that nothing the lexicon reads backs (see {@code backed}) is rated
     * {@link Rating#P}: friends' "mày …" with no insult in it. A {@code sexual_minors} classifier finding needs a
     * sexual cue at any score (see {@link #CHILD_IN_CONVERSATION}; here a scene he asks to see, the child bathing or
     * changing, counts as one): a question about the child's age or grade, or
     * "older ones with the little ones" at a meet-up, is the conversation's age stage, read across messages, not
     * sexual content of minors in the message. A {@code scam} finding under near certainty in a message that asks
     * nothing a scam needs (see {@code asks}) and that no lexicon or composition finding backs is not made: a
     * classmate's "my brother topped up 500 coins for me", a police officer introducing himself; the message that
     * asks is checked.
     */
    CONVERSATION,
    /**
     * A message the child wrote, in a conversation: as {@link #CONVERSATION}, and a {@code sexual_minors}
     * classifier finding needs a sexual cue at any score, since a child's own age and grade ("lớp 8 a, 14
     * tuổi", which the classifier scores 1.00) are not sexual content of minors, nor a C-tier incident; and
     * the scam classifier makes no finding: a scam is asked of the child in the other party's messages, and
     * her own answer about an order or an account ("em đặt bằng tài khoản của mẹ ạ") is none. A
     * {@code model/violence} finding that nothing the lexicon reads backs, in a message that addresses nobody
     * with a rude second-person pronoun, is rated {@link #VENTING_TIER} at most: her anger told to a parent; with
     * no concept of the violence compositions in view either (no beating, weapon or threat named: "t biết") it
     * is not made. A {@code sexual} or {@code drugs} finding with a low score only (under the file's threshold, or
     * under {@code ClassifierModel#unsupportedBelow}) that nothing in her message supports is not made: "mình muốn thử"
     * answered to an offer is not drugs; what is offered to her is read in the other party's messages.
     */
    CHILD_IN_CONVERSATION,
    /**
     * The query of a search-engine URL: the viewer's own words to a search engine, not a message to the viewer,
     * so the classifiers of conduct aimed at a reader ({@link #ADDRESSED}: scam, grooming, harassment, dating,
     * social) make no finding there; their scores are kept, and content categories (sexual, drugs, self-harm
     * and the others) make findings as in a message.
     */
    SEARCH_QUERY;

    /** Whether the text is a message of a conversation, whoever wrote it. */
    boolean inConversation() {
      return this == CONVERSATION || this == CHILD_IN_CONVERSATION;
    }
  }

  /** Categories of conduct aimed at the reader of a message: no classifier finding in a search query. */
  static final Set<Category> ADDRESSED = EnumSet.of(Category.SCAM, Category.GROOMING,
      Category.HARASSMENT, Category.DATING, Category.SOCIAL);

  /** Scores a text that comes from {@code source}. */
  public Scored score(String text, MatchState state, Vocabulary vocab, List<Finding> findings, Source source) {
    if (model == null && classifiers == null) {
      // Most texts have no finding: their scores are all zero, one shared array that nobody writes.
      return new Scored(findings, findings.isEmpty() ? NO_SCORES : fromFindings(findings));
    }
    double[] scores = fromFindings(findings);
    List<Finding> added = List.of();
    if (model != null) {
      Features.Buffer b = scratch.get();
      Tagged t;
      try {
        TaggerModel m = model.get();
        PositionTags tags = m.conceptTags ? b.conceptTags(state) : PositionTags.NONE;
        t = tag(m, text, state.positions(), vocab, findings, tags, b, modelFindings);
      } finally {
        b.trim(SCRATCH_KEEP);
      }
      for (Category c : OFFENSIVE) {
        int k = c.ordinal();
        scores[k] = c == t.top() ? t.offensive() : Math.min(scores[k], t.offensive());
      }
      added = t.added();
    }
    List<Finding> all = findings;
    if (classifiers != null) {
      ClassifierModel m = classifiers.get();
      added = classify(m, text, state, vocab, findings, scores, added, source);
      all = lower(m, findings, scores, text, state, vocab, syllables, classifierScratch.get());
    }
    if (!added.isEmpty()) {
      all = FindingList.merged(all, added);   // by start, the lexicon's first at the same start
    }
    return new Scored(all, scores);
  }

  /**
   * Runs the message classifiers: each category's calibrated score replaces the fixed value from its
   * findings (for harassment and profanity with the tagger on, the higher of the two), and a category whose
   * score reaches its threshold gets a {@code model/<category>} finding over the whole text, unless a rule
   * of the table {@link Quieting} takes it away (the lexicon reads the category, profanity, a register, the
   * source of the text, nothing that backs the score: each rule with its categories, condition and reason).
   * The finding's tier is the file's, or raised ({@link #raisedTier}), then adjusted in order: a
   * {@code sexual_minors} score where nothing names a child becomes adult sexual content (T18); peers' words
   * in a conversation that nothing the lexicon reads backs are lowered; grooming in a conversation is P; a low
   * score that nothing supports is at most {@link ClassifierModel#UNSUPPORTED_TIER}; a score reached only by a
   * child's threshold is at most {@link #CHILD_ONLY_TIER}.
   *
   * @return {@code added} with the classifiers' findings appended
   */
  private List<Finding> classify(ClassifierModel m, String text, MatchState state, Vocabulary vocab,
      List<Finding> findings, double[] scores, List<Finding> added, Source source) {
    ClassifierScratch s = classifierScratch.get();
    s.sentences = 0;   // the sentences of the last check are not this text's
    s.trimSentences();
    MessageFeatures.Syllables known = syllables;
    if (known == null || known.vocabulary != vocab || known.mask != m.mask) {
      known = MessageFeatures.Syllables.of(vocab, m.mask);
      syllables = known;
    }
    MessageFeatures.Summed sums = known.summed(m);
    if (sums == null) {
      MessageFeatures.extract(text, state, vocab, findings, m.mask, m.knownChar3, m.conceptContext, m.address,
          known, s.features, 0, -1);
      m.logits(s.features, s.logits, s.acc);
    } else {
      MessageFeatures.extract(text, state, vocab, findings, sums, s.features);
      m.logits(s.features, s.features.summed, s.logits, s.features.totals);
    }
    s.features.trim(SCRATCH_KEEP);
    List<Finding> out = added;
    double[] probs = s.probs;
    for (int k = 0; k < m.categories.length; k++) {   // all the calibrations first: a loop with little live
      probs[k] = m.calibrate(k, s.logits[k]);
    }
    // A long text is also read sentence by sentence: a harm told in one sentence among innocent ones is diluted
    // in the whole text's score (docs/ENGINE.md, "Decisions of the fiftieth round (long posts)").
    boolean windowed = source == Source.MESSAGE && windowScores(m, text, state, vocab, findings, known, s);
    Quieting.Check check = s.check;
    check.text(this, m, probs, text, state, vocab, findings, source);
    try {
      for (int k = 0; k < m.categories.length; k++) {
        Category c = m.categories[k];
        double p = probs[k];
        double threshold = threshold(m, k, state);
        boolean reached = p >= threshold;
        int i = c.ordinal();
        boolean tagged = model != null && (c == Category.HARASSMENT || c == Category.PROFANITY);
        scores[i] = tagged ? Math.max(scores[i], p) : p;
        boolean window = false;
        if (!reached && windowed && s.window[k] >= threshold
            && !state.anyConcept(windowQuiet(c))) {
          p = s.window[k];   // one sentence of a long text reads as harm that the rest of it dilutes
          reached = true;
          window = true;
        }
        if (!reached || text.isEmpty()) {
          continue;
        }
        // Self-harm with its means named (pills, a blade, a rope, a cut, a lethal dose) is rated as instructions
        // are (T18), not as a disclosure (K), unless the text reports, teaches or warns; the lexicon's K reading
        // of the same text does not stop that. Drugs offered for sale (a price, a transfer, "ib", "ship") are
        // rated as the sale compositions are (C), not as talk of drugs (T18), unless the text reports, teaches or
        // warns. A score under the file's own threshold reached only by a child's threshold is never raised.
        boolean childOnly = p < m.threshold[k] && CHILD_ONLY.contains(c);
        Rating raised = childOnly ? null : raisedTier(c, state, vocab);
        boolean raise = raised != null && !covered(findings, c, raised);
        Severity sev = p >= 0.9 ? Severity.HIGH : p >= 0.7 ? Severity.MEDIUM : Severity.LOW;
        check.score(c, p, sev, raise, childOnly);
        if (Quieting.first(check) != null) {
          continue;   // the score stays; the table says why no finding is made
        }
        Rating tier = raise ? raised : m.tier[k];
        // Tier 1. A sexual_minors score under near certainty where nothing names a child: adult sexual content, one
        // finding of it at most.
        if (c == Category.SEXUAL_MINORS && p < ADULT_BELOW && !minorCue(findings, state)) {
          c = Category.SEXUAL;
          tier = Rating.T18;
          if (covered(findings, c, tier) || hasModelFinding(out, c)) {
            continue;
          }
        } else if (c == Category.SEXUAL && hasModelFinding(out, c)) {
          continue;
        }
        // Tier 2. Peers' words in a conversation that nothing the lexicon reads backs (no insult, threat or beating
        // that the lexicon or a composition reads, only the score; a pronoun of address is no insult here): two
        // friends' "mày nhìn nó hoài" is harassment at P, and a child's "em muốn đập tụi nó một trận" told to her
        // sister, addressing nobody with "mày" ("nó", "tụi nó"), is violence at VENTING_TIER at most (with no
        // beating, weapon or threat named the table took it away: CHILD_ANGER_NAMES_NOTHING). The same words to
        // "mày" are a threat sent to its target and keep their tier. Bullying and threats in a chat say what they
        // do in words the lexicon reads.
        boolean peerWords = false;
        if (source.inConversation() && (c == Category.HARASSMENT || c == Category.VIOLENCE)
            && !backed(c, findings, state)) {
          if (c == Category.HARASSMENT) {
            tier = Rating.P;
            peerWords = true;
          } else if (source == Source.CHILD_IN_CONVERSATION && !addressed(state.positions(), vocab)) {
            tier = tier.compareTo(VENTING_TIER) > 0 ? VENTING_TIER : tier;
            peerWords = true;
          }
        }
        // Tier 3. Grooming in a conversation is reported at P: the conversation's risk sets the action. Otherwise,
        // nothing but a low score: a block only for a child (T13), and no warning at all (no finding; the score
        // stays); a self-harm finding always warns, with help.
        if (source.inConversation() && c == Category.GROOMING) {
          tier = Rating.P;
        } else if (!peerWords && p < m.unsupportedBelow && !supported(c, findings, state)) {
          if (tier.compareTo(ClassifierModel.UNSUPPORTED_TIER) > 0) {
            tier = ClassifierModel.UNSUPPORTED_TIER;
          } else if (tier == Rating.K && c != Category.SELF_HARM) {
            continue;
          }
        }
        // Tier 4. A score between the child's threshold and the file's own stops a child under 13 and nobody older.
        if (childOnly && tier.compareTo(CHILD_ONLY_TIER) > 0) {
          tier = CHILD_ONLY_TIER;
        }
        if (out == added) {
          out = new ArrayList<>(added);
        }
        // a score of the whole text covers it; a sentence's score covers that sentence
        int from = window ? s.windowStart[k] : 0;
        int to = window ? s.windowEnd[k] : text.length();
        out.add(new Finding(c, sev, tier, CLASSIFIER_RULE_PREFIX + c.jsonName(), from, to,
            window ? text.substring(from, to) : text));
        if (window) {
          scores[i] = Math.max(scores[i], p);
        }
      }
    } finally {
      check.clear();
    }
    return out;
  }

  /**
   * Lowers to tier P every lexicon or composition finding that the classifiers contradict: its category has
   * a classifier whose calibrated score (for harassment and profanity with the tagger on, the higher of the
   * two) is under the model's {@link ClassifierModel#lowerBelow}, and it is rated above P and below C. Tier C
   * findings, self-harm (a policy warns on any of it) and personal information are never lowered, nor model
   * findings. The finding stays in the verdict with its rule, span, severity and category.
   *
   * <p>Nothing is lowered in a text in a language the classifiers were not trained on (English threats and
   * swearing, {@link LanguageCheck}), nor a finding that ends after the syllables the classifiers read
   * (the first {@value MessageFeatures#MAX_POSITIONS} of a long text), nor a finding written in disguise
   * ({@link #disguised}): their low scores say nothing there.
   *
   * <p>In a text of several sentences the whole text's score is diluted by the sentences around the finding
   * (a post about a school camp with one line of bullying in it, a story of a summer with one line of
   * cruelty to an animal): such a finding is lowered only when the classifier also reads its own sentence
   * (the sentences its span lies in) as harmless ({@link #sentenceScore}). The thresholds and weights are
   * the model's; only the stretch of text they read changes.
   *
   * @return {@code findings}, or a copy with the lowered findings replaced
   */
  private static List<Finding> lower(ClassifierModel m, List<Finding> findings, double[] scores, String text,
      MatchState state, Vocabulary vocab, MessageFeatures.Syllables known, ClassifierScratch s) {
    double below = m.lowerBelow;
    if (below <= 0 || findings.isEmpty()) {
      return findings;
    }
    List<Finding> out = findings;
    Positions p = state.positions();
    int read = p.size() <= MessageFeatures.MAX_POSITIONS ? Integer.MAX_VALUE
        : p.end(MessageFeatures.MAX_POSITIONS - 1);
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (lowerable(m, f) && scores[f.category().ordinal()] < below && f.end() <= read
          && !disguised(text, f.start(), f.end()) && !englishOath(f, text, p) && !openingOath(f, text, p)
          && sentenceScore(m, f, findings, text, state, vocab, known, s) < below) {
        if (out == findings) {
          if (LanguageCheck.note(text, vocab, state.positions()) != null) {
            return findings;
          }
          out = FindingList.mutableCopy(findings);
        }
        out.set(i, new Finding(f.category(), f.severity(), Rating.P, f.rule(), f.start(), f.end(), f.match()));
      }
    }
    return out;
  }

  /**
   * Whether {@code f} is a profanity finding whose every syllable cannot be a Vietnamese syllable ({@code fuck},
   * {@code shit}, {@code fucking}: an English swear, in ASCII letters with a vowel, not the consonant-only teencode
   * {@code đm}, {@code vcl}, {@code wtf}) and which opens its sentence: an oath said before a complaint
   * written in Vietnamese ({@code Fuck cái luật mới, …}). The classifiers read the complaint after it, whose words
   * are harmless, so their low score says nothing about the oath (thirty-second round). An English word inside a
   * sentence (a film's title, a word quoted in a lesson) is read as before.
   */
  static boolean englishOath(Finding f, String text, Positions p) {
    if (f.category() != Category.PROFANITY) {
      return false;
    }
    boolean vowel = false;
    for (int k = f.start(); k < f.end(); k++) {
      char c = Character.toLowerCase(text.charAt(k));
      if (c != ' ' && (c < 'a' || c > 'z')) {
        return false;   // a Vietnamese letter (đm, vcl with a stroke): teencode the classifiers read
      }
      vowel |= Syllables.vowel(c);
    }
    if (!vowel) {
      return false;     // consonants only (dm, vcl, wtf): teencode, read as before
    }
    int first = firstSyllable(p, f.start(), p.size());
    int last = lastSyllable(p, f.end(), p.size());
    if (first < 0 || last < first || (first > 0 && !p.sentenceStart(first))) {
      return false;
    }
    for (int i = first; i <= last; i++) {
      if (p.vietnameseShape(i) || p.hasDigit(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code f} is a profanity finding that opens its sentence and is written with its marks ({@code đéo hỉu
   * sao …}, {@code thằg chó chết nào …}): an oath said by the writer before a complaint, which the classifiers read
   * over the harmless complaint after it (fortieth round: "đéo" before a long grumble about a husband's socks scored
   * 0.19 and was lowered to P). A swear written without marks may be the everyday word it folds to ({@code lon},
   * {@code deo}), and a swear inside or at the end of a sentence is read as before.
   */
  static boolean openingOath(Finding f, String text, Positions p) {
    if (f.category() != Category.PROFANITY || f.severity() == Severity.LOW) {
      return false;   // a mild oath (vãi) is the classifiers' to weigh
    }
    int first = firstSyllable(p, f.start(), p.size());
    int last = lastSyllable(p, f.end(), p.size());
    if (first < 0 || last < first || (first > 0 && !p.sentenceStart(first)) || p.start(first) != f.start()) {
      return false;
    }
    boolean vowel = false;
    boolean marked = false;   // the word being read has a letter with a mark (a typo's "thằg" keeps its "ằ")
    for (int k = f.start(); k < f.end(); k++) {
      char c = text.charAt(k);
      boolean letterWithMark = Character.isLetter(c) && c > 'z';   // ă, ằ, ơ, đ …
      if (Character.isWhitespace(c)) {
        if (!marked) {
          return false;
        }
        marked = false;
      } else if (letterWithMark) {
        marked = true;
      }
      vowel |= letterWithMark ? c != 'đ' && c != 'Đ' : Syllables.vowel(Character.toLowerCase(c));
    }
    return marked && vowel;   // consonant-only teencode (đm, đcm) is read by the classifiers as before
  }

  /**
   * The first of the syllables {@code [0, size)} that ends after {@code start}, or -1. By halving: syllables are
   * in text order, so their ends never decrease (a walk from the first syllable for each finding made a text
   * dense with findings cost their number times its length).
   */
  static int firstSyllable(Positions p, int start, int size) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (p.end(mid) > start) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo < size ? lo : -1;
  }

  /** The last of the syllables {@code [0, size)} that begins before {@code end}, or -1; by halving, as above. */
  static int lastSyllable(Positions p, int end, int size) {
    return Features.firstAtOrAfter(p, size, end) - 1;
  }

  /**
   * The sentences from which the classifiers also read each sentence of a text alone ({@link #windowScores}): a
   * quoted line and its speaker, or a chat message in two parts, are read whole only (as {@link #LONG_SENTENCES}).
   */
  static final int WINDOW_SENTENCES = 3;

  /** Every register concept: what keeps the windows of a category that no register lists out of a text. */
  static final ConceptSet REGISTERS = registers();

  private static ConceptSet registers() {
    ConceptSet all = ConceptSet.EMPTY;
    for (Concept c : Concept.values()) {
      if (c.isRegister()) {
        all = all.with(c);
      }
    }
    return all;
  }

  /**
   * The categories read from feelings and approaches, whose windows any register in the text keeps out (a diary's
   * sad line before the mother comes in, a coach's health check in a sport's post), and whose window must itself
   * name a sign of the category ({@link #windowSigns}).
   */
  static final Set<Category> WINDOW_SIGNED = EnumSet.of(Category.SELF_HARM, Category.GROOMING);

  /**
   * The concrete signs of self-harm a sentence read alone must name for its self-harm score to count: means, a lethal
   * dose, an injury, a jump, vanishing, a farewell (not a burden or distress alone: "nobody notices me" in a story
   * that ends well).
   */
  static final ConceptSet SELF_HARM_WINDOW_SIGNS = ConceptSet.of(Concept.MEANS, Concept.LETHAL,
      Concept.SELF_INJURY, Concept.JUMP, Concept.DISAPPEAR, Concept.FAREWELL);

  /** The concepts of which a sentence read alone must hold one for its score of {@code c} to count; null: none asked. */
  private static ConceptSet windowSigns(Category c) {
    return switch (c) {
      case SELF_HARM -> SELF_HARM_WINDOW_SIGNS;
      case GROOMING -> GROOMING_SIGNS;
      default -> null;
    };
  }

  /**
   * The register concepts whose presence anywhere in a text keeps the sentence scores of {@code c} out: the
   * registers that list {@code c} (police news for drugs, a sport for violence), or every register for a category
   * read from feelings and approaches ({@link #WINDOW_SIGNED}) or one that no register lists (dating, social).
   */
  private ConceptSet windowQuiet(Category c) {
    ConceptSet listed = registered[c.ordinal()];
    return WINDOW_SIGNED.contains(c) || listed.isEmpty() ? REGISTERS : listed;
  }

  /** Whether a concept of {@code set} is hit wholly inside positions {@code [from, to)}. */
  static boolean conceptIn(MatchState state, ConceptSet set, int from, int to) {
    // the hits come in the order of their last syllable: those ending inside the stretch are a run
    for (int k = MessageFeatures.firstConceptEndingAt(state, from); !set.isEmpty() && k < state.conceptCount()
        && state.conceptEndPos(k) < to; k++) {
      if (state.conceptStartPos(k) >= from && state.hasConcept(k, set)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fills {@code s.window} with each category's highest calibrated score over the sentences of a long text, each
   * read as if it were the whole text (its syllables, the concept hits and findings inside it: the same features
   * as {@link #sentenceScore} reads), with the model's own weights and calibration; a sentence counts for a
   * category of {@link #WINDOW_SIGNED} only when it names a sign of it ({@link #windowSigns}). Returns false, and
   * reads nothing, for a text of fewer than {@link #WINDOW_SENTENCES} sentences among the syllables the classifiers
   * read: a chat message or a single sentence costs one loop over at most that many sentence starts.
   */
  static boolean windowScores(ClassifierModel m, String text, MatchState state, Vocabulary vocab,
      List<Finding> findings, MessageFeatures.Syllables known, ClassifierScratch s) {
    Positions p = state.positions();
    int size = Math.min(p.size(), MessageFeatures.MAX_POSITIONS);
    int sentences = 1;
    for (int i = 1; i < size && sentences < WINDOW_SENTENCES; i++) {
      sentences += p.sentenceStart(i) ? 1 : 0;
    }
    if (sentences < WINDOW_SENTENCES) {
      return false;
    }
    Arrays.fill(s.window, 0, m.categories.length, 0.0);
    MessageFeatures.Syllables syl = readable(known, vocab, m);
    MessageFeatures.Summed sums = syl == null ? null : syl.summed(m);
    int from = 0;
    for (int i = 1; i <= size; i++) {
      if (i == size || p.sentenceStart(i)) {
        windowScore(m, text, state, vocab, findings, syl, sums, s, from, i);
        from = i;
      }
    }
    s.features.trim(SCRATCH_KEEP);
    return true;
  }

  /** Reads positions {@code [from, to)} alone and keeps each category's score in {@code s.window} if higher. */
  private static void windowScore(ClassifierModel m, String text, MatchState state, Vocabulary vocab,
      List<Finding> findings, MessageFeatures.Syllables syl, MessageFeatures.Summed sums, ClassifierScratch s,
      int from, int to) {
    stretchLogits(m, text, state, vocab, findings, syl, sums, s, from, to, s.windowLogits);
    s.keepSentence(from, to, s.windowLogits, m.categories.length);
    for (int k = 0; k < m.categories.length; k++) {
      double q = m.calibrate(k, s.windowLogits[k]);
      if (q > s.window[k]) {
        ConceptSet signs = windowSigns(m.categories[k]);
        if (signs == null || conceptIn(state, signs, from, to)) {
          s.window[k] = q;
          s.windowStart[k] = state.positions().start(from);
          s.windowEnd[k] = state.positions().end(to - 1);
        }
      }
    }
  }

  /** The sentences from which a text is long enough for {@link #sentenceScore} to read a sentence alone. */
  static final int LONG_SENTENCES = 3;

  /**
   * The syllables from which a sentence is long enough for {@link #sentenceScore} to read a profanity finding in
   * its first clause over that clause alone: an oath opens its sentence as a clause of its own ({@code Mẹ nó chứ,
   * …}), and a long sentence after it dilutes the score of the whole sentence as more sentences do. A word inside
   * or at the end of a long sentence (a list of diseases, initials in a list of names) is read with its sentence.
   */
  static final int LONG_CLAUSES = 30;

  /** The most syllables of a first clause read as an oath by {@link #oathClause}: {@code Cặc,}, {@code Chó chết thật,}. */
  static final int OATH_SYLLABLES = 3;

  /**
   * Whether the sentence {@code [from, to)} opens with a clause of at most {@link #OATH_SYLLABLES} syllables followed
   * by more of the sentence: an exclamation of its own ({@code Cặc, mày nói lắm thế …}, {@code Chó chết thật, giao
   * hàng …}), which the rest of a sentence of any length dilutes (twenty-ninth round; before, only a sentence of
   * {@link #LONG_CLAUSES} syllables was read so). The swear {@code [first, last]} must be written with its marks,
   * or the whole sentence without any: a plain syllable among words with diacritics is the everyday word the
   * writer meant ({@code Lon, chai nhựa và giấy vụn …}, a can).
   */
  static boolean oathClause(MatchState state, Positions p, int from, int to, int first, int last) {
    int end = from + 1;
    while (end < to && state.clause(end) == state.clause(from)) {
      end++;
    }
    if (end - from > OATH_SYLLABLES || end >= to) {
      return false;
    }
    boolean marked = true;
    for (int i = first; i <= last; i++) {
      marked &= !p.plain(i);
    }
    if (marked) {
      return true;
    }
    for (int i = from; i < to; i++) {
      if (!p.plain(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The classifier's calibrated score of {@code f}'s category over the sentences its span lies in (their
   * syllables, concept hits and {@code findings}), read as if they were the whole text; 0 when they are the
   * whole text (the text's own score has been read already) or when the text has fewer than
   * {@link #LONG_SENTENCES} sentences (a quoted line and its speaker, a chat message in two parts: the
   * whole text's score is not diluted there). A profanity finding in the first clause of a sentence of
   * {@link #LONG_CLAUSES} syllables or more is read over that clause instead, however many sentences the text has.
   */
  static double sentenceScore(ClassifierModel m, Finding f, List<Finding> findings, String text,
      MatchState state, Vocabulary vocab, MessageFeatures.Syllables known, ClassifierScratch s) {
    Positions p = state.positions();
    int size = Math.min(p.size(), MessageFeatures.MAX_POSITIONS);
    int sentences = 1;
    for (int i = 1; i < size && sentences < LONG_SENTENCES; i++) {
      sentences += p.sentenceStart(i) ? 1 : 0;
    }
    boolean clauses = f.category() == Category.PROFANITY;
    if (sentences < LONG_SENTENCES && !clauses) {
      return 0;
    }
    int first = firstSyllable(p, f.start(), size);
    int last = lastSyllable(p, f.end(), size);
    if (first < 0 || last < first) {
      return 0;
    }
    int from = first;
    while (from > 0 && !p.sentenceStart(from)) {
      from--;
    }
    int to = last + 1;
    while (to < size && !p.sentenceStart(to)) {
      to++;
    }
    if (clauses && (to - from >= LONG_CLAUSES || oathClause(state, p, from, to, first, last))
        && state.clause(from) == state.clause(first)) {
      to = last + 1;
      while (to < size && !p.sentenceStart(to) && state.clause(to) == state.clause(last)) {
        to++;
      }
    } else if (sentences < LONG_SENTENCES) {
      return 0;
    }
    if (from == 0 && to >= p.size()) {
      return 0;
    }
    int k = -1;
    for (int j = 0; j < m.categories.length; j++) {
      if (m.categories[j] == f.category()) {
        k = j;
      }
    }
    if (k < 0) {
      return 0;
    }
    int kept = s.keptSentence(from, to);
    if (kept >= 0) {
      // one sentence the long-post reading has scored already: the same features, so the same logits
      return m.calibrate(k, s.sentenceLogits[kept * CATEGORIES + k]);
    }
    MessageFeatures.Syllables syl = readable(known, vocab, m);
    stretchLogits(m, text, state, vocab, findings, syl, syl == null ? null : syl.summed(m), s, from, to, s.logits);
    s.features.trim(SCRATCH_KEEP);
    return m.calibrate(k, s.logits[k]);
  }

  /** {@code known} if it holds the syllable features of this vocabulary and model's table size, else null. */
  private static MessageFeatures.Syllables readable(MessageFeatures.Syllables known, Vocabulary vocab,
      ClassifierModel m) {
    return known != null && known.vocabulary == vocab && known.mask == m.mask ? known : null;
  }

  /**
   * The logits of positions {@code [from, to)} read alone, into {@code out}: with the known syllables' precomputed
   * weight sums when {@code sums} is not null (the same logits bit for bit, less work: {@code ClassifierLogitsTest}),
   * else from every feature written out.
   */
  private static void stretchLogits(ClassifierModel m, String text, MatchState state, Vocabulary vocab,
      List<Finding> findings, MessageFeatures.Syllables syl, MessageFeatures.Summed sums, ClassifierScratch s,
      int from, int to, double[] out) {
    if (sums == null) {
      MessageFeatures.extract(text, state, vocab, findings, m.mask, m.knownChar3, m.conceptContext, m.address,
          syl, s.features, from, to);
      m.logits(s.features, out, s.acc);
    } else {
      MessageFeatures.extract(text, state, vocab, findings, sums, s.features, from, to);
      m.logits(s.features, s.features.summed, out, s.features.totals);
    }
  }

  /**
   * Whether a finding's span is written in disguise: a letter of another script (a look-alike), an
   * invisible format character, a digit, or a masking or splitting symbol. The classifiers read such a
   * word as noise, so their low score says nothing about it.
   */
  static boolean disguised(String text, int start, int end) {
    for (int i = start; i < end; ) {
      char c = text.charAt(i);
      if (c < DISGUISE_TABLE) {   // never a surrogate: the character is the code point
        if (DISGUISES[c]) {
          return true;
        }
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (disguises(cp)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one code point disguises the word it is in (see {@link #disguised}). */
  private static boolean disguises(int cp) {
    if (Character.isLetter(cp)) {
      return Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN;
    }
    return Character.isDigit(cp) || Character.getType(cp) == Character.FORMAT || "*#@$.-_+/~|".indexOf(cp) >= 0;
  }

  /** {@link #disguises} of the code points below this, read from {@link #DISGUISES}: no Unicode table per letter. */
  private static final int DISGUISE_TABLE = 0x2000;
  private static final boolean[] DISGUISES = new boolean[DISGUISE_TABLE];

  static {
    for (int cp = 0; cp < DISGUISE_TABLE; cp++) {
      DISGUISES[cp] = disguises(cp);
    }
  }

  private static boolean lowerable(ClassifierModel m, Finding f) {
    Category c = f.category();
    if (f.rating() == Rating.P || f.rating() == Rating.C || c == Category.SELF_HARM || c == Category.PII
        || f.rule().startsWith(CLASSIFIER_RULE_PREFIX) || KeptFindings.defaults().keeps(f)) {
      return false;
    }
    for (Category k : m.categories) {
      if (k == c) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether something besides the classifier's score points at category {@code c}: a lexicon or composition
   * finding of any category (personal information aside, at any tier, lowered or not), or a hit of a concept
   * that one of {@code c}'s compositions uses. A pronoun or form of address ({@code tao}, {@code mày},
   * {@code thằng}: a {@code harassment/target:} finding) supports only an insult: "tao sẽ nhớ mày lắm" is
   * no evidence of violence.
   */
  boolean supported(Category c, List<Finding> findings, MatchState state) {
    boolean insult = INSULT.contains(c);
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.category() != Category.PII && !f.rule().startsWith(CLASSIFIER_RULE_PREFIX)
          && (insult || !f.rule().startsWith(TARGET_RULE_PREFIX))) {
        return true;
      }
    }
    return state.anyConcept(support[c.ordinal()]);
  }

  /** The concepts that category {@code c}'s compositions use: a hit of one supports its classifier finding. */
  ConceptSet support(Category c) {
    return support[c.ordinal()];
  }

  /**
   * Who a drug composition is about (a pupil, a school): no evidence of drugs by itself, so it does not keep a
   * quieted drugs score ("thi kéo co ở trường").
   */
  private static final ConceptSet WHO = ConceptSet.of(Concept.MINOR, Concept.SCHOOL);

  /** What a scam asks of its reader: money moved or paid, secrets that open accounts, a private channel. */
  static final ConceptSet ASKS = ConceptSet.of(Concept.MONEY_TRANSFER, Concept.FEE, Concept.CREDENTIALS,
      Concept.PRIVATE_CHANNEL, Concept.CALL_NUMBER);

  /** Digits in a row (spaces, dots and dashes between groups allowed) that make a phone or account number. */
  static final int NUMBER_DIGITS = 9;

  /**
   * Whether the text asks its reader for something a scam needs: a concept of {@link #ASKS}, a web address
   * ({@code http}, {@code www.}, or a dotted name ending in letters, {@code shopee-hoantien.com}), or a phone or
   * account number ({@value #NUMBER_DIGITS} digits or more).
   */
  static boolean asks(MatchState state, String text) {
    return state.anyConcept(ASKS) || webAddressOrNumber(text);
  }

  /**
   * Whether {@code text} holds an account number written masked: two digits or more, three masks or more
   * ({@code *}, {@code x}, {@code X}), two digits or more ({@code 0451****789}). One pass.
   */
  static boolean maskedAccountNumber(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      int d = i;
      while (d < n && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
        d++;
      }
      if (d - i < 2) {
        i = d + 1;
        continue;
      }
      int m = d;
      while (m < n && (text.charAt(m) == '*' || text.charAt(m) == 'x' || text.charAt(m) == 'X')) {
        m++;
      }
      int e = m;
      while (e < n && text.charAt(e) >= '0' && text.charAt(e) <= '9') {
        e++;
      }
      if (m - d >= 3 && e - m >= 2) {
        return true;
      }
      i = Math.max(d, i + 1);
    }
    return false;
  }

  /** Whether {@code text} holds a web address or a number of {@value #NUMBER_DIGITS} digits or more. One pass. */
  static boolean webAddressOrNumber(String text) {
    return webAddressOrNumber(text, false);
  }

  /**
   * {@link #webAddressOrNumber(String)} outside the text's e-mail addresses (a run of non-space characters
   * holding {@code @}), so that an address the writer gives away is not read as a web address or a number. The
   * addresses are skipped in place, and a number does not run on into one. No copy of the text.
   */
  static boolean webAddressOrNumberBesideEmail(String text) {
    return webAddressOrNumber(text, text.indexOf('@') >= 0);
  }

  private static boolean webAddressOrNumber(String text, boolean skipEmail) {
    int digits = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (skipEmail && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        int end = emailEnd(text, i);
        if (end > 0) {
          digits = 0;   // a number before the address ends at it
          i = end - 1;
          continue;
        }
      }
      char ch = text.charAt(i);
      if (ch >= '0' && ch <= '9') {
        if (++digits >= NUMBER_DIGITS) {
          return true;
        }
        continue;
      }
      boolean joiner = (ch == ' ' || ch == '.' || ch == '-') && digits > 0 && i + 1 < n
          && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9';
      if (!joiner) {
        digits = 0;
      }
      if (ch == '.' && i > 0 && asciiAlnum(text.charAt(i - 1)) && domainEnd(text, i + 1)) {
        return true;
      }
      if ((ch == 'h' || ch == 'H') && text.regionMatches(true, i, "http", 0, 4)
          || (ch == 'w' || ch == 'W') && text.regionMatches(true, i, "www.", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The end of the run of non-space characters that starts at {@code from} when it holds {@code @} (an e-mail
   * address), else -1.
   */
  private static int emailEnd(String text, int from) {
    boolean at = false;
    int i = from;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      at |= text.charAt(i) == '@';
      i++;
    }
    return at ? i : -1;
  }

  /** Whether two to six ASCII letters start at {@code from} and end the word there (a top-level name). */
  private static boolean domainEnd(String text, int from) {
    int i = from;
    while (i < text.length() && i - from <= 6 && asciiLetter(text.charAt(i))) {
      i++;
    }
    int len = i - from;
    return len >= 2 && len <= 6 && (i == text.length() || !asciiAlnum(text.charAt(i)));
  }

  private static boolean asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean asciiAlnum(char c) {
    return asciiLetter(c) || (c >= '0' && c <= '9');
  }

  /**
   * Under this score, a {@code model/sexual_minors} finding in a text that names no child is read as adult
   * content; at or above it, the classifier's own certainty keeps tier C (code names for children that no
   * concept holds).
   */
  static final double ADULT_BELOW = 0.9;

  /** Concepts that name a child or a school: without one, a text is not read as sexual content of minors. */
  private static final ConceptSet MINOR_CUES = ConceptSet.of(Concept.MINOR, Concept.SCHOOL, Concept.MINOR_MEDIA);

  /** Whether a lexicon or composition finding of sexual content of minors, or a concept naming a child, is present. */
  private static boolean minorCue(List<Finding> findings, MatchState state) {
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).category() == Category.SEXUAL_MINORS) {
        return true;
      }
    }
    return state.anyConcept(MINOR_CUES);
  }

  /**
   * Whether a lexicon finding of {@code a} is the text's reading of {@code b}: the same category, or an insult,
   * which the lexicon files under harassment or profanity by its words while the classifiers split the two by
   * the message.
   */
  private static boolean sameReading(Category a, Category b) {
    return a == b || INSULT.contains(a) && INSULT.contains(b);
  }

  private static final Set<Category> INSULT = EnumSet.of(Category.HARASSMENT, Category.PROFANITY);

  /** The tier of a self-harm classifier finding in a text that names the means: as the compositions rate them. */
  static final Rating SELF_HARM_METHOD_TIER = Rating.T18;

  /**
   * The tier of a self-harm classifier finding in a text that presses it on others: blocked for a child under 16,
   * warned with help above, never C. The score says self-harm; a concept of urging, said to someone and not in the
   * writer's own voice, says it is pressed on them rather than told of oneself (which warns).
   */
  static final Rating SELF_HARM_URGED_TIER = Rating.T16;

  /**
   * Concepts of self-harm pressed on others: those who want to die addressed and pointed on ({@code INCITE}), a dare
   * ({@code CHALLENGE}), others invited to end it together ({@code PACT}): each a half of the incitement and
   * challenge compositions.
   */
  private static final ConceptSet SELF_HARM_URGED = ConceptSet.of(Concept.INCITE, Concept.CHALLENGE, Concept.PACT);

  /**
   * Readers gathered to be pressed on: the group addressed ({@code cả nhóm}, {@code tụi mình}) or a closed group to
   * join ({@code vào nhóm kín}). A pact or a dare offered to them is pressed on others even in the writer's
   * {@code mình}.
   */
  private static final ConceptSet RECRUITED = ConceptSet.of(Concept.GROUP_ADDRESS, Concept.CLOSED_GROUP,
      Concept.OPEN_CALL);

  /** An open call's answer ({@code thì vào nhóm}, {@code thì inbox mình}): see {@link Concept#OPEN_CALL}. */
  private static final ConceptSet OPEN_CALL = ConceptSet.of(Concept.OPEN_CALL);

  /** The writer speaking of herself ({@code em}, {@code mình}, {@code tao}): her own intent, which warns. */
  private static final ConceptSet SPEAKER = ConceptSet.of(Concept.SELF);

  /**
   * The concept that names the means of self-harm: pills and doses, blades, ropes, charcoal, how to do it. A
   * cut, a height or a wish to die alone (SELF_INJURY, LETHAL) is how a child discloses, which warns.
   */
  private static final ConceptSet SELF_HARM_MEANS = ConceptSet.of(Concept.MEANS);

  /**
   * Registers of text that reports, teaches or warns about self-harm or drugs rather than urging, planning or
   * selling.
   */
  private static final ConceptSet REPORTING = ConceptSet.of(Concept.NEWS_POLICE, Concept.AWARENESS,
      Concept.HEALTH_EDUCATION, Concept.LITERATURE, Concept.HISTORY_WAR, Concept.SCIENCE);

  /**
   * Concepts that are signs of self-harm in the text itself: the means, an injury, a lethal height or dose, a
   * jump, vanishing, being a burden, a farewell.
   */
  static final ConceptSet SELF_HARM_SIGNS = ConceptSet.of(Concept.MEANS, Concept.LETHAL,
      Concept.SELF_INJURY, Concept.JUMP, Concept.DISAPPEAR, Concept.BURDEN, Concept.FAREWELL);

  /**
   * What an open call with a self-harm score recruits to when the text names it: a sign of self-harm
   * ({@link #SELF_HARM_SIGNS}) or a fast. A call to talk ("ai buồn thì inbox mình, mình nghe") names neither.
   */
  private static final ConceptSet SELF_HARM_RECRUITED_TO = SELF_HARM_SIGNS.or(ConceptSet.of(Concept.FASTING));

  /**
   * The self-harm classifier's threshold where the text holds a sign of self-harm ({@link #SELF_HARM_SIGNS}):
   * lower than the classifier's own, which is set on text without any such sign in view.
   */
  static final double SELF_HARM_SIGNED_THRESHOLD = 0.75;

  /**
   * The highest threshold the self-harm classifier is held to without a sign in view. The file's own threshold is
   * set where almost none of the development part's figures of speech ("mệt muốn chết") score, which is far
   * above where everyday text and comments score; a missed disclosure costs more than a WARN with help.
   */
  static final double SELF_HARM_THRESHOLD = 0.80;

  /**
   * What marks an approach to a child as grooming whatever the words: a secret kept from the parents or
   * teachers, a move to a private channel or a second account, a chat hidden from a parent's check, a meeting
   * alone.
   */
  private static final ConceptSet GROOMING_SIGNS = ConceptSet.of(Concept.SECRECY, Concept.PRIVATE_CHANNEL,
      Concept.CONCEAL_CHAT, Concept.PHONE_CHECK, Concept.MEETING, Concept.ASSIGNATION);

  /** The signs of grooming that are a meeting: no sign where the child's own parent is the one there. */
  private static final ConceptSet MEETING_SIGNS = ConceptSet.of(Concept.MEETING, Concept.ASSIGNATION);

  /** The signs of grooming that are not a meeting. */
  private static final ConceptSet OTHER_GROOMING_SIGNS = ConceptSet.of(Concept.SECRECY, Concept.PRIVATE_CHANNEL,
      Concept.CONCEAL_CHAT, Concept.PHONE_CHECK);

  /**
   * What keeps a meeting a sign of grooming beside a parent who is present: an adult who claims a parent sent him,
   * a secret, a probe of the parents' absence.
   */
  private static final ConceptSet PARENT_LURE = ConceptSet.of(Concept.PARENT_SENT, Concept.SECRECY, Concept.PROBE);

  /** The child's own parent or relative who is there ({@link Concept#PARENT_PRESENT}). */
  private static final ConceptSet PARENT_PRESENT = ConceptSet.of(Concept.PARENT_PRESENT);

  /**
   * Whether the text holds a sign of grooming ({@link #GROOMING_SIGNS}). A meeting is none where the child's own
   * parent or relative is the one who picks up, takes along or sits in ({@link Concept#PARENT_PRESENT}), unless an
   * adult claims a parent sent him, a secret is asked or the parents' absence is probed ({@link #PARENT_LURE};
   * forty-fifth round).
   */
  static boolean groomingSigned(MatchState state) {
    if (!state.anyConcept(GROOMING_SIGNS)) {
      return false;
    }
    if (state.anyConcept(OTHER_GROOMING_SIGNS) || !state.anyConcept(MEETING_SIGNS)) {
      return true;
    }
    return !state.anyConcept(PARENT_PRESENT) || state.anyConcept(PARENT_LURE);
  }


  /**
   * The grooming classifier's threshold where the text holds a sign of grooming ({@link #GROOMING_SIGNS}), when
   * the file's own is higher. The file's own is held up by the ordinary development comments, of which each
   * category may flag at most a quarter of a percent (with the file the twenty-first round trained on rounds 1 to
   * 19, four of the 524 ViHOS dev comments score 0.5 or more for grooming, one 0.8); held-out grooming lines with
   * a secret or a private channel in them scored from 0.5 (docs/MODEL.md, "The twenty-first round").
   */
  static final double GROOMING_SIGNED_THRESHOLD = 0.5;

  /**
   * The highest threshold the harassment classifier is held to. The file's own is set by the rude comments of
   * the development part, which the lexicon reads as profanity anyway; contempt said without an insult word
   * ("mặt dao kéo", a group called dirty) scores from 0.8 and is missed above it.
   */
  static final double HARASSMENT_THRESHOLD = 0.80;

  /**
   * The highest threshold the sexual classifier is held to for a child's sake. The file's own threshold is set
   * so that at most 1.5 % of the development part's messages pass it on the score alone, and that part's hard
   * negatives are written to share every word with its positives; sexual talk in euphemism ("truyện nóng",
   * "quan hệ nhẹ nhàng, có hỗ trợ tiền phòng") scores from 0.6 and was missed above it. Between this and the
   * file's own threshold a finding is one of {@link #CHILD_ONLY}.
   */
  static final double SEXUAL_CHILD_THRESHOLD = 0.6;

  /**
   * The highest threshold the drugs classifier is held to for a child's sake, as {@link #SEXUAL_CHILD_THRESHOLD}
   * for sexual content: drugs by street names and errands ("lên mood chơi xuyên đêm", a courier's "gói nhỏ")
   * score from 0.5.
   */
  static final double DRUGS_CHILD_THRESHOLD = 0.5;

  /**
   * Categories whose classifier findings scored between the child threshold and the file's own are rated at
   * most {@link #CHILD_ONLY_TIER} and never raised (to C for a drug sale): the score is good enough to keep a
   * child under 13 from the text, not to block a teenager or an adult, nor to call it a crime.
   */
  static final Set<Category> CHILD_ONLY = EnumSet.of(Category.SEXUAL, Category.DRUGS);

  /** The highest tier of a finding of {@link #CHILD_ONLY} scored under the file's own threshold. */
  static final Rating CHILD_ONLY_TIER = Rating.T13;

  /**
   * The threshold of the model's category {@code k} in this text: the file's own, capped at
   * {@link #SELF_HARM_SIGNED_THRESHOLD} (a sign of self-harm in view) or {@link #SELF_HARM_THRESHOLD} for
   * self-harm, at {@link #HARASSMENT_THRESHOLD} for harassment, at {@link #GROOMING_SIGNED_THRESHOLD} for grooming
   * with a sign of grooming in view, and at {@link #SEXUAL_CHILD_THRESHOLD} and
   * {@link #DRUGS_CHILD_THRESHOLD} for sexual content and drugs; then lifted by the file's own
   * {@link ClassifierModel#lift} for the category (none in a file without it).
   */
  private static double threshold(ClassifierModel m, int k, MatchState state) {
    double own = m.threshold[k];
    return m.lift[k] + switch (m.categories[k]) {
      case SELF_HARM -> Math.min(own,
          state.anyConcept(SELF_HARM_SIGNS) ? SELF_HARM_SIGNED_THRESHOLD : SELF_HARM_THRESHOLD);
      case HARASSMENT -> Math.min(own, HARASSMENT_THRESHOLD);
      case GROOMING -> groomingSigned(state) ? Math.min(own, GROOMING_SIGNED_THRESHOLD) : own;
      case SEXUAL -> Math.min(own, SEXUAL_CHILD_THRESHOLD);
      case DRUGS -> Math.min(own, DRUGS_CHILD_THRESHOLD);
      default -> own;
    };
  }

  /**
   * The tier a classifier finding of {@code c} takes above its file's where the text says how (self-harm with its
   * means named: {@link #SELF_HARM_METHOD_TIER}) or offers for sale (drugs with a price, a transfer or a contact:
   * {@link #DRUG_SALE_TIER}), outside a reporting, teaching or warning register; null where it keeps its own.
   */
  private static Rating raisedTier(Category c, MatchState state, Vocabulary vocab) {
    if (c == Category.SELF_HARM) {
      if (state.anyConcept(REPORTING)) {
        return null;
      }
      if (state.anyConcept(SELF_HARM_MEANS)) {
        return SELF_HARM_METHOD_TIER;
      }
      // pressed on someone else: said to "mày", to a group or those who join it, or with no speaker of her own
      boolean toOthers = addressed(state.positions(), vocab) || state.anyConcept(RECRUITED)
          || !state.anyConcept(SPEAKER);
      if (toOthers && state.anyConcept(SELF_HARM_URGED)) {
        return SELF_HARM_URGED_TIER;
      }
      // an open call ("ai muốn ... thì inbox mình") with self-harm named in the text: recruiting others to it
      return state.anyConcept(OPEN_CALL) && state.anyConcept(SELF_HARM_RECRUITED_TO) ? SELF_HARM_URGED_TIER : null;
    }
    if (c == Category.DRUGS) {
      return state.anyConcept(DRUG_SALE) && !state.anyConcept(REPORTING) ? DRUG_SALE_TIER : null;
    }
    return null;
  }

  /** The tier of a drugs classifier finding in a text that offers to sell: as {@code drugs.slang_sale} rates it. */
  static final Rating DRUG_SALE_TIER = Rating.C;

  /** Concepts of an offer to sell: a contact or an order ("ib", "ship", "ai cần"), a price, a transfer. */
  private static final ConceptSet DRUG_SALE = ConceptSet.of(Concept.SALE_CONTACT, Concept.MONEY_TRANSFER,
      Concept.FEE);

  /**
   * The tier at most of a violence classifier finding in the child's own words in a conversation that neither the
   * lexicon nor a composition backs and that addresses nobody in the second person: anger told, not a threat.
   */
  static final Rating VENTING_TIER = Rating.K;

  /**
   * Concepts that are bullying on their own, whatever a composition adds: a threat, shutting someone out,
   * blackmail, exposing, doxxing, impersonating, a shaming picture. The class, the group or a picture named
   * ("cả lớp biết hết rồi") are the context of a composition, not an insult.
   */
  static final ConceptSet BULLYING = ConceptSet.of(Concept.THREAT, Concept.EXCLUSION, Concept.EXTORT,
      Concept.EXPOSE, Concept.DOXX, Concept.IMPERSONATE, Concept.EMBARRASSING_MEDIA);

  /**
   * Whether something besides the score backs a harassment, violence or scam classifier finding in a conversation:
   * a lexicon or composition finding (personal information and pronouns of address aside), and for harassment
   * also a hit of a {@link #BULLYING} concept. A beating named with no finding ("đập tụi nó một trận") is left
   * to the score and to who is addressed ({@link #addressed}).
   */
  static boolean backed(Category c, List<Finding> findings, MatchState state) {
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.category() != Category.PII && !f.rule().startsWith(CLASSIFIER_RULE_PREFIX)
          && !f.rule().startsWith(TARGET_RULE_PREFIX)) {
        return true;
      }
    }
    return c == Category.HARASSMENT && state.anyConcept(BULLYING);
  }

  /**
   * The rude second-person pronouns ("mày" and its spellings without diacritics or in teen code, "mi", "bây"):
   * words said to the one they threaten. "may" and "bay" are other words too; read as "mày" and "bây", a
   * threat keeps its tier.
   */
  private static final String[] SECOND_PERSON = {"mày", "may", "mầy", "mài", "m", "mi", "bây", "bay"};

  /**
   * Whether the text's syllables, as the normaliser read them for the match, hold a rude second-person pronoun
   * ({@link #SECOND_PERSON}) as a word of its own: written out, or a teen-code spelling expanded to one
   * ({@code m} read as {@code mày}). Reads the engine's positions; allocates nothing.
   */
  static boolean addressed(Positions positions, Vocabulary vocab) {
    for (int i = 0; i < positions.size(); i++) {
      if (positions.exactIsAny(i, SECOND_PERSON, vocab)) {
        return true;
      }
    }
    return false;
  }

  /** The rule id prefix of a pronoun or form of address the lexicon marks as a possible target of an insult. */
  private static final String TARGET_RULE_PREFIX = "harassment/target:";

  /**
   * Concepts of sexual content: without one (or another sexual cue), a text is not read as sexual content of
   * minors. A hidden camera, the scenes it films (changing clothes, a bathroom) and pupils' clips are not among
   * them: with a child they make a composition when the text is abuse, and alone they are a school's everyday
   * words.
   */
  private static final ConceptSet SEXUAL_CUES = ConceptSet.of(Concept.SEXUAL_ACT, Concept.LEWD, Concept.BODY,
      Concept.UNDRESS, Concept.SHOW_ON_CAMERA, Concept.DESIRE);

  /** The sexual classifier's calibrated score at or above which a text counts as sexual for {@link #sexualCue}. */
  static final double SEXUAL_CUE_SCORE = 0.5;

  /**
   * Whether the text is sexual by something besides the sexual_minors classifier: a lexicon or composition
   * finding of sexual content (of adults or of minors), a concept of sexual content, or the sexual
   * classifier's score of at least {@link #SEXUAL_CUE_SCORE} and its own threshold.
   */
  static boolean sexualCue(List<Finding> findings, MatchState state, ClassifierModel m, double[] probs) {
    for (int i = 0; i < findings.size(); i++) {
      Category c = findings.get(i).category();
      if ((c == Category.SEXUAL || c == Category.SEXUAL_MINORS)
          && !findings.get(i).rule().startsWith(CLASSIFIER_RULE_PREFIX)) {
        return true;
      }
    }
    if (state.anyConcept(SEXUAL_CUES)) {
      return true;
    }
    for (int k = 0; k < m.categories.length; k++) {
      if (m.categories[k] == Category.SEXUAL) {
        return probs[k] >= Math.max(SEXUAL_CUE_SCORE, m.threshold[k]);
      }
    }
    return false;
  }

  private static boolean hasModelFinding(List<Finding> findings, Category c) {
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.category() == c && f.rule().startsWith(CLASSIFIER_RULE_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  private static boolean covered(List<Finding> findings, Category c, Rating tier) {
    for (Finding f : findings) {
      if (f.category() == c && f.rating().compareTo(tier) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a lexicon or composition finding of category {@code c} (or of {@link #sameReading}) rated above P
   * is present: then the text's reading of {@code c} is the lexicon's (its span, its rule, its tier in
   * context), and the classifier adds no finding of its own for {@code c}; it can still lower that finding,
   * and still adds the categories the lexicon did not see. A finding rated P (a target marker such as
   * {@code harassment/target:may}, or a mention that context lowered) acts on nothing, so it leaves the
   * classifier's reading open.
   */
  static boolean lexiconReads(List<Finding> findings, Category c) {
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (sameReading(f.category(), c) && f.rating() != Rating.P && !f.rule().startsWith(CLASSIFIER_RULE_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The score each category gets from its findings alone: 0.6, 0.8 or 0.95 for a low, medium or high
   * severity, halved for a finding rated P (context, targets), the highest over the category's findings.
   * Fixed values, not calibrated.
   */
  public static double[] fromFindings(List<Finding> findings) {
    return fromFindings(findings, new double[CATEGORIES]);
  }

  /**
   * {@link #fromFindings(List)} written into {@code scores} (one slot per category, cleared first) and
   * returned, so a caller with a scratch array allocates nothing.
   */
  public static double[] fromFindings(List<Finding> findings, double[] scores) {
    Arrays.fill(scores, 0);
    for (int i = 0; i < findings.size(); i++) {   // by index: no iterator per check
      Finding f = findings.get(i);
      double s = findingScore(f);
      int k = f.category().ordinal();
      if (s > scores[k]) {
        scores[k] = s;
      }
    }
    return scores;
  }

  /**
   * The score one finding gives its category in {@link #fromFindings}: 0.6, 0.8 or 0.95 by severity,
   * halved when rated P; 0 for a classifier's own finding ({@code model/...}), which scores nothing here.
   */
  public static double findingScore(Finding f) {
    if (f.rule().startsWith("model/")) {
      return 0;
    }
    double s = switch (f.severity()) {
      case LOW -> 0.6;
      case MEDIUM -> 0.8;
      case HIGH -> 0.95;
    };
    return f.rating() == Rating.P ? s * 0.5 : s;
  }

  /**
   * After the emissions: the marginal probability of I at every position (left in {@code b.marg}) and
   * their maximum, the raw message score. The maximum, unlike the probability that some position is I,
   * does not grow with the length of the text. An ensemble's marginals are the mean of its lanes'.
   */
  static double highestMarginal(TaggerModel m, Features.Buffer b) {
    int n = b.n;
    if (n == 0) {
      return 0;
    }
    double[] marg = b.marginal(n);
    if (m.lanes == 1) {
      Crf.forward(b.emit, n, m.trans, m.start, b.scratchA);
      Crf.marginals(b.emit, n, m.trans, b.scratchA, b.scratchB, marg, null);
    } else {
      int lanes = m.lanes;
      if (b.laneMarg.length < n) {
        b.laneMarg = new double[marg.length];
      }
      double[] one = b.laneMarg;
      Arrays.fill(marg, 0, n, 0);
      for (int l = 0; l < lanes; l++) {
        for (int i = 0; i < n; i++) {
          b.emit[i] = b.laneEmit[i * lanes + l];
        }
        Crf.forward(b.emit, n, m.laneTrans[l], m.laneStart[l], b.scratchA);
        Crf.marginals(b.emit, n, m.laneTrans[l], b.scratchA, b.scratchB, one, null);
        for (int i = 0; i < n; i++) {
          marg[i] += one[i];
        }
      }
      for (int i = 0; i < n; i++) {
        marg[i] /= lanes;
      }
    }
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, marg[i]);
    }
    return max;
  }

  /** Runs the tagger over one text: message probability, the category it points at, new findings. */
  static Tagged tag(TaggerModel m, String text, Positions p, Vocabulary vocab, List<Finding> findings,
      PositionTags tags, Features.Buffer b, boolean wantFindings) {
    m.emissions(text, p, vocab, findings, tags, b);
    int n = b.n;
    Category lexTop = null;
    Severity lexSeverity = null;
    boolean lexAbuse = false;
    for (Finding f : findings) {
      if (f.category() == Category.HARASSMENT || f.category() == Category.PROFANITY) {
        if (f.rule().startsWith("model/")) {
          continue;
        }
        lexAbuse |= f.rating().compareTo(Rating.K) >= 0;
        if (lexSeverity == null || f.severity().compareTo(lexSeverity) > 0) {
          lexSeverity = f.severity();
          lexTop = f.category();
        }
      }
    }
    if (n == 0) {
      return new Tagged(0, lexTop == null ? Category.HARASSMENT : lexTop, List.of(), 0);
    }
    double offensive = m.calibrate(highestMarginal(m, b), lexAbuse);
    double[] marg = b.marg;
    Category top = lexTop == null ? Category.HARASSMENT : lexTop;
    if (!m.decode(b)) {
      return new Tagged(offensive, top, List.of(), 0);
    }
    List<Finding> added = wantFindings ? new ArrayList<>() : List.of();
    double best = Double.NEGATIVE_INFINITY;
    double highestAdded = 0;
    int abuseBits = (1 << Category.HARASSMENT.ordinal()) | (1 << Category.PROFANITY.ordinal());
    for (int i = 0; i < n; ) {
      if (b.path[i] == 0) {
        i++;
        continue;
      }
      int j = i;
      double s = 0;
      int lexBits = 0;
      while (j < n && b.path[j] == 1) {
        s = Math.max(s, marg[j]);
        lexBits |= b.cover[j] & abuseBits;
        j++;
      }
      Category c;
      if (lexBits != 0) {
        c = (lexBits & (1 << Category.PROFANITY.ordinal())) != 0 && (lexBits & (1 << Category.HARASSMENT
            .ordinal())) == 0 ? Category.PROFANITY : Category.HARASSMENT;
      } else {
        c = m.headScore(b, i, j) > 0 ? Category.PROFANITY : Category.HARASSMENT;
      }
      if (s > best) {
        // the strongest span names the category, unless the lexicon names one and this span is its own
        best = s;
        top = lexTop != null && lexBits == 0 ? lexTop : c;
      }
      if (wantFindings) {
        // A run the lexicon covers wholly adds nothing; one it covers in part becomes a finding as a whole
        // (the lexicon's findings inside it stay as they are).
        boolean uncovered = false;
        for (int a = i; a < j; a++) {
          uncovered |= b.cover[a] == 0;
        }
        int from = p.start(i);
        int to = p.end(i);
        for (int a = i + 1; a < j; a++) {
          from = Math.min(from, p.start(a));
          to = Math.max(to, p.end(a));
        }
        if (uncovered && to > from) {
          Severity sev = s >= 0.9 ? Severity.HIGH : s >= 0.7 ? Severity.MEDIUM : Severity.LOW;
          Rating rating = s >= m.actionThreshold ? Rating.K : Rating.P;
          highestAdded = Math.max(highestAdded, s);
          added.add(new Finding(c, sev, rating, RULE, from, to, text.substring(from, to)));
        }
      }
      i = j;
    }
    return new Tagged(offensive, top, added, highestAdded);
  }
}
