package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.text.NormalizerPropertiesTest.NORMALIZER;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.text.Normalizer;
import java.util.Locale;
import vn.lanhmanh.fuzz.FuzzInput;

/**
 * Coverage-guided fuzzing of the normaliser, with the invariants of {@link NormalizerPropertiesTest}. A plain
 * {@code mvn test} runs each target on its seeds in {@code NormalizerFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes them.
 */
class NormalizerFuzzTest {

  /** Any text: offsets point into it, and normalising the result again gives it back. */
  @FuzzTest(maxDuration = "60s")
  void anyText(byte[] data) {
    String text = FuzzInput.text(data);
    NormalizerPropertiesTest.checkOffsets(text);
    String once = NORMALIZER.normalizeToString(text);
    assertThat(NORMALIZER.normalizeToString(once)).as("normalised twice").isEqualTo(once);
  }

  /**
   * Text over the Vietnamese alphabet of {@link NormalizerPropertiesTest} (one byte, one char): besides the
   * above, NFC and NFD input and upper and lower case normalise alike.
   */
  @FuzzTest(maxDuration = "60s")
  void vietnameseText(byte[] data) {
    char[] chars = new char[data.length];
    for (int i = 0; i < data.length; i++) {
      chars[i] = NormalizerPropertiesTest.ALPHABET[(data[i] & 0xFF) % NormalizerPropertiesTest.ALPHABET.length];
    }
    String text = new String(chars);
    NormalizerPropertiesTest.checkOffsets(text);
    String once = NORMALIZER.normalizeToString(text);
    assertThat(NORMALIZER.normalizeToString(once)).as("normalised twice").isEqualTo(once);
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
    assertThat(NORMALIZER.normalizeToString(nfd)).as("NFD").isEqualTo(NORMALIZER.normalizeToString(nfc));
    assertThat(NORMALIZER.normalizeToString(text.toUpperCase(Locale.ROOT)))
        .as("case").isEqualTo(NORMALIZER.normalizeToString(text.toLowerCase(Locale.ROOT)));
  }
}
