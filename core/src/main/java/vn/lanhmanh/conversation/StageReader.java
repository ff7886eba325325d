package vn.lanhmanh.conversation;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.lexicon.TsvLines;

/**
 * Reads the stage phrases file: {@code phrase, stage, weight, sender, fold, note}, tab-separated, with
 * {@code (a|b|)} groups expanded as in lexicon files. A malformed line is an
 * {@link IllegalArgumentException} naming the file and line.
 */
final class StageReader {

  static final String DEFAULT_RESOURCE = "/vn/lanhmanh/conversation/stages.tsv";

  /** A parsed line before compilation: its expanded phrases share stage, weight, scope and fold. */
  record Line(List<String> phrases, Stage stage, double weight, StageRule.Scope scope, LexiconEntry.Fold fold,
      String note, String source) {}

  private StageReader() {}

  static List<Line> readDefault() {
    InputStream in = StageReader.class.getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("embedded resource missing: " + DEFAULT_RESOURCE);
    }
    return read("stages.tsv", new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  static List<Line> read(String fileName, Reader reader) {
    List<Line> out = new ArrayList<>();
    TsvLines.read(fileName, reader, (cols, where) -> out.add(parse(cols, where)));
    return out;
  }

  private static Line parse(String[] cols, String where) {
    if (cols.length < 4) {
      throw new IllegalArgumentException("expected phrase, stage, weight, sender[, fold[, note]] separated by "
          + "tabs, found " + cols.length + " column(s)");
    }
    String phrase = Normalizer.normalize(cols[0].strip(), Normalizer.Form.NFC);
    if (phrase.isEmpty()) {
      throw new IllegalArgumentException("empty phrase");
    }
    double weight;
    try {
      weight = Double.parseDouble(cols[2].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("weight '" + cols[2] + "' is not a number");
    }
    if (!(weight > 0 && weight < 1)) {
      throw new IllegalArgumentException("weight must be above 0 and below 1, was " + weight);
    }
    return new Line(LexiconReader.expand(phrase), Stage.parse(cols[1]), weight,
        StageRule.Scope.parse(cols[3]), LexiconEntry.Fold.parse(cols.length > 4 ? cols[4] : ""),
        cols.length > 5 ? cols[5].strip() : "", where);
  }
}
