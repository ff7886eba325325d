package vn.lanhmanh.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A small immutable set that iterates in the order it was given, for results that name a few things in a
 * fixed order (a conversation's stages). Copying one is free: {@link #copyOf} gives back an
 * {@code OrderedSet} as it is, so a set made once per scoring can be handed on with every message without
 * a copy. Lookups are linear; meant for a few dozen elements at most. Thread-safe. <b>Internal, not API.</b>
 *
 * @param <E> the element type (no nulls)
 */
public final class OrderedSet<E> extends AbstractSet<E> {

  private static final OrderedSet<Object> EMPTY = new OrderedSet<>(new Object[0]);

  private final Object[] elements;

  private OrderedSet(Object[] elements) {
    this.elements = elements;
  }

  /** The empty set. */
  @SuppressWarnings("unchecked")
  public static <E> OrderedSet<E> of() {
    return (OrderedSet<E>) EMPTY;
  }

  /**
   * The elements of {@code c} in its iteration order, without repeats; {@code c} itself if it already is
   * an {@code OrderedSet}.
   *
   * @throws NullPointerException if {@code c} holds null
   */
  @SuppressWarnings("unchecked")
  public static <E> OrderedSet<E> copyOf(Collection<? extends E> c) {
    if (c instanceof OrderedSet<?> o) {
      return (OrderedSet<E>) o;
    }
    if (c.isEmpty()) {
      return of();
    }
    Object[] out = new Object[c.size()];
    int n = 0;
    for (E e : c) {
      Objects.requireNonNull(e, "element");
      if (!contains(out, n, e)) {
        out[n++] = e;
      }
    }
    return new OrderedSet<>(n == out.length ? out : Arrays.copyOf(out, n));
  }

  /**
   * A set of {@code elements} in their order, made without a copy: the caller hands the array over and
   * never changes it afterwards.
   *
   * @throws NullPointerException if an element is null
   * @throws IllegalArgumentException if an element repeats
   */
  public static <E> OrderedSet<E> wrap(E[] elements) {
    if (elements.length == 0) {
      return of();
    }
    for (int i = 0; i < elements.length; i++) {
      Objects.requireNonNull(elements[i], "element");
      if (contains(elements, i, elements[i])) {
        throw new IllegalArgumentException("repeated element: " + elements[i]);
      }
    }
    return new OrderedSet<>(elements);
  }

  private static boolean contains(Object[] a, int n, Object o) {
    for (int i = 0; i < n; i++) {
      if (a[i].equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean contains(Object o) {
    return o != null && contains(elements, elements.length, o);
  }

  @Override
  public int size() {
    return elements.length;
  }

  @Override
  public Iterator<E> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < elements.length;
      }

      @Override
      @SuppressWarnings("unchecked")
      public E next() {
        if (next >= elements.length) {
          throw new NoSuchElementException();
        }
        return (E) elements[next++];
      }
    };
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(elements, elements.length, Object[].class);   // an Object[] whatever wrap was given
  }
}
