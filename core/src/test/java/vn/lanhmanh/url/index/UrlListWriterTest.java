package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.url.index.UrlListIndexTest.keys;
import static vn.lanhmanh.url.index.UrlListIndexTest.url;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlListWriterTest {

  @TempDir
  Path dir;

  private void base(int n) throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir, n)) {
      for (int i = 0; i < n; i++) {
        w.add(new ListEntry("base" + i + ".example", "gambling", "base"));
      }
      w.add(new ListEntry("stable.example", "sexual", "base"));
      w.add(new ListEntry("olm.vn", "allow", "learning"));
      w.commit(true);
    }
  }

  @Test
  void extendAddsAndRemovesInANewGenerationAndRefreshSeesIt() throws Exception {
    base(1000);
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      long before = index.generation();
      assertThat(index.refresh()).isFalse();

      try (UrlListWriter w = UrlListWriter.extend(dir)) {
        assertThat(w.generation()).isEqualTo(2);
        w.add(new ListEntry("new.example", "scam", "update"));
        w.remove(new ListEntry("base1.example", "gambling", "base"));
        w.removeKey("base2.example");
        w.removeSource("learning");
        // Not committed yet: the open index sees nothing new.
        assertThat(index.refresh()).isFalse();
        w.commit();
      }

      assertThat(index.lookup(url("http://new.example/"))).isEmpty();
      assertThat(index.refresh()).isTrue();
      assertThat(index.generation()).isNotEqualTo(before);
      assertThat(index.diskGeneration()).isEqualTo(2);
      assertThat(keys(index.lookup(url("http://a.new.example/")))).containsExactly("new.example scam update");
      assertThat(index.lookup(url("http://base1.example/"))).isEmpty();
      assertThat(index.lookup(url("http://base2.example/"))).isEmpty();
      assertThat(index.lookup(url("http://olm.vn/"))).isEmpty();
      assertThat(index.lookup(url("http://base3.example/"))).hasSize(1);
      assertThat(index.size()).isEqualTo(1000 + 2 + 1 - 3);
      assertThat(index.sourceCounts()).containsEntry("update", 1L).doesNotContainKey("learning");
    }
    // The old generation is untouched and still opens on its own.
    try (UrlListIndex old = UrlListIndex.openGeneration(dir, 1)) {
      assertThat(old.lookup(url("http://base1.example/"))).hasSize(1);
      assertThat(old.lookup(url("http://new.example/"))).isEmpty();
    }
  }

  @Test
  void entriesAddedTwiceAreStoredOnceAfterCommitAlsoOverTheBaseGeneration() throws Exception {
    base(100);
    try (UrlListWriter w = UrlListWriter.extend(dir)) {
      w.add(new ListEntry("base7.example", "gambling", "base"));       // already in generation 1
      w.add(new ListEntry("twice.example", "scam", "update"));
      w.add(new ListEntry("twice.example", "scam", "update"));
      w.add(new ListEntry("twice.example", "scam", "other"));          // same key, another list: kept
      w.add(new ListEntry("twice.example/path/", "scam", "update"));
      w.add(new ListEntry("twice.example/path/", "scam", "update"));
      w.remove(new ListEntry("base8.example", "gambling", "base"));
      w.add(new ListEntry("base8.example", "gambling", "base"));       // removed, then added back once
      w.commit();
    }
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.diskGeneration()).isEqualTo(2);
      assertThat(index.size()).isEqualTo(100 + 2 + 3);
      assertThat(keys(index.lookup(url("http://base7.example/")))).containsExactly("base7.example gambling base");
      assertThat(keys(index.lookup(url("http://base8.example/")))).containsExactly("base8.example gambling base");
      assertThat(keys(index.lookup(url("http://twice.example/path/x")))).containsExactly(
          "twice.example/path/ scam update", "twice.example scam other", "twice.example scam update");
      assertThat(index.sourceCounts()).containsEntry("update", 2L).containsEntry("base", 101L);
      index.verify();
    }
  }

  @Test
  void nearRealTimeReopenWhileLookupsRun() throws Exception {
    base(20_000);
    try (UrlListWriter w = UrlListWriter.extend(dir);
        UrlListIndex nrt = w.openNearRealTime()) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong lookups = new AtomicLong();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<?> reader = pool.submit(() -> {
        while (!stop.get()) {
          // Always listed, never touched by the writer: must be found in every generation.
          if (nrt.lookup(url("http://www.stable.example/x")).size() != 1) {
            throw new AssertionError("stable entry lost at generation " + nrt.generation());
          }
          nrt.lookup(url("http://unlisted" + lookups.get() + ".example/"));
          lookups.incrementAndGet();
        }
        return null;
      });

      long generation = nrt.generation();
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 500; i++) {
          w.add(new ListEntry("nrt" + round + "-" + i + ".example", "scam", "live"));
        }
        w.removeKey("base" + round + ".example");
        assertThat(nrt.refresh()).isTrue();
        assertThat(nrt.generation()).isNotEqualTo(generation);
        generation = nrt.generation();
        assertThat(nrt.lookup(url("http://nrt" + round + "-499.example/"))).hasSize(1);
        assertThat(nrt.lookup(url("http://base" + round + ".example/"))).isEmpty();
      }
      // 10,000 keys went into a filter sized for the base: it filled up and was rebuilt, losing none.
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 500; i += 7) {
          assertThat(nrt.lookup(url("http://nrt" + round + "-" + i + ".example/"))).hasSize(1);
        }
      }
      assertThat(nrt.refresh()).isFalse();

      int committed = w.commit();
      assertThat(nrt.refresh()).isTrue();
      assertThat(nrt.diskGeneration()).isEqualTo(committed);
      assertThat(nrt.lookup(url("http://nrt19-0.example/"))).hasSize(1);

      stop.set(true);
      reader.get(30, TimeUnit.SECONDS);
      pool.shutdown();
      assertThat(lookups.get()).isPositive();
    }
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.diskGeneration()).isEqualTo(2);
      assertThat(index.size()).isEqualTo(20_000 + 2 + 20 * 500 - 20);
    }
  }

  @Test
  void ramBufferIsAQuarterOfTheHeapWithinBounds() {
    long mb = 1024 * 1024;
    assertThat(UrlListWriter.ramBufferMb(32 * mb)).isEqualTo(16);
    assertThat(UrlListWriter.ramBufferMb(2048 * mb)).isEqualTo(512);
    assertThat(UrlListWriter.ramBufferMb(64 * 1024 * mb)).isEqualTo(1024);
  }
}
