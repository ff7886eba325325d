package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.url.index.UrlListIndexTest.url;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  private static final String[] CATEGORIES = {"sexual", "gambling", "scam", "drugs", "allow"};

  @Test
  void tableAndLuceneGiveTheSameEntries() throws Exception {
    SplittableRandom r = new SplittableRandom(15);
    List<String> hosts = new ArrayList<>();
    try (UrlListWriter w = UrlListWriter.create(dir, 3000)) {
      for (int i = 0; i < 3000; i++) {
        String host = "h" + Integer.toString(r.nextInt(1 << 20), 36) + (i % 3 == 0 ? ".example.vn" : ".site" + (i % 7) + ".com");
        hosts.add(host);
        String key = switch (i % 5) {
          case 0 -> host + "/adult/";
          case 1 -> host + "/x/page.html?id=" + i;
          default -> host;
        };
        w.add(new ListEntry(key, CATEGORIES[r.nextInt(CATEGORIES.length)], "list" + (i % 4)));
        if (i % 11 == 0) {
          w.add(new ListEntry(key, CATEGORIES[r.nextInt(CATEGORIES.length)], "other"));
        }
      }
      w.commit(true);
    }
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

    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      String host = hosts.get(r.nextInt(hosts.size()));
      urls.add(switch (i % 6) {
        case 0 -> "http://" + host + "/";
        case 1 -> "https://www.m." + host + "/adult/movie.html";
        case 2 -> "http://" + host + "/x/page.html?id=" + r.nextInt(3000);
        case 3 -> "http://a.b.c." + host + "/x/";
        case 4 -> "http://not" + host + "/adult/";
        default -> "http://unlisted" + r.nextInt(1 << 30) + ".example.org/adult/";
      });
    }
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
