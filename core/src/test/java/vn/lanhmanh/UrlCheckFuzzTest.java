package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import vn.lanhmanh.fuzz.FuzzInput;
import vn.lanhmanh.url.CanonicalizationResult;
import vn.lanhmanh.url.UrlCanonicalizer;

/**
 * Coverage-guided fuzzing of {@link ContentFilter#checkUrl}. A plain {@code mvn test} runs it on its seeds in
 * {@code UrlCheckFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes it.
 */
class UrlCheckFuzzTest {

  /**
   * Any string under every policy of {@link FilterFuzzTest}: a URL that does not canonicalise is a BLOCK
   * with {@code malformed URL: …} and nothing else in its errors; one that does gives a sound verdict with
   * no error (in particular no fail-closed internal error), search queries checked as text included.
   */
  @FuzzTest(maxDuration = "60s")
  void anyUrl(byte[] data) {
    String url = FuzzInput.text(data);
    CanonicalizationResult c = UrlCanonicalizer.canonicalize(url);
    for (Policy p : FilterFuzzTest.POLICIES) {
      Verdict v = FilterFuzzTest.FILTER.checkUrl(url, p);
      if (c.isOk()) {
        FilterFuzzTest.checkVerdict(url, p, v);
      } else {
        assertThat(v.action()).isEqualTo(Action.BLOCK);
        assertThat(v.errors()).containsExactly("malformed URL: " + c.message());
        assertThat(v.findings()).isEmpty();
      }
    }
  }
}
