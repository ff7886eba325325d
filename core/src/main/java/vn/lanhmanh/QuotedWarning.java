package vn.lanhmanh;

import java.util.Arrays;
import java.util.List;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.internal.FindingList;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.model.ScoreStage;
import vn.lanhmanh.text.Positions;

/**
 * A scam quoted to warn of it: a text the child reads that puts the swindle's words between quotes and,
 * in its own words outside them, warns or dismisses ("ai nhận tin nhắn "…vui lòng đóng phí…" thì đừng chuyển",
 * "tin nhắn giả Shopee báo "…click link…". Link đó fake 100%"). Its scam findings that lie wholly inside a
 * quotation are rated {@link Rating#P}, unless the quotation holds a link or a number a reader could act on; the
 * writer's own words are read as ever.
 *
 * <p>Only findings of the lexicon and the compositions are lowered: a classifier finding spans the whole text and
 * is never inside a quotation. A swindle that quotes a prize or a bank's name and asks in its own words (outside
 * the quotes) keeps every finding there; one that wraps its whole request in quotes and writes no warning or
 * dismissal of its own outside them keeps them all. The warning is a register concept ({@code AWARENESS},
 * {@code SCAM_ALERT}, {@code SCAM_WARNING}, {@code CAUTION}, {@code NEWS_POLICE}) or {@code SCAM_DISMISSED}
 * ("là giả", "fake 100%", "trò lừa", "đừng chuyển nhé"), in a concept hit outside every quotation.
 *
 * <p>A finding that runs into or out of a quotation, joining the quoted words to a name outside them ("tin nhắn giả
 * Shopee báo "… click link …"", "… "vui lòng đăng nhập tại đây" nha, cô giáo nói …"), is lowered the same way, but
 * only when the whole text holds no link and no number of eight digits or more. In a text whose writer excepts
 * himself from the warning ("tin nhắn này là chính thức") nothing is lowered (fifty-third round).
 */
final class QuotedWarning {

  private QuotedWarning() {}

  /**
   * The writer excepts himself from the warning he gives ("tin nhắn này là chính thức", "nhưng anh thì khác"):
   * then no quotation is read as a warning's (fifty-third round).
   */
  private static final ConceptSet EXCEPTION = ConceptSet.of(Concept.SELF_EXCEPTED);

  /** Concepts that, outside the quotes, make the quoted swindle a warning. */
  private static final ConceptSet WARNING = ConceptSet.of(Concept.AWARENESS, Concept.SCAM_ALERT,
      Concept.SCAM_WARNING, Concept.CAUTION, Concept.NEWS_POLICE, Concept.SCAM_DISMISSED);

  /**
   * {@code findings} with its scam findings of the lexicon and the compositions that lie wholly inside a
   * quotation of {@code t} rated P, when the text outside the quotations holds a warning; otherwise
   * {@code findings} itself.
   */
  static List<Finding> lower(String t, List<Finding> findings, MatchState state) {
    List<Finding> out = findings;
    int[] quotes = null;
    for (int i = 0; i < findings.size(); i++) {
      if (FindingList.category(findings, i) != Category.SCAM || FindingList.rating(findings, i) == Rating.P) {
        continue;
      }
      Finding f = findings.get(i);
      if (f.rule().startsWith(ScoreStage.CLASSIFIER_RULE_PREFIX)) {
        continue;
      }
      if (quotes == null) {
        quotes = quotations(t);
        if (quotes.length == 0 || !warnedOutside(state, quotes) || state.anyConcept(EXCEPTION)) {
          return findings;
        }
      }
      int q = quotationOf(quotes, f.start(), f.end());
      if (q < 0 && !actionable(t, -1, t.length())) {
        // a finding that joins the quoted swindle to a name outside the quotes ("tin nhắn giả Shopee báo "… click
        // link …"", fifty-third round), in a text that holds no link or number anywhere
        q = straddled(quotes, f.start(), f.end());
      }
      if (q >= 0 && !actionable(t, quotes[q], quotes[q + 1])) {
        if (out == findings) {
          out = FindingList.mutableCopy(findings);
        }
        out.set(i, new Finding(f.category(), f.severity(), Rating.P, f.rule(), f.start(), f.end(), f.match()));
      }
    }
    return out;
  }

