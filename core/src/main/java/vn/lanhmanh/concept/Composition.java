package vn.lanhmanh.concept;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;

/**
 * A composition rule: when all its concepts meet within its scope, and none of its {@code unless}
 * concepts is in the sentence (for {@link #MESSAGE}: in those sentences), it makes a finding whose rule id is {@code compose/<id>} and whose span
 * runs from the first to the last concept hit that made it.
 *
 * @param id the rule's name, {@code <category>.<what>}, e.g. {@code sexual_minors.act_minor}
 * @param category the finding's category
 * @param rating the finding's tier
 * @param severity the finding's severity
 * @param scope {@link #CLAUSE}, {@link #SENTENCE}, {@link #TWO_SENTENCES}, {@link #MESSAGE}, or a positive
 *     number of syllables from the first hit's first syllable to the last hit's last syllable (always
 *     within one sentence)
 * @param ordered whether the concepts must appear in the order listed
 * @param concepts the concepts that must all be present (one hit may carry several)
 * @param unless concepts (usually registers) whose presence in the sentence cancels the rule
 * @param note a gloss for reviewers
 * @param source {@code file:line}
 */
public record Composition(String id, Category category, Rating rating, Severity severity, int scope,
    boolean ordered, List<Concept> concepts, Set<Concept> unless, String note, String source) {

  /** Scope: the concepts must all lie in one clause (commas, semicolons and colons end a clause). */
  public static final int CLAUSE = -1;
  /** Scope: the concepts must all lie in one sentence. */
  public static final int SENTENCE = 0;
  /**
   * Scope: the concepts must all lie in one sentence or in two adjacent ones (a question asked in two
   * short sentences: {@code Bố mẹ em mấy giờ về? Lúc đó em ở nhà một mình à?}).
   */
  public static final int TWO_SENTENCES = -2;
  /**
   * Scope: the concepts must all lie in {@link #MESSAGE_SENTENCES} consecutive sentences, the length of a
   * short message (a scam that names the prize in one sentence and asks the fee in the next).
   */
  public static final int MESSAGE = -3;
  /** How many consecutive sentences a {@link #MESSAGE} scope spans. */
  public static final int MESSAGE_SENTENCES = 3;

  public Composition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(severity, "severity");
    concepts = List.copyOf(concepts);
    unless = Set.copyOf(unless);
    if (concepts.isEmpty()) {
      throw new IllegalArgumentException("a composition needs at least one concept");
    }
    if (scope < MESSAGE) {
      throw new IllegalArgumentException("bad scope " + scope);
    }
  }

  /** The rule id of its findings. */
  public String ruleId() {
    return "compose/" + id;
  }
}
