package vn.lanhmanh.bench;

/** Used heap, read after repeated garbage collections, for the memory reports. */
final class MemoryProbe {

  private MemoryProbe() {}

  /** Used heap in bytes once repeated {@code System.gc()} calls stop lowering it. */
  static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long prev = Long.MAX_VALUE;
    for (int i = 0; i < 8; i++) {
      System.gc();
      Thread.sleep(50);
      long u = rt.totalMemory() - rt.freeMemory();
      if (u >= prev) {
        return u;
      }
      prev = u;
    }
    return prev;
  }
}
