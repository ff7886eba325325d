package vn.lanhmanh.concept;

import java.util.Objects;
import java.util.Set;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;

/**
 * One phrase of a concept file: a way of saying one or more concepts.
 *
 * @param phrase syllables in standard spelling with diacritics (alternatives already expanded)
 * @param concepts the concepts it stands for
 * @param fold how its diacritic-free form may match, as for rules
 * @param note a gloss for reviewers
 * @param source {@code file:line}
 */
public record ConceptPhrase(String phrase, Set<Concept> concepts, Fold fold, String note, String source) {

  public ConceptPhrase {
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(fold, "fold");
    concepts = Set.copyOf(concepts);
    if (concepts.isEmpty()) {
      throw new IllegalArgumentException("a concept phrase needs at least one concept");
    }
  }

  /** The phrase's concepts as a set of bits. */
  public ConceptSet conceptSet() {
    return ConceptSet.of(concepts);
  }
}
