package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconReader;

/**
 * Retrains small message classifiers on the small labelled corpus the project wrote for this test
 * ({@code labelled/small/train} and {@code labelled/small/dev}, 20 + 20 and 10 + 10 messages per category)
 * and checks that they learn it, that training is deterministic, that the file round-trips, and that a
 * filter loads and uses the result.
 */
class ClassifierTrainerTest {

  private static List<MessageCorpus.Message> train;
  private static List<MessageCorpus.Message> dev;
  private static Analyser analyser;
  private static ClassifierTrainer.Result result;

  private static Path folder(String name) throws URISyntaxException {
    return Path.of(ClassifierTrainerTest.class.getResource("/labelled/small/" + name).toURI());
  }

  private static ClassifierTrainer.Options options() {
    return new ClassifierTrainer.Options(3, 15, 30, 5, 0.5, 1e-4, 0.02);
  }

  @BeforeAll
  static void trainOnce() throws Exception {
    train = MessageCorpus.read(folder("train"));
    dev = MessageCorpus.read(folder("dev"));
    analyser = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());
    result = ClassifierTrainer.train(train, dev, analyser, options(), Map.of("command", "test"),
        System.out::println);
  }

  @Test
  void learnsTheSmallCorpus() {
    assertThat(train).hasSize(12 * 40);
    assertThat(dev).hasSize(12 * 20);
    assertThat(result.model().categories()).hasSize(12).doesNotContain(Category.PII);
    int positives = 0;
    int found = 0;
    for (ClassifierTrainer.CategoryFigures f : result.dev()) {
      positives += f.positives();
      found += f.found();
      // the threshold keeps the category's development negatives at 2 % or fewer
      assertThat(f.flagged()).as("%s", f).isLessThanOrEqualTo((int) (0.02 * f.negatives()));
    }
    assertThat((double) found / positives).as("dev recall over all categories %s", result.dev())
        .isGreaterThan(0.5);
    assertThat(result.model().properties()).containsEntry("command", "test").containsEntry("seed", "3")
        .containsKey("dev.scam");
  }

  @Test
  void labelsFollowTheMultiLabelRules() {
    assertThat(ClassifierExamples.label(Category.SCAM, Category.SCAM, true)).isEqualTo(1);
    assertThat(ClassifierExamples.label(Category.SCAM, Category.SCAM, false)).isZero();
    assertThat(ClassifierExamples.label(Category.SCAM, Category.DRUGS, false)).isZero();
    assertThat(ClassifierExamples.label(Category.SCAM, Category.DRUGS, true)).isZero();
    // a grooming positive may be a sexual_minors positive too: it says nothing about sexual_minors
    assertThat(ClassifierExamples.label(Category.SEXUAL_MINORS, Category.GROOMING, true)).isEqualTo(-1);
    assertThat(ClassifierExamples.label(Category.GROOMING, Category.SEXUAL_MINORS, true)).isEqualTo(-1);
    // adult sexual content is a negative of sexual_minors; content involving a minor is left out of sexual's
    assertThat(ClassifierExamples.label(Category.SEXUAL_MINORS, Category.SEXUAL, true)).isZero();
    assertThat(ClassifierExamples.label(Category.SEXUAL, Category.SEXUAL_MINORS, true)).isEqualTo(-1);
    // a self-harm positive may share its message with harassment or violence and says nothing about them,
    // unless its source gives the message that one label (a held-out round's or a case table's line)
    assertThat(ClassifierExamples.label(Category.HARASSMENT, Category.SELF_HARM, true)).isEqualTo(-1);
    assertThat(ClassifierExamples.label(Category.HARASSMENT, Category.SELF_HARM, true, true)).isZero();
    assertThat(ClassifierExamples.label(Category.VIOLENCE, Category.SELF_HARM, true, true)).isZero();
    assertThat(ClassifierExamples.label(Category.SELF_HARM, Category.SELF_HARM, true, true)).isEqualTo(1);
    // only those pairs: a single-labelled harassment line still says nothing about profanity
    assertThat(ClassifierExamples.label(Category.PROFANITY, Category.HARASSMENT, true, true)).isEqualTo(-1);
    assertThat(ClassifierExamples.label(Category.SELF_HARM, Category.HARASSMENT, true, true)).isEqualTo(-1);
    // ordinary text (clean comments) is a negative for every category
    for (Category c : Category.values()) {
      assertThat(ClassifierExamples.label(c, ClassifierTrainer.ORDINARY, false)).as("%s", c).isZero();
    }
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    ClassifierTrainer.Result again = ClassifierTrainer.train(train, dev, analyser, options(),
        Map.of("command", "test"), line -> { });
    assertThat(bytes(again.model())).isEqualTo(bytes(result.model()));
  }

  /**
   * The cap on the out-of-sample raise: four steps from every older constructor and the defaults, kept by the other
   * settings' copies, and 0 to 40.
   */
  @Test
  void maxRaiseDefaultsToFourAndIsChecked() {
    assertThat(options().maxRaise()).isEqualTo(OutOfFoldThresholds.DEFAULT_MAX_RAISE).isEqualTo(4);
    ClassifierTrainer.Options d = ClassifierTrainer.Options.defaults(1);
    assertThat(d.maxRaise()).isEqualTo(4);
    assertThat(d.withFolds(5, 0.015).maxRaise()).isEqualTo(4);
    ClassifierTrainer.Options two = d.withMaxRaise(2);
    assertThat(two.maxRaise()).isEqualTo(2);
    assertThat(two.withFolds(5, 0.015).withMinEpochs(10).withConceptContext(2).withKnownChar3(false).maxRaise())
        .isEqualTo(2);
    assertThat(two.withMaxRaise(4)).isEqualTo(d);
    assertThat(d.withMaxRaise(0).maxRaise()).isZero();
    assertThat(d.withMaxRaise(40).maxRaise()).isEqualTo(40);
    for (int bad : new int[] {-1, 41}) {
      assertThatThrownBy(() -> d.withMaxRaise(bad)).as("max raise " + bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max raise must be 0..40");
    }
  }

  /** Weighting a category's own hard negatives changes the weights; the weight is bounded. */
  @Test
  void hardNegativeWeightIsUsedAndChecked() throws IOException {
    ClassifierTrainer.Options o = options();
    ClassifierTrainer.Options heavier = new ClassifierTrainer.Options(o.seed(), o.bits(), o.maxEpochs(),
        o.patience(), o.learningRate(), o.l2(), o.maxNegativeFlagged(), 3);
    assertThat(o.hardNegativeWeight()).isEqualTo(1);
    assertThat(ClassifierTrainer.Options.defaults(1).hardNegativeWeight()).isEqualTo(2);
    ClassifierTrainer.Result weighted = ClassifierTrainer.train(train, dev, analyser, heavier,
        Map.of("command", "test"), line -> { });
    assertThat(bytes(weighted.model())).isNotEqualTo(bytes(result.model()));
    for (double bad : new double[] {0, 0.5, 101, Double.NaN}) {
      assertThatThrownBy(() -> new ClassifierTrainer.Options(3, 15, 30, 5, 0.5, 1e-4, 0.02, bad))
          .as("weight " + bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * The optional feature settings (trigrams of unknown syllables only, concept context) are written into the
   * model, read back, change the weights, and are bounded.
   */
  @Test
  void optionalFeaturesAreWrittenAndChecked() throws IOException {
    ClassifierTrainer.Options o = options().withKnownChar3(false).withConceptContext(4);
    assertThat(options().knownChar3()).isTrue();
    assertThat(options().conceptContext()).isZero();
    ClassifierTrainer.Result r = ClassifierTrainer.train(train, dev, analyser, o, Map.of("command", "test"),
        line -> { });
    assertThat(r.model().properties()).containsEntry("features.char3", "unknown")
        .containsEntry("features.concept-context", "4");
    assertThat(result.model().properties()).doesNotContainKeys("features.char3", "features.concept-context");
    ClassifierModel back = ClassifierModel.read(new java.io.ByteArrayInputStream(bytes(r.model())));
    assertThat(back.knownChar3).isFalse();
    assertThat(back.conceptContext).isEqualTo(4);
    assertThat(bytes(r.model())).isNotEqualTo(bytes(result.model()));
    int found = r.dev().stream().mapToInt(ClassifierTrainer.CategoryFigures::found).sum();
    int positives = r.dev().stream().mapToInt(ClassifierTrainer.CategoryFigures::positives).sum();
    assertThat((double) found / positives).isGreaterThan(0.5);
    for (int bad : new int[] {-1, ClassifierModel.MAX_CONCEPT_CONTEXT + 1}) {
      assertThatThrownBy(() -> options().withConceptContext(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    Map<String, String> props = new java.util.TreeMap<>(result.model().properties());
    props.put("features.char3", "some");
    assertThatThrownBy(() -> result.model().withProperties(props)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A minimum number of epochs: every category's chosen epoch is at least it (the development loss chooses
   * among the later epochs only), the bytes change, and the minimum is bounded by the epochs allowed.
   */
  @Test
  void minEpochsBoundsTheStoppingEpoch() throws IOException {
    assertThat(options().minEpochs()).isEqualTo(1);
    assertThat(ClassifierTrainer.Options.defaults(1).minEpochs()).isEqualTo(50);
    ClassifierTrainer.Result later = ClassifierTrainer.train(train, dev, analyser, options().withMinEpochs(20),
        Map.of("command", "test"), line -> { });
    assertThat(result.dev()).anyMatch(f -> f.epochs() < 20);
    assertThat(later.dev()).allMatch(f -> f.epochs() >= 20 && f.epochs() <= 30);
    assertThat(bytes(later.model())).isNotEqualTo(bytes(result.model()));
    assertThat(bytes(ClassifierTrainer.train(train, dev, analyser, options().withMinEpochs(20),
        Map.of("command", "test"), line -> { }).model())).isEqualTo(bytes(later.model()));
    for (int bad : new int[] {0, 31}) {
      assertThatThrownBy(() -> options().withMinEpochs(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * Thresholds judged out of sample: with the training messages dealt into sources and two folds, each
   * category's threshold is its development threshold or lower, the bytes are the same for the same seed, and
   * the settings are bounded; without any message of a source, out-of-sample thresholds are refused.
   */
  @Test
  void outOfFoldThresholdsOnlyLowerAndAreDeterministic() throws IOException {
    int[] sources = new int[train.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = i % 5;
    }
    ClassifierTrainer.Options folds = options().withFolds(2, 0.05);
    ClassifierTrainer.Result r = ClassifierTrainer.train(train, sources, dev, analyser, folds,
        Map.of("command", "test"), line -> { });
    for (int k = 0; k < r.dev().size(); k++) {
      assertThat(r.dev().get(k).threshold()).as("%s", r.dev().get(k))
          .isLessThanOrEqualTo(result.dev().get(k).threshold());
    }
    assertThat(bytes(ClassifierTrainer.train(train, sources, dev, analyser, folds, Map.of("command", "test"),
        line -> { }).model())).isEqualTo(bytes(r.model()));
    // with no fold, the sources change nothing
    assertThat(bytes(ClassifierTrainer.train(train, sources, dev, analyser, options(), Map.of("command", "test"),
        line -> { }).model())).isEqualTo(bytes(result.model()));
    int[] none = new int[train.size()];
    Arrays.fill(none, -1);
    assertThatThrownBy(() -> ClassifierTrainer.train(train, none, dev, analyser, folds, Map.of(), line -> { }))
        .isInstanceOf(IllegalArgumentException.class);
    for (int bad : new int[] {-1, 1, ClassifierTrainer.MAX_FOLDS + 1}) {
      assertThatThrownBy(() -> options().withFolds(bad, 0.01)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> options().withFolds(2, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Clean comments written for the whole-filter bound: everyday talk, two of them with a swear the lexicon reads. */
  private static final String[] CLEAN = {
      "hôm nay trời đẹp quá đi dạo công viên thôi", "con mèo nhà tớ lại ngủ trên bàn phím",
      "đm trận này thua tức thật", "mai lớp mình kiểm tra toán đó nhớ ôn bài",
      "quán phở đầu ngõ ngon mà rẻ", "vãi cả chưởng, bài hát này hay quá",
      "ai có sách tiếng anh lớp 6 cho mình mượn với", "chúc mừng sinh nhật bạn nhé",
      "đội tuyển đá hay quá, tự hào ghê", "xe buýt số 9 hôm nay đến trễ"};

  /**
   * The bound by the whole filter: with folds and a {@link ClassifierTrainer.WholeFilter} that is the real filter
   * (default lexicon, the classifiers being trained, a 10-year-old), what the trainer counts of the clean
   * comments at the thresholds it chose is what the filter with the written file flags, and within the bound;
   * the same for a set of held clean sentences, whose bound is what the development thresholds flag of it.
   */
  @Test
  void theWholeFilterBoundCountsWhatTheFilterFlags() {
    int[] sources = fiveSources();
    List<MessageCorpus.Message> withClean = devWithClean();
    int bound = 4;
    ClassifierTrainer.WholeFilter whole = new ClassifierTrainer.WholeFilter() {
      @Override
      public List<Bound> bounds() {
        return List.of(new Bound("by default", bound / (double) CLEAN.length));
      }

      @Override
      public List<Judged> judge(ClassifierModel model, List<String> texts) {
        return judgedAt10(model, texts);
      }

      @Override
      public List<Sentences> sentences() {
        return List.of(new Sentences("held", List.of(CLEAN)));
      }

      @Override
      public List<Judged> judgeSentences(ClassifierModel model, List<String> texts) {
        return judge(model, texts);
      }
    };
    List<String> log = new java.util.ArrayList<>();
    ClassifierTrainer.Result r = ClassifierTrainer.train(train, sources, withClean, analyser,
        options().withFolds(2, 0.05), whole, Map.of("command", "test"), log::add);
    int flagged = 0;
    try (ContentFilter f = ContentFilter.builder().classifiers(r.model()).build()) {
      for (String t : CLEAN) {
        flagged += f.checkText(t, Policy.forAge(10)).action() != Action.ALLOW ? 1 : 0;
      }
    }
    String line = log.stream().filter(l -> l.startsWith("clean development comments flagged by the whole filter"))
        .findFirst().orElseThrow();
    assertThat(line).contains(", " + flagged + " at the chosen ones (" + flagged + " with the file's thresholds")
        .endsWith("bound " + bound);
    assertThat(flagged).isLessThanOrEqualTo(bound);
    String held = log.stream().filter(l -> l.startsWith("held clean sentences flagged at age 10")).findFirst()
        .orElseThrow();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "\\(held\\): (\\d+) of " + CLEAN.length + " at the development thresholds, (\\d+) at the chosen ones "
            + "\\((\\d+) with the file's thresholds judged afresh\\), bound (\\d+)").matcher(held);
    assertThat(m.find()).as(held).isTrue();
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(flagged).isEqualTo(Integer.parseInt(m.group(3)))
        .isLessThanOrEqualTo(Integer.parseInt(m.group(4)));
    assertThat(m.group(4)).isEqualTo(m.group(1));
  }

  /**
   * The case-table gate: rows said to expect ALLOW (here harmful training messages that the lexicon alone
   * allows, so that only the classifiers fail them) are counted by the real filter at their age; with the raise
   * uncapped the trainer raises the thresholds so that it fails fewer of them (not all can be freed: a score the
   * score stage reads against a fixed cap, or two categories that each fail a row, are beyond a single raise), and
   * then lifts the thresholds the score stage applies, so that the filter with the written file fails fewer still:
   * what the trainer reports after the lift is what that filter fails, row by row.
   */
  @Test
  void theCaseGateCountsWhatTheFilterFailsAndRaisesTheThresholds() {
    int[] sources = fiveSources();
    List<MessageCorpus.Message> withClean = devWithClean();
    List<ClassifierTrainer.WholeFilter.AllowedRow> rows = new java.util.ArrayList<>();
    try (ContentFilter lexiconOnly = ContentFilter.builder().build()) {
      for (MessageCorpus.Message m : train) {
        if (m.positive() && lexiconOnly.checkText(m.text(), Policy.forAge(10)).action() == Action.ALLOW) {
          rows.add(new ClassifierTrainer.WholeFilter.AllowedRow(m.id(), 10, false, m.text()));
        }
      }
    }
    ClassifierTrainer.WholeFilter whole = new ClassifierTrainer.WholeFilter() {
      @Override
      public List<Bound> bounds() {
        return List.of(new Bound("by default", 0.5));
      }

      @Override
      public List<Judged> judge(ClassifierModel model, List<String> texts) {
        return judgedAt10(model, texts);
      }

      @Override
      public List<AllowedRow> allowedRows() {
        return rows;
      }

      @Override
      public List<Judged> judgeRows(ClassifierModel model, List<AllowedRow> r) {
        return judge(model, r.stream().map(AllowedRow::text).toList());
      }
    };
    List<String> log = new java.util.ArrayList<>();
    ClassifierTrainer.Result r = ClassifierTrainer.train(train, sources, withClean, analyser,
        options().withFolds(2, 0.05).withMaxRaise(40), whole, Map.of("command", "test"), log::add);
    List<String> failed = new java.util.ArrayList<>();
    try (ContentFilter f = ContentFilter.builder().classifiers(r.model()).build()) {
      for (ClassifierTrainer.WholeFilter.AllowedRow row : rows) {
        if (f.checkText(row.text(), Policy.forAge(row.age())).action() != Action.ALLOW) {
          failed.add(row.where());
        }
      }
    }
    String line = log.stream().filter(l -> l.startsWith("case rows that expect ALLOW failed by the whole filter"))
        .findFirst().orElseThrow();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "\\(--case-gate\\): (\\d+) of " + rows.size() + " at the development thresholds, (\\d+) at the chosen "
            + "ones \\((\\d+) with the file's thresholds judged afresh\\), bound 0").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    int atDev = Integer.parseInt(m.group(1));
    int chosen = Integer.parseInt(m.group(2));
    assertThat(atDev).as("the development thresholds fail some of the harmful rows").isPositive();
    assertThat(chosen).as(line).isEqualTo(Integer.parseInt(m.group(3))).isLessThan(atDev);
    // the lift frees the rows the raises left failed: the written file fails none of them
    String lifted = log.stream().filter(l -> l.startsWith("case rows that expect ALLOW failed by the whole filter at "
        + "the chosen thresholds")).findFirst().orElseThrow();
    java.util.regex.Matcher l = java.util.regex.Pattern.compile("at the chosen thresholds: (\\d+); lifted \\((.+)\\): "
        + "(\\d+)").matcher(lifted);
    assertThat(l.find()).as(lifted).isTrue();
    assertThat(Integer.parseInt(l.group(1))).isEqualTo(chosen);
    assertThat(Integer.parseInt(l.group(3))).as(lifted).isEqualTo(failed.size()).isLessThan(chosen);
    assertThat(l.group(2)).isEqualTo(r.model().properties().get(ClassifierModel.LIFT));
    if (!failed.isEmpty()) {
      assertThat(lifted).endsWith(": NOT MET; still failed: " + String.join(", ", failed));
    }
  }

  /** A source number for each training message, dealing them into five sources in turn. */
  private static int[] fiveSources() {
    int[] sources = new int[train.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = i % 5;
    }
    return sources;
  }

  /** The development messages with {@link #CLEAN}'s comments as ordinary ones. */
  private static List<MessageCorpus.Message> devWithClean() {
    List<MessageCorpus.Message> withClean = new java.util.ArrayList<>(dev);
    for (int i = 0; i < CLEAN.length; i++) {
      withClean.add(new MessageCorpus.Message("clean-" + i, ClassifierTrainer.ORDINARY, false, "comment",
          CLEAN[i]));
    }
    return withClean;
  }

  /**
   * What the real filter (default lexicon, classifiers {@code model}) makes of {@code texts} for a 10-year-old:
   * flagged when anything but ALLOW, and the classifiers' scores.
   */
  private static List<ClassifierTrainer.WholeFilter.Judged> judgedAt10(ClassifierModel model, List<String> texts) {
    List<ClassifierTrainer.WholeFilter.Judged> out = new java.util.ArrayList<>();
    try (ContentFilter f = ContentFilter.builder().classifiers(model).build()) {
      for (String t : texts) {
        Verdict v = f.checkText(t, Policy.forAge(10));
        double[] scores = new double[model.categories().size()];
        for (int k = 0; k < scores.length; k++) {
          scores[k] = v.scores().getOrDefault(model.categories().get(k), 0.0);
        }
        out.add(new ClassifierTrainer.WholeFilter.Judged(new boolean[] {v.action() != Action.ALLOW}, scores));
      }
    }
    return out;
  }

  /** Thresholds come from the grid 0.300, 0.325, … 0.975, 0.99 (or 2: never), never under 0.3. */
  @Test
  void thresholdsAreOnTheGrid() {
    assertThat(ClassifierTrainer.THRESHOLDS).hasSize(29).startsWith(0.3, 0.325).endsWith(0.975, 0.99);
    for (int i = 1; i < ClassifierTrainer.THRESHOLDS.length; i++) {
      assertThat(ClassifierTrainer.THRESHOLDS[i]).isGreaterThan(ClassifierTrainer.THRESHOLDS[i - 1]);
    }
    for (ClassifierTrainer.CategoryFigures f : result.dev()) {
      assertThat(f.threshold() == 2 || java.util.Arrays.stream(ClassifierTrainer.THRESHOLDS)
          .anyMatch(t -> t == f.threshold())).as(f.toString()).isTrue();
    }
  }

  @Test
  void writesAndReadsBack() throws IOException {
    byte[] b = bytes(result.model());
    ClassifierModel read = ClassifierModel.read(new ByteArrayInputStream(b));
    assertThat(read).isEqualTo(result.model());
    assertThat(bytes(read)).isEqualTo(b);
  }

  @Test
  void refusesBadFiles() throws IOException {
    assertThatThrownBy(() -> ClassifierModel.read(new ByteArrayInputStream("hello".getBytes())))
        .hasMessageContaining("bad header");
    byte[] b = bytes(result.model());
    byte[] otherVersion = b.clone();
    otherVersion[ClassifierModel.MAGIC.length() + 3] = 99;
    assertThatThrownBy(() -> ClassifierModel.read(new ByteArrayInputStream(otherVersion)))
        .hasMessageContaining("version 99");
    byte[] truncated = Arrays.copyOf(b, b.length / 2);
    assertThatThrownBy(() -> ClassifierModel.read(new ByteArrayInputStream(truncated)))
        .hasMessageContaining("corrupt");
  }

  @Test
  void aFilterLoadsAndUsesTheClassifiers(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("classifiers.bin");
    result.model().write(file);
    String scam = "Chuc mung ban trung thuong xe may, nop phi nhan giai tai link";
    try (ContentFilter on = ContentFilter.builder().classifiers(file).build();
        ContentFilter off = ContentFilter.builder().withoutClassifiers().build()) {
      Verdict v = on.checkText(scam, Policy.forAge(10));
      Verdict plain = off.checkText(scam, Policy.forAge(10));
      assertThat(v.score(Category.SCAM)).as("%s", v).isGreaterThan(v.score(Category.DATING));
      assertThat(v.scores()).containsOnlyKeys(Category.values());
      for (double s : v.scores().values()) {
        assertThat(s).isBetween(0.0, 1.0);
      }
      // a classifier finding may add or raise, never lower, what the lexicon found
      assertThat(v.action().compareTo(plain.action())).isGreaterThanOrEqualTo(0);
      assertThat(v.findings()).containsAll(plain.findings());
      Verdict clean = on.checkText("Hôm nay lớp em học bài về cây xanh", Policy.forAge(10));
      assertThat(clean.action()).isEqualTo(Action.ALLOW);
      assertThat(on.checkText("", Policy.forAge(10)).findings()).isEmpty();
    }
  }

  /**
   * With {@code lower.below} set, a lexicon finding below tier C, outside self-harm, whose category the
   * classifiers score under the bound is lowered to tier P (same rule, span and severity); every other
   * finding stays as the lexicon gave it. Without the property nothing is lowered.
   */
  @Test
  void lowersOnlyWhatTheRuleAllows(@TempDir Path dir) throws IOException {
    assertThat(result.model().lowerBelow()).isZero();
    assertThat(ClassifierTrainer.Options.defaults(1).lowerBelow()).isEqualTo(0.2);
    assertThatThrownBy(() -> new ClassifierTrainer.Options(3, 15, 30, 5, 0.5, 1e-4, 0.02, 1, 0.7))
        .isInstanceOf(IllegalArgumentException.class);
    double bound = 0.45;
    Path file = withProperty(dir.resolve("lowering.bin"), ClassifierModel.LOWER_BELOW, bound);
    assertThat(ClassifierModel.read(file).lowerBelow()).isEqualTo(bound);
    Policy child = Policy.forAge(10);
    int lowered = 0;
    int kept = 0;
    try (ContentFilter on = ContentFilter.builder().classifiers(file).build();
        ContentFilter off = ContentFilter.builder().withoutClassifiers().build()) {
      for (MessageCorpus.Message m : dev) {
        Verdict plain = off.checkText(m.text(), child);
        Verdict v = on.checkText(m.text(), child);
        List<vn.lanhmanh.Finding> lexicon = v.findings().stream().filter(f -> !f.rule().startsWith("model/")).toList();
        assertThat(lexicon).as(m.id()).hasSameSizeAs(plain.findings());
        for (int i = 0; i < lexicon.size(); i++) {
          vn.lanhmanh.Finding before = plain.findings().get(i);
          vn.lanhmanh.Finding after = lexicon.get(i);
          assertThat(after.rule()).isEqualTo(before.rule());
          assertThat(after.start()).isEqualTo(before.start());
          assertThat(after.severity()).isEqualTo(before.severity());
          Category c = before.category();
          boolean lowerable = before.rating() != vn.lanhmanh.Rating.P && before.rating() != vn.lanhmanh.Rating.C
              && c != Category.SELF_HARM && c != Category.PII && v.score(c) < bound
              // composed sexual findings told in family words are not lowered (ScoreStage.conduct)
              && !before.rule().equals("compose/sexual.seek_casual")
              && !before.rule().equals("compose/sexual.position_tips");
          if (lowerable) {
            assertThat(after.rating()).as("%s %s", m.id(), before).isEqualTo(vn.lanhmanh.Rating.P);
            lowered++;
          } else {
            assertThat(after.rating()).as("%s %s", m.id(), before).isEqualTo(before.rating());
            kept++;
          }
        }
      }
    }
    assertThat(lowered).isPositive();
    assertThat(kept).isPositive();
  }

  /**
   * With {@code unsupported.below} set, a classifier finding scored under the bound on a text where no lexicon
   * or composition finding supports it (and no concept of its category's compositions, checked by the other
   * direction: a capped finding never sits next to a lexicon finding) is rated T13 instead of its category's
   * tier; everything else is as without the property. A child under 13 is still stopped by it.
   */
  @Test
  void capsOnlyUnsupportedFindingsUnderTheBound(@TempDir Path dir) throws IOException {
    assertThat(result.model().unsupportedBelow()).isZero();
    assertThat(ClassifierTrainer.Options.defaults(1).unsupportedBelow()).isEqualTo(0.7);
    assertThatThrownBy(() -> new ClassifierTrainer.Options(3, 15, 30, 5, 0.5, 1e-4, 0.02, 1, 0.2, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    double bound = 0.99;
    Path file = withProperty(dir.resolve("capping.bin"), ClassifierModel.UNSUPPORTED_BELOW, bound);
    assertThat(ClassifierModel.read(file).unsupportedBelow()).isEqualTo(bound);
    Path without = dir.resolve("plain.bin");
    result.model().write(without);
    Policy child = Policy.forAge(10);
    int capped = 0;
    int kept = 0;
    try (ContentFilter on = ContentFilter.builder().classifiers(file).build();
        ContentFilter plain = ContentFilter.builder().classifiers(without).build()) {
      for (MessageCorpus.Message m : dev) {
        Verdict plainVerdict = plain.checkText(m.text(), child);
        Verdict v = on.checkText(m.text(), child);
        boolean lexicon = plainVerdict.findings().stream()
            .anyMatch(f -> f.category() != Category.PII && !f.rule().startsWith("model/"));
        // an unsupported finding of a category rated K (not self-harm) under the bound is left out, not capped
        List<vn.lanhmanh.Finding> dropped = plainVerdict.findings().stream()
            .filter(f -> !v.findings().contains(f) && f.rating() == vn.lanhmanh.Rating.K).toList();
        for (vn.lanhmanh.Finding f : dropped) {
          assertThat(f.rule()).as(m.id()).startsWith("model/");
          assertThat(f.category()).as(m.id()).isNotEqualTo(Category.SELF_HARM);
          assertThat(v.score(f.category())).as(m.id()).isLessThan(bound);
          assertThat(lexicon).as(m.id()).isFalse();
        }
        List<vn.lanhmanh.Finding> kept0 = plainVerdict.findings().stream().filter(f -> !dropped.contains(f)).toList();
        assertThat(v.findings()).as(m.id()).hasSameSizeAs(kept0);
        for (int i = 0; i < v.findings().size(); i++) {
          vn.lanhmanh.Finding a = kept0.get(i);
          vn.lanhmanh.Finding b = v.findings().get(i);
          assertThat(b.rule()).isEqualTo(a.rule());
          if (b.rating() != a.rating()) {
            assertThat(a.rule()).as(m.id()).startsWith("model/");
            assertThat(b.rating()).as(m.id()).isEqualTo(ClassifierModel.UNSUPPORTED_TIER);
            assertThat(a.rating()).isGreaterThan(ClassifierModel.UNSUPPORTED_TIER);
            assertThat(v.score(a.category())).isLessThan(bound);
            assertThat(lexicon).as(m.id()).isFalse();
            capped++;
          } else if (a.rule().startsWith("model/") && a.rating().compareTo(ClassifierModel.UNSUPPORTED_TIER) > 0) {
            kept++;
          }
        }
      }
    }
    assertThat(capped).isPositive();
    assertThat(kept).isPositive();
  }

  /** Writes the trained classifiers with one property set to {@code file}, and returns it. */
  private static Path withProperty(Path file, String name, double value) throws IOException {
    Map<String, String> props = new java.util.TreeMap<>(result.model().properties());
    props.put(name, Double.toString(value));
    result.model().withProperties(props).write(file);
    return file;
  }

  private static byte[] bytes(ClassifierModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    return out.toByteArray();
  }
}
