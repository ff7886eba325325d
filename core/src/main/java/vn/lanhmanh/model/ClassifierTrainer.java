package vn.lanhmanh.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;

/**
 * Trains the per-category message classifiers from the labelled corpus, deterministically for a seed (one
 * thread, seeded shuffles, no clock).
 *
 * <p>For category {@code X}, a message is a positive when it is a positive of {@code X.tsv}; a negative when
 * it is a hard negative of any file, or a positive of another category's file that cannot also be an
 * {@code X} (see {@link #OVERLAPS}); the positives of overlapping categories are left out of {@code X}'s
 * training. Each classifier is a logistic regression fitted by AdaGrad with an L2 penalty, positives
 * weighted up to balance the classes and the category's own hard negatives weighted by
 * {@link Options#hardNegativeWeight} (they look most like its positives). The development part chooses the stopping epoch (its log-loss), fits
 * the Platt calibration of each category and chooses the threshold at which a category's score becomes a
 * finding: the lowest of {@link #THRESHOLDS} (from 0.3 up, in steps of 0.025) at which at most {@link Options#maxNegativeFlagged} of the category's
 * development negatives are flagged (and at most {@link #MAX_ORDINARY_FLAGGED} of the ordinary development
 * text, when some is given: messages of {@link #ORDINARY}). The development part is never fitted by the regression itself.
 * With {@link Options#folds} set, the thresholds are then judged out of sample: the messages of the tables and chat
 * folders are scored by classifiers trained without their fold, and {@link #outOfFold} lowers the development
 * thresholds where that catches more of their harmful messages within a share of their innocent ones, and
 * within what a {@link WholeFilter}, when given, may flag of the clean development comments and of the clean
 * sentences training leaves out.
 * {@link Options#lowerBelow} is written into the model (property {@code lower.below}): the score under which
 * a check lowers a lexicon finding of the category to tier P (see {@code ScoreStage}), and
 * {@link Options#unsupportedBelow} (property {@code unsupported.below}) the score under which a classifier
 * finding nothing else supports is rated at most T13.
 */
public final class ClassifierTrainer {

  /**
   * Pairs of categories one message may belong to together (docs/ANNOTATION.md, multi-label rules): a
   * positive of one is not used as a negative of the other. One pair holds one way only: sexual content
   * involving a minor is {@code sexual_minors} and also sexual, so it is left out of {@code sexual}'s
   * negatives, but a {@code sexual} positive is about adults by the annotation rules ("not sexual"), so it
   * is a negative of {@code sexual_minors}: without it, that classifier scores any short sexual text as
   * involving a child.
   */
  static final Map<Category, Set<Category>> OVERLAPS = overlaps(
      Category.GROOMING, Category.SEXUAL_MINORS,
      Category.HARASSMENT, Category.PROFANITY,
      Category.HARASSMENT, Category.SELF_HARM,
      Category.HARASSMENT, Category.VIOLENCE,
      Category.HARASSMENT, Category.SEXUAL_MINORS,
      Category.GROOMING, Category.SCAM,
      Category.GROOMING, Category.DATING,
      Category.GROOMING, Category.SOCIAL,
      Category.DATING, Category.SOCIAL,
      Category.DATING, Category.SEXUAL,
      Category.SEXUAL, Category.PROFANITY,
      Category.SCAM, Category.GAMBLING,
      Category.SCAM, Category.SOCIAL,
      Category.VIOLENCE, Category.SELF_HARM);

