package vn.lanhmanh.match;

import java.util.Arrays;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.text.Positions;

/**
 * What the stages of one check share: the normalised syllables, their sentence and clause numbers, the
 * candidate findings (rule hits, the words that point at a person, composed findings) and the concept
 * hits. A reusable scratch buffer of plain arrays: one per thread, cleared by each check, grown but never
 * shrunk except by {@link #trim}; nothing is allocated per syllable or per hit once it has grown.
 *
 * <p>Positions ("pos") are syllable indices into {@link #positions()}; offsets are UTF-16 indices into
 * the caller's string. Candidates and concept hits are added in the order of their last syllable.
 */
public final class MatchState {

  /** What a candidate is. */
  public static final byte RULE = 0;
  /** A word that points at a person ({@code targets.tsv}): kept only in an abusive text. */
  public static final byte TARGET = 1;
  /** A finding made by a composition of concepts. */
  public static final byte COMPOSED = 2;
  /** A phrase written as a proper name ({@code Nam Kỳ} the region): kept only in an abusive text. */
  public static final byte NAME = 3;
  /**
   * A side hit: a conversation stage phrase or stage concept ({@link CompiledLexicon#isSideRule}), matched
   * in the same pass as the text for the conversation monitor; never a finding of the text.
   */
  public static final byte SIDE = 4;

  private final Positions positions = new Positions();
  private int[] sentence = new int[64];
  private int[] clause = new int[64];

  private static final Category[] CATEGORIES = Category.values();
  private static final Severity[] SEVERITIES = Severity.values();
  private static final Rating[] RATINGS = Rating.values();

  // A candidate's columns: its category, severity and tier by ordinal (a byte each, not a reference), so a text
  // of millions of candidates (10 MB of "đm.") keeps 20 bytes for each.
  private int candidates;
  private int[] cStartPos = new int[16];
  private int[] cEndPos = new int[16];
  private byte[] cKind = new byte[16];
  private byte[] cCategory = new byte[16];
  private byte[] cSeverity = new byte[16];
  private byte[] cRating = new byte[16];
  private String[] cRule = new String[16];
  private int[] cEntry = new int[16];
  /** The lexicon whose match made the candidates now held. */
  private CompiledLexicon matchedBy;

  /** The matcher's (entry, end position) hits of the text being checked: {@link CompiledLexicon}'s scratch. */
  long[] hits = new long[64];
  /** A policy's (phrase, end position) hits of the text being checked: {@link PolicyPhrases}'s scratch. */
  long[] policyHits = new long[16];
  private long[] merge = new long[64];
  private byte[] chat = new byte[64];

  private int concepts;
  private int[] hStartPos = new int[16];
  private int[] hEndPos = new int[16];
  /** The words of a concept hit's set in {@link #hMask}. */
  private static final int W = ConceptSet.WORDS;
  /**
   * Per concept hit {@code k}, its concepts' words: word {@code w} ({@link ConceptSet#word(int)}) at
   * {@code 3k + w}.
   */
  private long[] hMask = new long[16 * W];

  /** The masked-word reader's walks and readings, made on the first text with a masked word. */
  private MaskedReading.Scratch maskScratch;

  MaskedReading.Scratch maskScratch() {
    MaskedReading.Scratch s = maskScratch;
    if (s == null) {
      s = new MaskedReading.Scratch();
      maskScratch = s;
    }
    return s;
  }

  /** The normalised syllables of the text being checked. */
  public Positions positions() {
    return positions;
  }

  /** Sentence number of syllable {@code pos} (0 for the first sentence). */
  public int sentence(int pos) {
    return sentence[pos];
  }

  /** Clause number of syllable {@code pos}: clauses are counted over the whole text, not per sentence. */
  public int clause(int pos) {
    return clause[pos];
  }

  void clear() {
    candidates = 0;
    matchedBy = null;
    concepts = 0;
    int n = positions.size();
    if (sentence.length < n) {
      int m = Math.max(n, sentence.length * 2);
      sentence = new int[m];
      clause = new int[m];
    }
  }

  void setBoundaries(int pos, int sentenceNo, int clauseNo) {
    sentence[pos] = sentenceNo;
    clause[pos] = clauseNo;
  }

  public int candidateCount() {
    return candidates;
  }

  public int candidateStartPos(int i) {
    return cStartPos[i];
  }

  public int candidateEndPos(int i) {
    return cEndPos[i];
  }

  /** {@link #RULE}, {@link #TARGET}, {@link #COMPOSED}, {@link #NAME} or {@link #SIDE}. */
  public byte candidateKind(int i) {
    return cKind[i];
  }

