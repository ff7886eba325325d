package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.quality.HeldoutText.rate;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.DefaultFilter;
import vn.lanhmanh.quality.HeldoutText.Figures;
import vn.lanhmanh.quality.HeldoutText.Line;
import vn.lanhmanh.quality.HeldoutText.Scored;

/**
 * Scores the held-out text set of round 1 ({@code heldout/text-round1.tsv}), written before the concepts
 * engine was tuned and never tuned against. Figures go to stdout and to
 * {@code target/heldout-text-round1.txt}; the lines the filter gets wrong go only to that file, so that
 * whoever tunes the engine does not read them by accident. The targets of the concepts issue are reported,
 * not asserted; the assertions are the file's structure and regression floors under today's figures.
 */
class HeldoutTextRound1Test {

  static final String RESOURCE = "/heldout/text-round1.tsv";
  static final String REPORT = "heldout-text-round1.txt";

  private static final ContentFilter filter = DefaultFilter.shared();

  @Test
  void fileIsWellFormed() throws IOException {
    List<Line> lines = HeldoutText.read(RESOURCE);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
    Map<Category, Integer> perCategory = HeldoutText.checkLines(lines);
    int harm = perCategory.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(harm).isGreaterThanOrEqualTo(180);
    assertThat(lines.size() - harm).isGreaterThanOrEqualTo(120);
    assertThat(perCategory).containsKeys(Category.SEXUAL_MINORS, Category.GROOMING, Category.SELF_HARM,
        Category.SCAM, Category.DRUGS, Category.VIOLENCE, Category.HARASSMENT, Category.SEXUAL,
        Category.GAMBLING, Category.PROFANITY);
  }

  @Test
  void figuresOnTheCurrentEngine() throws IOException {
    List<Scored> scored = HeldoutText.score(filter, HeldoutText.read(RESOURCE));
    Figures f = Figures.of(scored);
    String figures = HeldoutText.figures("heldout text round 1", scored, f);
    System.out.print(figures);
    HeldoutReports.write(REPORT, figures + HeldoutText.misses(scored));

    // Regression floors, a few points under what the engine of main measured on 2026-12-02 (commit 7e84ed8):
    // recall 0.414 (92/222), with the right category 0.365, innocent flagged 0.216 (41/190), C-tier lines
    // blocked at 18 0.239 (27/113). Raise them as the engine improves; the targets stay in the report.
    assertThat(rate(f.caught, f.harm)).as("child recall").isGreaterThanOrEqualTo(0.37);
    assertThat(rate(f.rightCategory, f.harm)).as("child recall, right category").isGreaterThanOrEqualTo(0.32);
    assertThat(rate(f.flagged, f.innocent)).as("innocent lines flagged").isLessThanOrEqualTo(0.25);
    assertThat(rate(f.adultBlocked, f.cTier)).as("C-tier lines blocked at 18").isGreaterThanOrEqualTo(0.20);
  }
}
