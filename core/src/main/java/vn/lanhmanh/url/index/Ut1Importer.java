package vn.lanhmanh.url.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a UT1 blacklist tree (Université Toulouse Capitole): one folder per category, each with a
 * {@code domains} file (a domain matches its subdomains) and a {@code urls} file (host/path prefixes).
 * A file may also be named {@code domains.<date>} or be gzipped ({@code domains.gz}); the plain name
 * wins, else the last such name in sort order. Entries get the source {@code ut1/<folder>}.
 *
 * <p>UT1 folders map to LànhMạnh categories like this ({@link #CATEGORIES}); other folders (audio-video,
 * blog, games, webmail, vpn ...) name topics that are not about child safety and are not imported:
 * <table>
 *   <caption>UT1 folder to category</caption>
 *   <tr><th>UT1</th><th>category</th></tr>
 *   <tr><td>adult, mixed_adult, lingerie</td><td>sexual</td></tr>
 *   <tr><td>gambling, arjel</td><td>gambling</td></tr>
 *   <tr><td>drogue</td><td>drugs</td></tr>
 *   <tr><td>phishing, malware, cryptojacking</td><td>scam</td></tr>
 *   <tr><td>agressif, violence, aggressive, dangerous_material</td><td>violence</td></tr>
 *   <tr><td>dating, chat</td><td>dating (dating and stranger chat)</td></tr>
 *   <tr><td>social_networks</td><td>social</td></tr>
 *   <tr><td>child, educational_games, liste_blanche, sexual_education</td><td>allow</td></tr>
 * </table>
 *
 * <p>{@code expressions} and {@code very_restrictive_expression} files hold regular expressions with
 * backtracking constructs; they are not imported, and their lines are counted as skipped so the report
 * says so.
 *
 * <p>Stateless; thread-safe.
 */
public final class Ut1Importer {

  private static final Logger LOG = LoggerFactory.getLogger(Ut1Importer.class);

  /** UT1 folder name to {@code Category} JSON name or {@code allow}; see the class description. */
  public static final Map<String, String> CATEGORIES = Map.ofEntries(
      Map.entry("adult", "sexual"),
      Map.entry("mixed_adult", "sexual"),
      Map.entry("lingerie", "sexual"),
      Map.entry("gambling", "gambling"),
      Map.entry("arjel", "gambling"),
      Map.entry("drogue", "drugs"),
      Map.entry("phishing", "scam"),
      Map.entry("malware", "scam"),
      Map.entry("cryptojacking", "scam"),
      Map.entry("agressif", "violence"),
      Map.entry("aggressive", "violence"),
      Map.entry("violence", "violence"),
      Map.entry("dangerous_material", "violence"),
      Map.entry("dating", "dating"),
      Map.entry("chat", "dating"),
      Map.entry("social_networks", "social"),
      Map.entry("child", ListEntry.ALLOW),
      Map.entry("educational_games", ListEntry.ALLOW),
      Map.entry("liste_blanche", ListEntry.ALLOW),
      Map.entry("sexual_education", ListEntry.ALLOW));

  static final String REGEX_NOT_IMPORTED = "UT1 regular expressions are not imported";

  /**
   * What importing a tree did.
   *
   * @param lists the counts for each file read, in folder order
   * @param foldersSkipped folder name to why it was not imported
   */
  public record Report(List<ImportCounts> lists, Map<String, String> foldersSkipped) {

    /** Copies the parts. */
    public Report {
      lists = List.copyOf(lists);
      foldersSkipped = Collections.unmodifiableMap(new TreeMap<>(foldersSkipped));
    }

    /** Entries kept over all files. */
    public long kept() {
      return lists.stream().mapToLong(ImportCounts::kept).sum();
    }

    /** The counts of one file, e.g. {@code ut1/gambling/domains}, or {@code null}. */
    public ImportCounts counts(String list) {
      return lists.stream().filter(c -> c.list().equals(list)).findFirst().orElse(null);
    }
  }

  private Ut1Importer() {}

  /**
   * Imports every mapped category folder under {@code root}.
   *
   * @throws IOException when a folder or file cannot be read
   * @throws IllegalArgumentException when {@code root} is not a directory
   */
  public static Report importTree(Path root, Consumer<ListEntry> sink) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("UT1 folder " + root + " is not a directory");
    }
    List<ImportCounts> lists = new ArrayList<>();
    Map<String, String> skipped = new TreeMap<>();
    for (Path folder : sorted(root)) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      String name = folder.getFileName().toString();
      String category = CATEGORIES.get(name);
      if (category == null) {
        skipped.put(name, "no LànhMạnh category for UT1 '" + name + "'");
        continue;
      }
      String source = "ut1/" + name;
      Path domains = pick(folder, "domains");
      Path urls = pick(folder, "urls");
      if (domains == null && urls == null) {
        skipped.put(name, "no domains or urls file");
      }
      if (domains != null) {
        lists.add(ListImporter.importFile(domains, ListFormat.DOMAINS, category, source, source + "/domains", sink));
      }
      if (urls != null) {
        lists.add(ListImporter.importFile(urls, ListFormat.URL_PREFIXES, category, source, source + "/urls", sink));
      }
      for (String regex : List.of("expressions", "very_restrictive_expression")) {
        Path file = folder.resolve(regex);
        if (Files.isRegularFile(file)) {
          lists.add(countRegexLines(file, source + "/" + regex));
        }
      }
    }
    Report report = new Report(lists, skipped);
    LOG.info("imported UT1 tree: {} entries kept from {} files; {} folders not imported",
        report.kept(), lists.size(), skipped.size());
    return report;
  }

  private static ImportCounts countRegexLines(Path file, String label) throws IOException {
    ImportCounts.Tally tally = new ImportCounts.Tally(label);
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = r.readLine()) != null) {
        tally.read++;
        if (line.isBlank() || line.startsWith("#")) {
          tally.comments++;
        } else {
          tally.skip(REGEX_NOT_IMPORTED);
        }
      }
    }
    return tally.done();
  }

  /** {@code base}, else the last {@code base.*} in sort order, else {@code null}. */
  private static Path pick(Path folder, String base) throws IOException {
    Path plain = folder.resolve(base);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path best = null;
    for (Path p : sorted(folder)) {
      if (p.getFileName().toString().startsWith(base + ".") && Files.isRegularFile(p)) {
        best = p;
      }
    }
    return best;
  }

  private static List<Path> sorted(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(out::add);
    }
    Collections.sort(out);
    return out;
  }
}
