package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;
import vn.lanhmanh.text.VietnameseNormalizer;

/**
 * The tagger's tags 64 to 255 ({@link PositionTags#tags(int, int)}) are features like tags 0 to 63: tag {@code t}
 * at a position adds the tag feature of value {@code t} there and the neighbour feature of value {@code t}
 * at the positions beside it, hashed from the tag's number as for tags below 64 (template ids 25 and 26).
 */
class ConceptTagsAbove63Test {

  private static final int TAG = 25;
  private static final int TAG_NEAR = 26;
  private static final int MASK = (1 << 16) - 1;

  private static List<List<Integer>> features(String text, PositionTags tags) {
    Vocabulary vocab = new Vocabulary();
    Positions p = new Positions();
    VietnameseNormalizer.forText(vocab).normalize(text, p);
    Features.Buffer b = new Features.Buffer();
    Features.extract(text, p, vocab, List.of(), tags, MASK, b);
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < b.n; i++) {
      List<Integer> at = new ArrayList<>();
      for (int f = b.offs[i]; f < b.offs[i + 1]; f++) {
        at.add(b.feats[f]);
      }
      out.add(at);
    }
    return out;
  }

  /** Tag {@code tag} at position 1 only, through the word it belongs to. */
  private static PositionTags tagAt1(int tag) {
    return new PositionTags() {
      @Override
      public long tags(int position) {
        return tags(position, 0);
      }

      @Override
      public long tags(int position, int w) {
        return position == 1 && tag >>> 6 == w ? 1L << tag : 0;
      }
    };
  }

  @Test
  void tagsAbove63AddTheirOwnFeatures() {
    String text = "con mèo trắng";
    List<List<Integer>> none = features(text, PositionTags.NONE);
    assertThat(none).hasSize(3);
    for (int tag : new int[] {0, 63, 64, 127, 128, 150, 191, 192, 230, 255}) {
      List<List<Integer>> with = features(text, tagAt1(tag));
      int own = Features.index(TAG, tag, MASK);
      int near = Features.index(TAG_NEAR, tag, MASK);
      List<Integer> expected = new ArrayList<>(none.get(1));
      expected.add(own);
      assertThat(with.get(1)).as("tag %d", tag).containsExactlyInAnyOrderElementsOf(expected);
      for (int i : new int[] {0, 2}) {
        expected = new ArrayList<>(none.get(i));
        expected.add(near);
        assertThat(with.get(i)).as("tag %d beside", tag).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
    assertThat(Features.index(TAG, 64, MASK)).isNotEqualTo(Features.index(TAG, 0, MASK));
  }
}
