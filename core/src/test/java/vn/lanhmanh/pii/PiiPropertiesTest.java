package vn.lanhmanh.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Invariants that hold for any input: no exception, offsets inside the text, match equals the span. */
class PiiPropertiesTest {

  private static final PiiDetector DETECTOR = PiiDetector.create();

  private static final String[] PIECES = {
    "0912", "345", "678", "+84", "84", " ", " ", ".", "-", "/", "@", ":", ",", "\n", "sđt", "zalo", "stk",
    "vcb", "cmnd", "số", "ngõ", "phố", "Huế", "phường", "quận", "Lê Lợi", "trường", "THCS", "tiểu học",
    "Kim Đồng", "lớp", "5A", "7a3", "không", "chín", "một", "ba", "lẻ", "tiktok", "@be_na", "fb.com/",
    "t.me/", "maps.app.goo.gl/", "gmail.com", "21.0285", "105.8542", "\u0301", "\u0323", "\u200B", "\uD83D\uDE00",
    "\uD83D", "\uDE00", "０９", "Ｑ", "ı", "İ", "é", "e\u0302\u0301", "150.000đ", "2024", "x", "=", "?"
  };

  @Provide
  Arbitrary<String> chatLike() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void chatLikeInputKeepsOffsetsInside(@ForAll("chatLike") String text) {
    check(text);
  }

  @Property(tries = 1000)
  void anyStringKeepsOffsetsInside(@ForAll String text) {
    check(text);
  }

  @Property(tries = 300)
  void anyUnicodeKeepsOffsetsInside(@ForAll("unicode") String text) {
    check(text);
  }

  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.strings().all().ofMaxLength(200);
  }

  @Test
  void nullAndEmptyGiveNothing() {
    assertThat(DETECTOR.detect(null)).isEmpty();
    assertThat(DETECTOR.detect("")).isEmpty();
  }

  @Test
  void hugeInputIsReadInWindowsAndKeepsMatchesAcrossBorders() {
    StringBuilder sb = new StringBuilder();
    int phones = 0;
    while (sb.length() < 3 * PiiDetector.WINDOW + 1000) {
      sb.append("chào bạn hôm nay trời đẹp quá ");
      if (sb.length() % 7 == 0) {
        sb.append("sđt 0912 345 678 ");
        phones++;
      }
    }
    String text = sb.toString();
    List<PiiMatch> found = DETECTOR.detect(text);
    check(text);
    assertThat(found).filteredOn(m -> m.type() == PiiType.PHONE).hasSize(phones);
  }

  @Test
  void pathologicalInputsStayFast() {
    String[] seeds = {"a@", "0", "0 ", "số 1 ", "@@", "1.1", "lớp ", "zalo ", "http://fb.com/", "ngõ 1 phố A "};
    for (String seed : seeds) {
      String text = seed.repeat(200_000 / seed.length());
      long t0 = System.nanoTime();
      check(text);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(ms).as("seed %s", seed).isLessThan(5_000);
    }
  }

  /** Offsets inside the text, match equals the span, no overlaps. Shared with {@link PiiFuzzTest}. */
  static void check(String text) {
    List<PiiMatch> found = DETECTOR.detect(text);
    int prevEnd = 0;
    for (PiiMatch m : found) {
      assertThat(m.start()).isBetween(0, text.length());
      assertThat(m.end()).isBetween(m.start(), text.length());
      assertThat(text.substring(m.start(), m.end())).isEqualTo(m.match());
      assertThat(m.start()).isGreaterThanOrEqualTo(prevEnd);
      prevEnd = m.end();
    }
  }
}
