package vn.lanhmanh.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.model.ClassifierExamples.Example;

/**
 * Trains the per-category message classifiers from the labelled corpus, deterministically for a seed (seeded
 * shuffles, each category's its own, so the threads do not matter; no clock).
 *
 * <p>For category {@code X}, a message is a positive when it is a positive of {@code X.tsv}; a negative when it is a
 * hard negative of any file, or a positive of another category's file that cannot also be an {@code X} (see
 * {@link ClassifierExamples#OVERLAPS}); the positives of overlapping categories are left out of {@code X}'s training.
 * Each classifier is a logistic regression fitted by AdaGrad with an L2 penalty, positives weighted up to balance the
 * classes and the category's own hard negatives weighted by {@link Options#hardNegativeWeight} (they look most like its
 * positives). The development part chooses the stopping epoch (its log-loss), fits the Platt calibration of each
 * category and chooses the threshold at which a category's score becomes a finding: the lowest of {@link #THRESHOLDS}
 * (from 0.3 up, in steps of 0.025) at which at most {@link Options#maxNegativeFlagged} of the category's development
 * negatives are flagged (and at most {@link #MAX_ORDINARY_FLAGGED} of the ordinary development text, when some is
 * given: messages of {@link #ORDINARY}). The development part is never fitted by the regression itself. With
 * {@link Options#folds} set, the thresholds are then judged out of sample: the messages of the tables and chat folders
 * are scored by classifiers trained without their fold, and {@link OutOfFoldThresholds#outOfFold} lowers the
 * development thresholds where that catches more of their harmful messages within a share of their innocent ones, and
 * within what a {@link WholeFilter}, when given, may flag of the clean development comments and of the clean sentences
 * training leaves out. {@link Options#lowerBelow} is written into the model (property {@code lower.below}): the score
 * under which a check lowers a lexicon finding of the category to tier P (see {@code ScoreStage}), and
 * {@link Options#unsupportedBelow} (property {@code unsupported.below}) the score under which a classifier finding
 * nothing else supports is rated at most T13.
 *
 * <p>The stages, in the order {@link #train} runs them ({@code run}), each in a class of its own:
 * <ol>
 *   <li>the messages as examples, with their features, folds and labels ({@link ClassifierExamples});
 *   <li>each category's regression fitted, stopped on dev and quantised ({@link ClassifierFitter});
 *   <li>each category's Platt calibration and development threshold ({@link DevCalibration});
 *   <li>with folds, the thresholds judged out of sample ({@link OutOfFoldThresholds}, bound by the clean
 *       comments and sentences a {@link CleanCount} counts);
 *   <li>the model with its properties, figures and reliability table ({@link ClassifierModelBuilder}).
 * </ol>
 */
public final class ClassifierTrainer {

  /**
   * The tier of a classifier's finding, by category: what the lexicon gives the category's clear cases. A
   * self-harm disclosure is K in the lexicon (a policy warns, with help, on any self-harm finding), so the
   * classifier's self-harm finding is K too: it warns a child, it does not block the child's cry for help.
   */
  static final Map<Category, Rating> TIERS = tiers();

