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
 */
public record Raise(Concept concept, Set<Category> categories, Rating from, Rating tier, Set<Concept> unless,
    String note, String source) {

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
    if (from.compareTo(Rating.K) < 0 || from.compareTo(tier) >= 0) {
      throw new IllegalArgumentException("a raise lifts findings from K or above to a higher tier, not from "
          + from + " to " + tier);
    }
  }
}
