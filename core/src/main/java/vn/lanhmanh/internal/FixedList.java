package vn.lanhmanh.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list over an array handed over once, for results made once and handed on many times (a
 * conversation window's evidence and reasons, shared by the verdicts of every message until the window
 * changes). Unlike {@link List#of}, {@link #wrap} does not copy the array, and {@link #copyOf} gives back a
 * {@code FixedList} as it is; anything else is copied by {@link List#copyOf}. Equal to, and hashed as, any
 * list of the same elements in the same order. Thread-safe. <b>Internal, not API.</b>
 *
 * @param <E> the element type (no nulls)
 */
public final class FixedList<E> extends AbstractList<E> implements RandomAccess {

  private final Object[] elements;

  private FixedList(Object[] elements) {
    this.elements = elements;
  }

  /**
   * A list of {@code elements}, which the caller hands over: it must not change them afterwards.
   *
   * @throws NullPointerException if {@code elements} holds null
   */
  public static <E> List<E> wrap(E[] elements) {
    if (elements.length == 0) {
      return List.of();
    }
    for (E e : elements) {
      Objects.requireNonNull(e, "element");
    }
    return new FixedList<>(elements);
  }

  /**
   * {@code c} itself if it is a {@code FixedList}, otherwise {@link List#copyOf} of it (which gives back a
   * list made by {@link List#of} as it is).
   *
   * @throws NullPointerException if {@code c} holds null
   */
  @SuppressWarnings("unchecked")
  public static <E> List<E> copyOf(Collection<? extends E> c) {
    return c instanceof FixedList<?> ? (List<E>) c : List.copyOf(c);
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    return (E) elements[index];   // out of bounds: an ArrayIndexOutOfBoundsException, an IndexOutOfBoundsException
  }

  @Override
  public int size() {
    return elements.length;
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(elements, elements.length, Object[].class);   // an Object[] whatever wrap was given
  }
}
