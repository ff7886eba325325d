package vn.lanhmanh.model;

import static vn.lanhmanh.model.ClassifierExamples.label;
import static vn.lanhmanh.model.ClassifierTrainer.ORDINARY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.model.ClassifierExamples.Example;
import vn.lanhmanh.model.ClassifierTrainer.CategoryFigures;
import vn.lanhmanh.model.ClassifierTrainer.Result;

/**
 * The model {@link ClassifierTrainer} hands back to be written: the properties the file carries (the caller's,
 * the recipe's settings a check must read the same way, and each category's development figures), the quantised
 * weights with their Platt calibration, thresholds and tiers, and the reliability table on dev.
 */
final class ClassifierModelBuilder {

  private ClassifierModelBuilder() {}

  /**
   * {@code props} with the seed, the sizes of the two parts, the model version and the settings that change
   * how a check reads the text or the scores.
   */
  static Map<String, String> properties(Map<String, String> props, ClassifierTrainer.Options options,
      int trainMessages, int devMessages) {
    Map<String, String> all = new TreeMap<>(props);
    all.put("seed", Long.toString(options.seed()));
    all.put("bits", Integer.toString(options.bits()));
    all.put("train.messages", Integer.toString(trainMessages));
    all.put("dev.messages", Integer.toString(devMessages));
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
    if (options.address() > 0) {
      all.put(ClassifierModel.ADDRESS, Integer.toString(options.address()));
    }
    return all;
  }

  /** The quantised classifiers {@code raw} with their calibration, thresholds and tiers, and {@code props}. */
  static ClassifierModel calibrated(ClassifierModel raw, Category[] cats, double[] slope, double[] intercept,
      double[] threshold, Rating[] tiers, Map<String, String> props) {
    return new ClassifierModel(raw.bits, cats, raw.scale, slope, intercept, threshold, tiers, raw.weights(), props);
  }

  /**
   * The result: {@code calibrated} with the properties {@code all} and each category's development figures added
   * to them, and the reliability table on dev (printed).
   */
  static Result result(ClassifierModel calibrated, List<Example> dev, double[][] logits,
      List<CategoryFigures> figures, Map<String, String> all, Consumer<String> progress) {
    List<String> reliability = reliability(calibrated, dev, logits);
    reliability.forEach(progress);
    for (CategoryFigures f : figures) {
      all.put("dev." + f.category().jsonName(), f.toString().substring(13).trim());
    }
    return new Result(calibrated.withProperties(all), figures, reliability);
  }

  /** The calibrated scores on dev against how often they are right, in tenths. */
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
}
