package vn.lanhmanh.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a held-out scorer's full report (figures and misses) under the module's {@code target/} folder,
 * where it is read on purpose, not in the build log where anyone tuning the engine would see the misses.
 */
final class HeldoutReports {

  private HeldoutReports() {}

  /** Writes {@code text} to {@code target/<name>} and prints where it went. */
  static Path write(String name, String text) {
    Path out = Path.of("target", name);
    try {
      Files.createDirectories(out.getParent());
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("  details and misses: " + out);
    return out;
  }
}
