package vn.lanhmanh.concept;

/**
 * An immutable set of at most {@value #CAPACITY} concepts, by bit: a text {@link Concept} by its
 * {@link Concept#ordinal()}, or a conversation's stage concept by its position in {@code stages.tsv}. Four
 * {@code long} words: bits 0 to 63 in {@link #w0()}, bits 64 to 127 in {@link #w1()}, bits 128 to 191 in
 * {@link #w2()} and bits 192 to 255 in {@link #w3()} (bit {@code b} is {@code 1L << b} in word
 * {@code b >>> 6}; Java's shift takes {@code b} modulo 64).
 *
 * <p>This is how a set is stored (a composition's concepts, a rule's terms, a register mask). The check
 * path does not make one per check: it keeps a set being built as four {@code long} locals and tests them
 * against stored sets with {@link #isSubsetOf(long, long, long, long)} and
 * {@link #meets(long, long, long, long)}, and
 * it walks the bits of a word as before ({@code for (long m = word; m != 0; m &= m - 1)}, bit {@code w * 64
 * + numberOfTrailingZeros(m)}).
 *
 * @param w0 bits 0 to 63
 * @param w1 bits 64 to 127
 * @param w2 bits 128 to 191
 * @param w3 bits 192 to 255
 */
public record ConceptSet(long w0, long w1, long w2, long w3) {

  /** The {@code long} words of a set. */
  public static final int WORDS = 4;
  /** The most concepts a set holds (bits 0 to 255). */
  public static final int CAPACITY = WORDS * Long.SIZE;
  /** The set of no concept. */
  public static final ConceptSet EMPTY = new ConceptSet(0, 0, 0, 0);

  /** Every register concept ({@link Concept#isRegister()}): what sets the kind of text, not a harm. */
  public static ConceptSet registers() {
    return Registers.SET;
  }

  /** Made on first use, after the enum and {@link #EMPTY} exist. */
  private static final class Registers {
    static final ConceptSet SET = make();

    private static ConceptSet make() {
      ConceptSet m = EMPTY;
      for (Concept c : Concept.values()) {
        m = c.isRegister() ? m.with(c) : m;
      }
      return m;
    }
  }

  /** The set of these concepts. */
  public static ConceptSet of(Concept... concepts) {
    ConceptSet s = EMPTY;
    for (Concept c : concepts) {
      s = s.with(c.ordinal());
    }
    return s;
  }

  /** The set of these concepts. */
  public static ConceptSet of(Iterable<Concept> concepts) {
    ConceptSet s = EMPTY;
    for (Concept c : concepts) {
      s = s.with(c.ordinal());
    }
    return s;
  }

  /** The set of these bits, e.g. {@code ofBits(3, 150)}. */
  public static ConceptSet ofBits(int... bits) {
    ConceptSet s = EMPTY;
    for (int b : bits) {
      s = s.with(b);
    }
    return s;
  }

  /**
   * The set of this one bit.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= bit < CAPACITY}
   */
  public static ConceptSet ofBit(int bit) {
    return EMPTY.with(bit);
  }

  /**
   * This set and {@code bit}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= bit < CAPACITY}
   */
  public ConceptSet with(int bit) {
    check(bit);
    long m = 1L << bit;
    switch (bit >>> 6) {
      case 0:
        return new ConceptSet(w0 | m, w1, w2, w3);
      case 1:
        return new ConceptSet(w0, w1 | m, w2, w3);
      case 2:
        return new ConceptSet(w0, w1, w2 | m, w3);
      default:
        return new ConceptSet(w0, w1, w2, w3 | m);
    }
  }

  /** This set and {@code concept}. */
  public ConceptSet with(Concept concept) {
    return with(concept.ordinal());
  }

  /** The union of the two sets. */
  public ConceptSet or(ConceptSet other) {
    return new ConceptSet(w0 | other.w0, w1 | other.w1, w2 | other.w2, w3 | other.w3);
  }

  /** The intersection of the two sets. */
  public ConceptSet and(ConceptSet other) {
    return new ConceptSet(w0 & other.w0, w1 & other.w1, w2 & other.w2, w3 & other.w3);
  }

  /** The concepts of this set that are not in {@code other}. */
  public ConceptSet andNot(ConceptSet other) {
    return new ConceptSet(w0 & ~other.w0, w1 & ~other.w1, w2 & ~other.w2, w3 & ~other.w3);
  }

  /** Word {@code w} (0: bits 0 to 63, 1: bits 64 to 127, 2: bits 128 to 191, 3: bits 192 to 255). */
  public long word(int w) {
    switch (w) {
      case 0:
        return w0;
      case 1:
        return w1;
      case 2:
        return w2;
      case 3:
        return w3;
      default:
        throw new IndexOutOfBoundsException("word " + w + " of a concept set of " + WORDS);
    }
  }

  /** Whether {@code bit} is in the set (false outside {@code [0, CAPACITY)}). */
  public boolean contains(int bit) {
    return bit >= 0 && bit < CAPACITY && (word(bit >>> 6) & 1L << bit) != 0;
  }

  /** Whether {@code concept} is in the set. */
  public boolean contains(Concept concept) {
    return contains(concept.ordinal());
  }

  /** Whether every concept of {@code other} is in this set. */
  public boolean containsAll(ConceptSet other) {
    return other.isSubsetOf(w0, w1, w2, w3);
  }

  /** Whether the two sets share a concept. */
  public boolean intersects(ConceptSet other) {
    return meets(other.w0, other.w1, other.w2, other.w3);
  }

  /** Whether every concept of this set is in the set of words {@code w0} to {@code w3}. */
  public boolean isSubsetOf(long w0, long w1, long w2, long w3) {
    return (this.w0 & ~w0) == 0 && (this.w1 & ~w1) == 0 && (this.w2 & ~w2) == 0 && (this.w3 & ~w3) == 0;
  }

  /** Whether this set shares a concept with the set of words {@code w0} to {@code w3}. */
  public boolean meets(long w0, long w1, long w2, long w3) {
    return (this.w0 & w0) != 0 || (this.w1 & w1) != 0 || (this.w2 & w2) != 0 || (this.w3 & w3) != 0;
  }

  public boolean isEmpty() {
    return (w0 | w1 | w2 | w3) == 0;
  }

  /** How many concepts the set holds. */
  public int size() {
    return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
  }

  /** The lowest bit of the set, or -1 when it is empty. */
  public int first() {
    return next(0);
  }

  /** The lowest bit of the set at or above {@code from}, or -1 when there is none. */
  public int next(int from) {
    for (int b = Math.max(from, 0); b < CAPACITY; b = (b | 63) + 1) {
      long m = word(b >>> 6) & -1L << b;
      if (m != 0) {
        return (b & ~63) + Long.numberOfTrailingZeros(m);
      }
    }
    return -1;
  }

  /** The bits, ascending, e.g. {@code [0, 63, 64, 150]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int b = first(); b >= 0; b = next(b + 1)) {
      sb.append(sb.length() > 1 ? ", " : "").append(b);
    }
    return sb.append(']').toString();
  }

  private static void check(int bit) {
    if (bit < 0 || bit >= CAPACITY) {
      throw new IndexOutOfBoundsException("concept bit " + bit + " outside 0.." + (CAPACITY - 1));
    }
  }
}
