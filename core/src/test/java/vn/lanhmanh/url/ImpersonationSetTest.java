package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.TestTables;
import vn.lanhmanh.Verdict;

/**
 * The project's impersonation set ({@code url/impersonation.tsv}: invented scam hosts in the styles seen
 * in Vietnam, real official and innocent hosts) and its list of popular sites ({@code url/popular-vn.tsv}),
 * through the filter as shipped, for a viewer of 10. Prints recall by style; asserts recall of at least
 * 0.9, no official or innocent host flagged, and none of the popular sites flagged.
 */
class ImpersonationSetTest {

  private static ContentFilter filter;
  private static final Policy CHILD = Policy.forAge(10);

  @BeforeAll
  static void open() {
    filter = ContentFilter.builder().urlCacheSize(0).build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  static List<String[]> rows(String resource) throws IOException {
    return TestTables.rows(resource);
  }

  static String url(String hostOrUrl) {
    return hostOrUrl.contains("://") ? hostOrUrl : "https://" + hostOrUrl + "/";
  }

  @Test
  void impersonationRecallAndNoInnocentFlagged() throws IOException {
    Map<String, int[]> byStyle = new TreeMap<>();
    int scams = 0;
    int caught = 0;
    int caughtAsScam = 0;
    List<String> innocentFlagged = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    int innocents = 0;
    for (String[] c : rows("/url/impersonation.tsv")) {
      Verdict v = filter.checkUrl(url(c[0]), CHILD);
      boolean flagged = v.action() != Action.ALLOW;
      if (c[1].equals("scam")) {
        scams++;
        caught += flagged ? 1 : 0;
        caughtAsScam += v.findings().stream().anyMatch(f -> f.category() == Category.SCAM) ? 1 : 0;
        int[] s = byStyle.computeIfAbsent(c[2], k -> new int[2]);
        s[0]++;
        s[1] += flagged ? 1 : 0;
        if (!flagged) {
          missed.add(c[0]);
        }
      } else {
        innocents++;
        if (flagged) {
          innocentFlagged.add(c[0] + " → " + v.findings());
        }
      }
    }
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "[impersonation] scam hosts %d, flagged %d (recall %.3f; %d with a scam finding); "
        + "official or innocent %d, flagged %d%n", scams, caught, (double) caught / scams, caughtAsScam, innocents,
        innocentFlagged.size()));
    byStyle.forEach((k, s) -> b.append(String.format(Locale.ROOT, "[impersonation]   %-18s %3d/%3d%n", k, s[1], s[0])));
    b.append("[impersonation] missed: ").append(missed).append('\n');
    b.append("[impersonation] innocent flagged: ").append(innocentFlagged);
    System.out.println(b);
    assertThat(scams).isGreaterThanOrEqualTo(150);
    assertThat(innocents).isGreaterThanOrEqualTo(150);
    assertThat(innocentFlagged).as(b.toString()).isEmpty();
    assertThat((double) caught / scams).as(b.toString()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void noPopularSiteIsFlaggedForAChild() throws IOException {
    List<String> flagged = new ArrayList<>();
    List<String[]> rows = rows("/url/popular-vn.tsv");
    for (String[] c : rows) {
      Verdict v = filter.checkUrl(url(c[0]), CHILD);
      if (v.action() != Action.ALLOW) {
        flagged.add(c[0] + " → " + v.findings());
      }
    }
    System.out.printf(Locale.ROOT, "[popular] %d sites, %d flagged for a viewer of 10: %s%n", rows.size(),
        flagged.size(), flagged);
    assertThat(rows.size()).isGreaterThanOrEqualTo(500);
    assertThat(flagged).isEmpty();
  }
}
