package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lanhmanh.url.UrlCanonicalizer;

/**
 * A 10 MB text and a 100,000-char URL (the documented maximum) are checked without error and with valid
 * findings; one char more gives the defined BLOCK with an error. Not a timing test: the time is printed,
 * and {@code LargeInputBenchmark} in benchmarks/ measures 1 MB against 10 MB.
 */
class LargeInputTest {

  /** One repeated unit: profanity, an innocent look-alike, a phone number, and plain text. */
  static final String UNIT = "đm thằng ngu. Các bạn ơi đi học thôi, số của mình 0912 345 678 nhé! ";

  private static final ContentFilter filter = DefaultFilter.shared();

  static String text(int chars) {
    StringBuilder b = new StringBuilder(chars + UNIT.length());
    while (b.length() < chars) {
      b.append(UNIT);
    }
    b.setLength(chars);
    return b.toString();
  }

  /** Findings listed plus those the cap left out ({@code findings capped: N more}). */
  static int total(Verdict v) {
    int more = 0;
    for (String note : v.notes()) {
      if (note.startsWith("findings capped: ")) {
        more = Integer.parseInt(note.replaceAll("\\D+", ""));
      }
    }
    return v.findings().size() + more;
  }

  private static void assertValid(String input, Verdict v) {
    assertThat(v.errors()).isEmpty();
    assertThat(v.redacted()).hasSameSizeAs(input);
    int previous = 0;
    for (Finding f : v.findings()) {
      assertThat(f.start()).isGreaterThanOrEqualTo(previous).isLessThan(f.end());
      assertThat(f.end()).isLessThanOrEqualTo(input.length());
      assertThat(input.substring(f.start(), f.end())).isEqualTo(f.match());
      previous = f.start();
    }
  }

  @Test
  void aTenMegabyteTextIsCheckedWhole() {
    String unitOnly = UNIT.repeat(3);
    // Written by the child (outgoing), so the personal-information detectors run over the whole text too.
    Policy written = Policy.forAge(10).outgoing();
    int perUnit = total(filter.checkText(unitOnly, written)) / 3;
    assertThat(perUnit).isGreaterThanOrEqualTo(3);   // profanity, harassment, phone

    String text = text(10 * 1024 * 1024);
    long t0 = System.nanoTime();
    Verdict v = filter.checkText(text, written);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("LargeInputTest: %,d chars checked in %d ms, %,d findings%n", text.length(), ms,
        v.findings().size());
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertValid(text, v);
    int units = text.length() / UNIT.length();
    // Every whole unit is found, from the first to the last: the verdict lists the first
    // Verdict.MAX_FINDINGS and counts the rest, and the redaction masks them all.
    assertThat(v.findings()).hasSize(Verdict.MAX_FINDINGS);
    assertThat(total(v)).isBetween(units * perUnit, (units + 1) * perUnit);
    int lastUnit = (units - 1) * UNIT.length();
    assertThat(v.redacted().substring(lastUnit, lastUnit + 2)).isEqualTo("**");
    assertThat(v.categories()).contains(Category.PROFANITY, Category.PII);

    // The scratch buffers were released: a small check afterwards still works.
    assertThat(filter.checkText("các bạn", Policy.forAge(10)).action()).isEqualTo(Action.ALLOW);
  }

  @Test
  void aUrlOfTheMaximumLengthIsCheckedAndOneCharMoreIsRefused() {
    String prefix = "https://www.google.com/search?q=";
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < UrlCanonicalizer.MAX_INPUT_LENGTH) {
      b.append("phim+sex+hay+");
    }
    b.setLength(UrlCanonicalizer.MAX_INPUT_LENGTH);
    String url = b.toString();
    long t0 = System.nanoTime();
    Verdict v = filter.checkUrl(url, Policy.forAge(10));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("LargeInputTest: URL of %,d chars checked in %d ms, %,d findings%n", url.length(), ms,
        v.findings().size());
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertValid(url, v);
    assertThat(v.categories()).contains(Category.SEXUAL);
    assertThat(total(v)).isGreaterThan(1000);

    String plain = "https://example.vn/" + "a".repeat(UrlCanonicalizer.MAX_INPUT_LENGTH - 19);
    assertThat(plain).hasSize(UrlCanonicalizer.MAX_INPUT_LENGTH);
    assertThat(filter.checkUrl(plain, Policy.forAge(10)).errors()).isEmpty();

    Verdict over = filter.checkUrl(plain + "a", Policy.forAge(10));
    assertThat(over.action()).isEqualTo(Action.BLOCK);
    assertThat(over.errors()).singleElement().asString().startsWith("malformed URL");
  }
}
