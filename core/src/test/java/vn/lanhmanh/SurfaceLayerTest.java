package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Offsets of what the surface layer finds (masked swears, phrases stopped at sentence ends), as written
 * and decomposed (NFD): each finding's span is the masked or disguised text in the caller's string.
 */
class SurfaceLayerTest {

  private static final ContentFilter filter = DefaultFilter.shared();

  /** The text, the rule expected, and the exact text its finding must span. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "đ*t mẹ mày                 | profanity/dit_me_may | đ*t mẹ mày",
      "thằng l*n kia              | profanity/lon        | l*n",
      "nói c*c gì thế             | profanity/cac_gi     | c*c gì",
      "c*c thật                   | profanity/cac        | c*c",
      "Đ#T\u200b M* tụi nó        | profanity/dit_me     | Đ#T\u200b M*",
      "ôi l**n thật               | profanity/lon        | l**n",
      "thua rồi, địt mẹ. Mai chơi | profanity/dit_me     | địt mẹ",
      "địt.mẹ.mày thằng kia       | profanity/dit_me_may | địt.mẹ.mày",
  })
  void findingSpansTheWrittenText(String text, String rule, String span) {
    for (String t : List.of(text, Normalizer.normalize(text, Normalizer.Form.NFD))) {
      String want = Normalizer.normalize(span, t.equals(text) ? Normalizer.Form.NFC : Normalizer.Form.NFD);
      Verdict v = filter.checkText(t, Policy.forAge(10));
      assertThat(v.findings()).as("%s → %s", t, v)
          .anyMatch(f -> f.rule().equals(rule) && f.match().equals(want)
              && t.substring(f.start(), f.end()).equals(want) && f.start() == t.indexOf(want));
    }
  }

  /** Nothing is found: a phrase across a sentence end, masks that fit no swear, formulas, markdown. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Con chó bị chết. Mẹ buồn lắm",
      "Con chó bị chết\nMẹ buồn lắm",
      "Con chó bị chết!Mẹ buồn lắm",
      "Con chó bị chết… Mẹ buồn lắm",
      "điểm *** và **đậm** và a*b",
      "ion Cl− và NaCl, 2 Cl2 + H2O",
      "bút m*u xanh, s*ch vở",
  })
  void nothingFound(String text) {
    for (String t : List.of(text, Normalizer.normalize(text, Normalizer.Form.NFD))) {
      Verdict v = filter.checkText(t, Policy.forAge(10));
      assertThat(v.findings()).as("%s → %s", t, v).isEmpty();
    }
  }
}