  /**
   * The quotations of {@code t} as pairs of offsets {@code [open, close]}: straight double quotes paired in order,
   * curly and angle quotes by their own opening and closing marks, and single quotes (straight or curly) where they
   * stand at a word's edge: one opens after a non-letter and before a non-space, and closes after a non-space and
   * before a non-letter, so the apostrophe inside "don't" is neither (fifty-sixth round). An unclosed quote closes
   * nothing.
   */
  static int[] quotations(String t) {
    int[] q = new int[8];
    int n = 0;
    int straight = -1;
    int curly = -1;
    int single = -1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      int open = -1;
      if (c == '\'' || c == '\u2018' || c == '\u2019') {
        if (single >= 0 && closesSingle(t, i)) {
          open = single;
          single = -1;
        } else if (single < 0 && opensSingle(t, i)) {
          single = i;
        }
      } else if (c == '"') {
        if (straight < 0) {
          straight = i;
        } else {
          open = straight;
          straight = -1;
        }
      } else if (c == '\u201C' || c == '\u00AB') {
        curly = i;
      } else if ((c == '\u201D' || c == '\u00BB') && curly >= 0) {
        open = curly;
        curly = -1;
      }
      if (open >= 0) {
        if (n + 2 > q.length) {
          q = Arrays.copyOf(q, q.length * 2);
        }
        q[n++] = open;
        q[n++] = i;
      }
    }
    return Arrays.copyOf(q, n);
  }

  private static boolean opensSingle(String t, int i) {
    return (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))
        && i + 1 < t.length() && !Character.isWhitespace(t.charAt(i + 1));
  }

  private static boolean closesSingle(String t, int i) {
    return i > 0 && !Character.isWhitespace(t.charAt(i - 1))
        && (i + 1 == t.length() || !Character.isLetterOrDigit(t.charAt(i + 1)));
  }

  /**
   * The index in {@code quotes} of the quotation {@code [start, end)} lies inside (after its opening mark, up to
   * its closing one), or -1.
   */
  static int quotationOf(int[] quotes, int start, int end) {
    for (int k = 0; k < quotes.length; k += 2) {
      if (quotes[k] < start && end <= quotes[k + 1]) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Whether the quotation between {@code open} and {@code close} holds something a reader could act on: a web
   * address ({@code http}, {@code www.}, or letters, a dot and two or more letters with no space: {@code
   * giaohang-nhanh.click}) or eight digits or more (a phone or an account number, spaces and dots between them
   * allowed). A warning that quotes a live link or number still passes it on, so its findings keep their tier.
   */
  static boolean actionable(String t, int open, int close) {
    int digits = 0;
    for (int i = open + 1; i < close; i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits >= 8) {
          return true;
        }
      } else if (c == '.' && i > open + 1 && i + 2 < close && Character.isLetterOrDigit(t.charAt(i - 1))
          && Character.isLetter(t.charAt(i + 1)) && Character.isLetter(t.charAt(i + 2))) {
        return true;
      } else if ((c == 'h' || c == 'H') && t.regionMatches(true, i, "http", 0, 4)
          || (c == 'w' || c == 'W') && t.regionMatches(true, i, "www.", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a concept hit of {@link #WARNING} lies outside every quotation (touching none). */
  private static boolean warnedOutside(MatchState state, int[] quotes) {
    Positions p = state.positions();
    for (int k = 0; k < state.conceptCount(); k++) {
      if (!state.hasConcept(k, WARNING)) {
        continue;
      }
      int start = p.start(state.conceptStartPos(k));
      int end = p.end(state.conceptEndPos(k));
      if (!overlapsQuote(quotes, start, end)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The index in {@code quotes} of a quotation that {@code [start, end)} runs into or out of (one of its marks
   * inside the span), or -1: a composition that joins the quoted words to words outside them.
   */
  static int straddled(int[] quotes, int start, int end) {
    for (int k = 0; k < quotes.length; k += 2) {
      boolean opensInside = start < quotes[k] && quotes[k] < end;
      boolean closesInside = start < quotes[k + 1] && quotes[k + 1] < end;
      if (opensInside != closesInside) {
        return k;
      }
    }
    return -1;
  }

  private static boolean overlapsQuote(int[] quotes, int start, int end) {
    for (int k = 0; k < quotes.length; k += 2) {
      if (start <= quotes[k + 1] && quotes[k] < end) {
        return true;
      }
    }
    return false;
  }
}
