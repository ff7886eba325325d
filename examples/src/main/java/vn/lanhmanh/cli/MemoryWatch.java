package vn.lanhmanh.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How full the heap is outside the young allocation area (eden), for {@code /healthz} and the heavy-work
 * gate: what survived at least one collection, plus large objects allocated there directly. Eden is left
 * out because it fills and empties all the time; the old generation's own after-collection figure is left
 * out because G1 updates it only after a mixed or full collection.
 *
 * <p>Outside eden there is also garbage that only a concurrent cycle will reclaim, so a reading over
 * {@link #SHORT} is not trusted as it is: the watch asks the JVM for a collection ({@code System.gc()}) and
 * reads again. It asks at most once per {@link #CONFIRM_EVERY_SECONDS} seconds, and only while the reading
 * is over the mark; in between, a reading over the mark is answered with the last confirmed one. With
 * {@code -XX:+DisableExplicitGC} the confirmation is a second reading. Thread-safe; no lock: one caller at
 * a time confirms, the others get the last confirmed reading.
 */
final class MemoryWatch {

  /** Above this share of the maximum heap in use after a collection, memory is short. */
  static final double SHORT = 0.85;

  /** The least time between two collections asked for by the watch. */
  static final long CONFIRM_EVERY_SECONDS = 5;

  /** Heap in use outside eden, and the maximum heap, in bytes. */
  record Reading(long usedBytes, long maxBytes) {
    boolean isShort() {
      return maxBytes > 0 && usedBytes > SHORT * maxBytes;
    }

    String describe() {
      return (usedBytes >> 20) + " MiB of " + (maxBytes >> 20) + " MiB heap in use outside eden";
    }
  }

  private static final MemoryWatch SYSTEM =
      new MemoryWatch(MemoryWatch::heapOutsideEden, System::gc, System::nanoTime);

  private final Supplier<Reading> reader;
  private final Runnable collect;
  private final LongSupplier nanoClock;
  private final AtomicBoolean confirming = new AtomicBoolean();
  /** The last reading taken right after a collection, and when; null before the first. */
  private volatile Confirmed confirmed;

  private record Confirmed(Reading reading, long atNanos) {}

  MemoryWatch(Supplier<Reading> reader, Runnable collect, LongSupplier nanoClock) {
    this.reader = reader;
    this.collect = collect;
    this.nanoClock = nanoClock;
  }

  /** The heap in use outside eden now, confirmed after a collection when it reads short. */
  static Reading read() {
    return SYSTEM.reading();
  }

  /** A reading now; over the mark, the reading after a collection (asked for at most once a window). */
  Reading reading() {
    Reading now = reader.get();
    if (!now.isShort()) {
      return now;
    }
    Confirmed last = confirmed;
    long t = nanoClock.getAsLong();
    boolean fresh = last != null && t - last.atNanos() < TimeUnit.SECONDS.toNanos(CONFIRM_EVERY_SECONDS);
    if (fresh || !confirming.compareAndSet(false, true)) {
      // Confirmed lately, or another caller is confirming now: trust the last confirmation, if any.
      return last == null ? now : last.reading();
    }
    try {
      collect.run();
      Reading after = reader.get();
      confirmed = new Confirmed(after, nanoClock.getAsLong());
      return after;
    } finally {
      confirming.set(false);
    }
  }

  /** The heap pools' usage now, eden left out; the JVM's maximum heap. */
  static Reading heapOutsideEden() {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")) {
        MemoryUsage u = pool.getUsage();
        live += u == null ? 0 : u.getUsed();
      }
    }
    return new Reading(live, Runtime.getRuntime().maxMemory());
  }
}
