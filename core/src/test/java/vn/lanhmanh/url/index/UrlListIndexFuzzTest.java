package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.url.index.UrlListIndexTest.url;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.lanhmanh.fuzz.FuzzInput;

/**
 * Coverage-guided fuzzing of opening a damaged URL list index (see {@link CorruptIndexTest}): the input
 * flips bits or bytes in, truncates, extends or deletes the files of a small index. Opening it either fails
 * with an {@link IOException}, {@link IllegalStateException} or {@link IllegalArgumentException} that says
 * why, or succeeds; then {@code verify()} either names the damage or passes, and an index that passes gives
 * every entry back. A plain {@code mvn test} runs it on its seeds in {@code UrlListIndexFuzzTestInputs/};
 * {@code scripts/fuzz.sh} fuzzes it.
 */
class UrlListIndexFuzzTest {

  private static final int ENTRIES = 40;
  private static final Path PRISTINE = build();

  private static Path build() {
    try {
      Path dir = Files.createTempDirectory("lanhmanh-index-fuzz");
      try (UrlListWriter w = UrlListWriter.create(dir, ENTRIES)) {
        for (int i = 0; i < ENTRIES; i++) {
          w.add(new ListEntry("site" + i + ".example", i % 2 == 0 ? "gambling" : "drugs", "fuzz"));
        }
        w.commit(true);
      }
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void damagedFiles(byte[] data) throws IOException {
    Path dir = Files.createTempDirectory("lanhmanh-index-fuzz-case");
    try {
      copy(PRISTINE, dir);
      damage(dir.resolve("generation-1"), new FuzzInput(data));
      openAndCheck(dir);
    } finally {
      delete(dir);
    }
  }

  private static void damage(Path gen, FuzzInput in) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(gen)) {
      files = new ArrayList<>(s.sorted().toList());
    }
    while (in.hasMore() && !files.isEmpty()) {
      Path f = files.get(in.choose(files.size()));
      byte[] bytes = Files.readAllBytes(f);
      int at = bytes.length == 0 ? 0 : ((in.choose(256) << 8) | in.choose(256)) % bytes.length;
      switch (in.choose(5)) {
        case 0 -> bytes = flip(bytes, at, (byte) (1 << in.choose(8)));
        case 1 -> bytes = flip(bytes, at, (byte) (1 + in.choose(255)));
        case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
        case 3 -> bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1 + in.choose(16));
        default -> {
          Files.delete(f);
          files.remove(f);
          continue;
        }
      }
      Files.write(f, bytes);
    }
  }

  /** The bytes with {@code mask} xor-ed in at {@code at}; an empty file stays empty. */
  private static byte[] flip(byte[] bytes, int at, byte mask) {
    if (bytes.length > 0) {
      bytes[at] ^= mask;
    }
    return bytes;
  }

  private static void openAndCheck(Path dir) {
    UrlListIndex index;
    try {
      index = UrlListIndex.open(dir);
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      assertThat(e.getMessage()).as("refusal of %s", e).isNotBlank();
      return;
    }
    try (index) {
      boolean verified;
      try {
        index.verify();
        verified = true;
      } catch (IllegalStateException | IOException e) {
        assertThat(e.getMessage()).as("verify: %s", e).isNotBlank();
        verified = false;
      }
      for (int i = 0; i < ENTRIES; i++) {
        String host = "site" + i + ".example";
        List<ListEntry> found;
        try {
          found = index.lookup(url("http://" + host + "/path/x"));
        } catch (IllegalStateException e) {
          assertThat(verified).as("lookup failed after verify passed: %s", e).isFalse();
          continue;
        }
        if (verified) {
          assertThat(found).as(host).singleElement().isEqualTo(
              new ListEntry(host, i % 2 == 0 ? "gambling" : "drugs", "fuzz"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
