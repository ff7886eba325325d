package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.UrlCanonicalizer;

class UrlListIndexTest {

  @TempDir
  Path dir;

  static CanonicalUrl url(String s) {
    return UrlCanonicalizer.canonicalize(s).url();
  }

  static List<String> keys(List<ListEntry> entries) {
    return entries.stream().map(e -> e.key() + " " + e.category() + " " + e.source()).toList();
  }

  private void buildFromFixtures() throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir, 1000)) {
      Ut1Importer.importTree(ListImporterTest.fixture("ut1"), w::add);
      ListImporter.importFile(ListImporterTest.fixture("hosts.txt"), ListFormat.HOSTS, "gambling", "test/hosts", w::add);
      w.add(new ListEntry("example.org", "social", "test/extra"));
      assertThat(w.commit(true)).isEqualTo(1);
    }
  }

  @Test
  void roundTripLooksUpHostsSubdomainsPathsAndAllowEntries() throws Exception {
    buildFromFixtures();
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.diskGeneration()).isEqualTo(1);
      assertThat(index.refusedGenerations()).isEmpty();

      assertThat(keys(index.lookup(url("http://Example-Adult.com/")))).containsExactly("example-adult.com sexual ut1/adult");
      assertThat(keys(index.lookup(url("https://video.cdn.example-adult.com/a/b?c=d"))))
          .containsExactly("example-adult.com sexual ut1/adult");
      // www. is its own entry, and the bare domain matches it as a parent.
      assertThat(keys(index.lookup(url("http://www.example-adult.com/"))))
          .containsExactly("www.example-adult.com sexual ut1/adult", "example-adult.com sexual ut1/adult");
      // Path prefix, then the host entries, most specific first.
      assertThat(keys(index.lookup(url("http://tube.example.org/adult/clip/1.html"))))
          .containsExactly("tube.example.org/adult/ sexual ut1/adult", "example.org social test/extra");
      assertThat(keys(index.lookup(url("http://example.org/x.html?a=1"))))
          .containsExactly("example.org/x.html sexual ut1/adult", "example.org social test/extra");
      assertThat(keys(index.lookup(url("http://178.128.25.172/watch")))).containsExactly("178.128.25.172/watch sexual ut1/adult");
      assertThat(keys(index.lookup(url("http://bóngđá-sex.vn/x")))).hasSize(1);
      assertThat(index.lookup(url("https://olm.vn/bai-tap"))).singleElement()
          .satisfies(e -> assertThat(e.isAllow()).isTrue());
      assertThat(keys(index.lookup(url("http://bet-one.com/")))).containsExactly("bet-one.com gambling test/hosts");

      List<ListEntry> miss = index.lookup(url("https://vnexpress.net/thoi-su/abc.html?x=1"));
      assertThat(miss).isEmpty();
      assertThat(miss).isSameAs(List.of());
      assertThat(index.lookup(url("http://tube.example.com/adult/"))).isEmpty();
      // A path entry only matches its path: /adultx is not under /adult/.
      assertThat(keys(index.lookup(url("http://tube.example.org/adultx")))).containsExactly("example.org social test/extra");

      assertThat(keys(index.entries("olm.vn"))).containsExactly("olm.vn allow ut1/child");
      assertThat(index.categoryCounts()).containsEntry("allow", 2L).containsEntry("gambling", 11L);
      assertThat(index.sourceCounts()).containsEntry("test/extra", 1L);
      index.verify();
    }
  }

  @Test
  void propertiesAreWrittenWithCountsAndFilterParameters() throws Exception {
    buildFromFixtures();
    Path gen = dir.resolve("generation-1");
    Properties p = IndexLayout.read(gen);
    assertThat(p.getProperty("format")).isEqualTo("5");
    assertThat(p.getProperty("generation")).isEqualTo("1");
    assertThat(p.getProperty("created")).isNotBlank();
    assertThat(p.getProperty("bloom.fpp")).isEqualTo("0.001");
    assertThat(Long.parseLong(p.getProperty("bloom.bytes"))).isEqualTo(Files.size(gen.resolve("keys.bloom")));
    assertThat(p.stringPropertyNames()).anyMatch(k -> k.startsWith("lucene.file.segments_"));
    assertThat(Long.parseLong(p.getProperty("entries"))).isGreaterThan(Long.parseLong(p.getProperty("keys")) - 1);
    assertThat(Files.list(gen).map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
  }

  @Test
  void sameEntryTwiceIsStoredOnceAndOneKeyMayBeInSeveralLists() throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir, 100)) {
      w.add(new ListEntry("dup.example", "gambling", "a"));
      w.add(new ListEntry("dup.example", "gambling", "a"));
      w.add(new ListEntry("dup.example", "scam", "b"));
      w.commit();
    }
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.size()).isEqualTo(2);
      assertThat(keys(index.lookup(url("http://x.dup.example/"))))
          .containsExactly("dup.example gambling a", "dup.example scam b");
    }
  }

  @Test
  void emptyFolderIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> UrlListIndex.open(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no generation-N folder");
  }

  @Test
  void closingWithoutCommitDiscardsTheGeneration() throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir, 100)) {
      w.add(new ListEntry("a.example", "scam", "x"));
    }
    assertThat(IndexLayout.generations(dir)).isEmpty();
  }

  @Test
  void lookupAfterCloseFailsClearly() throws Exception {
    buildFromFixtures();
    UrlListIndex index = UrlListIndex.open(dir);
    index.close();
    assertThatThrownBy(() -> index.lookup(url("http://bet-one.com/"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void manyEntriesRoundTrip() throws Exception {
    int n = 100_000;
    try (UrlListWriter w = UrlListWriter.create(dir, n)) {
      for (int i = 0; i < n; i++) {
        w.add(new ListEntry("host" + i + ".example", i % 2 == 0 ? "gambling" : "sexual", "synthetic"));
      }
      w.commit(true);
    }
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.size()).isEqualTo(n);
      for (int i = 0; i < n; i += 997) {
        assertThat(index.lookup(url("http://www.host" + i + ".example/p"))).hasSize(1);
        assertThat(index.lookup(url("http://host" + i + ".other/p"))).isEmpty();
      }
      assertThat(index.categoryCounts()).containsEntry("gambling", 50_000L).containsEntry("sexual", 50_000L);
    }
  }
}
