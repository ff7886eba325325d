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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.url.UrlHit;

/**
 * A generation of index format 3 (a path marker in a block of its own) is still read after format 4 put
 * markers in their host key's block: the same entries written as a format 3 generation (its filter filled
 * the way format 3 filled it) and as a format 4 one give the same entries and hits in the same order for
 * listed hosts, their subdomains, listed paths and queries, allow entries and unlisted URLs; extending the
 * format 3 index writes a format 4 generation.
 */
class FilterFormatTest {

  @TempDir
  Path dir;

  @TempDir
  Path old;

  @Test
  void formatThreeAndFormatFourGiveTheSameAnswers() throws Exception {
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
    assertThat(props.getProperty(IndexLayout.K_FORMAT)).isEqualTo("4");
    KeyFilter three = KeyFilter.create(IndexLayout.longProp(props, IndexLayout.K_BLOOM_EXPECTED), KeyFilter.OLDEST_FORMAT);
    for (String k : keys) {
      three.put(k);
    }
    byte[] bloom = three.toBytes();
    Files.write(oldGen.resolve(IndexLayout.BLOOM), bloom);
    Path p = oldGen.resolve(IndexLayout.PROPERTIES);
    Files.writeString(p, Files.readString(p, StandardCharsets.ISO_8859_1)
        .replaceAll("(?m)^format=4$", "format=3")
        .replaceAll("(?m)^bloom\\.bytes=\\d+$", "bloom.bytes=" + bloom.length)
        .replaceAll("(?m)^bloom\\.crc32c=[0-9a-f]+$", "bloom.crc32c=" + Long.toHexString(KeyFilter.crc32c(ByteBuffer.wrap(bloom)))),
        StandardCharsets.ISO_8859_1);

    List<String> urls = SampleLists.urls(written.hosts(), r);
    int withPaths = 0;
    try (UrlListIndex four = UrlListIndex.open(dir); UrlListIndex formatThree = UrlListIndex.open(old)) {
      assertThat(four.state().filter.format()).isEqualTo(4);
      assertThat(formatThree.state().filter.format()).isEqualTo(3);
      for (String u : urls) {
        List<ListEntry> expected = four.lookup(url(u));
        assertThat(formatThree.lookup(url(u))).as(u).containsExactlyElementsOf(expected);
        List<UrlHit> a = new ArrayList<>();
        List<UrlHit> b = new ArrayList<>();
        boolean allowA = four.lookupHits(url(u), a);
        boolean allowB = formatThree.lookupHits(url(u), b);
        assertThat(b).as(u).containsExactlyElementsOf(a);
        assertThat(allowB).as(u).isEqualTo(allowA);
        withPaths += expected.stream().anyMatch(e -> e.key().indexOf('/') > 0) ? 1 : 0;
      }
    }
    assertThat(withPaths).as("URLs that a path key names").isGreaterThan(200);

    try (UrlListWriter w = UrlListWriter.extend(old)) {
      w.add(new ListEntry("added.example/adult/", "sexual", "more"));
      w.commit(true);
    }
    assertThat(IndexLayout.read(old.resolve("generation-2")).getProperty(IndexLayout.K_FORMAT)).isEqualTo("4");
    try (UrlListIndex extended = UrlListIndex.open(old); UrlListIndex four = UrlListIndex.open(dir)) {
      assertThat(extended.diskGeneration()).isEqualTo(2);
      assertThat(extended.state().filter.format()).isEqualTo(4);
      assertThat(extended.lookup(url("http://www.added.example/adult/x.html"))).hasSize(1);
      for (String u : urls) {
        assertThat(extended.lookup(url(u))).as(u).containsExactlyElementsOf(four.lookup(url(u)));
      }
    }
  }
}
