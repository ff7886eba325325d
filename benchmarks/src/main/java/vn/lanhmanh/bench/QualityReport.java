package vn.lanhmanh.bench;

import java.nio.file.Files;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Quality side by side with speed: for LànhMạnh and every peer, over each phrase list, on the ViHOS
 * train and dev comments. Run from the project root:
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar vn.lanhmanh.bench.QualityReport</pre>
 *
 * <p>A comment is flagged when LànhMạnh's verdict for a 10-year-old is not ALLOW, and when a peer
 * reports any match. Spans are all of LànhMạnh's findings (PII included) and every match a peer
 * reports, turned from UTF-16 offsets into the code point indices ViHOS annotates. Columns:
 * <ul>
 *   <li>{@code clean flagged}: share of comments without a gold span that were flagged (false alarms);
 *   <li>{@code toxic flagged}: share of comments with a gold span that were flagged;
 *   <li>{@code P R F1}: character-level span precision, recall and F1 pooled over all comments;
 *   <li>{@code F1/comment}: the mean per-comment span F1 (1 when both are empty), the SemEval-2021
 *       toxic-spans score the published ViHOS figures use.
 * </ul>
 */
public final class QualityReport {

  private QualityReport() {}

  public static void main(String[] args) {
    List<String> splits = List.of("train", "dev");
    for (String split : splits) {
      if (!Files.isRegularFile(Corpus.vihos(split))) {
        System.out.println("ViHOS not found at " + Corpus.vihos(split)
            + ": run from the project root with ../shared/data present, or set -Dlanhmanh.data=DIR");
        return;
      }
    }
    System.out.printf(Locale.ROOT, "%-12s %-14s %-6s %6s %8s %8s %7s %7s %7s %11s%n", "lexicon", "peer", "split",
        "texts", "clean fl", "toxic fl", "P", "R", "F1", "F1/comment");
    for (String lexicon : List.of(Phrases.LANHMANH, Phrases.VN_BADWORDS)) {
      for (String name : Peer.NAMES) {
        try (Peer peer = Peer.create(name, lexicon)) {
          peer.checkFindsKnownBad();
          for (String split : splits) {
            Score s = score(peer, Corpus.readVihos(Corpus.vihos(split)));
            System.out.printf(Locale.ROOT, "%-12s %-14s %-6s %6d %7.1f%% %7.1f%% %7.3f %7.3f %7.3f %11.3f%n",
                lexicon, name, split, s.texts, 100.0 * s.cleanFlagged / s.clean,
                100.0 * s.toxicFlagged / (s.texts - s.clean), s.precision(), s.recall(), s.f1(),
                s.perCommentF1 / s.texts);
          }
        }
      }
    }
  }

  static final class Score {
    int texts;
    int clean;
    int cleanFlagged;
    int toxicFlagged;
    long truePositive;
    long predicted;
    long gold;
    double perCommentF1;

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
  }

  static Score score(Peer peer, List<Corpus.Comment> comments) {
    Score s = new Score();
    for (Corpus.Comment c : comments) {
      String text = c.text();
      Object found = peer.find(text);
      boolean flagged = peer.flagged(found);
      BitSet predicted = codePoints(text, peer.spans(found));
      BitSet gold = new BitSet();
      for (int i : c.goldCodePoints()) {
        gold.set(i);
      }
      s.texts++;
      if (c.clean()) {
        s.clean++;
        s.cleanFlagged += flagged ? 1 : 0;
      } else {
        s.toxicFlagged += flagged ? 1 : 0;
      }
      BitSet both = (BitSet) predicted.clone();
      both.and(gold);
      int tp = both.cardinality();
      int p = predicted.cardinality();
      int g = gold.cardinality();
      s.truePositive += tp;
      s.predicted += p;
      s.gold += g;
      if (p == 0 && g == 0) {
        s.perCommentF1 += 1;
      } else if (p > 0 && g > 0 && tp > 0) {
        s.perCommentF1 += 2.0 * tp / (p + g);
      }
    }
    return s;
  }

  /** The code point indices covered by UTF-16 spans {@code [start, end)}. */
  static BitSet codePoints(String text, List<int[]> spans) {
    BitSet out = new BitSet();
    for (int[] span : spans) {
      int start = Math.max(0, Math.min(span[0], text.length()));
      int end = Math.max(start, Math.min(span[1], text.length()));
      if (end > start) {
        int from = text.codePointCount(0, start);
        out.set(from, from + text.codePointCount(start, end));
      }
    }
    return out;
  }
}
