package vn.lanhmanh.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may talk to the HTTP service from a browser, and who may change its state (docs/SERVICE.md,
 * "Browser safety"). Immutable.
 *
 * @param allowHosts extra {@code Host} names accepted besides the bind address (and, on loopback,
 *     {@code localhost}); lower case, without port
 * @param corsOrigins origins (e.g. {@code https://app.example.vn}) answered with CORS headers; none by default
 * @param apiKey the key state-changing requests must carry as {@code Authorization: Bearer KEY}, or null
 */
record ServiceAccess(Set<String> allowHosts, Set<String> corsOrigins, String apiKey) {

  /** The environment variable {@code serve} reads the API key from. */
  static final String API_KEY_ENV = "LANHMANH_API_KEY";

  static final ServiceAccess NONE = new ServiceAccess(Set.of(), Set.of(), null);

  ServiceAccess {
    Set<String> hosts = new TreeSet<>();
    for (String h : allowHosts) {
      hosts.add(hostPart(h.strip()));
    }
    allowHosts = Set.copyOf(hosts);
    corsOrigins = Set.copyOf(corsOrigins);
    if (apiKey != null && apiKey.length() < 16) {
      throw new IllegalArgumentException(API_KEY_ENV + " must be at least 16 characters");
    }
  }

  /** Whether {@code host} (an address or name to bind) is a loopback address. */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Whether {@code host} binds every interface ({@code 0.0.0.0}, {@code ::}). */
  static boolean isWildcard(String host) {
    try {
      return InetAddress.getByName(host).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The host of a {@code Host} header value, lower case, without port or IPv6 brackets. */
  static String hostPart(String header) {
    String h = header.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? h : h.substring(1, close);
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
      h = h.substring(0, colon);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /**
   * Whether a request with this {@code Host} header may be answered by a service bound to {@code bind}:
   * the bind address itself, {@code localhost} and the loopback addresses when bound to loopback, any IP
   * literal when bound to every interface, and the allow-list. A name not listed is refused, which
   * stops DNS rebinding (a page of {@code evil.example} whose name now resolves to 127.0.0.1).
   */
  boolean hostAllowed(String header, String bind) {
    return hostAllowed(header, bind, isLoopback(bind), isWildcard(bind));
  }

  /** As {@link #hostAllowed(String, String)}, with what the bind address is already known (no lookup). */
  boolean hostAllowed(String header, String bind, boolean bindLoopback, boolean bindWildcard) {
    if (header == null) {
      return true;   // HTTP/1.0 without Host: no browser sends that
    }
    String h = hostPart(header);
    String b = hostPart(bind);
    if (h.equals(b) || allowHosts.contains(h)) {
      return true;
    }
    if (bindLoopback && (h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1"))) {
      return true;
    }
    return bindWildcard && isIpLiteral(h);
  }

  /** Whether the request carries the API key (always true when no key is configured). */
  boolean authorized(String authorization) {
    if (apiKey == null) {
      return true;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, apiKey.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isIpLiteral(String h) {
    if (h.isEmpty()) {
      return false;
    }
    if (h.indexOf(':') >= 0) {
      for (int i = 0; i < h.length(); i++) {
        char c = h.charAt(i);
        if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
          return false;
        }
      }
      return true;
    }
    int dots = 0;
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }
}
