package vn.lanhmanh.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.Verdict;

/**
 * The human-readable verdict of {@code check}: action, rating, the text with each finding marked
 * {@code [[like this]]}, one line per finding, the redacted text and, when present, where to get help.
 * Stateless.
 */
final class VerdictText {

  static final String OPEN = "[[";
  static final String CLOSE = "]]";

  private VerdictText() {}

  /** Writes the verdict on {@code text} to {@code out}. */
  static void write(String text, Verdict v, PrintWriter out) {
    out.println("action:   " + v.action());
    out.println("rating:   " + v.rating());
    out.println("text:     " + mark(text, v.findings()));
    if (v.findings().isEmpty()) {
      out.println("findings: none");
    } else {
      out.println("findings:");
      for (Finding f : v.findings()) {
        out.println("  " + f.category().jsonName() + "  " + f.rating() + "  " + f.severity().jsonName()
            + "  [" + f.start() + "," + f.end() + ") \"" + escape(f.match()) + "\"  rule=" + f.rule());
      }
    }
    out.println("redacted: " + v.redacted());
    StringBuilder scores = new StringBuilder();
    for (vn.lanhmanh.Category c : vn.lanhmanh.Category.values()) {
      double s = v.score(c);
      if (s >= 0.005) {
        scores.append(scores.length() == 0 ? "" : ", ")
            .append(String.format(java.util.Locale.ROOT, "%s %.2f", c.jsonName(), s));
      }
    }
    if (!v.scores().isEmpty()) {
      out.println("scores:   " + (scores.length() == 0 ? "all 0.00" : scores));
    }
    v.safeUrl().ifPresent(u -> out.println("safe URL: " + u));
    v.help().ifPresent(h -> help(h, out));
    for (String e : v.errors()) {
      out.println("error:    " + e);
    }
  }

  private static void help(Help h, PrintWriter out) {
    StringBuilder where = new StringBuilder();
    if (h.phone() != null) {
      where.append("call ").append(h.phone());
    }
    if (h.url() != null) {
      where.append(where.length() > 0 ? ", " : "").append(h.url());
    }
    out.println("help:     " + where);
    out.println("  vi: " + h.vi());
    out.println("  en: " + h.en());
  }

  /**
   * The text with every finding's span wrapped in {@code [[ ]]}; overlapping spans are marked once,
   * as one span.
   */
  static String mark(String text, List<Finding> findings) {
    if (findings.isEmpty()) {
      return text;
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparingInt(Finding::start));
    StringBuilder b = new StringBuilder(text.length() + 4 * findings.size());
    int done = 0;
    int i = 0;
    while (i < sorted.size()) {
      int start = Math.min(sorted.get(i).start(), text.length());
      int end = Math.min(sorted.get(i).end(), text.length());
      for (i++; i < sorted.size() && sorted.get(i).start() < end; i++) {
        end = Math.max(end, Math.min(sorted.get(i).end(), text.length()));
      }
      start = Math.max(start, done);
      b.append(text, done, start).append(OPEN).append(text, start, end).append(CLOSE);
      done = end;
    }
    return b.append(text, done, text.length()).toString();
  }

  /** The match with line breaks and tabs written as escapes, so a finding stays on one line. */
  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        case '"': b.append("\\\""); break;
        default: b.append(c);
      }
    }
    return b.toString();
  }
}
