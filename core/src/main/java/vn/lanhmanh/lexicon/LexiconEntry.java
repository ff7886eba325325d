package vn.lanhmanh.lexicon;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;

/**
 * One line of a lexicon file.
 *
 * @param kind rule, exception, context or teencode
 * @param phrase the phrase (for teencode: the token)
 * @param category the rule's category; {@code null} for other kinds
 * @param rating the rule's tier, or the context's cap; {@code null} for exceptions and teencode
 * @param severity the rule's severity; {@code null} for other kinds
 * @param fold how the folded view may match
 * @param contextCategories for context entries, the categories they lower; empty otherwise
 * @param expansion for teencode, the syllables the token stands for; {@code null} otherwise
 * @param note a gloss for reviewers (may be empty)
 * @param source where the entry came from, {@code file:line}
 */
public record LexiconEntry(
    Kind kind,
    String phrase,
    Category category,
    Rating rating,
    Severity severity,
    Fold fold,
    Set<Category> contextCategories,
    String expansion,
    String note,
    String source) {

  /** What an entry does. */
  public enum Kind { RULE, EXCEPTION, CONTEXT, TEENCODE, TARGET }

  /** How the diacritic-free (folded) view of a phrase may match. */
  public enum Fold {
    /** The folded form is unmistakable: match it anywhere. */
    ALWAYS,
    /** Match the folded form only where the text is written without diacritics. */
    PLAIN,
    /** Only the exact form with diacritics matches. */
    NEVER,
    /**
     * Like {@link #PLAIN}, but a one-syllable phrase matched through its folded form counts only where its
     * clause ends: its diacritic-free spelling is also a word that always takes another word after it
     * ({@code cac} is {@code các} in {@code cac ban}, {@code cặc} in {@code cac, quen sac}).
     */
    FINAL,
    /**
     * Like {@link #PLAIN}, but a hit (through either view) counts only where the phrase is a clause of its own
     * that opens or closes its sentence: an exclamation ({@code mẹ nó, hết pin rồi}), while the same words inside
     * a clause are their plain meaning ({@code mẹ nó đi làm rồi}, "his mother has gone to work").
     */
    ALONE;

    public static Fold parse(String s) {
      if (s == null || s.isBlank()) {
        return PLAIN;
      }
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown fold '" + s + "' (expected always, plain, never, final or alone)");
      }
    }

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LexiconEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(fold, "fold");
    contextCategories = Set.copyOf(contextCategories);
    note = note == null ? "" : note;
    source = source == null ? "" : source;
  }

  /** A rule entry. */
  public static LexiconEntry rule(String phrase, Category category, Rating rating, Severity severity,
      Fold fold, String note, String source) {
    return new LexiconEntry(Kind.RULE, phrase, Objects.requireNonNull(category), Objects.requireNonNull(rating),
        Objects.requireNonNull(severity), fold, Set.of(), null, note, source);
  }

  /** An exception (allow-phrase) entry. */
  public static LexiconEntry exception(String phrase, Fold fold, String note, String source) {
    return new LexiconEntry(Kind.EXCEPTION, phrase, null, null, null, fold, Set.of(), null, note, source);
  }

  /** A context entry that caps the given categories at {@code cap}. */
  public static LexiconEntry context(String phrase, Set<Category> categories, Rating cap, Fold fold,
      String note, String source) {
    return new LexiconEntry(Kind.CONTEXT, phrase, null, Objects.requireNonNull(cap), null, fold, categories,
        null, note, source);
  }

  /**
   * A target entry: a word that points at a person in abusive speech ({@code mày}, {@code thằng},
   * {@code bọn}); reported, at tier P, only in a text that already has a harassment or profanity finding.
   */
  public static LexiconEntry target(String phrase, Fold fold, String note, String source) {
    return new LexiconEntry(Kind.TARGET, phrase, Category.HARASSMENT, Rating.P, Severity.LOW, fold, Set.of(), null,
        note, source);
  }

  /** A teencode entry. */
  public static LexiconEntry teencode(String token, String expansion, String note, String source) {
    return new LexiconEntry(Kind.TEENCODE, token, null, null, null, Fold.NEVER, Set.of(),
        Objects.requireNonNull(expansion), note, source);
  }
}
