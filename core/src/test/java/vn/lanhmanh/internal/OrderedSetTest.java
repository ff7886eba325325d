package vn.lanhmanh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link OrderedSet}: made from a collection or from an array handed over, the same set. */
class OrderedSetTest {

  @Test
  void aWrappedArrayIsTheSetACopyWouldBe() {
    String[] stages = {"age", "secrecy", "meeting"};
    OrderedSet<String> wrapped = OrderedSet.wrap(stages);
    OrderedSet<String> copied = OrderedSet.copyOf(List.of("age", "secrecy", "meeting"));
    assertThat(wrapped).containsExactly("age", "secrecy", "meeting").isEqualTo(copied);
    assertThat(wrapped.hashCode()).isEqualTo(copied.hashCode());
    assertThat(wrapped.toString()).isEqualTo(copied.toString()).isEqualTo("[age, secrecy, meeting]");
    assertThat(wrapped.toArray()).isExactlyInstanceOf(Object[].class).containsExactly("age", "secrecy", "meeting");
    assertThat(OrderedSet.copyOf(wrapped)).isSameAs(wrapped);
    assertThat(OrderedSet.wrap(new String[0])).isSameAs(OrderedSet.of()).isEqualTo(Set.of());
  }

  @Test
  void aWrappedArrayMustHoldDistinctElements() {
    assertThatThrownBy(() -> OrderedSet.wrap(new String[] {"age", "age"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OrderedSet.wrap(new String[] {"age", null}))
        .isInstanceOf(NullPointerException.class);
  }
}
