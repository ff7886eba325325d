package vn.lanhmanh.url;

/**
 * A canonical URL as a check reads it: the parts of the {@link CanonicalUrl} that
 * {@link UrlCanonicalizer#canonicalize(String)} would give for the same input, but with the path and the
 * query as ranges of a string (of the URL as given, when they were already canonical there, as they
 * usually are) instead of strings of their own. A check thus makes one string for its URL, the host; the
 * {@code CanonicalUrl}, the path and the query are made only when a rare step asks for them
 * ({@link #url()}, {@link #path()}, {@link #query()}).
 *
 * <p>Filled by {@link UrlCanonicalizer#canonicalizeForCheck(String)}: one instance per thread, valid until
 * that thread's next call, and {@link #release() released} by the check when it is done with it (so it
 * keeps no reference to the URL). Not thread-safe, and never to be kept. {@link #of(CanonicalUrl)} makes
 * one of its own for a {@code CanonicalUrl}. <b>Internal, not API.</b>
 */
public final class UrlView {

  private String scheme;
  private String host;
  private int port;
  private String pathSource;
  private int pathStart;
  private int pathEnd;
  /** Null when the URL has no query. */
  private String querySource;
  private int queryStart;
  private int queryEnd;
  /** See {@link UrlCanonicalizer#canonicalize(String, int[])}. */
  private int plainPrefix;
  /** Why there is no canonical URL, or null when there is one. */
  private CanonicalizationResult.Problem problem;
  private String message;
  /** {@link #hostIsIpAddress()}: 0 not known yet, 1 no, 2 yes. */
  private byte ipAddress;
  /** Made on demand. */
  private CanonicalUrl url;
  private String path;
  private String query;
  /** Whether a check holds this thread's view ({@link UrlCanonicalizer#canonicalizeForCheck}). */
  boolean held;

  UrlView() {}

  /** A view of {@code url} of its own (not a thread's): its path and query are the record's strings. */
  public static UrlView of(CanonicalUrl url) {
    UrlView v = new UrlView();
    String q = url.query();
    v.set(url.scheme(), url.host(), url.port(), url.path(), 0, url.path().length(), q, 0, q == null ? 0 : q.length(), 0);
    v.url = url;
    v.path = url.path();
    v.query = q;
    return v;
  }

  /** Makes this view the canonical URL of these parts. */
  void set(String scheme, String host, int port, String pathSource, int pathStart, int pathEnd,
      String querySource, int queryStart, int queryEnd, int plainPrefix) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.pathSource = pathSource;
    this.pathStart = pathStart;
    this.pathEnd = pathEnd;
    this.querySource = querySource;
    this.queryStart = queryStart;
    this.queryEnd = queryEnd;
    this.plainPrefix = plainPrefix;
    this.problem = null;
    this.message = null;
    this.ipAddress = 0;
    this.url = null;
    this.path = null;
    this.query = null;
  }

  /** Makes this view a failure. */
  void fail(CanonicalizationResult.Problem problem, String message) {
    set(null, null, -1, null, 0, 0, null, 0, 0, 0);
    this.problem = problem;
    this.message = message;
  }

  /** Drops every reference to the URL and its parts, and hands the view back to its thread. */
  public void release() {
    set(null, null, -1, null, 0, 0, null, 0, 0, 0);
    held = false;
  }

  /** Whether there is a canonical URL (else {@link #problem()} says why). */
  public boolean isOk() {
    return problem == null;
  }

  /** Why there is no canonical URL, or null. */
  public CanonicalizationResult.Problem problem() {
    return problem;
  }

  /** The problem's message, or null. */
  public String message() {
    return message;
  }

  /** See {@link CanonicalUrl#scheme()}. */
  public String scheme() {
    return scheme;
  }

  /** See {@link CanonicalUrl#host()}. */
  public String host() {
    return host;
  }

  /** See {@link CanonicalUrl#port()}. */
  public int port() {
    return port;
  }

  /** See {@link CanonicalUrl#hostIsIpAddress()}; the host is read once. */
  public boolean hostIsIpAddress() {
    if (ipAddress == 0) {
      ipAddress = CanonicalUrl.isIpAddress(host) ? (byte) 2 : (byte) 1;
    }
    return ipAddress == 2;
  }

  /**
   * How many of the URL's first chars as given are {@code a-z 0-9 - _ . : / \}: see
   * {@link UrlCanonicalizer#canonicalize(String, int[])}; 0 for a view made by {@link #of}.
   */
  public int plainPrefix() {
    return plainPrefix;
  }

  /** The string that holds the path: the path is {@code pathSource()[pathStart(), pathEnd())}. */
  public String pathSource() {
    return pathSource;
  }

  public int pathStart() {
    return pathStart;
  }

  public int pathEnd() {
    return pathEnd;
  }

  /** The path's length (at least 1: a path starts with {@code /}). */
  public int pathLength() {
    return pathEnd - pathStart;
  }

  /** Whether the path is {@code p}, without making the path's string. */
  public boolean pathIs(String p) {
    return p.length() == pathEnd - pathStart && pathSource.startsWith(p, pathStart);
  }

  /** See {@link CanonicalUrl#path()}; made on the first call. */
  public String path() {
    if (path == null) {
      path = pathIs("/") ? "/" : pathSource.substring(pathStart, pathEnd);
    }
    return path;
  }

  /** Whether the URL has a query ({@code ""} included). */
  public boolean hasQuery() {
    return querySource != null;
  }

  /** Whether the URL has a query of at least one char. */
  public boolean hasNonEmptyQuery() {
    return querySource != null && queryEnd > queryStart;
  }

  /** The string that holds the query (null when there is none): {@code querySource()[queryStart(), queryEnd())}. */
  public String querySource() {
    return querySource;
  }

  public int queryStart() {
    return queryStart;
  }

  public int queryEnd() {
    return queryEnd;
  }

  /** See {@link CanonicalUrl#query()}; made on the first call. */
  public String query() {
    if (query == null && querySource != null) {
      query = querySource.substring(queryStart, queryEnd);
    }
    return query;
  }

  /** The {@link CanonicalUrl} of this view, made on the first call. */
  public CanonicalUrl url() {
    if (url == null) {
      if (problem != null) {
        throw new IllegalStateException("no canonical URL: " + problem + ": " + message);
      }
      url = new CanonicalUrl(scheme, host, port, path(), query());
    }
    return url;
  }

  /** The canonical URL as {@link CanonicalUrl#toString()} writes it, or {@code PROBLEM: message}. */
  @Override
  public String toString() {
    return problem != null ? problem + ": " + message : host == null ? "(released)" : url().toString();
  }
}
