package vn.lanhmanh.compose;

import java.util.ArrayList;
import java.util.List;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * Internal, not API: one message as the engine saw it, from one normalisation: its syllables (with
 * sentence and clause numbers), every concept hit, and the verdict. For components that build on the
 * concepts (the conversation monitor's stages, a learned tagger taking concepts as features).
 *
 * @param text the text checked
 * @param syllables the normalised syllables in order
 * @param concepts one hit per concept per matched phrase, in the order of their last syllable
 * @param verdict the verdict for the policy asked
 */
public record TextAnalysis(String text, List<Syllable> syllables, List<ConceptHit> concepts, Verdict verdict) {

  /**
   * One normalised syllable.
   *
   * @param exact lower case with diacritics
   * @param folded without diacritics
   * @param plain written without diacritics
   * @param start UTF-16 offset in {@code text}
   * @param end one past its last UTF-16 offset
   * @param sentence sentence number (0 first)
   * @param clause clause number over the whole text
   */
  public record Syllable(String exact, String folded, boolean plain, int start, int end, int sentence,
      int clause) {}

  /**
   * One concept hit.
   *
   * @param concept the concept
   * @param first index of its first syllable
   * @param last index of its last syllable
   * @param start UTF-16 offset in {@code text}
   * @param end one past its last UTF-16 offset
   */
  public record ConceptHit(Concept concept, int first, int last, int start, int end) {}

  public TextAnalysis {
    syllables = List.copyOf(syllables);
    concepts = List.copyOf(concepts);
  }

  /** A snapshot of {@code state} after composition. */
  public static TextAnalysis of(String text, MatchState state, Vocabulary vocab, Verdict verdict) {
    Positions p = state.positions();
    List<Syllable> syllables = new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      syllables.add(new Syllable(p.exactString(i, vocab), p.foldString(i, vocab), p.plain(i), p.start(i),
          p.end(i), state.sentence(i), state.clause(i)));
    }
    List<ConceptHit> hits = new ArrayList<>();
    Concept[] all = Concept.values();
    for (int k = 0; k < state.conceptCount(); k++) {
      for (int w = 0; w < ConceptSet.WORDS; w++) {
        for (long m = state.conceptWord(k, w); m != 0; m &= m - 1) {
          int first = state.conceptStartPos(k);
          int last = state.conceptEndPos(k);
          hits.add(new ConceptHit(all[w * 64 + Long.numberOfTrailingZeros(m)], first, last, p.start(first),
              p.end(last)));
        }
      }
    }
    return new TextAnalysis(text, syllables, hits, verdict);
  }
}
