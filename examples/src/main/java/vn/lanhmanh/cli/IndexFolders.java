package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Usage checks on URL list index folders, made before anything is opened, so a wrong path is a usage
 * error (exit 2) while a damaged index is a runtime error (exit 1). Stateless.
 */
final class IndexFolders {

  /** The folder name prefix of one generation of a URL list index (see {@code UrlListWriter}). */
  static final String GENERATION_PREFIX = "generation-";

  private IndexFolders() {}

  /**
   * A usage error unless {@code dir} is a folder holding at least one {@code generation-N} folder.
   *
   * @param option the option or parameter that named the folder, for the message
   */
  static void requireIndex(CommandSpec caller, String option, Path dir) {
    if (!Files.exists(dir)) {
      throw new ParameterException(caller.commandLine(), option + ": no such folder: " + dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new ParameterException(caller.commandLine(), option + ": not a folder: " + dir);
    }
    if (!hasGeneration(dir)) {
      throw new ParameterException(caller.commandLine(), option + ": " + dir
          + " is not a URL list index (no generation-N folder); write one with 'lanhmanh index build --out "
          + dir + " ...'");
    }
  }

  /**
   * Whether {@code dir} holds a {@code generation-N} folder (complete or not).
   *
   * @throws UncheckedIOException when the folder cannot be listed
   */
  static boolean hasGeneration(Path dir) {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, GENERATION_PREFIX + "*")) {
      for (Path p : s) {
        String n = p.getFileName().toString().substring(GENERATION_PREFIX.length());
        if (!n.isEmpty() && n.length() < 10 && n.chars().allMatch(c -> c >= '0' && c <= '9')
            && Files.isDirectory(p)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the folder " + dir, e);
    }
  }

  /**
   * One line saying why the index at {@code dir} cannot be used, from the refusal of
   * {@code UrlListIndex.open}: {@code <label>: cannot use the URL list index: generation-2: Lucene file
   * _0.tim has 10 bytes, expected 772 (truncated or replaced)}.
   *
   * @param label what named the folder, e.g. {@code --index lists}
   */
  static String unusable(String label, Path dir, Throwable refusal) {
    String why = Main.describe(refusal);
    String prefix = "no usable generation in URL list index " + dir + ": ";
    if (why.startsWith(prefix)) {
      why = why.substring(prefix.length());
      if (why.startsWith("{") && why.endsWith("}")) {
        why = dropGenerationKeys(why.substring(1, why.length() - 1));
      }
    }
    return label + ": cannot use the URL list index: " + why;
  }

  /** {@code 2=generation-2: …, 1=generation-1: …} without the {@code N=} map keys. */
  private static String dropGenerationKeys(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      boolean entryStart = i == 0 || (i >= 2 && s.charAt(i - 2) == ',' && s.charAt(i - 1) == ' ');
      if (entryStart) {
        int j = i;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
          j++;
        }
        if (j > i && j < s.length() && s.charAt(j) == '=') {
          i = j + 1;
          continue;
        }
      }
      b.append(s.charAt(i++));
    }
    return b.toString();
  }
}
