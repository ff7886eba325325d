package vn.lanhmanh.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import vn.lanhmanh.Action;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.model.CommentAveragedScores;
import vn.lanhmanh.model.SpanCorpus;

/**
 * Measures the filter on ViHOS (span-annotated Vietnamese hate and offensive comments): character-level
 * span precision, recall and F1 (micro-averaged over all comments, spans of any category), and the share of
 * clean comments (no gold span) that are not ALLOWed for a 10-year-old; also the ViHOS paper's per-comment
 * averaged metric ({@link CommentAveragedScores}), the one its published figures use.
 *
 * <p>ViHOS offsets count Unicode code points (the data set was made in Python); findings count UTF-16
 * units, so predictions are converted before comparing.
 */
public final class ViHos {

  /** One comment: its text and the gold offensive characters (code point indices). */
  record Comment(String text, BitSet gold) {}

  /** The measured figures for one split. */
  record Figures(String split, int comments, int clean, int cleanFlagged, long truePositive,
      long predicted, long gold, CommentAveragedScores paper) {
    double precision() {
      return predicted == 0 ? 0 : (double) truePositive / predicted;
    }

    double recall() {
      return gold == 0 ? 0 : (double) truePositive / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double cleanFlaggedRate() {
      return clean == 0 ? 0 : (double) cleanFlagged / clean;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "%-5s comments=%d clean=%d | span P=%.3f R=%.3f F1=%.3f | clean flagged at age 10: %d (%.1f%%)"
              + " | paper's metric: %s",
          split, comments, clean, precision(), recall(), f1(), cleanFlagged, 100 * cleanFlaggedRate(), paper);
    }
  }

  private ViHos() {}

  static Figures evaluate(ContentFilter filter, String split, List<Comment> comments) {
    return evaluate(filter, split, comments, true);
  }

  /**
   * @param withPii whether personal-information findings count as predicted spans (ViHOS annotates only
   *     hate and offensive language; a phone number is not either, but the filter does report it)
   */
  static Figures evaluate(ContentFilter filter, String split, List<Comment> comments, boolean withPii) {
    Policy child = Policy.forAge(10);
    long tp = 0;
    long pred = 0;
    long gold = 0;
    int clean = 0;
    int cleanFlagged = 0;
    CommentAveragedScores paper = new CommentAveragedScores();
    for (Comment c : comments) {
      Verdict v = filter.checkText(c.text(), child);
      BitSet p = new BitSet();
      for (Finding f : v.findings()) {
        if (!withPii && f.category() == vn.lanhmanh.Category.PII) {
          continue;
        }
        int s = c.text().codePointCount(0, f.start());
        int e = s + c.text().codePointCount(f.start(), f.end());
        p.set(s, e);
      }
      paper.add(c.text().codePointCount(0, c.text().length()), c.gold(), p);
      BitSet both = (BitSet) p.clone();
      both.and(c.gold());
      tp += both.cardinality();
      pred += p.cardinality();
      gold += c.gold().cardinality();
      if (c.gold().isEmpty()) {
        clean++;
        if (v.action() != Action.ALLOW) {
          cleanFlagged++;
        }
      }
    }
    return new Figures(split, comments.size(), clean, cleanFlagged, tp, pred, gold, paper);
  }

  /** Reads a ViHOS CSV ({@code ,content,index_spans}). */
  static List<Comment> read(Path csv) throws IOException {
    List<List<String>> rows = SpanCorpus.csvRows(Files.readString(csv, StandardCharsets.UTF_8));
    List<Comment> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      if (r.size() < 3) {
        continue;
      }
      BitSet gold = new BitSet();
      String spans = r.get(2).replace("[", "").replace("]", "").trim();
      if (!spans.isEmpty()) {
        for (String s : spans.split(",")) {
          gold.set(Integer.parseInt(s.trim()));
        }
      }
      out.add(new Comment(r.get(1), gold));
    }
    return out;
  }

  /** Runs the evaluation from the command line: {@code ViHos [data/vihos folder]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/vihos");
    try (ContentFilter filter = ContentFilter.builder().build()) {
      for (String split : new String[] {"train", "dev"}) {
        List<Comment> comments = read(dir.resolve(split + ".csv"));
        System.out.println("all findings:       " + evaluate(filter, split, comments, true));
        System.out.println("without pii spans:  " + evaluate(filter, split, comments, false));
      }
    }
  }
}
