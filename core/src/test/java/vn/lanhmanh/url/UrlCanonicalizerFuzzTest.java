package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import vn.lanhmanh.fuzz.FuzzInput;
import vn.lanhmanh.url.CanonicalizationResult.Problem;

/**
 * Coverage-guided fuzzing of the URL canonicaliser, with the invariants of
 * {@link UrlCanonicalizerPropertiesTest}. A plain {@code mvn test} runs it on its seeds in
 * {@code UrlCanonicalizerFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes it.
 */
class UrlCanonicalizerFuzzTest {

  /** Never throws nor fails internally; a canonical URL canonicalises to itself. */
  @FuzzTest(maxDuration = "60s")
  void anyUrl(byte[] data) {
    String input = FuzzInput.text(data);
    CanonicalizationResult first = UrlCanonicalizer.canonicalize(input);
    assertThat(first).isNotNull();
    assertThat(first.problem()).as("%s", first).isNotEqualTo(Problem.INTERNAL_ERROR);
    if (!first.isOk()) {
      assertThat(first.message()).isNotBlank();
      return;
    }
    String canonical = first.url().toString();
    CanonicalizationResult second = UrlCanonicalizer.canonicalize(canonical);
    assertThat(second.isOk()).as("%s -> %s -> %s", input, canonical, second).isTrue();
    assertThat(second.url()).as("%s -> %s", input, canonical).isEqualTo(first.url());
    assertThat(second.url().lookupExpressions()).hasSizeLessThanOrEqualTo(LookupExpressions.MAX_EXPRESSIONS);
  }
}
