package vn.lanhmanh.model;

/**
 * Extra tags per syllable position that the tagger turns into features: the hook through which the
 * concept stage (concept and composition tags from the lexicon) will reach the model. A set bit {@code b} of
 * {@link #tags(int)} adds one feature for tag {@code b} at that position and one for its neighbours; a set
 * bit {@code b} of {@link #tags(int, int) tags(position, w)} does the same for tag {@code 64 * w + b} (tags 0
 * to 255, as the words of a {@link vn.lanhmanh.concept.ConceptSet}).
 *
 * <p>A model trained with tags must be given the same tags when it runs; {@link #NONE} is what the shipped
 * model was trained with.
 */
@FunctionalInterface
public interface PositionTags {

  /** No tags anywhere. */
  PositionTags NONE = position -> 0L;

  /** The bits of tags 0 to 63 of this syllable position (0 for none). */
  long tags(int position);

  /**
   * Word {@code w} of the tags of this syllable position, bit {@code b} for tag {@code 64 * w + b} (0 for
   * none); word 0 is {@link #tags(int)}.
   */
  default long tags(int position, int w) {
    return w == 0 ? tags(position) : 0L;
  }
}
