package vn.lanhmanh.pii;

import com.code_intelligence.jazzer.junit.FuzzTest;
import vn.lanhmanh.fuzz.FuzzInput;

/**
 * Coverage-guided fuzzing of the personal-information detectors, with the invariants of
 * {@link PiiPropertiesTest}. A plain {@code mvn test} runs it on its seeds in {@code PiiFuzzTestInputs/};
 * {@code scripts/fuzz.sh} fuzzes it.
 */
class PiiFuzzTest {

  /** No exception; every match inside the text, equal to its span, in order and without overlaps. */
  @FuzzTest(maxDuration = "60s")
  void anyText(byte[] data) {
    PiiPropertiesTest.check(FuzzInput.text(data));
  }
}
