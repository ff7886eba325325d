package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lanhmanh.url.index.UrlListIndexTest.url;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged newest generation is refused with a message that names the problem; the previous one is used. */
class CorruptIndexTest {

  @TempDir
  Path dir;

  Path gen2;

  @BeforeEach
  void twoGenerations() throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir, 1000)) {
      for (int i = 0; i < 1000; i++) {
        w.add(new ListEntry("old" + i + ".example", "gambling", "one"));
      }
      w.commit(true);
    }
    try (UrlListWriter w = UrlListWriter.extend(dir)) {
      for (int i = 0; i < 1000; i++) {
        w.add(new ListEntry("new" + i + ".example", "scam", "two"));
      }
      w.commit(false);
    }
    gen2 = dir.resolve("generation-2");
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.diskGeneration()).isEqualTo(2);
    }
  }

  /** The biggest Lucene file of generation 2 that is not shared (hard-linked) with generation 1. */
  private Path ownLuceneFile() throws Exception {
    Set<String> old;
    try (Stream<Path> s = Files.list(dir.resolve("generation-1"))) {
      old = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    try (Stream<Path> s = Files.list(gen2)) {
      return s.filter(p -> !old.contains(p.getFileName().toString()))
          .filter(p -> !p.getFileName().toString().startsWith("lanhmanh") && !p.getFileName().toString().startsWith("keys")
              && !p.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
  }

  private void assertFallsBackBecause(String problem) throws Exception {
    assertThatThrownBy(() -> UrlListIndex.openGeneration(dir, 2)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("generation-2").hasMessageContaining(problem);
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.diskGeneration()).isEqualTo(1);
      assertThat(index.refusedGenerations()).containsOnlyKeys(2);
      assertThat(index.refusedGenerations().get(2)).contains(problem);
      assertThat(index.lookup(url("http://old5.example/"))).hasSize(1);
      assertThat(index.lookup(url("http://new5.example/"))).isEmpty();
    }
  }

  @Test
  void truncatedLuceneFileIsRefused() throws Exception {
    Path victim = ownLuceneFile();
    try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
      f.setLength(f.length() - 7);
    }
    assertFallsBackBecause("truncated");
  }

  @Test
  void flippedByteInALuceneFooterIsRefused() throws Exception {
    Path victim = ownLuceneFile();
    flip(victim, victim.toFile().length() - 3);
    assertFallsBackBecause("checksum");
  }

  @Test
  void flippedByteInsideALuceneFileIsFoundByVerify() throws Exception {
    Path victim = ownLuceneFile();
    flip(victim, victim.toFile().length() / 2);
    try (UrlListIndex index = UrlListIndex.openGeneration(dir, 2)) {
      assertThatThrownBy(index::verify).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(victim.getFileName().toString()).hasMessageContaining("damaged");
    } catch (IllegalStateException refusedAtOpen) {
      // Lucene checks some files (segment infos) completely at open; that is fine too.
      assertThat(refusedAtOpen).hasMessageContaining("generation-2");
    }
  }

  @Test
  void describingACommitReadsEveryByte() throws Exception {
    Path victim = ownLuceneFile();
    flip(victim, victim.toFile().length() / 2);
    try (org.apache.lucene.store.Directory d = new org.apache.lucene.store.MMapDirectory(gen2)) {
      assertThatThrownBy(() -> IndexLayout.describeCommit(d, new java.util.Properties()))
          .isInstanceOf(org.apache.lucene.index.CorruptIndexException.class);
    }
  }

  @Test
  void missingPropertiesFileMeansIncomplete() throws Exception {
    Files.delete(gen2.resolve(IndexLayout.PROPERTIES));
    assertFallsBackBecause("incomplete: no lanhmanh-index.properties");
  }

  @Test
  void flippedByteInTheFilterIsRefused() throws Exception {
    flip(gen2.resolve(IndexLayout.BLOOM), 100);
    assertFallsBackBecause("keys.bloom has checksum");
  }

  @Test
  void missingLuceneFileIsRefused() throws Exception {
    Files.delete(ownLuceneFile());
    assertFallsBackBecause("missing");
  }

  private void rewriteProperty(String from, String to) throws Exception {
    Path props = gen2.resolve(IndexLayout.PROPERTIES);
    Files.writeString(props, Files.readString(props, StandardCharsets.ISO_8859_1).replaceAll(from, to),
        StandardCharsets.ISO_8859_1);
  }

  @Test
  void unknownFormatIsRefused() throws Exception {
    rewriteProperty("format=5", "format=99");
    assertFallsBackBecause("index format 99");
  }

  @Test
  void olderFormatIsRefusedAskingForARebuild() throws Exception {
    rewriteProperty("format=5", "format=2");
    assertFallsBackBecause("index format 2; this library reads formats 3 to 5");
    assertThatThrownBy(() -> UrlListIndex.openGeneration(dir, 2)).hasMessageContaining("build the index again");
  }

  @Test
  void filterWithAnotherLayoutIsRefused() throws Exception {
    Path bloom = gen2.resolve(IndexLayout.BLOOM);
    byte[] bytes = Files.readAllBytes(bloom);
    bytes[7] = 2; // the format number in the header: the classic layout of format 2
    Files.write(bloom, bytes);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes);
    rewriteProperty("bloom.crc32c=[0-9a-f]+", "bloom.crc32c=" + Long.toHexString(crc.getValue()));
    assertFallsBackBecause("key filter has format 2; this library reads formats 3 to 5");
  }

  @Test
  void filterOfAnotherFormatThanItsGenerationIsRefused() throws Exception {
    rewriteProperty("format=5", "format=3");
    assertFallsBackBecause("key filter has format 5 in a generation of index format 3");
  }

  @Test
  void noGoodGenerationAtAllFailsNamingEach() throws Exception {
    Files.delete(gen2.resolve(IndexLayout.PROPERTIES));
    flip(dir.resolve("generation-1").resolve(IndexLayout.BLOOM), 50);
    assertThatThrownBy(() -> UrlListIndex.open(dir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no usable generation")
        .hasMessageContaining("generation-2 is incomplete")
        .hasMessageContaining("generation-1: key filter keys.bloom has checksum");
  }

  @Test
  void refreshSkipsADamagedNewGeneration() throws Exception {
    Files.delete(gen2.resolve(IndexLayout.PROPERTIES));
    try (UrlListIndex index = UrlListIndex.open(dir)) {
      assertThat(index.diskGeneration()).isEqualTo(1);
      try (UrlListWriter w = UrlListWriter.extend(dir)) {
        assertThat(w.generation()).isEqualTo(3);
        w.add(new ListEntry("third.example", "drugs", "three"));
        w.commit();
      }
      flip(dir.resolve("generation-3").resolve(IndexLayout.BLOOM), 60);
      assertThat(index.refresh()).isFalse();
      assertThat(index.diskGeneration()).isEqualTo(1);
      assertThat(index.refusedGenerations()).containsKey(3);
    }
  }

  @Test
  void flippedByteInTheKeyTableFooterIsRefused() throws Exception {
    Path table = gen2.resolve(KeyTable.FILE);
    flip(table, table.toFile().length() - 3);
    assertFallsBackBecause("key table keys.table has footer checksum");
  }

  @Test
  void truncatedOrMissingKeyTableIsRefused() throws Exception {
    Path table = gen2.resolve(KeyTable.FILE);
    byte[] bytes = Files.readAllBytes(table);
    Files.write(table, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertFallsBackBecause("truncated or replaced");
    Files.delete(table);
    assertFallsBackBecause("key table keys.table is missing");
  }

  @Test
  void flippedByteInsideTheKeyTableIsFoundByVerify() throws Exception {
    Path table = gen2.resolve(KeyTable.FILE);
    flip(table, table.toFile().length() / 2);
    try (UrlListIndex index = UrlListIndex.openGeneration(dir, 2)) {
      // A damaged slot may answer wrongly, but a lookup never fails or loops.
      for (int i = 0; i < 1000; i++) {
        index.lookup(url("http://new" + i + ".example/"));
      }
      assertThatThrownBy(index::verify).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("key table keys.table is damaged");
    }
  }

  private static void flip(Path file, long at) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0xFF);
    }
  }
}
