package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.url.UrlCanonicalizer;
import vn.lanhmanh.url.UrlHit;
import vn.lanhmanh.url.index.CompactUrlList;
import vn.lanhmanh.url.index.ListSplit;

/** {@code index build-default DATA OUT} on a tiny data folder written here (invented host names). */
class IndexBuildDefaultCommandTest {

  @TempDir
  Path dir;

  @Test
  void keepsTheBuildPartOnlyAndDropsSubdomainsOfListedHosts() throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("ut1/gambling"));
    Files.createDirectories(data.resolve("sinfonietta"));
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      hosts.add("casino" + i + ".example");
    }
    Files.write(data.resolve("ut1/gambling/domains"), hosts);
    Files.writeString(data.resolve("sinfonietta/pornography-hosts"),
        "0.0.0.0 adult-one.example\n0.0.0.0 www.casino1.example\n# comment\n");
    Path out = dir.resolve("out/default-lists.bin");

    Cli.Result r = Cli.run("", "index", "build-default", data.toString(), out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("build part only");
    CompactUrlList list;
    try (InputStream in = Files.newInputStream(out)) {
      list = CompactUrlList.read(in);
    }
    long heldOut = hosts.stream().filter(ListSplit::isHeldOut).count();
    assertThat(heldOut).isBetween(20L, 60L);
    for (String h : hosts) {
      List<UrlHit> hits = new ArrayList<>();
      list.lookup(UrlCanonicalizer.canonicalize("http://" + h + "/").url(), hits);
      assertThat(hits).as(h).hasSize(ListSplit.isHeldOut(h) ? 0 : 1);
    }
    // www.casino1.example falls with casino1.example: held out with it, or dropped as its subdomain
    int expected = (int) (hosts.size() - heldOut) + (ListSplit.isHeldOut("adult-one.example") ? 0 : 1);
    assertThat(list.size()).isEqualTo(expected);
  }

  @Test
  void anEmptyDataFolderIsAnError() {
    Cli.Result r = Cli.run("", "index", "build-default", dir.toString(), dir.resolve("x.bin").toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("no list found");
  }
}
