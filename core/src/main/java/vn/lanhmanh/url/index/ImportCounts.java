package vn.lanhmanh.url.index;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one import of one list did: lines read, entries kept, comment and blank lines, and entries or
 * lines skipped, counted per reason ({@code "not a host name"}, {@code "two hosts glued together"}
 * ...). A hosts line may name several hosts, so {@code read} need not equal the sum of the others.
 *
 * <pre>{@code
 * ImportCounts c = ListImporter.importFile(path, ListFormat.HOSTS, "gambling", "sinfonietta/gambling", sink);
 * log.info("{}", c);  // sinfonietta/gambling: read 2642, kept 2630, comments 5, skipped 7 {not a host name=7}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param list what was imported, e.g. {@code ut1/adult/urls}
 * @param read lines read
 * @param kept entries handed to the sink
 * @param comments comment and blank lines
 * @param skipped reason to count, sorted by reason
 */
public record ImportCounts(String list, long read, long kept, long comments, Map<String, Long> skipped) {

  /** Copies the map. */
  public ImportCounts {
    skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
  }

  /** All skipped entries and lines, whatever the reason. */
  public long skippedTotal() {
    long n = 0;
    for (long v : skipped.values()) {
      n += v;
    }
    return n;
  }

  /** How many were skipped for {@code reason}; 0 when none. */
  public long skipped(String reason) {
    return skipped.getOrDefault(reason, 0L);
  }

  @Override
  public String toString() {
    return list + ": read " + read + ", kept " + kept + ", comments " + comments + ", skipped "
        + skippedTotal() + (skipped.isEmpty() ? "" : " " + skipped);
  }

  /** Mutable counter for one import; not thread-safe. */
  static final class Tally {
    private final String list;
    long read;
    long kept;
    long comments;
    private final Map<String, Long> skipped = new TreeMap<>();

    Tally(String list) {
      this.list = list;
    }

    void skip(String reason) {
      skipped.merge(reason, 1L, Long::sum);
    }

    void skip(String reason, long n) {
      if (n > 0) {
        skipped.merge(reason, n, Long::sum);
      }
    }

    ImportCounts done() {
      return new ImportCounts(list, read, kept, comments, skipped);
    }
  }
}
