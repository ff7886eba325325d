package vn.lanhmanh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import vn.lanhmanh.url.index.UrlListIndex;

/**
 * Import speed, heap cost per list entry and index open time: the Lucene-backed index (built, timed and
 * opened from the directory {@link ClassifyUrlBenchmark} uses) against a {@code HashSet<String>} of the same hosts. Heap is
 * measured as used heap after repeated {@code System.gc()} before and after, so run it alone:
 * {@code java -cp benchmarks/target/benchmarks.jar vn.lanhmanh.bench.UrlMemoryReport 1000000 5000000}.
 */
public final class UrlMemoryReport {

  private UrlMemoryReport() {}

  public static void main(String[] args) throws Exception {
    long before0 = MemoryProbe.usedHeap();
    long t00 = System.nanoTime();
    vn.lanhmanh.url.index.CompactUrlList list = vn.lanhmanh.url.index.CompactUrlList.embedded();
    long readMs = (System.nanoTime() - t00) / 1_000_000;
    System.out.printf("default list in the jar: %,d keys read in %d ms (first use, incl. class loading), heap %.1f MB"
        + " (%.1f B/key)%n", list.size(), readMs, (MemoryProbe.usedHeap() - before0) / 1e6,
        (double) (MemoryProbe.usedHeap() - before0) / list.size());
    for (String a : args.length == 0 ? new String[] {"1000000"} : args) {
      int n = Integer.parseInt(a);
      // Built (and timed) on first use; delete the folder for a fresh import measurement.
      Path dir = ClassifyUrlBenchmark.indexDir(n);
      System.out.println("import: " + Files.readString(dir.resolve("READY")).strip());
      long before = MemoryProbe.usedHeap();
      long t0 = System.nanoTime();
      UrlListIndex index = UrlListIndex.open(dir);
      long openMs = (System.nanoTime() - t0) / 1_000_000;
      long indexBytes = MemoryProbe.usedHeap() - before;
      // open again, now that classes are loaded: the median of five
      index.close();
      long[] again = new long[5];
      for (int k = 0; k < again.length; k++) {
        t0 = System.nanoTime();
        index = UrlListIndex.open(dir);
        again[k] = System.nanoTime() - t0;
        if (k + 1 < again.length) {
          index.close();
        }
      }
      java.util.Arrays.sort(again);
      long reopenMs = again[again.length / 2] / 1_000_000;
      before = MemoryProbe.usedHeap();
      Set<String> set = new HashSet<>();
      for (int i = 0; i < n; i++) {
        set.add(ClassifyUrlBenchmark.host(i));
      }
      long setBytes = MemoryProbe.usedHeap() - before;
      System.out.printf("%,d entries: index open %d ms (first, incl. class loading) / %d ms (again, median of 5), heap %.1f B/entry;"
          + " HashSet<String> heap %.1f B/entry (%d)%n", n, openMs, reopenMs, (double) indexBytes / n,
          (double) setBytes / n, set.size() + index.size() * 0);
      index.close();
    }
  }
}
