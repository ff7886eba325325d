package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  /** Every cut of a file and a file of the older version fail with a message naming the problem. */
  @Test
  void truncatedAndOlderFilesAreRefusedNamingTheProblem() throws IOException {
    byte[] good = bytes(List.of(new ListEntry("bad.example", "sexual", "a"),
        new ListEntry("host.example/adult/", "sexual", "a")));
    for (int n = 0; n < good.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(good, n);
      assertThatThrownBy(() -> CompactUrlList.read(new ByteArrayInputStream(cut))).as("cut to %d bytes", n)
          .isInstanceOf(IOException.class)
          .message().containsAnyOf("not a compact URL list", "damaged or truncated");
    }
    byte[] older = good.clone();
    java.nio.ByteBuffer.wrap(older).putInt(4, 1);   // version 1: keys hashed from the start of the key
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(older, 0, older.length - 4);
    java.nio.ByteBuffer.wrap(older).putInt(older.length - 4, (int) crc.getValue());
    assertThatThrownBy(() -> CompactUrlList.read(new ByteArrayInputStream(older)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("has version 1; this library reads 2")
        .hasMessageContaining("generate it again");
  }

  /** Written and read back, a list finds each of its keys as a URL, and no host it does not hold. */
  @Property(tries = 60)
  void roundTripFindsEveryKey(@ForAll("keys") List<String> keys) throws IOException {
    List<ListEntry> entries = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      entries.add(new ListEntry(keys.get(i), i % 2 == 0 ? "sexual" : "gambling", i % 2 == 0 ? "s" : "g"));
    }
    byte[] written = bytes(entries);
    CompactUrlList list = CompactUrlList.read(new ByteArrayInputStream(written));
    java.util.Set<String> distinct = new java.util.LinkedHashSet<>(keys);
    assertThat(list.size()).isEqualTo(distinct.size());
    for (String key : distinct) {
      assertThat(hits(list, "http://" + key + (key.contains("/") ? "" : "/page"))).as(key).isNotEmpty();
    }
    assertThat(hits(list, "http://absent-" + keys.size() + ".invalid/")).isEmpty();
    assertThat(bytes(entries)).isEqualTo(written);
  }

  @Provide
  Arbitrary<List<String>> keys() {
    // Labels start with a letter, so that no host reads as an IPv4 address.
    Arbitrary<String> label = Combinators.combine(Arbitraries.chars().range('a', 'z'),
        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMaxLength(11)).as((c, r) -> c + r);
    Arbitrary<String> host = label.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> path = label.list().ofMinSize(1).ofMaxSize(3).map(l -> "/" + String.join("/", l) + "/");
    return Arbitraries.oneOf(host, Combinators.combine(host, path).as((h, p) -> h + p)).list()
        .ofMinSize(1).ofMaxSize(300);
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
