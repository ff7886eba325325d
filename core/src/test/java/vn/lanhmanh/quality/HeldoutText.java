package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * Reading, structure checks and scoring shared by the held-out text scorers ({@code heldout/text-round*.tsv},
 * columns in each file's header). A round's scorer chooses its file, its report name and its own assertions.
 */
final class HeldoutText {

  private HeldoutText() {}

  /** One line of a held-out file. */
  record Line(int lineNo, String id, boolean harm, Category category, Action minAction, boolean cTier,
      String style, String text) {}

  /**
   * One line's verdicts: for a 10-year-old, for an 18-year-old when the line is C tier, and for a personal
   * information line also as text the 10-year-old writes ({@link Policy#outgoing()}), else null.
   */
  record Scored(Line line, Verdict child, Verdict adult, Verdict outgoing) {
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

    /** A personal-information line caught when it is scored as the child's own outgoing text. */
    boolean caughtOutgoing() {
      return outgoing != null && outgoing.action().compareTo(line.minAction()) >= 0;
    }

    boolean blockedForAdult() {
      return adult != null && adult.action() == Action.BLOCK;
    }
  }

  /** Reads a held-out text file from the test class path, failing on a malformed line. */
  static List<Line> read(String resource) throws IOException {
    InputStream in = HeldoutText.class.getResourceAsStream(resource);
    assertThat(in).as("%s is on the test class path", resource).isNotNull();
    List<Line> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
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

  /**
   * Checks what every round's lines must satisfy: unique ids, non-blank text and style, a least action that
   * fits the label, C tier where the category demands it and C content blocked. Returns the number of harm
   * lines per category.
   */
  static Map<Category, Integer> checkLines(List<Line> lines) {
    Set<String> ids = new HashSet<>();
    Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
    for (Line l : lines) {
      assertThat(ids.add(l.id())).as("id %s is unique", l.id()).isTrue();
      assertThat(l.text()).as(l.id()).isNotBlank();
      assertThat(l.style()).as(l.id()).isNotBlank();
      if (l.harm()) {
        perCategory.merge(l.category(), 1, Integer::sum);
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
    return perCategory;
  }

  /**
   * The filter a held-out set is scored with: the default one (the classifiers on), or without the message
   * classifiers when the system property {@code lanhmanh.heldout.lexicon} is {@code true} (for the comparison
   * in docs/QUALITY.md: {@code mvn -pl core test -Dtest=HeldoutTextRound3Test -Dlanhmanh.heldout.lexicon=true});
   * with {@code lanhmanh.classifiers} naming a file written by {@code lanhmanh train}, that file's classifiers
   * instead of the embedded ones.
   */
  static ContentFilter filter() {
    ContentFilter.Builder b = ContentFilter.builder();
    String file = System.getProperty("lanhmanh.classifiers");
    if (lexiconOnly()) {
      b.withoutClassifiers();
    } else if (file != null) {
      b.classifiers(Path.of(file));
    }
    return b.build();
  }

  /** Whether {@code lanhmanh.heldout.lexicon} asks for the filter without classifiers. */
  static boolean lexiconOnly() {
    return Boolean.getBoolean("lanhmanh.heldout.lexicon");
  }

  /** Whether the held-out sets are scored with another filter than the shared default one. */
  static boolean customFilter() {
    return lexiconOnly() || System.getProperty("lanhmanh.classifiers") != null;
  }

  static String label(String name) {
    return lexiconOnly() ? name + ", classifiers off" : name;
  }

  /** Checks every line for a 10-year-old, and C-tier lines for an 18-year-old too. */
  static List<Scored> score(ContentFilter filter, List<Line> lines) {
    Policy child = Policy.forAge(10);
    Policy adult = Policy.forAge(18);
    Policy childWrites = child.outgoing();
    List<Scored> scored = new ArrayList<>();
    for (Line l : lines) {
      boolean pii = l.harm() && l.category() == Category.PII;
      scored.add(new Scored(l, filter.checkText(l.text(), child),
          l.cTier() ? filter.checkText(l.text(), adult) : null,
          pii ? filter.checkText(l.text(), childWrites) : null));
    }
    return scored;
  }

  /** The figures printed for a round, headed by {@code title}. */
  static String figures(String title, List<Scored> scored, Figures f) {
    StringBuilder figures = new StringBuilder();
    figures.append(String.format(Locale.ROOT,
        "[%s] %d lines: %d harm, %d innocent%n", title, scored.size(), f.harm, f.innocent));
    figures.append(String.format(Locale.ROOT,
        "  child (age 10) recall %s, with the right category %s (target >= 0.95)%n",
        ratio(f.caught, f.harm), ratio(f.rightCategory, f.harm)));
    figures.append(String.format(Locale.ROOT,
        "  harm lines flagged at all at age 10 (WARN where the line asks BLOCK counted too) %s%n",
        ratio(f.harmFlagged, f.harm)));
    figures.append(String.format(Locale.ROOT,
        "  innocent lines flagged at age 10 %s (target <= 0.02), of which only by personal information %d%n",
        ratio(f.flagged, f.innocent), f.flaggedOnlyByPii));
    figures.append(String.format(Locale.ROOT, "  C-tier lines blocked at age 18 %s (target 1.0)%n",
        ratio(f.adultBlocked, f.cTier)));
    figures.append("  per category (caught | caught with the right category | flagged at all, a WARN counting;"
        + " target >= 0.95 for sexual_minors, grooming, scam, self_harm, for self_harm at least a WARN):\n");
    for (Map.Entry<Category, int[]> e : f.perCategory.entrySet()) {
      int[] c = e.getValue();
      figures.append(String.format(Locale.ROOT, "    %-14s %s | %s | %s%n", e.getKey().jsonName(),
          ratio(c[1], c[0]), ratio(c[2], c[0]), ratio(c[3], c[0])));
    }
    if (f.piiLines > 0) {
      figures.append(String.format(Locale.ROOT, "  pii lines scored as the child's own outgoing text (Policy.outgoing(),"
          + " docs/PRIVACY.md; the row above scores them as text the child reads) %s%n",
          ratio(f.piiOutgoingCaught, f.piiLines)));
    }
    figures.append("  per style (harm caught | innocent flagged):\n");
    for (Map.Entry<String, int[]> e : f.perStyle.entrySet()) {
      int[] c = e.getValue();
      figures.append(String.format(Locale.ROOT, "    %-11s %s | %s%n", e.getKey(),
          ratio(c[1], c[0]), ratio(c[3], c[2])));
    }
    return figures.toString();
  }

  /** The lines the filter gets wrong, for the report file only. */
  static String misses(List<Scored> scored) {
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
    return misses.toString();
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
    /** Harm lines with any action other than ALLOW, whatever least action their author asked for. */
    int harmFlagged;
    int flagged;
    int flaggedOnlyByPii;
    int cTier;
    int adultBlocked;
    int piiLines;
    int piiOutgoingCaught;
    /** Category → {lines, caught, caught with the right category, flagged at all (a WARN counts)}. */
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
          int[] c = f.perCategory.computeIfAbsent(l.category(), k -> new int[4]);
          c[0]++;
          c[3] += s.flagged() ? 1 : 0;
          if (s.caught()) {
            f.caught++;
            style[1]++;
            c[1]++;
          }
          f.harmFlagged += s.flagged() ? 1 : 0;
          if (s.rightCategory()) {
            f.rightCategory++;
            c[2]++;
          }
          if (l.category() == Category.PII) {
            f.piiLines++;
            f.piiOutgoingCaught += s.caughtOutgoing() ? 1 : 0;
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
