package vn.lanhmanh.url;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Aho–Corasick automaton over the words every URL heuristic looks for (host and path keywords,
 * rotating brand stems, impersonation stems, game currencies), built once when
 * the rules load. One pass over a word buffer of lower-case letters and digits answers, as bits, which
 * kinds of word occur in it anywhere; a rule whose bit is clear is skipped, a rule whose bit is set runs
 * its own scan to find which word and where. A clear bit is exact (no word of that kind occurs), so
 * gating a rule by it changes no answer.
 *
 * <p>Transitions are a dense table of 36 slots (a–z, 0–9) per state; any other char goes back to the
 * root. Each slot holds where its target's row starts (the target state times 36) shifted left by 8,
 * with the target's kind bits in the low 8 bits, so a char costs one table load: the next row is the
 * entry shifted right by 8, and the entries themselves are or-ed into the bits, masked to the kinds once
 * at the end. Immutable; thread-safe.
 */
final class UrlWords {

  /** A keyword that counts in the host. */
  static final int HOST_KEYWORD = 1;
  /** A keyword that counts in a path segment. */
  static final int PATH_KEYWORD = 2;
  /** A rotating gambling brand stem. */
  static final int BRAND = 4;
  /** An impersonation stem that counts anywhere in the host's joined words. */
  static final int LONG_STEM = 8;
  /** A game currency of the free-currency rule. */
  static final int CURRENCY = 16;
  /** An impersonation stem of four letters or fewer, which counts only at the head or tail of a word. */
  static final int SHORT_STEM = 32;

  /** The kind bits that {@link #next}'s entries carry in their low 8 bits. */
  private static final int KINDS = 0xFF;
  /** An entry's target row start is the entry shifted right by this. */
  private static final int ROW_SHIFT = 8;

  /** Per state, 36 entries (see the class description); the root's row starts at 0. */
  private final int[] next;

  private UrlWords(int[] next) {
    this.next = next;
  }

  /** Collects words with their kind bits before {@link #build}. */
  static final class Builder {
    private final List<String> words = new ArrayList<>();
    private final List<Integer> kinds = new ArrayList<>();

    Builder add(String word, int kind) {
      for (int i = 0; i < word.length(); i++) {
        if (UrlRules.slot(word.charAt(i)) < 0) {
          throw new IllegalArgumentException("a URL word must be lower-case letters and digits: '" + word + "'");
        }
      }
      if (word.isEmpty()) {
        throw new IllegalArgumentException("empty URL word");
      }
      words.add(word);
      kinds.add(kind);
      return this;
    }

    UrlWords build() {
      // The trie, with -1 for a missing edge.
      List<int[]> edges = new ArrayList<>();
      List<Integer> outs = new ArrayList<>();
      edges.add(newRow());
      outs.add(0);
      for (int w = 0; w < words.size(); w++) {
        String word = words.get(w);
        int s = 0;
        for (int i = 0; i < word.length(); i++) {
          int c = UrlRules.slot(word.charAt(i));
          if (edges.get(s)[c] < 0) {
            edges.get(s)[c] = edges.size();
            edges.add(newRow());
            outs.add(0);
          }
          s = edges.get(s)[c];
        }
        outs.set(s, outs.get(s) | kinds.get(w));
      }
      int states = edges.size();
      if (states > Character.MAX_VALUE || (long) states * 36 << ROW_SHIFT > Integer.MAX_VALUE) {
        throw new IllegalStateException("too many URL word states: " + states);
      }
      // Breadth first: each state's failure link, its output joined with the link's, and the missing
      // edges filled from the link's (a DFA: one table load per char).
      char[] next = new char[states * 36];
      byte[] out = new byte[states];
      int[] fail = new int[states];
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (int c = 0; c < 36; c++) {
        int t = edges.get(0)[c];
        if (t < 0) {
          next[c] = 0;
        } else {
          next[c] = (char) t;
          fail[t] = 0;
          queue.add(t);
        }
      }
      out[0] = (byte) (int) outs.get(0);
      while (!queue.isEmpty()) {
        int s = queue.poll();
        out[s] = (byte) (outs.get(s) | out[fail[s]]);
        for (int c = 0; c < 36; c++) {
          int t = edges.get(s)[c];
          if (t < 0) {
            next[s * 36 + c] = next[fail[s] * 36 + c];
          } else {
            next[s * 36 + c] = (char) t;
            fail[t] = next[fail[s] * 36 + c];
            queue.add(t);
          }
        }
      }
      int[] entries = new int[next.length];
      for (int i = 0; i < next.length; i++) {
        entries[i] = (next[i] * 36) << ROW_SHIFT | out[next[i]];
      }
      return new UrlWords(entries);
    }

    private static int[] newRow() {
      int[] row = new int[36];
      Arrays.fill(row, -1);
      return row;
    }
  }

