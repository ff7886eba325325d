package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.url.index.ListEntry;
import vn.lanhmanh.url.index.UrlListWriter;

/**
 * 16 threads checking the corpus ({@code corpus/vi-cases.tsv} texts, NFC and NFD, and
 * {@code url/url-cases.tsv} URLs) under mixed policies give exactly the single-thread verdicts; and the
 * same while a writer publishes new generations of a URL list index and another thread refreshes the
 * filter onto them, with every URL verdict consistent with a generation the filter could have been on.
 */
class ConcurrencyTest {

  static final int THREADS = 16;
  static final int PASSES = 3;
  /** How long the writer keeps publishing generations (at least {@link #MIN_GENERATIONS} of them). */
  static final long RELOAD_MILLIS = 4_000;
  static final int MIN_GENERATIONS = 3;

  private static final List<String> texts = new ArrayList<>();
  private static final List<String> urls = new ArrayList<>();
  private static final List<Policy> policies = List.of(
      Policy.forAge(8), Policy.forAge(14), Policy.forAge(17), Policy.forAge(30),
      Policy.forAge(12).withCategory(Category.PROFANITY, Action.WARN).allow("con dâm")
          .deny(Category.HARASSMENT, Rating.K, "đồ lớp bê"));

  @TempDir
  Path dir;

  @BeforeAll
  static void corpus() throws IOException {
    for (String[] c : rows("/corpus/vi-cases.tsv")) {
      texts.add(c[4]);
      String nfd = Normalizer.normalize(c[4], Normalizer.Form.NFD);
      if (!nfd.equals(c[4])) {
        texts.add(nfd);
      }
    }
    for (String[] c : rows("/url/url-cases.tsv")) {
      urls.add(c[3]);
    }
    assertThat(texts).hasSizeGreaterThan(500);
    assertThat(urls).hasSizeGreaterThan(50);
  }

  private static List<String[]> rows(String resource) throws IOException {
    return TestTables.rows(resource);
  }

  /** One check of the corpus: a text or a URL under a policy. */
  private record Job(boolean url, String input, Policy policy) {
    Verdict run(ContentFilter f) {
      return url ? f.checkUrl(input, policy) : f.checkText(input, policy);
    }
  }

  private static List<Job> jobs() {
    List<Job> jobs = new ArrayList<>();
    for (Policy p : policies) {
      for (String t : texts) {
        jobs.add(new Job(false, t, p));
      }
      for (String u : urls) {
        jobs.add(new Job(true, u, p));
      }
    }
    return jobs;
  }

  private static List<Verdict> baseline(ContentFilter f, List<Job> jobs) {
    List<Verdict> out = new ArrayList<>(jobs.size());
    for (Job j : jobs) {
      out.add(j.run(f));
    }
    return out;
  }

