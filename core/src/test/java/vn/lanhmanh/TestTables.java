package vn.lanhmanh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated case tables of the tests: one row per line, blank lines and {@code #} comments skipped. */
public final class TestTables {

  private TestTables() {}

  /** The rows of the class-path resource {@code resource}, each split on tabs with its empty cells kept. */
  public static List<String[]> rows(String resource) throws IOException {
    InputStream in = TestTables.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("test table not on the class path: " + resource);
    }
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t", -1));
        }
      }
    }
    return out;
  }
}
