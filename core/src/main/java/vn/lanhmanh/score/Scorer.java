package vn.lanhmanh.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.Positions;

/**
 * Stage 4 of a check: turns the candidates left by matching and composition into findings. The words
 * that point at a person are kept only in an abusive text; of the findings of one category, one that
 * another covers with a tier at least as high is dropped ({@code địt mẹ mày} is reported once); offsets
 * are mapped back to the caller's string. Allocates only for the findings it returns.
 */
public final class Scorer {

  private static final int CATEGORIES = Category.values().length;

  /** By start, then longest span first, then the candidate over more syllables first. */
  private static final Comparator<Candidate> ORDER = Scorer::order;

  private static int order(Candidate a, Candidate b) {
    if (a.start() != b.start()) {
      return Integer.compare(a.start(), b.start());
    }
    if (a.end() != b.end()) {
      return Integer.compare(b.end(), a.end());
    }
    return Integer.compare(b.syllables(), a.syllables());
  }

  private Scorer() {}

  /** The findings of {@code state}, ordered by start offset. */
  public static List<Finding> findings(String text, MatchState state) {
    int n = state.candidateCount();
    if (n == 0) {
      return List.of();
    }
    boolean abusive = false;
    // A conversation message's match holds its stage phrases too (side hits): never findings, so they are
    // counted out before the list is made, and a message with nothing else allocates nothing here.
    int rules = 0;
    int targets = 0;
    for (int i = 0; i < n; i++) {
      Category c = state.candidateCategory(i);
      byte kind = state.candidateKind(i);
      boolean target = kind == MatchState.TARGET || kind == MatchState.NAME;
      boolean rule = !target && kind != MatchState.SIDE;
      rules += rule ? 1 : 0;
      targets += target ? 1 : 0;
      abusive |= rule && state.candidateRating(i) != Rating.P
          && (c == Category.HARASSMENT || c == Category.PROFANITY);
    }
    int count = abusive ? rules + targets : rules;
    if (count == 0) {
      return List.of();
    }
    Positions p = state.positions();
    List<Candidate> found = new ArrayList<>(count);
    for (int i = 0; i < n; i++) {
      byte kind = state.candidateKind(i);
      if (kind == MatchState.SIDE || (kind == MatchState.TARGET || kind == MatchState.NAME) && !abusive) {
        continue;
      }
      int s = state.candidateStartPos(i);
      int e = state.candidateEndPos(i);
      found.add(new Candidate(i, p.start(s), p.end(e), e - s + 1));
    }
    if (count == 1) {
      return List.of(finding(text, state, found.get(0)));
    }
    found.sort(ORDER);
    List<Finding> kept = new ArrayList<>(found.size());
    Candidate[] lastByCategory = new Candidate[CATEGORIES];
    for (Candidate c : found) {
      int category = state.candidateCategory(c.index()).ordinal();
      Candidate g = lastByCategory[category];
      if (g != null && g.start() <= c.start() && c.end() <= g.end()
          && state.candidateRating(g.index()).compareTo(state.candidateRating(c.index())) >= 0) {
        continue;
      }
      kept.add(finding(text, state, c));
      if (g == null || c.end() > g.end()) {
        lastByCategory[category] = c;
      }
    }
    return kept;
  }

  /** A candidate's index in the state and its offsets in the caller's string. */
  private record Candidate(int index, int start, int end, int syllables) {}

  private static Finding finding(String text, MatchState state, Candidate c) {
    int i = c.index();
    return new Finding(state.candidateCategory(i), state.candidateSeverity(i), state.candidateRating(i),
        state.candidateRule(i), c.start(), c.end(), text.substring(c.start(), c.end()));
  }
}
