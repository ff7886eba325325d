package vn.lanhmanh.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An address does not run across a sentence end: a whole keyword ({@code phố}, {@code pho}, {@code tỉnh}) before a
 * full stop ends its sentence, and the next sentence's capitalised first word is no street (fifty-third round). An
 * abbreviation keeps its dot ({@code TP. Huế}), and a street named before the full stop stays an address.
 */
class SentenceEndAddressTest {

  private static final PiiDetector DETECTOR = PiiDetector.create();

  @Test
  void aKeywordBeforeAFullStopIsNoAddress() {
    assertThat(DETECTOR.detect("mat khau la meo con an pho. Con nho roi nha ba")).isEmpty();
    assertThat(DETECTOR.detect("tối nay cả nhà đi dạo phố. Chủ nhật thì về quê nội")).isEmpty();
    assertThat(DETECTOR.detect("bố bảo mai lên tỉnh. Tuần sau mới về")).isEmpty();
  }

  @Test
  void aStreetBeforeTheFullStopStays() {
    assertThat(DETECTOR.detect("nhà bà ở phố Hàng Bông. Con nhớ rồi"))
        .extracting(PiiMatch::type, PiiMatch::match).containsExactly(org.assertj.core.groups.Tuple.tuple(
            PiiType.ADDRESS, "phố Hàng Bông"));
  }
}
