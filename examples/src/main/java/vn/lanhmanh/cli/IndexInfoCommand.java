package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lanhmanh.url.index.UrlListIndex;

/**
 * {@code lanhmanh index info DIR}: the generation a filter would use, its entries per category and per
 * source, and any newer generation that was refused and why.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
        "Describes a URL list index: the generation in use, entries per category and per source.",
        "A newer generation that cannot be used (unfinished or damaged) is listed with the reason; "
            + "when no generation can be used, the run fails (exit 1) naming the problem."})
final class IndexInfoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The index folder.")
  private Path dir;

  @Option(names = "--verify", description = "Also read every byte and check every checksum (slow on big indexes).")
  private boolean verify;

  @Override
  public Integer call() throws IOException {
    IndexFolders.requireIndex(spec, "DIR", dir);
    PrintWriter out = spec.commandLine().getOut();
    try (UrlListIndex index = open(dir)) {
      out.println("index:      " + dir);
      out.println("generation: " + index.diskGeneration());
      out.println("entries:    " + index.size());
      table(out, "categories:", index.categoryCounts());
      table(out, "sources:", index.sourceCounts());
      if (!index.refusedGenerations().isEmpty()) {
        out.println("refused:");
        index.refusedGenerations().forEach((g, why) -> out.println("  generation " + g + ": " + why));
      }
      if (verify) {
        out.flush();
        try {
          index.verify();
        } catch (IllegalStateException e) {
          throw new IllegalStateException(dir + ": damaged URL list index: " + e.getMessage(), e);
        }
        out.println("verified:   every file of generation " + index.diskGeneration() + " matches its checksum");
      }
    }
    out.flush();
    return 0;
  }

  /** Opens the index, turning a refusal into one clear runtime error. */
  static UrlListIndex open(Path dir) throws IOException {
    try {
      return UrlListIndex.open(dir);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new IllegalStateException(IndexFolders.unusable(dir.toString(), dir, e), e);
    }
  }

  private static void table(PrintWriter out, String heading, Map<String, Long> counts) {
    out.println(heading);
    int width = 0;
    for (String k : counts.keySet()) {
      width = Math.max(width, k.length());
    }
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      out.printf(java.util.Locale.ROOT, "  %-" + width + "s %12d%n", e.getKey(), e.getValue());
    }
  }
}
