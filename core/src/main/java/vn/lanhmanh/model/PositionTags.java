package vn.lanhmanh.model;

/**
 * Extra tags per syllable position that the tagger turns into features: the hook through which the
 * concept stage (concept and composition tags from the lexicon) will reach the model. A set bit {@code b} of
 * {@link #tags(int)} adds one feature for tag {@code b} at that position and one for its neighbours.
 *
 * <p>A model trained with tags must be given the same tags when it runs; {@link #NONE} is what the shipped
 * model was trained with.
 */
@FunctionalInterface
public interface PositionTags {

  /** No tags anywhere. */
  PositionTags NONE = position -> 0L;

  /** The tag bits of this syllable position (0 for none). */
  long tags(int position);
}
