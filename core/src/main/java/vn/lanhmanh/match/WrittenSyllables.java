package vn.lanhmanh.match;

import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * The phrases' syllables as written (with their diacritics), and the checks of a folded hit that read them: the
 * one implementation of the rules {@link CompiledLexicon} and {@link PolicyPhrases} both apply to a phrase found
 * written without diacritics among words written with them (the writer meant the words she wrote, not the
 * phrase they fold to). Each compiled table holds one, over its own arrays (nothing is copied).
 *
 * <p>Phrase {@code e}'s syllables are {@code ids[start[e]] ..}: a syllable's exact id in the vocabulary, or, in a
 * table that has {@code letters}, -1 for one the vocabulary lacks, compared by its letters. The lexicon's
 * syllables are all in its vocabulary (it has no letters); a policy's phrases may have words no lexicon phrase
 * has.
 *
 * <p>Immutable and thread-safe; the checks allocate nothing.
 */
final class WrittenSyllables {

  private final int[] start;
  private final IdArray ids;
  /** Per syllable: its exact spelling, read where its id is -1; null in a table whose ids are all known. */
  private final String[] letters;
  private final Vocabulary vocab;

  WrittenSyllables(int[] start, IdArray ids, String[] letters, Vocabulary vocab) {
    this.start = start;
    this.ids = ids;
    this.letters = letters;
    this.vocab = vocab;
  }

  /**
   * Whether text syllable {@code k} is syllable {@code s} of the table (counted over all its phrases, not
   * within one) as written: by id, or by letters where the vocabulary does not know the syllable.
   */
  boolean same(Positions p, int k, int s) {
    int id = ids.get(s);
    return id >= 0 || letters == null ? p.exactId(k) == id
        : p.exactId(k) < 0 && p.exactIs(k, letters[s], vocab);
  }

  /**
   * Whether a hit written without diacritics, among words written with them, has a syllable that differs from
   * the phrase's own and is a word as written (not one that cannot stand without a tone, nor disguised, nor
   * from teencode): the writer meant that word.
   */
  boolean otherWordAsWritten(int e, int first, int last, Positions p) {
    for (int k = first; k <= last; k++) {
      if (anotherWord(e, k, first, p)) {
        return Surface.writerUsesDiacritics(p, first, last);
      }
    }
    return false;
  }

  /**
   * A phrase written without diacritics among words written with them, where every syllable differs from
   * the phrase's and is a word as written ({@code ban tinh}, {@code bon cho}): it is those words, not the
   * phrase. One syllable that is the phrase's own ({@code do ngu}) or cannot stand without a tone
   * ({@code do that bai}) keeps the reading.
   */
  boolean wordsAsWritten(int e, int first, int last, Positions p) {
    for (int k = first; k <= last; k++) {
      if (!p.plain(k) || !anotherWord(e, k, first, p)) {
        return false;
      }
    }
    return Surface.writerUsesDiacritics(p, first, last);
  }

  /**
   * Whether the syllable at {@code k} of a hit of phrase {@code e} starting at {@code first} is another word as
   * written: not the phrase's own syllable, written by the writer (not from teencode), able to stand as written
   * and not disguised.
   */
  boolean anotherWord(int e, int k, int first, Positions p) {
    return !same(p, k, start[e] + k - first) && standsAsWritten(p, k);
  }

  /**
   * Whether a one-syllable rule found at {@code k} written without diacritics, among words written with them, is
   * the word it spells as written ({@code khung}, {@code nung}) rather than the rule: written by the writer,
   * able to stand without a tone ({@code dit}, {@code cac} cannot) and not disguised; for profanity
   * ({@code swear}), whose diacritics writers strip on purpose, only when capitalised as a name.
   */
  static boolean loneWordAsWritten(Positions p, int k, boolean swear) {
    return standsAsWritten(p, k) && Surface.writerUsesDiacritics(p, k, k) && (!swear || Surface.capitalised(p, k, k));
  }

  /** Written by the writer (not from teencode), able to stand as written and not disguised. */
  private static boolean standsAsWritten(Positions p, int k) {
    return p.source(k) == Positions.OWN && !p.impossibleAsWritten(k) && !p.disguised(k);
  }
}
