package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A URL check adds up its scores in a per-thread scratch array: a verdict must keep its own scores when the
 * same thread goes on to check other URLs.
 */
class UrlVerdictScoresTest {

  private static final ContentFilter FILTER = DefaultFilter.shared();
  private static final Policy CHILD = Policy.forAge(10);

  @Test
  void aVerdictKeepsItsScoresAfterLaterChecks() {
    Verdict twoCategories = FILTER.checkUrl("http://phimsex-casino.com/nohu", CHILD);
    assertThat(twoCategories.scores().get(Category.SEXUAL)).isPositive();
    assertThat(twoCategories.scores().get(Category.GAMBLING)).isPositive();
    Map<Category, Double> before = Map.copyOf(twoCategories.scores());

    Verdict other = FILTER.checkUrl("http://vietcombank-xacminh.com/", CHILD);
    FILTER.checkUrl("http://example.org/", CHILD);
    FILTER.checkUrl("http://pornhub.com/", CHILD);

    assertThat(twoCategories.scores()).isEqualTo(before);
    assertThat(other.scores().get(Category.SCAM)).isPositive();
    assertThat(other.scores().get(Category.SEXUAL)).isZero();
  }
}
