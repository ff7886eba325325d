package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListImporterTest {

  static Path fixture(String name) {
    try {
      return Path.of(ListImporterTest.class.getResource("/url/lists/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> keys(List<ListEntry> entries) {
    return entries.stream().map(ListEntry::key).toList();
  }

  @Test
  void hostsFileKeepsHostsAndCountsJunk() throws Exception {
    List<ListEntry> out = new ArrayList<>();
    ImportCounts c = ListImporter.importFile(fixture("hosts.txt"), ListFormat.HOSTS, "gambling", "test/hosts", out::add);

    assertThat(keys(out)).containsExactlyInAnyOrder("bet-one.com", "www.bet-one.com", "bet-two.com", "manhwax.top",
        "www.community.org", "xxxhindi.to", "p19-sign.tiktokcdn-us.com", "two.com", "three.com");
    assertThat(out).allSatisfy(e -> {
      assertThat(e.category()).isEqualTo("gambling");
      assertThat(e.source()).isEqualTo("test/hosts");
    });
    assertThat(c.read()).isEqualTo(16);
    assertThat(c.kept()).isEqualTo(9);
    assertThat(c.comments()).isEqualTo(2);
    assertThat(c.skipped()).containsEntry(ListKeys.LOCAL_NAME, 4L)
        .containsEntry(ListImporter.GLUED, 1L)
        .containsEntry(ListKeys.SINGLE_LABEL, 1L)
        .containsEntry(ListImporter.NO_ADDRESS, 1L)
        .containsEntry(ListImporter.ADDRESS_ONLY, 1L);
    assertThat(c.skippedTotal()).isEqualTo(8);
    assertThat(c.toString()).contains("test/hosts: read 16, kept 9");
  }

  @Test
  void domainListNormalisesAndSkipsJunk() throws Exception {
    List<ListEntry> out = new ArrayList<>();
    ImportCounts c = ListImporter.importFile(fixture("domains.txt"), ListFormat.DOMAINS, "drugs", "test/drugs", out::add);

    assertThat(keys(out)).containsExactly("000host.example-drugs.com", "weed-shop.example", "weed-shop.example",
        "client_monitor.isnssdk.com", "spaced-drugs.net");
    assertThat(c.comments()).isEqualTo(2);
    assertThat(c.skipped()).containsEntry(ListImporter.SEVERAL_WORDS, 1L).containsEntry(ListKeys.NOT_A_HOST, 1L);
  }

  @Test
  void adblockKeepsOnlyDomainRules() throws Exception {
    List<ListEntry> out = new ArrayList<>();
    ImportCounts c = ListImporter.importFile(fixture("adblock.txt"), ListFormat.ADBLOCK, "gambling", "test/abp", out::add);

    assertThat(keys(out)).containsExactly("ads-casino.com", "lode-online.net", "nohu-club.vip");
    assertThat(c.read()).isEqualTo(13);
    assertThat(c.comments()).isEqualTo(2);
    assertThat(c.skipped()).containsEntry(ListImporter.RULE_OPTIONS, 1L)
        .containsEntry(ListImporter.RULE_PATH, 2L)
        .containsEntry(ListImporter.EXCEPTION_RULE, 1L)
        .containsEntry(ListImporter.COSMETIC_RULE, 3L)
        .containsEntry(ListImporter.OTHER_RULE, 1L);
  }

  @Test
  void hostKeysGoThroughTheCanonicaliser() {
    assertThat(ListKeys.host("WWW.Example.COM.").key()).isEqualTo("www.example.com");
    assertThat(ListKeys.host("*.example.com").key()).isEqualTo("example.com");
    assertThat(ListKeys.host("bóngđá.vn").key()).startsWith("xn--").endsWith(".vn");
    assertThat(ListKeys.host("..a..b.com").key()).isEqualTo("a.b.com");
    assertThat(ListKeys.host("0x7f.1").skipReason()).isEqualTo(ListKeys.LOCAL_NAME);
    assertThat(ListKeys.host("a\uFFFDb.com").skipReason()).isEqualTo(ListKeys.NOT_A_HOST);
    assertThat(ListKeys.urlPrefix("Example.com/a/./b/../c/").key()).isEqualTo("example.com/a/c/");
    assertThat(ListKeys.urlPrefix("example.com/").key()).isEqualTo("example.com");
    assertThat(ListKeys.urlPrefix("http://example.com/p?q=1").key()).isEqualTo("example.com/p?q=1");
  }

  @Test
  void malformedBytesAndLongLinesAreSkippedNotFatal() throws Exception {
    String text = "ok.example\n" + "x".repeat(ListImporter.MAX_LINE + 1) + "\n\u0000\u0001.com\n";
    List<ListEntry> out = new ArrayList<>();
    ImportCounts c = ListImporter.importLines(new BufferedReader(new StringReader(text)), ListFormat.DOMAINS,
        "scam", "test/junk", out::add);
    assertThat(keys(out)).containsExactly("ok.example");
    assertThat(c.skipped()).containsEntry(ListImporter.LONG_LINE, 1L).containsEntry(ListKeys.NOT_A_HOST, 1L);
  }

  @Test
  void badCategoryFailsBeforeReading() {
    assertThatThrownBy(() -> ListImporter.importLines(new BufferedReader(new StringReader("a.com")),
        ListFormat.DOMAINS, "porn", "x", e -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("porn");
  }

  @Test
  void ut1TreeMapsCategoriesAndSaysWhatItSkipped() throws Exception {
    List<ListEntry> out = new ArrayList<>();
    Ut1Importer.Report r = Ut1Importer.importTree(fixture("ut1"), out::add);

    assertThat(r.foldersSkipped()).containsOnlyKeys("webmail");
    assertThat(r.foldersSkipped().get("webmail")).contains("no LànhMạnh category");
    ImportCounts adult = r.counts("ut1/adult/domains");
    assertThat(adult.kept()).isEqualTo(4);
    assertThat(adult.skipped()).containsEntry(ListImporter.SEVERAL_WORDS, 2L).containsEntry(ListKeys.LOCAL_NAME, 1L);
    assertThat(r.counts("ut1/adult/urls").kept()).isEqualTo(4);
    assertThat(r.counts("ut1/adult/expressions").skipped()).containsEntry(Ut1Importer.REGEX_NOT_IMPORTED, 1L);
    assertThat(r.counts("ut1/gambling/domains").kept()).isEqualTo(2);

    assertThat(out).contains(
        new ListEntry("example-adult.com", "sexual", "ut1/adult"),
        new ListEntry("www.example-adult.com", "sexual", "ut1/adult"),
        new ListEntry("wild-adult.net", "sexual", "ut1/adult"),
        new ListEntry("tube.example.org/adult/", "sexual", "ut1/adult"),
        new ListEntry("short.example.org", "sexual", "ut1/adult"),
        new ListEntry("178.128.25.172/watch", "sexual", "ut1/adult"),
        new ListEntry("fb88.com", "gambling", "ut1/gambling"),
        new ListEntry("olm.vn", "allow", "ut1/child"),
        new ListEntry("login-bank-verify.xyz", "scam", "ut1/phishing"));
    assertThat(keys(out)).doesNotContain("casino-one.com", "mail.example.com");
    assertThat(r.kept()).isEqualTo(out.size());
  }
}
