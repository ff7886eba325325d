package vn.lanhmanh.concept;

import java.util.Objects;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;

/**
 * An offer's effect, the opposite of a {@link Register}'s: in a sentence (with the next sentence of the same
 * message) where the concept is present and none of the {@code unless} concepts, bare rule findings of these
 * categories rated at least {@code from} and below {@code tier} are raised to {@code tier}. Pornography or a
 * bet offered for money ("ib để mua", "chuyển khoản 199k", "nạp 100k tặng 200%") is a trade that Vietnamese
 * law forbids to everyone, not adult content ({@code from} T13); an insult in a sentence that leaves its
 * target out of the group or posts to it is bullying, not a rude word ({@code from} K). Under {@code from},
 * never under {@link Rating#K}, a finding stays as it is (a register or a figure of speech lowered it, and
 * an offer does not undo that).
 *
 * @param concept the concept of an offer (a contact to buy, a transfer, a fee, a bonus)
 * @param categories the categories it raises
 * @param from the lowest tier of a finding it raises ({@link Rating#K} or above)
 * @param tier the tier such a finding is raised to
 * @param unless concepts any of which in the sentence keeps the findings as they are (a report, a warning)
 * @param note a gloss for reviewers
 * @param source {@code file:line}
 * @param as the category the raised finding is reported as, or null for its own: a sexual word beside a child
 *     ({@code MINOR}) is sexual content involving a minor, reported as a composed {@code sexual_minors} finding
 *     over the word (rule {@code compose/<as>.<concept>_<category>}) next to the word's own finding; only a
 *     finding of medium or high severity is reported so (an anatomy word beside a child is most often a lesson)
 */
public record Raise(Concept concept, Set<Category> categories, Rating from, Rating tier, Set<Concept> unless,
    String note, String source, Category as) {

  public Raise {
    Objects.requireNonNull(concept, "concept");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(tier, "tier");
    categories = Set.copyOf(categories);
    unless = Set.copyOf(unless);
    if (concept.isRegister()) {
      throw new IllegalArgumentException(concept + " is a register concept: a register lowers, it does not raise");
    }
    if (tier.compareTo(Rating.K) <= 0) {
      throw new IllegalArgumentException("a raise goes above K, not to " + tier);
    }
    if (as != null && categories.contains(as)) {
      throw new IllegalArgumentException("a raise reports " + as.jsonName() + " as itself: leave the column empty");
    }
    if (from.compareTo(Rating.K) < 0 || from.compareTo(tier) >= 0) {
      throw new IllegalArgumentException("a raise lifts findings from K or above to a higher tier, not from "
          + from + " to " + tier);
    }
  }

  /** A raise that keeps the findings' own category. */
  public Raise(Concept concept, Set<Category> categories, Rating from, Rating tier, Set<Concept> unless,
      String note, String source) {
    this(concept, categories, from, tier, unless, note, source, null);
  }

  /** The rule id of the findings this raise reports as another category ({@link #as}), or null. */
  public String asRule(Category category) {
    return as == null ? null
        : "compose/" + as.jsonName() + "." + concept.id().toLowerCase(java.util.Locale.ROOT) + "_" + category.jsonName();
  }
}
