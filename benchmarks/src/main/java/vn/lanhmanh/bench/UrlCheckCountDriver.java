package vn.lanhmanh.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * Uncached URL checks for instruction counting (valgrind's callgrind), with the baseline of
 * {@link ClassifyUrlBenchmark} ({@code HashSet<String>} of hosts, {@code java.net.URI}, a walk over the
 * parent domains) in the same program. It builds the benchmark's 100,000 URLs (seed 7, listed or unlisted),
 * the filter with the verdict cache off over the benchmark's index (built on first use) or the
 * {@code HashSet}, checks {@code warm} URLs, prints {@code READY <pid>} and waits for a file {@code go} in
 * the run folder, checks {@code measured} URLs, prints {@code DONE}, and exits when a file {@code stop}
 * appears; collection is switched on and off around the measured loop with {@code callgrind_control -i}.
 *
 * <pre>
 * java -Xbatch -XX:+UseSerialGC -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar \
 *   vn.lanhmanh.bench.UrlCheckCountDriver ENTRIES lanhmanh|hashset listed|unlisted WARM MEASURED RUNDIR
 * </pre>
 *
 * <p>With {@code bytes} in place of {@code RUNDIR} it waits for nothing: after the warm-up it prints the
 * bytes the checking thread allocated per check ({@code com.sun.management.ThreadMXBean}) over three runs
 * of {@code measured} checks (run it without valgrind and with the JVM's usual options).
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar \
 *   vn.lanhmanh.bench.UrlCheckCountDriver ENTRIES lanhmanh|hashset listed|unlisted WARM MEASURED bytes
 * </pre>
 *
 * <p>The library checks one listed URL before its warm-up: without it the JVM under valgrind died at the
 * first Bloom false positive of an unlisted run (an implicit null check in compiled code, which the JIT
 * turns into a trap that valgrind does not pass on).
 */
public final class UrlCheckCountDriver {

  private UrlCheckCountDriver() {}

  private static Set<String> hosts;

  /** The baseline of {@link ClassifyUrlBenchmark}: parse with {@code java.net.URI}, lower-case the host, walk its parents. */
  static boolean listedByHashSet(String url) {
    return ClassifyUrlBenchmark.listedByHashSet(hosts, url);
  }

  private static void await(Path p) throws InterruptedException {
    while (!Files.exists(p)) {
      Thread.sleep(50);
    }
  }

  public static void main(String[] a) throws Exception {
    int entries = Integer.parseInt(a[0]);
    boolean library = a[1].equals("lanhmanh");
    boolean listed = a[2].equals("listed");
    int warm = Integer.parseInt(a[3]);
    int measured = Integer.parseInt(a[4]);
    boolean bytes = a[5].equals("bytes");
    Path dir = Path.of(a[5]);
    SplittableRandom r = new SplittableRandom(7);
    int distinct = 100_000;
    String[] urls = new String[distinct];
    for (int k = 0; k < distinct; k++) {
      // Built with StringBuilder: the JIT's compiled string concatenation of an int, warmed up here, took
      // a trap later at start-up that the JVM under valgrind does not survive.
      String h = listed ? ClassifyUrlBenchmark.host(r.nextInt(entries))
          : new StringBuilder("nothere").append(r.nextInt(1 << 30)).append(".example.org").toString();
      urls[k] = new StringBuilder("https://www.").append(h).append("/path/").append(k).append("?q=")
          .append(r.nextInt(1000)).toString();
    }
    Policy policy = Policy.forAge(10);
    ContentFilter filter = null;
    long sink = 0;
    if (library) {
      filter = ContentFilter.builder().urlIndex(ClassifyUrlBenchmark.indexDir(entries)).urlCacheSize(0).build();
      sink += filter.checkUrl(new StringBuilder("https://www.").append(ClassifyUrlBenchmark.host(0)).append("/x").toString(),
          policy).action().ordinal();
    } else {
      hosts = new HashSet<>();
      for (int i = 0; i < entries; i++) {
        hosts.add(ClassifyUrlBenchmark.host(i));
      }
    }
    int next = 0;
    for (int i = 0; i < warm; i++) {
      String u = urls[next];
      next = next + 1 == distinct ? 0 : next + 1;
      sink += filter != null ? filter.checkUrl(u, policy).action().ordinal() : listedByHashSet(u) ? 1 : 0;
    }
    if (bytes) {
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
      for (int run = 0; run < 3; run++) {
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < measured; i++) {
          String u = urls[next];
          next = next + 1 == distinct ? 0 : next + 1;
          sink += filter != null ? filter.checkUrl(u, policy).action().ordinal() : listedByHashSet(u) ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf(java.util.Locale.ROOT, "BYTES checks=%d allocated=%d per_check=%.1f sink=%d%n",
            measured, allocated, (double) allocated / measured, sink);
      }
      return;
    }
    System.out.println("READY " + ProcessHandle.current().pid());
    System.out.flush();
    await(dir.resolve("go"));
    long t0 = System.nanoTime();
    for (int i = 0; i < measured; i++) {
      String u = urls[next];
      next = next + 1 == distinct ? 0 : next + 1;
      Object o = filter != null ? filter.checkUrl(u, policy) : (Object) listedByHashSet(u);
      sink += o instanceof Verdict v ? v.action().ordinal() : (Boolean) o ? 1 : 0;
    }
    long t1 = System.nanoTime();
    System.out.println("DONE " + sink + " " + (t1 - t0) / measured + " ns/check");
    System.out.flush();
    await(dir.resolve("stop"));
    System.exit(0);
  }
}
