package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.model.Analyser;
import vn.lanhmanh.model.BuiltPosts;
import vn.lanhmanh.model.ClassifierModel;
import vn.lanhmanh.model.ClassifierTrainer;
import vn.lanhmanh.model.ClassifierTrainer.WholeFilter.AllowedRow;
import vn.lanhmanh.model.MessageCorpus;
import vn.lanhmanh.model.SpanCorpus;
import vn.lanhmanh.model.Trainer;

/**
 * {@code lanhmanh train}: trains the offensive-span tagger from ViHOS-format CSV files
 * ({@code ,content,index_spans}) and writes a model file that {@code ContentFilter.builder().model(file)}
 * (or {@code --model FILE}) loads. Deterministic for a seed: the same files and seed give the same bytes.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
        "Trains the offensive-span tagger from ViHOS-format CSV files (header, then id,content,index_spans "
            + "with code-point offsets) and writes the model (--train, --dev, --out).",
        "Trains the per-category message classifiers from the labelled corpus (folders of <category>.tsv, "
            + "docs/ANNOTATION.md) and writes them (--corpus-train, --corpus-dev, --classifiers-out).",
        "The development data chooses the stopping epoch, the calibration and the thresholds only; it is never "
            + "fitted. The lexicon's findings and concepts are features: train with the lexicon the filter will "
            + "use."})
final class TrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private Main main;

  @Option(names = "--train", paramLabel = "CSV", description = "Tagger: training comments (repeatable).")
  private List<Path> train = new ArrayList<>();

  @Option(names = "--dev", paramLabel = "CSV",
      description = "Tagger: development comments, early stopping and thresholds only.")
  private Path dev;

  @Option(names = "--out", paramLabel = "FILE", description = "Tagger: where to write the model.")
  private Path out;

  @Option(names = "--concepts", description = "Tagger: the concepts stage's hits are features too.")
  private boolean concepts;

  @Option(names = "--l2", defaultValue = "0", description = "Tagger: L2 penalty (default ${DEFAULT-VALUE}).")
  private double l2;

  @Option(names = "--min-count", defaultValue = "1",
      description = "Tagger: features seen fewer times in training are not fitted (default ${DEFAULT-VALUE}).")
  private int minCount;

  @Option(names = "--features", paramLabel = "LIST", defaultValue = "",
      description = "Tagger: optional feature families, comma-separated: chargrams (letter n-grams of each "
          + "syllable), clusters (word clusters learned from the training texts and --unlabelled).")
  private String features;

  @Option(names = "--ensemble", paramLabel = "N", defaultValue = "1",
      description = "Tagger: train N CRFs side by side on their own shuffles, in one model that averages their "
          + "marginals (default ${DEFAULT-VALUE}).")
  private int ensemble;

  @Option(names = "--tagger-encoder", paramLabel = "KIND", defaultValue = "",
      description = "Tagger: a neural part added to the CRF's emission scores and trained with it: cnn (hashed "
          + "syllable and letter embeddings, four residual convolutions dilated 1, 2, 4 and 8); default none.")
  private String encoder;

  @Option(names = "--unlabelled", paramLabel = "FILE",
      description = "Tagger: unlabelled text, one sentence a line, for the word clusters only (repeatable).")
  private List<Path> unlabelled = new ArrayList<>();

  @Option(names = "--corpus-train", paramLabel = "DIR",
      description = "Classifiers: the labelled corpus's training part, a folder of <category>.tsv (repeatable).")
  private List<Path> corpusTrain = new ArrayList<>();

  @Option(names = "--corpus-dev", paramLabel = "DIR",
      description = "Classifiers: the development part, early stopping, calibration and thresholds only "
          + "(repeatable).")
  private List<Path> corpusDev = new ArrayList<>();

  @Option(names = "--corpus-ordinary", paramLabel = "CSV",
      description = "Classifiers: ordinary text, a ViHOS-format CSV whose comments without a span are negatives "
          + "for every category (repeatable).")
  private List<Path> ordinaryTrain = new ArrayList<>();

  @Option(names = "--corpus-sentences", paramLabel = "FILE",
      description = "Classifiers: plain text, one sentence a line; the sentences on every fourth line from the "
          + "first (lines 1, 5, 9, ...) are negatives for every category, the others are left for measuring "
          + "(repeatable).")
  private List<Path> sentencesTrain = new ArrayList<>();

  @Option(names = "--sentences-max", paramLabel = "N",
      description = "Classifiers: with --folds and --corpus-ordinary-dev, the most lines of each --corpus-sentences "
          + "file (one value a file, in their order) that the whole filter may flag at age 10, counted over every "
          + "line as the clean-text guard counts them; the thresholds are raised until it holds (default: none, the "
          + "lines training leaves out may be flagged no more than at the development thresholds).")
  private List<Integer> sentencesMax = new ArrayList<>();

  @Option(names = "--case-gate", paramLabel = "TSV",
      description = "Classifiers: with --folds and --corpus-ordinary-dev, a case table (age, expect, category, span, "
          + "text) whose rows that expect ALLOW the whole filter must leave allowed, each at its own age (and with no "
          + "finding at all when it names no category); the thresholds are raised until it holds (repeatable).")
  private List<Path> caseGates = new ArrayList<>();

  /** Null: the default cap, four steps. */
  @Option(names = "--max-raise", paramLabel = "N",
      description = "Classifiers: with --folds and --corpus-ordinary-dev, the most steps of 0.025 that the raise "
          + "bringing the clean text flagged within its bounds may take a category above its development threshold, "
          + "0 to 40 (default 4).")
  private Integer maxRaise;

  @Option(names = "--corpus-table", paramLabel = "FILE",
      description = "Classifiers: a labelled table written to judge the filter (the held-out text layout or the "
          + "case-table layout, docs/MODEL.md): harmful lines are positives of their category, innocent lines "
          + "negatives of every category (repeatable).")
  private List<Path> tablesTrain = new ArrayList<>();

  @Option(names = "--corpus-chats", paramLabel = "DIR",
      description = "Classifiers: a folder of labelled chats (the held-out chat layout, docs/MODEL.md): the message "
          + "of a grooming chat marked as making its intent clear is a positive of grooming, every message of an "
          + "innocent chat a negative of every category (repeatable).")
  private List<Path> chatsTrain = new ArrayList<>();

  @Option(names = "--lower-below", paramLabel = "SCORE",
      description = "Classifiers: a lexicon finding below tier C (not self-harm) is lowered to tier P when its "
          + "category's calibrated score is under SCORE; 0 never lowers (default: the shipped setting).")
  private Double lowerBelow;

  @Option(names = "--unsupported-below", paramLabel = "SCORE",
      description = "Classifiers: a classifier finding that no lexicon or composition finding and no concept of "
          + "its category's compositions supports is rated at most T13 when it scores under SCORE; 0 never caps "
          + "(default: the shipped setting).")
  private Double unsupportedBelow;

  @Option(names = "--corpus-ordinary-dev", paramLabel = "CSV",
      description = "Classifiers: ordinary development text (thresholds only: each category may flag at most "
          + "0.25 %% of it).")
  private List<Path> ordinaryDev = new ArrayList<>();

  @Option(names = "--classifiers-out", paramLabel = "FILE", description = "Classifiers: where to write them.")
  private Path classifiersOut;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the shuffles (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--hard-negative-weight", paramLabel = "W",
      description = "Classifiers: weight of a category's own hard negatives in its training (default: the "
          + "shipped setting).")
  private Double hardNegativeWeight;

  @Option(names = "--max-flagged", paramLabel = "SHARE",
      description = "Classifiers: the most a threshold may flag of a category's development negatives (default: "
          + "the shipped setting).")
  private Double maxFlagged;

  /** Null: the shipped setting. Written into the file as {@code features.char3}. */
  @Option(names = "--char3", paramLabel = "all|unknown", description = "Classifiers: character trigrams of every "
      + "syllable (all) or only of those the vocabulary does not know (unknown).")
  private String char3;

  /** Null: the shipped setting. Written into the file as {@code features.concept-context}. */
  @Option(names = "--concept-context", paramLabel = "N", description = "Classifiers: a feature for each concept "
      + "hit with each folded syllable within N syllables of it (0: none).")
  private Integer conceptContext;

  /** Null: the shipped setting (none). Written into the file as {@code features.address}. */
  @Option(names = "--address", paramLabel = "0|1", description = "Classifiers: the addressing features of each "
      + "sentence (the second person with urging, requests, conditions; alone and with the concepts hit in it), "
      + "version 1, or none (0).")
  private Integer address;

  /** Null: the shipped setting. */
  @Option(names = "--min-epochs", paramLabel = "N", description = "Classifiers: each category's stopping epoch "
      + "is chosen by its development loss among epochs N and later only (default: the shipped setting).")
  private Integer minEpochs;

  /** Null: the shipped setting. */
  @Option(names = "--folds", paramLabel = "N", description = "Classifiers: thresholds judged out of sample: each "
      + "--corpus-table file and --corpus-chats folder is dealt into one of N folds, each fold is scored by "
      + "classifiers trained without it, and the thresholds are chosen on those scores (default 0: on the "
      + "development part alone).")
  private Integer folds;

  /** Null: the shipped setting. */
  @Option(names = "--max-innocent-flagged", paramLabel = "SHARE", description = "Classifiers: with --folds, the "
      + "most the chosen thresholds may flag of the innocent lines and messages of the tables and chats, scored "
      + "out of fold (default 0.015).")
  private Double maxInnocentFlagged;

  /** Null: none built. */
  @Option(names = "--built-posts", paramLabel = "SHARE", description = "Classifiers: for about SHARE of the "
      + "--corpus-train and --corpus-dev messages, also a long post of that message among two to five ordinary "
      + "comments (of --corpus-ordinary for training, of --corpus-ordinary-dev for development), with the message's "
      + "label (default: none).")
  private Double builtPosts;

  @Option(names = "--bits", defaultValue = "20",
      description = "log2 of the hashed weight table's size (default ${DEFAULT-VALUE}).")
  private int bits;

  @Option(names = "--epochs", defaultValue = "25", description = "At most this many epochs (default ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--lift", paramLabel = "FILE",
      description = "Classifiers: instead of training, add to FILE (written by 'train' before) the lift that "
          + "training with the --case-gate tables would have added, and write it to --classifiers-out.")
  private Path liftFile;

  @Override
  public Integer call() throws IOException {
    if (liftFile != null) {
      return lift();
    }
    boolean tagger = !train.isEmpty() || dev != null || out != null;
    boolean classifiers = !corpusTrain.isEmpty() || !corpusDev.isEmpty() || classifiersOut != null;
    if (!tagger && !classifiers) {
      throw new ParameterException(spec.commandLine(),
          "nothing to train: give --train, --dev and --out (tagger) and/or --corpus-train, --corpus-dev and "
              + "--classifiers-out (classifiers)");
    }
    if (tagger && (train.isEmpty() || dev == null || out == null)) {
      throw new ParameterException(spec.commandLine(), "the tagger needs --train, --dev and --out");
    }
    if (classifiers && (corpusTrain.isEmpty() || corpusDev.isEmpty() || classifiersOut == null)) {
      throw new ParameterException(spec.commandLine(),
          "the classifiers need --corpus-train, --corpus-dev and --classifiers-out");
    }
    PrintWriter err = spec.commandLine().getErr();
    Analyser analyser = analyser();
    if (tagger) {
      trainTagger(analyser, err);
    }
    if (classifiers) {
      trainClassifiers(analyser, err);
    }
    return 0;
  }

  /** {@code --lift}: the gate's lift added to a file trained before. */
  private int lift() throws IOException {
    requireFile(liftFile);
    if (caseGates.isEmpty() || classifiersOut == null) {
      throw new ParameterException(spec.commandLine(), "--lift needs --case-gate and --classifiers-out");
    }
    checkMaxRaise();
    List<AllowedRow> allowed = new ArrayList<>();
    for (Path p : caseGates) {
      allowed.addAll(allowedRows(p));
    }
    ClassifierModel file;
    try {
      file = ClassifierModel.read(liftFile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), liftFile + ": " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    ClassifierModel lifted = ClassifierTrainer.lifted(file, wholeFilter(List.of(), allowed),
        maxRaise != null ? maxRaise : ClassifierTrainer.Options.defaults(seed).maxRaise(), line -> {
          err.println(line);
          err.flush();
        });
    writeClassifiers(lifted);
    spec.commandLine().getOut().printf(java.util.Locale.ROOT, "wrote %s (%,d bytes)%s%n", classifiersOut,
        Files.size(classifiersOut), lifted.properties().containsKey("threshold.lift")
            ? ": threshold.lift=" + lifted.properties().get("threshold.lift") : ": nothing lifted");
    return 0;
  }

  /** Refuses, as a usage error, a {@code --max-raise} outside 0 to {@link ClassifierTrainer.Options#MAX_RAISE_LIMIT}. */
  private void checkMaxRaise() {
    if (maxRaise != null && (maxRaise < 0 || maxRaise > ClassifierTrainer.Options.MAX_RAISE_LIMIT)) {
      throw new ParameterException(spec.commandLine(), "--max-raise must be 0 to "
          + ClassifierTrainer.Options.MAX_RAISE_LIMIT + " steps, was " + maxRaise);
    }
  }

  /** Writes {@code model} to {@code --classifiers-out}, creating its folder. */
  private void writeClassifiers(ClassifierModel model) throws IOException {
    Path parent = classifiersOut.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    model.write(classifiersOut);
  }

  private Analyser analyser() {
    List<LexiconEntry> entries = new ArrayList<>();
    List<Path> folders = main.lexiconFolders(spec);
    if (folders.isEmpty()) {
      entries.addAll(LexiconReader.readDefault());
    } else {
      folders.forEach(f -> entries.addAll(LexiconReader.readDirectory(f)));
    }
    main.addedLexiconFolders(spec).forEach(f -> entries.addAll(LexiconReader.readDirectory(f)));
    return Analyser.of(entries, ConceptLexicon.readDefault());
  }

  private String lexiconName() {
    return main.lexiconFolders(spec).isEmpty() && main.addedLexiconFolders(spec).isEmpty() ? "embedded" : "custom";
  }

  private void trainClassifiers(Analyser analyser, PrintWriter err) throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    List<Path> folders = new ArrayList<>(corpusTrain);
    folders.addAll(corpusDev);
    folders.addAll(chatsTrain);
    for (Path p : folders) {
      if (!Files.isDirectory(p)) {
        throw new ParameterException(spec.commandLine(), "not a folder: " + p);
      }
    }
    if (char3 != null && !char3.equals(ClassifierModel.CHAR3_ALL) && !char3.equals(ClassifierModel.CHAR3_UNKNOWN)) {
      throw new ParameterException(spec.commandLine(), "--char3 must be all or unknown, was " + char3);
    }
    checkMaxRaise();
    ClassifierTrainer.Options options;
    try {
      ClassifierTrainer.Options d = ClassifierTrainer.Options.defaults(seed);
      options = new ClassifierTrainer.Options(seed, d.bits(), d.maxEpochs(), d.patience(), d.learningRate(),
          d.l2(), maxFlagged != null ? maxFlagged : d.maxNegativeFlagged(),
          hardNegativeWeight != null ? hardNegativeWeight : d.hardNegativeWeight(),
          lowerBelow != null ? lowerBelow : d.lowerBelow(),
          unsupportedBelow != null ? unsupportedBelow : d.unsupportedBelow())
          .withKnownChar3(char3 != null ? char3.equals(ClassifierModel.CHAR3_ALL) : d.knownChar3())
          .withConceptContext(conceptContext != null ? conceptContext : d.conceptContext())
          .withAddress(address != null ? address : d.address())
          .withMinEpochs(minEpochs != null ? minEpochs : d.minEpochs())
          .withFolds(folds != null ? folds : d.folds(),
              maxInnocentFlagged != null ? maxInnocentFlagged : d.maxInnocentFlagged())
          .withMaxRaise(maxRaise != null ? maxRaise : d.maxRaise());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (builtPosts != null && !(builtPosts >= 0 && builtPosts <= 1)) {
      throw new ParameterException(spec.commandLine(), "--built-posts must be between 0 and 1, was " + builtPosts);
    }
    if (builtPosts != null && builtPosts > 0 && ordinaryDev.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "--built-posts needs --corpus-ordinary-dev: its comments are the development posts' ordinary sentences");
    }
    if (!sentencesMax.isEmpty()) {
      if (sentencesMax.size() != sentencesTrain.size()) {
        throw new ParameterException(spec.commandLine(), "--sentences-max needs one value for each "
            + "--corpus-sentences file, in their order: " + sentencesMax.size() + " given for "
            + sentencesTrain.size() + " files");
      }
      if (sentencesMax.stream().anyMatch(m -> m < 0)) {
        throw new ParameterException(spec.commandLine(), "--sentences-max must be 0 or more, was " + sentencesMax);
      }
      if (options.folds() <= 0 || ordinaryDev.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--sentences-max needs --folds and --corpus-ordinary-dev: "
            + "the bound is kept by the out-of-sample thresholds with the whole filter");
      }
    }
    if (!caseGates.isEmpty() && (options.folds() <= 0 || ordinaryDev.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "--case-gate needs --folds and --corpus-ordinary-dev: "
          + "the rows are kept allowed by the out-of-sample thresholds with the whole filter");
    }
    List<ClassifierTrainer.WholeFilter.AllowedRow> allowed = new ArrayList<>();
    for (Path p : caseGates) {
      allowed.addAll(allowedRows(p));
    }
    if (maxRaise != null && (options.folds() <= 0 || ordinaryDev.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "--max-raise needs --folds and --corpus-ordinary-dev: "
          + "only the out-of-sample thresholds with the whole filter are raised");
    }
    if (options.folds() > 0 && tablesTrain.isEmpty() && chatsTrain.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "--folds needs --corpus-table or --corpus-chats: their lines are what the folds hold out");
    }
    long t0 = System.nanoTime();
    Map<String, String> props = new TreeMap<>();
    StringBuilder command = new StringBuilder("lanhmanh train");
    List<MessageCorpus.Message> trainMessages = new ArrayList<>();
    List<MessageCorpus.Message> devMessages = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    int source = 0;
    List<MessageCorpus.Message> labelledTrain = new ArrayList<>();
    List<MessageCorpus.Message> labelledDev = new ArrayList<>();
    List<MessageCorpus.Message> fillers = new ArrayList<>();
    for (Path p : corpusTrain) {
      command.append(" --corpus-train ").append(relative(p));
      props.put("data.train." + relative(p), digest(p));
      labelledTrain.addAll(MessageCorpus.read(p));
    }
    for (Path p : corpusDev) {
      command.append(" --corpus-dev ").append(relative(p));
      props.put("data.dev." + relative(p), digest(p));
      labelledDev.addAll(MessageCorpus.read(p));
    }
    trainMessages.addAll(labelledTrain);
    devMessages.addAll(labelledDev);
    for (Path p : ordinaryTrain) {
      command.append(" --corpus-ordinary ").append(p.getFileName());
      props.put("data.ordinary." + p.getFileName(), sha256(p));
      fillers.addAll(ordinary(p));
    }
    trainMessages.addAll(fillers);
    for (Path p : sentencesTrain) {
      command.append(" --corpus-sentences ").append(p.getFileName());
      props.put("data.sentences." + p.getFileName(), sha256(p));
      trainMessages.addAll(sentences(p));
    }
    List<MessageCorpus.Message> ordinaryDevMessages = new ArrayList<>();
    for (Path p : ordinaryDev) {
      ordinaryDevMessages.addAll(ordinary(p));
    }
    if (builtPosts != null) {
      try {
        trainMessages.addAll(BuiltPosts.build(labelledTrain, fillers, builtPosts, seed));
        devMessages.addAll(BuiltPosts.build(labelledDev, ordinaryDevMessages, builtPosts, seed + 1));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    for (Path p : tablesTrain) {
      requireFile(p);
      command.append(" --corpus-table ").append(p.getFileName());
      props.put("data.table." + p.getFileName(), sha256(p));
      source = addSource(trainMessages, sources, MessageCorpus.readTable(p, ClassifierTrainer.ORDINARY), source);
    }
    for (Path p : chatsTrain) {
      command.append(" --corpus-chats ").append(relative(p));
      props.put("data.chats." + relative(p), digest(p));
      source = addSource(trainMessages, sources, MessageCorpus.readChats(p, ClassifierTrainer.ORDINARY), source);
    }
    for (Path p : ordinaryDev) {
      command.append(" --corpus-ordinary-dev ").append(p.getFileName());
      props.put("data.ordinary-dev." + p.getFileName(), sha256(p));
    }
    devMessages.addAll(ordinaryDevMessages);
    command.append(" --seed ").append(seed);
    if (hardNegativeWeight != null) {
      command.append(" --hard-negative-weight ").append(hardNegativeWeight);
    }
    if (lowerBelow != null) {
      command.append(" --lower-below ").append(lowerBelow);
    }
    if (unsupportedBelow != null) {
      command.append(" --unsupported-below ").append(unsupportedBelow);
    }
    if (maxFlagged != null) {
      command.append(" --max-flagged ").append(maxFlagged);
    }
    if (char3 != null) {
      command.append(" --char3 ").append(char3);
    }
    if (conceptContext != null) {
      command.append(" --concept-context ").append(conceptContext);
    }
    if (address != null) {
      command.append(" --address ").append(address);
    }
    if (minEpochs != null) {
      command.append(" --min-epochs ").append(minEpochs);
    }
    if (folds != null) {
      command.append(" --folds ").append(folds);
    }
    if (maxInnocentFlagged != null) {
      command.append(" --max-innocent-flagged ").append(maxInnocentFlagged);
    }
    if (builtPosts != null) {
      command.append(" --built-posts ").append(builtPosts);
    }
    for (int m : sentencesMax) {
      command.append(" --sentences-max ").append(m);
    }
    for (Path p : caseGates) {
      command.append(" --case-gate ").append(p.getFileName());
      props.put("data.gate." + p.getFileName(), sha256(p));
    }
    if (maxRaise != null) {
      command.append(" --max-raise ").append(maxRaise);
    }
    props.put("command", command.toString());
    props.put("lexicon", lexiconName());
    while (sources.size() < trainMessages.size()) {
      sources.add(-1);
    }
    List<ClassifierTrainer.WholeFilter.Sentences> held = new ArrayList<>();
    for (int i = 0; i < sentencesTrain.size(); i++) {
      Path p = sentencesTrain.get(i);
      held.add(sentencesMax.isEmpty()
          ? new ClassifierTrainer.WholeFilter.Sentences(p.getFileName().toString(), heldSentences(p))
          : new ClassifierTrainer.WholeFilter.Sentences(p.getFileName().toString(), allSentences(p),
              sentencesMax.get(i)));
    }
    ClassifierTrainer.WholeFilter whole = options.folds() > 0 && !ordinaryDev.isEmpty() ? wholeFilter(held, allowed) : null;
    ClassifierTrainer.Result r = ClassifierTrainer.train(trainMessages,
        sources.stream().mapToInt(Integer::intValue).toArray(), devMessages, analyser, options, whole, props,
        line -> {
          err.println(line);
          err.flush();
        });
    writeClassifiers(r.model());
    stdout.printf(java.util.Locale.ROOT, "wrote %s (%,d bytes) in %.1f s: %d classifiers%n", classifiersOut,
        Files.size(classifiersOut), (System.nanoTime() - t0) / 1e9, r.model().categories().size());
  }

  /**
   * The whole filter as the ViHOS guard runs it on the clean development comments (any action but ALLOW for a
   * 10-year-old): by default (at most 2.7 % of them flagged, issue 11's bound) and with the tagger's findings
   * and the classifiers on (at most 3 %, issue 12's), on the lexicon the classifiers are trained with; and the
   * clean sentences {@code held} as {@code CleanTextQualityTest} runs them at age 10 (by default, any action but
   * ALLOW made by a finding other than personal information).
   */
  private ClassifierTrainer.WholeFilter wholeFilter(List<ClassifierTrainer.WholeFilter.Sentences> held,
      List<AllowedRow> allowed) {
    return new ClassifierTrainer.WholeFilter() {
      @Override
      public List<AllowedRow> allowedRows() {
        return allowed;
      }

      @Override
      public List<Judged> judgeRows(ClassifierModel model, List<AllowedRow> rows) {
        List<Judged> out = new ArrayList<>(rows.size());
        try (ContentFilter plain = main.lexiconBuilder(spec).defaultUrlLists(false).classifiers(model).build()) {
          for (AllowedRow row : rows) {
            Verdict v = plain.checkText(row.text(), Policy.forAge(row.age()));
            boolean failed = v.action() != Action.ALLOW || row.noFinding() && !v.findings().isEmpty();
            double[] scores = new double[model.categories().size()];
            for (int k = 0; k < scores.length; k++) {
              scores[k] = v.scores().getOrDefault(model.categories().get(k), 0.0);
            }
            out.add(new Judged(new boolean[] {failed}, scores));
          }
        }
        return out;
      }

      @Override
      public List<Bound> bounds() {
        return List.of(new Bound("by default", 0.027), new Bound("with the tagger and classifiers", 0.03));
      }

      @Override
      public List<Sentences> sentences() {
        return held;
      }

      @Override
      public List<Judged> judgeSentences(ClassifierModel model, List<String> texts) {
        Policy child = Policy.forAge(10);
        List<Judged> out = new ArrayList<>(texts.size());
        try (ContentFilter plain = main.lexiconBuilder(spec).defaultUrlLists(false).classifiers(model).build()) {
          for (String text : texts) {
            Verdict v = plain.checkText(text, child);
            boolean flagged = false;
            for (Finding f : v.findings()) {
              flagged |= f.category() != Category.PII && child.actionFor(f) != Action.ALLOW;
            }
            double[] scores = new double[model.categories().size()];
            for (int k = 0; k < scores.length; k++) {
              scores[k] = v.scores().getOrDefault(model.categories().get(k), 0.0);
            }
            out.add(new Judged(new boolean[] {flagged}, scores));
          }
        }
        return out;
      }

      @Override
      public List<Judged> judge(ClassifierModel model, List<String> texts) {
        Policy child = Policy.forAge(10);
        List<Judged> out = new ArrayList<>(texts.size());
        try (ContentFilter plain = main.lexiconBuilder(spec).defaultUrlLists(false).classifiers(model).build();
            ContentFilter tagged = main.lexiconBuilder(spec).defaultUrlLists(false).classifiers(model)
                .modelFindings(true).build()) {
          for (String text : texts) {
            Verdict v = plain.checkText(text, child);
            Verdict t = tagged.checkText(text, child);
            double[] scores = new double[model.categories().size()];
            for (int k = 0; k < scores.length; k++) {
              scores[k] = v.scores().getOrDefault(model.categories().get(k), 0.0);
            }
            out.add(new Judged(new boolean[] {v.action() != Action.ALLOW, t.action() != Action.ALLOW}, scores));
          }
        }
        return out;
      }
    };
  }

  /**
   * Adds {@code read}, the messages of one table or chat folder, to {@code messages}, each with source number
   * {@code source} (the messages read before it without a source get -1); returns the next source number.
   */
  private static int addSource(List<MessageCorpus.Message> messages, List<Integer> sources,
      List<MessageCorpus.Message> read, int source) {
    while (sources.size() < messages.size()) {
      sources.add(-1);
    }
    messages.addAll(read);
    read.forEach(m -> sources.add(source));
    return source + 1;
  }

  /**
   * The rows of case table {@code file} (age, expect, category, span, text; {@code #} lines and blank lines
   * skipped) that expect ALLOW; a row of another shape is a usage error naming its line.
   */
  private List<AllowedRow> allowedRows(Path file) throws IOException {
    requireFile(file);
    List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
    List<AllowedRow> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      int age;
      try {
        age = c.length == 5 ? Integer.parseInt(c[0].strip()) : -1;
      } catch (NumberFormatException e) {
        age = -1;
      }
      if (age < 0 || age > 150) {
        throw new ParameterException(spec.commandLine(), "--case-gate " + file.getFileName() + " line " + (i + 1)
            + ": a case row has 5 tab-separated columns, age (0 to 150), expect, category, span, text");
      }
      if (c[1].strip().equals("ALLOW")) {
        out.add(new AllowedRow(file.getFileName() + " line " + (i + 1), age, c[2].strip().equals("-"), c[4]));
      }
    }
    return out;
  }

  /** Refuses, as a usage error naming it, a path that is not a readable file. */
  private void requireFile(Path p) {
    if (!Files.isRegularFile(p)) {
      throw new ParameterException(spec.commandLine(), "not a file: " + p);
    }
  }

  /** The comments of a ViHOS-format file that have no span, as ordinary messages. */
  private List<MessageCorpus.Message> ordinary(Path csv) throws IOException {
    requireFile(csv);
    List<MessageCorpus.Message> out = new ArrayList<>();
    for (SpanCorpus.Comment c : SpanCorpus.read(csv)) {
      if (c.clean()) {
        out.add(new MessageCorpus.Message("ordinary-" + out.size(), ClassifierTrainer.ORDINARY, false, "comment",
            c.text()));
      }
    }
    return out;
  }

  /**
   * Every fourth line of a plain-text file, from the first (line index divisible by
   * {@link ClassifierTrainer#SENTENCE_EVERY}), as ordinary messages.
   */
  private List<MessageCorpus.Message> sentences(Path file) throws IOException {
    requireFile(file);
    List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
    List<MessageCorpus.Message> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += ClassifierTrainer.SENTENCE_EVERY) {
      if (!lines.get(i).isBlank()) {
        out.add(new MessageCorpus.Message("sentence-" + i, ClassifierTrainer.ORDINARY, false, "text", lines.get(i)));
      }
    }
    return out;
  }

  /**
   * The lines of a plain-text file that {@link #sentences} leaves out (line index not divisible by
   * {@link ClassifierTrainer#SENTENCE_EVERY}), not blank: never trained on, they bound the out-of-sample
   * thresholds.
   */
  private static List<String> heldSentences(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (i % ClassifierTrainer.SENTENCE_EVERY != 0 && !lines.get(i).isBlank()) {
        out.add(lines.get(i));
      }
    }
    return out;
  }

  /** Every line of a plain-text file that is not blank, as {@code CleanTextQualityTest} reads it. */
  private static List<String> allSentences(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  /** The last two names of a folder ({@code small/train}), for the model's properties. */
  private static String relative(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    int n = abs.getNameCount();
    return n >= 2 ? abs.subpath(n - 2, n).toString().replace('\\', '/') : abs.toString();
  }

  /** SHA-256 over the folder's {@code .tsv} files, in name order (name and content). */
  private static String digest(Path dir) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      List<Path> files = new ArrayList<>();
      try (java.util.stream.Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().forEach(files::add);
      }
      for (Path p : files) {
        md.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(p));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void trainTagger(Analyser analyser, PrintWriter err) throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    List<Path> inputs = new ArrayList<>(train);
    inputs.add(dev);
    for (Path p : inputs) {
      requireFile(p);
    }
    Trainer.Options options;
    try {
      options = new Trainer.Options(seed, bits, epochs, Trainer.Options.defaults(seed).patience(),
          Trainer.Options.defaults(seed).holdout(), Trainer.Options.defaults(seed).learningRate(), concepts, l2,
          minCount, features, ensemble, encoder);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long t0 = System.nanoTime();
    List<SpanCorpus.Comment> trainComments = new ArrayList<>();
    Map<String, String> props = new TreeMap<>();
    StringBuilder command = new StringBuilder("lanhmanh train");
    for (Path p : train) {
      trainComments.addAll(SpanCorpus.read(p));
      command.append(" --train ").append(p.getFileName());
      props.put("data.train." + p.getFileName(), sha256(p));
    }
    List<SpanCorpus.Comment> devComments = SpanCorpus.read(dev);
    command.append(" --dev ").append(dev.getFileName()).append(" --seed ").append(seed);
    if (bits != 20) {
      command.append(" --bits ").append(bits);
    }
    if (epochs != 25) {
      command.append(" --epochs ").append(epochs);
    }
    if (concepts) {
      command.append(" --concepts");
    }
    if (l2 != 0) {
      command.append(" --l2 ").append(l2);
    }
    if (minCount != 1) {
      command.append(" --min-count ").append(minCount);
    }
    if (!options.features().isEmpty()) {
      command.append(" --features ").append(options.features());
    }
    if (ensemble != 1) {
      command.append(" --ensemble ").append(ensemble);
    }
    if (!options.encoder().isEmpty()) {
      command.append(" --tagger-encoder ").append(options.encoder());
    }
    List<String> unlabelledTexts = new ArrayList<>();
    for (Path p : unlabelled) {
      requireFile(p);
      command.append(" --unlabelled ").append(p.getFileName());
      props.put("data.unlabelled." + p.getFileName(), sha256(p));
      for (String line : Files.readAllLines(p, java.nio.charset.StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          unlabelledTexts.add(line);
        }
      }
    }
    props.put("data.dev." + dev.getFileName(), sha256(dev));
    props.put("command", command.toString());
    props.put("lexicon", lexiconName());
    Trainer.Result r = Trainer.train(trainComments, devComments, unlabelledTexts, analyser, options, props,
        line -> {
          err.println(line);
          err.flush();
        });
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    r.model().write(out);
    stdout.printf(java.util.Locale.ROOT, "wrote %s (%,d bytes) in %.1f s: dev span %s%n", out, Files.size(out),
        (System.nanoTime() - t0) / 1e9, r.pipeline());
  }

  private static String sha256(Path p) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
