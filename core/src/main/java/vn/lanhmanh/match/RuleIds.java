package vn.lanhmanh.match;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The rule ids of a lexicon's entries, all in one array of UTF-8 bytes (rule ids are ASCII but for a few), one
 * after the other: a lexicon has some 100,000 of them, and as strings each cost its bytes and some forty bytes
 * of headers besides (three quarters of what they held). An id is made into a string when it is asked for:
 * once per candidate of a match, not per character.
 *
 * <p>Immutable once built; thread-safe.
 */
final class RuleIds {

  private final byte[] bytes;
  /**
   * Entry {@code e}'s id is {@code bytes[start[e] .. start[e + 1])} (where a negative {@code x} stands for
   * {@code -x - 1}); an entry without one has a negative start.
   */
  private final int[] start;
  /** The ids that UTF-8 would not give back as they are (a lone surrogate), by entry; null when none. */
  private final Map<Integer, String> odd;

  private RuleIds(byte[] bytes, int[] start, Map<Integer, String> odd) {
    this.bytes = bytes;
    this.start = start;
    this.odd = odd;
  }

  /** The ids of these entries (null for an entry that is not a rule). */
  static RuleIds of(String[] ids) {
    Builder b = new Builder(ids.length);
    for (String id : ids) {
      b.add(id);
    }
    return b.build();
  }

  /** The number of entries. */
  int size() {
    return start.length - 1;
  }

  /** Entry {@code e}'s rule id, or null when it is not a rule. A new string each time. */
  String get(int e) {
    int from = start[e];
    if (from < 0) {
      return odd == null ? null : odd.get(e);
    }
    int to = start[e + 1];
    return new String(bytes, from, (to < 0 ? -to - 1 : to) - from, StandardCharsets.UTF_8);
  }

  /** Whether entry {@code e} has a rule id that starts with {@code prefix} (ASCII), without making it a string. */
  boolean startsWith(int e, String prefix) {
    int from = start[e];
    if (from < 0) {
      String id = odd == null ? null : odd.get(e);
      return id != null && id.startsWith(prefix);
    }
    int to = start[e + 1];
    to = to < 0 ? -to - 1 : to;
    if (to - from < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (bytes[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Adds ids one entry after the other. */
  static final class Builder {
    private byte[] bytes;
    private final int[] start;
    private int size;
    private int entries;
    private Map<Integer, String> odd;

    Builder(int entries) {
      this.start = new int[entries + 1];
      this.bytes = new byte[Math.max(16, entries * 24)];
    }

    /** The next entry's id, or null for none. */
    void add(String id) {
      if (id == null) {
        // -(where the next starts) - 1: the end of the entry before, and this one has none
        start[entries++] = -size - 1;
        return;
      }
      byte[] b = id.getBytes(StandardCharsets.UTF_8);
      if (!ascii(id) && !new String(b, StandardCharsets.UTF_8).equals(id)) {
        // not ASCII, and not given back by UTF-8 as it is: kept as the string
        odd = odd == null ? new HashMap<>() : odd;
        odd.put(entries, id);
        start[entries++] = -size - 1;
        return;
      }
      if (size + b.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + b.length, bytes.length + (bytes.length >> 1)));
      }
      start[entries++] = size;
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
    }

    private static boolean ascii(String s) {
      for (int k = 0; k < s.length(); k++) {
        if (s.charAt(k) >= 0x80) {
          return false;
        }
      }
      return true;
    }

    RuleIds build() {
      if (entries != start.length - 1) {
        throw new IllegalStateException(entries + " rule ids of " + (start.length - 1));
      }
      start[entries] = size;
      return new RuleIds(Arrays.copyOf(bytes, size), start, odd);
    }
  }
}
