package vn.lanhmanh.model;

/**
 * Extra tags per syllable position that the tagger turns into features: the hook through which the
 * concept stage (concept and composition tags from the lexicon) will reach the model. A set bit {@code b} of
 * {@link #tags(int)} adds one feature for tag {@code b} at that position and one for its neighbours; a set
 * bit {@code b} of {@link #tagsHigh(int)} does the same for tag {@code 64 + b} (tags 0 to 127, as the
 * concepts of a {@link vn.lanhmanh.concept.ConceptSet}).
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

  /** The bits of tags 64 to 127 of this syllable position, bit {@code b} for tag {@code 64 + b} (0 for none). */
  default long tagsHigh(int position) {
    return 0L;
  }
}
