package vn.lanhmanh.url;

/**
 * Whether a canonical URL's host could name a real server, so that a malformed URL is an error and never
 * an ALLOW. {@link UrlCanonicalizer} keeps odd hosts as the Safe Browsing spec does (for list lookups);
 * this decides whether to check them at all.
 *
 * <pre>{@code
 * HostSyntax.problem(UrlCanonicalizer.canonicalize("http://exa mple.com").url())
 *     // "host 'exa%20mple.com' holds ' ', which no host name can"
 * }</pre>
 *
 * <p>A host is accepted when it is an IPv4 or bracketed IPv6 address, or a name of at most 253 chars in
 * labels of 1 to 63 chars made of {@code a-z 0-9 - _} (underscores appear in real service names) whose
 * last label is not all digits (then it would have to be an IPv4 address: {@code 256.1.1.1},
 * {@code 1.2.3.4.5}). Non-ASCII names are punycode by then. Everything else (spaces, {@code %},
 * {@code :}, quotes, brackets, controls) is refused, a stricter rule than the WHATWG URL standard's
 * forbidden code points, since no DNS name holds them.
 *
 * <p>Stateless; thread-safe; linear in the host, no regular expressions.
 */
public final class HostSyntax {

  static final int MAX_NAME = 253;
  static final int MAX_LABEL = 63;

  private HostSyntax() {}

  /**
   * Why {@code url}'s host cannot name a server, or {@code null} when it can.
   *
   * @param url a canonical URL
   */
  public static String problem(CanonicalUrl url) {
    return problem(url.host());
  }

  /** {@link #problem(CanonicalUrl)} of a check's URL. */
  public static String problem(UrlView url) {
    return problem(url.host());
  }

  /** {@link #problem(CanonicalUrl)} of the URL whose canonical host is {@code host}. */
  private static String problem(String host) {
    if (HostTable.Suffixes.of(host).validName()) {
      return null;   // the answer of the loop below, from the pass that hashes the host's suffixes
    }
    if (CanonicalUrl.isIpAddress(host)) {
      return null;
    }
    if (host.length() > MAX_NAME) {
      return "host has " + host.length() + " chars; a host name has at most " + MAX_NAME;
    }
    int n = host.length();
    int labelStart = 0;
    boolean allDigits = true;
    for (int i = 0; i < n; i++) {   // a plain loop over the chars: the last label is checked after it
      char c = host.charAt(i);
      if (c == '.') {
        if (i == labelStart || i - labelStart > MAX_LABEL) {
          return labelLength(host, i - labelStart);
        }
        labelStart = i + 1;
        allDigits = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        allDigits &= c >= '0' && c <= '9';
      } else {
        return "host '" + clip(host) + "' holds " + describe(host, i) + ", which no host name can";
      }
    }
    if (n == labelStart || n - labelStart > MAX_LABEL) {
      return labelLength(host, n - labelStart);
    }
    if (allDigits) {
      return "host '" + clip(host) + "' ends in a number but is not an IPv4 address";
    }
    return null;
  }

  private static String labelLength(String host, int len) {
    return "host '" + clip(host) + "' has a label of " + len + " chars (1 to " + MAX_LABEL + " allowed)";
  }

  /** The character at {@code i}, decoding a percent escape ({@code %20} → {@code ' '}). */
  private static String describe(String host, int i) {
    char c = host.charAt(i);
    if (c == '%' && i + 2 < host.length()) {
      int v = Character.digit(host.charAt(i + 1), 16) * 16 + Character.digit(host.charAt(i + 2), 16);
      if (v >= 0x21 && v < 0x7F) {
        return "'" + (char) v + "'";
      }
      if (v >= 0) {
        return v == 0x20 ? "' '" : String.format("U+%04X", v);
      }
    }
    return c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
