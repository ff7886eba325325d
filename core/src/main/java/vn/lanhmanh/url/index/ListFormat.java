package vn.lanhmanh.url.index;

/**
 * The line formats {@link ListImporter} reads. Every format takes UTF-8 text, one item a line; lines
 * that do not fit are counted as skipped, never fatal.
 *
 * <p>Immutable and thread-safe.
 */
public enum ListFormat {
  /**
   * A hosts file: {@code 0.0.0.0 host [host ...]}, {@code 127.0.0.1 host}; any IPv4 or IPv6 address
   * first; {@code #} starts a comment; local names ({@code localhost} ...) are skipped.
   */
  HOSTS,
  /** One domain a line ({@code example.com}, {@code *.example.com}); {@code #} starts a comment. */
  DOMAINS,
  /**
   * Adblock-style rules: only {@code ||domain^} (optionally with {@code $important}, {@code $all} or
   * {@code $document}) is kept; {@code !} and {@code [Adblock ...]} lines are comments; exception
   * ({@code @@}), cosmetic ({@code ##}, {@code #@#}, {@code #?#} ...), and other rules are skipped.
   */
  ADBLOCK,
  /** A UT1 {@code urls} file: host/path prefixes such as {@code example.com/adult/}. */
  URL_PREFIXES
}