  public Category candidateCategory(int i) {
    return CATEGORIES[cCategory[i]];
  }

  public Severity candidateSeverity(int i) {
    return SEVERITIES[cSeverity[i]];
  }

  public Rating candidateRating(int i) {
    return RATINGS[cRating[i]];
  }

  /**
   * The rule id of candidate {@code i}. A candidate made by an output of {@link #matchedBy()} gets its id from
   * that lexicon when it is first asked for (the lexicon keeps its ids as bytes, {@link RuleIds}), so a
   * candidate that no one asks about makes no string.
   */
  public String candidateRule(int i) {
    String rule = cRule[i];
    if (rule == null && cEntry[i] >= 0 && matchedBy != null) {
      rule = matchedBy.ruleId(cEntry[i]);
      cRule[i] = rule;
    }
    return rule;
  }

  /**
   * The output of {@link #matchedBy()} that made candidate {@code i} (an index into its entries), -1 for
   * a composed one.
   */
  public int candidateEntry(int i) {
    return cEntry[i];
  }

  /** The lexicon whose match made the candidates now held; null before a match. */
  public CompiledLexicon matchedBy() {
    return matchedBy;
  }

  void matchedBy(CompiledLexicon lexicon) {
    matchedBy = lexicon;
  }

  /** Lowers candidate {@code i} to at most {@code cap}. */
  public void capRating(int i, Rating cap) {
    cRating[i] = (byte) candidateRating(i).min(cap).ordinal();
  }

  /** Raises candidate {@code i} to at least {@code floor}. */
  public void raiseRating(int i, Rating floor) {
    cRating[i] = (byte) candidateRating(i).max(floor).ordinal();
  }

  /** Adds a candidate finding over syllables {@code [startPos, endPos]} that no lexicon output made. */
  public void addCandidate(byte kind, int startPos, int endPos, Category category, Severity severity,
      Rating rating, String rule) {
    addCandidate(kind, startPos, endPos, category, severity, rating, rule, -1);
  }

  /**
   * As above, made by output {@code entry} of {@link #matchedBy()}; {@code rule} may be null, for the id that
   * lexicon gives the entry ({@link #candidateRule}).
   */
  void addCandidate(byte kind, int startPos, int endPos, Category category, Severity severity,
      Rating rating, String rule, int entry) {
    if (candidates == cStartPos.length) {
      growCandidates(candidates + (candidates >> 1));
    }
    cStartPos[candidates] = startPos;
    cEndPos[candidates] = endPos;
    cKind[candidates] = kind;
    cCategory[candidates] = (byte) category.ordinal();
    cSeverity[candidates] = (byte) severity.ordinal();
    cRating[candidates] = (byte) rating.ordinal();
    cRule[candidates] = rule;
    cEntry[candidates] = entry;
    candidates++;
  }

  /**
   * Makes room for {@code more} candidates after those held, at once: the matcher knows how many of its hits
   * can become candidates, so a text of millions of them grows its columns once, to the size they need.
   */
  void ensureCandidates(int more) {
    long n = (long) candidates + more;
    if (n > cStartPos.length) {
      growCandidates((int) Math.min(Math.max(n, cStartPos.length + (cStartPos.length >> 1)), Integer.MAX_VALUE - 8));
    }
  }

  private void growCandidates(int n) {
    cStartPos = Arrays.copyOf(cStartPos, n);
    cEndPos = Arrays.copyOf(cEndPos, n);
    cKind = Arrays.copyOf(cKind, n);
    cCategory = Arrays.copyOf(cCategory, n);
    cSeverity = Arrays.copyOf(cSeverity, n);
    cRating = Arrays.copyOf(cRating, n);
    cRule = Arrays.copyOf(cRule, n);
    cEntry = Arrays.copyOf(cEntry, n);
  }

  /** Concept hits in the order of their last syllable. */
  public int conceptCount() {
    return concepts;
  }

  public int conceptStartPos(int k) {
    return hStartPos[k];
  }

  public int conceptEndPos(int k) {
    return hEndPos[k];
  }

  /**
   * Word {@code w} of the concepts of hit {@code k} (a {@link ConceptSet} word: 0 for concepts 0-63 by
   * {@code Concept.ordinal()}, 1 for 64-127, 2 for 128-191, 3 for 192-255; bit {@code ordinal} modulo 64).
   */
  public long conceptWord(int k, int w) {
    return hMask[W * k + w];
  }

  /** Whether hit {@code k} stands for the concept of this ordinal. */
  public boolean hasConcept(int k, int ordinal) {
    return (hMask[W * k + (ordinal >>> 6)] & 1L << ordinal) != 0;
  }

