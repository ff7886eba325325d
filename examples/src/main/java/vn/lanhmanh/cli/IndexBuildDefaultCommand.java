package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lanhmanh.url.index.CompactUrlList;
import vn.lanhmanh.url.index.DefaultListSources;
import vn.lanhmanh.url.index.ListSplit;

/**
 * {@code lanhmanh index build-default DATA OUT}: compiles the default URL list shipped in the jar from the
 * build part (four fifths) of the public lists under {@code DATA}; see {@code docs/URLS.md}.
 */
@Command(
    name = "build-default",
    mixinStandardHelpOptions = true,
    description = {
        "Compiles the default URL list shipped in the library jar (core/src/main/resources/vn/lanhmanh/url/"
            + "default-lists.bin) from UT1, Sinfonietta and blocklistproject lists laid out under DATA.",
        "Only the build part (4/5, by a seeded hash of the host) is kept; the held-out fifth is left out so "
            + "the recall measured on it stays honest. To use every entry, build an index with 'index build'."})
final class IndexBuildDefaultCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA", description = "Folder with ut1/, sinfonietta/, blocklistproject/.")
  private Path data;

  @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (replaced atomically).")
  private Path out;

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "default-lists", ".tmp");
    try {
      try (OutputStream o = Files.newOutputStream(tmp)) {
        DefaultListSources.compileDefault(data, o);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    CompactUrlList written;
    try (InputStream in = Files.newInputStream(out)) {
      written = CompactUrlList.read(in);
    }
    w.printf("wrote %s: %,d keys, %,d bytes (build part only: split seed %d, 1/%d held out)%n", out,
        written.size(), Files.size(out), ListSplit.SEED, ListSplit.PARTS);
    written.sourceCounts().forEach((s, n) -> w.printf("  %-32s %,9d%n", s, n));
    return 0;
  }
}
