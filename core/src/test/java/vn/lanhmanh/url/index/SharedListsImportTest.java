package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.lanhmanh.url.index.UrlListIndexTest.keys;
import static vn.lanhmanh.url.index.UrlListIndexTest.url;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the real lists in {@code ../shared/data} (system property {@code lanhmanh.shared.data}) and
 * prints the counts. Skipped when the folder is absent, as in a fresh checkout; the same behaviour is
 * covered on the project's own fixtures by {@link ListImporterTest} and {@link UrlListIndexTest}.
 */
class SharedListsImportTest {

  @TempDir
  Path dir;

  private static Path sharedData() {
    return Path.of(System.getProperty("lanhmanh.shared.data", "../shared/data"));
  }

  @Test
  void importsUt1SinfoniettaAndBlocklistproject() throws Exception {
    Path data = sharedData();
    assumeTrue(Files.isDirectory(data.resolve("ut1")) && Files.isDirectory(data.resolve("sinfonietta"))
        && Files.isDirectory(data.resolve("blocklistproject")), "shared data not found at " + data + ": skipped");
    List<ImportCounts> counts = new ArrayList<>();
    Ut1Importer.Report ut1;
    try (UrlListWriter w = UrlListWriter.create(dir, 1_000_000)) {
      ut1 = Ut1Importer.importTree(data.resolve("ut1"), w::add);
      counts.addAll(ut1.lists());
      for (Map.Entry<String, String> e : Map.of("pornography-hosts", "sexual", "gambling-hosts", "gambling",
          "social-hosts", "social", "snuff-hosts", "violence").entrySet()) {
        counts.add(ListImporter.importFile(data.resolve("sinfonietta").resolve(e.getKey()), ListFormat.HOSTS,
            e.getValue(), "sinfonietta/" + e.getKey(), w::add));
      }
      for (Map.Entry<String, String> e : Map.of("drugs-nl.txt", "drugs", "scam-nl.txt", "scam", "vaping-nl.txt", "drugs",
          "crypto-nl.txt", "scam", "tiktok-nl.txt", "social", "gambling-nl.2026-06-23.PARTIAL.txt", "gambling").entrySet()) {
        counts.add(ListImporter.importFile(data.resolve("blocklistproject").resolve(e.getKey()), ListFormat.DOMAINS,
            e.getValue(), "blocklistproject/" + e.getKey().substring(0, e.getKey().indexOf('-')), w::add));
      }
      w.commit(true);
    }
    counts.forEach(c -> System.out.println("[shared lists] " + c));
    System.out.println("[shared lists] UT1 folders not imported: " + ut1.foldersSkipped().keySet());

    ImportCounts porn = counts.stream().filter(c -> c.list().equals("sinfonietta/pornography-hosts")).findFirst().orElseThrow();
    assertThat(porn.skipped(ListImporter.GLUED)).isPositive();
    assertThat(porn.kept()).isGreaterThan(60_000);
    assertThat(ut1.counts("ut1/adult/very_restrictive_expression").skipped(Ut1Importer.REGEX_NOT_IMPORTED)).isPositive();
    assertThat(ut1.counts("ut1/phishing/domains").kept()).isGreaterThan(20_000);

    try (UrlListIndex index = UrlListIndex.open(dir)) {
      System.out.println("[shared lists] index: " + index.size() + " entries; " + index.categoryCounts());
      assertThat(keys(index.lookup(url("https://www.0-casino.info/")))).contains("0-casino.info gambling ut1/gambling");
      assertThat(keys(index.lookup(url("https://1xbet.com/vi")))).contains("1xbet.com gambling sinfonietta/gambling-hosts");
      assertThat(keys(index.lookup(url("http://0830bbs.com/")))).contains("0830bbs.com drugs blocklistproject/drugs");
      assertThat(keys(index.lookup(url("http://2jr.org/")))).contains("2jr.org allow ut1/child");
      assertThat(keys(index.lookup(url("http://020sextoy.com/sk")))).contains("020sextoy.com/sk sexual ut1/adult");
      assertThat(keys(index.lookup(url("http://bestgore.com/")))).contains("bestgore.com violence sinfonietta/snuff-hosts");
      assertThat(index.lookup(url("http://rahaporn.commanhwax.top/"))).isEmpty();
      assertThat(index.lookup(url("https://vnexpress.net/"))).isEmpty();
    }
  }
}
