package vn.lanhmanh.pii;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a child's private information in Vietnamese text: phone numbers (in digits or in words),
 * e-mail, identity numbers, bank accounts, addresses, school and class, chat handles, profile and map
 * links, and coordinates. Text may be NFC or NFD, any case, with or without diacritics, with full-width
 * digits; offsets in the result always point into the caller's string.
 *
 * <pre>{@code
 * List<PiiMatch> found = PiiDetector.create().detect("zalo em 0912 345 678 nha");
 * }</pre>
 *
 * <p>Every scanner is a hand-written, forward-moving char or token loop (no {@code java.util.regex}), so a
 * call is linear in the text; very long texts are read in overlapping windows so memory stays bounded.
 * Matches never overlap: when two do, the longer wins. {@code null} and empty input give an empty list.
 *
 * <p>Instances are immutable and thread-safe; one can serve all threads.
 */
public final class PiiDetector {

  /** Chars per window for long texts, and the overlap that keeps a match across a border whole. */
  static final int WINDOW = 1 << 16;

  static final int OVERLAP = 2048;

  private static final PiiDetector INSTANCE = new PiiDetector();

  private static final Comparator<PiiMatch> ORDER =
      Comparator.comparingInt(PiiMatch::start).thenComparing(Comparator.comparingInt(PiiMatch::end).reversed());

  private PiiDetector() {}

  /** The shared detector; it holds no state. */
  public static PiiDetector create() {
    return INSTANCE;
  }

  /**
   * All private information in {@code text}, ordered by start offset, without overlaps.
   *
   * @param text any string, or null
   * @return an unmodifiable list, empty when nothing is found
   */
  public List<PiiMatch> detect(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<PiiMatch> found = new ArrayList<>();
    int n = text.length();
    Scan.Buffers buf = Scan.Buffers.forLength(Math.min(n, WINDOW + OVERLAP));
    if (n <= WINDOW + OVERLAP) {
      scan(text, 0, n, buf, found);
    } else {
      int from = 0;
      while (from < n) {
        int keepUntil = Math.min(n, from + WINDOW);
        int to = Math.min(n, keepUntil + OVERLAP);
        List<PiiMatch> part = new ArrayList<>();
        scan(text, from, to, buf, part);
        for (PiiMatch m : part) {
          if (m.start() < keepUntil || to == n) {
            found.add(m);
          }
        }
        if (to == n) {
          break;
        }
        int maxEnd = keepUntil;
        for (int k = found.size() - 1; k >= 0 && k >= found.size() - part.size(); k--) {
          maxEnd = Math.max(maxEnd, found.get(k).end());
        }
        from = nextStart(text, maxEnd);
      }
    }
    return resolve(found);
  }

  /** The next window starts at a blank at or after {@code at}, and never inside a kept match. */
  private static int nextStart(String text, int at) {
    int p = at;
    int limit = Math.min(text.length(), p + OVERLAP / 2);
    while (p < limit && !Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    if (p < text.length() && Character.isLowSurrogate(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private static void scan(String text, int from, int to, Scan.Buffers buf, List<PiiMatch> out) {
    Scan s = new Scan(text, from, to, buf);
    Links.find(s, out);
    Numbers.find(s, out);
    Places.find(s, out);
    Secrets.find(s, out);
  }

  private static List<PiiMatch> resolve(List<PiiMatch> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    found.sort(ORDER);
    List<PiiMatch> kept = new ArrayList<>(found.size());
    for (PiiMatch m : found) {
      if (kept.isEmpty()) {
        kept.add(m);
        continue;
      }
      PiiMatch last = kept.get(kept.size() - 1);
      if (m.start() >= last.end()) {
        kept.add(m);
      } else if (m.end() - m.start() > last.end() - last.start()) {
        kept.set(kept.size() - 1, m);
      }
    }
    // a replacement can overlap an earlier kept match; one more pass keeps the result disjoint
    List<PiiMatch> out = new ArrayList<>(kept.size());
    for (PiiMatch m : kept) {
      if (out.isEmpty() || m.start() >= out.get(out.size() - 1).end()) {
        out.add(m);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
