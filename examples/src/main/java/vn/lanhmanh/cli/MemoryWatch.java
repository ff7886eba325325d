package vn.lanhmanh.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * How full the heap is after the last garbage collection (the live data, not the garbage waiting to be
 * collected), for {@code /healthz} and the heavy-work gate. Thread-safe; no allocation beyond the MXBean
 * calls.
 */
final class MemoryWatch {

  /** Above this share of the maximum heap in use after a collection, memory is short. */
  static final double SHORT = 0.85;

  /** Live heap after the last collections and the maximum heap, in bytes. */
  record Reading(long liveBytes, long maxBytes) {
    boolean isShort() {
      return maxBytes > 0 && liveBytes > SHORT * maxBytes;
    }

    String describe() {
      return (liveBytes >> 20) + " MiB of " + (maxBytes >> 20) + " MiB heap in use after the last collection";
    }
  }

  private MemoryWatch() {}

  /** The heap pools' usage after their last collection, summed; the JVM's maximum heap. */
  static Reading read() {
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != MemoryType.HEAP || !pool.isCollectionUsageThresholdSupported()) {
        continue;
      }
      MemoryUsage after = pool.getCollectionUsage();
      if (after != null) {
        live += after.getUsed();
      }
    }
    return new Reading(live, Runtime.getRuntime().maxMemory());
  }
}
