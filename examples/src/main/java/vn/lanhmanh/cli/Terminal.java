package vn.lanhmanh.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the process's standard error is a terminal, as far as Java 17 can tell. Stateless. */
final class Terminal {

  private Terminal() {}

  /**
   * On Linux, whether file descriptor 2 is a terminal device ({@code /dev/pts/N}, {@code /dev/ttyN});
   * elsewhere, whether the process has a console (its standard input and output are a terminal), the
   * closest Java 17 offers.
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        String target = Files.readSymbolicLink(fd2).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      // fall through to the console test
    }
    return System.console() != null;
  }
}
