package vn.lanhmanh.concept;

/**
 * An immutable set of at most {@value #CAPACITY} concepts, by bit: a text {@link Concept} by its
 * {@link Concept#ordinal()}, or a conversation's stage concept by its position in {@code stages.tsv}. Two
 * {@code long} words: bits 0 to 63 in {@link #lo()}, bits 64 to 127 in {@link #hi()} (bit {@code b} is
 * {@code 1L << b} in word {@code b >>> 6}; Java's shift takes {@code b} modulo 64).
 *
 * <p>This is how a set is stored (a composition's concepts, a rule's terms, a register mask). The check
 * path does not make one per check: it keeps a set being built as two {@code long} locals and tests them
 * against stored sets with {@link #isSubsetOf(long, long)} and {@link #meets(long, long)}, and it walks the
 * bits of a word as before ({@code for (long m = word; m != 0; m &= m - 1)}, bit {@code w * 64 +
 * numberOfTrailingZeros(m)}).
 *
 * @param lo bits 0 to 63
 * @param hi bits 64 to 127
 */
public record ConceptSet(long lo, long hi) {

  /** The most concepts a set holds (bits 0 to 127). */
  public static final int CAPACITY = 128;
  /** The {@code long} words of a set. */
  public static final int WORDS = 2;
  /** The set of no concept. */
  public static final ConceptSet EMPTY = new ConceptSet(0, 0);

  /** The set of these concepts. */
  public static ConceptSet of(Concept... concepts) {
    long lo = 0;
    long hi = 0;
    for (Concept c : concepts) {
      int b = c.ordinal();
      if (b < 64) {
        lo |= 1L << b;
      } else {
        hi |= 1L << b;
      }
    }
    return new ConceptSet(lo, hi);
  }

  /** The set of these concepts. */
  public static ConceptSet of(Iterable<Concept> concepts) {
    ConceptSet s = EMPTY;
    for (Concept c : concepts) {
      s = s.with(c.ordinal());
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
    return bit < 64 ? new ConceptSet(lo | 1L << bit, hi) : new ConceptSet(lo, hi | 1L << bit);
  }

  /** This set and {@code concept}. */
  public ConceptSet with(Concept concept) {
    return with(concept.ordinal());
  }

  /** The union of the two sets. */
  public ConceptSet or(ConceptSet other) {
    return new ConceptSet(lo | other.lo, hi | other.hi);
  }

  /** The intersection of the two sets. */
  public ConceptSet and(ConceptSet other) {
    return new ConceptSet(lo & other.lo, hi & other.hi);
  }

  /** The concepts of this set that are not in {@code other}. */
  public ConceptSet andNot(ConceptSet other) {
    return new ConceptSet(lo & ~other.lo, hi & ~other.hi);
  }

  /** Word {@code w} (0: bits 0 to 63, 1: bits 64 to 127). */
  public long word(int w) {
    if (w == 0) {
      return lo;
    }
    if (w == 1) {
      return hi;
    }
    throw new IndexOutOfBoundsException("word " + w + " of a concept set of " + WORDS);
  }

  /** Whether {@code bit} is in the set (false outside {@code [0, CAPACITY)}). */
  public boolean contains(int bit) {
    return bit >= 0 && bit < CAPACITY && ((bit < 64 ? lo : hi) & 1L << bit) != 0;
  }

  /** Whether {@code concept} is in the set. */
  public boolean contains(Concept concept) {
    return contains(concept.ordinal());
  }

  /** Whether every concept of {@code other} is in this set. */
  public boolean containsAll(ConceptSet other) {
    return other.isSubsetOf(lo, hi);
  }

  /** Whether the two sets share a concept. */
  public boolean intersects(ConceptSet other) {
    return meets(other.lo, other.hi);
  }

  /** Whether every concept of this set is in the set of words {@code lo}, {@code hi}. */
  public boolean isSubsetOf(long lo, long hi) {
    return (this.lo & ~lo) == 0 && (this.hi & ~hi) == 0;
  }

  /** Whether this set shares a concept with the set of words {@code lo}, {@code hi}. */
  public boolean meets(long lo, long hi) {
    return (this.lo & lo) != 0 || (this.hi & hi) != 0;
  }

  public boolean isEmpty() {
    return (lo | hi) == 0;
  }

  /** How many concepts the set holds. */
  public int size() {
    return Long.bitCount(lo) + Long.bitCount(hi);
  }

  /** The lowest bit of the set, or -1 when it is empty. */
  public int first() {
    return lo != 0 ? Long.numberOfTrailingZeros(lo) : hi != 0 ? 64 + Long.numberOfTrailingZeros(hi) : -1;
  }

  /** The lowest bit of the set at or above {@code from}, or -1 when there is none. */
  public int next(int from) {
    if (from < 0) {
      from = 0;
    }
    if (from < 64) {
      long m = lo & -1L << from;
      if (m != 0) {
        return Long.numberOfTrailingZeros(m);
      }
      from = 64;
    }
    if (from < CAPACITY) {
      long m = hi & -1L << from;
      if (m != 0) {
        return 64 + Long.numberOfTrailingZeros(m);
      }
    }
    return -1;
  }

  /** The bits, ascending, e.g. {@code [0, 63, 64]}. */
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
