package vn.lanhmanh.model;

import static vn.lanhmanh.model.ClassifierTrainer.ORDINARY;
import static vn.lanhmanh.model.ClassifierTrainer.THRESHOLDS;
import static vn.lanhmanh.model.ClassifierTrainer.sigmoid;
import static vn.lanhmanh.model.CleanCount.boundAtStart;
import static vn.lanhmanh.model.CleanCount.boundBy;
import static vn.lanhmanh.model.CleanCount.classifiersAlone;
import static vn.lanhmanh.model.CleanCount.combined;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import vn.lanhmanh.Category;
import vn.lanhmanh.model.ClassifierExamples.Example;
import vn.lanhmanh.model.ClassifierTrainer.WholeFilter;

/**
 * The thresholds of {@link ClassifierTrainer} judged out of sample ({@link ClassifierTrainer.Options#folds}):
 * from the development thresholds, on the out-of-fold scores of the tables' and chats' messages, the rule of
 * {@link #outOfFold} raises them while the clean development comments flagged pass their bound and then lowers
 * them where that catches more harmful messages within {@link ClassifierTrainer.Options#maxInnocentFlagged} of
 * the innocent ones, the clean development comments ({@link CleanCount}, by a {@link WholeFilter} when given)
 * within their bound and the held clean sentences within what the development thresholds flag. Prints what
 * the thresholds chosen flag.
 */
final class OutOfFoldThresholds {

  /**
   * The most steps of {@link ClassifierTrainer#THRESHOLDS} (0.025 each) that the raise of {@link #outOfFold} may
   * take a category above its development threshold: four, 0.100. Without it the raise, which takes the category
   * that loses the fewest harmful messages per clean comment no longer flagged, turned the category with the
   * fewest out-of-fold messages (social) all but off more than once (0.825 to 0.99, 0.85 to 0.975). The default
   * of {@link ClassifierTrainer.Options#maxRaise} ({@code lanhmanh train --max-raise N}).
   */
  static final int DEFAULT_MAX_RAISE = 4;

  /** The most steps of 0.025 a lift may take (0.975: {@link ClassifierModel#LIFT} is under 1). */
  static final int MAX_LIFT_STEPS = 39;

  private final ClassifierTrainer.Options options;
  private final WholeFilter filter;
  private final Consumer<String> progress;

  OutOfFoldThresholds(ClassifierTrainer.Options options, WholeFilter filter, Consumer<String> progress) {
    this.options = options;
    this.filter = filter;
    this.progress = progress;
  }

