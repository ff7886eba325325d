package vn.lanhmanh.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The concept set of four words holds bits 0 to 255: each operation at the edges of the words (0, 63, 64,
 * 127, 128, 191, 192, 255), and every operation against {@link BitSet} on random sets. (The enum {@link Concept} has
 * fewer constants, so the concepts beyond it are exercised here through their bits, not through constants.)
 */
class ConceptSetTest {

  private static final int[] EDGES = {0, 63, 64, 127, 128, 191, 192, 255};

  @Example
  void bitsAtTheEdgesOfTheWords() {
    for (int b : EDGES) {
      ConceptSet s = ConceptSet.ofBit(b);
      assertThat(s.contains(b)).as("bit %d", b).isTrue();
      assertThat(s.size()).isEqualTo(1);
      assertThat(s.first()).isEqualTo(b);
      assertThat(s.next(b)).isEqualTo(b);
      assertThat(s.next(b + 1)).isEqualTo(-1);
      assertThat(s.isEmpty()).isFalse();
      for (int w = 0; w < ConceptSet.WORDS; w++) {
        assertThat(s.word(w)).as("word %d of {%d}", w, b).isEqualTo(w == b >>> 6 ? 1L << (b & 63) : 0);
      }
      for (int other : EDGES) {
        assertThat(s.contains(other)).as("bit %d in {%d}", other, b).isEqualTo(other == b);
        assertThat(s.intersects(ConceptSet.ofBit(other))).isEqualTo(other == b);
      }
    }
    ConceptSet all = ConceptSet.EMPTY.with(0).with(63).with(64).with(127);
    assertThat(all.w0()).isEqualTo(1L | 1L << 63);
    assertThat(all.w1()).isEqualTo(1L | 1L << 63);
    assertThat(all.w2()).isZero();
    assertThat(all.w3()).isZero();
    assertThat(all.size()).isEqualTo(4);
    assertThat(all.toString()).isEqualTo("[0, 63, 64, 127]");
    assertThat(all.next(1)).isEqualTo(63);
    assertThat(all.next(64)).isEqualTo(64);
    assertThat(all.next(65)).isEqualTo(127);
    assertThat(all.containsAll(ConceptSet.ofBit(127).with(0))).isTrue();
    assertThat(ConceptSet.ofBit(127).with(0).containsAll(all)).isFalse();
    assertThat(ConceptSet.ofBit(64).isSubsetOf(all.w0(), all.w1(), all.w2(), all.w3())).isTrue();
    assertThat(ConceptSet.ofBit(64).isSubsetOf(all.w0(), 0, -1L, -1L)).isFalse();
    assertThat(ConceptSet.ofBit(127).meets(0, 1L << 63, 0, 0)).isTrue();
    assertThat(ConceptSet.ofBit(127).meets(-1L, 0, -1L, -1L)).isFalse();
    assertThat(all.andNot(ConceptSet.ofBit(64).with(0))).isEqualTo(ConceptSet.EMPTY.with(63).with(127));
    assertThat(all.and(ConceptSet.ofBit(127))).isEqualTo(ConceptSet.ofBit(127));
    assertThat(ConceptSet.ofBit(63).or(ConceptSet.ofBit(64))).isEqualTo(new ConceptSet(1L << 63, 1L, 0, 0));
  }

  /** A concept of ordinal 128 or more (here bit 150) is a set bit of the third word like any other. */
  @Example
  void aConceptAbove127() {
    ConceptSet high = ConceptSet.ofBit(150);
    assertThat(high).isEqualTo(new ConceptSet(0, 0, 1L << (150 - 128), 0));
    assertThat(ConceptSet.ofBits(3, 150)).isEqualTo(ConceptSet.ofBit(3).with(150));
    ConceptSet both = high.or(ConceptSet.of(Concept.MINOR));
    assertThat(both.contains(150)).isTrue();
    assertThat(both.contains(Concept.MINOR)).isTrue();
    assertThat(both.contains(150 - 64)).isFalse();
    assertThat(both.contains(150 - 128)).isFalse();
    assertThat(both.size()).isEqualTo(2);
    assertThat(both.and(high)).isEqualTo(high);
    assertThat(both.andNot(high)).isEqualTo(ConceptSet.of(Concept.MINOR));
    assertThat(both.and(ConceptSet.ofBit(149))).isEqualTo(ConceptSet.EMPTY);
    assertThat(both.meets(0, 0, 1L << 22, 0)).isTrue();
    assertThat(both.meets(0, 1L << 22, 0, 1L << 22)).isFalse();
    assertThat(high.meets(-1L, -1L, 0, -1L)).isFalse();
    assertThat(high.isSubsetOf(0, 0, 1L << 22, 0)).isTrue();
    assertThat(both.isSubsetOf(0, 0, -1L, -1L)).isFalse();
    assertThat(both.intersects(ConceptSet.ofBit(150))).isTrue();
    assertThat(both.next(Concept.MINOR.ordinal() + 1)).isEqualTo(150);
    assertThat(both.toString()).isEqualTo("[" + Concept.MINOR.ordinal() + ", 150]");
  }

  /** A concept of ordinal 192 or more (here bit 230) is a set bit of the fourth word like any other. */
  @Example
  void aConceptAbove191() {
    ConceptSet top = ConceptSet.ofBit(230);
    assertThat(top).isEqualTo(new ConceptSet(0, 0, 0, 1L << (230 - 192)));
    ConceptSet both = top.or(ConceptSet.ofBit(150));
    assertThat(both.contains(230 - 64)).isFalse();
    assertThat(both.meets(0, 0, 0, 1L << 38)).isTrue();
    assertThat(both.meets(-1L, -1L, 0, 0)).isFalse();
    assertThat(both.isSubsetOf(0, 0, 1L << 22, 1L << 38)).isTrue();
    assertThat(both.isSubsetOf(-1L, -1L, -1L, 0)).isFalse();
    assertThat(both.next(151)).isEqualTo(230);
    assertThat(both.andNot(top)).isEqualTo(ConceptSet.ofBit(150));
    assertThat(both.toString()).isEqualTo("[150, 230]");
  }

