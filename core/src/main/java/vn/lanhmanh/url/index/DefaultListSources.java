package vn.lanhmanh.url.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The public lists the default URL list is compiled from, and that the URL heuristics are measured on:
 * the children-relevant categories of UT1 (CC BY-SA 4.0), Sinfonietta's hosts files (MIT) and
 * blocklistproject's lists (Unlicense / MIT), as laid out in a data folder ({@code ut1/<folder>/domains},
 * {@code ut1/<folder>/urls}, {@code sinfonietta/<name>-hosts}, {@code blocklistproject/<name>-nl.txt}).
 * A file that is absent is skipped (UT1's {@code adult/domains} is often left out for its size).
 *
 * <p>Immutable; thread-safe.
 */
public final class DefaultListSources {

  /**
   * One list.
   *
   * @param path the file, relative to the data folder
   * @param format how its lines are written
   * @param category the {@code Category} JSON name of its entries
   * @param source the short name stored with a hit ({@code ut1/gambling})
   */
  public record Source(String path, ListFormat format, String category, String source) {}

  /** Every list, in the order they are read. */
  public static final List<Source> SOURCES = List.of(
      new Source("ut1/adult/domains", ListFormat.DOMAINS, "sexual", "ut1/adult"),
      new Source("ut1/adult/urls", ListFormat.URL_PREFIXES, "sexual", "ut1/adult"),
      new Source("ut1/mixed_adult/domains", ListFormat.DOMAINS, "sexual", "ut1/mixed_adult"),
      new Source("ut1/lingerie/domains", ListFormat.DOMAINS, "sexual", "ut1/lingerie"),
      new Source("ut1/gambling/domains", ListFormat.DOMAINS, "gambling", "ut1/gambling"),
      new Source("ut1/gambling/urls", ListFormat.URL_PREFIXES, "gambling", "ut1/gambling"),
      new Source("ut1/arjel/domains", ListFormat.DOMAINS, "gambling", "ut1/arjel"),
      new Source("ut1/drogue/domains", ListFormat.DOMAINS, "drugs", "ut1/drogue"),
      new Source("ut1/phishing/domains.2026-06-08", ListFormat.DOMAINS, "scam", "ut1/phishing"),
      new Source("ut1/phishing/urls", ListFormat.URL_PREFIXES, "scam", "ut1/phishing"),
      new Source("ut1/malware/domains.2025-07-13", ListFormat.DOMAINS, "scam", "ut1/malware"),
      new Source("ut1/malware/urls", ListFormat.URL_PREFIXES, "scam", "ut1/malware"),
      new Source("ut1/cryptojacking/domains", ListFormat.DOMAINS, "scam", "ut1/cryptojacking"),
      new Source("ut1/agressif/domains", ListFormat.DOMAINS, "violence", "ut1/agressif"),
      new Source("ut1/dangerous_material/domains", ListFormat.DOMAINS, "violence", "ut1/dangerous_material"),
      new Source("ut1/dating/domains", ListFormat.DOMAINS, "dating", "ut1/dating"),
      new Source("ut1/chat/domains", ListFormat.DOMAINS, "dating", "ut1/chat"),
      new Source("ut1/social_networks/domains", ListFormat.DOMAINS, "social", "ut1/social_networks"),
      new Source("sinfonietta/pornography-hosts", ListFormat.HOSTS, "sexual", "sinfonietta/pornography"),
      new Source("sinfonietta/gambling-hosts", ListFormat.HOSTS, "gambling", "sinfonietta/gambling"),
      new Source("sinfonietta/snuff-hosts", ListFormat.HOSTS, "violence", "sinfonietta/snuff"),
      new Source("sinfonietta/social-hosts", ListFormat.HOSTS, "social", "sinfonietta/social"),
      new Source("blocklistproject/drugs-nl.txt", ListFormat.DOMAINS, "drugs", "blocklistproject/drugs"),
      new Source("blocklistproject/vaping-nl.txt", ListFormat.DOMAINS, "drugs", "blocklistproject/vaping"),
      new Source("blocklistproject/scam-nl.txt", ListFormat.DOMAINS, "scam", "blocklistproject/scam"),
      new Source("blocklistproject/crypto-nl.txt", ListFormat.DOMAINS, "scam", "blocklistproject/crypto"),
      new Source("blocklistproject/tiktok-nl.txt", ListFormat.DOMAINS, "social", "blocklistproject/tiktok"),
      new Source("blocklistproject/gambling-nl.2026-06-23.PARTIAL.txt", ListFormat.DOMAINS, "gambling",
          "blocklistproject/gambling"));

  private DefaultListSources() {}

  /**
   * Reads every list present under {@code dataDir}, giving each entry to {@code sink} with the side of the
   * split it falls on.
   *
   * @return how many files were read
   */
  public static int read(Path dataDir, SplitSink sink) throws IOException {
    int files = 0;
    for (Source s : SOURCES) {
      Path f = dataDir.resolve(s.path());
      if (!Files.isRegularFile(f)) {
        continue;
      }
      files++;
      Consumer<ListEntry> c = e -> sink.accept(s, e, ListSplit.isHeldOut(e.key()));
      ListImporter.importFile(f, s.format(), s.category(), s.source(), s.source(), c);
    }
    return files;
  }

  /**
   * Compiles the default list shipped in the jar from the BUILD part (four fifths, {@link ListSplit}) of
   * the lists under {@code dataDir}: the held-out fifth stays out, so the recall measured on it stays
   * honest. An entry whose host, or a parent domain of it, is already listed as a host is dropped (the
   * parent matches it anyway).
   *
   * @return what was kept, by source
   * @throws IllegalArgumentException when no list is found under {@code dataDir}
   */
  public static Map<String, Integer> compileDefault(Path dataDir, OutputStream out) throws IOException {
    List<ListEntry> build = new ArrayList<>();
    int files = read(dataDir, (s, e, heldOut) -> {
      if (!heldOut) {
        build.add(e);
      }
    });
    if (files == 0) {
      throw new IllegalArgumentException("no list found under " + dataDir);
    }
    Set<String> hosts = new HashSet<>();
    for (ListEntry e : build) {
      if (e.isHost()) {
        hosts.add(e.key());
      }
    }
    List<ListEntry> kept = new ArrayList<>();
    for (ListEntry e : build) {
      if (!coveredByParent(e, hosts)) {
        kept.add(e);
      }
    }
    CompactUrlList.write(kept, out);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ListEntry e : kept) {
      counts.merge(e.source(), 1, Integer::sum);
    }
    return counts;
  }

  /** Whether a parent domain of the entry's host (or the host itself, for a key with a path) is listed. */
  private static boolean coveredByParent(ListEntry e, Set<String> hosts) {
    String key = e.key();
    int slash = key.indexOf('/');
    String h = slash < 0 ? key : key.substring(0, slash);
    if (slash >= 0 && hosts.contains(h)) {
      return true;
    }
    int dot = h.indexOf('.');
    while (dot >= 0 && h.indexOf('.', dot + 1) >= 0) {
      h = h.substring(dot + 1);
      if (hosts.contains(h)) {
        return true;
      }
      dot = h.indexOf('.');
    }
    return false;
  }

  /** Receives each entry read and whether it is in the held-out fifth. */
  @FunctionalInterface
  public interface SplitSink {
    void accept(Source source, ListEntry entry, boolean heldOut);
  }
}
