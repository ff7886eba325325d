package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lanhmanh.url.CanonicalizationResult.Problem;

/** Runs every row of {@code url/canonicalization.tsv}. */
class CanonicalizationTableTest {

  /** One table row. */
  record Row(int line, String input, String expected) {
    @Override
    public String toString() {
      return "line " + line + ": " + visible(input);
    }
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Row raw : table("/url/canonicalization.tsv")) {
      rows.add(new Row(raw.line(), unescape(raw.input()), unescape(raw.expected())));
    }
    return rows;
  }

  /** The rows of a two-column table resource, comments skipped, fields not yet unescaped. */
  static List<Row> table(String resource) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(CanonicalizationTableTest.class.getResourceAsStream(resource), resource);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
          throw new IllegalStateException("line " + number + " needs exactly one tab: " + line);
        }
        rows.add(new Row(number, line.substring(0, tab), line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void canonicalisesAsTheTableSays(Row row) {
    CanonicalizationResult result = UrlCanonicalizer.canonicalize(row.input());
    if (row.expected().startsWith("!")) {
      assertThat(result.isOk()).as("%s gave %s", row, result).isFalse();
      assertThat(result.problem()).as(row.toString()).isEqualTo(Problem.valueOf(row.expected().substring(1)));
    } else {
      assertThat(result.toString()).as(row.toString()).isEqualTo(row.expected());
      assertThat(UrlCanonicalizer.canonicalize(result.toString()).toString())
          .as("canonicalising %s again", row.expected())
          .isEqualTo(row.expected());
    }
  }

  @Test
  void tableHoldsAllPublishedExamples() {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(130);
    assertThat(rows).extracting(Row::input).contains(
        "http://host/%25%32%35", "http://3279880203/blah", "http://www.google.com/blah/..",
        "http://www.google.com/foo\tbar\rbaz\n2", "http://\u0001\u0080.com/", "http://www.gotaport.com:1234/",
        "  http://www.google.com/  ", "%20leadingspace.com/", "http://host.com//twoslashes?more//slashes");
  }

  /** Reads the table's escapes: backslash t, r, n, backslash, xHH and uHHHH. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char kind = field.charAt(++i);
      switch (kind) {
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case '\\' -> out.append('\\');
        case 'x' -> {
          out.append((char) Integer.parseInt(field.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(field.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("bad escape \\" + kind + " in " + field);
      }
    }
    return out.toString();
  }

  /** Control characters made visible for test names. */
  static String visible(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(120).forEach(cp -> {
      if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
        out.append(String.format("\\x%02X", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