  /**
   * Training settings. {@code lowerBelow}: a check with these classifiers lowers to tier P a lexicon or
   * composition finding below tier C (not self-harm) whose category scores under it; 0 never lowers.
   * {@code unsupportedBelow}: a classifier finding that nothing else in the text supports keeps its
   * category's tier only from this score, and is rated at most T13 under it; 0 never caps.
   * {@code maxRaise}: with {@link #folds}, the most steps of {@link ClassifierTrainer#THRESHOLDS} that the
   * out-of-sample raise may take a category above its development threshold, 0 to {@link #MAX_RAISE_LIMIT}
   * ({@link OutOfFoldThresholds#DEFAULT_MAX_RAISE}, four, unless given).
   */
  public record Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
      double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow, double unsupportedBelow,
      boolean knownChar3, int conceptContext, int minEpochs, int folds, double maxInnocentFlagged, int maxRaise,
      int address) {
    /** The most {@link #maxRaise} may be (more than {@link ClassifierTrainer#THRESHOLDS} has steps). */
    public static final int MAX_RAISE_LIMIT = 40;

    /** Settings without the addressing features (every file before recipe P). */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow, double unsupportedBelow,
        boolean knownChar3, int conceptContext, int minEpochs, int folds, double maxInnocentFlagged, int maxRaise) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight, lowerBelow,
          unsupportedBelow, knownChar3, conceptContext, minEpochs, folds, maxInnocentFlagged, maxRaise, 0);
    }

    /**
     * Settings whose out-of-sample raise is capped at {@link OutOfFoldThresholds#DEFAULT_MAX_RAISE} steps (every
     * file trained before the cap was an option).
     */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow, double unsupportedBelow,
        boolean knownChar3, int conceptContext, int minEpochs, int folds, double maxInnocentFlagged) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight, lowerBelow,
          unsupportedBelow, knownChar3, conceptContext, minEpochs, folds, maxInnocentFlagged,
          OutOfFoldThresholds.DEFAULT_MAX_RAISE);
    }

    /** Settings whose thresholds are chosen on the development part alone (all files before 2026-12-04's twenty-first round). */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow, double unsupportedBelow,
        boolean knownChar3, int conceptContext, int minEpochs) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight, lowerBelow,
          unsupportedBelow, knownChar3, conceptContext, minEpochs, 0, 0);
    }

    /** Settings whose stopping epoch may be any epoch from the first (all files before 2026-12-04's eighteenth round). */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow, double unsupportedBelow,
        boolean knownChar3, int conceptContext) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight, lowerBelow,
          unsupportedBelow, knownChar3, conceptContext, 1);
    }

    /** Settings whose classifiers read the character trigrams of every syllable (all files before 2026-12-04). */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow, double unsupportedBelow) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight, lowerBelow,
          unsupportedBelow, true, 0);
    }

    /** Settings that never cap an unsupported classifier finding. */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight, lowerBelow,
          0);
    }

    /** Settings where a category's hard negatives weigh as much as its other negatives. */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, 1);
    }

    /** Settings whose classifiers never lower a lexicon finding. */
    public Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
        double maxNegativeFlagged, double hardNegativeWeight) {
      this(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight, 0);
    }

    public Options {
      if (!(lowerBelow >= 0 && lowerBelow < 0.5)) {
        throw new IllegalArgumentException("lower-below must be in [0, 0.5), was " + lowerBelow);
      }
      if (!(unsupportedBelow >= 0 && unsupportedBelow < 1)) {
        throw new IllegalArgumentException("unsupported-below must be in [0, 1), was " + unsupportedBelow);
      }
      if (!(hardNegativeWeight >= 1 && hardNegativeWeight <= 100)) {
        throw new IllegalArgumentException("hard negative weight must be 1..100, was " + hardNegativeWeight);
      }
      if (conceptContext < 0 || conceptContext > ClassifierModel.MAX_CONCEPT_CONTEXT) {
        throw new IllegalArgumentException("concept context must be 0.." + ClassifierModel.MAX_CONCEPT_CONTEXT
            + ", was " + conceptContext);
      }
      if (address < 0 || address > 1) {
        throw new IllegalArgumentException("address features must be 0 or 1, was " + address);
      }
      if (bits < 10 || bits > 22) {
        throw new IllegalArgumentException("bits must be 10..22, was " + bits);
      }
      if (maxEpochs < 1 || patience < 1) {
        throw new IllegalArgumentException("maxEpochs and patience must be positive");
      }
      if (folds < 0 || folds == 1 || folds > MAX_FOLDS) {
        throw new IllegalArgumentException("folds must be 0 or 2.." + MAX_FOLDS + ", was " + folds);
      }
      if (!(maxInnocentFlagged >= 0 && maxInnocentFlagged < 0.5)) {
        throw new IllegalArgumentException("innocent flagged share must be in [0, 0.5), was " + maxInnocentFlagged);
      }
      if (maxRaise < 0 || maxRaise > MAX_RAISE_LIMIT) {
        throw new IllegalArgumentException("max raise must be 0.." + MAX_RAISE_LIMIT + " steps, was " + maxRaise);
      }
      if (minEpochs < 1 || minEpochs > maxEpochs) {
        throw new IllegalArgumentException("min epochs must be 1.." + maxEpochs + ", was " + minEpochs);
      }
      if (!(learningRate > 0) || !(l2 >= 0) || !(maxNegativeFlagged >= 0 && maxNegativeFlagged < 1)) {
        throw new IllegalArgumentException("bad learning rate, L2 or flagged share");
      }
    }

    /**
     * The default settings: since the eighteenth round (2026-12-04) the stopping epoch is chosen from epoch 50
     * on, and a threshold may flag at most 1.5 % of the development negatives (2 % before); thresholds are
     * chosen on the development part alone unless folds are asked for ({@link #withFolds}), and then within
     * 1.5 % of the innocent messages.
     */
    public static Options defaults(long seed) {
      return new Options(seed, 17, 150, 5, 0.5, 1e-4, 0.015, 2, 0.2, 0.7, true, 0, 50, 0, 0.015);
    }

    /** These settings with the character trigrams of the syllables the vocabulary knows read or left out. */
    public Options withKnownChar3(boolean read) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, read, conceptContext, minEpochs, folds, maxInnocentFlagged, maxRaise, address);
    }

    /**
     * These settings with concept-context features of {@code window} syllables on each side of a concept hit
     * (0: none).
     */
    public Options withConceptContext(int window) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, window, minEpochs, folds, maxInnocentFlagged, maxRaise, address);
    }

    /**
     * These settings with the addressing features of version {@code version} (0: none; 1: the second person,
     * urging, requests and conditions of each sentence, docs/MODEL.md, "The fifty-third round").
     */
    public Options withAddress(int version) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, conceptContext, minEpochs, folds, maxInnocentFlagged, maxRaise,
          version);
    }

    /**
     * These settings with the stopping epoch chosen among epochs {@code epochs} and later only (1: any). The
     * development loss of a category can be flat over many epochs while its training hard negatives are still
     * being fitted (the scam classifier at epoch 6 read a school login as phishing, docs/MODEL.md, "The
     * sixteenth round"); a minimum keeps the first dip from stopping it there.
     */
    public Options withMinEpochs(int epochs) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, conceptContext, epochs, folds, maxInnocentFlagged, maxRaise, address);
    }

    /**
     * These settings with thresholds chosen out of sample: the sources of the training messages that name one
     * ({@link ClassifierTrainer#train(List, int[], List, Analyser, Options, Map, Consumer)}) are dealt into
     * {@code n} folds, each fold's messages are scored by classifiers trained without it, and each category's
     * threshold is chosen on those scores ({@link OutOfFoldThresholds#outOfFold}) so that the innocent messages
     * flagged by any classifier stay within {@code innocent} of them. {@code n} 0: the development rule alone.
     */
    public Options withFolds(int n, double innocent) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, conceptContext, minEpochs, n, innocent, maxRaise, address);
    }

    /**
     * These settings with the out-of-sample raise capped at {@code steps} steps of
     * {@link ClassifierTrainer#THRESHOLDS} above each category's development threshold (0: no raise;
     * {@link OutOfFoldThresholds#DEFAULT_MAX_RAISE} by default). The raise, which brings the clean text the whole
     * filter flags within its bounds, costs recall at each step; see {@link OutOfFoldThresholds#outOfFold}.
     */
    public Options withMaxRaise(int steps) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, conceptContext, minEpochs, folds, maxInnocentFlagged, steps, address);
    }
  }

  /**
   * Messages of this pseudo-category are ordinary text with no label (for example clean social-media
   * comments): a negative for every category. On dev, a threshold may flag at most
   * {@link #MAX_ORDINARY_FLAGGED} of them per category.
   */
  public static final Category ORDINARY = Category.PII;
  /**
   * The thresholds tried on dev, lowest first (0.300, 0.325, …, 0.975, then 0.99): the first that keeps the
   * development negatives within their bounds is the category's.
   */
  static final double[] THRESHOLDS = thresholds();
  /**
   * Of a plain-text file of sentences given for training ({@code lanhmanh train --corpus-sentences}), the
   * lines whose index (from 0) is a multiple of this are used; the others stay unseen, for measuring.
   */
  public static final int SENTENCE_EVERY = 4;
  /** The most folds of {@link Options#folds}. */
  static final int MAX_FOLDS = 20;
  /** The most a category's threshold may flag of the ordinary development messages (a quarter of a percent). */
  static final double MAX_ORDINARY_FLAGGED = 0.0025;

  /** Development figures of one category at its threshold. */
  public record CategoryFigures(Category category, int epochs, double threshold, int positives, int found,
      int hardNegatives, int hardFlagged, int negatives, int flagged, int ordinary, int ordinaryFlagged) {
    public double recall() {
      return positives == 0 ? 0 : (double) found / positives;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%-13s epochs %3d, threshold %.2f: recall %d/%d (%.3f), hard negatives flagged %d/%d, all negatives "
              + "flagged %d/%d, ordinary text flagged %d/%d", category.jsonName(), epochs, threshold, found,
          positives, recall(), hardFlagged, hardNegatives, flagged, negatives, ordinaryFlagged, ordinary);
    }
  }

  /**
   * The whole filter with a set of classifiers in it (the lexicon, the compositions, the score stage and the
   * decision), as a quality guard runs it on clean comments. With it and {@link Options#folds}, the out-of-sample
   * thresholds are bound by what the filter flags of the clean development comments (the ordinary development
   * messages), not by what the classifiers alone score: a comment the lexicon flags anyway costs the
   * classifiers nothing, and one a classifier finding makes flagged counts once, whatever its categories.
   */
  public interface WholeFilter {
    /** The filter configurations judged, each with the most of the clean comments it may flag. */
    List<Bound> bounds();

    /**
     * What the filter with classifiers {@code model} makes of each of {@code texts}: whether each configuration
     * of {@link #bounds()} flags it, and the classifiers' calibrated scores as the filter computes them (in the
     * model's category order).
     */
    List<Judged> judge(ClassifierModel model, List<String> texts);

    /**
     * Clean sentences, one set a {@code --corpus-sentences} file: by default the lines training does not read
     * (those {@link ClassifierTrainer#SENTENCE_EVERY} leaves out), of which a threshold may not move to a value
     * at which {@link #judgeSentences} flags more than the development thresholds do; or, with a
     * {@link Sentences#max} of 0 or more, every line as {@code CleanTextQualityTest} counts it, of which the
     * thresholds are raised until {@link #judgeSentences} flags no more than that. None by default.
     */
    default List<Sentences> sentences() {
      return List.of();
    }

    /**
     * What the filter with classifiers {@code model} makes of each of {@code texts}, clean sentences of
     * {@link #sentences()}: {@code flagged[0]} when a finding other than personal information makes it anything
     * but ALLOW for a 10-year-old, as {@code CleanTextQualityTest} counts, and the classifiers' scores.
     */
    default List<Judged> judgeSentences(ClassifierModel model, List<String> texts) {
      throw new UnsupportedOperationException("no clean sentences");
    }

    /**
     * Case-table rows that expect ALLOW ({@code lanhmanh train --case-gate}): the thresholds are raised, within the
     * cap on the raise, until {@link #judgeRows} flags none of them (or, when no raise within the cap gets there, no
     * more than after the raises). None by default.
     */
    default List<AllowedRow> allowedRows() {
      return List.of();
    }

    /**
     * What the filter with classifiers {@code model} makes of each row of {@link #allowedRows()}: {@code flagged[0]}
     * when it fails the row as the case tables' test does (an action other than ALLOW at the row's age, or, for a
     * row without a category, any finding), and the classifiers' scores.
     */
    default List<Judged> judgeRows(ClassifierModel model, List<AllowedRow> rows) {
      throw new UnsupportedOperationException("no case rows");
    }

    /**
     * A case-table row that expects ALLOW: where it is ({@code file line N}), the age it is checked at, whether
     * it may have no finding at all (no category given), and its text.
     */
    record AllowedRow(String where, int age, boolean noFinding, String text) {}

    /** A configuration and the share of the clean comments it may flag (at most {@code floor(share * n)}). */
    record Bound(String name, double maxShare) {}

    /**
     * A named set of clean sentences and the most of them the whole filter may flag: {@code max} below 0 for
     * no more than at the development thresholds.
     */
    record Sentences(String name, List<String> texts, int max) {
      /** Held sentences bound by what the development thresholds flag. */
      public Sentences(String name, List<String> texts) {
        this(name, texts, -1);
      }
    }

    /** One text's verdicts: {@code flagged[f]} for configuration {@code f}, and the classifiers' scores. */
    record Judged(boolean[] flagged, double[] scores) {}
  }

  /** The trained classifiers, their development figures and the reliability table on dev. */
  public record Result(ClassifierModel model, List<CategoryFigures> dev, List<String> reliability) {}

  private final Analyser analyser;
  private final Options options;
  private final WholeFilter filter;
  private final Consumer<String> progress;

  private ClassifierTrainer(Analyser analyser, Options options, WholeFilter filter, Consumer<String> progress) {
    this.analyser = analyser;
    this.options = options;
    this.filter = filter;
    this.progress = progress;
  }

  /**
   * Trains one classifier for every category that has positives in {@code train}.
   *
   * @param analyser the stages before the model (their findings and concept hits are features)
   * @param properties written into the model (command, data digests), with the figures added
   */
  public static Result train(List<MessageCorpus.Message> train, List<MessageCorpus.Message> dev,
      Analyser analyser, Options options, Map<String, String> properties, Consumer<String> progress) {
    if (train.isEmpty() || dev.isEmpty()) {
      throw new IllegalArgumentException("training needs training and development messages");
    }
    return train(train, null, dev, analyser, options, null, properties, progress);
  }

  /**
   * Trains as {@link #train(List, List, Analyser, Options, Map, Consumer)}, with {@code sources[i]} naming the
   * source of {@code train.get(i)} (a held-out round, a case table, a chat folder: 0, 1, 2, …) or -1 for a
   * message of no source (the corpus, ordinary text). With {@link Options#folds} {@code n}, source {@code s}
   * is in fold {@code s % n}; see {@link Options#withFolds}.
   */
  public static Result train(List<MessageCorpus.Message> train, int[] sources, List<MessageCorpus.Message> dev,
      Analyser analyser, Options options, Map<String, String> properties, Consumer<String> progress) {
    return train(train, sources, dev, analyser, options, null, properties, progress);
  }

  /**
   * Trains as {@link #train(List, int[], List, Analyser, Options, Map, Consumer)}; with {@link Options#folds},
   * the out-of-sample thresholds keep what {@code filter} flags of the ordinary development messages within
   * its bounds ({@link WholeFilter}). {@code filter} null: the classifiers' own count, as before 2026-12-05.
   */
  public static Result train(List<MessageCorpus.Message> train, int[] sources, List<MessageCorpus.Message> dev,
      Analyser analyser, Options options, WholeFilter filter, Map<String, String> properties,
      Consumer<String> progress) {
    if (train.isEmpty() || dev.isEmpty()) {
      throw new IllegalArgumentException("training needs training and development messages");
    }
    if (sources != null && sources.length != train.size()) {
      throw new IllegalArgumentException("one source per training message");
    }
    if (options.folds() > 0 && (sources == null || Arrays.stream(sources).noneMatch(s -> s >= 0))) {
      throw new IllegalArgumentException("out-of-sample thresholds need training messages with a source");
    }
    return new ClassifierTrainer(analyser, options, filter, progress).run(train, sources, dev, properties);
  }

  /**
   * The training stages in order: the messages as examples; every category fitted on all the training messages;
   * calibration and thresholds on dev; the model's properties; with folds, the thresholds judged out of sample;
   * the model with its figures.
   */
  private Result run(List<MessageCorpus.Message> trainMessages, int[] sources,
      List<MessageCorpus.Message> devMessages, Map<String, String> props) {
    // the messages as features, each training message in its fold
    int size = 1 << options.bits();
    int mask = size - 1;
    ClassifierExamples examples = new ClassifierExamples(analyser, options);
    List<Example> train = examples.prepare(trainMessages, sources, mask);
    List<Example> dev = examples.prepare(devMessages, null, mask);
    Category[] cats = present(train);
    progress.accept(String.format(Locale.ROOT, "classifiers: %d training and %d development messages, %d "
        + "categories", train.size(), dev.size(), cats.length));

    // every category fitted on all the training messages, stopped on dev, and quantised as a check reads it
    ClassifierFitter fitter = new ClassifierFitter(options, progress);
    int[] epochs = new int[cats.length];
    double[][] w = fitter.fitAll(cats, train, dev, -1, epochs, true);
    Rating[] tiers = new Rating[cats.length];
    for (int k = 0; k < cats.length; k++) {
      tiers[k] = TIERS.get(cats[k]);
    }
    ClassifierModel raw = fitter.quantise(cats, w, tiers);
    double[][] logits = ClassifierFitter.logits(raw, dev);

    // each category's calibration and threshold on dev
    DevCalibration calibration = new DevCalibration(options);
    double[] slope = new double[cats.length];
    double[] intercept = new double[cats.length];
    double[] threshold = new double[cats.length];
    List<CategoryFigures> figures = new ArrayList<>();
    for (int k = 0; k < cats.length; k++) {
      double[] platt = DevCalibration.platt(cats[k], dev, logits, k);
      slope[k] = platt[0];
      intercept[k] = platt[1];
      CategoryFigures f = calibration.chooseThreshold(cats[k], dev, logits, k, platt, epochs[k]);
      threshold[k] = f.threshold();
      figures.add(f);
      progress.accept("dev " + f);
    }
    Map<String, String> all = ClassifierModelBuilder.properties(props, options, trainMessages.size(),
        devMessages.size());

    // with folds, the thresholds judged out of sample
    if (options.folds() > 0) {
      double[][] held = fitter.outOfFoldScores(cats, train, dev, tiers);
      // the classifiers as a check runs them (the settings above), at the development thresholds
      ClassifierModel atDev = ClassifierModelBuilder.calibrated(raw, cats, slope, intercept, threshold, tiers, all);
      List<String> clean = new ArrayList<>();
      for (MessageCorpus.Message m : devMessages) {
        if (m.category() == ORDINARY) {
          clean.add(m.text());
        }
      }
      OutOfFoldThresholds out = new OutOfFoldThresholds(options, filter, progress);
      double[] chosen = out.choose(cats, train, held, dev, logits, slope, intercept, threshold, atDev, clean);
      String lift = out.lift(cats, atDev.withThresholds(chosen));
      if (lift != null) {
        all.put(ClassifierModel.LIFT, lift);
      }
      for (int k = 0; k < cats.length; k++) {
        if (chosen[k] != threshold[k]) {
          threshold[k] = chosen[k];
          figures.set(k, DevCalibration.figures(cats[k], dev, logits, k, new double[] {slope[k], intercept[k]},
              epochs[k], chosen[k]));
        }
      }
    }

    // the model, its figures and the reliability table
    ClassifierModel calibrated = ClassifierModelBuilder.calibrated(raw, cats, slope, intercept, threshold, tiers,
        Map.of());
    return ClassifierModelBuilder.result(calibrated, dev, logits, figures, all, progress);
  }

  /**
   * {@code file}, trained before, with the lift of the case-table gate ({@link WholeFilter#allowedRows()}, see
   * {@link OutOfFoldThresholds#lift}) added to its properties as training with the gate would have added it; the
   * file itself when nothing is lifted or it already holds a lift.
   */
  public static ClassifierModel lifted(ClassifierModel file, WholeFilter filter, int maxRaise,
      Consumer<String> progress) {
    if (file.properties().containsKey(ClassifierModel.LIFT)) {
      progress.accept("the file already holds " + ClassifierModel.LIFT + "=" + file.properties().get(
          ClassifierModel.LIFT) + "; kept as it is");
      return file;
    }
    Options options = Options.defaults(1).withMaxRaise(maxRaise);
    String lift = new OutOfFoldThresholds(options, filter, progress).lift(file.categories, file);
    if (lift == null) {
      return file;
    }
    Map<String, String> props = new java.util.TreeMap<>(file.properties());
    props.put(ClassifierModel.LIFT, lift);
    props.put("lift.command", "lifted by the case-table gate after training");
    return file.withProperties(props);
  }

  /** The categories with positives in {@code train}, in their order. */
  private static Category[] present(List<Example> train) {
    EnumSet<Category> present = EnumSet.noneOf(Category.class);
    for (Example e : train) {
      if (e.positive()) {
        present.add(e.category());
      }
    }
    return present.toArray(new Category[0]);
  }

  /** The logistic function, as the fitting, the calibration and the thresholds apply it. */
  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double[] thresholds() {
    double[] t = new double[29];
    for (int i = 0; i < 28; i++) {
      t[i] = (300 + 25 * i) / 1000.0;
    }
    t[28] = 0.99;
    return t;
  }

  private static Map<Category, Rating> tiers() {
    Map<Category, Rating> m = new EnumMap<>(Category.class);
    m.put(Category.SEXUAL, Rating.T18);
    m.put(Category.SEXUAL_MINORS, Rating.C);
    m.put(Category.GROOMING, Rating.C);
    m.put(Category.VIOLENCE, Rating.T16);
    m.put(Category.SELF_HARM, Rating.K);
    m.put(Category.DRUGS, Rating.T18);
    m.put(Category.GAMBLING, Rating.C);
    m.put(Category.SCAM, Rating.C);
    m.put(Category.HARASSMENT, Rating.T13);
    m.put(Category.PROFANITY, Rating.T16);
    m.put(Category.DATING, Rating.T16);
    m.put(Category.SOCIAL, Rating.K);
    m.put(Category.PII, Rating.K);
    return m;
  }
}
