package vn.lanhmanh.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;

/**
 * Runs {@code pii/pii-cases.tsv}: prints precision and recall per type and overall, and holds the
 * detector to recall ≥ 0.9 and precision ≥ 0.95. A detection counts as correct when its type is the
 * expected one and its span overlaps the expected substring with intersection-over-union ≥ 0.5.
 */
class PiiCasesTest {

  private static final PiiDetector DETECTOR = PiiDetector.create();

  record Case(int line, PiiType type, String expected, String text) {}

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = PiiCasesTest.class.getResourceAsStream("/pii/pii-cases.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", 3);
        if (cols.length != 3) {
          throw new IllegalStateException("line " + no + ": expected 3 tab-separated columns");
        }
        PiiType type = cols[0].equals("-") ? null : PiiType.valueOf(cols[0].toUpperCase(Locale.ROOT));
        if (type != null && !cols[2].contains(cols[1])) {
          throw new IllegalStateException("line " + no + ": expected match not in text");
        }
        out.add(new Case(no, type, cols[1], cols[2]));
      }
    }
    return out;
  }

  private static final class Tally {
    int tp;
    int fp;
    int expected;
    int found;
  }

  private static boolean hits(PiiMatch m, Case c) {
    int s = c.text().indexOf(c.expected());
    int e = s + c.expected().length();
    int inter = Math.min(e, m.end()) - Math.max(s, m.start());
    int union = Math.max(e, m.end()) - Math.min(s, m.start());
    return m.type() == c.type() && inter > 0 && inter * 2 >= union;
  }

  @Test
  void tableMeetsPrecisionAndRecall() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(160);
    Map<PiiType, Tally> byType = new EnumMap<>(PiiType.class);
    for (PiiType t : PiiType.values()) {
      byType.put(t, new Tally());
    }
    Tally all = new Tally();
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      List<PiiMatch> got = DETECTOR.detect(c.text());
      if (c.type() != null) {
        byType.get(c.type()).expected++;
        all.expected++;
      }
      boolean found = false;
      for (PiiMatch m : got) {
        Tally t = byType.get(m.type());
        if (c.type() != null && !found && hits(m, c)) {
          found = true;
          t.tp++;
          all.tp++;
        } else {
          t.fp++;
          all.fp++;
          misses.add("FP   line " + c.line() + ": " + m + "  in  " + c.text());
        }
      }
      if (c.type() != null) {
        if (found) {
          byType.get(c.type()).found++;
          all.found++;
        } else {
          misses.add("MISS line " + c.line() + ": " + c.type().jsonName() + " '" + c.expected() + "' got " + got);
        }
      }
    }
    StringBuilder report = new StringBuilder("PII table: ").append(cases.size()).append(" lines\n");
    report.append(String.format(Locale.ROOT, "%-14s %9s %9s %5s %5s%n", "type", "precision", "recall", "exp", "fp"));
    for (Map.Entry<PiiType, Tally> e : byType.entrySet()) {
      Tally t = e.getValue();
      report.append(String.format(Locale.ROOT, "%-14s %9.3f %9.3f %5d %5d%n", e.getKey().jsonName(),
          ratio(t.tp, t.tp + t.fp), ratio(t.found, t.expected), t.expected, t.fp));
    }
    double precision = ratio(all.tp, all.tp + all.fp);
    double recall = ratio(all.found, all.expected);
    report.append(String.format(Locale.ROOT, "%-14s %9.3f %9.3f %5d %5d%n", "overall", precision, recall,
        all.expected, all.fp));
    misses.forEach(m -> report.append(m).append('\n'));
    System.out.println(report);
    assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(precision).as(report.toString()).isGreaterThanOrEqualTo(0.95);
  }

  /**
   * The same table through the filter: with {@link Policy#outgoing()} (text the child writes) the recall is
   * the detectors' own; with the default policy (text the child reads) nothing is reported.
   */
  @Test
  void tableThroughTheOutgoingPolicy() throws IOException {
    List<Case> cases = cases();
    int expected = 0;
    int found = 0;
    int foundDirect = 0;
    int readFindings = 0;
    try (ContentFilter filter = ContentFilter.builder().build()) {
      Policy read = Policy.forAge(10);
      Policy written = read.outgoing();
      for (Case c : cases) {
        readFindings += (int) filter.checkText(c.text(), read).findings().stream()
            .filter(f -> f.category() == Category.PII).count();
        if (c.type() == null) {
          continue;
        }
        expected++;
        int s = c.text().indexOf(c.expected());
        for (Finding f : filter.checkText(c.text(), written).findings()) {
          if (f.rule().equals("pii/" + c.type().jsonName())
              && hits(new PiiMatch(c.type(), f.start(), f.end(), f.match()), c)) {
            found++;
            break;
          }
        }
        foundDirect += DETECTOR.detect(c.text()).stream().anyMatch(m -> hits(m, c)) ? 1 : 0;
        assertThat(s).isNotNegative();
      }
    }
    double recall = ratio(found, expected);
    System.out.printf(Locale.ROOT, "PII table through checkText: outgoing recall %.3f (detectors alone %.3f);"
        + " findings with the default (reading) policy: %d%n", recall, ratio(foundDirect, expected), readFindings);
    assertThat(found).isEqualTo(foundDirect);
    assertThat(recall).isGreaterThanOrEqualTo(0.9);
    assertThat(readFindings).isZero();
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  /** Decomposed input must give the same types, and offsets into the decomposed string. */
  @Test
  void nfdInputFindsTheSameTypes() throws IOException {
    for (Case c : cases()) {
      String nfd = Normalizer.normalize(c.text(), Normalizer.Form.NFD);
      List<PiiType> nfc = DETECTOR.detect(c.text()).stream().map(PiiMatch::type).toList();
      List<PiiMatch> got = DETECTOR.detect(nfd);
      assertThat(got.stream().map(PiiMatch::type).toList()).as("line %d: %s", c.line(), c.text()).isEqualTo(nfc);
      for (PiiMatch m : got) {
        assertThat(nfd.substring(m.start(), m.end())).isEqualTo(m.match());
      }
    }
  }

  /** The Turkish default locale must not change folding (I and ı). */
  @Test
  void turkishLocaleFindsTheSameMatches() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      List<List<PiiMatch>> before = new ArrayList<>();
      List<Case> cases = cases();
      for (Case c : cases) {
        before.add(DETECTOR.detect(c.text().toUpperCase(Locale.ROOT)));
      }
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      for (int i = 0; i < cases.size(); i++) {
        assertThat(DETECTOR.detect(cases.get(i).text().toUpperCase(Locale.ROOT))).isEqualTo(before.get(i));
      }
    } finally {
      Locale.setDefault(saved);
    }
  }
}
