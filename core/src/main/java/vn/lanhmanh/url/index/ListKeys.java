package vn.lanhmanh.url.index;

import java.util.Set;
import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.CanonicalizationResult;
import vn.lanhmanh.url.UrlCanonicalizer;

/**
 * Turns a host or a URL prefix as a list writes it into the canonical key the index stores, through
 * the same {@link UrlCanonicalizer} that URLs to check go through: lower case, IDN to punycode, no
 * leading, trailing or doubled dots, dotted-decimal IPv4, resolved and escaped paths.
 *
 * <p>{@code www.} is kept: a list that names {@code www.example.com} does not name {@code example.com}.
 * A leading {@code *.} is dropped, since a host key matches its subdomains anyway.
 *
 * <p>Stateless; thread-safe.
 */
final class ListKeys {

  /** A key, or why the token gives none. Exactly one of the two is set. */
  record Parsed(String key, String skipReason) {
    static Parsed skip(String reason) {
      return new Parsed(null, reason);
    }

    boolean ok() {
      return key != null;
    }
  }

  static final String NOT_A_HOST = "not a host name";
  static final String SINGLE_LABEL = "single-label name";
  static final String LOCAL_NAME = "local name (localhost, 0.0.0.0 ...)";
  static final String INVALID_IDN = "invalid IDN";
  static final String TOO_LONG = "too long";
  static final String NOT_A_URL = "not a URL prefix";

  /** Longest host name DNS allows. */
  private static final int MAX_HOST = 253;

  private static final Set<String> LOCAL = Set.of("localhost", "localhost.localdomain", "local",
      "broadcasthost", "ip6-localhost", "ip6-loopback", "0.0.0.0", "127.0.0.1", "255.255.255.255");

  private ListKeys() {}

  /** The key for a bare host such as {@code Bóngđá.VN.}, or why there is none. */
  static Parsed host(String token) {
    String t = token.startsWith("*.") ? token.substring(2) : token;
    if (t.isEmpty()) {
      return Parsed.skip(NOT_A_HOST);
    }
    if (t.length() > MAX_HOST) {
      return Parsed.skip(TOO_LONG);
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || (c >= 0x80 && c != '\uFFFD');
      if (!ok) {
        return Parsed.skip(NOT_A_HOST);
      }
    }
    CanonicalizationResult r = UrlCanonicalizer.canonicalize("http://" + t + "/");
    if (!r.isOk()) {
      return Parsed.skip(r.problem() == CanonicalizationResult.Problem.INVALID_IDN ? INVALID_IDN : NOT_A_HOST);
    }
    return checkHost(r.url().host(), r.url().hostIsIpAddress());
  }

  /**
   * The key for a UT1-style URL prefix such as {@code example.com/adult/} (a scheme is allowed but
   * not needed), or why there is none. A prefix whose path is just {@code /} is the host's key.
   */
  static Parsed urlPrefix(String token) {
    if (token.indexOf('/') < 0 && token.indexOf('?') < 0) {
      return host(token);
    }
    if (token.length() > ListEntry.MAX_KEY_LENGTH) {
      return Parsed.skip(TOO_LONG);
    }
    String input = token.contains("://") ? token : "http://" + token;
    CanonicalizationResult r = UrlCanonicalizer.canonicalize(input);
    if (!r.isOk()) {
      return Parsed.skip(r.problem() == CanonicalizationResult.Problem.INVALID_IDN ? INVALID_IDN : NOT_A_URL);
    }
    CanonicalUrl url = r.url();
    Parsed host = checkHost(url.host(), url.hostIsIpAddress());
    if (!host.ok()) {
      return host;
    }
    if ("/".equals(url.path()) && (url.query() == null || url.query().isEmpty())) {
      return host;
    }
    String key = url.host() + url.pathAndQuery();
    return key.length() > ListEntry.MAX_KEY_LENGTH ? Parsed.skip(TOO_LONG) : new Parsed(key, null);
  }

  private static Parsed checkHost(String host, boolean ip) {
    if (LOCAL.contains(host)) {
      return Parsed.skip(LOCAL_NAME);
    }
    if (!ip && host.indexOf('.') < 0) {
      return Parsed.skip(SINGLE_LABEL);
    }
    if (host.length() > MAX_HOST) {
      return Parsed.skip(TOO_LONG);
    }
    if (host.indexOf('%') >= 0) {
      // An escape left in a host means a character no host name can hold.
      return Parsed.skip(NOT_A_HOST);
    }
    return new Parsed(host, null);
  }
}