  /** Whether hit {@code k} stands for a concept of {@code set}. */
  public boolean hasConcept(int k, ConceptSet set) {
    return set.meets(hMask[W * k], hMask[W * k + 1], hMask[W * k + 2], hMask[W * k + 3]);
  }

  /** Whether any concept hit stands for a concept of {@code set}. */
  public boolean anyConcept(ConceptSet set) {
    for (int k = 0; !set.isEmpty() && k < concepts; k++) {
      if (hasConcept(k, set)) {
        return true;
      }
    }
    return false;
  }

  /** The concepts of hit {@code k} as a set (made on each call: for tools and tests, not the check path). */
  public ConceptSet conceptSet(int k) {
    return new ConceptSet(hMask[W * k], hMask[W * k + 1], hMask[W * k + 2], hMask[W * k + 3]);
  }

  /**
   * Takes the concepts of {@code registers} away from every concept hit that a longer hit of a concept of
   * {@code covering} covers: a word inside a longer phrase of such a concept has the phrase's sense ("bị phạt" in
   * "ai ăn quá 500 calo bị phạt" is a group's rule, not a fine reported; "ngân hàng" in "giả mạo ngân hàng" is the
   * name a swindler borrows, not a bank that asks). Hits are in the order of their last syllable, so a covering hit
   * ends at most {@code maxSyllables} later.
   */
  public void voidCovered(ConceptSet registers, ConceptSet covering, int maxSyllables) {
    for (int k = 0; k < concepts; k++) {
      if (!hasConcept(k, registers)) {
        continue;
      }
      int s = hStartPos[k];
      int e = hEndPos[k];
      boolean covered = false;
      for (int j = k - 1; j >= 0 && hEndPos[j] == e && !covered; j--) {
        covered = covers(j, s, e) && hasConcept(j, covering);
      }
      for (int j = k + 1; j < concepts && hEndPos[j] - e <= maxSyllables && !covered; j++) {
        covered = covers(j, s, e) && hasConcept(j, covering);
      }
      if (covered) {
        remove(k, registers);
      }
    }
  }

  /**
   * Takes every concept away from the hits that lie between a hit of {@code open} and a later hit of {@code close}
   * in the same sentence, at most {@code maxSyllables} apart: "ai tặng Robux rồi rủ qua app khác thì đừng trả lời,
   * bấm Report ngay" names a stranger's acts to be refused; the acts between "ai" and "thì đừng trả lời" are not the
   * writer's. The frame's own hits and every hit outside it keep their concepts. Hits are in the order of their last
   * syllable, so only the hits ending in the window before each closing hit are read.
   */
  public void voidFramed(ConceptSet open, ConceptSet close, int maxSyllables) {
    for (int c = 0; c < concepts; c++) {
      if (!hasConcept(c, close)) {
        continue;
      }
      int closeStart = hStartPos[c];
      int sentenceNo = sentence[closeStart];
      int openEnd = -1;
      for (int o = c - 1; o >= 0 && hEndPos[o] >= closeStart - maxSyllables; o--) {
        if (hEndPos[o] < closeStart && hEndPos[o] > openEnd && sentence[hEndPos[o]] == sentenceNo
            && hasConcept(o, open)) {
          openEnd = hEndPos[o];
        }
      }
      if (openEnd < 0) {
        continue;
      }
      for (int k = c - 1; k >= 0 && hEndPos[k] > openEnd; k--) {
        if (hStartPos[k] > openEnd && hEndPos[k] < closeStart) {
          remove(k, EVERY);
        }
      }
    }
  }

