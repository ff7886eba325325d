package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.model.ClassifierModel;
import vn.lanhmanh.model.MessageCorpus;

/**
 * Per-category figures on the labelled corpus's test part ({@code labelled/test/<category>.tsv}), with the
 * lexicon and compositions alone and with the message classifiers on. Report only: nothing is tuned on
 * these files. A message counts as caught when a 10-year-old would not be let through (any action but
 * ALLOW); "by category" counts only catches with a finding of the file's category. The classifiers are the
 * embedded ones, or a file given with {@code -Dlanhmanh.classifiers=FILE}. With
 * {@code -Dlanhmanh.labelled.part=dev} the same figures are printed for the development part instead (the part
 * the thresholds are chosen on, so its figures are in-sample).
 */
class LabelledTestPartTest {

  private static final Policy CHILD = Policy.forAge(10);

  private record Counts(int positives, int caught, int caughtByCategory, int negatives, int flagged) {
    String line(String name) {
      double r = (double) caught / positives;
      double p = caught + flagged == 0 ? 0 : (double) caught / (caught + flagged);
      return String.format(Locale.ROOT, "%-8s P %.3f R %.3f (by category %.3f) hard negatives flagged %d/%d "
          + "(%.1f%%)", name, p, r, (double) caughtByCategory / positives, flagged, negatives,
          100.0 * flagged / negatives);
    }
  }

  @Test
  void perCategoryFiguresWithAndWithoutClassifiers() throws IOException, URISyntaxException {
    String part = System.getProperty("lanhmanh.labelled.part", "test");
    assertThat(part).isIn("test", "dev");
    List<MessageCorpus.Message> test = MessageCorpus.read(
        Path.of(LabelledTestPartTest.class.getResource("/labelled/" + part).toURI()));
    String label = "[quality] " + part + " part";
    String file = System.getProperty("lanhmanh.classifiers");
    ContentFilter.Builder withClassifiers = ContentFilter.builder();
    if (file != null) {
      withClassifiers.classifiers(Path.of(file));
    } else if (ClassifierModel.hasEmbedded()) {
      withClassifiers.withClassifiers();
    } else {
      System.out.println("[quality] no classifiers in the jar: test part with the lexicon only");
    }
    try (ContentFilter lexicon = ContentFilter.builder().withoutClassifiers().build();
        ContentFilter classifiers = withClassifiers.build()) {
      Map<Category, Counts> before = counts(lexicon, test);
      Map<Category, Counts> after = counts(classifiers, test);
      int[] totals = new int[6];
      for (Category c : before.keySet()) {
        System.out.println(label + " " + before.get(c).line(c.jsonName()) + "  lexicon");
        System.out.println(label + " " + after.get(c).line(c.jsonName()) + "  with classifiers");
        totals[0] += before.get(c).caught();
        totals[1] += before.get(c).flagged();
        totals[2] += after.get(c).caught();
        totals[3] += after.get(c).flagged();
        if (part.equals("test")) {
          assertThat(before.get(c).positives()).isEqualTo(60);
          assertThat(before.get(c).negatives()).isEqualTo(60);
        }
        totals[4] += before.get(c).positives();
        totals[5] += before.get(c).negatives();
      }
      System.out.printf(Locale.ROOT, "%s, all: lexicon caught %d/%d, flagged %d/%d; with classifiers caught "
          + "%d/%d, flagged %d/%d%n", label, totals[0], totals[4], totals[1], totals[5], totals[2], totals[4],
          totals[3], totals[5]);
      // Reliability of the file's category score (report only): messages of X.tsv, score of X.
      int[] count = new int[10];
      int[] positive = new int[10];
      double[] sum = new double[10];
      for (MessageCorpus.Message m : test) {
        double s = classifiers.checkText(m.text(), CHILD).score(m.category());
        int bucket = Math.min(9, (int) (s * 10));
        count[bucket]++;
        positive[bucket] += m.positive() ? 1 : 0;
        sum[bucket] += s;
      }
      for (int k = 0; k < 10; k++) {
        System.out.printf(Locale.ROOT, "%s reliability %.1f-%.1f: %3d messages, mean score %.3f, "
            + "positive %s%n", label, k / 10.0, (k + 1) / 10.0, count[k], count[k] == 0 ? 0 : sum[k] / count[k],
            count[k] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) positive[k] / count[k]));
      }
      // The classifiers may add and raise; they lower only what their model's lower.below allows: a message
      // the lexicon stops and they let through had every stopping finding below tier C, outside self-harm,
      // with its category scored under that bound.
      ClassifierModel model = classifierModel(file);
      double lowerBelow = model == null ? 0 : model.lowerBelow();
      int letThrough = 0;
      for (MessageCorpus.Message m : test) {
        Verdict lexiconVerdict = lexicon.checkText(m.text(), CHILD);
        if (lexiconVerdict.action() == Action.ALLOW) {
          continue;
        }
        Verdict withModel = classifiers.checkText(m.text(), CHILD);
        if (withModel.action() != Action.ALLOW) {
          continue;
        }
        letThrough++;
        for (Finding f : lexiconVerdict.findings()) {
          if (CHILD.actionFor(f) != Action.ALLOW) {
            assertThat(f.rating()).as(m.id()).isNotEqualTo(Rating.C);
            assertThat(f.category()).as(m.id()).isNotIn(Category.SELF_HARM, Category.PII);
            assertThat(withModel.score(f.category())).as(m.id()).isLessThan(lowerBelow);
          }
        }
      }
      System.out.printf(Locale.ROOT, "%s: %d messages the lexicon stops are let through with the classifiers "
          + "(findings lowered below %.2f)%n", label, letThrough, lowerBelow);
    }
  }

  private static ClassifierModel classifierModel(String file) throws IOException {
    if (file != null) {
      return ClassifierModel.read(Path.of(file));
    }
    return ClassifierModel.hasEmbedded() ? ClassifierModel.embedded() : null;
  }

  private static Map<Category, Counts> counts(ContentFilter filter, List<MessageCorpus.Message> messages) {
    Map<Category, int[]> raw = new EnumMap<>(Category.class);
    for (MessageCorpus.Message m : messages) {
      int[] c = raw.computeIfAbsent(m.category(), k -> new int[5]);
      Verdict v = filter.checkText(m.text(), CHILD);
      boolean caught = v.action() != Action.ALLOW;
      if (m.positive()) {
        c[0]++;
        c[1] += caught ? 1 : 0;
        boolean byCategory = false;
        for (Finding f : v.findings()) {
          byCategory |= f.category() == m.category() && CHILD.actionFor(f) != Action.ALLOW;
        }
        c[2] += byCategory ? 1 : 0;
      } else {
        c[3]++;
        c[4] += caught ? 1 : 0;
      }
    }
    Map<Category, Counts> out = new EnumMap<>(Category.class);
    raw.forEach((k, c) -> out.put(k, new Counts(c[0], c[1], c[2], c[3], c[4])));
    return out;
  }
}
