package vn.lanhmanh.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * How full the heap is outside the young allocation area (eden), for {@code /healthz} and the heavy-work
 * gate: what survived at least one collection, plus large objects allocated there directly. Eden is left
 * out because it fills and empties all the time; the old generation's own after-collection figure is left
 * out because G1 updates it only after a mixed or full collection. Thread-safe.
 */
final class MemoryWatch {

  /** Above this share of the maximum heap in use after a collection, memory is short. */
  static final double SHORT = 0.85;

  /** Heap in use outside eden, and the maximum heap, in bytes. */
  record Reading(long usedBytes, long maxBytes) {
    boolean isShort() {
      return maxBytes > 0 && usedBytes > SHORT * maxBytes;
    }

    String describe() {
      return (usedBytes >> 20) + " MiB of " + (maxBytes >> 20) + " MiB heap in use outside eden";
    }
  }

  private MemoryWatch() {}

  /** The heap pools' usage now, eden left out; the JVM's maximum heap. */
  static Reading read() {
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
