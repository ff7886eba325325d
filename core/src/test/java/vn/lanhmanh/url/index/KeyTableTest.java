package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.url.index.UrlListIndexTest.url;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key table answers every lookup as the Bloom filter and Lucene do: the same index is opened with its
 * table and, after the table's property is removed (a generation written before the table existed), without
 * it, and both must give the same entries in the same order for listed hosts, their subdomains, listed
 * paths and queries, keys in several lists, allow entries and unlisted URLs.
 */
class KeyTableTest {

  @TempDir
  Path dir;

  @TempDir
  Path withoutTable;

  @Test
  void tableAndLuceneGiveTheSameEntries() throws Exception {
    SplittableRandom r = new SplittableRandom(15);
    List<String> hosts = SampleLists.write(dir, r).hosts();
    Path gen = dir.resolve("generation-1");
    assertThat(gen.resolve(KeyTable.FILE)).exists();
    Path copy = withoutTable.resolve("generation-1");
    Files.createDirectories(copy);
    try (var files = Files.list(gen)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals(KeyTable.FILE)) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    Path props = copy.resolve(IndexLayout.PROPERTIES);
    Files.writeString(props, Files.readString(props, StandardCharsets.ISO_8859_1)
        .replaceAll("(?m)^" + IndexLayout.K_TABLE.replace(".", "\\.") + "=.*$", ""), StandardCharsets.ISO_8859_1);

    List<String> urls = SampleLists.urls(hosts, r);
    int nonEmpty = 0;
    try (UrlListIndex table = UrlListIndex.open(dir); UrlListIndex lucene = UrlListIndex.open(withoutTable)) {
      assertThat(table.state().table).isNotNull();
      assertThat(lucene.state().table).isNull();
      for (String u : urls) {
        List<ListEntry> expected = lucene.lookup(url(u));
        assertThat(table.lookup(url(u))).as(u).containsExactlyElementsOf(expected);
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
    }
    assertThat(nonEmpty).as("URLs that some list names").isGreaterThan(2000);
  }

  @Test
  void fingerprintIsNeverZeroAndKeepsTheUpperBits() {
    assertThat(KeyTable.fingerprint(0L)).isNotZero();
    assertThat(KeyTable.fingerprint(0xFFFFL)).isNotZero();
    assertThat(KeyTable.fingerprint(0x1234_5678_9ABC_DEF0L)).isEqualTo(0x1234_5678_9ABC_0000L);
    assertThat(KeyTable.bitsFor(0)).isEqualTo(4);
    assertThat(1L << KeyTable.bitsFor(7_000_000)).isGreaterThanOrEqualTo(10_000_000L);
  }
}