  @Example
  void bitsOutsideTheSetAreRefusedOrAbsent() {
    assertThat(ConceptSet.CAPACITY).isEqualTo(256);
    assertThatThrownBy(() -> ConceptSet.ofBit(256)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ConceptSet.ofBit(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ConceptSet.EMPTY.word(4)).isInstanceOf(IndexOutOfBoundsException.class);
    ConceptSet full = new ConceptSet(-1L, -1L, -1L, -1L);
    assertThat(full.contains(256)).isFalse();
    assertThat(full.contains(-1)).isFalse();
    assertThat(full.size()).isEqualTo(ConceptSet.CAPACITY);
    assertThat(full.next(255)).isEqualTo(255);
    assertThat(full.next(256)).isEqualTo(-1);
    assertThat(ConceptSet.EMPTY.first()).isEqualTo(-1);
  }

  @Example
  void conceptsAreTheirOrdinals() {
    ConceptSet s = ConceptSet.of(Concept.MINOR, Concept.ANIMAL);
    assertThat(s.contains(Concept.MINOR.ordinal())).isTrue();
    assertThat(s.contains(Concept.ANIMAL)).isTrue();
    assertThat(s.size()).isEqualTo(2);
    assertThat(ConceptSet.of(List.of(Concept.MINOR, Concept.ANIMAL))).isEqualTo(s);
    assertThat(ConceptSet.EMPTY.with(Concept.ANIMAL).with(Concept.MINOR)).isEqualTo(s);
    assertThat(Concept.values().length).as("the enum fits the set").isLessThanOrEqualTo(ConceptSet.CAPACITY);
  }

  @Provide
  Arbitrary<List<Integer>> bits() {
    // bits near the edges of the words are drawn more often than the others
    Arbitrary<Integer> edge = Arbitraries.of(0, 1, 62, 63, 64, 65, 126, 127, 128, 129, 190, 191, 192, 193, 254, 255);
    Arbitrary<Integer> any = Arbitraries.integers().between(0, ConceptSet.CAPACITY - 1);
    return Arbitraries.oneOf(edge, any).list().ofMaxSize(20);
  }

  private static ConceptSet set(List<Integer> bits) {
    ConceptSet s = ConceptSet.EMPTY;
    for (int b : bits) {
      s = s.with(b);
    }
    return s;
  }

  private static BitSet bitSet(List<Integer> bits) {
    BitSet s = new BitSet();
    bits.forEach(s::set);
    return s;
  }

  private static BitSet bitSet(ConceptSet s) {
    return BitSet.valueOf(new long[] {s.w0(), s.w1(), s.w2(), s.w3()});
  }

  @Property(tries = 1000)
  void behavesAsABitSet(@ForAll("bits") List<Integer> a, @ForAll("bits") List<Integer> b) {
    ConceptSet x = set(a);
    ConceptSet y = set(b);
    BitSet bx = bitSet(a);
    BitSet by = bitSet(b);
    assertThat(bitSet(x)).isEqualTo(bx);
    assertThat(x.size()).isEqualTo(bx.cardinality());
    assertThat(x.isEmpty()).isEqualTo(bx.isEmpty());
    assertThat(x.first()).isEqualTo(bx.nextSetBit(0));
    for (int i = 0; i < ConceptSet.CAPACITY; i++) {
      assertThat(x.contains(i)).isEqualTo(bx.get(i));
      assertThat(x.next(i)).isEqualTo(bx.nextSetBit(i));
    }
    BitSet or = (BitSet) bx.clone();
    or.or(by);
    assertThat(bitSet(x.or(y))).isEqualTo(or);
    BitSet and = (BitSet) bx.clone();
    and.and(by);
    assertThat(bitSet(x.and(y))).isEqualTo(and);
    BitSet andNot = (BitSet) bx.clone();
    andNot.andNot(by);
    assertThat(bitSet(x.andNot(y))).isEqualTo(andNot);
    assertThat(x.intersects(y)).isEqualTo(bx.intersects(by));
    assertThat(x.meets(y.w0(), y.w1(), y.w2(), y.w3())).isEqualTo(bx.intersects(by));
    assertThat(x.containsAll(y)).isEqualTo(andNot(by, bx).isEmpty());
    assertThat(y.isSubsetOf(x.w0(), x.w1(), x.w2(), x.w3())).isEqualTo(andNot(by, bx).isEmpty());
    assertThat(x.equals(y)).isEqualTo(bx.equals(by));
    StringBuilder walked = new StringBuilder();
    for (int w = 0; w < ConceptSet.WORDS; w++) {
      // the walk the check path makes over a word's bits
      for (long m = x.word(w); m != 0; m &= m - 1) {
        walked.append(walked.length() == 0 ? "" : ", ").append(w * 64 + Long.numberOfTrailingZeros(m));
      }
    }
    assertThat("[" + walked + "]").isEqualTo(x.toString()).isEqualTo(bx.toString().replace('{', '[')
        .replace('}', ']'));
  }

  private static BitSet andNot(BitSet a, BitSet b) {
    BitSet c = (BitSet) a.clone();
    c.andNot(b);
    return c;
  }
}
