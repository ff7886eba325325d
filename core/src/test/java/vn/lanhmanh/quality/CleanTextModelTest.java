package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.model.ClassifierModel;
import vn.lanhmanh.model.ClassifierTrainer;

/**
 * Clean Vietnamese text (news and Wikipedia sentences in {@code ../shared/data/clean}, skipped when absent):
 * how many sentences are flagged for a 10-year-old by the lexicon alone, by the default filter (tagger for
 * scores only) and with the tagger's findings on, and how many get an offensive score of 0.5 or more. Figures in {@code docs/MODEL.md}.
 */
class CleanTextModelTest {

  private static Path dataDir() {
    String configured = System.getProperty("lanhmanh.shared.data");
    return configured != null ? Path.of(configured, "clean") : Path.of("../shared/data/clean");
  }

  @Test
  void cleanSentencesFlaggedWithAndWithoutTheModel() throws IOException {
    Path dir = dataDir();
    Assumptions.assumeTrue(Files.isDirectory(dir), "clean sentences not found at " + dir + "; skipping");
    List<String> sentences = new ArrayList<>();
    // a sentence on a line that 'lanhmanh train --corpus-sentences' may train on (every fourth from the first)
    List<Boolean> trainable = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          sentences.add(lines.get(i));
          trainable.add(i % ClassifierTrainer.SENTENCE_EVERY == 0);
        }
      }
    }
    Policy child = Policy.forAge(10);
    int lexiconFlagged = 0;
    int defaultFlagged = 0;
    int modelFlagged = 0;
    int modelFindings = 0;
    int scoredHalf = 0;
    int scoredHigh = 0;
    int classifierFlagged = 0;
    int classifierFindings = 0;
    int unseen = 0;
    int unseenLexicon = 0;
    int unseenClassifiers = 0;
    ContentFilter.Builder withClassifiers = ContentFilter.builder();
    String file = System.getProperty("lanhmanh.classifiers");
    boolean classifiersOn = file != null || ClassifierModel.hasEmbedded();
    if (file != null) {
      withClassifiers.classifiers(Path.of(file));
    } else if (classifiersOn) {
      withClassifiers.withClassifiers();
    }
    // -Dlanhmanh.tagger=FILE measures a tagger trained by 'lanhmanh train' instead of the shipped one
    String tagger = System.getProperty("lanhmanh.tagger");
    ContentFilter.Builder withTagger = ContentFilter.builder().withModel().withoutClassifiers();
    ContentFilter.Builder withFindings = ContentFilter.builder().modelFindings(true).withoutClassifiers();
    if (tagger != null) {
      withTagger.model(Path.of(tagger));
      withFindings.model(Path.of(tagger));
    }
    try (ContentFilter classifiers = withClassifiers.build();
        ContentFilter lexicon = ContentFilter.builder().withoutModel().withoutClassifiers().build();
        ContentFilter byDefault = withTagger.build();
        ContentFilter model = withFindings.build()) {
      for (int i = 0; i < sentences.size(); i++) {
        String s = sentences.get(i);
        Verdict a = lexicon.checkText(s, child);
        Verdict d = byDefault.checkText(s, child);
        Verdict b = model.checkText(s, child);
        lexiconFlagged += a.action() != Action.ALLOW ? 1 : 0;
        defaultFlagged += d.action() != Action.ALLOW ? 1 : 0;
        modelFlagged += b.action() != Action.ALLOW ? 1 : 0;
        modelFindings += b.findings().stream().anyMatch(f -> f.rule().startsWith("model/")) ? 1 : 0;
        double offensive = Math.max(b.score(Category.HARASSMENT), b.score(Category.PROFANITY));
        scoredHalf += offensive >= 0.5 ? 1 : 0;
        scoredHigh += offensive >= 0.8 ? 1 : 0;
        if (classifiersOn) {
          Verdict c = classifiers.checkText(s, child);
          classifierFlagged += c.action() != Action.ALLOW ? 1 : 0;
          if (!trainable.get(i)) {
            unseen++;
            unseenLexicon += a.action() != Action.ALLOW ? 1 : 0;
            unseenClassifiers += c.action() != Action.ALLOW ? 1 : 0;
          }
          classifierFindings += c.findings().stream().anyMatch(f -> f.rule().startsWith("model/")) ? 1 : 0;
        }
      }
    }
    int n = sentences.size();
    System.out.printf(Locale.ROOT, "[clean] %d sentences | flagged at age 10: lexicon %d (%.2f%%), default "
        + "filter %d, with model findings %d (%.2f%%) | sentences with a model finding (any tier) %d (%.2f%%) | offensive score "
        + ">= 0.5: %d (%.2f%%), >= 0.8: %d (%.2f%%)%n", n, lexiconFlagged, 100.0 * lexiconFlagged / n,
        defaultFlagged, modelFlagged, 100.0 * modelFlagged / n, modelFindings, 100.0 * modelFindings / n, scoredHalf,
        100.0 * scoredHalf / n, scoredHigh, 100.0 * scoredHigh / n);
    if (classifiersOn) {
      System.out.printf(Locale.ROOT, "[clean] with the message classifiers: flagged at age 10 %d (%.2f%%), "
          + "sentences with a classifier finding %d (%.2f%%)%n", classifierFlagged, 100.0 * classifierFlagged / n,
          classifierFindings, 100.0 * classifierFindings / n);
      System.out.printf(Locale.ROOT, "[clean] on the %d sentences of lines 'lanhmanh train --corpus-sentences' "
          + "leaves out (all but every fourth line): lexicon %d, with the classifiers %d%n", unseen, unseenLexicon,
          unseenClassifiers);
      // a regression guard: the classifiers may add findings and lower some, never flag much more
      assertThat(classifierFlagged).isLessThanOrEqualTo(lexiconFlagged + n / 200);
    }
    // The tagger run for scores only (withModel, no model findings) must flag exactly what the lexicon flags.
    assertThat(defaultFlagged).isEqualTo(lexiconFlagged);
    // With model findings on, more clean sentences are flagged (docs/MODEL.md: why they are off by
    // default); a regression guard a little above the figure recorded there.
    assertThat(modelFlagged).isLessThanOrEqualTo(lexiconFlagged + n / 100);
  }
}
