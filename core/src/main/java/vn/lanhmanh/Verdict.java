package vn.lanhmanh;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.lanhmanh.internal.FindingList;
import vn.lanhmanh.internal.FixedList;

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
 * @param scores a score in [0, 1] per category: for harassment and profanity the offensive-span tagger's
 *     calibrated probability that the text holds offensive language, for the others a fixed value from the
 *     findings' severity and tier (see {@code docs/MODEL.md}); a text check scores every category, a
 *     verdict built without scores has an empty map
 * @param notes what the caller should know about the check that is not a finding: {@code language not
 *     covered: …} when the text is mostly in a language the lexicon does not cover (only Vietnamese, and
 *     common English swearing and threats, are), so an ALLOW means "nothing found", not "checked and
 *     fine"; {@code findings capped: N more} when there were more than {@value #MAX_FINDINGS} findings
 *     (the action, rating and redaction still count every finding)
 */
public record Verdict(
    Action action,
    Rating rating,
    List<Finding> findings,
    String redacted,
    Optional<String> safeUrl,
    Optional<Help> help,
    List<String> errors,
    Map<Category, Double> scores,
    List<String> notes) {

  /** The most findings a verdict lists; the rest are counted in {@link #notes()}. */
  public static final int MAX_FINDINGS = 100;

  /** A verdict without scores and notes (the signature before scores existed). */
  public Verdict(Action action, Rating rating, List<Finding> findings, String redacted, Optional<String> safeUrl,
      Optional<Help> help, List<String> errors) {
    this(action, rating, findings, redacted, safeUrl, help, errors, Map.of(), List.of());
  }

  /** A verdict without notes (the signature before notes existed). */
  public Verdict(Action action, Rating rating, List<Finding> findings, String redacted, Optional<String> safeUrl,
      Optional<Help> help, List<String> errors, Map<Category, Double> scores) {
    this(action, rating, findings, redacted, safeUrl, help, errors, scores, List.of());
  }

  public Verdict {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(rating, "rating");
    // a raised conversation verdict's array is wrapped once; a text dense with findings keeps them as columns
    findings = findings instanceof FindingList compact ? compact.frozen() : FixedList.copyOf(findings);
    Objects.requireNonNull(redacted, "redacted");
    Objects.requireNonNull(safeUrl, "safeUrl");
    Objects.requireNonNull(help, "help");
    errors = List.copyOf(errors);
    notes = List.copyOf(notes);
    if (!(scores instanceof ScoreMap)) {
      // a text check's own map is immutable and checked where it is made; any other is copied and checked
      scores = Map.copyOf(scores);
      for (Map.Entry<Category, Double> e : scores.entrySet()) {
        double v = e.getValue();
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("score of " + e.getKey() + " must be in [0, 1], was " + v);
        }
      }
    }
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

  /** This verdict with one more note. */
  Verdict withNote(String note) {
    List<String> all = new ArrayList<>(notes);
    all.add(note);
    return new Verdict(action, rating, findings, redacted, safeUrl, help, errors, scores, all);
  }

  /** The score of {@code category}, 0 when the verdict has none. */
  public double score(Category category) {
    // a text check's own map is read without boxing (a conversation reads two scores of every message)
    return category != null && scores instanceof ScoreMap m ? m.score(category) : scores.getOrDefault(category, 0.0);
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
        + (errors.isEmpty() ? "" : " errors=" + errors)
        + (notes.isEmpty() ? "" : " notes=" + notes);
  }
}
