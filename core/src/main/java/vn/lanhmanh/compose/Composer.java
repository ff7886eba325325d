package vn.lanhmanh.compose;

import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.Composition;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.Raise;
import vn.lanhmanh.concept.Register;
import vn.lanhmanh.match.MatchState;

/**
 * Stage 3 of a check: reads the concept hits of each sentence, lowers bare rule findings in sentences of
 * a register (news, history, sport, literature, science, health education), raises them in sentences that
 * offer them for money (pornography or a bet for sale: {@link Raise}), and adds the findings of the
 * compositions whose concepts meet (within a clause, a sentence, a number of syllables, or the few
 * consecutive sentences of a message).
 *
 * <p>Compiled once into plain arrays; immutable and thread-safe. A sentence costs one pass over its
 * concept hits to build its concept set, and a composition is searched only when its concepts are all in
 * that set; the search is quadratic in the hits of that one sentence, which are few.
 */
public final class Composer {

  private final int size;
  private final long[] need;
  private final long[] unless;
  private final int[] scope;
  private final boolean[] ordered;
  /** Per composition: its concepts' bits in the order listed. */
  private final long[][] sequence;
  private final Category[] category;
  private final Rating[] rating;
  private final Severity[] severity;
  private final String[] ruleId;
  /** {@code caps[register ordinal][category ordinal]}: the cap, or null. */
  private final Rating[][] caps;
  /** {@code capsC[register ordinal][category ordinal]}: the cap for a bare finding of tier C, or null. */
  private final Rating[][] capsC;
  /** Every register concept that caps something. */
  private final long registerMask;
  /** {@code raiseTo[concept ordinal][category ordinal]}: the tier an offer raises a bare finding to, or null. */
  private final Rating[][] raiseTo;
  /** {@code raiseFrom[concept ordinal][category ordinal]}: the lowest tier that raise lifts. */
  private final Rating[][] raiseFrom;
  /** {@code raiseUnless[concept ordinal][category ordinal]}: the concepts that keep that raise from happening. */
  private final long[][] raiseUnless;
  /** Every concept that raises something. */
  private final long raiseMask;
  /** Whether any composition has the {@link Composition#MESSAGE} scope. */
  private final boolean hasMessageScope;
  /**
   * Per concept (by {@link Concept#ordinal()}), a bit set over the compositions (64 to a {@code long}) that
   * need it as their first concept: only these can be complete when the concept is absent from a sentence's
   * neighbourhood, so a sentence tries the compositions of its concepts' sets, in their order.
   */
  private final long[][] byFirstConcept;
  /** The {@code long}s of each set of {@link #byFirstConcept}. */
  private final int words;