  /**
   * The thresholds chosen on the out-of-fold scores {@code held} (see {@link #outOfFold}): each category starts
   * at its development threshold {@code devThreshold}. With a {@link WholeFilter}, the ordinary development
   * comments ({@code cleanTexts}, ViHOS comments without a span) that the whole filter with the classifiers
   * ({@code atDev} at the thresholds tried) flags stay within its bounds: the start is raised until they do, and
   * a threshold goes down only within them; and of each set of held clean sentences it gives
   * ({@link WholeFilter#sentences()}), the whole filter may flag no more at age 10 than at the development
   * thresholds, or than the set's own {@link WholeFilter.Sentences#max} when it has one, the start being raised
   * until it does (after any raise, no more than then, if more); and of the case-table rows that expect ALLOW
   * that it gives ({@link WholeFilter#allowedRows()}), the whole filter may fail none, the start being raised
   * until it does (after any raise, no more than then, if more). Without one, a threshold may only go down, and no more ordinary
   * development comments may be flagged by any classifier than the development thresholds flag (each of which
   * flags at most {@link ClassifierTrainer#MAX_ORDINARY_FLAGGED} of them). Profanity, whose classifier makes
   * no finding of its own, keeps its development threshold; sexual content and drugs go no lower than the
   * thresholds from which the score stage already stops a child ({@link ScoreStage#SEXUAL_CHILD_THRESHOLD},
   * {@link ScoreStage#DRUGS_CHILD_THRESHOLD}): under them a finding would be of full tier for every age, and a
   * tuning chat's opener ("hom truoc em gui anh clip dep lam", sexual 0.56) was blocked as adult content before
   * its threat could be read as grooming.
   */
  double[] choose(Category[] cats, List<Example> train, double[][] held, List<Example> dev,
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
    FilterCount<String> comments = filter == null || cleanTexts.isEmpty() ? null
        : new FilterCount<>(filter::judge, cleanTexts, atDev, filter.bounds().stream()
            .mapToDouble(WholeFilter.Bound::maxShare).toArray());
    List<CleanCount> sentenceCounts = new ArrayList<>();
    if (comments != null) {
      for (WholeFilter.Sentences set : filter.sentences()) {
        FilterCount<String> count = new FilterCount<>(filter::judgeSentences, set.texts(), atDev, new double[] {0});
        sentenceCounts.add(set.max() < 0 ? boundAtStart(count, start) : boundBy(count, new int[] {set.max()}));
      }
    }
    List<WholeFilter.AllowedRow> rows = comments == null ? List.of() : filter.allowedRows();
    FilterCount<WholeFilter.AllowedRow> rowCount = rows.isEmpty() ? null
        : new FilterCount<>(filter::judgeRows, rows, atDev, new double[] {0});
    List<CleanCount> parts = new ArrayList<>();
    if (comments != null) {
      parts.add(comments);
    }
    parts.addAll(sentenceCounts);
    if (rowCount != null) {
      parts.add(rowCount);
    }
    CleanCount clean = comments == null ? classifiersAlone(ord, start, 0) : combined(parts);
    int[] atStart = clean.flagged(start);
    if (options.maxRaise() != DEFAULT_MAX_RAISE) {
      progress.accept(String.format(Locale.ROOT, "out of fold: a raise goes at most %d steps (%.3f) above a "
          + "development threshold (--max-raise; default %d)", options.maxRaise(), options.maxRaise() * 0.025,
          DEFAULT_MAX_RAISE));
    }
    int[] chosen = outOfFold(scores.toArray(new double[0][]), h, n, clean, floor, start,
        options.maxInnocentFlagged(), options.maxRaise());
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
        boolean given = sets.get(s).max() >= 0;
        progress.accept(String.format(Locale.ROOT, "%s clean sentences flagged at age 10 by the whole filter "
            + "(%s): %d of %d at the development thresholds, %d at the chosen ones (%d with the file's "
            + "thresholds judged afresh), bound %d (%s)%s", given ? "all" : "held", sets.get(s).name(),
            atStart[f0 + s], sets.get(s).texts().size(), atChosen[f0 + s], afresh, bound[f0 + s],
            given ? "--sentences-max" : "the development thresholds'", afresh > bound[f0 + s] ? ": NOT MET" : ""));
      }
      if (rowCount != null) {
        int r0 = f0 + sets.size();
        List<String> failed = new ArrayList<>();
        List<WholeFilter.Judged> judged = filter.judgeRows(atDev.withThresholds(out), rows);
        for (int i = 0; i < rows.size(); i++) {
          if (judged.get(i).flagged()[0]) {
            failed.add(rows.get(i).where());
          }
        }
        progress.accept(String.format(Locale.ROOT, "case rows that expect ALLOW failed by the whole filter "
            + "(--case-gate): %d of %d at the development thresholds, %d at the chosen ones (%d with the file's "
            + "thresholds judged afresh), bound 0%s%s", atStart[r0], rows.size(), atChosen[r0], failed.size(),
            failed.isEmpty() ? "" : ": NOT MET", failed.isEmpty() ? "" : "; still failed: " + String.join(", ",
            failed)));
      }
    }
    return out;
  }

  /**
   * The lift ({@link ClassifierModel#LIFT}) that frees the case rows of the gate ({@link WholeFilter#allowedRows()})
   * that {@code model} (the file with its chosen thresholds) still fails: raises of the score stage's thresholds
   * cannot free a row that a cap holds (a self-harm score of 0.877 fails a row through the cap of 0.80 whatever the
   * file's own threshold). Greedily, of the categories that score a failed row at 0.3 or more, the lift of one
   * category by the fewest steps of 0.025 that frees at least one row is taken, the one that frees the most rows per
   * step (then the fewer steps, then the lower category), no category lifted more than the cap on the raise (nor
   * {@link #MAX_LIFT_STEPS}), until no
   * lift frees a row. Every row is then judged again with the lifts and the count reported.
   *
   * @return the property's value ({@code category=lift,...}), or null when nothing is lifted
   */
  String lift(Category[] cats, ClassifierModel model) {
    List<WholeFilter.AllowedRow> rows = filter == null ? List.of() : filter.allowedRows();
    if (rows.isEmpty()) {
      return null;
    }
    List<WholeFilter.AllowedRow> failed = new ArrayList<>();
    List<double[]> scores = new ArrayList<>();
    failed(model, rows, failed, scores);
    int before = failed.size();
    int[] steps = new int[cats.length];
    while (!failed.isEmpty()) {
      int bestK = -1;
      int bestSteps = 0;
      int bestFreed = 0;
      List<WholeFilter.AllowedRow> bestStill = null;
      List<double[]> bestScores = null;
      for (int k = 0; k < cats.length; k++) {
        final int c = k;
        if (scores.stream().noneMatch(sc -> sc[c] >= THRESHOLDS[0])) {
          continue;
        }
        for (int t = steps[k] + 1; t <= Math.min(options.maxRaise(), MAX_LIFT_STEPS); t++) {
          int[] trial = steps.clone();
          trial[k] = t;
          List<WholeFilter.AllowedRow> still = new ArrayList<>();
          List<double[]> stillScores = new ArrayList<>();
          failed(lifted(model, cats, trial), failed, still, stillScores);
          int freed = failed.size() - still.size();
          if (freed > 0) {
            int cost = t - steps[k];
            if (bestK < 0 || (long) freed * (bestSteps - steps[bestK]) > (long) bestFreed * cost) {
              bestK = k;
              bestSteps = t;
              bestFreed = freed;
              bestStill = still;
              bestScores = stillScores;
            }
            break;
          }
        }
      }
      if (bestK < 0) {
        break;
      }
      steps[bestK] = bestSteps;
      failed = bestStill;
      scores = bestScores;
    }
    String value = liftValue(cats, steps);
    List<WholeFilter.AllowedRow> after = new ArrayList<>();
    failed(value == null ? model : lifted(model, cats, steps), rows, after, new ArrayList<>());
    List<String> names = new ArrayList<>();
    after.forEach(r -> names.add(r.where()));
    progress.accept(String.format(Locale.ROOT, "case rows that expect ALLOW failed by the whole filter at the chosen "
        + "thresholds: %d; lifted (%s): %d%s", before, value == null ? "nothing" : value, after.size(),
        after.isEmpty() ? "" : ": NOT MET; still failed: " + String.join(", ", names)));
    return value;
  }

  /** {@code model} with category {@code k} lifted {@code steps[k]} steps of 0.025. */
  private static ClassifierModel lifted(ClassifierModel model, Category[] cats, int[] steps) {
    java.util.Map<String, String> props = new java.util.TreeMap<>(model.properties());
    String value = liftValue(cats, steps);
    if (value == null) {
      props.remove(ClassifierModel.LIFT);
    } else {
      props.put(ClassifierModel.LIFT, value);
    }
    return model.withProperties(props);
  }

  private static String liftValue(Category[] cats, int[] steps) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < cats.length; k++) {
      if (steps[k] > 0) {
        b.append(b.length() == 0 ? "" : ",").append(cats[k].jsonName())
            .append(String.format(Locale.ROOT, "=%.3f", steps[k] * 0.025));
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  /** Adds to {@code failed} the rows of {@code rows} that the whole filter with {@code model} fails, and their scores. */
  private void failed(ClassifierModel model, List<WholeFilter.AllowedRow> rows, List<WholeFilter.AllowedRow> failed,
      List<double[]> scores) {
    List<WholeFilter.Judged> judged = filter.judgeRows(model, rows);
    for (int i = 0; i < rows.size(); i++) {
      if (judged.get(i).flagged()[0]) {
        failed.add(rows.get(i));
        scores.add(judged.get(i).scores());
      }
    }
  }

  /**
   * The out-of-sample threshold rule with the bound of the files before 2026-12-05 (see
   * {@link CleanCount#classifiersAlone}):
   * {@link #outOfFold(double[][], boolean[], boolean[], CleanCount, int[], int[], double, int)} with the default
   * cap on the raise.
   */
  static int[] outOfFold(double[][] scores, boolean[] harm, boolean[] innocent, double[][] ordinary, int[] floor,
      int[] start, double maxInnocent, double maxOrdinary) {
    return outOfFold(scores, harm, innocent, classifiersAlone(ordinary, start, maxOrdinary), floor, start,
        maxInnocent);
  }

  /**
   * The out-of-sample threshold rule with the raise capped at {@link #DEFAULT_MAX_RAISE} steps:
   * {@link #outOfFold(double[][], boolean[], boolean[], CleanCount, int[], int[], double, int)}.
   */
  static int[] outOfFold(double[][] scores, boolean[] harm, boolean[] innocent, CleanCount clean, int[] floor,
      int[] start, double maxInnocent) {
    return outOfFold(scores, harm, innocent, clean, floor, start, maxInnocent, DEFAULT_MAX_RAISE);
  }

  /**
   * The out-of-sample threshold rule. {@code scores[i][k]} is held-out message {@code i}'s out-of-fold score for
   * category {@code k}; a message is harmful ({@code harm}), innocent ({@code innocent}) or neither. A harmful message
   * is caught, and an innocent message flagged, when any category scores it at or above its threshold; {@code clean}
   * counts the clean development comments flagged. Category {@code k} starts at index {@code start[k]} of
   * {@link ClassifierTrainer#THRESHOLDS} (or past its end: no threshold). First, while {@code clean} counts more
   * flagged comments than its bound, the raise of one category's threshold that flags fewer of them is taken, the one
   * that loses the fewest harmful messages caught per comment no longer flagged (then the smaller raise, then the lower
   * category), no category going more than {@code maxRaise} steps above its start ({@link #DEFAULT_MAX_RAISE} unless
   * the options give another; 0: no raise); when no such raise is left,
   * the comments flagged then are the bound of what follows. Then each category may go down to {@code floor[k]}: greedily, the move of one category to a lower
   * threshold that catches at least one more harmful message, keeps the innocent messages flagged within
   * {@code maxInnocent} of them (or within those flagged at the start, when more) and the clean comments flagged within
   * {@code clean}'s bound (or within those flagged after the raises, when more) is taken, the one with the most harmful
   * messages caught per innocent message flagged plus one (then the most caught, then the lower category, then the
   * higher threshold), until no move is left.
   *
   * @return each category's chosen index into {@link ClassifierTrainer#THRESHOLDS}
   */
  static int[] outOfFold(double[][] scores, boolean[] harm, boolean[] innocent, CleanCount clean, int[] floor,
      int[] start, double maxInnocent, int maxRaise) {
    if (maxRaise < 0) {
      throw new IllegalArgumentException("max raise must be 0 or more, was " + maxRaise);
    }
    int cats = start.length;
    int n = scores.length;
    int[] idx = start.clone();
    int[] bound = clean.bound();
    int[] counted = clean.flagged(idx);
    while (excess(counted, bound) > 0) {
      int caught = caught(scores, harm, idx);
      Move best = new Move();
      for (int k = 0; k < cats; k++) {
        int top = Math.min(THRESHOLDS.length, start[k] + maxRaise);
        for (int t = idx[k] + 1; t <= top; t++) {
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

  /** The highest index of {@link ClassifierTrainer#THRESHOLDS} that {@code score} reaches, or -1. */
  private static int highest(double score) {
    for (int t = THRESHOLDS.length - 1; t >= 0; t--) {
      if (score >= THRESHOLDS[t]) {
        return t;
      }
    }
    return -1;
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

  /**
   * The index in {@link ClassifierTrainer#THRESHOLDS} of {@code t}, or {@code THRESHOLDS.length} for none (a
   * threshold of 2).
   */
  private static int index(double t) {
    for (int i = 0; i < THRESHOLDS.length; i++) {
      if (THRESHOLDS[i] == t) {
        return i;
      }
    }
    return THRESHOLDS.length;
  }
}