  /**
   * Overlaps that a message with a single label ({@link MessageCorpus.Message#only}) does not have: a line of
   * a held-out text round or a case table whose only expected category is {@code self_harm} is a negative of
   * {@code harassment} and of {@code violence}. A disclosure ("con không muốn sống nữa", "đâm đầu vào xe cho
   * xong") shares the words of a wish, of dying and of a blow with "mày đi chết đi"; with every self-harm
   * positive left out of those two classifiers' training, nothing taught them that a disclosure is not an
   * insult or a threat. A positive of the corpus's {@code self_harm.tsv} may also be harassment or violence,
   * and stays out of them.
   */
  static final Map<Category, Set<Category>> NOT_SHARED_WHEN_ONLY = Map.of(
      Category.HARASSMENT, Set.of(Category.SELF_HARM),
      Category.VIOLENCE, Set.of(Category.SELF_HARM));

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
   */
  public record Options(long seed, int bits, int maxEpochs, int patience, double learningRate, double l2,
      double maxNegativeFlagged, double hardNegativeWeight, double lowerBelow, double unsupportedBelow,
      boolean knownChar3, int conceptContext, int minEpochs, int folds, double maxInnocentFlagged) {
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
          lowerBelow, unsupportedBelow, read, conceptContext, minEpochs, folds, maxInnocentFlagged);
    }

    /**
     * These settings with concept-context features of {@code window} syllables on each side of a concept hit
     * (0: none).
     */
    public Options withConceptContext(int window) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, window, minEpochs, folds, maxInnocentFlagged);
    }

    /**
     * These settings with the stopping epoch chosen among epochs {@code epochs} and later only (1: any). The
     * development loss of a category can be flat over many epochs while its training hard negatives are still
     * being fitted (the scam classifier at epoch 6 read a school login as phishing, docs/MODEL.md, "The
     * sixteenth round"); a minimum keeps the first dip from stopping it there.
     */
    public Options withMinEpochs(int epochs) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, conceptContext, epochs, folds, maxInnocentFlagged);
    }

    /**
     * These settings with thresholds chosen out of sample: the sources of the training messages that name one
     * ({@link ClassifierTrainer#train(List, int[], List, Analyser, Options, Map, Consumer)}) are dealt into
     * {@code n} folds, each fold's messages are scored by classifiers trained without it, and each category's
     * threshold is chosen on those scores ({@link ClassifierTrainer#outOfFold}) so that the innocent messages
     * flagged by any classifier stay within {@code innocent} of them. {@code n} 0: the development rule alone.
     */
    public Options withFolds(int n, double innocent) {
      return new Options(seed, bits, maxEpochs, patience, learningRate, l2, maxNegativeFlagged, hardNegativeWeight,
          lowerBelow, unsupportedBelow, knownChar3, conceptContext, minEpochs, n, innocent);
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
     * Clean sentences that training does not read (of each {@code --corpus-sentences} file, the lines
     * {@link ClassifierTrainer#SENTENCE_EVERY} leaves out), one set a file: with them, a threshold may not move
     * to a value at which {@link #judgeSentences} flags more of a set than the development thresholds do. None
     * by default.
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

    /** A configuration and the share of the clean comments it may flag (at most {@code floor(share * n)}). */
    record Bound(String name, double maxShare) {}

    /** A named set of held clean sentences. */
    record Sentences(String name, List<String> texts) {}

    /** One text's verdicts: {@code flagged[f]} for configuration {@code f}, and the classifiers' scores. */
    record Judged(boolean[] flagged, double[] scores) {}
  }

  /** The trained classifiers, their development figures and the reliability table on dev. */
  public record Result(ClassifierModel model, List<CategoryFigures> dev, List<String> reliability) {}

  /** A training or development message as features; {@code fold} is its out-of-sample fold, or -1 (none). */
  private record Example(int[] feats, double value, Category category, boolean positive, boolean only, int fold) {}

  private final Analyser analyser;
  private final Options options;
  private final WholeFilter filter;
  private final Consumer<String> progress;
  private final MessageFeatures.Buffer buffer = new MessageFeatures.Buffer();

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

  /** The label of {@code m} for category {@code c}: 1, 0, or -1 when it says nothing about {@code c}. */
  static int label(Category c, Category file, boolean positive) {
    return label(c, file, positive, false);
  }

  /**
   * The label for category {@code c} of a message of {@code file}, when {@code only} says the source gives it
   * that one label (see {@link #NOT_SHARED_WHEN_ONLY}).
   */
  static int label(Category c, Category file, boolean positive, boolean only) {
    if (file == c) {
      return positive ? 1 : 0;
    }
    if (!positive) {
      return 0;
    }
    if (only && NOT_SHARED_WHEN_ONLY.getOrDefault(c, Set.of()).contains(file)) {
      return 0;
    }
    return OVERLAPS.getOrDefault(c, Set.of()).contains(file) ? -1 : 0;
  }

  private static int label(Category c, Example e) {
    return label(c, e.category(), e.positive(), e.only());
  }

  private Result run(List<MessageCorpus.Message> trainMessages, int[] sources,
      List<MessageCorpus.Message> devMessages, Map<String, String> props) {
    int size = 1 << options.bits();
    int mask = size - 1;
    List<Example> train = prepare(trainMessages, sources, mask);
    List<Example> dev = prepare(devMessages, null, mask);
    EnumSet<Category> present = EnumSet.noneOf(Category.class);
    for (Example e : train) {
      if (e.positive()) {
        present.add(e.category());
      }
    }
    Category[] cats = present.toArray(new Category[0]);
    progress.accept(String.format(Locale.ROOT, "classifiers: %d training and %d development messages, %d "
        + "categories", train.size(), dev.size(), cats.length));
    int[] epochs = new int[cats.length];
    double[][] w = fitAll(cats, train, dev, -1, epochs, true);
    Rating[] tiers = new Rating[cats.length];
    for (int k = 0; k < cats.length; k++) {
      tiers[k] = TIERS.get(cats[k]);
    }
    ClassifierModel raw = quantise(cats, w, tiers);
    double[][] logits = logits(raw, dev);
    double[] slope = new double[cats.length];
    double[] intercept = new double[cats.length];
    double[] threshold = new double[cats.length];
    List<CategoryFigures> figures = new ArrayList<>();
    for (int k = 0; k < cats.length; k++) {
      double[] platt = platt(cats[k], dev, logits, k);
      slope[k] = platt[0];
      intercept[k] = platt[1];
      CategoryFigures f = chooseThreshold(cats[k], dev, logits, k, platt, epochs[k]);
      threshold[k] = f.threshold();
      figures.add(f);
      progress.accept("dev " + f);
    }
    Map<String, String> all = new TreeMap<>(props);
    all.put("seed", Long.toString(options.seed()));
    all.put("bits", Integer.toString(options.bits()));
    all.put("train.messages", Integer.toString(trainMessages.size()));
    all.put("dev.messages", Integer.toString(devMessages.size()));
    all.put("model.version", Integer.toString(ClassifierModel.VERSION));
    if (options.lowerBelow() > 0) {
      all.put(ClassifierModel.LOWER_BELOW, Double.toString(options.lowerBelow()));
    }
    if (options.unsupportedBelow() > 0) {
      all.put(ClassifierModel.UNSUPPORTED_BELOW, Double.toString(options.unsupportedBelow()));
    }
    if (!options.knownChar3()) {
      all.put(ClassifierModel.CHAR3, ClassifierModel.CHAR3_UNKNOWN);
    }
    if (options.conceptContext() > 0) {
      all.put(ClassifierModel.CONCEPT_CONTEXT, Integer.toString(options.conceptContext()));
    }
    if (options.folds() > 0) {
      double[][] held = outOfFoldScores(cats, train, dev, tiers);
      // the classifiers as a check runs them (the settings above), at the development thresholds
      ClassifierModel atDev = new ClassifierModel(raw.bits, cats, raw.scale, slope, intercept, threshold, tiers,
          raw.weights(), all);
      List<String> clean = new ArrayList<>();
      for (MessageCorpus.Message m : devMessages) {
        if (m.category() == ORDINARY) {
          clean.add(m.text());
        }
      }
      double[] chosen = outOfFoldThresholds(cats, train, held, dev, logits, slope, intercept, threshold, atDev,
          clean);
      for (int k = 0; k < cats.length; k++) {
        if (chosen[k] != threshold[k]) {
          threshold[k] = chosen[k];
          figures.set(k, figures(cats[k], dev, logits, k, new double[] {slope[k], intercept[k]}, epochs[k],
              chosen[k]));
        }
      }
    }
    ClassifierModel calibrated = new ClassifierModel(raw.bits, cats, raw.scale, slope, intercept, threshold,
        tiers, raw.weights(), Map.of());
    List<String> reliability = reliability(calibrated, dev, logits);
    reliability.forEach(progress);
    for (CategoryFigures f : figures) {
      all.put("dev." + f.category().jsonName(), f.toString().substring(13).trim());
    }
    return new Result(calibrated.withProperties(all), figures, reliability);
  }

  private List<Example> prepare(List<MessageCorpus.Message> messages, int[] sources, int mask) {
    List<Example> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      MessageCorpus.Message m = messages.get(i);
      int fold = options.folds() > 0 && sources != null && sources[i] >= 0 ? sources[i] % options.folds() : -1;
      List<Finding> found = analyser.findings(m.text());
      MessageFeatures.extract(m.text(), analyser.state(), analyser.vocabulary(), found, mask, options.knownChar3(),
          options.conceptContext(), buffer);
      out.add(new Example(Arrays.copyOf(buffer.feats, buffer.size), buffer.value(), m.category(), m.positive(),
          m.only(), fold));
    }
    return out;
  }

  /**
   * Fits every category's weights on the training messages outside fold {@code without} (-1: all of them), one
   * category a task on as many threads as the machine has (each category's fit is its own, with its own seeded
   * shuffles, so the weights do not depend on the threads); the chosen epochs go into {@code epochs}.
   */
  private double[][] fitAll(Category[] cats, List<Example> train, List<Example> dev, int without, int[] epochs,
      boolean report) {
    double[][] w = new double[cats.length][];
    int threads = Math.max(1, Math.min(cats.length, Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
      for (int k = 0; k < cats.length; k++) {
        int kk = k;
        tasks.add(pool.submit(() -> {
          double[] best = new double[1 << options.bits()];
          epochs[kk] = fit(cats[kk], train, dev, best, without, report);
          w[kk] = best;
        }));
      }
      for (java.util.concurrent.Future<?> t : tasks) {
        t.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return w;
  }

  private ClassifierModel quantise(Category[] cats, double[][] w, Rating[] tiers) {
    double[] ones = new double[cats.length];
    double[] zeros = new double[cats.length];
    double[] never = new double[cats.length];
    Arrays.fill(ones, 1);
    Arrays.fill(never, 2);
    return ClassifierModel.quantise(options.bits(), cats, w, ones, zeros, never, tiers, Map.of());
  }

  /** The logits of {@code examples} by the quantised model {@code raw}: what a check computes. */
  private static double[][] logits(ClassifierModel raw, List<Example> examples) {
    double[][] logits = new double[examples.size()][raw.categories.length];
    long[] acc = new long[ClassifierModel.ACC];
    MessageFeatures.Buffer b = new MessageFeatures.Buffer();
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      b.feats = e.feats();
      b.size = e.feats().length;
      raw.logits(b, logits[i], acc);
    }
    return logits;
  }

  /**
   * The out-of-fold scores: for each fold, classifiers trained (with the same recipe, stopping epochs and Platt
   * calibration on dev) without that fold's messages score them. {@code [i][k]} is the calibrated score of
   * training message {@code i} for category {@code k}; NaN for a message in no fold.
   */
  private double[][] outOfFoldScores(Category[] cats, List<Example> train, List<Example> dev, Rating[] tiers) {
    double[][] held = new double[train.size()][];
    for (int fold = 0; fold < options.folds(); fold++) {
      List<Example> mine = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        if (train.get(i).fold() == fold) {
          mine.add(train.get(i));
          at.add(i);
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      int[] epochs = new int[cats.length];
      ClassifierModel raw = quantise(cats, fitAll(cats, train, dev, fold, epochs, false), tiers);
      double[][] devLogits = logits(raw, dev);
      double[][] logits = logits(raw, mine);
      double[][] platt = new double[cats.length][];
      for (int k = 0; k < cats.length; k++) {
        platt[k] = platt(cats[k], dev, devLogits, k);
      }
      for (int j = 0; j < mine.size(); j++) {
        double[] s = new double[cats.length];
        for (int k = 0; k < cats.length; k++) {
          s[k] = sigmoid(platt[k][0] * logits[j][k] + platt[k][1]);
        }
        held[at.get(j)] = s;
      }
      progress.accept(String.format(Locale.ROOT, "fold %d of %d: %d messages scored by classifiers trained "
          + "without them (epochs %s)", fold + 1, options.folds(), mine.size(), Arrays.toString(epochs)));
    }
    return held;
  }

  /** Fits category {@code c}'s weights into {@code best}, without fold {@code without}; returns the chosen epoch. */
  private int fit(Category c, List<Example> train, List<Example> dev, double[] best, int without, boolean report) {
    List<Example> mine = new ArrayList<>();
    int pos = 0;
    for (Example e : train) {
      if (without >= 0 && e.fold() == without) {
        continue;
      }
      int y = label(c, e);
      if (y >= 0) {
        mine.add(e);
        pos += y;
      }
    }
    int neg = mine.size() - pos;
    double posWeight = pos == 0 ? 1 : Math.max(1, Math.sqrt((double) neg / pos));
    double[] w = new double[best.length];
    double[] g2 = new double[best.length];
    Random random = new Random(options.seed() * 1_000_003L + c.ordinal());
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    double lr = options.learningRate();
    double hardWeight = options.hardNegativeWeight();
    double l2 = options.l2();
    for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
      java.util.Collections.shuffle(mine, random);
      for (Example e : mine) {
        int y = label(c, e);
        double z = 0;
        for (int f : e.feats()) {
          z += w[f];
        }
        z *= e.value();
        double p = sigmoid(z);
        double g = (y - p) * (y == 1 ? posWeight : e.category() == c ? hardWeight : 1) * e.value();
        for (int f : e.feats()) {
          double grad = g - l2 * w[f];
          g2[f] += grad * grad;
          w[f] += lr * grad / (Math.sqrt(g2[f]) + 1e-8);
        }
      }
      if (epoch < options.minEpochs()) {
        continue;
      }
      double loss = devLoss(c, dev, w);
      if (loss < bestLoss - 1e-6) {
        bestLoss = loss;
        bestEpoch = epoch;
        System.arraycopy(w, 0, best, 0, w.length);
      } else if (epoch - bestEpoch >= options.patience()) {
        break;
      }
    }
    if (report) {
      String line = String.format(Locale.ROOT, "  %-13s %d positives, %d negatives; best epoch %d, dev log-loss "
          + "%.4f", c.jsonName(), pos, neg, bestEpoch, bestLoss);
      synchronized (progress) {
        progress.accept(line);
      }
    }
    return bestEpoch;
  }

  private static double devLoss(Category c, List<Example> dev, double[] w) {
    double loss = 0;
    int n = 0;
    for (Example e : dev) {
      int y = label(c, e);
      if (y < 0) {
        continue;
      }
      double z = 0;
      for (int f : e.feats()) {
        z += w[f];
      }
      double p = Math.min(Math.max(sigmoid(z * e.value()), 1e-9), 1 - 1e-9);
      loss -= y == 1 ? Math.log(p) : Math.log(1 - p);
      n++;
    }
    return n == 0 ? 0 : loss / n;
  }

  /**
   * Platt scaling of category {@code k}'s logits on the development messages (Newton's method, with Platt's
   * smoothed targets so that a separable dev set keeps a finite slope).
   */
  private static double[] platt(Category c, List<Example> dev, double[][] logits, int k) {
    List<double[]> xy = new ArrayList<>();
    int pos = 0;
    int neg = 0;
    for (int i = 0; i < dev.size(); i++) {
      int y = label(c, dev.get(i));
      if (y >= 0) {
        xy.add(new double[] {logits[i][k], y});
        pos += y;
        neg += 1 - y;
      }
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double a = 1;
    double b = 0;
    for (int iter = 0; iter < 100; iter++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-6;
      double hab = 0;
      double hbb = 1e-6;
      for (double[] p : xy) {
        double t = p[1] == 1 ? hi : lo;
        double q = sigmoid(a * p[0] + b);
        double d = t - q;
        double v = q * (1 - q);
        ga += d * p[0];
        gb += d;
        haa += v * p[0] * p[0];
        hab += v * p[0];
        hbb += v;
      }
      double det = haa * hbb - hab * hab;
      if (Math.abs(det) < 1e-12) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a += da;
      b += db;
      if (Math.abs(da) + Math.abs(db) < 1e-10) {
        break;
      }
    }
    return new double[] {a, b};
  }

  private CategoryFigures chooseThreshold(Category c, List<Example> dev, double[][] logits, int k,
      double[] platt, int epochs) {
    CategoryFigures chosen = null;
    for (double t : THRESHOLDS) {
      CategoryFigures f = figures(c, dev, logits, k, platt, epochs, t);
      if (withinDevBounds(f)) {
        return f;
      }
      chosen = f;
    }
    // not even 0.99 keeps the negatives clean: no findings from this classifier
    return new CategoryFigures(c, epochs, 2, chosen.positives(), 0, chosen.hardNegatives(), 0,
        chosen.negatives(), 0, chosen.ordinary(), 0);
  }

  private boolean withinDevBounds(CategoryFigures f) {
    return f.hardFlagged() <= options.maxNegativeFlagged() * f.hardNegatives()
        && f.flagged() <= options.maxNegativeFlagged() * f.negatives()
        && f.ordinaryFlagged() <= MAX_ORDINARY_FLAGGED * f.ordinary();
  }

  /** Category {@code c}'s development figures at threshold {@code t}. */
  private static CategoryFigures figures(Category c, List<Example> dev, double[][] logits, int k, double[] platt,
      int epochs, double t) {
    int positives = 0;
    int found = 0;
    int hard = 0;
    int hardFlagged = 0;
    int negatives = 0;
    int flagged = 0;
    int ordinary = 0;
    int ordinaryFlagged = 0;
    for (int i = 0; i < dev.size(); i++) {
      Example e = dev.get(i);
      int y = label(c, e);
      if (y < 0) {
        continue;
      }
      boolean hit = sigmoid(platt[0] * logits[i][k] + platt[1]) >= t;
      if (e.category() == ORDINARY) {
        ordinary++;
        ordinaryFlagged += hit ? 1 : 0;
      } else if (y == 1) {
        positives++;
        found += hit ? 1 : 0;
      } else {
        negatives++;
        flagged += hit ? 1 : 0;
        if (e.category() == c) {
          hard++;
          hardFlagged += hit ? 1 : 0;
        }
      }
    }
    return new CategoryFigures(c, epochs, t, positives, found, hard, hardFlagged, negatives, flagged, ordinary,
        ordinaryFlagged);
  }

  /**
   * The thresholds chosen on the out-of-fold scores {@code held} (see {@link #outOfFold}): each category starts
   * at its development threshold {@code devThreshold}. With a {@link WholeFilter}, the ordinary development
   * comments ({@code cleanTexts}, ViHOS comments without a span) that the whole filter with the classifiers
   * ({@code atDev} at the thresholds tried) flags stay within its bounds: the start is raised until they do, and
   * a threshold goes down only within them; and of each set of held clean sentences it gives
   * ({@link WholeFilter#sentences()}), the whole filter may flag no more at age 10 than at the development
   * thresholds (after any raise, no more than then, if more). Without one, a threshold may only go down, and no more ordinary
   * development comments may be flagged by any classifier than the development thresholds flag (each of which
   * flags at most {@link #MAX_ORDINARY_FLAGGED} of them). Profanity, whose classifier makes
   * no finding of its own, keeps its development threshold; sexual content and drugs go no lower than the
   * thresholds from which the score stage already stops a child ({@link ScoreStage#SEXUAL_CHILD_THRESHOLD},
   * {@link ScoreStage#DRUGS_CHILD_THRESHOLD}): under them a finding would be of full tier for every age, and a
   * tuning chat's opener ("hom truoc em gui anh clip dep lam", sexual 0.56) was blocked as adult content before
   * its threat could be read as grooming.
   */
  private double[] outOfFoldThresholds(Category[] cats, List<Example> train, double[][] held, List<Example> dev,
      double[][] devLogits, double[] slope, double[] intercept, double[] devThreshold, ClassifierModel atDev,
      List<String> cleanTexts) {
    List<double[]> scores = new ArrayList<>();
    List<Boolean> harm = new ArrayList<>();
    List<Boolean> innocent = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      if (held[i] != null) {
        Example e = train.get(i);
        scores.add(held[i]);
        harm.add(e.positive() && e.category() != ORDINARY);
        innocent.add(e.category() == ORDINARY);
      }
    }
    List<double[]> ordinary = new ArrayList<>();
    for (int i = 0; i < dev.size(); i++) {
      if (dev.get(i).category() == ORDINARY) {
        double[] s = new double[cats.length];
        for (int k = 0; k < cats.length; k++) {
          s[k] = sigmoid(slope[k] * devLogits[i][k] + intercept[k]);
        }
        ordinary.add(s);
      }
    }
    int[] floor = new int[cats.length];
    int[] start = new int[cats.length];
    for (int k = 0; k < cats.length; k++) {
      start[k] = index(devThreshold[k]);
      floor[k] = switch (cats[k]) {
        case PROFANITY -> start[k];
        case SEXUAL -> Math.min(start[k], index(ScoreStage.SEXUAL_CHILD_THRESHOLD));
        case DRUGS -> Math.min(start[k], index(ScoreStage.DRUGS_CHILD_THRESHOLD));
        case SELF_HARM -> Math.min(start[k], index(ScoreStage.SELF_HARM_SIGNED_THRESHOLD));
        default -> 0;
      };
    }
    boolean[] h = new boolean[scores.size()];
    boolean[] n = new boolean[scores.size()];
    int harmful = 0;
    int innocents = 0;
    for (int i = 0; i < h.length; i++) {
      h[i] = harm.get(i);
      n[i] = innocent.get(i);
      harmful += h[i] ? 1 : 0;
      innocents += n[i] ? 1 : 0;
    }
    double[][] ord = ordinary.toArray(new double[0][]);
    FilterCount comments = filter == null || cleanTexts.isEmpty() ? null
        : new FilterCount(filter::judge, cleanTexts, atDev, filter.bounds().stream()
            .mapToDouble(WholeFilter.Bound::maxShare).toArray());
    List<CleanCount> sentenceCounts = new ArrayList<>();
    if (comments != null) {
      for (WholeFilter.Sentences set : filter.sentences()) {
        sentenceCounts.add(boundAtStart(new FilterCount(filter::judgeSentences, set.texts(), atDev,
            new double[] {0}), start));
      }
    }
    List<CleanCount> parts = new ArrayList<>();
    if (comments != null) {
      parts.add(comments);
    }
    parts.addAll(sentenceCounts);
    CleanCount clean = comments == null ? classifiersAlone(ord, start, 0) : combined(parts);
    int[] atStart = clean.flagged(start);
    int[] chosen = outOfFold(scores.toArray(new double[0][]), h, n, clean, floor, start,
        options.maxInnocentFlagged());
    double[] out = devThreshold.clone();
    for (int k = 0; k < cats.length; k++) {
      out[k] = chosen[k] < THRESHOLDS.length ? THRESHOLDS[chosen[k]] : 2;
    }
    int[] before = caughtAndFlagged(scores, h, n, devThreshold);
    int[] after = caughtAndFlagged(scores, h, n, out);
    progress.accept(String.format(Locale.ROOT, "out of fold: %d harmful and %d innocent messages; at the "
        + "development thresholds %d caught and %d flagged (%d of %d ordinary development comments), at the "
        + "chosen ones %d caught and %d flagged (%d)", harmful, innocents, before[0], before[1],
        flaggedAny(ord, devThreshold), ord.length, after[0], after[1], flaggedAny(ord, out)));
    StringBuilder list = new StringBuilder();
    for (int k = 0; k < cats.length; k++) {
      list.append(k == 0 ? "" : ", ").append(cats[k].jsonName())
          .append(String.format(Locale.ROOT, " %.3f", devThreshold[k]));
      if (out[k] != devThreshold[k]) {
        list.append(String.format(Locale.ROOT, " -> %.3f", out[k]));
      }
    }
    progress.accept("thresholds, development -> out of sample: " + list);
    if (comments != null) {
      int[] atChosen = clean.flagged(chosen);
      // the file's own thresholds, judged afresh: what the guard will count
      int[] checked = new int[atChosen.length];
      for (WholeFilter.Judged j : filter.judge(atDev.withThresholds(out), cleanTexts)) {
        for (int f = 0; f < j.flagged().length; f++) {
          checked[f] += j.flagged()[f] ? 1 : 0;
        }
      }
      List<WholeFilter.Bound> bounds = filter.bounds();
      int[] bound = clean.bound();
      for (int f = 0; f < bounds.size(); f++) {
        progress.accept(String.format(Locale.ROOT, "clean development comments flagged by the whole filter (%s): "
            + "%d of %d at the development thresholds, %d at the chosen ones (%d with the file's thresholds "
            + "judged afresh), bound %d", bounds.get(f).name(), atStart[f], cleanTexts.size(), atChosen[f],
            checked[f], bound[f]));
      }
      int f0 = bounds.size();
      List<WholeFilter.Sentences> sets = filter.sentences();
      for (int s = 0; s < sets.size(); s++) {
        int afresh = 0;
        for (WholeFilter.Judged j : filter.judgeSentences(atDev.withThresholds(out), sets.get(s).texts())) {
          afresh += j.flagged()[0] ? 1 : 0;
        }
        progress.accept(String.format(Locale.ROOT, "held clean sentences flagged at age 10 by the whole filter "
            + "(%s): %d of %d at the development thresholds, %d at the chosen ones (%d with the file's "
            + "thresholds judged afresh), bound %d", sets.get(s).name(), atStart[f0 + s],
            sets.get(s).texts().size(), atChosen[f0 + s], afresh, bound[f0 + s]));
      }
    }
    return out;
  }

  /**
   * {@code count} bound by what the thresholds {@code start} flag (the development thresholds: a move may flag
   * no more than they do) instead of by its own bound.
   */
  static CleanCount boundAtStart(CleanCount count, int[] start) {
    int[] atStart = count.flagged(start);
    return new CleanCount() {
      @Override
      public int[] flagged(int[] idx) {
        return count.flagged(idx);
      }

      @Override
      public int[] bound() {
        return atStart.clone();
      }
    };
  }

  /** The counts and bounds of {@code parts}, one after the other. */
  static CleanCount combined(List<? extends CleanCount> parts) {
    return new CleanCount() {
      @Override
      public int[] flagged(int[] idx) {
        List<int[]> each = new ArrayList<>();
        for (CleanCount p : parts) {
          each.add(p.flagged(idx));
        }
        return join(each);
      }

      @Override
      public int[] bound() {
        List<int[]> each = new ArrayList<>();
        for (CleanCount p : parts) {
          each.add(p.bound());
        }
        return join(each);
      }
    };
  }

  private static int[] join(List<int[]> arrays) {
    int n = 0;
    for (int[] a : arrays) {
      n += a.length;
    }
    int[] out = new int[n];
    int at = 0;
    for (int[] a : arrays) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }

  /**
   * {@link CleanCount} by the whole filter ({@link WholeFilter}). A check compares each category's calibrated
   * score with its threshold and with nothing else that the thresholds set, so a comment's verdict under a
   * set of thresholds depends only on which categories' scores reach them: the comment is judged once for
   * each such set met (by a copy of the classifiers whose thresholds are 0 for the categories in it and
   * past 1 for the others), and the answer kept.
   */
  private static final class FilterCount implements CleanCount {
    private final BiFunction<ClassifierModel, List<String>, List<WholeFilter.Judged>> filter;
    private final List<String> texts;
    private final ClassifierModel base;
    private final double[][] score;
    private final List<Map<Integer, boolean[]>> judged = new ArrayList<>();
    private final int[] bound;

    /**
     * {@code filter} judges {@code texts}; each configuration it judges may flag at most {@code floor(maxShare[f]
     * * n)} of them.
     */
    FilterCount(BiFunction<ClassifierModel, List<String>, List<WholeFilter.Judged>> filter,
        List<String> texts, ClassifierModel base, double[] maxShare) {
      this.filter = filter;
      this.texts = texts;
      this.base = base;
      int cats = base.categories.length;
      if (cats > 31) {
        throw new IllegalArgumentException("too many categories for the whole-filter bound: " + cats);
      }
      List<WholeFilter.Judged> none = filter.apply(base.withThresholds(probe(0)), texts);
      score = new double[texts.size()][];
      for (int i = 0; i < texts.size(); i++) {
        score[i] = none.get(i).scores();
        Map<Integer, boolean[]> m = new java.util.HashMap<>();
        m.put(0, none.get(i).flagged());
        judged.add(m);
      }
      bound = new int[maxShare.length];
      for (int f = 0; f < bound.length; f++) {
        bound[f] = (int) Math.floor(maxShare[f] * texts.size() + 1e-9);
      }
    }

    /** Thresholds that make the categories of {@code reached} (a bit set) reach theirs, and no other. */
    private double[] probe(int reached) {
      double[] t = new double[base.categories.length];
      for (int k = 0; k < t.length; k++) {
        t[k] = (reached >>> k & 1) != 0 ? 0 : 2;
      }
      return t;
    }

    @Override
    public int[] flagged(int[] idx) {
      int[] reached = new int[texts.size()];
      Map<Integer, List<Integer>> missing = new TreeMap<>();
      for (int i = 0; i < texts.size(); i++) {
        int r = 0;
        for (int k = 0; k < idx.length; k++) {
          if (idx[k] < THRESHOLDS.length && score[i][k] >= THRESHOLDS[idx[k]]) {
            r |= 1 << k;
          }
        }
        reached[i] = r;
        if (!judged.get(i).containsKey(r)) {
          missing.computeIfAbsent(r, x -> new ArrayList<>()).add(i);
        }
      }
      for (Map.Entry<Integer, List<Integer>> e : missing.entrySet()) {
        List<String> some = new ArrayList<>();
        e.getValue().forEach(i -> some.add(texts.get(i)));
        List<WholeFilter.Judged> j = filter.apply(base.withThresholds(probe(e.getKey())), some);
        for (int x = 0; x < some.size(); x++) {
          judged.get(e.getValue().get(x)).put(e.getKey(), j.get(x).flagged());
        }
      }
      int[] counts = new int[bound.length];
      for (int i = 0; i < texts.size(); i++) {
        boolean[] f = judged.get(i).get(reached[i]);
        for (int c = 0; c < counts.length; c++) {
          counts[c] += f[c] ? 1 : 0;
        }
      }
      return counts;
    }

    @Override
    public int[] bound() {
      return bound.clone();
    }
  }

  private static int flaggedAny(double[][] scores, double[] threshold) {
    int flagged = 0;
    for (double[] s : scores) {
      for (int k = 0; k < threshold.length; k++) {
        if (s[k] >= threshold[k]) {
          flagged++;
          break;
        }
      }
    }
    return flagged;
  }

  private static int[] caughtAndFlagged(List<double[]> scores, boolean[] harm, boolean[] innocent,
      double[] threshold) {
    int caught = 0;
    int flagged = 0;
    for (int i = 0; i < harm.length; i++) {
      boolean hit = false;
      for (int k = 0; k < threshold.length; k++) {
        hit |= scores.get(i)[k] >= threshold[k];
      }
      caught += harm[i] && hit ? 1 : 0;
      flagged += innocent[i] && hit ? 1 : 0;
    }
    return new int[] {caught, flagged};
  }

  /** The index in {@link #THRESHOLDS} of {@code t}, or {@code THRESHOLDS.length} for none (a threshold of 2). */
  private static int index(double t) {
    for (int i = 0; i < THRESHOLDS.length; i++) {
      if (THRESHOLDS[i] == t) {
        return i;
      }
    }
    return THRESHOLDS.length;
  }

  /**
   * The clean development comments (ViHOS comments without a span) as a bound on the thresholds: how many of
   * them are flagged under a set of thresholds, by each filter judged, and the most each may flag.
   */
  interface CleanCount {
    /**
     * The comments flagged, one count per filter judged, with category {@code k}'s threshold at index
     * {@code idx[k]} of {@link #THRESHOLDS} ({@code THRESHOLDS.length}: none).
     */
    int[] flagged(int[] idx);

    /** The most comments each filter judged may flag. */
    int[] bound();
  }

  /**
   * The bound of the files before 2026-12-05: an ordinary comment is flagged when any classifier scores it at or
   * above its threshold ({@code ordinary[j][k]}), and at most {@code maxOrdinary} of them may be, or as many as
   * the thresholds {@code start} flag, when more.
   */
  static CleanCount classifiersAlone(double[][] ordinary, int[] start, double maxOrdinary) {
    int[] atStart = flaggedByClassifiers(ordinary, start);
    int bound = Math.max(atStart[0], (int) Math.floor(maxOrdinary * ordinary.length + 1e-9));
    return new CleanCount() {
      @Override
      public int[] flagged(int[] idx) {
        return flaggedByClassifiers(ordinary, idx);
      }

      @Override
      public int[] bound() {
        return new int[] {bound};
      }
    };
  }

  private static int[] flaggedByClassifiers(double[][] ordinary, int[] idx) {
    int flagged = 0;
    for (double[] s : ordinary) {
      for (int k = 0; k < idx.length; k++) {
        if (idx[k] < THRESHOLDS.length && s[k] >= THRESHOLDS[idx[k]]) {
          flagged++;
          break;
        }
      }
    }
    return new int[] {flagged};
  }

  /**
   * The out-of-sample threshold rule with the bound of the files before 2026-12-05 (see
   * {@link #classifiersAlone}): {@link #outOfFold(double[][], boolean[], boolean[], CleanCount, int[], int[], double)}.
   */
  static int[] outOfFold(double[][] scores, boolean[] harm, boolean[] innocent, double[][] ordinary, int[] floor,
      int[] start, double maxInnocent, double maxOrdinary) {
    return outOfFold(scores, harm, innocent, classifiersAlone(ordinary, start, maxOrdinary), floor, start,
        maxInnocent);
  }

  /**
   * The out-of-sample threshold rule. {@code scores[i][k]} is held-out message {@code i}'s out-of-fold score
   * for category {@code k}; a message is harmful ({@code harm}), innocent ({@code innocent}) or neither. A
   * harmful message is caught, and an innocent message flagged, when any category scores it at or above its
   * threshold; {@code clean} counts the clean development comments flagged. Category {@code k} starts at index
   * {@code start[k]} of {@link #THRESHOLDS} (or past its end: no threshold). First, while {@code clean} counts
   * more flagged comments than its bound, the raise of one category's threshold that flags fewer of them is
   * taken, the one that loses the fewest harmful messages caught per comment no longer flagged (then the
   * smaller raise, then the lower category). Then each category may go down to {@code floor[k]}: greedily, the
   * move of one category to a lower threshold that catches at least one more harmful message, keeps the
   * innocent messages flagged within {@code maxInnocent} of them (or within those flagged at the start, when
   * more) and the clean comments flagged within {@code clean}'s bound (or within those flagged after the
   * raises, when more) is taken, the one with the most harmful messages caught per innocent message flagged
   * plus one (then the most caught, then the lower category, then the higher threshold), until no move is left.
   *
   * @return each category's chosen index into {@link #THRESHOLDS}
   */
  static int[] outOfFold(double[][] scores, boolean[] harm, boolean[] innocent, CleanCount clean, int[] floor,
      int[] start, double maxInnocent) {
    int cats = start.length;
    int n = scores.length;
    int[] idx = start.clone();
    int[] bound = clean.bound();
    int[] counted = clean.flagged(idx);
    while (excess(counted, bound) > 0) {
      int caught = caught(scores, harm, idx);
      Move best = new Move();
      for (int k = 0; k < cats; k++) {
        for (int t = idx[k] + 1; t <= THRESHOLDS.length; t++) {
          int[] move = idx.clone();
          move[k] = t;
          int[] c = clean.flagged(move);
          int less = excess(counted, bound) - excess(c, bound);
          if (less <= 0) {
            continue;
          }
          int lost = caught - caught(scores, harm, move);
          // lost / less against the best's, in integers; a tie goes to the first (smaller raise)
          if (best.k < 0 || (long) lost * best.b < (long) best.a * less) {
            best.take(k, t, lost, less, c);
          }
        }
      }
      if (best.k < 0) {
        break;
      }
      idx[best.k] = best.t;
      counted = best.counted;
    }
    int[] cleanBudget = new int[bound.length];
    for (int f = 0; f < bound.length; f++) {
      cleanBudget[f] = Math.max(bound[f], counted[f]);
    }
    int innocents = 0;
    for (boolean b : innocent) {
      innocents += b ? 1 : 0;
    }
    boolean[] hit = new boolean[n];
    int flagged = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < cats; k++) {
        hit[i] |= idx[k] < THRESHOLDS.length && scores[i][k] >= THRESHOLDS[idx[k]];
      }
      flagged += innocent[i] && hit[i] ? 1 : 0;
    }
    long budget = Math.max(flagged, (long) Math.floor(maxInnocent * innocents + 1e-9));
    int steps = THRESHOLDS.length + 1;
    while (true) {
      Move best = new Move();
      for (int k = 0; k < cats; k++) {
        if (idx[k] <= floor[k]) {
          continue;
        }
        // gain[t] and cost[t]: the harmful and innocent messages not yet hit whose score reaches THRESHOLDS[t]
        int[] gain = new int[steps];
        int[] cost = new int[steps];
        for (int i = 0; i < n; i++) {
          if (hit[i] || !(harm[i] || innocent[i])) {
            continue;
          }
          int t = highest(scores[i][k]);
          if (t >= 0) {
            (harm[i] ? gain : cost)[t]++;
          }
        }
        int g = 0;
        int c = 0;
        for (int t = THRESHOLDS.length - 1; t >= floor[k]; t--) {
          g += gain[t];
          c += cost[t];
          if (t >= idx[k] || g == 0 || flagged + c > budget) {
            continue;
          }
          // g / (c + 1) against the best's gain / (cost + 1), in integers
          long lhs = (long) g * (best.b + 1);
          long rhs = (long) best.a * (c + 1);
          if (best.k >= 0 && !(lhs > rhs || lhs == rhs && g > best.a)) {
            continue;
          }
          int[] move = idx.clone();
          move[k] = t;
          int[] counts = clean.flagged(move);
          if (!within(counts, cleanBudget)) {
            continue;
          }
          best.take(k, t, g, c, counts);
        }
      }
      if (best.k < 0) {
        return idx;
      }
      idx[best.k] = best.t;
      counted = best.counted;
      for (int i = 0; i < n; i++) {
        if (!hit[i] && scores[i][best.k] >= THRESHOLDS[best.t]) {
          hit[i] = true;
          flagged += innocent[i] ? 1 : 0;
        }
      }
    }
  }

  /**
   * The best move found so far of {@link #outOfFold}: category {@code k} to threshold index {@code t}, its two
   * figures ({@code a}, {@code b}: harmful messages lost and comments unflagged by a raise, harmful messages
   * caught and innocent ones flagged by a move down) and the clean comments flagged after it; {@code k} -1: none.
   */
  private static final class Move {
    int k = -1;
    int t = -1;
    int a;
    int b;
    int[] counted;

    void take(int k, int t, int a, int b, int[] counted) {
      this.k = k;
      this.t = t;
      this.a = a;
      this.b = b;
      this.counted = counted;
    }
  }

  /** How many more comments than their bounds {@code counts} holds, over the filters judged. */
  private static int excess(int[] counts, int[] bound) {
    int over = 0;
    for (int f = 0; f < counts.length; f++) {
      over += Math.max(0, counts[f] - bound[f]);
    }
    return over;
  }

  private static boolean within(int[] counts, int[] budget) {
    for (int f = 0; f < counts.length; f++) {
      if (counts[f] > budget[f]) {
        return false;
      }
    }
    return true;
  }

  /** The harmful messages that some category scores at or above its threshold {@code idx[k]}. */
  private static int caught(double[][] scores, boolean[] harm, int[] idx) {
    int caught = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!harm[i]) {
        continue;
      }
      for (int k = 0; k < idx.length; k++) {
        if (idx[k] < THRESHOLDS.length && scores[i][k] >= THRESHOLDS[idx[k]]) {
          caught++;
          break;
        }
      }
    }
    return caught;
  }

  /** The highest index of {@link #THRESHOLDS} that {@code score} reaches, or -1. */
  private static int highest(double score) {
    for (int t = THRESHOLDS.length - 1; t >= 0; t--) {
      if (score >= THRESHOLDS[t]) {
        return t;
      }
    }
    return -1;
  }

  private static List<String> reliability(ClassifierModel m, List<Example> dev, double[][] logits) {
    int buckets = 10;
    int[] count = new int[buckets];
    int[] positive = new int[buckets];
    double[] sum = new double[buckets];
    for (int i = 0; i < dev.size(); i++) {
      Example e = dev.get(i);
      for (int k = 0; k < m.categories.length; k++) {
        int y = label(m.categories[k], e);
        if (y < 0 || e.category() == ORDINARY) {
          continue;
        }
        double s = m.calibrate(k, logits[i][k]);
        int bucket = Math.min(buckets - 1, (int) (s * buckets));
        count[bucket]++;
        positive[bucket] += y;
        sum[bucket] += s;
      }
    }
    List<String> out = new ArrayList<>();
    out.add("reliability on dev (every category's classifier on every labelled message it has a label for):");
    for (int k = 0; k < buckets; k++) {
      out.add(String.format(Locale.ROOT, "  %.1f-%.1f: %5d pairs, mean score %.3f, positive %s", k / 10.0,
          (k + 1) / 10.0, count[k], count[k] == 0 ? 0 : sum[k] / count[k],
          count[k] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) positive[k] / count[k])));
    }
    return out;
  }

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

  private static Map<Category, Set<Category>> overlaps(Category... pairs) {
    Map<Category, Set<Category>> m = new EnumMap<>(Category.class);
    for (int i = 0; i < pairs.length; i += 2) {
      m.computeIfAbsent(pairs[i], x -> EnumSet.noneOf(Category.class)).add(pairs[i + 1]);
      m.computeIfAbsent(pairs[i + 1], x -> EnumSet.noneOf(Category.class)).add(pairs[i]);
    }
    // the one-way pair: sexual_minors positives are left out of sexual's negatives, not the reverse
    m.computeIfAbsent(Category.SEXUAL, x -> EnumSet.noneOf(Category.class)).add(Category.SEXUAL_MINORS);
    return m;
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
