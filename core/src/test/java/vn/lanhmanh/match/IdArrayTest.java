package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Ids read back as they were set, in either form, with -1 for an id the vocabulary lacks. */
class IdArrayTest {

  @Property(tries = 300)
  void readsBackWhatWasSet(@ForAll int[] raw, @ForAll @IntRange(min = 0, max = 2) int range) {
    int bound = range == 0 ? 100 : range == 1 ? 0xFFFF : 1 << 24;
    int[] ids = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      ids[i] = Math.floorMod(raw[i], bound + 1) - 1;   // -1 .. bound - 1
    }
    IdArray a = IdArray.of(ids);
    assertThat(a.size()).isEqualTo(ids.length);
    for (int i = 0; i < ids.length; i++) {
      assertThat(a.get(i)).isEqualTo(ids[i]);
    }
  }

  @Test
  void theLargestNarrowIdAndTheSmallestWideOne() {
    assertThat(IdArray.of(new int[] {0xFFFE, -1, 0}).get(0)).isEqualTo(0xFFFE);
    assertThat(IdArray.of(new int[] {0xFFFF, -1, 0}).get(0)).isEqualTo(0xFFFF);
    assertThat(IdArray.of(new int[] {0xFFFF, -1, 0}).get(1)).isEqualTo(-1);
    assertThat(IdArray.of(new int[] {7, -1})).isEqualTo(IdArray.of(new int[] {7, -1}))
        .isNotEqualTo(IdArray.of(new int[] {7, 0}));
  }

  @Test
  void refusesWhatItCannotHold() {
    IdArray narrow = new IdArray(2, 0xFFFF);
    assertThatThrownBy(() -> narrow.set(0, 0xFFFF)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the bound");
    assertThatThrownBy(() -> narrow.set(0, -2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an id");
  }
}
