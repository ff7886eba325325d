package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * Share of clean sentences (news and Wikipedia, shared data; skipped when absent) that findings other
 * than personal information make non-ALLOW, for ages 10 and 13. Prints the rates; the floors are
 * regression guards over the figures recorded in {@code docs/QUALITY.md}.
 */
class CleanTextRatesTest {

  private static Path dataDir() {
    String configured = System.getProperty("lanhmanh.shared.data");
    return configured != null ? Path.of(configured, "clean") : Path.of("../shared/data/clean");
  }

  /** Non-ALLOW share of {@code lines} for {@code age}, counting findings other than personal information. */
  static double rate(ContentFilter filter, List<String> lines, int age, boolean print) {
    Policy policy = Policy.forAge(age);
    int flagged = 0;
    for (String s : lines) {
      Verdict v = filter.checkText(s, policy);
      Action worst = Action.ALLOW;
      for (Finding f : v.findings()) {
        if (f.category() != Category.PII) {
          worst = worst.max(policy.actionFor(f));
        }
      }
      if (worst != Action.ALLOW) {
        flagged++;
        if (print) {
          System.out.println("[clean] age " + age + " " + worst + " " + v.findings() + " :: " + s);
        }
      }
    }
    return (double) flagged / lines.size();
  }

  @Test
  void cleanSentencesAreAllowed() throws IOException {
    Path dir = dataDir();
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("ud_vtb_sentences.txt")),
        "clean sentences not found at " + dir + "; skipping");
    boolean print = Boolean.getBoolean("lanhmanh.clean.print");
    try (ContentFilter filter = ContentFilter.builder().build()) {
      for (String file : List.of("ud_vtb_sentences.txt", "viwiki_sentences.txt")) {
        List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        double r10 = rate(filter, lines, 10, print);
        double r13 = rate(filter, lines, 13, print);
        System.out.printf("[clean] %s: %d sentences, non-ALLOW age 10 %.2f %%, age 13 %.2f %%%n", file,
            lines.size(), 100 * r10, 100 * r13);
        assertThat(r10).as(file + " age 10").isLessThanOrEqualTo(0.05);
        assertThat(r13).as(file + " age 13").isLessThanOrEqualTo(0.02);
      }
    }
  }
}
