package vn.lanhmanh.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Severity;

/**
 * The composed findings that the classifiers never lower, read from {@code kept-by-classifiers.tsv}: conduct told in
 * plain or family words (doxxing, alcohol pressed on a child, a street drug urged for study) that the classifiers,
 * trained on explicit words, slang and insults, score low, so that a low score says nothing about them. Immutable;
 * the check path only reads it, on the rare path where a classifier would lower a finding.
 */
final class KeptFindings {

  static final String RESOURCE = "kept-by-classifiers.tsv";

  /** One row: a rule id or a prefix of rule ids, the category it must have, and whether only high severity counts. */
  record Kept(String rule, boolean prefix, Category category, boolean highOnly) {
    Kept {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(category, "category");
    }

    boolean keeps(Finding f) {
      return f.category() == category
          && (!highOnly || f.severity() == Severity.HIGH)
          && (prefix ? f.rule().startsWith(rule) : f.rule().equals(rule));
    }
  }

  private static final KeptFindings DEFAULT = readDefault();

  private final List<Kept> rows;

  private KeptFindings(List<Kept> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The rows shipped in the jar. */
  static KeptFindings defaults() {
    return DEFAULT;
  }

  /** Whether the classifiers must leave {@code f} as it is. */
  boolean keeps(Finding f) {
    for (Kept k : rows) {
      if (k.keeps(f)) {
        return true;
      }
    }
    return false;
  }

  List<Kept> rows() {
    return rows;
  }

  /**
   * Parses the table: tab-separated rule, category, severity ({@code any} or {@code high}) and a note; lines that
   * start with {@code #} and blank lines are skipped.
   *
   * @throws IllegalArgumentException naming the line when a row is malformed
   */
  static KeptFindings parse(List<String> lines) {
    List<Kept> rows = new ArrayList<>();
    int n = 0;
    for (String line : lines) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 3 || c[0].isBlank()) {
        throw new IllegalArgumentException(RESOURCE + " line " + n + ": expected rule, category and severity");
      }
      String rule = c[0].strip();
      Category category;
      try {
        category = Category.fromJsonName(c[1].strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(RESOURCE + " line " + n + ": " + e.getMessage(), e);
      }
      boolean highOnly = switch (c[2].strip()) {
        case "any" -> false;
        case "high" -> true;
        default -> throw new IllegalArgumentException(
            RESOURCE + " line " + n + ": severity must be 'any' or 'high', not '" + c[2].strip() + "'");
      };
      boolean prefix = rule.endsWith(".") || rule.endsWith("_");
      rows.add(new Kept(rule, prefix, category, highOnly));
    }
    return new KeptFindings(rows);
  }

  private static KeptFindings readDefault() {
    try (InputStream in = KeptFindings.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " next to " + KeptFindings.class.getName());
      }
      List<String> lines = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      }
      return parse(lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
