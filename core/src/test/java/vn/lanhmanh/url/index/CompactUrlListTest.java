package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.url.UrlCanonicalizer;
import vn.lanhmanh.url.UrlHit;

/** The compact hashed list: round trip, subdomains, path prefixes, damaged files, the embedded default. */
class CompactUrlListTest {

  static byte[] bytes(List<ListEntry> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompactUrlList.write(entries, out);
    return out.toByteArray();
  }

  static List<UrlHit> hits(CompactUrlList list, String url) {
    List<UrlHit> out = new ArrayList<>();
    list.lookup(UrlCanonicalizer.canonicalize(url).url(), out);
    return out;
  }

  @Test
  void findsHostsSubdomainsAndPathPrefixes() throws IOException {
    CompactUrlList list = CompactUrlList.read(new ByteArrayInputStream(bytes(List.of(
        new ListEntry("bad.example", "sexual", "a"),
        new ListEntry("casino.example", "gambling", "b"),
        new ListEntry("host.example/adult/", "sexual", "a"),
        new ListEntry("bad.example", "scam", "c")))));
    assertThat(list.size()).isEqualTo(3);
    assertThat(hits(list, "https://www.Bad.example/x")).singleElement()
        .satisfies(h -> assertThat(h.rule()).isEqualTo("url/list/a:bad.example"))
        .satisfies(h -> assertThat(h.category()).isEqualTo(Category.SEXUAL));
    assertThat(hits(list, "http://a.b.casino.example/")).singleElement()
        .satisfies(h -> assertThat(h.category()).isEqualTo(Category.GAMBLING));
    assertThat(hits(list, "http://host.example/adult/page.html?x=1")).singleElement()
        .satisfies(h -> assertThat(h.rule()).isEqualTo("url/list/a:host.example/adult/"));
    assertThat(hits(list, "http://host.example/kids/")).isEmpty();
    assertThat(hits(list, "http://example/")).isEmpty();
    assertThat(hits(list, "http://notbad.example/")).isEmpty();
    assertThat(list.sourceCounts()).containsEntry("a", 2).containsEntry("b", 1);
  }

  @Test
  void damagedOrForeignBytesAreRefused() throws IOException {
    byte[] good = bytes(List.of(new ListEntry("bad.example", "sexual", "a")));
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x10;
      assertThatThrownBy(() -> CompactUrlList.read(new ByteArrayInputStream(bad))).isInstanceOf(IOException.class);
    }
    assertThatThrownBy(() -> CompactUrlList.read(new ByteArrayInputStream(new byte[3])))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> CompactUrlList.read(new ByteArrayInputStream(java.util.Arrays.copyOf(good, good.length - 1))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> bytes(List.of(new ListEntry("ok.example", "allow", "a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theEmbeddedDefaultIsReadAndUsedUnlessTurnedOff() {
    CompactUrlList list = CompactUrlList.embedded();
    assertThat(list.size()).isGreaterThan(100_000);
    assertThat(list.sourceCounts()).containsKeys("ut1/gambling", "sinfonietta/pornography", "blocklistproject/scam");
    // soundcloud.com is in UT1's social_networks folder (build part), so only the default list knows it
    Policy child = Policy.forAge(10);
    try (ContentFilter on = ContentFilter.builder().build();
        ContentFilter off = ContentFilter.builder().defaultUrlLists(false).build()) {
      assertThat(on.checkUrl("https://soundcloud.com/", child).findings())
          .anyMatch(f -> f.rule().equals("url/list/ut1/social_networks:soundcloud.com"));
      assertThat(off.checkUrl("https://soundcloud.com/", child).action()).isEqualTo(Action.ALLOW);
    }
  }
}