  /**
   * What a request denied names ("Shop không bao giờ gọi điện yêu cầu quý khách chuyển khoản hay cung cấp mã OTP"):
   * the hits that start after a hit of {@code open}, in its clause, at most {@code maxSyllables} after it and before
   * the first hit of {@code turn} ("nên", "nhưng", "hãy", "vui lòng": the sender's own request begins), lose the
   * concepts of {@code denied}, and the lexicon's rule candidates there of {@code category} are rated at most {@code
   * cap}. Everything before the opening, after the turn or in the next clause is read as ever.
   */
  public void voidNegated(ConceptSet open, ConceptSet turn, ConceptSet denied, Category category, int maxSyllables,
      Rating cap) {
    for (int o = 0; o < concepts; o++) {
      if (!hasConcept(o, open)) {
        continue;
      }
      int from = hEndPos[o];
      int clauseNo = clause[from];
      int to = from + maxSyllables;
      for (int k = o + 1; k < concepts && hEndPos[k] <= to; k++) {
        if (hStartPos[k] > from && hasConcept(k, turn)) {
          to = Math.min(to, hStartPos[k] - 1);
        }
      }
      for (int k = o + 1; k < concepts && hEndPos[k] <= to; k++) {
        if (hStartPos[k] > from && clause[hStartPos[k]] == clauseNo && clause[hEndPos[k]] == clauseNo) {
          remove(k, denied);
        }
      }
      // the lexicon's match adds its candidates in the order they end, so those ending in the window are found by
      // halving; a candidate added out of that order (another pass's) may be missed, and is then not lowered
      int lo = 0;
      int hi = candidates;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cEndPos[mid] <= from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int i = lo; i < candidates && cEndPos[i] <= to; i++) {
        if (cKind[i] == RULE && candidateCategory(i) == category && cStartPos[i] > from
            && clause[cStartPos[i]] == clauseNo
            && clause[cEndPos[i]] == clauseNo) {
          capRating(i, cap);
        }
      }
    }
  }

  /** Every concept: what a hit inside a rule's frame loses. */
  private static final ConceptSet EVERY = new ConceptSet(-1L, -1L, -1L, -1L);

  /** Takes the concepts of {@code set} away from hit {@code k}. */
  private void remove(int k, ConceptSet set) {
    int m = W * k;
    hMask[m] &= ~set.w0();
    hMask[m + 1] &= ~set.w1();
    hMask[m + 2] &= ~set.w2();
    hMask[m + 3] &= ~set.w3();
  }

  /** Whether hit {@code j} is longer than the syllables {@code [s, e]} and covers them. */
  private boolean covers(int j, int s, int e) {
    return hStartPos[j] <= s && e <= hEndPos[j] && hEndPos[j] - hStartPos[j] > e - s;
  }

  void addConcept(int startPos, int endPos, long w0, long w1, long w2, long w3) {
    if (concepts == hStartPos.length) {
      int n = concepts * 2;
      hStartPos = Arrays.copyOf(hStartPos, n);
      hEndPos = Arrays.copyOf(hEndPos, n);
      hMask = Arrays.copyOf(hMask, W * n);
    }
    hStartPos[concepts] = startPos;
    hEndPos[concepts] = endPos;
    hMask[W * concepts] = w0;
    hMask[W * concepts + 1] = w1;
    hMask[W * concepts + 2] = w2;
    hMask[W * concepts + 3] = w3;
    concepts++;
  }

  /**
   * Per syllable of the text, cleared: what the matcher learnt of the Latin token starting there
   * ({@link Surface#latinTokensAreChat(Positions, int, int, byte[])}).
   */
  byte[] chatTokens() {
    int n = positions.size();
    if (chat.length < n) {
      chat = new byte[Math.max(n, chat.length * 2)];
    } else {
      Arrays.fill(chat, 0, n, (byte) 0);
    }
    return chat;
  }

  /** A scratch array of at least {@code n} longs for merging hits. */
  long[] mergeScratch(int n) {
    if (merge.length < n) {
      merge = new long[Math.max(n, merge.length * 2)];
    }
    return merge;
  }

  /** Grows {@link #hits} by half, keeping its contents; returns the new array. */
  long[] growHits() {
    hits = Arrays.copyOf(hits, hits.length + (hits.length >> 1));   // by half: a text of millions of hits
    return hits;
  }

  /** Doubles {@link #policyHits}, keeping its contents; returns the new array. */
  long[] growPolicyHits() {
    policyHits = Arrays.copyOf(policyHits, policyHits.length * 2);
    return policyHits;
  }

  /** Drops buffers grown for a very large text so a thread does not keep them forever. */
  public void trim(int maxChars) {
    positions.trim(maxChars);
    if (hits.length > maxChars) {
      hits = new long[64];
    }
    if (policyHits.length > maxChars) {
      policyHits = new long[16];
    }
    if (merge.length > maxChars) {
      merge = new long[64];
    }
    if (chat.length > maxChars) {
      chat = new byte[64];
    }
    if (sentence.length > maxChars) {
      sentence = new int[64];
      clause = new int[64];
    }
    if (cStartPos.length > maxChars) {
      cStartPos = new int[16];
      cEndPos = new int[16];
      cKind = new byte[16];
      cCategory = new byte[16];
      cSeverity = new byte[16];
      cRating = new byte[16];
      cRule = new String[16];
      cEntry = new int[16];
    }
    if (hStartPos.length > maxChars) {
      hStartPos = new int[16];
      hEndPos = new int[16];
      hMask = new long[16 * W];
    }
  }
}
