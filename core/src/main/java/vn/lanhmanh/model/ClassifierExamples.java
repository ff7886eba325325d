package vn.lanhmanh.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;

/**
 * The messages of {@link ClassifierTrainer} as examples: each message's features (what the analyser finds in
 * it, as a check computes them), its out-of-sample fold, and the label it gives each category's classifier
 * (the multi-label rules: {@link #OVERLAPS}, {@link #NOT_SHARED_WHEN_ONLY}).
 */
final class ClassifierExamples {

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

  /** A training or development message as features; {@code fold} is its out-of-sample fold, or -1 (none). */
  record Example(int[] feats, double value, Category category, boolean positive, boolean only, int fold) {}

  private final Analyser analyser;
  private final ClassifierTrainer.Options options;
  private final MessageFeatures.Buffer buffer = new MessageFeatures.Buffer();

  ClassifierExamples(Analyser analyser, ClassifierTrainer.Options options) {
    this.analyser = analyser;
    this.options = options;
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

  /** The label of example {@code e} for category {@code c}. */
  static int label(Category c, Example e) {
    return label(c, e.category(), e.positive(), e.only());
  }

  /**
   * {@code messages} as examples, with features hashed into {@code mask + 1} slots; message {@code i} of source
   * {@code sources[i]} is in fold {@code sources[i] % folds} when folds are asked for ({@code sources} null or a
   * source -1: no fold).
   */
  List<Example> prepare(List<MessageCorpus.Message> messages, int[] sources, int mask) {
    List<Example> out = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      MessageCorpus.Message m = messages.get(i);
      int fold = options.folds() > 0 && sources != null && sources[i] >= 0 ? sources[i] % options.folds() : -1;
      List<Finding> found = analyser.findings(m.text());
      MessageFeatures.extract(m.text(), analyser.state(), analyser.vocabulary(), found, mask, options.knownChar3(),
          options.conceptContext(), options.address(), null, buffer, 0, -1);
      out.add(new Example(Arrays.copyOf(buffer.feats, buffer.size), buffer.value(), m.category(), m.positive(),
          m.only(), fold));
    }
    return out;
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
}