  /** The kind bits of every word that occurs in {@code s[0, n)}. */
  int kinds(char[] s, int n) {
    int[] next = this.next;
    int row = 0;
    int bits = 0;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      int slot = c < 128 ? UrlRules.SLOTS[c] : -1;
      if (slot < 0) {
        row = 0;
        continue;
      }
      int entry = next[row + slot];
      row = entry >>> ROW_SHIFT;
      bits |= entry;
    }
    return bits & KINDS;
  }

  /**
   * The words of a host or path segment and {@link #kinds} over them in one pass: the lower-case letters and digits of
   * {@code s[from, to)} (upper case lowered, anything else dropped) go to the start of {@code buf.words}
   * and their count to {@code buf.wordCount}; returns the kind bits of every word that occurs in them.
   */
  int compactKinds(String s, int from, int to, UrlChars buf) {
    return compact(s, from, to, false, buf);
  }

  /**
   * {@link #compactKinds} of the path segment that starts at {@code from} in the path that ends at
   * {@code to} in {@code s}: up to the first {@code /} from there or {@code to}, which goes to
   * {@code buf.segmentEnd} (found in the same pass, not searched for first).
   */
  int segmentKinds(String s, int from, int to, UrlChars buf) {
    return compact(s, from, to, true, buf);
  }

  /** {@link #compactKinds} of {@code s[from, to)}, stopping at a {@code /} when {@code toSlash}. */
  private int compact(String s, int from, int to, boolean toSlash, UrlChars buf) {
    buf.words = UrlChars.fit(buf.words, to - from);
    char[] words = buf.words;
    int[] next = this.next;
    int n = 0;
    int row = 0;
    int bits = 0;
    int i = from;
    for (; i < to; i++) {
      char c = s.charAt(i);
      int slot = c < 128 ? UrlRules.SLOTS[c] : -1;
      if (slot < 0) {   // not a lower-case letter or digit (the usual char): the slash, lowered, or dropped
        if (c == '/' && toSlash) {
          break;
        }
        c = lower(c);
        slot = c < 128 ? UrlRules.SLOTS[c] : -1;
        if (slot < 0) {
          continue;
        }
      }
      words[n++] = c;
      int entry = next[row + slot];
      row = entry >>> ROW_SHIFT;
      bits |= entry;
    }
    buf.wordCount = n;
    buf.segmentEnd = i;
    return bits & KINDS;
  }

  /** {@code c} in lower case: ASCII by arithmetic, other chars by {@link Character#toLowerCase(char)}. */
  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
  }

  /**
   * {@link #compactKinds} of a host's part {@code host[0, to)} that also notes, for the impersonation
   * pre-check, its words as it splits them (the runs between dots, dashes and underscores) as ranges of
   * {@code buf.words} ({@code buf.tokenStart}, {@code buf.tokenEnd}, {@code buf.tokenCount}), whether
   * those are the part's own chars ({@code buf.wordsAsWritten}: no char lowered or dropped, no more words
   * than the ranges hold), whether {@code xn--} occurs ({@code buf.punycode}) and where the part's last
   * label has its first dash ({@code buf.lastLabelDash}).
   */
  int hostKinds(String host, int to, UrlChars buf) {
    buf.words = UrlChars.fit(buf.words, to);
    char[] words = buf.words;
    int[] starts = buf.tokenStart;
    int[] ends = buf.tokenEnd;
    int[] next = this.next;
    int n = 0;
    int row = 0;
    int bits = 0;
    int tokens = 0;
    int wordStart = 0;
    boolean asWritten = true;
    boolean punycode = false;
    int labelDash = -1;
    for (int i = 0; i < to; i++) {
      char c = host.charAt(i);
      int slot = c < 128 ? UrlRules.SLOTS[c] : -1;
      if (slot >= 0) {   // a lower-case letter or digit, the usual char: a word's char as written
        words[n++] = c;
        int entry = next[row + slot];
        row = entry >>> ROW_SHIFT;
        bits |= entry;
        continue;
      }
      if (c == '.' || c == '-' || c == '_') {
        if (c == '.') {
          labelDash = -1;
        } else if (c == '-') {
          if (labelDash < 0) {
            labelDash = i;
          }
          if (i >= 3 && host.charAt(i - 1) == '-' && host.charAt(i - 2) == 'n' && host.charAt(i - 3) == 'x') {
            punycode = true;
          }
        }
        if (n > wordStart) {
          if (tokens == starts.length) {
            asWritten = false;
          } else {
            starts[tokens] = wordStart;
            ends[tokens++] = n;
          }
          wordStart = n;
        }
        continue;
      }
      // Any other char is not as written: an upper-case letter is lowered, anything else dropped.
      asWritten = false;
      char lower = lower(c);
      slot = lower < 128 ? UrlRules.SLOTS[lower] : -1;
      if (slot >= 0) {
        words[n++] = lower;
        int entry = next[row + slot];
        row = entry >>> ROW_SHIFT;
        bits |= entry;
      }
    }
    if (n > wordStart) {
      if (tokens == starts.length) {
        asWritten = false;
      } else {
        starts[tokens] = wordStart;
        ends[tokens++] = n;
      }
    }
    buf.wordCount = n;
    buf.tokenCount = tokens;
    buf.wordsAsWritten = asWritten;
    buf.punycode = punycode;
    buf.lastLabelDash = labelDash;
    return bits & KINDS;
  }

  /** How many states the automaton has (for tests). */
  int states() {
    return next.length / 36;
  }
}