  private Composer(ConceptLexicon lexicon) {
    List<Composition> cs = lexicon.compositions();
    size = cs.size();
    need = new long[size];
    unless = new long[size];
    scope = new int[size];
    ordered = new boolean[size];
    sequence = new long[size][];
    category = new Category[size];
    rating = new Rating[size];
    severity = new Severity[size];
    ruleId = new String[size];
    for (int i = 0; i < size; i++) {
      Composition c = cs.get(i);
      sequence[i] = new long[c.concepts().size()];
      for (int k = 0; k < sequence[i].length; k++) {
        sequence[i][k] = c.concepts().get(k).bit();
        need[i] |= sequence[i][k];
      }
      for (Concept u : c.unless()) {
        unless[i] |= u.bit();
      }
      scope[i] = c.scope();
      ordered[i] = c.ordered();
      category[i] = c.category();
      rating[i] = c.rating();
      severity[i] = c.severity();
      ruleId[i] = c.ruleId();
    }
    caps = new Rating[Concept.values().length][Category.values().length];
    capsC = new Rating[Concept.values().length][Category.values().length];
    long regs = 0;
    for (Register r : lexicon.registers()) {
      regs |= r.register().bit();
      for (Category cat : r.categories()) {
        lowest(caps, r, cat);
        if (r.lowersC()) {
          lowest(capsC, r, cat);
        }
      }
    }
    registerMask = regs;
    raiseTo = new Rating[Concept.values().length][Category.values().length];
    raiseFrom = new Rating[Concept.values().length][Category.values().length];
    raiseUnless = new long[Concept.values().length][Category.values().length];
    long offers = 0;
    for (Raise r : lexicon.raises()) {
      int k = r.concept().ordinal();
      offers |= r.concept().bit();
      long unlessBits = 0;
      for (Concept u : r.unless()) {
        unlessBits |= u.bit();
      }
      for (Category cat : r.categories()) {
        Rating old = raiseTo[k][cat.ordinal()];
        if (old != null) {
          throw new IllegalArgumentException("concept " + r.concept() + " raises " + cat.jsonName()
              + " twice (" + r.source() + ")");
        }
        raiseTo[k][cat.ordinal()] = r.tier();
        raiseFrom[k][cat.ordinal()] = r.from();
        raiseUnless[k][cat.ordinal()] = unlessBits;
      }
    }
    raiseMask = offers;
    boolean message = false;
    for (int s : scope) {
      message |= s == Composition.MESSAGE;
    }
    hasMessageScope = message;
    words = (size + 63) / 64;
    byFirstConcept = new long[Concept.values().length][words];
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < byFirstConcept.length; k++) {
        // (A composition of no concepts, were there one, is tried wherever there is a concept.)
        if (need[i] == 0 || k == Long.numberOfTrailingZeros(need[i])) {
          byFirstConcept[k][i >>> 6] |= 1L << i;
        }
      }
    }
  }

  private static void lowest(Rating[][] table, Register r, Category cat) {
    Rating old = table[r.register().ordinal()][cat.ordinal()];
    table[r.register().ordinal()][cat.ordinal()] = old == null ? r.cap() : old.min(r.cap());
  }

  /** Compiles the compositions and registers of {@code lexicon}. */
  public static Composer compile(ConceptLexicon lexicon) {
    return new Composer(lexicon);
  }

  /** Runs registers and compositions over the concept hits in {@code state}, sentence by sentence. */
  public void compose(MatchState state) {
    int hits = state.conceptCount();
    if (hits == 0) {
      return;
    }
    // Concept hits are in the order of their last syllable, so a sentence's hits are consecutive.
    int rules = state.candidateCount();
    int cursor = 0;
    int from = 0;
    // The previous sentence that had concept hits: its first hit, its number and its concept set (for
    // compositions whose scope is two sentences).
    int prevFrom = 0;
    int prevSentence = -2;
    long prevPresent = 0;
    while (from < hits) {
      int sentence = state.sentence(state.conceptEndPos(from));
      long present = 0;
      int to = from;
      while (to < hits && state.sentence(state.conceptEndPos(to)) == sentence) {
        present |= state.conceptMask(to);
        to++;
      }
      // Rule candidates are in the order of their last syllable too, and never span two sentences.
      while (cursor < rules && state.sentence(state.candidateEndPos(cursor)) < sentence) {
        cursor++;
      }
      if ((present & registerMask) != 0) {
        lower(state, cursor, rules, sentence, present & registerMask);
      }
      if ((present & raiseMask) != 0) {
        raise(state, cursor, rules, sentence, present);
      }
      long window = present;
      int windowTo = to;
      if (hasMessageScope) {
        // The hits of this sentence and of the next MESSAGE_SENTENCES - 1 sentences.
        while (windowTo < hits
            && state.sentence(state.conceptEndPos(windowTo)) < sentence + Composition.MESSAGE_SENTENCES) {
          window |= state.conceptMask(windowTo);
          windowTo++;
        }
      }
      boolean adjacent = prevSentence == sentence - 1;
      // Every set a composition is tested against below lies within this one, so only the compositions
      // whose first concept is in it can be complete; they are tried in their order.
      long near = window | (adjacent ? prevPresent : 0);
      for (int w = 0; w < words; w++) {
        long some = 0;
        for (long b = near; b != 0; b &= b - 1) {
          some |= byFirstConcept[Long.numberOfTrailingZeros(b)][w];
        }
        for (; some != 0; some &= some - 1) {
          int c = w * 64 + Long.numberOfTrailingZeros(some);
          if (scope[c] == Composition.TWO_SENTENCES) {
            long both = adjacent ? present | prevPresent : present;
            // Concepts all in the previous sentence were found with it already.
            boolean found = adjacent && (prevPresent & need[c]) == need[c];
            if ((both & need[c]) == need[c] && (both & unless[c]) == 0 && !found) {
              find(state, c, adjacent ? prevFrom : from, to, to);
            }
          } else if (scope[c] == Composition.MESSAGE) {
            // Anchored in this sentence, so a place is found once; the registers of the whole window cancel.
            if ((window & need[c]) == need[c] && (window & unless[c]) == 0) {
              find(state, c, from, windowTo, to);
            }
          } else if ((present & need[c]) == need[c] && (present & unless[c]) == 0) {
            find(state, c, from, to, to);
          }
        }
      }
      prevFrom = from;
      prevSentence = sentence;
      prevPresent = present;
      from = to;
    }
  }

  /** Caps the bare rule candidates of {@code sentence}, from {@code first}, by the registers in it. */
  private void lower(MatchState state, int first, int rules, int sentence, long registers) {
    for (int i = first; i < rules && state.sentence(state.candidateEndPos(i)) == sentence; i++) {
      if (state.candidateKind(i) != MatchState.RULE) {
        continue;
      }
      int cat = state.candidateCategory(i).ordinal();
      Rating[][] table = state.candidateRating(i) == Rating.C ? capsC : caps;
      for (long r = registers; r != 0; r &= r - 1) {
        Rating cap = table[Long.numberOfTrailingZeros(r)][cat];
        if (cap != null) {
          state.capRating(i, cap);
        }
      }
    }
  }

  /**
   * Raises the bare rule candidates of {@code sentence}, from {@code first}, rated K or above, by the offers
   * among the sentence's concepts {@code present} whose floor they reach, unless a concept of the raise's own
   * is there.
   */
  private void raise(MatchState state, int first, int rules, int sentence, long present) {
    for (int i = first; i < rules && state.sentence(state.candidateEndPos(i)) == sentence; i++) {
      Rating rating = state.candidateRating(i);
      if (state.candidateKind(i) != MatchState.RULE || rating.compareTo(Rating.K) < 0) {
        continue;
      }
      int cat = state.candidateCategory(i).ordinal();
      for (long o = present & raiseMask; o != 0; o &= o - 1) {
        int k = Long.numberOfTrailingZeros(o);
        Rating to = raiseTo[k][cat];
        if (to != null && rating.compareTo(raiseFrom[k][cat]) >= 0 && (present & raiseUnless[k][cat]) == 0) {
          state.raiseRating(i, to);
        }
      }
    }
  }

  /**
   * Looks for composition {@code c} among hits {@code [from, to)} (one sentence, or for a message scope
   * the sentences of its window) and adds its finding over the first place where its concepts meet within
   * its scope (and in order, if ordered). The first hit used lies in {@code [from, anchorTo)}.
   */
  private void find(MatchState state, int c, int from, int to, int anchorTo) {
    long[] seq = sequence[c];
    for (int anchor = from; anchor < anchorTo; anchor++) {
      if ((state.conceptMask(anchor) & (ordered[c] ? seq[0] : need[c])) == 0) {
        continue;
      }
      int startPos = state.conceptStartPos(anchor);
      int endPos = state.conceptEndPos(anchor);
      long got;
      int next;
      if (ordered[c]) {
        got = seq[0];
        next = 1;
        // One hit may carry several concepts in a row of the sequence.
        while (next < seq.length && (state.conceptMask(anchor) & seq[next]) != 0) {
          got |= seq[next++];
        }
        int lastEnd = endPos;
        for (int k = anchor + 1; k < to && next < seq.length; k++) {
          if ((state.conceptMask(k) & seq[next]) != 0 && state.conceptStartPos(k) > lastEnd) {
            got |= seq[next++];
            while (next < seq.length && (state.conceptMask(k) & seq[next]) != 0) {
              got |= seq[next++];
            }
            lastEnd = state.conceptEndPos(k);
            endPos = Math.max(endPos, lastEnd);
            startPos = Math.min(startPos, state.conceptStartPos(k));
          }
        }
        if (next < seq.length) {
          continue; // hits overlap, so a later anchor may still complete the sequence
        }
      } else {
        got = state.conceptMask(anchor) & need[c];
        for (int k = anchor + 1; k < to && got != need[c]; k++) {
          long add = state.conceptMask(k) & need[c] & ~got;
          if (add != 0) {
            got |= add;
            endPos = Math.max(endPos, state.conceptEndPos(k));
            startPos = Math.min(startPos, state.conceptStartPos(k));
          }
        }
        if (got != need[c]) {
          return;
        }
      }
      if (within(state, c, startPos, endPos)) {
        state.addCandidate(MatchState.COMPOSED, startPos, endPos, category[c], severity[c], rating[c], ruleId[c]);
        return;
      }
    }
  }

  private boolean within(MatchState state, int c, int startPos, int endPos) {
    int s = scope[c];
    if (s == Composition.SENTENCE || s == Composition.TWO_SENTENCES || s == Composition.MESSAGE) {
      return true; // the hits searched are those of the sentence (and, for two, the one before; for a
                   // message, the next two)
    }
    if (s == Composition.CLAUSE) {
      return state.clause(startPos) == state.clause(endPos);
    }
    return endPos - startPos + 1 <= s;
  }

  /** How many compositions were compiled. */
  public int size() {
    return size;
  }
}
