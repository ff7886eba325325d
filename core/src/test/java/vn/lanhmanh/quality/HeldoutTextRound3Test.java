package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.quality.HeldoutText.Figures;
import vn.lanhmanh.quality.HeldoutText.Line;
import vn.lanhmanh.quality.HeldoutText.Scored;

/**
 * Scores the held-out text set of round 3 ({@code heldout/text-round3.tsv}), written before the third
 * tuning round by a pass that read neither the lexicon nor the lines of rounds 1 and 2, and never tuned
 * against. Figures go to stdout; the lines the filter gets wrong go only to
 * {@code target/heldout-text-round3.txt}.
 * It is a report: it fails on a malformed file, never on the score.
 */
class HeldoutTextRound3Test {

  static final String RESOURCE = "/heldout/text-round3.tsv";
  static final String REPORT = "heldout-text-round3.txt";

  /** Categories each holding at least {@link #PER_CATEGORY} harm lines. */
  private static final List<Category> REQUIRED = List.of(Category.SEXUAL_MINORS, Category.GROOMING,
      Category.SCAM, Category.SELF_HARM, Category.DRUGS, Category.VIOLENCE, Category.HARASSMENT,
      Category.PROFANITY, Category.SEXUAL, Category.GAMBLING);
  private static final int PER_CATEGORY = 24;

  private static ContentFilter filter;

  @BeforeAll
  static void open() {
    filter = HeldoutText.filter();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  @Test
  void fileIsWellFormed() throws IOException {
    List<Line> lines = HeldoutText.read(RESOURCE);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(360);
    Map<Category, Integer> perCategory = HeldoutText.checkLines(lines);
    for (Category c : REQUIRED) {
      assertThat(perCategory.getOrDefault(c, 0)).as("harm lines of %s", c.jsonName())
          .isGreaterThanOrEqualTo(PER_CATEGORY);
    }
    int harm = perCategory.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(lines.size() - harm).as("innocent lines").isGreaterThanOrEqualTo(130);
  }

  @Test
  void figuresOnTheCurrentEngine() throws IOException {
    List<Scored> scored = HeldoutText.score(filter, HeldoutText.read(RESOURCE));
    Figures f = Figures.of(scored);
    String figures = HeldoutText.figures(HeldoutText.label("heldout text round 3"), scored, f);
    System.out.print(figures);
    HeldoutReports.write(REPORT, figures + HeldoutText.misses(scored));
  }
}
