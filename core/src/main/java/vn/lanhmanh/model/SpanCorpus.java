package vn.lanhmanh.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Span-annotated comments in the ViHOS CSV format: a header line, then rows {@code id,content,index_spans}
 * where {@code index_spans} lists the code-point offsets of the offensive characters ({@code []} for a
 * clean comment). RFC 4180 quoting.
 */
@vn.lanhmanh.internal.JvmOnly("training corpus reader: Files.readString")
public final class SpanCorpus {

  /**
   * One comment.
   *
   * @param text the comment
   * @param gold the offensive characters, as UTF-16 indices into {@code text}
   */
  public record Comment(String text, BitSet gold) {
    /** True when no character is marked. */
    public boolean clean() {
      return gold.isEmpty();
    }
  }

  private SpanCorpus() {}

  /**
   * Reads a ViHOS-format CSV file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the row of a malformed span list or an offset outside the text
   */
  public static List<Comment> read(Path csv) throws IOException {
    return parse(Files.readString(csv, StandardCharsets.UTF_8), csv.toString());
  }

  /** Parses the text of a ViHOS-format CSV file; {@code source} names it in errors. */
  public static List<Comment> parse(String csv, String source) {
    List<List<String>> rows = csvRows(csv);
    List<Comment> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      if (r.size() == 1 && r.get(0).isBlank()) {
        continue;
      }
      if (r.size() < 3) {
        throw new IllegalArgumentException(source + ": row " + i + " has " + r.size()
            + " fields, expected 3 (id,content,index_spans)");
      }
      String text = r.get(1);
      int[] cpStart = codePointStarts(text);
      BitSet gold = new BitSet();
      String spans = r.get(2).trim();
      if (!spans.startsWith("[") || !spans.endsWith("]")) {
        throw new IllegalArgumentException(source + ": row " + i + ": index_spans must be a [..] list");
      }
      spans = spans.substring(1, spans.length() - 1).trim();
      if (!spans.isEmpty()) {
        for (String s : spans.split(",")) {
          int cp;
          try {
            cp = Integer.parseInt(s.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": row " + i + ": bad offset '" + s.trim() + "'");
          }
          if (cp < 0 || cp >= cpStart.length - 1) {
            throw new IllegalArgumentException(source + ": row " + i + ": offset " + cp
                + " outside the comment (" + (cpStart.length - 1) + " code points)");
          }
          gold.set(cpStart[cp], cpStart[cp + 1]);
        }
      }
      out.add(new Comment(text, gold));
    }
    return out;
  }

  /** UTF-16 index of every code point, and the text's length at the end. */
  private static int[] codePointStarts(String text) {
    int[] starts = new int[text.codePointCount(0, text.length()) + 1];
    int k = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      starts[k++] = i;
    }
    starts[k] = text.length();
    return starts;
  }

  /** A minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
  public static List<List<String>> csvRows(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
