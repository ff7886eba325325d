package vn.lanhmanh;

import java.util.Objects;

/**
 * One thing found in a text or URL.
 *
 * <p>{@code start} and {@code end} are UTF-16 indices into the caller's original string (as
 * {@link String#substring(int, int)} takes them, and as JavaScript counts), whatever normalisation was
 * needed to find the match: {@code original.substring(start, end).equals(match)}.
 *
 * @param category what it is about
 * @param severity how strong it is within its category
 * @param rating the tier of this finding after context (awareness phrases may lower it)
 * @param rule the id of the rule that matched, e.g. {@code profanity/dit_me}
 * @param start first UTF-16 index of the match in the original string
 * @param end one past the last UTF-16 index of the match
 * @param match the original text of the match
 */
public record Finding(
    Category category, Severity severity, Rating rating, String rule, int start, int end, String match) {

  public Finding {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(match, "match");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  @Override
  public String toString() {
    return category.jsonName() + "/" + rating + "[" + start + "," + end + ")'" + match + "' " + rule;
  }
}
