package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** Runs the tool in-process, through picocli's {@code execute}, on byte streams. */
final class Cli {

  /** What a run left behind. */
  record Result(int exit, String out, String err) {
    /** The lines of stdout. */
    List<String> lines() {
      if (out.isEmpty()) {
        return List.of();
      }
      String body = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
      return List.of(body.split("\n", -1));
    }
  }

  private Cli() {}

  /** The test lexicon folder (a copy of core's, under src/test/resources/lexicon). */
  static String lexicon() {
    return resource("/lexicon/MANIFEST").getParent().toString();
  }

  /** A file or folder under src/test/resources, e.g. {@code /lists/sinfo/gambling-hosts}. */
  static Path resource(String name) {
    URL url = Cli.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Result run(String stdin, String... args) {
    return run(stdin.getBytes(UTF_8), args);
  }

  /** Runs with these stdin bytes; stdout and stderr are decoded as UTF-8. */
  static Result run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter o = Main.utf8Writer(out, false);
    PrintWriter e = Main.utf8Writer(err, true);
    int exit = Main.commandLine(new ByteArrayInputStream(stdin), o, e).execute(args);
    o.flush();
    e.flush();
    return new Result(exit, out.toString(UTF_8), err.toString(UTF_8));
  }
}
