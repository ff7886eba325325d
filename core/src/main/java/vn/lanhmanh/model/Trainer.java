package vn.lanhmanh.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.score.Scorer;
import vn.lanhmanh.text.Positions;

/**
 * Trains the offensive-span tagger from span-annotated comments, deterministically for a seed (one
 * thread, a seeded shuffle, no clock).
 *
 * <ol>
 *   <li>With the {@code clusters} features ({@link Options#features}), word clusters are first learned from
 *       the training comments' texts and any unlabelled texts ({@link WordClusters}), never from dev.
 *   <li>The training comments are shuffled with the seed; a share ({@link Options#holdout}) is kept aside
 *       to calibrate the message score, the rest fits the CRF (AdaGrad on the log-likelihood, one comment
 *       at a time; with an encoder, {@link Options#encoder}, its network too, through the same gradient) and
 *       the harassment/profanity head.
 *   <li>After each epoch the development comments choose the decoding bias (span F1 of lexicon and model
 *       findings together) and decide when to stop (no better F1 for {@link Options#patience} epochs).
 *   <li>For the chosen epoch, dev then picks the decoding rule: Viterbi with that bias, or a syllable inside
 *       wherever its marginal probability of I reaches a threshold, whichever gives the higher span F1.
 *   <li>The action threshold is the lowest span score at which no clean development or calibration comment
 *       the lexicon lets through would be flagged by a model finding (never under 0.5).
 * </ol>
 * Development comments are used for the stopping point and thresholds only, never fitted.
 */
public final class Trainer {

  /** Training settings. */
  public record Options(long seed, int bits, int maxEpochs, int patience, double holdout, double learningRate,
      boolean concepts, double l2, int minCount, String features, int lanes, String encoder) {
    /** A linear CRF, or an ensemble of them. */
    public Options(long seed, int bits, int maxEpochs, int patience, double holdout, double learningRate,
        boolean concepts, double l2, int minCount, String features, int lanes) {
      this(seed, bits, maxEpochs, patience, holdout, learningRate, concepts, l2, minCount, features, lanes, "");
    }

    /** One CRF. */
    public Options(long seed, int bits, int maxEpochs, int patience, double holdout, double learningRate,
        boolean concepts, double l2, int minCount, String features) {
      this(seed, bits, maxEpochs, patience, holdout, learningRate, concepts, l2, minCount, features, 1);
    }

    /** Without concept tags, L2 penalty or pruning. */
    public Options(long seed, int bits, int maxEpochs, int patience, double holdout, double learningRate) {
      this(seed, bits, maxEpochs, patience, holdout, learningRate, false, 0, 1, "");
    }

    /** Without optional feature families. */
    public Options(long seed, int bits, int maxEpochs, int patience, double holdout, double learningRate,
        boolean concepts, double l2, int minCount) {
      this(seed, bits, maxEpochs, patience, holdout, learningRate, concepts, l2, minCount, "");
    }

    /**
     * @param features optional feature families, comma-separated: {@code chargrams} (letter n-grams of the
     *     folded syllable), {@code clusters} (word clusters learned from the training comments and the
     *     unlabelled texts); empty for none
     * @param lanes how many CRFs to train side by side in one model whose marginals are their mean (an
     *     ensemble; {@link TaggerModel#LANES}): the first on the comments as a single CRF, each other on a
     *     bootstrap sample of them; 1 for a single CRF
     * @param encoder a neural part added to the CRF's emission score and trained with it, {@code cnn} (dilated
     *     convolutions over hashed embeddings, {@link ConvEncoder}), or empty for none; one lane only
     */
    public Options {
      encoder = encoder == null ? "" : encoder.trim();
      if (TaggerModel.encoder(encoder) && lanes > 1) {
        throw new IllegalArgumentException("an encoder is trained with one lane only");
      }
      if (lanes < 1 || lanes > TaggerModel.MAX_LANES) {
        throw new IllegalArgumentException("lanes must be 1.." + TaggerModel.MAX_LANES + ", was " + lanes);
      }
      features = features == null ? "" : features.replace(" ", "");
      TaggerModel.extras(features);
      if (!(l2 >= 0) || minCount < 1) {
        throw new IllegalArgumentException("l2 must be >= 0 and minCount >= 1");
      }
      if (bits < 10 || bits > 24) {
        throw new IllegalArgumentException("bits must be 10..24, was " + bits);
      }
      if ((long) lanes << bits > 1 << 24) {
        throw new IllegalArgumentException("lanes times 2^bits must be at most 2^24");
      }
      if (maxEpochs < 1 || patience < 1) {
        throw new IllegalArgumentException("maxEpochs and patience must be positive");
      }
      if (!(holdout > 0 && holdout < 0.5)) {
        throw new IllegalArgumentException("holdout must be in (0, 0.5), was " + holdout);
      }
    }

    /** The settings of the shipped model. */
    public static Options defaults(long seed) {
      return new Options(seed, 20, 25, 4, 0.1, 0.1);
    }
  }

