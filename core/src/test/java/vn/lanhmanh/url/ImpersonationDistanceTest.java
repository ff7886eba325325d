package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The banded edit distance of {@link Impersonation} against a plain full-table one. */
class ImpersonationDistanceTest {

  @Property(tries = 2000)
  void bandedDistanceAgreesWithTheFullTable(@ForAll @AlphaChars @StringLength(max = 12) String a,
      @ForAll @AlphaChars @StringLength(max = 12) String b, @ForAll @IntRange(min = 0, max = 3) int k) {
    String x = a.toLowerCase().replaceAll("[^a-e]", "a");
    String y = b.toLowerCase().replaceAll("[^a-e]", "b");
    int full = full(x, y);
    assertThat(Impersonation.distance(x, y, k)).isEqualTo(Math.min(full, k + 1));
  }

  /** Optimal string alignment over the whole table. */
  static int full(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
