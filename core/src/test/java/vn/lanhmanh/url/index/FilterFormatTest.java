package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.url.index.UrlListIndexTest.url;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.url.UrlHit;

/**
 * Generations of index formats 3 (a path marker in a block of its own) and 4 (a marker in its host key's
 * block) are still read after format 5 put a {@code www.} host's key in its parent's block: the same
 * entries written as a format 3 or 4 generation (its filter filled the way that format filled it) and as a
 * format 5 one give the same entries and hits in the same order for listed hosts (some listed with and
 * without {@code www.}), their subdomains, listed paths and queries, allow entries and unlisted URLs;
 * extending an older index writes a format 5 generation.
 */
class FilterFormatTest {

  @TempDir
  Path dir;

  @TempDir
  Path old;

  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void anOlderFormatAndFormatFiveGiveTheSameAnswers(int format) throws Exception {
    SplittableRandom r = new SplittableRandom(16);
    SampleLists.Written written = SampleLists.write(dir, r);
    List<String> keys = written.keys();
    Path gen = dir.resolve("generation-1");
    Path oldGen = old.resolve("generation-1");
    Files.createDirectories(oldGen);
    try (var files = Files.list(gen)) {
      for (Path f : files.toList()) {
        Files.copy(f, oldGen.resolve(f.getFileName()));
      }
    }
    Properties props = IndexLayout.read(gen);
    assertThat(props.getProperty(IndexLayout.K_FORMAT)).isEqualTo("5");
    KeyFilter older = KeyFilter.create(IndexLayout.longProp(props, IndexLayout.K_BLOOM_EXPECTED), format);
    for (String k : keys) {
      older.put(k);
    }
    byte[] bloom = older.toBytes();
    Files.write(oldGen.resolve(IndexLayout.BLOOM), bloom);
    Path p = oldGen.resolve(IndexLayout.PROPERTIES);
    Files.writeString(p, Files.readString(p, StandardCharsets.ISO_8859_1)
        .replaceAll("(?m)^format=5$", "format=" + format)
        .replaceAll("(?m)^bloom\\.bytes=\\d+$", "bloom.bytes=" + bloom.length)
        .replaceAll("(?m)^bloom\\.crc32c=[0-9a-f]+$", "bloom.crc32c=" + Long.toHexString(KeyFilter.crc32c(ByteBuffer.wrap(bloom)))),
        StandardCharsets.ISO_8859_1);

    List<String> urls = SampleLists.urls(written.hosts(), r);
    int withPaths = 0;
    int www = 0;
    try (UrlListIndex five = UrlListIndex.open(dir); UrlListIndex formatOlder = UrlListIndex.open(old)) {
      assertThat(five.state().filter.format()).isEqualTo(5);
      assertThat(formatOlder.state().filter.format()).isEqualTo(format);
      for (String u : urls) {
        List<ListEntry> expected = five.lookup(url(u));
        assertThat(formatOlder.lookup(url(u))).as(u).containsExactlyElementsOf(expected);
        List<UrlHit> a = new ArrayList<>();
        List<UrlHit> b = new ArrayList<>();
        boolean allowA = five.lookupHits(url(u), a);
        boolean allowB = formatOlder.lookupHits(url(u), b);
        assertThat(b).as(u).containsExactlyElementsOf(a);
        assertThat(allowB).as(u).isEqualTo(allowA);
        withPaths += expected.stream().anyMatch(e -> e.key().indexOf('/') > 0) ? 1 : 0;
        www += expected.stream().anyMatch(e -> e.key().startsWith("www.")) ? 1 : 0;
      }
    }
    assertThat(withPaths).as("URLs that a path key names").isGreaterThan(200);
    assertThat(www).as("URLs that a www. key names").isGreaterThan(50);

    try (UrlListWriter w = UrlListWriter.extend(old)) {
      w.add(new ListEntry("added.example/adult/", "sexual", "more"));
      w.add(new ListEntry("www.added.example", "gambling", "more"));
      w.commit(true);
    }
    assertThat(IndexLayout.read(old.resolve("generation-2")).getProperty(IndexLayout.K_FORMAT)).isEqualTo("5");
    try (UrlListIndex extended = UrlListIndex.open(old); UrlListIndex five = UrlListIndex.open(dir)) {
      assertThat(extended.diskGeneration()).isEqualTo(2);
      assertThat(extended.state().filter.format()).isEqualTo(5);
      assertThat(extended.lookup(url("http://www.added.example/adult/x.html"))).hasSize(2);
      for (String u : urls) {
        assertThat(extended.lookup(url(u))).as(u).containsExactlyElementsOf(five.lookup(url(u)));
      }
    }
  }
}
