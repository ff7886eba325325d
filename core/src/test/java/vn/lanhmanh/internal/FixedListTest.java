package vn.lanhmanh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FixedList}: an array handed over is the list a copy would be, and is not copied again. */
class FixedListTest {

  @Test
  void aWrappedArrayIsTheListACopyWouldBe() {
    String[] evidence = {"đừng nói", "gửi ảnh", "đừng nói"};
    List<String> wrapped = FixedList.wrap(evidence);
    List<String> copied = List.of("đừng nói", "gửi ảnh", "đừng nói");
    assertThat(wrapped).containsExactly("đừng nói", "gửi ảnh", "đừng nói").isEqualTo(copied);
    assertThat(copied).isEqualTo(wrapped);
    assertThat(wrapped.hashCode()).isEqualTo(copied.hashCode());
    assertThat(wrapped.toString()).isEqualTo(copied.toString());
    assertThat(wrapped.toArray()).isExactlyInstanceOf(Object[].class).containsExactly(evidence[0], evidence[1],
        evidence[2]);
    assertThat(FixedList.copyOf(wrapped)).isSameAs(wrapped);
    assertThat(FixedList.copyOf(copied)).isSameAs(copied);
    assertThat(FixedList.wrap(new String[0])).isSameAs(List.of());
  }

  @Test
  void itCannotBeChangedAndHoldsNoNull() {
    List<String> wrapped = FixedList.wrap(new String[] {"a", "b"});
    assertThatThrownBy(() -> wrapped.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> wrapped.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> wrapped.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> wrapped.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> FixedList.wrap(new String[] {"a", null})).isInstanceOf(NullPointerException.class);
    List<String> mutable = new ArrayList<>(List.of("a"));
    List<String> copy = FixedList.copyOf(mutable);
    mutable.add("b");
    assertThat(copy).containsExactly("a");
  }
}
