package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule ids kept as bytes give back the strings they were made of, nulls and letters beyond ASCII included. */
class RuleIdsTest {

  @Test
  void eachIdComesBackAsItWasGiven() {
    String[] ids = {null, "sexual/dit_me", null, null, "stage/age/em_may_tuoi", "", "policy/đồ_gà", null};
    RuleIds r = RuleIds.of(ids);
    assertThat(r.size()).isEqualTo(ids.length);
    for (int e = 0; e < ids.length; e++) {
      assertThat(r.get(e)).as("entry %d", e).isEqualTo(ids[e]);
    }
  }

  @Test
  void prefixesAreReadWithoutAString() {
    RuleIds r = RuleIds.of(new String[] {"stage/age/x", null, "concept/TOLD_ADULT/bo_oi", "st", "đstage/"});
    assertThat(r.startsWith(0, "stage/")).isTrue();
    assertThat(r.startsWith(0, "concept/")).isFalse();
    assertThat(r.startsWith(1, "")).isFalse();
    assertThat(r.startsWith(2, "concept/TOLD_ADULT/")).isTrue();
    assertThat(r.startsWith(3, "stage/")).isFalse();
    assertThat(r.startsWith(4, "stage/")).isFalse();
  }

  @Test
  void noEntriesAndOnlyNulls() {
    assertThat(RuleIds.of(new String[0]).size()).isZero();
    RuleIds r = RuleIds.of(new String[] {null, null});
    assertThat(r.get(0)).isNull();
    assertThat(r.get(1)).isNull();
  }

  @Test
  void anIdThatUtf8CannotCarryIsKeptAsItIs() {
    String lone = "policy/x\uD800y";
    RuleIds r = RuleIds.of(new String[] {"a/b", lone, null, "c/d"});
    assertThat(r.get(0)).isEqualTo("a/b");
    assertThat(r.get(1)).isEqualTo(lone);
    assertThat(r.get(2)).isNull();
    assertThat(r.get(3)).isEqualTo("c/d");
    assertThat(r.startsWith(1, "policy/")).isTrue();
    assertThat(r.startsWith(2, "policy/")).isFalse();
  }
}
