package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.model.ClassifierTrainer;

/**
 * False positives on clean news and Wikipedia sentences, when the shared data is present (a fresh
 * checkout has none: then this test is skipped). Prints the rates and writes every flagged sentence with
 * its findings to {@code target/clean-text-flagged.tsv}. The ceilings are regression guards set a little
 * above the figures recorded in {@code docs/QUALITY.md}.
 */
class CleanTextQualityTest {

  private static Path dataDir() {
    String configured = System.getProperty("lanhmanh.shared.data");
    return configured != null ? Path.of(configured, "clean") : Path.of("../shared/data/clean");
  }

  @Test
  void cleanSentencesFlaggedWithoutPersonalInformation() throws IOException {
    Path dir = dataDir();
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("ud_vtb_sentences.txt"))
            && Files.isRegularFile(dir.resolve("viwiki_sentences.txt")),
        "clean sentences not found at " + dir + "; skipping the false-positive figures");
    // The default filter (the classifiers on: the embedded ones, or -Dlanhmanh.classifiers=FILE), or with
    // -Dlanhmanh.clean.lexicon=true the filter without classifiers, for the comparison in docs/QUALITY.md
    boolean classifiers = !Boolean.getBoolean("lanhmanh.clean.lexicon");
    String file = System.getProperty("lanhmanh.classifiers");
    ContentFilter.Builder builder = ContentFilter.builder();
    if (!classifiers) {
      builder.withoutClassifiers();
    } else if (file != null) {
      builder.classifiers(Path.of(file));
    }
    try (ContentFilter filter = builder.build()) {
      List<CleanText.Figures> all = CleanText.run(filter, dir);
      String label = classifiers ? "[quality] clean text " : "[quality] clean text, classifiers off ";
      all.forEach(f -> System.out.println(label + f));
      if (classifiers) {
        // 'lanhmanh train --corpus-sentences' may train on every fourth line from the first: the others
        for (CleanText.Figures f : all) {
          long unseen = f.flagged().stream().filter(g -> (g.line() - 1) % ClassifierTrainer.SENTENCE_EVERY != 0)
              .count();
          System.out.printf(java.util.Locale.ROOT, "%s%s age %d: %d flagged on the lines training leaves out%n",
              label, f.file(), f.age(), unseen);
        }
      }
      Path out = Path.of("target", "clean-text-flagged.tsv");
      CleanText.write(out, all);
      System.out.println("[quality] flagged clean sentences written to " + out.toAbsolutePath());
      for (CleanText.Figures f : all) {
        assertThat(f.sentences()).as(f.file()).isGreaterThan(3000);
        boolean news = f.file().startsWith("ud_");
        // With the classifiers (the default), the guards of issue 11: at most 0.5 % of the sentences non-ALLOW
        // (personal information aside) at age 13 and 2 % at age 10 (docs/MODEL.md, "The UD news at age 13");
        // without them, the lexicon's ceilings (measured 3.07 % / 1.17 % news, 1.49 % / 0.79 % Wikipedia).
        double ceiling = classifiers ? (f.age() >= 13 ? 0.005 : 0.02)
            : f.age() >= 13 ? (news ? 0.015 : 0.010) : (news ? 0.035 : 0.018);
        assertThat(f.rate()).as("%s", f).isLessThanOrEqualTo(ceiling);
      }
    }
  }
}
