package vn.lanhmanh.match;

/**
 * A fixed array of vocabulary ids (each {@code >= -1}) held in two bytes each when every id is below
 * {@code 0xFFFF}, as a lexicon's exact syllables are (a few thousand), and in four otherwise. The lexicon's
 * phrases have some three million syllables, so the narrow form keeps about 6 MB off the heap, which counts on
 * a phone (docs/ANDROID.md, "Memory").
 *
 * <p>Filled once through {@link #set} by the code that makes it, then only read; safe to share between
 * threads once published through a final field.
 */
final class IdArray {

  /** Stands for -1 in the narrow form. */
  private static final char ABSENT = 0xFFFF;

  private final char[] narrow;
  private final int[] wide;

  /** An array of {@code size} ids, each to be below {@code bound} (an id of {@code bound} or more is refused). */
  IdArray(int size, int bound) {
    if (bound <= ABSENT) {
      narrow = new char[size];
      wide = null;
    } else {
      narrow = null;
      wide = new int[size];
    }
  }

  /** The ids of {@code ids} (each {@code >= -1}), in the narrow form when they all fit it. */
  static IdArray of(int[] ids) {
    int max = -1;
    for (int id : ids) {
      max = Math.max(max, id);
    }
    IdArray a = new IdArray(ids.length, max + 1);
    for (int i = 0; i < ids.length; i++) {
      a.set(i, ids[i]);
    }
    return a;
  }

  void set(int i, int id) {
    if (id < -1) {
      throw new IllegalArgumentException("not an id: " + id);
    }
    if (narrow == null) {
      wide[i] = id;
    } else if (id >= ABSENT) {
      throw new IllegalArgumentException("id " + id + " above the bound this array was made for");
    } else {
      narrow[i] = id < 0 ? ABSENT : (char) id;
    }
  }

  int get(int i) {
    if (narrow == null) {
      return wide[i];
    }
    char c = narrow[i];
    return c == ABSENT ? -1 : c;
  }

  int size() {
    return narrow == null ? wide.length : narrow.length;
  }

  /** Equal to an array of the same ids, whichever form either holds them in. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IdArray other) || other.size() != size()) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      if (other.get(i) != get(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size(); i++) {
      h = 31 * h + get(i);
    }
    return h;
  }
}