  /**
   * Checks every job {@code passes} times in a thread-specific order, comparing with the baseline.
   * Returns the number of checks.
   */
  private static long hammer(ContentFilter f, List<Job> jobs, List<Verdict> expected, int thread, int passes,
      AtomicBoolean more, ConcurrentLinkedQueue<String> failures) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      order.add(i);
    }
    long checks = 0;
    Random random = new Random(thread);
    for (int pass = 0; pass < passes || (more != null && more.get()); pass++) {
      Collections.shuffle(order, random);
      for (int i : order) {
        Job j = jobs.get(i);
        Verdict v;
        try {
          v = j.run(f);
        } catch (RuntimeException | Error e) {
          failures.add(j + " threw " + e);
          continue;
        } finally {
          checks++;
        }
        if (!v.equals(expected.get(i))) {
          failures.add(j + ": " + v + " != single-thread " + expected.get(i));
        }
      }
    }
    return checks;
  }

  @Test
  void sixteenThreadsGiveTheSingleThreadVerdicts() throws Exception {
    // No URL cache, so every URL check is computed rather than served from the cache.
    try (ContentFilter f = ContentFilter.builder().urlCacheSize(0).build()) {
      List<Job> jobs = jobs();
      List<Verdict> expected = baseline(f, jobs);
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Long>> done = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          return hammer(f, jobs, expected, thread, PASSES, null, failures);
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      long checks = 0;
      for (Future<Long> d : done) {
        checks += d.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      System.out.printf("ConcurrencyTest: %d threads, %d checks (%d jobs x %d passes each) in %d ms, %d differences%n",
          THREADS, checks, jobs.size(), PASSES, (System.nanoTime() - t0) / 1_000_000, failures.size());
      assertThat(failures).isEmpty();
      assertThat(checks).isEqualTo((long) THREADS * PASSES * jobs.size());
    }
  }

  /** Host and path keys added in generation {@code g}: both or neither must be found. */
  private static String host(int g) {
    return "gen" + g + ".reload.example";
  }

  @Test
  void verdictsStayExactWhileTheIndexIsExtendedAndRefreshed() throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir)) {
      w.add(new ListEntry("base.reload.example", "gambling", "test"));
      w.commit(true);
    }
    try (ContentFilter f = ContentFilter.builder().urlIndex(dir).build()) {
      List<Job> jobs = jobs();
      List<Verdict> expected = baseline(f, jobs);
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      /** Highest generation whose commit has started: no verdict may show a later one. */
      AtomicInteger committing = new AtomicInteger(1);
      /** Highest generation the filter has been refreshed onto: every check starting later sees it. */
      AtomicInteger refreshed = new AtomicInteger(1);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong refreshes = new AtomicLong();
      AtomicLong switched = new AtomicLong();
      AtomicLong generationChecks = new AtomicLong();
      Policy child = Policy.forAge(10);

      ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
      Future<Integer> writer = pool.submit(() -> {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELOAD_MILLIS);
        int last = 1;
        try {
          while (System.nanoTime() < end || last < 1 + MIN_GENERATIONS) {
            try (UrlListWriter ext = UrlListWriter.extend(dir)) {
              int g = ext.generation();
              ext.add(new ListEntry(host(g), "gambling", "reload"));
              ext.add(new ListEntry(host(g) + "/x/", "sexual", "reload"));
              committing.set(g);
              ext.commit();
              last = g;
            }
          }
        } finally {
          running.set(false);
        }
        return last;
      });
      Future<Object> refresher = pool.submit(() -> {
        while (running.get()) {
          int before = committing.get();   // committed or being committed; refresh sees at least the one before
          try {
            if (f.refreshUrlIndex()) {
              switched.incrementAndGet();
            }
            refreshes.incrementAndGet();
            refreshed.accumulateAndGet(before - 1, Math::max);
          } catch (RuntimeException e) {
            failures.add("refresh threw " + e);
          }
          Thread.sleep(1);
        }
        return null;
      });
      List<Future<Long>> checkers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        checkers.add(pool.submit(() -> {
          Random random = new Random(1000 + thread);
          long checks = 0;
          List<Job> slice = new ArrayList<>();
          List<Verdict> sliceExpected = new ArrayList<>();
          for (int i = thread; i < jobs.size(); i += THREADS) {
            slice.add(jobs.get(i));
            sliceExpected.add(expected.get(i));
          }
          while (running.get()) {
            checks += hammer(f, slice, sliceExpected, thread, 1, null, failures);
            for (int k = 0; k < 50; k++) {
              int atLeast = refreshed.get();
              int g = 2 + random.nextInt(committing.get() + 2);   // some not written yet
              String url = random.nextBoolean() ? "http://" + host(g) + "/" : "http://www." + host(g) + "/x/y";
              Verdict v;
              try {
                v = f.checkUrl(url, child);
              } catch (RuntimeException | Error e) {
                failures.add(url + " threw " + e);
                continue;
              }
              int atMost = committing.get();
              generationChecks.incrementAndGet();
              boolean listed = v.action() == Action.BLOCK;
              boolean path = url.endsWith("/x/y");
              if (!v.errors().isEmpty()) {
                failures.add(url + ": " + v);
              } else if (listed && g > atMost) {
                failures.add(url + " blocked before generation " + g + " was written: " + v);
              } else if (!listed && g <= atLeast) {
                failures.add(url + " allowed after the filter was refreshed onto generation " + atLeast + ": " + v);
              } else if (listed && path && !v.categories().equals(java.util.EnumSet.of(Category.GAMBLING,
                  Category.SEXUAL))) {
                failures.add(url + " mixes generations (host and path keys of one generation): " + v);
              } else if (!listed && !v.findings().isEmpty()) {
                failures.add(url + " allowed with findings: " + v);
              }
            }
          }
          // One more full pass after the last refresh: the corpus is still exact.
          checks += hammer(f, slice, sliceExpected, thread, 1, null, failures);
          return checks;
        }));
      }
      int lastGeneration = writer.get(60, TimeUnit.SECONDS);
      refresher.get(60, TimeUnit.SECONDS);
      long checks = 0;
      for (Future<Long> c : checkers) {
        checks += c.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      f.refreshUrlIndex();
      assertThat(f.checkUrl("http://" + host(lastGeneration) + "/", child).action()).isEqualTo(Action.BLOCK);
      assertThat(f.checkUrl("http://base.reload.example/", child).action()).isEqualTo(Action.BLOCK);
      System.out.printf("ConcurrencyTest (reload): %d threads, %d corpus checks + %d generation checks, "
              + "%d generations published, %d refreshes (%d switched generation), %d failures%n",
          THREADS, checks, generationChecks.get(), lastGeneration - 1, refreshes.get(), switched.get(),
          failures.size());
      assertThat(failures).isEmpty();
      assertThat(lastGeneration).isGreaterThanOrEqualTo(1 + MIN_GENERATIONS);
      assertThat(switched.get()).isPositive();
    }
  }
}
