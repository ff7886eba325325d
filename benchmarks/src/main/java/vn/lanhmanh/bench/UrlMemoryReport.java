package vn.lanhmanh.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import vn.lanhmanh.url.index.UrlListIndex;

/**
 * Heap cost per list entry and index open time: the Lucene-backed index (opened from the directory
 * {@link ClassifyUrlBenchmark} builds) against a {@code HashSet<String>} of the same hosts. Heap is
 * measured as used heap after repeated {@code System.gc()} before and after, so run it alone:
 * {@code java -cp benchmarks/target/benchmarks.jar vn.lanhmanh.bench.UrlMemoryReport 1000000 5000000}.
 */
public final class UrlMemoryReport {

  private UrlMemoryReport() {}

  public static void main(String[] args) throws Exception {
    for (String a : args.length == 0 ? new String[] {"1000000"} : args) {
      int n = Integer.parseInt(a);
      Path dir = ClassifyUrlBenchmark.indexDir(n);
      long before = MemoryProbe.usedHeap();
      long t0 = System.nanoTime();
      UrlListIndex index = UrlListIndex.open(dir);
      long openMs = (System.nanoTime() - t0) / 1_000_000;
      long indexBytes = MemoryProbe.usedHeap() - before;
      // open again, now that classes are loaded
      index.close();
      t0 = System.nanoTime();
      index = UrlListIndex.open(dir);
      long reopenMs = (System.nanoTime() - t0) / 1_000_000;
      before = MemoryProbe.usedHeap();
      Set<String> set = new HashSet<>();
      for (int i = 0; i < n; i++) {
        set.add(ClassifyUrlBenchmark.host(i));
      }
      long setBytes = MemoryProbe.usedHeap() - before;
      System.out.printf("%,d entries: index open %d ms (first, incl. class loading) / %d ms (again), heap %.1f B/entry;"
          + " HashSet<String> heap %.1f B/entry (%d)%n", n, openMs, reopenMs, (double) indexBytes / n,
          (double) setBytes / n, set.size() + index.size() * 0);
      index.close();
    }
  }
}
