package vn.lanhmanh.cli;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import vn.lanhmanh.Category;
import vn.lanhmanh.Policy;

/**
 * The {@code --threshold CATEGORY=SCORE} options of {@code check} and {@code batch}: per-category score
 * thresholds ({@link Policy#threshold}) that can only make a verdict stricter.
 */
final class Thresholds {

  static final String DESCRIPTION = "Block (or the category's action) when the verdict's score for CATEGORY "
      + "(a JSON name such as self_harm) is at or above SCORE, 0 to 1; repeatable. It can only make a verdict "
      + "stricter; the age tiers still decide as before.";

  private Thresholds() {}

  /**
   * Parses {@code category=score} options.
   *
   * @throws ParameterException naming the option when one is malformed, names no category or has a score
   *     outside [0, 1]
   */
  static Map<Category, Double> parse(CommandSpec spec, List<String> options) {
    EnumMap<Category, Double> out = new EnumMap<>(Category.class);
    if (options == null) {
      return Collections.unmodifiableMap(out);
    }
    for (String o : options) {
      int eq = o.indexOf('=');
      if (eq <= 0 || eq == o.length() - 1) {
        throw new ParameterException(spec.commandLine(),
            "--threshold must be CATEGORY=SCORE, such as self_harm=0.8, was '" + o + "'");
      }
      Category c;
      try {
        c = Category.fromJsonName(o.substring(0, eq));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--threshold: " + e.getMessage());
      }
      double score;
      try {
        score = Double.parseDouble(o.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        score = Double.NaN;
      }
      if (!(score >= 0 && score <= 1)) {
        throw new ParameterException(spec.commandLine(),
            "--threshold: the score for " + c.jsonName() + " must be a number from 0 to 1, was '"
                + o.substring(eq + 1) + "'");
      }
      out.put(c, score);
    }
    return Collections.unmodifiableMap(out);
  }

  /** {@code policy} with every threshold set. */
  static Policy apply(Policy policy, Map<Category, Double> thresholds) {
    Policy p = policy;
    for (Map.Entry<Category, Double> t : thresholds.entrySet()) {
      p = p.threshold(t.getKey(), t.getValue());
    }
    return p;
  }
}
