package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.Category;
import vn.lanhmanh.url.index.ImportCounts;
import vn.lanhmanh.url.index.ListEntry;
import vn.lanhmanh.url.index.ListFormat;
import vn.lanhmanh.url.index.ListImporter;
import vn.lanhmanh.url.index.UrlListIndex;
import vn.lanhmanh.url.index.UrlListWriter;
import vn.lanhmanh.url.index.Ut1Importer;

/**
 * {@code lanhmanh index build --out DIR [--ut1 DIR] [--hosts FILE --category C [--source NAME]]...}:
 * imports URL lists into a new generation of a versioned URL list index, then prints the counts of each
 * list. See the usage help below for the rules; the index format is in {@code vn.lanhmanh.url.index}.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Imports URL lists into a URL list index for --index DIR.",
        "",
        "Each list is a file option followed by its --category (and optionally --source); repeat the group "
            + "for every list, e.g.",
        "  --hosts bets-hosts --category gambling --domains drugs.txt --category drugs",
        "Categories: " + IndexBuildCommand.CATEGORY_NAMES + ", or allow for an allow-list.",
        "A list's source (stored with its entries, shown by 'index info' and in findings) defaults to "
            + "<folder>/<file name without .gz and .txt>, e.g. sinfonietta/gambling-hosts. "
            + "--ut1 imports every UT1 category folder that maps to a category, with source ut1/<folder>.",
        "",
        "When DIR already holds an index, a new generation is written from its newest good generation: "
            + "lists imported again replace their previous entries (by source), the others are kept; older "
            + "generations are left as they were. With --fresh, or when DIR holds no index, the new "
            + "generation starts empty.",
        "",
        "Progress (entries so far, rate) goes to stderr when stderr is a terminal or with --progress; a "
            + "summary always does. The counts of each list (read, kept, comments, skipped by reason), the "
            + "totals, the generation and its entries go to stdout."},
    footerHeading = "%nExample:%n",
    footer = {
        "  lanhmanh index build --out lists --ut1 ut1 \\",
        "      --hosts sinfonietta/gambling-hosts --category gambling \\",
        "      --adblock scam-rules.txt --category scam --source my/scam-rules"})
final class IndexBuildCommand implements Callable<Integer> {

  /** The JSON names of every {@link Category}, for the usage help (a constant; a test keeps it right). */
  static final String CATEGORY_NAMES = "sexual, sexual_minors, grooming, violence, self_harm, drugs, gambling, "
      + "scam, harassment, profanity, pii, dating, social";

  @ParentCommand
  private IndexCommand parent;

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The index folder to write (created if needed).")
  private Path out;

  @Option(names = "--ut1", paramLabel = "DIR",
      description = "A UT1 blacklist folder (one folder per category, with domains and urls files).")
  private Path ut1;

  @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "%nLists (repeat for each list):%n")
  private List<ListArg> lists = new ArrayList<>();

  @Option(names = "--fresh", description = "Start an empty generation even when DIR holds an index.")
  private boolean fresh;

  @Option(names = "--merge", negatable = true, defaultValue = Option.NULL_VALUE, fallbackValue = "true",
      description = "Merge the index into one segment (faster lookups; default: yes for a new index, "
          + "no when extending one).")
  private Boolean merge;

  @Option(names = "--progress", negatable = true, defaultValue = Option.NULL_VALUE, fallbackValue = "true",
      description = "Show progress on stderr (default: only when stderr is a terminal).")
  private Boolean progress;

  /** One list: its file and format, its category, its optional source. */
  static final class ListArg {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ListFile file;

    @Option(names = "--category", required = true, paramLabel = "C",
        description = "Category of this list's entries.")
    String category;

    @Option(names = "--source", paramLabel = "NAME",
        description = "Name of the list (no spaces; default <folder>/<file>).")
    String source;
  }

  /** The file of one list; the option says its format. */
  static final class ListFile {
    @Option(names = "--hosts", required = true, paramLabel = "FILE",
        description = "A hosts file (0.0.0.0 host).")
    Path hosts;

    @Option(names = "--domains", required = true, paramLabel = "FILE",
        description = "One domain a line (matches its subdomains).")
    Path domains;

    @Option(names = "--adblock", required = true, paramLabel = "FILE",
        description = "Adblock-style rules (||domain^ kept).")
    Path adblock;

    @Option(names = "--urls", required = true, paramLabel = "FILE",
        description = "Host/path prefixes, as UT1 urls files.")
    Path urls;

    ListFormat format() {
      return hosts != null ? ListFormat.HOSTS : domains != null ? ListFormat.DOMAINS
          : adblock != null ? ListFormat.ADBLOCK : ListFormat.URL_PREFIXES;
    }

    Path path() {
      return hosts != null ? hosts : domains != null ? domains : adblock != null ? adblock : urls;
    }

    String optionName() {
      return hosts != null ? "--hosts" : domains != null ? "--domains" : adblock != null ? "--adblock" : "--urls";
    }
  }

  /** A list checked and ready to import. */
  private record Job(Path file, ListFormat format, String category, String source) {}

  @Override
  public Integer call() throws IOException {
    List<Job> jobs = checkArguments();
    List<String> ut1Sources = ut1 == null ? List.of() : ut1Sources(ut1);
    boolean extending = !fresh && Files.isDirectory(out) && IndexFolders.hasGeneration(out);
    boolean forceMerge = merge != null ? merge : !extending;
    boolean show = progress != null ? progress : parent.main().errIsTerminal();
    PrintWriter err = spec.commandLine().getErr();

    List<ImportCounts> counts = new ArrayList<>();
    Map<String, String> ut1Skipped = Map.of();
    int generation;
    long added;
    double seconds;
    try (UrlListWriter writer = extending ? extend(out) : UrlListWriter.create(out, expectedKeys(jobs))) {
      if (extending) {
        Set<String> sources = new LinkedHashSet<>(ut1Sources);
        jobs.forEach(j -> sources.add(j.source()));
        sources.forEach(writer::removeSource);
      }
      BuildProgress p = new BuildProgress(writer::add, show ? err : null, parent.main().errIsTerminal());
      try {
        if (ut1 != null) {
          Ut1Importer.Report report = Ut1Importer.importTree(ut1, p);
          counts.addAll(report.lists());
          ut1Skipped = report.foldersSkipped();
        }
        for (Job j : jobs) {
          counts.add(ListImporter.importFile(j.file(), j.format(), j.category(), j.source(), p));
        }
        p.phase(forceMerge ? "merging and committing" : "committing");
        generation = writer.commit(forceMerge);
      } finally {
        p.finish();
      }
      added = p.entries();
      seconds = p.seconds();
    }
    int entries;
    try (UrlListIndex index = UrlListIndex.openGeneration(out, generation)) {
      entries = index.size();
    }
    report(spec.commandLine().getOut(), counts, ut1Skipped, generation, entries, extending);
    err.println(String.format(Locale.ROOT, "lanhmanh: wrote generation %d of %s: %,d entries added from %d %s "
        + "in %.1f s (%,d entries/s); the generation holds %,d entries", generation, out, added, counts.size(),
        counts.size() == 1 ? "list" : "lists", seconds, BuildProgress.rate(added, seconds), entries));
    err.flush();
    return 0;
  }

  /** Checks every argument before anything is written; a usage error names the first wrong one. */
  private List<Job> checkArguments() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw usage("--out: not a folder: " + out);
    }
    if (ut1 != null && !Files.isDirectory(ut1)) {
      throw usage("--ut1: not a folder: " + ut1);
    }
    if (ut1 == null && lists.isEmpty()) {
      throw usage("nothing to import: give --ut1 DIR or a list such as --hosts FILE --category C");
    }
    List<Job> jobs = new ArrayList<>();
    for (ListArg a : lists) {
      Path file = a.file.path();
      String option = a.file.optionName();
      if (!Files.isRegularFile(file)) {
        throw usage(option + ": no such file: " + file);
      }
      String category;
      try {
        category = ListEntry.canonicalCategory(a.category);
      } catch (IllegalArgumentException e) {
        throw usage("--category for " + file + ": unknown category '" + a.category + "'; use one of "
            + CATEGORY_NAMES + ", or allow");
      }
      String source = a.source != null ? a.source : defaultSource(file);
      try {
        new ListEntry("check.invalid", category, source);
      } catch (IllegalArgumentException e) {
        throw usage("--source for " + file + ": '" + source + "' is not a list name (1 to 200 characters, "
            + "no spaces)");
      }
      jobs.add(new Job(file, a.file.format(), category, source));
    }
    return jobs;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static UrlListWriter extend(Path out) throws IOException {
    try {
      return UrlListWriter.extend(out);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(IndexFolders.unusable("--out " + out, out, e)
          + "; --fresh starts a new generation from nothing", e);
    }
  }

  /**
   * {@code <parent folder>/<file name>} without {@code .gz} and {@code .txt}, white space and control
   * characters replaced by {@code _}: {@code sinfonietta/gambling-hosts}, {@code blocklistproject/drugs-nl}.
   */
  static String defaultSource(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    String name = abs.getFileName().toString();
    for (String ext : List.of(".gz", ".txt")) {
      if (name.length() > ext.length() && name.toLowerCase(Locale.ROOT).endsWith(ext)) {
        name = name.substring(0, name.length() - ext.length());
      }
    }
    Path dir = abs.getParent();
    String s = dir == null || dir.getFileName() == null ? name : dir.getFileName() + "/" + name;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c <= ' ' || c == 0x7F ? '_' : c);
    }
    return b.length() > 200 ? b.substring(b.length() - 200) : b.toString();
  }

  /** The sources the UT1 import will write: {@code ut1/<folder>} for every mapped folder present. */
  private static List<String> ut1Sources(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && Ut1Importer.CATEGORIES.containsKey(name)) {
          out.add("ut1/" + name);
        }
      }
    }
    return out;
  }

  /** A guess at the distinct keys to come (a host line is about 20 bytes), for the writer's live filter. */
  private long expectedKeys(List<Job> jobs) throws IOException {
    long bytes = 0;
    for (Job j : jobs) {
      bytes += Files.size(j.file());
    }
    if (ut1 != null) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(ut1)) {
        for (Path folder : s) {
          if (Files.isDirectory(folder) && Ut1Importer.CATEGORIES.containsKey(folder.getFileName().toString())) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
              for (Path f : files) {
                if (Files.isRegularFile(f)) {
                  bytes += Files.size(f);
                }
              }
            }
          }
        }
      }
    }
    return Math.max(100_000, bytes / 20);
  }

  /** The stdout report: a table of the lists, skip reasons, totals, folders not imported, the result. */
  static void report(PrintWriter out, List<ImportCounts> counts, Map<String, String> ut1Skipped, int generation,
      int entries, boolean extended) {
    int width = "total".length();
    for (ImportCounts c : counts) {
      width = Math.max(width, c.list().length());
    }
    String row = "%-" + width + "s %12s %12s %10s %10s%n";
    out.printf(Locale.ROOT, row, "list", "read", "kept", "comments", "skipped");
    long read = 0;
    long kept = 0;
    long comments = 0;
    long skipped = 0;
    for (ImportCounts c : counts) {
      out.printf(Locale.ROOT, row, c.list(), c.read(), c.kept(), c.comments(), c.skippedTotal());
      if (!c.skipped().isEmpty()) {
        out.println("    skipped: " + c.skipped().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")));
      }
      read += c.read();
      kept += c.kept();
      comments += c.comments();
      skipped += c.skippedTotal();
    }
    out.printf(Locale.ROOT, row, "total", read, kept, comments, skipped);
    List<String> unmapped = new ArrayList<>();
    Map<String, String> other = new TreeMap<>();
    ut1Skipped.forEach((folder, why) -> {
      if (Ut1Importer.CATEGORIES.containsKey(folder)) {
        other.put(folder, why);
      } else {
        unmapped.add(folder);
      }
    });
    if (!unmapped.isEmpty()) {
      out.println("UT1 folders not imported (not about child safety): " + String.join(", ", unmapped));
    }
    other.forEach((folder, why) -> out.println("UT1 folder not imported: " + folder + " (" + why + ")"));
    out.println("generation: " + generation + (extended ? " (extends the previous one)" : " (new)"));
    out.println("entries:    " + entries);
    out.flush();
  }
}
