package vn.lanhmanh.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.lanhmanh.Action;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.url.index.ListEntry;
import vn.lanhmanh.url.index.UrlListWriter;

/**
 * URL checks against a list of synthetic hosts held in the Lucene-backed index, cached (the verdict
 * cache on, URLs repeating) and uncached (cache off: canonicalise, look up, decide every time), for listed
 * and unlisted URLs, next to the baseline a Java developer would write: a {@code HashSet<String>} of hosts,
 * {@code java.net.URI} parsing and a walk over the host's parent domains.
 *
 * <p>What the baseline does and does not do: it parses the whole URL ({@code URI.create}, with RFC 2396
 * validation of every part), lower-cases the host and looks up the host and every parent domain down to
 * the top-level label (a substring and a {@code String} hash per lookup: four lookups for
 * {@code www.a.site5.com}), as the list step of a check does for host keys. It does not canonicalise
 * (percent escapes, IP forms, IDN, dots, whitespace and fragment), look up path and query expressions,
 * ask a second list (the check asks the embedded rules, the list in the jar and the index), run the
 * allow-list and heuristics, or build a verdict; and it answers a URL that {@code URI} rejects with
 * "not listed" where the check answers BLOCK with an error.
 *
 * <p>The index of each size is built once into {@code java.io.tmpdir} and reused by later runs.
 *
 * <p>Warm-up is five iterations of 2 s: the uncached rows cycle through 100,000 distinct URLs and reached
 * their steady time only after about 8 s on two cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ClassifyUrlBenchmark {

  @Param({"10000", "1000000"})
  public int entries;

  @Param({"lanhmanh", "hashset"})
  public String impl;

  @Param({"cached", "uncached"})
  public String cache;

  @Param({"listed", "unlisted"})
  public String kind;

  private ContentFilter filter;
  private Policy policy;
  private Set<String> hosts;
  private String[] urls;
  private int next;

  /** The i-th synthetic listed host, e.g. {@code k3f9a-12345.vn-shop88.net}. */
  static String host(int i) {
    return Integer.toString(i * 2654435761L > 0 ? (int) ((i * 2654435761L) & 0xFFFFF) : i, 36) + "-" + i
        + ".site" + (i % 97) + (i % 3 == 0 ? ".com" : i % 3 == 1 ? ".vn" : ".net");
  }

  /**
   * The index of {@code entries} synthetic hosts, built on first use. The folder name carries the
   * index format and whether it has a key table ("t"), so an index left by an older version is not reused.
   */
  static Path indexDir(int entries) throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "lanhmanh-bench-index-f5t-" + entries);
    if (!Files.exists(dir.resolve("READY"))) {
      BuildTime t = build(dir, entries);
      Files.writeString(dir.resolve("READY"), t + "\n");
    }
    return dir;
  }

  /** How long a build took: adding the entries, then the commit (with a merge into one segment). */
  record BuildTime(int entries, long addNanos, long commitNanos) {
    double entriesPerSecond() {
      return entries * 1e9 / (addNanos + commitNanos);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%,d entries built in %,d ms (add %,d ms, commit %,d ms): %,.0f entries/s",
          entries, (addNanos + commitNanos) / 1_000_000, addNanos / 1_000_000, commitNanos / 1_000_000,
          entriesPerSecond());
    }
  }

  /** Builds a new generation of {@code entries} synthetic hosts in {@code dir}, as {@code index build} does. */
  static BuildTime build(Path dir, int entries) throws IOException {
    long t0 = System.nanoTime();
    long t1;
    try (UrlListWriter w = UrlListWriter.create(dir, entries)) {
      for (int i = 0; i < entries; i++) {
        w.add(new ListEntry(host(i), "sexual", "bench"));
      }
      t1 = System.nanoTime();
      w.commit(true);
    }
    return new BuildTime(entries, t1 - t0, System.nanoTime() - t1);
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    policy = Policy.forAge(10);
    SplittableRandom r = new SplittableRandom(7);
    int distinct = cache.equals("cached") ? 1_000 : 100_000;
    urls = new String[distinct];
    for (int k = 0; k < distinct; k++) {
      String h = kind.equals("listed") ? host(r.nextInt(entries)) : "nothere" + r.nextInt(1 << 30) + ".example.org";
      urls[k] = "https://www." + h + "/path/" + k + "?q=" + r.nextInt(1000);
    }
    if (impl.equals("lanhmanh")) {
      filter = ContentFilter.builder().urlIndex(indexDir(entries))
          .urlCacheSize(cache.equals("cached") ? 100_000 : 0).build();
      boolean listed = filter.checkUrl("https://www." + host(entries / 2) + "/x", policy).action() == Action.BLOCK;
      boolean unlisted = filter.checkUrl("https://nothere.example.org/x", policy).action() == Action.ALLOW;
      if (!listed || !unlisted) {
        throw new IllegalStateException("index does not answer as built");
      }
    } else {
      hosts = new HashSet<>();
      for (int i = 0; i < entries; i++) {
        hosts.add(host(i));
      }
      if (!listedByHashSet("https://www." + host(entries / 2) + "/x") || listedByHashSet("https://nothere.example.org/")) {
        throw new IllegalStateException("baseline does not answer as built");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (filter != null) {
      filter.close();
    }
  }

  @Benchmark
  public Object check() {
    String u = urls[next];
    next = next + 1 == urls.length ? 0 : next + 1;
    return impl.equals("lanhmanh") ? filter.checkUrl(u, policy) : (Object) listedByHashSet(u);
  }

  /** The baseline: parse with {@link URI}, lower-case the host, walk its parent domains. */
  private boolean listedByHashSet(String url) {
    return listedByHashSet(hosts, url);
  }

  /** The baseline over {@code hosts}: parse with {@link URI}, lower-case the host, walk its parent domains. */
  static boolean listedByHashSet(Set<String> hosts, String url) {
    try {
      String h = URI.create(url).getHost();
      if (h == null) {
        return false;
      }
      h = h.toLowerCase(Locale.ROOT);
      while (true) {
        if (hosts.contains(h)) {
          return true;
        }
        int dot = h.indexOf('.');
        if (dot < 0) {
          return false;
        }
        h = h.substring(dot + 1);
      }
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
