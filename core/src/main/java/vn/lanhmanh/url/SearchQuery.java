package vn.lanhmanh.url;

import java.util.Optional;

/**
 * The query of a search-engine URL, decoded, with a map from each decoded character back to the
 * caller's original URL string, and the safe-search version of the URL where the engine has a switch.
 *
 * <p>Immutable; thread-safe.
 */
public final class SearchQuery {

  private final String engine;
  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final String safeUrl;

  SearchQuery(String engine, String text, int[] starts, int[] ends, String safeUrl) {
    this.engine = engine;
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.safeUrl = safeUrl;
  }

  /** {@code google}, {@code bing}, {@code duckduckgo}, {@code youtube} or {@code coccoc}. */
  public String engine() {
    return engine;
  }

  /** The decoded query text. */
  public String text() {
    return text;
  }

  /** Where decoded character {@code i} starts in the original URL. */
  public int originalStart(int i) {
    return starts[i];
  }

  /** Where decoded character {@code i} ends in the original URL. */
  public int originalEnd(int i) {
    return ends[i];
  }

  /**
   * The original URL with the engine's safe-search switch forced on (Google {@code safe=active}, Bing
   * {@code adlt=strict}, DuckDuckGo {@code kp=1}); empty for YouTube (restricted mode is set by the
   * {@code YouTube-Restrict} header or DNS, not by the URL) and Cốc Cốc (no switch: the query text decides).
   */
  public Optional<String> safeUrl() {
    return Optional.ofNullable(safeUrl);
  }
}
