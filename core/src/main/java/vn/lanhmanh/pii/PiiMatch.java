package vn.lanhmanh.pii;

import java.util.Objects;

/**
 * One piece of private information found in a text: its type and its {@code [start, end)} UTF-16
 * offsets into the caller's original string, with {@code match} equal to
 * {@code text.substring(start, end)}.
 *
 * <p>Records are immutable and safe to share between threads.
 *
 * @param type what was found
 * @param start first char, inclusive
 * @param end last char, exclusive
 * @param match the original text of the span
 */
public record PiiMatch(PiiType type, int start, int end, String match) {

  /** Checks the span; {@code match} must be as long as the span. */
  public PiiMatch {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(match, "match");
    if (start < 0 || end < start || match.length() != end - start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for " + match.length() + " chars");
    }
  }

  @Override
  public String toString() {
    return type.jsonName() + "[" + start + "," + end + ")=" + match;
  }
}
