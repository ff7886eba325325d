package vn.lanhmanh.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.VietnameseNormalizer;
import vn.lanhmanh.text.Vocabulary;

/**
 * A policy's own phrases, compiled on their own and matched beside a {@link CompiledLexicon} in the same
 * {@link CompiledLexicon#match(String, MatchState, boolean, PolicyPhrases) match}: its allow phrases act as
 * the lexicon's exceptions (a hit inside one, or one that straddles its end, is dropped), its deny phrases
 * as rules with the rule id {@code policy/<category>/<folded_syllables>}. Both are read as a lexicon phrase
 * of {@code plain} folding: written with the phrase's diacritics, or with none at all.
 *
 * <p>A handful of phrases, not an automaton: each is compared, syllable by syllable, where it could end
 * (where the text's syllable is its last one, found by the folded id).
 * The syllables are compared by the lexicon's syllable ids where the lexicon knows them, and by their
 * letters where it does not (a deny phrase's word that is in no lexicon phrase), so the text is normalised
 * once, by the lexicon's normaliser, for both; nothing of the lexicon is compiled or copied again.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicyPhrases {

  /** A deny phrase: matched like a lexicon rule of this category and tier. */
  public record Deny(String phrase, Category category, Rating rating) {}

  private final CompiledLexicon lexicon;
  private final Vocabulary vocab;
  /** Phrase {@code j}'s syllables are {@code start[j] .. start[j + 1]} of the arrays below. */
  private final int[] start;
  /**
   * Per syllable: as written (its id in the lexicon's vocabulary or -1, and its spelling), with the folded-hit
   * checks the lexicon applies too; and the same folded.
   */
  private final WrittenSyllables written;
  private final String[] foldKeys;
  private final int[] foldIds;
  /** Per phrase: null for an allow phrase, else what a deny phrase's candidate carries. */
  private final Deny[] deny;
  private final String[] ruleIds;
  /** Per phrase: an allow phrase that starts with a negation ({@link CompiledLexicon#isNegation}). */
  private final boolean[] negation;
  private final int allowCount;
  private final int denyCount;
  /**
   * The distinct folded ids of the phrases' last syllables, sorted, and per id the phrases that end in it
   * (ascending); the phrases whose last syllable the lexicon does not know. A phrase can end only where the
   * text's syllable has its last syllable's folded id (or, unknown to the lexicon, an unknown one), so a
   * syllable is compared with those phrases alone, however many the policy has.
   */
  private final int[] lastIds;
  private final int[][] endingIn;
  private final int[] endingUnknown;

  private static final int[] NONE = new int[0];

  private PolicyPhrases(CompiledLexicon lexicon, int[] start, String[] exactKeys, int[] exactIds,
      String[] foldKeys, int[] foldIds, Deny[] deny, String[] ruleIds, boolean[] negation) {
    this.lexicon = lexicon;
    this.vocab = lexicon.vocabulary();
    this.start = start;
    this.written = new WrittenSyllables(start, IdArray.of(exactIds), exactKeys, vocab);
    this.foldKeys = foldKeys;
    this.foldIds = foldIds;
    this.deny = deny;
    this.ruleIds = ruleIds;
    this.negation = negation;
    int a = 0;
    for (Deny d : deny) {
      a += d == null ? 1 : 0;
    }
    this.allowCount = a;
    this.denyCount = deny.length - a;
    java.util.TreeMap<Integer, List<Integer>> byLast = new java.util.TreeMap<>();
    List<Integer> unknown = new ArrayList<>();
    for (int j = 0; j < deny.length; j++) {
      int last = foldIds[start[j + 1] - 1];
      (last < 0 ? unknown : byLast.computeIfAbsent(last, k -> new ArrayList<>())).add(j);
    }
    this.lastIds = byLast.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.endingIn = byLast.values().stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    this.endingUnknown = unknown.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The phrases (ascending) that can end at a text syllable of folded id {@code foldId} (-1: unknown). */
  private int[] endingAt(int foldId) {
    if (foldId < 0) {
      return endingUnknown;
    }
    int k = java.util.Arrays.binarySearch(lastIds, foldId);
    return k < 0 ? NONE : endingIn[k];
  }

  /**
   * Compiles a policy's phrases for matching beside {@code lexicon}: normalised as the lexicon's own phrases
   * are (teencode expanded, nothing joined), without adding anything to its vocabulary.
   *
   * @throws IllegalArgumentException when a phrase normalises to nothing
   */
  public static PolicyPhrases compile(CompiledLexicon lexicon, Collection<String> allow, List<Deny> deny) {
    Vocabulary vocab = lexicon.vocabulary();
    VietnameseNormalizer phrases = VietnameseNormalizer.forPhrases(vocab);
    Positions p = new Positions();
    int n = allow.size() + deny.size();
    int[] start = new int[n + 1];
    List<String> exact = new ArrayList<>();
    List<String> fold = new ArrayList<>();
    Deny[] denies = new Deny[n];
    String[] ruleIds = new String[n];
    boolean[] negation = new boolean[n];
    int j = 0;
    for (String a : allow) {
      normalize(phrases, a, p, exact, fold);
      negation[j] = p.size() > 1 && CompiledLexicon.isNegation(exact.get(start[j]));
      start[++j] = exact.size();
    }
    for (Deny d : deny) {
      normalize(phrases, d.phrase(), p, exact, fold);
      denies[j] = d;
      StringBuilder id = new StringBuilder("policy/").append(d.category().jsonName()).append('/');
      for (int k = start[j]; k < fold.size(); k++) {
        id.append(k == start[j] ? "" : "_").append(fold.get(k));
      }
      ruleIds[j] = id.toString();
      start[++j] = exact.size();
    }
    int[] exactIds = new int[exact.size()];
    int[] foldIds = new int[fold.size()];
    for (int k = 0; k < exactIds.length; k++) {
      exactIds[k] = vocab.exactId(exact.get(k));
      foldIds[k] = vocab.foldId(fold.get(k));
    }
    return new PolicyPhrases(lexicon, start, exact.toArray(new String[0]), exactIds, fold.toArray(new String[0]),
        foldIds, denies, ruleIds, negation);
  }

  private static void normalize(VietnameseNormalizer phrases, String phrase, Positions p, List<String> exact,
      List<String> fold) {
    phrases.normalize(phrase, p);
    if (p.size() == 0) {
      throw new IllegalArgumentException("policy: phrase '" + phrase + "' has no letters or digits");
    }
    for (int i = 0; i < p.size(); i++) {
      exact.add(p.exactString(i, phrases.vocabulary()));
      fold.add(p.foldString(i, phrases.vocabulary()));
    }
  }

  /** The lexicon these phrases were compiled for (they match only beside it). */
  public CompiledLexicon lexicon() {
    return lexicon;
  }

  /** The number of phrases: allow phrases first, then deny phrases. */
  int size() {
    return deny.length;
  }

  int allowCount() {
    return allowCount;
  }

  int denyCount() {
    return denyCount;
  }

  /** Phrase {@code j}'s length in syllables. */
  int length(int j) {
    return start[j + 1] - start[j];
  }

  boolean isDeny(int j) {
    return deny[j] != null;
  }

  boolean isNegation(int j) {
    return negation[j];
  }

  Category category(int j) {
    return deny[j].category();
  }

  Rating rating(int j) {
    return deny[j].rating();
  }

  String ruleId(int j) {
    return ruleIds[j];
  }

  /**
   * Every (phrase, end position) hit in the normalised text, in the order of their end and then of the
   * phrases, into {@link MatchState#policyHits}; returns how many. A hit obeys what a lexicon hit of a
   * {@code plain} phrase obeys: within one sentence, written with the phrase's diacritics or (folded) with
   * none where the writer's other words do not make it another word, and chat tokens read as chat.
   */
  int collect(MatchState state) {
    Positions p = state.positions();
    long[] hits = state.policyHits;
    byte[] chat = state.chatTokens();
    int n = 0;
    int sentence = 0;
    int lastExpanded = -1;
    int lastMarked = -1;
    for (int i = 0; i < p.size(); i++) {
      sentence = p.sentenceStart(i) ? i : sentence;
      lastExpanded = p.source(i) == Positions.EXPANDED ? i : lastExpanded;
      lastMarked = p.plain(i) ? lastMarked : i;
      for (int j : endingAt(p.foldId(i))) {
        int first = i - length(j) + 1;
        if (first < sentence) {
          continue;   // a phrase never spans a sentence end
        }
        boolean exact = true;
        boolean fold = true;
        for (int k = first, s = start[j]; k <= i && (exact || fold); k++, s++) {
          exact = exact && written.same(p, k, s);
          fold = fold && sameFold(p, k, s);
        }
        if ((exact || fold && foldAllowed(j, first, i, lastMarked, p))
            && (first > lastExpanded || Surface.latinTokensAreChat(p, first, i, chat))) {
          hits = n == hits.length ? state.growPolicyHits() : hits;
          hits[n++] = ((long) i << 32) | j;
        }
      }
    }
    return n;
  }

  /** Whether text syllable {@code k} is phrase syllable {@code s} folded. */
  private boolean sameFold(Positions p, int k, int s) {
    int id = foldIds[s];
    return id >= 0 ? p.foldId(k) == id : p.foldId(k) < 0 && p.foldIs(k, foldKeys[s], vocab);
  }

  /**
   * Whether a folded hit of phrase {@code j} counts: {@link CompiledLexicon}'s rule for a {@code plain} phrase.
   * An allow phrase (an exception) counts written without diacritics, unless a syllable of it is another word
   * among words written with them; a deny phrase (a rule) counts when every syllable is written without
   * diacritics, unless it is those words as written, or one such word among words with diacritics.
   */
  private boolean foldAllowed(int j, int first, int last, int lastMarked, Positions p) {
    if (!isDeny(j)) {
      return first > lastMarked && !written.otherWordAsWritten(j, first, last, p);
    }
    boolean swear = deny[j].category() == Category.PROFANITY;
    if (!swear && last > first && written.wordsAsWritten(j, first, last, p)) {
      return false;
    }
    for (int k = first; k <= last; k++) {
      if (!p.plain(k)) {
        return false;
      }
      if (first == last && WrittenSyllables.loneWordAsWritten(p, k, swear)) {
        return false;
      }
    }
    return true;
  }
}
