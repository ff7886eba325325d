package vn.lanhmanh.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads the project's tab-separated data files: UTF-8, an optional byte-order mark, blank lines and
 * {@code #} comment lines skipped. A line the handler rejects with {@link IllegalArgumentException} is
 * reported as {@code file:line: message}, so bad data fails at build time naming where it is.
 *
 * <p>Stateless; thread-safe.
 */
public final class TsvLines {

  /** Receives the columns of one data line and where it stands ({@code file:line}). */
  @FunctionalInterface
  public interface Handler {
    void line(String[] columns, String where);
  }

  private TsvLines() {}

  /** Calls {@code handler} for every data line of {@code reader}, which it closes. */
  public static void read(String fileName, Reader reader, Handler handler) {
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(reader)) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String where = fileName + ":" + lineNo;
        try {
          handler.line(line.split("\t", -1), where);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName, e);
    }
  }
}
