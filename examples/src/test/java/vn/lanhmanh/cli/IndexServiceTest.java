package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.url.index.ListEntry;
import vn.lanhmanh.url.index.UrlListWriter;

/** {@code serve --index}: GET /v1/index, POST /v1/index/refresh, and a damaged generation refused. */
class IndexServiceTest {

  @TempDir
  Path dir;

  @Test
  void showsRefreshesAndRefusesADamagedGeneration() throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir, 1000)) {
      w.add(new ListEntry("choi-bai-xyz.example", "gambling", "test/gambling"));
      w.add(new ListEntry("phim-xyz.example", "sexual", "test/adult"));
      w.commit();
    }
    ContentFilter filter = ContentFilter.builder().urlIndex(dir).build();
    try (ServiceClient c = ServiceClient.start(filter, IndexView.open(filter, dir), ServiceLimits.DEFAULTS)) {
      JsonNode info = c.get("/v1/index").json();
      assertThat(info.get("configured").asBoolean()).isTrue();
      assertThat(info.get("generation").asInt()).isEqualTo(1);
      assertThat(info.get("entries").asInt()).isEqualTo(2);
      assertThat(info.get("categories").get("gambling").asLong()).isEqualTo(1);
      assertThat(info.get("sources").get("test/adult").asLong()).isEqualTo(1);
      assertThat(verdict(c, "https://choi-bai-xyz.example/").get("action").asText()).isEqualTo("BLOCK");
      assertThat(verdict(c, "https://new-xyz.example/").get("action").asText()).isEqualTo("ALLOW");

      try (UrlListWriter w = UrlListWriter.extend(dir)) {
        w.add(new ListEntry("new-xyz.example", "scam", "test/scam"));
        w.commit();
      }
      JsonNode refreshed = c.post("/v1/index/refresh", "").json();
      assertThat(refreshed.get("refreshed").asBoolean()).isTrue();
      assertThat(refreshed.get("generation").asInt()).isEqualTo(2);
      assertThat(verdict(c, "https://new-xyz.example/").get("action").asText()).isEqualTo("BLOCK");
      assertThat(c.get("/metrics").body()).contains("lanhmanh_index_generation 2");

      // generation 3: a copy of 2 with a damaged Lucene file
      Path g3 = dir.resolve("generation-3");
      copy(dir.resolve("generation-2"), g3);
      Path victim;
      try (Stream<Path> files = Files.list(g3)) {
        victim = files.filter(p -> !p.getFileName().toString().endsWith(".properties")
                && !p.getFileName().toString().equals("keys.bloom"))
            .max(Comparator.comparingLong(IndexServiceTest::size)).orElseThrow();
      }
      try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
        f.seek(f.length() - 8);
        f.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
      JsonNode kept = c.post("/v1/index/refresh", "").json();
      assertThat(kept.get("refreshed").asBoolean()).isFalse();
      assertThat(kept.get("generation").asInt()).isEqualTo(2);
      assertThat(kept.get("refused").has("3")).isTrue();
      assertThat(verdict(c, "https://new-xyz.example/").get("action").asText()).isEqualTo("BLOCK");
    }
  }

  private static JsonNode verdict(ServiceClient c, String url) {
    ServiceClient.Reply r = c.post("/v1/check", "{\"url\": \"" + url + "\", \"age\": 10}");
    assertThat(r.status()).isEqualTo(200);
    return r.json();
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
  }
}