  /** Span figures on a split: character counts, code points, and clean comments flagged for age 10. */
  public record Figures(long truePositive, long predicted, long gold, int clean, int cleanFlagged) {
    public double precision() {
      return predicted == 0 ? 0 : (double) truePositive / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) truePositive / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f clean flagged %d of %d (%.1f%%)", precision(),
          recall(), f1(), cleanFlagged, clean, clean == 0 ? 0.0 : 100.0 * cleanFlagged / clean);
    }
  }

  /** The trained model and what was measured on the development split. */
  public record Result(TaggerModel model, Figures lexicon, Figures tagger, Figures pipeline,
      List<String> reliability, int epochs) {}

  /** Marginal thresholds tried for posterior decoding, after the epoch is chosen. */
  private static final double[] THRESHOLDS = {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};

  private static final double[] BIASES = {-1.5, -1.0, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0,
      2.5, 3.0};

  private final Analyser analyser;
  private final Options options;
  private final Consumer<String> progress;
  private final Positions positions;
  private final Features.Buffer buffer = new Features.Buffer();
  private final Policy child = Policy.forAge(10);
  /** Properties every model made during training carries (whether it reads concept tags). */
  private Map<String, String> modelProps;
  private final int extras;
  /** Word clusters learned before training (with the {@code clusters} features), else null. */
  private WordClusters clusters;

  private Trainer(Analyser analyser, Options options, Consumer<String> progress) {
    if (options.concepts() && !analyser.composes()) {
      throw new IllegalArgumentException("concept tags need an analyser with the concepts stage");
    }
    this.analyser = analyser;
    this.options = options;
    this.progress = progress;
    this.positions = analyser.state().positions();
    Map<String, String> mp = new TreeMap<>();
    if (options.concepts()) {
      mp.put(TaggerModel.CONCEPT_TAGS, "true");
    }
    if (!options.features().isEmpty()) {
      mp.put(TaggerModel.EXTRA_FEATURES, options.features());
    }
    if (!options.encoder().isEmpty()) {
      mp.put(ConvEncoder.PROPERTY, options.encoder());
    }
    this.modelProps = Map.copyOf(mp);
    this.extras = TaggerModel.extras(options.features());
  }

  /** The concept tags of the text last matched (none unless training with concepts). */
  private PositionTags tags() {
    return options.concepts() ? buffer.conceptTags(analyser.state()) : PositionTags.NONE;
  }

  /** One training comment, prepared: features and labels per position, hashes for the head. */
  private record Example(int[] feats, int[] offs, byte[] labels, long[] fo, long[] ex, int[] cover, int[] encIn,
      int[] encOffs, int[] encLex) {}

  /** The encoder's embedding rows: 2^15 of {@link #ENCODER_DIM} values. */
  static final int ENCODER_ROW_BITS = 15;
  static final int ENCODER_DIM = 32;
  /** The encoder's convolution layers, by their dilation: each syllable sees ±15 syllables. */
  private static final int[] ENCODER_DILATIONS = {1, 2, 4, 8};
  /** AdaGrad's learning rate for the encoder's parameters. */
  static final double ENCODER_RATE = 0.02;
  /** In training, the share of syllables whose forms and letters the encoder does not see (it sees the context). */
  static final double ENCODER_WORD_DROP = 0.25;
  /** In training, the share of the encoder's input values set to zero. */
  static final double ENCODER_DROPOUT = 0.2;
  /** The encoder being trained, or null. */
  private ConvEncoder.Fit encoder;
  private final ConvEncoder.Work encoderWork = new ConvEncoder.Work();

  /**
   * Trains a model.
   *
   * @param train comments to fit (and to calibrate on a held-out share)
   * @param dev comments for the stopping point and thresholds
   * @param lexicon the compiled lexicon whose findings are features (the pipeline's own)
   * @param properties written into the model (command, data digests), with the figures added
   * @param progress told one line per step
   */
  public static Result train(List<SpanCorpus.Comment> train, List<SpanCorpus.Comment> dev,
      CompiledLexicon lexicon, Options options, Map<String, String> properties, Consumer<String> progress) {
    return train(train, dev, Analyser.of(lexicon), options, properties, progress);
  }

  /**
   * Trains a model with the stages before the model given by {@code analyser} (with the concepts stage, its
   * hits can be features: {@link Options#concepts}).
   */
  public static Result train(List<SpanCorpus.Comment> train, List<SpanCorpus.Comment> dev, Analyser analyser,
      Options options, Map<String, String> properties, Consumer<String> progress) {
    return train(train, dev, List.of(), analyser, options, properties, progress);
  }

  /**
   * Trains a model; with the {@code clusters} features, word clusters are first learned from the training
   * comments' texts and {@code unlabelled} (never from the development comments).
   *
   * @param unlabelled further texts (sentences), for the word clusters only
   */
  public static Result train(List<SpanCorpus.Comment> train, List<SpanCorpus.Comment> dev, List<String> unlabelled,
      Analyser analyser, Options options, Map<String, String> properties, Consumer<String> progress) {
    if (train.isEmpty() || dev.isEmpty()) {
      throw new IllegalArgumentException("training needs at least one training and one development comment");
    }
    Trainer t = new Trainer(analyser, options, progress);
    if ((t.extras & Features.CLUSTERS) != 0) {
      t.clusters = t.learnClusters(train, unlabelled);
    }
    return t.run(train, dev, properties);
  }

  /** Word clusters of the folded syllables of the training comments and the unlabelled texts. */
  private WordClusters learnClusters(List<SpanCorpus.Comment> train, List<String> unlabelled) {
    List<long[]> texts = new ArrayList<>(train.size() + unlabelled.size());
    List<String> all = new ArrayList<>(train.size() + unlabelled.size());
    train.forEach(c -> all.add(c.text()));
    all.addAll(unlabelled);
    for (String text : all) {
      match(text);
      int n = positions.size();
      long[] h = new long[n];
      for (int i = 0; i < n; i++) {
        h[i] = positions.charHash(i, true, analyser.vocabulary());
      }
      texts.add(h);
    }
    WordClusters wc = WordClusters.build(texts, options.seed());
    progress.accept(String.format(Locale.ROOT, "word clusters: %d syllables from %d texts (%d unlabelled)",
        wc.size(), texts.size(), unlabelled.size()));
    return wc;
  }

  private Result run(List<SpanCorpus.Comment> train, List<SpanCorpus.Comment> dev, Map<String, String> props) {
    int size = 1 << options.bits();
    int mask = size - 1;
    Integer[] order = new Integer[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    List<Integer> shuffled = new ArrayList<>(Arrays.asList(order));
    java.util.Collections.shuffle(shuffled, new Random(options.seed()));
    int holdoutCount = Math.max(1, (int) Math.round(train.size() * options.holdout()));
    if (holdoutCount >= train.size()) {
      holdoutCount = train.size() / 2;
    }
    if (!options.encoder().isEmpty()) {
      encoder = new ConvEncoder.Fit(ENCODER_ROW_BITS, ENCODER_DIM, ENCODER_DILATIONS, options.seed(), ENCODER_RATE,
          ENCODER_WORD_DROP, ENCODER_DROPOUT);
    }
    List<SpanCorpus.Comment> holdout = new ArrayList<>();
    List<Example> fit = new ArrayList<>();
    for (int k = 0; k < shuffled.size(); k++) {
      SpanCorpus.Comment c = train.get(shuffled.get(k));
      if (k < holdoutCount) {
        holdout.add(c);
      } else {
        fit.add(prepare(c, mask));
      }
    }
    progress.accept(String.format(Locale.ROOT, "%d comments to fit, %d held out for calibration, %d dev",
        fit.size(), holdout.size(), dev.size()));
    double[] encGrad = new double[64];

    int lanes = options.lanes();
    double[][] w = new double[lanes][size];
    double[][] g2 = new double[lanes][size];
    // how often each feature occurs in the fitted comments: rarer ones than minCount are never fitted
    int[] seen = new int[size];
    for (Example e : fit) {
      for (int f : e.feats()) {
        if (seen[f] < Integer.MAX_VALUE) {
          seen[f]++;
        }
      }
    }
    // Averaged parameters: the mean of the weights over all updates is w - u / c.
    double[][] u = new double[lanes][size];
    double[][] transU = new double[lanes][4];
    double[][] startU = new double[lanes][2];
    // each lane's update count (lanes fit samples of different sizes)
    long[] c = new long[lanes];
    Arrays.fill(c, 1);
    double[][] trans = new double[lanes][4];
    double[][] transG2 = new double[lanes][4];
    double[][] start = new double[lanes][2];
    double[][] startG2 = new double[lanes][2];
    double lr = options.learningRate();
    // Lane 0 fits the comments as a single CRF does. Each other lane fits a bootstrap sample of them (each
    // comment as many times as a seeded Poisson(1) draw says) in an order of its own, so the lanes differ.
    Random[] random = new Random[lanes];
    List<List<Example>> orders = new ArrayList<>();
    for (int l = 0; l < lanes; l++) {
      random[l] = new Random(options.seed() * 31 + 7 + 1_000_003L * l);
      if (l == 0) {
        orders.add(fit);
        continue;
      }
      List<Example> sample = new ArrayList<>(fit.size());
      for (Example e : fit) {
        for (int r = poisson(random[l]); r > 0; r--) {
          sample.add(e);
        }
      }
      orders.add(sample);
    }
    if (lanes > 1) {
      Map<String, String> mp = new TreeMap<>(modelProps);
      mp.put(TaggerModel.LANES, Integer.toString(lanes));
      modelProps = Map.copyOf(mp);
    }
    double bestF1 = -1;
    TaggerModel best = null;
    int bestEpoch = 0;
    double[] emit = new double[64];
    double[] alpha = new double[128];
    double[] beta = new double[128];
    double[] marg = new double[64];
    double[] pairs = new double[4];
    int epoch = 0;
    while (epoch < options.maxEpochs()) {
      epoch++;
      double loss = 0;
      for (int l = 0; l < lanes; l++) {
        List<Example> laneOrder = orders.get(l);
        java.util.Collections.shuffle(laneOrder, random[l]);
        double[] wl = w[l];
        double[] g2l = g2[l];
        double[] ul = u[l];
        long cl = c[l];
        for (Example e : laneOrder) {
          int n = e.labels().length;
          if (n == 0) {
            continue;
          }
          if (emit.length < n) {
            emit = new double[2 * n];
            marg = new double[2 * n];
            alpha = new double[4 * n];
            beta = new double[4 * n];
          }
          for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = e.offs()[i]; k < e.offs()[i + 1]; k++) {
              s += wl[e.feats()[k]];
            }
            emit[i] = s;
          }
          if (encoder != null) {
            encoder.forward(e.encIn(), e.encOffs(), e.encLex(), n, encoderWork);
            for (int i = 0; i < n; i++) {
              emit[i] += encoderWork.out[i];
            }
            if (encGrad.length < n) {
              encGrad = new double[2 * n];
            }
          }
          Crf.forward(emit, n, trans[l], start[l], alpha);
          Arrays.fill(pairs, 0);
          Crf.marginals(emit, n, trans[l], alpha, beta, marg, pairs);
          for (int i = 0; i < n; i++) {
            double g = e.labels()[i] - marg[i];
            loss += Math.abs(g);
            if (encoder != null) {
              encGrad[i] = g;
            }
            if (g == 0) {
              continue;
            }
            for (int k = e.offs()[i]; k < e.offs()[i + 1]; k++) {
              int f = e.feats()[k];
              if (seen[f] < options.minCount()) {
                continue;
              }
              g2l[f] += g * g;
              double d = lr * (g - options.l2() * wl[f]) / (Math.sqrt(g2l[f]) + 1e-8);
              wl[f] += d;
              ul[f] += cl * d;
            }
          }
          if (encoder != null) {
            encoder.backward(encGrad, e.encIn(), e.encOffs(), e.encLex(), n, encoderWork, cl);
          }
          double[] observed = new double[4];
          for (int i = 1; i < n; i++) {
            observed[e.labels()[i - 1] * 2 + e.labels()[i]] += 1;
          }
          for (int t = 0; t < 4; t++) {
            double g = observed[t] - pairs[t];
            transG2[l][t] += g * g;
            double d = lr * g / (Math.sqrt(transG2[l][t]) + 1e-8);
            trans[l][t] += d;
            transU[l][t] += cl * d;
          }
          for (int s = 0; s < 2; s++) {
            double g = (e.labels()[0] == s ? 1 : 0) - (s == 1 ? marg[0] : 1 - marg[0]);
            startG2[l][s] += g * g;
            double d = lr * g / (Math.sqrt(startG2[l][s]) + 1e-8);
            start[l][s] += d;
            startU[l][s] += cl * d;
          }
          cl++;
        }
        c[l] = cl;
      }
      double[][] avgW = new double[lanes][];
      double[][] avgT = new double[lanes][];
      double[][] avgS = new double[lanes][];
      for (int l = 0; l < lanes; l++) {
        avgW[l] = average(w[l], u[l], c[l]);
        avgT[l] = average(trans[l], transU[l], c[l]);
        avgS[l] = average(start[l], startU[l], c[l]);
      }
      TaggerModel m = TaggerModel.quantise(options.bits(), avgW, avgT, avgS, 0, 1.0,
          new double[] {1, 0, 0}, new float[1 << TaggerModel.HEAD_BITS], modelProps, clusters,
          encoder == null ? null : encoder.averaged(c[0]));
      double epochF1;
      TaggerModel chosen;
      String how;
      if (lanes == 1) {
        Figures[] figures = evaluateBiases(m, dev);
        int bestBias = 0;
        for (int k = 0; k < BIASES.length; k++) {
          if (figures[k].f1() > figures[bestBias].f1()) {
            bestBias = k;
          }
        }
        epochF1 = figures[bestBias].f1();
        chosen = m.with(BIASES[bestBias], 1.0, m.calibration, m.head, modelProps);
        how = String.format(Locale.ROOT, "bias %.2f", BIASES[bestBias]);
      } else {
        // an ensemble decodes its averaged marginals: each epoch is judged at its best threshold
        epochF1 = -1;
        chosen = m;
        how = "";
        for (double t : THRESHOLDS) {
          Map<String, String> withThreshold = new TreeMap<>(modelProps);
          withThreshold.put(TaggerModel.DECODE_THRESHOLD, threshold(t));
          TaggerModel mt = m.with(0, 1.0, m.calibration, m.head, withThreshold);
          double f = evaluateBiases(mt, dev, true)[0].f1();
          if (f > epochF1) {
            epochF1 = f;
            chosen = mt;
            how = "marginals >= " + threshold(t);
          }
        }
      }
      progress.accept(String.format(Locale.ROOT, "epoch %d: mean |gradient| %.4f, dev span F1 %.4f at %s",
          epoch, loss / Math.max(1, (long) fit.size() * lanes), epochF1, how));
      if (epochF1 > bestF1) {
        bestF1 = epochF1;
        best = chosen;
        bestEpoch = epoch;
      } else if (epoch - bestEpoch >= options.patience()) {
        break;
      }
    }
    if (lanes == 1) {
      progress.accept("best epoch " + bestEpoch + ", bias " + best.decodeBias);
      best = posteriorDecoding(best, bestF1, dev);
    } else {
      modelProps = Map.copyOf(best.properties());
      progress.accept(String.format(Locale.ROOT, "best epoch %d, %d lanes, decoding: marginals >= %s", bestEpoch,
          lanes, best.properties().get(TaggerModel.DECODE_THRESHOLD)));
    }

    float[] head = trainHead(fit);
    double[] calibration = calibrate(best, holdout);
    TaggerModel calibrated = best.with(best.decodeBias, 1.0, calibration, head, modelProps);
    double action = actionThreshold(calibrated, dev, holdout);
    TaggerModel tuned = calibrated.with(best.decodeBias, action, calibration, head, modelProps);
    Evaluation ev = evaluate(tuned, dev);
    Map<String, String> all = new TreeMap<>(props);
    all.putAll(modelProps);
    all.put("seed", Long.toString(options.seed()));
    if (options.l2() > 0 || options.minCount() > 1) {
      all.put("l2", Double.toString(options.l2()));
      all.put("minCount", Integer.toString(options.minCount()));
    }
    all.put("bits", Integer.toString(options.bits()));
    all.put("epochs", Integer.toString(bestEpoch));
    all.put("train.comments", Integer.toString(train.size()));
    all.put("calibration.comments", Integer.toString(holdout.size()));
    all.put("dev.comments", Integer.toString(dev.size()));
    all.put("dev.lexicon", ev.lexicon.toString());
    all.put("dev.tagger", ev.tagger.toString());
    all.put("dev.pipeline", ev.pipeline.toString());
    all.put("dev.pipeline.paper", ev.published[2].toString());
    all.put("model.version", Integer.toString(TaggerModel.VERSION));
    TaggerModel model = tuned.with(tuned.decodeBias, action, calibration, head, all);
    progress.accept(String.format(Locale.ROOT, "action threshold %.2f; calibration %.3f %.3f %.3f", action,
        calibration[0], calibration[1], calibration[2]));
    progress.accept("dev lexicon alone:       " + ev.lexicon);
    progress.accept("dev tagger alone:        " + ev.tagger);
    progress.accept("dev lexicon and tagger:  " + ev.pipeline);
    progress.accept("dev, the ViHOS paper's metric (" + CommentAveragedScores.class.getSimpleName() + "):");
    progress.accept("  lexicon alone:         " + ev.published[0]);
    progress.accept("  tagger alone:          " + ev.published[1]);
    progress.accept("  lexicon and tagger:    " + ev.published[2]);
    for (String line : ev.reliability) {
      progress.accept(line);
    }
    return new Result(model, ev.lexicon, ev.tagger, ev.pipeline, ev.reliability, bestEpoch);
  }

  /**
   * Tries decoding by the marginals against each of {@link #THRESHOLDS} on dev; when one gives a higher span
   * F1 (lexicon and model findings) than Viterbi's {@code viterbiF1}, the model decodes with the best one
   * (property {@link TaggerModel#DECODE_THRESHOLD}, also in every model made after this).
   */
  private TaggerModel posteriorDecoding(TaggerModel m, double viterbiF1, List<SpanCorpus.Comment> dev) {
    double bestF1 = viterbiF1;
    double best = 0;
    for (double t : THRESHOLDS) {
      Map<String, String> props = new TreeMap<>(modelProps);
      props.put(TaggerModel.DECODE_THRESHOLD, threshold(t));
      Figures f = evaluateBiases(m.with(m.decodeBias, 1.0, m.calibration, m.head, props), dev, true)[0];
      progress.accept(String.format(Locale.ROOT, "decoding by marginals >= %s: dev span F1 %.4f (P %.3f R %.3f)",
          threshold(t), f.f1(), f.precision(), f.recall()));
      if (f.f1() > bestF1) {
        bestF1 = f.f1();
        best = t;
      }
    }
    if (best == 0) {
      progress.accept("decoding: Viterbi");
      return m;
    }
    Map<String, String> props = new TreeMap<>(modelProps);
    props.put(TaggerModel.DECODE_THRESHOLD, threshold(best));
    modelProps = Map.copyOf(props);
    progress.accept("decoding: marginals >= " + threshold(best));
    return m.with(m.decodeBias, 1.0, m.calibration, m.head, modelProps);
  }

  /** A draw from the Poisson distribution of mean 1 (Knuth's method). */
  private static int poisson(Random random) {
    double limit = Math.exp(-1);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }

  private static String threshold(double t) {
    return String.format(Locale.ROOT, "%.2f", t);
  }

  private static double[] average(double[] w, double[] u, long c) {
    double[] avg = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      avg[i] = w[i] - u[i] / c;
    }
    return avg;
  }

  /** The lexicon's findings for {@code text}, leaving its syllables in {@link #positions}. */
  private List<Finding> match(String text) {
    return analyser.findings(text);
  }

  private Example prepare(SpanCorpus.Comment c, int mask) {
    String text = c.text();
    List<Finding> found = match(text);
    Features.extract(text, positions, analyser.vocabulary(), found, tags(), extras, clusters, mask, buffer);
    int n = buffer.n;
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      for (int k = positions.start(i); k < positions.end(i); k++) {
        if (c.gold().get(k) && !Character.isWhitespace(text.charAt(k))) {
          labels[i] = 1;
          break;
        }
      }
    }
    int[] encIn = null;
    int[] encOffs = null;
    int[] encLex = null;
    if (encoder != null) {
      ConvEncoder.inputs(text, positions, buffer, clusters != null, ENCODER_ROW_BITS, encoderWork);
      encIn = Arrays.copyOf(encoderWork.in, encoderWork.size);
      encOffs = Arrays.copyOf(encoderWork.offs, n + 1);
      encLex = Arrays.copyOf(encoderWork.lexEnd, n);
    }
    return new Example(Arrays.copyOf(buffer.feats, buffer.size), Arrays.copyOf(buffer.offs, n + 1), labels,
        Arrays.copyOf(buffer.fo, n), Arrays.copyOf(buffer.ex, n), Arrays.copyOf(buffer.cover, n), encIn, encOffs,
        encLex);
  }

  /** Span figures on dev for every decoding bias. */
  private Figures[] evaluateBiases(TaggerModel m, List<SpanCorpus.Comment> dev) {
    return evaluateBiases(m, dev, false);
  }

  /** Span figures on dev for every decoding bias, or ({@code asIs}) for the model as it is (one figure). */
  private Figures[] evaluateBiases(TaggerModel m, List<SpanCorpus.Comment> dev, boolean asIs) {
    int count = asIs ? 1 : BIASES.length;
    long[] tp = new long[count];
    long[] pred = new long[count];
    long gold = 0;
    TaggerModel[] byBias = new TaggerModel[count];
    for (int k = 0; k < count; k++) {
      byBias[k] = asIs ? m : m.with(BIASES[k], 1.0, m.calibration, m.head, m.properties());
    }
    for (SpanCorpus.Comment c : dev) {
      String text = c.text();
      List<Finding> found = match(text);
      BitSet lex = spans(found, text, true);
      gold += count(c.gold(), text);
      for (int k = 0; k < count; k++) {
        ScoreStage.Tagged t = ScoreStage.tag(byBias[k], text, positions, analyser.vocabulary(), found,
            tags(), buffer, true);
        BitSet p = (BitSet) lex.clone();
        p.or(spans(t.added(), text, false));
        pred[k] += count(p, text);
        p.and(c.gold());
        tp[k] += count(p, text);
      }
    }
    Figures[] out = new Figures[count];
    for (int k = 0; k < count; k++) {
      out[k] = new Figures(tp[k], pred[k], gold, 0, 0);
    }
    return out;
  }

  private static BitSet spans(List<Finding> findings, String text, boolean skipPii) {
    BitSet b = new BitSet();
    for (Finding f : findings) {
      if (!skipPii || f.category() != Category.PII) {
        b.set(f.start(), f.end());
      }
    }
    return b;
  }

  /** Characters of {@code b} counted as code points (the low half of a surrogate pair is not counted). */
  private static long count(BitSet b, String text) {
    long n = 0;
    for (int k = b.nextSetBit(0); k >= 0 && k < text.length(); k = b.nextSetBit(k + 1)) {
      if (!(Character.isLowSurrogate(text.charAt(k)) && k > 0 && Character.isHighSurrogate(text.charAt(k - 1)))) {
        n++;
      }
    }
    return n;
  }

  /** Logistic regression of harassment (0) against profanity (1) over lexicon-labelled gold spans. */
  private float[] trainHead(List<Example> fit) {
    int size = 1 << TaggerModel.HEAD_BITS;
    int m = size - 1;
    float[] head = new float[size];
    List<int[]> spans = new ArrayList<>();
    List<Example> owners = new ArrayList<>();
    int h = 1 << Category.HARASSMENT.ordinal();
    int p = 1 << Category.PROFANITY.ordinal();
    for (Example e : fit) {
      int n = e.labels().length;
      for (int i = 0; i < n; ) {
        if (e.labels()[i] == 0) {
          i++;
          continue;
        }
        int j = i;
        int bits = 0;
        while (j < n && e.labels()[j] == 1) {
          bits |= e.cover()[j];
          j++;
        }
        boolean isH = (bits & h) != 0;
        boolean isP = (bits & p) != 0;
        if (isH != isP) {
          spans.add(new int[] {i, j, isP ? 1 : 0});
          owners.add(e);
        }
        i = j;
      }
    }
    for (int epoch = 0; epoch < 5; epoch++) {
      for (int s = 0; s < spans.size(); s++) {
        int[] span = spans.get(s);
        Example e = owners.get(s);
        double z = head[0];
        for (int i = span[0]; i < span[1]; i++) {
          z += head[Features.index(1, e.fo()[i], m)] + head[Features.index(2, e.ex()[i], m)];
        }
        double g = 0.1 * (span[2] - 1 / (1 + Math.exp(-z)));
        head[0] += (float) g;
        for (int i = span[0]; i < span[1]; i++) {
          head[Features.index(1, e.fo()[i], m)] += (float) g;
          head[Features.index(2, e.ex()[i], m)] += (float) g;
        }
      }
    }
    progress.accept("category head: " + spans.size() + " gold spans labelled by the lexicon");
    return head;
  }

  /** Platt scaling of the message score on the held-out comments, by Newton's method. */
  private double[] calibrate(TaggerModel m, List<SpanCorpus.Comment> holdout) {
    int n = holdout.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      SpanCorpus.Comment c = holdout.get(k);
      List<Finding> found = match(c.text());
      double raw = raw(m, c.text(), found);
      double p = Math.min(Math.max(raw, 1e-6), 1 - 1e-6);
      x[k] = new double[] {Math.log(p / (1 - p)), lexiconAbuse(found) ? 1 : 0, 1};
      y[k] = c.clean() ? 0 : 1;
    }
    double[] beta = {1, 0, 0};
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[3];
      double[][] hess = new double[3][3];
      for (int k = 0; k < n; k++) {
        double z = beta[0] * x[k][0] + beta[1] * x[k][1] + beta[2] * x[k][2];
        double p = 1 / (1 + Math.exp(-z));
        for (int a = 0; a < 3; a++) {
          grad[a] += (y[k] - p) * x[k][a];
          for (int b = 0; b < 3; b++) {
            hess[a][b] += p * (1 - p) * x[k][a] * x[k][b];
          }
        }
      }
      for (int a = 0; a < 3; a++) {
        grad[a] -= 1e-3 * beta[a];
        hess[a][a] += 1e-3;
      }
      double[] step = solve(hess, grad);
      double size = 0;
      for (int a = 0; a < 3; a++) {
        beta[a] += step[a];
        size += Math.abs(step[a]);
      }
      if (size < 1e-9) {
        break;
      }
    }
    return beta;
  }

  private double raw(TaggerModel m, String text, List<Finding> found) {
    m.emissions(text, positions, analyser.vocabulary(), found, tags(), buffer);
    if (buffer.n == 0) {
      return 0;
    }
    return ScoreStage.highestMarginal(m, buffer);
  }

  private static boolean lexiconAbuse(List<Finding> found) {
    for (Finding f : found) {
      if ((f.category() == Category.HARASSMENT || f.category() == Category.PROFANITY)
          && f.rating().compareTo(vn.lanhmanh.Rating.K) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Gaussian elimination with partial pivoting for a 3x3 system. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  /**
   * The lowest span score (0.5 at least, in steps of 0.01) at which model findings flag no clean comment the
   * lexicon lets through for a 10-year-old, among the dev comments and the held-out calibration comments
   * (neither fitted by the CRF; both together make the highest clean score less a matter of chance).
   */
  private double actionThreshold(TaggerModel m, List<SpanCorpus.Comment> dev, List<SpanCorpus.Comment> holdout) {
    double highest = 0;
    List<SpanCorpus.Comment> both = new ArrayList<>(dev);
    both.addAll(holdout);
    for (SpanCorpus.Comment c : both) {
      if (!c.clean()) {
        continue;
      }
      List<Finding> found = match(c.text());
      if (flagged(found)) {
        continue;
      }
      ScoreStage.Tagged t = ScoreStage.tag(m, c.text(), positions, analyser.vocabulary(), found,
          tags(), buffer, true);
      highest = Math.max(highest, t.highestAdded());
    }
    double threshold = Math.max(0.5, Math.floor(highest * 100 + 1) / 100);
    return Math.min(threshold, 1.0);
  }

  private boolean flagged(List<Finding> found) {
    for (Finding f : found) {
      if (child.actionFor(f) != Action.ALLOW) {
        return true;
      }
    }
    return false;
  }

  /** Final figures on dev and the reliability table. */
  private record Evaluation(Figures lexicon, Figures tagger, Figures pipeline, List<String> reliability,
      CommentAveragedScores[] published) {}

  private Evaluation evaluate(TaggerModel m, List<SpanCorpus.Comment> dev) {
    long gold = 0;
    long[] tp = new long[3];
    long[] pred = new long[3];
    int clean = 0;
    int[] cleanFlagged = new int[3];
    int buckets = 10;
    int[] inBucket = new int[buckets];
    int[] positive = new int[buckets];
    double[] sum = new double[buckets];
    CommentAveragedScores[] published = {new CommentAveragedScores(), new CommentAveragedScores(),
        new CommentAveragedScores()};
    for (SpanCorpus.Comment c : dev) {
      String text = c.text();
      List<Finding> found = match(text);
      ScoreStage.Tagged t = ScoreStage.tag(m, text, positions, analyser.vocabulary(), found,
          tags(), buffer, true);
      BitSet lex = spans(found, text, true);
      BitSet model = spans(t.added(), text, false);
      // The tagger alone: its whole spans, including syllables the lexicon covers.
      BitSet taggerOnly = wholeSpans(m, text, found);
      BitSet both = (BitSet) lex.clone();
      both.or(model);
      BitSet[] predicted = {lex, taggerOnly, both};
      gold += count(c.gold(), text);
      for (int k = 0; k < 3; k++) {
        published[k].add(text, c.gold(), predicted[k]);
        pred[k] += count(predicted[k], text);
        BitSet hit = (BitSet) predicted[k].clone();
        hit.and(c.gold());
        tp[k] += count(hit, text);
      }
      if (c.clean()) {
        clean++;
        boolean lexFlag = flagged(found);
        boolean modelFlag = false;
        for (Finding f : t.added()) {
          modelFlag |= f.rating() != vn.lanhmanh.Rating.P;
        }
        cleanFlagged[0] += lexFlag ? 1 : 0;
        cleanFlagged[2] += lexFlag || modelFlag ? 1 : 0;
      }
      int bucket = Math.min(buckets - 1, (int) (t.offensive() * buckets));
      inBucket[bucket]++;
      sum[bucket] += t.offensive();
      positive[bucket] += c.clean() ? 0 : 1;
    }
    List<String> table = new ArrayList<>();
    table.add("reliability on dev (message score for harassment/profanity; positive = a gold span):");
    for (int k = 0; k < buckets; k++) {
      table.add(String.format(Locale.ROOT, "  %.1f-%.1f: %4d comments, mean score %.3f, positive %s",
          k / 10.0, (k + 1) / 10.0, inBucket[k], inBucket[k] == 0 ? 0 : sum[k] / inBucket[k],
          inBucket[k] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) positive[k] / inBucket[k])));
    }
    return new Evaluation(new Figures(tp[0], pred[0], gold, clean, cleanFlagged[0]),
        new Figures(tp[1], pred[1], gold, clean, 0), new Figures(tp[2], pred[2], gold, clean, cleanFlagged[2]),
        table, published);
  }

  /** The characters of the tagger's own spans, whatever the lexicon found. */
  private BitSet wholeSpans(TaggerModel m, String text, List<Finding> found) {
    match(text);
    m.emissions(text, positions, analyser.vocabulary(), found, tags(), buffer);
    BitSet out = new BitSet();
    int n = buffer.n;
    if (n == 0) {
      return out;
    }
    ScoreStage.highestMarginal(m, buffer);
    m.decode(buffer);
    for (int i = 0; i < n; ) {
      if (buffer.path[i] == 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && buffer.path[j] == 1) {
        j++;
      }
      out.set(positions.start(i), positions.end(j - 1));
      i = j;
    }
    return out;
  }
}
