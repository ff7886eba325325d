package vn.lanhmanh.bench;

import com.github.houbb.sensitive.word.api.IWordResult;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.allow.WordAllows;
import com.github.houbb.sensitive.word.support.result.WordResultHandlers;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import toolgood.words.IllegalWordsSearch;
import toolgood.words.IllegalWordsSearchResult;
import vn.lanhmanh.Action;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * One library under test, built over one phrase list. {@link #find} is the library's own "find every
 * match" call, the thing the benchmarks time; {@link #flagged} and {@link #spans} read its result for the
 * correctness checks and the quality report.
 *
 * <p>The peers get the phrases in lower case and the text as it is, each with the case handling its
 * users would turn on: sensitive-word with all its default normalisations (case, width, number style,
 * Chinese and English style), toolgood with {@code UseIgnoreCase} (see {@link ToolGood} for its
 * skip-word filter), org.ahocorasick with
 * {@code ignoreCase()}. hankcs's double-array trie has no case folding and is fed the text raw: it is
 * the speed ceiling of a plain Aho-Corasick scan, not a filter anyone would ship as is.
 */
abstract class Peer implements AutoCloseable {

  static final String LANHMANH = "lanhmanh";
  static final String SENSITIVE_WORD = "sensitiveword";
  static final String TOOLGOOD = "toolgood";
  static final String HANKCS = "hankcs";
  static final String AHOCORASICK = "ahocorasick";
  static final List<String> NAMES = List.of(LANHMANH, SENSITIVE_WORD, TOOLGOOD, HANKCS, AHOCORASICK);
  /** The default filter with the tagger run for scores ({@code withModel()}), to time the tagger's share. */
  static final String LANHMANH_TAGGER = "lanhmanh-tagger";
  /** The default filter with the tagger's findings on. */
  static final String LANHMANH_MODEL_FINDINGS = "lanhmanh-modelfindings";
  /**
   * The filter with the per-category message classifiers asked for explicitly ({@code withClassifiers()}): since
   * they became the default, the same filter as {@link #LANHMANH}; kept so that earlier runs' commands still run.
   */
  static final String LANHMANH_CLASSIFIERS = "lanhmanh-classifiers";
  /** The filter without the message classifiers ({@code withoutClassifiers()}): the lexicon and compositions alone. */
  static final String LANHMANH_LEXICON = "lanhmanh-lexicon";
  /** The default filter with the tagger's findings and the classifiers on: the whole learned layer. */
  static final String LANHMANH_LEARNED = "lanhmanh-learned";

  /** A text every peer flags over either phrase list, with the span of its bad word ("ngu", stupid). */
  static final String KNOWN_BAD = "đm thằng ngu";
  static final int KNOWN_BAD_START = 9;
  static final int KNOWN_BAD_END = 12;

  final String name;

  Peer(String name) {
    this.name = name;
  }

  abstract Object find(String text);

  abstract boolean flagged(Object found);

  /** The matches' UTF-16 spans, {@code [start, end)}. */
  abstract List<int[]> spans(Object found);

  @Override
  public void close() {}

  /**
   * Builds a peer over a phrase list ({@link Phrases#LANHMANH} or {@link Phrases#VN_BADWORDS}).
   * LànhMạnh over its own lexicon is the default filter; over another list, a filter with those rules.
   */
  static Peer create(String name, String lexicon) {
    List<String> phrases = Phrases.of(lexicon);
    switch (name) {
      case LANHMANH:
        return new LanhManh(lexicon.equals(Phrases.LANHMANH)
            ? ContentFilter.builder().build() : Phrases.filterWithRules(phrases));
      case LANHMANH_TAGGER:
        return new LanhManh(ContentFilter.builder().withModel().build());
      case LANHMANH_MODEL_FINDINGS:
        return new LanhManh(ContentFilter.builder().modelFindings(true).build());
      case LANHMANH_CLASSIFIERS:
        return new LanhManh(ContentFilter.builder().withClassifiers().build());
      case LANHMANH_LEXICON:
        return new LanhManh(ContentFilter.builder().withoutClassifiers().build());
      case LANHMANH_LEARNED:
        return new LanhManh(ContentFilter.builder().modelFindings(true).withClassifiers().build());
      case SENSITIVE_WORD:
        return new SensitiveWord(phrases);
      case TOOLGOOD:
        return new ToolGood(phrases);
      case HANKCS:
        return new Hankcs(phrases);
      case AHOCORASICK:
        return new AhoCorasick(phrases);
      default:
        throw new IllegalArgumentException("unknown peer '" + name + "' (expected one of " + NAMES + ")");
    }
  }

  /**
   * Fails unless the peer finds the bad word of {@link #KNOWN_BAD}: a benchmark must time a working
   * filter, not one that was fed nothing.
   */
  void checkFindsKnownBad() {
    Object found = find(KNOWN_BAD);
    boolean covered = false;
    for (int[] s : spans(found)) {
      covered |= s[0] <= KNOWN_BAD_START && s[1] >= KNOWN_BAD_END;
    }
    if (!flagged(found) || !covered) {
      throw new IllegalStateException(name + " does not find [" + KNOWN_BAD_START + "," + KNOWN_BAD_END
          + ") in the known bad text '" + KNOWN_BAD + "': " + found);
    }
  }

  /** The full pipeline (normalise, match, exceptions, context, PII, decide) for a 10-year-old. */
  static final class LanhManh extends Peer {
    private final ContentFilter filter;
    private final Policy policy = Policy.forAge(10);

    LanhManh(ContentFilter filter) {
      super(LANHMANH);
      this.filter = filter;
    }

    @Override
    Object find(String text) {
      return filter.checkText(text, policy);
    }

    @Override
    boolean flagged(Object found) {
      return ((Verdict) found).action() != Action.ALLOW;
    }

    @Override
    List<int[]> spans(Object found) {
      List<int[]> out = new ArrayList<>();
      for (Finding f : ((Verdict) found).findings()) {
        out.add(new int[] {f.start(), f.end()});
      }
      return out;
    }

    @Override
    public void close() {
      filter.close();
    }
  }

  /** houbb/sensitive-word: our phrases as its deny list, its built-in dictionaries and allow list off. */
  static final class SensitiveWord extends Peer {
    private final SensitiveWordBs bs;

    SensitiveWord(List<String> phrases) {
      super(SENSITIVE_WORD);
      bs = SensitiveWordBs.newInstance()
          .wordDeny(() -> phrases)
          .wordAllow(WordAllows.empty())
          .init();
    }

    @Override
    Object find(String text) {
      return bs.findAll(text, WordResultHandlers.raw());
    }

    @Override
    boolean flagged(Object found) {
      return !((List<?>) found).isEmpty();
    }

    @Override
    List<int[]> spans(Object found) {
      List<int[]> out = new ArrayList<>();
      for (Object o : (List<?>) found) {
        IWordResult r = (IWordResult) o;
        out.add(new int[] {r.startIndex(), r.endIndex()});
      }
      return out;
    }

    @Override
    public void close() {
      bs.destroy();
    }
  }

  /**
   * ToolGood.Words {@code IllegalWordsSearch}, case-insensitive (its case folding covers ASCII only: it
   * finds "NGU" but not "ĐM"). Its skip-word filter, on by default and made for Chinese, drops spaces
   * from the text but not from the keywords, so no phrase of two or more words would ever match: it is
   * turned off.
   */
  static final class ToolGood extends Peer {
    private final IllegalWordsSearch search = new IllegalWordsSearch();

    ToolGood(List<String> phrases) {
      super(TOOLGOOD);
      search.UseIgnoreCase = true;
      search.UseSkipWordFilter = false;
      search.SetKeywords(new ArrayList<>(phrases));
    }

    @Override
    Object find(String text) {
      return search.FindAll(text);
    }

    @Override
    boolean flagged(Object found) {
      return !((List<?>) found).isEmpty();
    }

    @Override
    List<int[]> spans(Object found) {
      List<int[]> out = new ArrayList<>();
      for (Object o : (List<?>) found) {
        IllegalWordsSearchResult r = (IllegalWordsSearchResult) o;
        out.add(new int[] {r.Start, r.End + 1}); // End is the index of the last char
      }
      return out;
    }
  }

  /** hankcs AhoCorasickDoubleArrayTrie: exact, case-sensitive matching of the raw text. */
  static final class Hankcs extends Peer {
    private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();

    Hankcs(List<String> phrases) {
      super(HANKCS);
      TreeMap<String, String> map = new TreeMap<>();
      for (String p : phrases) {
        map.put(p, p);
      }
      trie.build(map);
    }

    @Override
    Object find(String text) {
      return trie.parseText(text);
    }

    @Override
    boolean flagged(Object found) {
      return !((List<?>) found).isEmpty();
    }

    @Override
    List<int[]> spans(Object found) {
      List<int[]> out = new ArrayList<>();
      for (Object o : (List<?>) found) {
        AhoCorasickDoubleArrayTrie.Hit<?> h = (AhoCorasickDoubleArrayTrie.Hit<?>) o;
        out.add(new int[] {h.begin, h.end});
      }
      return out;
    }
  }

  /** robert-bor/aho-corasick {@code Trie} with {@code ignoreCase()}. */
  static final class AhoCorasick extends Peer {
    private final Trie trie;

    AhoCorasick(List<String> phrases) {
      super(AHOCORASICK);
      trie = Trie.builder().ignoreCase().addKeywords(phrases).build();
    }

    @Override
    Object find(String text) {
      return trie.parseText(text);
    }

    @Override
    boolean flagged(Object found) {
      return !((Collection<?>) found).isEmpty();
    }

    @Override
    List<int[]> spans(Object found) {
      List<int[]> out = new ArrayList<>();
      for (Object o : (Collection<?>) found) {
        Emit e = (Emit) o;
        out.add(new int[] {e.getStart(), e.getEnd() + 1}); // getEnd() is the index of the last char
      }
      return out;
    }
  }
}
