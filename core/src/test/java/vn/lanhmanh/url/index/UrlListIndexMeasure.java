package vn.lanhmanh.url.index;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.UrlCanonicalizer;

/**
 * A manual measurement, not a test: builds (unless the folder exists) an index of N synthetic hosts (default 5,000,000) and
 * prints build time, open time, heap per key of the Bloom filter against a sorted {@code long[]} of
 * 64-bit hashes, and lookup timings. JMH benchmarks are separate.
 *
 * <pre>
 * mvn -q -pl core test-compile
 * java -Xmx4g -cp "core/target/classes:core/target/test-classes:$(cat cp.txt)" \
 *     vn.lanhmanh.url.index.UrlListIndexMeasure target/urlidx-measure 5000000
 * </pre>
 */
public final class UrlListIndexMeasure {

  private UrlListIndexMeasure() {}

  static String host(int i) {
    // Realistic-looking hosts: a name, sometimes a subdomain, a spread of TLDs.
    String[] tlds = {"com", "net", "vn", "xyz", "info", "org", "top", "club"};
    return (i % 5 == 0 ? "www." : "") + "site" + Integer.toString(i * 7919 + 13, 36) + "." + tlds[i % tlds.length];
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/urlidx-measure");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
    long t0 = System.nanoTime();
    if (Files.exists(dir)) {
      System.out.println(dir + " exists: measuring open and lookups only");
    } else {
      try (UrlListWriter w = UrlListWriter.create(dir, n)) {
        for (int i = 0; i < n; i++) {
          w.add(new ListEntry(host(i), i % 3 == 0 ? "gambling" : "sexual", "synthetic"));
        }
        w.commit(true);
      }
    }
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    long bytesOnDisk;
    try (var s = Files.walk(dir)) {
      bytesOnDisk = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("build: %d hosts in %d ms; %.1f MB on disk (%.1f bytes/entry)%n", n, buildMs,
        bytesOnDisk / 1e6, (double) bytesOnDisk / n);

    // Heap: the Bloom filter as loaded, against a sorted array of 64-bit hashes of the same keys.
    long tc = System.nanoTime();
    UrlListIndex.open(dir).close(); // first open in this JVM: includes loading Lucene's classes
    System.out.printf("cold open (class loading included): %d ms%n", (System.nanoTime() - tc) / 1_000_000);
    long before = usedHeap();
    long t1 = System.nanoTime();
    UrlListIndex index = UrlListIndex.open(dir);
    long openMs = (System.nanoTime() - t1) / 1_000_000;
    long afterOpen = usedHeap();
    System.out.printf("open: %d ms; heap after open +%.1f MB (%.2f bytes/entry); bloom file %d bytes (%.2f bytes/key)%n",
        openMs, (afterOpen - before) / 1e6, (double) (afterOpen - before) / n,
        Files.size(dir.resolve("generation-1").resolve("keys.bloom")),
        (double) Files.size(dir.resolve("generation-1").resolve("keys.bloom")) / n);
    long beforeArray = usedHeap();
    long[] hashes = new long[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = Hashing.murmur3_128().hashString(host(i), StandardCharsets.UTF_8).asLong();
    }
    Arrays.sort(hashes);
    long afterArray = usedHeap();
    System.out.printf("sorted long[] of 64-bit hashes: +%.1f MB (%.2f bytes/entry)%n",
        (afterArray - beforeArray) / 1e6, (double) (afterArray - beforeArray) / n);

    SplittableRandom random = new SplittableRandom(42);
    int probes = 1_000_000;
    CanonicalUrl[] listed = new CanonicalUrl[4096];
    CanonicalUrl[] unlisted = new CanonicalUrl[4096];
    for (int i = 0; i < listed.length; i++) {
      int k = random.nextInt(n);
      listed[i] = UrlCanonicalizer.canonicalize("https://m." + host(k) + "/video/" + k + "/clip.html?x=1").url();
      unlisted[i] = UrlCanonicalizer.canonicalize("https://news" + k + ".example.vn/thoi-su/" + k + "/bai.html?x=1").url();
    }
    for (int round = 0; round < 3; round++) {
      long hits = 0;
      long t = System.nanoTime();
      for (int i = 0; i < probes; i++) {
        hits += index.lookup(listed[i & 4095]).size();
      }
      long listedNs = (System.nanoTime() - t) / probes;
      long falseHits = 0;
      t = System.nanoTime();
      for (int i = 0; i < probes; i++) {
        falseHits += index.lookup(unlisted[i & 4095]).size();
      }
      long unlistedNs = (System.nanoTime() - t) / probes;
      System.out.printf("round %d: listed %d ns/lookup (%d hits), unlisted %d ns/lookup (%d hits)%n", round,
          listedNs, hits, unlistedNs, falseHits);
    }
    System.out.println("hash array kept alive: " + hashes.length);
    index.close();
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
