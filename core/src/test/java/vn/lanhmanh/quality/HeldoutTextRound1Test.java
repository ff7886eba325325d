package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

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

  /** One line of the held-out file. */
  record Line(int lineNo, String id, boolean harm, Category category, Action minAction, boolean cTier,
      String style, String text) {}

  /** One line's verdicts: for a 10-year-old, and for an 18-year-old when the line is C tier. */
  record Scored(Line line, Verdict child, Verdict adult) {
    boolean caught() {
      return child.action().compareTo(line.minAction()) >= 0;
    }

    boolean rightCategory() {
      return caught() && child.categories().contains(line.category());
    }

    boolean flagged() {
      return child.action() != Action.ALLOW;
    }

    /** Innocent line made non-ALLOW only by personal-information findings. */
    boolean flaggedOnlyByPii() {
      return flagged() && child.findings().stream().allMatch(f -> f.category() == Category.PII);
    }

    boolean blockedForAdult() {
      return adult != null && adult.action() == Action.BLOCK;
    }
  }

  private static ContentFilter filter;

  @BeforeAll
  static void open() {
    filter = ContentFilter.builder().build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  static List<Line> read() throws IOException {
    List<Line> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        HeldoutTextRound1Test.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
      String raw;
      int n = 0;
      while ((raw = r.readLine()) != null) {
        n++;
        if (raw.isBlank() || raw.startsWith("#") || raw.startsWith("id\t")) {
          continue;
        }
        String[] c = raw.split("\t", -1);
        assertThat(c).as("line %d has 7 columns", n).hasSize(7);
        boolean harm = switch (c[1]) {
          case "harm" -> true;
          case "innocent" -> false;
          default -> throw new AssertionError("line " + n + ": expect must be harm or innocent: " + c[1]);
        };
        Category category = harm ? Category.fromJsonName(c[2]) : null;
        assertThat(c[2]).as("line %d category column is lower snake case", n)
            .isEqualTo(harm ? category.jsonName() : "-");
        assertThat(c[4]).as("line %d c_tier", n).isIn("yes", "no");
        out.add(new Line(n, c[0], harm, category, Action.valueOf(c[3]), c[4].equals("yes"), c[5], c[6]));
      }
    }
    return out;
  }

  @Test
  void fileIsWellFormed() throws IOException {
    List<Line> lines = read();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(300);
    Set<String> ids = new HashSet<>();
    Set<Category> harmCategories = new HashSet<>();
    int harm = 0;
    for (Line l : lines) {
      assertThat(ids.add(l.id())).as("id %s is unique", l.id()).isTrue();
      assertThat(l.text()).as(l.id()).isNotBlank();
      assertThat(l.style()).as(l.id()).isNotBlank();
      if (l.harm()) {
        harm++;
        harmCategories.add(l.category());
        assertThat(l.minAction()).as(l.id()).isIn(Action.WARN, Action.BLOCK);
        if (l.category() == Category.SELF_HARM) {
          assertThat(l.cTier()).as(l.id() + ": self-harm is not C").isFalse();
        }
        if (Set.of(Category.SEXUAL_MINORS, Category.GROOMING, Category.SCAM).contains(l.category())) {
          assertThat(l.cTier()).as(l.id() + ": sexual_minors, grooming and scam are C").isTrue();
        }
        if (l.cTier()) {
          assertThat(l.minAction()).as(l.id() + ": C content is blocked").isEqualTo(Action.BLOCK);
        }
      } else {
        assertThat(l.minAction()).as(l.id()).isEqualTo(Action.ALLOW);
        assertThat(l.cTier()).as(l.id()).isFalse();
      }
    }
    assertThat(harm).isGreaterThanOrEqualTo(180);
    assertThat(lines.size() - harm).isGreaterThanOrEqualTo(120);
    assertThat(harmCategories).contains(Category.SEXUAL_MINORS, Category.GROOMING, Category.SELF_HARM,
        Category.SCAM, Category.DRUGS, Category.VIOLENCE, Category.HARASSMENT, Category.SEXUAL,
        Category.GAMBLING, Category.PROFANITY);
  }

  @Test
  void figuresOnTheCurrentEngine() throws IOException {
    Policy child = Policy.forAge(10);
    Policy adult = Policy.forAge(18);
    List<Scored> scored = new ArrayList<>();
    for (Line l : read()) {
      scored.add(new Scored(l, filter.checkText(l.text(), child),
          l.cTier() ? filter.checkText(l.text(), adult) : null));
    }
    Figures f = Figures.of(scored);

    StringBuilder figures = new StringBuilder();
    figures.append(String.format(Locale.ROOT,
        "[heldout text round 1] %d lines: %d harm, %d innocent%n", scored.size(), f.harm, f.innocent));
    figures.append(String.format(Locale.ROOT,
        "  child (age 10) recall %s, with the right category %s (target >= 0.95)%n",
        ratio(f.caught, f.harm), ratio(f.rightCategory, f.harm)));
    figures.append(String.format(Locale.ROOT,
        "  innocent lines flagged at age 10 %s (target <= 0.02), of which only by personal information %d%n",
        ratio(f.flagged, f.innocent), f.flaggedOnlyByPii));
    figures.append(String.format(Locale.ROOT, "  C-tier lines blocked at age 18 %s (target 1.0)%n",
        ratio(f.adultBlocked, f.cTier)));
    figures.append("  per category (caught | caught with the right category; target >= 0.95 for sexual_minors,"
        + " grooming, scam, self_harm):\n");
    for (Map.Entry<Category, int[]> e : f.perCategory.entrySet()) {
      int[] c = e.getValue();
      figures.append(String.format(Locale.ROOT, "    %-14s %s | %s%n", e.getKey().jsonName(),
          ratio(c[1], c[0]), ratio(c[2], c[0])));
    }
    figures.append("  per style (harm caught | innocent flagged):\n");
    for (Map.Entry<String, int[]> e : f.perStyle.entrySet()) {
      int[] c = e.getValue();
      figures.append(String.format(Locale.ROOT, "    %-11s %s | %s%n", e.getKey(),
          ratio(c[1], c[0]), ratio(c[3], c[2])));
    }
    System.out.print(figures);

    StringBuilder misses = new StringBuilder();
    misses.append("\nMisses (do not tune the engine against these lines; write the next round instead)\n");
    misses.append("\nHarm lines not caught at age 10 (id, expected, verdict):\n");
    scored.stream().filter(s -> s.line().harm() && !s.caught()).forEach(s -> misses.append(describe(s)));
    misses.append("\nHarm lines caught without the expected category:\n");
    scored.stream().filter(s -> s.line().harm() && s.caught() && !s.rightCategory())
        .forEach(s -> misses.append(describe(s)));
    misses.append("\nC-tier lines not blocked at age 18:\n");
    scored.stream().filter(s -> s.line().cTier() && !s.blockedForAdult())
        .forEach(s -> misses.append(describe(s)).append("      age 18: ").append(s.adult()).append('\n'));
    misses.append("\nInnocent lines flagged at age 10:\n");
    scored.stream().filter(s -> !s.line().harm() && s.flagged()).forEach(s -> misses.append(describe(s)));
    HeldoutReports.write(REPORT, figures + misses.toString());

    // Regression floors, a few points under what the engine of main measured on 2026-12-02 (commit 7e84ed8):
    // recall 0.414 (92/222), with the right category 0.365, innocent flagged 0.216 (41/190), C-tier lines
    // blocked at 18 0.239 (27/113). Raise them as the engine improves; the targets stay in the report.
    assertThat(rate(f.caught, f.harm)).as("child recall").isGreaterThanOrEqualTo(0.37);
    assertThat(rate(f.rightCategory, f.harm)).as("child recall, right category").isGreaterThanOrEqualTo(0.32);
    assertThat(rate(f.flagged, f.innocent)).as("innocent lines flagged").isLessThanOrEqualTo(0.25);
    assertThat(rate(f.adultBlocked, f.cTier)).as("C-tier lines blocked at 18").isGreaterThanOrEqualTo(0.20);
  }

  private static String describe(Scored s) {
    Line l = s.line();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "  %-6s %-8s %-14s min %-5s -> %s %s%n", l.id(), l.style(),
        l.harm() ? l.category().jsonName() : "-", l.minAction(), s.child().action(), s.child().rating()));
    b.append("      ").append(l.text()).append('\n');
    for (Finding finding : s.child().findings()) {
      b.append("      ").append(finding).append('\n');
    }
    return b.toString();
  }

  static double rate(int part, int whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  static String ratio(int part, int whole) {
    return String.format(Locale.ROOT, "%.3f (%d/%d)", rate(part, whole), part, whole);
  }

  /** Counts over the scored lines. */
  static final class Figures {
    int harm;
    int innocent;
    int caught;
    int rightCategory;
    int flagged;
    int flaggedOnlyByPii;
    int cTier;
    int adultBlocked;
    /** Category → {lines, caught, caught with the right category}. */
    final Map<Category, int[]> perCategory = new EnumMap<>(Category.class);
    /** Style → {harm lines, caught, innocent lines, flagged}. */
    final Map<String, int[]> perStyle = new TreeMap<>();

    static Figures of(List<Scored> scored) {
      Figures f = new Figures();
      for (Scored s : scored) {
        Line l = s.line();
        int[] style = f.perStyle.computeIfAbsent(l.style(), k -> new int[4]);
        if (l.harm()) {
          f.harm++;
          style[0]++;
          int[] c = f.perCategory.computeIfAbsent(l.category(), k -> new int[3]);
          c[0]++;
          if (s.caught()) {
            f.caught++;
            style[1]++;
            c[1]++;
          }
          if (s.rightCategory()) {
            f.rightCategory++;
            c[2]++;
          }
          if (l.cTier()) {
            f.cTier++;
            f.adultBlocked += s.blockedForAdult() ? 1 : 0;
          }
        } else {
          f.innocent++;
          style[2]++;
          if (s.flagged()) {
            f.flagged++;
            style[3]++;
            f.flaggedOnlyByPii += s.flaggedOnlyByPii() ? 1 : 0;
          }
        }
      }
      return f;
    }
  }
}
