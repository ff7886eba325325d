package vn.lanhmanh;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to one check: what to do, how the content is rated, and why.
 *
 * <p>Immutable and safe to share between threads. {@code toString()} is one line, fit for a log
 * (it does not include the checked text, only the findings' matches).
 *
 * @param action what the caller should do for this viewer
 * @param rating the content's tier: the highest tier among the findings, {@link Rating#P} when none
 * @param findings every finding, ordered by start offset
 * @param redacted the original text with every finding that caused a WARN or BLOCK (and every finding of a
 *     category the policy redacts) masked by {@code *}
 *     (one {@code *} per UTF-16 unit, spaces kept, so offsets stay valid); equal to the input when nothing
 *     is masked
 * @param safeUrl for a search-engine URL and a viewer under 18, the same URL with safe search forced
 * @param help where to get help, for self-harm, abuse, grooming and scams
 * @param errors problems met while checking (a URL that cannot be parsed, an internal failure); when
 *     there are any the action is never {@link Action#ALLOW}: the filter fails closed
 */
public record Verdict(
    Action action,
    Rating rating,
    List<Finding> findings,
    String redacted,
    Optional<String> safeUrl,
    Optional<Help> help,
    List<String> errors) {

  public Verdict {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(rating, "rating");
    findings = List.copyOf(findings);
    Objects.requireNonNull(redacted, "redacted");
    Objects.requireNonNull(safeUrl, "safeUrl");
    Objects.requireNonNull(help, "help");
    errors = List.copyOf(errors);
    if (!errors.isEmpty() && action == Action.ALLOW) {
      throw new IllegalArgumentException("a verdict with errors must not allow: " + errors);
    }
  }

  /** The distinct categories of the findings, in {@link Category} order. */
  public Set<Category> categories() {
    Set<Category> set = EnumSet.noneOf(Category.class);
    for (Finding f : findings) {
      set.add(f.category());
    }
    return set;
  }

  /** True when the action is {@link Action#ALLOW}. */
  public boolean allowed() {
    return action == Action.ALLOW;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Finding f : findings) {
      parts.add(f.toString());
    }
    return action + " " + rating + " " + parts
        + safeUrl.map(u -> " safeUrl=" + u).orElse("")
        + help.map(h -> " help=" + h.topic()).orElse("")
        + (errors.isEmpty() ? "" : " errors=" + errors);
  }
}
