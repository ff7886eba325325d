package vn.lanhmanh.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, once, then kept. A failed computation is not kept: the next call tries
 * again. Thread-safe. <b>Internal, not API.</b>
 */
public final class Lazy<T> implements Supplier<T> {

  private Supplier<? extends T> compute;
  private volatile T value;

  /** A value that {@code compute} makes on the first {@link #get()}. */
  public Lazy(Supplier<? extends T> compute) {
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(compute.get(), "lazy value");
          value = v;
          compute = null;
        }
      }
    }
    return v;
  }
}
