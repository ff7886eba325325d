package vn.lanhmanh.model;

import java.util.List;
import vn.lanhmanh.Finding;
import vn.lanhmanh.compose.Composer;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.score.Scorer;
import vn.lanhmanh.text.Vocabulary;

/**
 * The stages before the model, for training: normalise, match and (with a composer) compose concepts, then
 * the findings, as a text check runs them. Holds one {@link MatchState}: one thread at a time.
 */
public final class Analyser {

  private final CompiledLexicon lexicon;
  private final Composer composer;
  private final MatchState state = new MatchState();

  private Analyser(CompiledLexicon lexicon, Composer composer) {
    this.lexicon = lexicon;
    this.composer = composer;
  }

  /** Matching only: no concept hits, no compositions (what the first tagger was trained with). */
  public static Analyser of(CompiledLexicon lexicon) {
    return new Analyser(lexicon, null);
  }

  /** The whole pipeline before the model: lexicon entries and concepts compiled together, then composed. */
  public static Analyser of(List<LexiconEntry> entries, ConceptLexicon concepts) {
    return new Analyser(CompiledLexicon.compile(entries, concepts, java.util.Map.of()), Composer.compile(concepts));
  }

  /** Whether concept hits and compositions run (and so concept tags can be features). */
  public boolean composes() {
    return composer != null;
  }

  CompiledLexicon lexicon() {
    return lexicon;
  }

  Vocabulary vocabulary() {
    return lexicon.vocabulary();
  }

  /** The state left by the last {@link #findings} call: syllables and concept hits. */
  MatchState state() {
    return state;
  }

  /** Runs the stages over {@code text} and returns its findings (personal information not included). */
  List<Finding> findings(String text) {
    lexicon.normalize(text, state);
    lexicon.match(text, state);
    if (composer != null) {
      composer.compose(state);
    }
    return Scorer.findings(text, state);
  }
}
