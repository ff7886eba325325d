package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ViHOS paper's per-comment metric against figures scikit-learn computed for the same vectors
 * ({@code model/comment-averaged-scores.tsv}).
 */
class CommentAveragedScoresTest {

  record Case(String gold, String predicted, double macroP, double macroR, double macroF1, double microF1) {
    @Override
    public String toString() {
      return gold + " / " + predicted;
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = CommentAveragedScoresTest.class.getResourceAsStream("/model/comment-averaged-scores.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(new Case(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
            Double.parseDouble(f[5])));
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(10);
    return out;
  }

  private static BitSet bits(String s) {
    BitSet b = new BitSet();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '1') {
        b.set(i);
      }
    }
    return b;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void oneCommentMatchesScikitLearn(Case c) {
    CommentAveragedScores s = new CommentAveragedScores();
    s.add(c.gold().length(), bits(c.gold()), bits(c.predicted()));
    assertThat(s.comments()).isEqualTo(1);
    assertThat(s.macroPrecision()).isCloseTo(c.macroP(), within(1e-6));
    assertThat(s.macroRecall()).isCloseTo(c.macroR(), within(1e-6));
    assertThat(s.macroF1()).isCloseTo(c.macroF1(), within(1e-6));
    assertThat(s.microF1()).isCloseTo(c.microF1(), within(1e-6));
  }

  @Test
  void commentsAreAveragedWithEqualWeight() throws IOException {
    List<Case> all = cases();
    CommentAveragedScores s = new CommentAveragedScores();
    double f1 = 0;
    double micro = 0;
    for (Case c : all) {
      s.add(c.gold().length(), bits(c.gold()), bits(c.predicted()));
      f1 += c.macroF1();
      micro += c.microF1();
    }
    assertThat(s.comments()).isEqualTo(all.size());
    assertThat(s.macroF1()).isCloseTo(f1 / all.size(), within(1e-6));
    assertThat(s.microF1()).isCloseTo(micro / all.size(), within(1e-6));
  }

  @Test
  void countsCodePointsAndSkipsEmptyComments() {
    // "😀 đm" is 5 UTF-16 units but 4 code points; the offensive syllable is code points 2..3
    String text = "\uD83D\uDE00 đm";
    BitSet gold = new BitSet();
    gold.set(3, 5);
    BitSet predicted = new BitSet();
    predicted.set(0, 2); // the emoji, both halves
    CommentAveragedScores utf16 = new CommentAveragedScores();
    utf16.add(text, gold, predicted);
    CommentAveragedScores codePoints = new CommentAveragedScores();
    codePoints.add(4, bits("0011"), bits("1000"));
    assertThat(utf16.macroF1()).isEqualTo(codePoints.macroF1());
    assertThat(utf16.microF1()).isEqualTo(codePoints.microF1()).isEqualTo(0.25);
    codePoints.add(0, new BitSet(), new BitSet());
    assertThat(codePoints.comments()).isEqualTo(1);
  }
}
