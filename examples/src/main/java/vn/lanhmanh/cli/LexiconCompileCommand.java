package vn.lanhmanh.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.ContentFilter;

/**
 * {@code lanhmanh lexicon compile --out FILE}: compiles the lexicon (the embedded one, or the
 * {@code --lexicon} folders, plus the {@code --add-lexicon} folders) into the precompiled form that
 * {@code --precompiled-lexicon FILE} and {@code ContentFilter.Builder.precompiledLexicon} load without
 * compiling, so a deployment with its own lexicon starts as fast as one with the embedded lexicon.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = "Compiles the lexicon (with --lexicon/--add-lexicon folders) into a precompiled file for "
        + "--precompiled-lexicon.")
final class LexiconCompileCommand implements Callable<Integer> {

  @ParentCommand
  private LexiconCommand parent;

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  private Path out;

  @Override
  public Integer call() throws Exception {
    ContentFilter.Builder b = parent.main().lexiconBuilder(spec);
    long t0 = System.nanoTime();
    Path target = out.toAbsolutePath();
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
      b.writePrecompiledLexicon(o);
    } catch (RuntimeException | java.io.IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    spec.commandLine().getErr().println(String.format(Locale.ROOT, "lanhmanh: wrote %s (%,d bytes) in %d ms",
        out, Files.size(target), (System.nanoTime() - t0) / 1_000_000));
    return 0;
  }
}
