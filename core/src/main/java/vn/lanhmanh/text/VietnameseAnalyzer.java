package vn.lanhmanh.text;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The Vietnamese normaliser as a Lucene {@link Analyzer}: one token per syllable in its exact view
 * (type {@value #EXACT}), followed at the same position by its diacritic-free view (type
 * {@value #FOLDED}) when that differs. Offsets point into the original text, corrected through any
 * char filter, so highlighting and findings agree.
 *
 * <p>This is the same code the matcher runs on its hot path (without the {@code TokenStream} machinery),
 * so lexicon phrases indexed with it and texts checked by the filter are normalised identically.
 * Thread-safe like every Lucene analyzer (components are reused per thread).
 */
public final class VietnameseAnalyzer extends Analyzer {

  /** Token type of the exact view. */
  public static final String EXACT = "exact";
  /** Token type of the folded view. */
  public static final String FOLDED = "folded";

  private final Vocabulary vocab;

  /** An analyzer with no vocabulary: it normalises, but joins and expands nothing. */
  public VietnameseAnalyzer() {
    this(new Vocabulary());
  }

  /** An analyzer that joins split letters and expands teencode known to {@code vocab}. */
  public VietnameseAnalyzer(Vocabulary vocab) {
    this.vocab = vocab;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new VietnameseTokenizer(VietnameseNormalizer.forText(vocab)));
  }

  private static final class VietnameseTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final VietnameseNormalizer normalizer;
    private final Positions positions = new Positions();
    private final StringBuilder text = new StringBuilder();
    private int next;
    private String pendingFold;

    VietnameseTokenizer(VietnameseNormalizer normalizer) {
      this.normalizer = normalizer;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      text.setLength(0);
      char[] buf = new char[4096];
      Reader in = input;
      int n;
      while ((n = in.read(buf)) > 0) {
        text.append(buf, 0, n);
      }
      normalizer.normalize(text, positions);
      next = 0;
      pendingFold = null;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      Vocabulary vocab = normalizer.vocabulary();
      if (pendingFold != null) {
        int i = next - 1;
        term.append(pendingFold);
        type.setType(FOLDED);
        posInc.setPositionIncrement(0);
        offset.setOffset(correctOffset(positions.start(i)), correctOffset(positions.end(i)));
        pendingFold = null;
        return true;
      }
      if (next >= positions.size()) {
        return false;
      }
      int i = next++;
      String exact = positions.exactString(i, vocab);
      String fold = positions.foldString(i, vocab);
      term.append(exact);
      type.setType(EXACT);
      posInc.setPositionIncrement(1);
      offset.setOffset(correctOffset(positions.start(i)), correctOffset(positions.end(i)));
      if (!fold.equals(exact)) {
        pendingFold = fold;
      }
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      int last = correctOffset(text.length());
      offset.setOffset(last, last);
    }
  }
}
