package vn.lanhmanh.url;

import java.util.List;
import java.util.Objects;

/**
 * A URL in Safe Browsing canonical form, as {@link UrlCanonicalizer#canonicalize(String)} makes it.
 *
 * <p>Every component is already escaped: bytes {@code <= 0x20}, {@code >= 0x7F}, {@code #} and
 * {@code %} appear as upper-case {@code %XY}, so {@link #toString()} is the canonical URL and
 * {@code host + path} is what the lists are keyed on:
 *
 * <pre>{@code
 * CanonicalUrl u = UrlCanonicalizer.canonicalize("HTTP://Bóngđá.vn:80/a/../tin%20tức").url();
 * u.host();     // "xn--bng-gla1gwi.vn"
 * u.path();     // "/tin%20t%E1%BB%A9c"
 * u.toString(); // "http://xn--bng-gla1gwi.vn/tin%20t%E1%BB%A9c"
 * }</pre>
 *
 * <p>Immutable and thread-safe. The constructor only checks the shape (non-null parts, a path that starts
 * with {@code /}, a port in range); it does not canonicalise what it is given.
 *
 * @param scheme lower-case scheme, e.g. {@code http}
 * @param host lower-case host: a punycode name, dotted-decimal IPv4, or bracketed IPv6
 * @param port the port, or -1 when the URL used the scheme's default port
 * @param path the path, never empty, always starting with {@code /}
 * @param query the query without its {@code ?}; {@code ""} for a bare {@code ?}, {@code null} when absent
 */
public record CanonicalUrl(String scheme, String host, int port, String path, String query) {

  /** Checks the shape of the parts. */
  public CanonicalUrl {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (port < -1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Whether the host is an IPv4 or IPv6 address rather than a name (no host suffixes are looked up). */
  public boolean hostIsIpAddress() {
    return isIpAddress(host);
  }

  /** {@link #hostIsIpAddress()} of a canonical host. */
  static boolean isIpAddress(String host) {
    return host.startsWith("[") || IpAddresses.isDottedDecimal(host);
  }

  /** The path followed by {@code ?query} when there is a query. */
  public String pathAndQuery() {
    return query == null ? path : path + '?' + query;
  }

  /** See {@link LookupExpressions#hostSuffixes(CanonicalUrl)}. */
  public List<String> hostSuffixes() {
    return LookupExpressions.hostSuffixes(this);
  }

  /** See {@link LookupExpressions#pathPrefixes(CanonicalUrl)}. */
  public List<String> pathPrefixes() {
    return LookupExpressions.pathPrefixes(this);
  }

  /** See {@link LookupExpressions#expressions(CanonicalUrl)}. */
  public List<String> lookupExpressions() {
    return LookupExpressions.expressions(this);
  }

  /** The canonical URL: {@code scheme://host[:port]path[?query]}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(scheme.length() + host.length() + path.length() + 16);
    out.append(scheme).append("://").append(host);
    if (port >= 0) {
      out.append(':').append(port);
    }
    out.append(path);
    if (query != null) {
      out.append('?').append(query);
    }
    return out.toString();
  }
}
