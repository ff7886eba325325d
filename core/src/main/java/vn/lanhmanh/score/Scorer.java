package vn.lanhmanh.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.internal.FindingList;
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

  /**
   * The findings from which {@link #findings(String, MatchState)} keeps them as columns of primitives
   * ({@link FindingList}) rather than one {@link Finding} object each: far more than a verdict lists, so
   * an ordinary text never takes that path, while a text of megabytes dense with findings needs a small
   * fraction of the memory.
   */
  public static final int COMPACT_FROM = 4 * vn.lanhmanh.Verdict.MAX_FINDINGS;

  /** The findings of {@code state}, ordered by start offset. */
  public static List<Finding> findings(String text, MatchState state) {
    return findings(text, state, COMPACT_FROM);
  }

  /**
   * The findings of {@code state}, ordered by start offset; with {@code compactFrom} findings or more, as a
   * {@link FindingList} (the same findings in the same order).
   */
  public static List<Finding> findings(String text, MatchState state, int compactFrom) {
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
    if (count >= compactFrom) {
      return compact(text, state, abusive, count);
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

  /**
   * {@link #findings(String, MatchState, int)} for a text of many findings, with no object per candidate:
   * the same candidates kept, in the same order ({@link #ORDER}, ties in the order of the candidates), the same
   * covered ones dropped, into a {@link FindingList}.
   */
  private static List<Finding> compact(String text, MatchState state, boolean abusive, int count) {
    Positions p = state.positions();
    int[] index = new int[count];
    int[] start = new int[count];
    int[] end = new int[count];
    int[] syllables = new int[count];
    int m = 0;
    for (int i = 0, n = state.candidateCount(); i < n; i++) {
      byte kind = state.candidateKind(i);
      if (kind == MatchState.SIDE || (kind == MatchState.TARGET || kind == MatchState.NAME) && !abusive) {
        continue;
      }
      int s = state.candidateStartPos(i);
      int e = state.candidateEndPos(i);
      index[m] = i;
      start[m] = p.start(s);
      end[m] = p.end(e);
      syllables[m] = e - s + 1;
      m++;
    }
    int[] order = new int[count];
    for (int k = 0; k < count; k++) {
      order[k] = k;
    }
    sort(order, new int[count], 0, count, start, end, syllables);
    FindingList kept = FindingList.of(text, count);
    int[] lastByCategory = new int[CATEGORIES];   // into the candidates above, -1 for none yet
    java.util.Arrays.fill(lastByCategory, -1);
    for (int k = 0; k < count; k++) {
      int c = order[k];
      int i = index[c];
      int category = state.candidateCategory(i).ordinal();
      int g = lastByCategory[category];
      if (g >= 0 && start[g] <= start[c] && end[c] <= end[g]
          && state.candidateRating(index[g]).compareTo(state.candidateRating(i)) >= 0) {
        continue;
      }
      kept.add(state.candidateCategory(i), state.candidateSeverity(i), state.candidateRating(i),
          state.candidateRule(i), start[c], end[c]);
      if (g < 0 || end[c] > end[g]) {
        lastByCategory[category] = c;
      }
    }
    return kept.freeze();
  }

  /**
   * Sorts {@code order[from, to)} (indices into the columns) as {@link #ORDER} sorts candidates, stably (equal ones
   * keep their order, as {@link List#sort} does): a merge sort through {@code scratch}.
   */
  private static void sort(int[] order, int[] scratch, int from, int to, int[] start, int[] end, int[] syllables) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sort(order, scratch, from, mid, start, end, syllables);
    sort(order, scratch, mid, to, start, end, syllables);
    if (compare(order[mid - 1], order[mid], start, end, syllables) <= 0) {
      return;   // already in order: the candidates come in the order of their last syllable
    }
    System.arraycopy(order, from, scratch, from, to - from);
    int a = from;
    int b = mid;
    for (int k = from; k < to; k++) {
      order[k] = b >= to || a < mid && compare(scratch[a], scratch[b], start, end, syllables) <= 0
          ? scratch[a++] : scratch[b++];
    }
  }

  /** {@link #order} of two candidates given by their columns. */
  private static int compare(int a, int b, int[] start, int[] end, int[] syllables) {
    if (start[a] != start[b]) {
      return Integer.compare(start[a], start[b]);
    }
    if (end[a] != end[b]) {
      return Integer.compare(end[b], end[a]);
    }
    return Integer.compare(syllables[b], syllables[a]);
  }

  /** A candidate's index in the state and its offsets in the caller's string. */
  private record Candidate(int index, int start, int end, int syllables) {}

  private static Finding finding(String text, MatchState state, Candidate c) {
    int i = c.index();
    return new Finding(state.candidateCategory(i), state.candidateSeverity(i), state.candidateRating(i),
        state.candidateRule(i), c.start(), c.end(), text.substring(c.start(), c.end()));
  }
}
