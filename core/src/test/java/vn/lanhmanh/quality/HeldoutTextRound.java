package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.quality.HeldoutText.Figures;
import vn.lanhmanh.quality.HeldoutText.Line;
import vn.lanhmanh.quality.HeldoutText.Scored;

/**
 * A held-out text round from round 2 on: its file must be well formed and hold enough lines of every
 * category, and its figures on the current engine are printed (misses only to {@code target/}). A report:
 * it fails on a malformed file, never on the score. Each round is a subclass naming its file and sizes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HeldoutTextRound {

  /** Categories each holding at least {@link #perCategory} harm lines. */
  private static final List<Category> REQUIRED = List.of(Category.SEXUAL_MINORS, Category.GROOMING,
      Category.SCAM, Category.SELF_HARM, Category.DRUGS, Category.VIOLENCE, Category.HARASSMENT,
      Category.PROFANITY, Category.SEXUAL, Category.GAMBLING);

  private final String name;
  private final String resource;
  private final String report;
  private final int minLines;
  private final int perCategory;
  private final int minInnocent;
  private ContentFilter filter;

  /**
   * @param round the round's number: file {@code heldout/text-roundN.tsv}, report
   *     {@code target/heldout-text-roundN.txt}
   */
  HeldoutTextRound(int round, int minLines, int perCategory, int minInnocent) {
    this.name = "heldout text round " + round;
    this.resource = "/heldout/text-round" + round + ".tsv";
    this.report = "heldout-text-round" + round + ".txt";
    this.minLines = minLines;
    this.perCategory = perCategory;
    this.minInnocent = minInnocent;
  }

  @BeforeAll
  void open() {
    filter = HeldoutText.filter();
  }

  @AfterAll
  void close() {
    filter.close();
  }

  @Test
  void fileIsWellFormed() throws IOException {
    List<Line> lines = HeldoutText.read(resource);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(minLines);
    Map<Category, Integer> perCat = HeldoutText.checkLines(lines);
    for (Category c : REQUIRED) {
      assertThat(perCat.getOrDefault(c, 0)).as("harm lines of %s", c.jsonName())
          .isGreaterThanOrEqualTo(perCategory);
    }
    int harm = perCat.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(lines.size() - harm).as("innocent lines").isGreaterThanOrEqualTo(minInnocent);
  }

  @Test
  void figuresOnTheCurrentEngine() throws IOException {
    List<Scored> scored = HeldoutText.score(filter, HeldoutText.read(resource));
    Figures f = Figures.of(scored);
    String figures = HeldoutText.figures(HeldoutText.label(name), scored, f);
    System.out.print(figures);
    HeldoutReports.write(report, figures + HeldoutText.misses(scored));
  }
}
