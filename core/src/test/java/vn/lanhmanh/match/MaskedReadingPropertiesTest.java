package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.DefaultFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.text.Positions;

/**
 * Invariants of masked words read by the phrases they complete, on the default lexicon: spans stay in the
 * caller's string, and text without {@code *}, {@code #} or {@code .} is read exactly as it would be
 * without the reader.
 */
class MaskedReadingPropertiesTest {

  private static final CompiledLexicon lexicon = DefaultFilter.lexicon();
  private static final ContentFilter filter = DefaultFilter.shared();

  /** Words, masked words, dot-split words and separators, mixed at random. */
  private static final List<String> PIECES = List.of(
      "k*o", "c*", "đ*", "bán", "đá", "cỏ", "kẹo", "l*n", "đ*t", "m*", "Nh*", "c*i", "c*ợc", "nh*", "t*",
      "g*ết", "mày", "tao", "sẽ", "cả", "nhà", "d*ng", "cụ", "ả*h", "n*d", "học", "sinh", "k.ẹ.o", "m.ờ.i",
      "đ.á", "l.o.l.i", "v.c.l", "TP.HCM", "1.5", "S.O.S", "***", "**đậm**", "a*b", "c*f*2027", "C#", "#tag",
      "k**", "l**n", "Đ#T", "ch*", "x*a", "bí", "m*t", "giư*ng", "ng*", "ơi", "à", " ", " ", ", ", ". ", "! ",
      "\n", "*", "#", ".", "..", "\u0301", "\u200b", "Ạ", "i");

  @Provide
  Arbitrary<String> masked() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> plain() {
    // The pieces without a mask or a dot, joined by spaces and commas.
    List<String> plain = PIECES.stream().filter(s -> s.indexOf('*') < 0 && s.indexOf('#') < 0 && s.indexOf('.') < 0)
        .toList();
    return Arbitraries.of(plain).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void readingsSpanTheOriginalString(@ForAll("masked") String text) {
    MatchState state = new MatchState();
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    Positions p = state.positions();
    int lastStart = 0;
    for (int i = 0; i < p.size(); i++) {
      assertThat(p.start(i)).as(text).isBetween(lastStart, text.length() - 1);
      assertThat(p.end(i)).as(text).isBetween(p.start(i) + 1, text.length());
      lastStart = p.start(i);
    }
    for (int c = 0; c < state.candidateCount(); c++) {
      assertThat(state.candidateStartPos(c)).isBetween(0, state.candidateEndPos(c));
      assertThat(state.candidateEndPos(c)).isLessThan(p.size());
    }
  }

  @Property(tries = 500)
  void findingsSpanTheOriginalString(@ForAll("masked") String text) {
    Verdict v = filter.checkText(text, Policy.forAge(10));
    for (Finding f : v.findings()) {
      assertThat(f.start()).as("%s → %s", text, f).isBetween(0, f.end());
      assertThat(f.end()).as("%s → %s", text, f).isLessThanOrEqualTo(text.length());
      assertThat(f.match()).as("%s → %s", text, f).isEqualTo(text.substring(f.start(), f.end()));
    }
  }

  @Property(tries = 1000)
  void textWithoutMasksOrDotsIsReadAsWithoutTheReader(@ForAll("plain") String text) {
    MatchState with = new MatchState();
    lexicon.normalize(text, with);
    assertThat(with.positions().maskedWords()).as(text).isZero();
    lexicon.match(text, with);
    MatchState without = new MatchState();
    lexicon.normalize(text, without);
    lexicon.match(text, without, true, false);
    assertSameMatch(text, with, without);
  }

  @Property(tries = 500)
  void readingTwiceGivesTheSameMatch(@ForAll("masked") String text) {
    MatchState once = new MatchState();
    lexicon.normalize(text, once);
    lexicon.match(text, once);
    MatchState twice = new MatchState();
    lexicon.normalize(text, twice);
    lexicon.match(text, twice);
    lexicon.match(text, twice);
    assertSameMatch(text, once, twice);
  }

  private static void assertSameMatch(String text, MatchState a, MatchState b) {
    Positions pa = a.positions();
    Positions pb = b.positions();
    assertThat(pb.size()).as(text).isEqualTo(pa.size());
    for (int i = 0; i < pa.size(); i++) {
      assertThat(new int[] {pb.exactId(i), pb.foldId(i), pb.start(i), pb.end(i), pb.source(i)}).as(text)
          .containsExactly(pa.exactId(i), pa.foldId(i), pa.start(i), pa.end(i), pa.source(i));
      assertThat(pb.plain(i)).as(text).isEqualTo(pa.plain(i));
    }
    assertThat(b.candidateCount()).as(text).isEqualTo(a.candidateCount());
    for (int c = 0; c < a.candidateCount(); c++) {
      assertThat(b.candidateRule(c)).as(text).isEqualTo(a.candidateRule(c));
      assertThat(b.candidateStartPos(c)).as(text).isEqualTo(a.candidateStartPos(c));
      assertThat(b.candidateEndPos(c)).as(text).isEqualTo(a.candidateEndPos(c));
      assertThat(b.candidateRating(c)).as(text).isEqualTo(a.candidateRating(c));
    }
    assertThat(b.conceptCount()).as(text).isEqualTo(a.conceptCount());
    for (int k = 0; k < a.conceptCount(); k++) {
      assertThat(b.conceptStartPos(k)).as(text).isEqualTo(a.conceptStartPos(k));
      assertThat(b.conceptEndPos(k)).as(text).isEqualTo(a.conceptEndPos(k));
      assertThat(b.conceptSet(k)).as(text).isEqualTo(a.conceptSet(k));
    }
  }
}
