package vn.lanhmanh.url;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import vn.lanhmanh.url.CanonicalizationResult.Problem;

/**
 * Turns a URL as a user or a web page wrote it into the canonical form of Google Safe Browsing
 * ("URLs and Hashing", API v4), so that one page has one key in the URL lists however it is spelt.
 *
 * <pre>{@code
 * UrlCanonicalizer.canonicalize("  HTTP://user:pw@Bóngđá.VN.:80/a/./b/../%63?x=1#top ").url().toString()
 *     // "http://xn--bng-gla1gwi.vn/a/c?x=1"
 * UrlCanonicalizer.canonicalize("javascript:alert(1)").problem()   // UNSUPPORTED_SCHEME
 * }</pre>
 *
 * <p>The steps, in order:
 * <ol>
 *   <li>Inputs over {@value #MAX_INPUT_LENGTH} chars are refused. Tab, CR and LF are removed anywhere,
 *       and chars {@code <= 0x20} at both ends; the fragment (from the first {@code #}) is removed.
 *   <li>The scheme is lower-cased; without one, {@code http://} is assumed ({@code www.google.com},
 *       {@code //host/}, {@code host:8080/}). Schemes without a host ({@code javascript:}, {@code data:},
 *       {@code mailto:} ...) are refused. For http, https, ws, wss and ftp any run of {@code /} or
 *       {@code \} after the scheme is skipped and {@code \} is read as {@code /} before the query, as
 *       browsers do, so {@code http:\\evil.com\@good.com} is checked as {@code evil.com}.
 *   <li>Userinfo (up to the last {@code @} of the authority) is dropped; the port is kept unless it is
 *       the scheme's default (http/ws 80, https/wss 443, ftp 21).
 *   <li>Host, path and query are each turned into UTF-8 bytes and percent-unescaped until stable.
 *   <li>Host: non-ASCII labels go through {@link IDN#toASCII(String, int)} (IDNA 2003) to punycode;
 *       leading and trailing dots are removed and runs of dots collapsed; it is lower-cased; IPv4 in
 *       decimal, octal, hex and 1-4 part forms becomes dotted decimal; a bracketed IPv6 address gets its
 *       RFC 5952 form, and IPv4-mapped and NAT64 ones become IPv4.
 *   <li>Path: {@code .} and {@code ..} segments are resolved (also at the end, so {@code /blah/..} gives
 *       {@code /}) and runs of {@code /} collapsed. The query is kept as it is, slashes and all.
 *   <li>Every component is percent-escaped again: bytes {@code <= 0x20}, {@code >= 0x7F}, {@code #} and
 *       {@code %}, in upper-case hex.
 * </ol>
 *
 * <p>Where this differs from the spec's examples, on purpose:
 * <ul>
 *   <li>A non-default port is kept ({@code http://www.gotaport.com:1234/}); the spec's example drops it.
 *       Lookup expressions ignore the port either way.
 *   <li>The input is Java text, not bytes, and is read as UTF-8. A raw {@code \x80} is U+0080, a control
 *       character IDNA forbids in a host, so the spec's {@code http://\x01\x80.com/} is
 *       {@link Problem#INVALID_IDN} here; and {@code %80} in a host, which is not UTF-8, is
 *       {@link Problem#BROKEN_ESCAPE}. Browsers refuse both hosts too.
 *   <li>So that canonicalising twice changes nothing, characters that would split the URL differently
 *       when it is read again are escaped too: {@code ?} in the path (it came from {@code %3F}),
 *       {@code \} in the path of http-like schemes, and {@code / \ ? @ : [ ]} in a host name.
 *   <li>Broken escapes in the path and query ({@code %zz}, a lone {@code %}) are kept, as the spec does,
 *       and come out as {@code %25zz}.
 * </ul>
 *
 * <p>No regular expressions; the work is linear in the input, including the repeated unescaping. No
 * input makes it throw: a bug would come back as {@link Problem#INTERNAL_ERROR}.
 *
 * <p>Stateless; thread-safe.
 */
public final class UrlCanonicalizer {

  /** Inputs longer than this many chars are refused with {@link Problem#TOO_LONG}. */
  public static final int MAX_INPUT_LENGTH = 100_000;

  /** Schemes with a special authority, per the WHATWG URL standard, mapped to their default port. */
  private static final Set<String> SPECIAL_SCHEMES = Set.of("http", "https", "ws", "wss", "ftp");

  /** Schemes that never name a host to check; refused even when written with {@code //}. */
  private static final Set<String> HOSTLESS_SCHEMES = Set.of(
      "javascript", "vbscript", "data", "mailto", "about", "blob", "file", "tel", "sms", "urn");

  /** Besides bytes {@code <= 0x20}, {@code >= 0x7F}: what is escaped in each component. */
  private static final String ESCAPE_IN_HOST = "#%/\\?@:[]";
  private static final String ESCAPE_IN_SPECIAL_PATH = "#%?\\";
  private static final String ESCAPE_IN_PATH = "#%?";
  private static final String ESCAPE_IN_QUERY = "#%";

  /** Unescape and IDN may feed each other ({@code ％４１} maps to {@code %41}); this bounds the rounds. */
  private static final int MAX_HOST_ROUNDS = 4;

  private UrlCanonicalizer() {}

  /**
   * Canonicalises {@code url}; see the class description for the steps.
   *
   * @param url any string, {@code null} included
   * @return the canonical URL, or the problem that prevents one; never {@code null}, never thrown
   */
  public static CanonicalizationResult canonicalize(String url) {
    if (url == null) {
      return CanonicalizationResult.failure(Problem.NULL_INPUT, "url is null");
    }
    if (url.length() > MAX_INPUT_LENGTH) {
      return CanonicalizationResult.failure(Problem.TOO_LONG, tooLong(url));
    }
    return result(run(new Parse(url, null), new UrlView()));
  }

  private static String tooLong(String url) {
    return "url has " + url.length() + " chars; the limit is " + MAX_INPUT_LENGTH;
  }

  /** The result of a parse's view. */
  private static CanonicalizationResult result(UrlView v) {
    return v.isOk() ? CanonicalizationResult.ok(v.url()) : CanonicalizationResult.failure(v.problem(), v.message());
  }

  /**
   * {@link #canonicalize(String)}, and in {@code plainPrefix[0]} a length {@code n} such that the first
   * {@code n} chars of {@code url} as given are known to be only {@code a-z 0-9 - _ . : / \}: for a URL
   * the steps read in its usual form ({@code http} or {@code https} written in lower case, slashes, then a
   * host of lower-case letters, digits, {@code -}, {@code _} and dots with no user info or port, nothing
   * around the URL) the end of its host; 0 for any other URL and for a failure. The check of
   * {@code ContentFilter} places and masks a finding there without reading those chars again: lower-casing
   * the URL changes nothing there, and every such char is masked.
   *
   * @param plainPrefix receives the length at index 0
   */
  public static CanonicalizationResult canonicalize(String url, int[] plainPrefix) {
    plainPrefix[0] = 0;
    if (url == null || url.length() > MAX_INPUT_LENGTH) {
      return canonicalize(url);
    }
    UrlView v = new UrlView();
    runHere(PARSES.get(), url, v);
    plainPrefix[0] = v.plainPrefix();
    return result(v);
  }

  /**
   * {@link #canonicalize(String, int[])} for a check: the canonical URL (or the problem) in this thread's
   * {@link UrlView}, whose path and query are ranges of the URL when they are already canonical there, so
   * that a check of a URL in the usual form makes no string but its host. The caller
   * {@link UrlView#release() releases} the view when done; a call on a thread whose view is not released
   * yet gets a view of its own.
   *
   * @param url any string, {@code null} included
   * @return the thread's view, never {@code null}; nothing is thrown
   */
  public static UrlView canonicalizeForCheck(String url) {
    Parse p = PARSES.get();
    UrlView v = p.checkView;
    if (v.held) {
      v = new UrlView();
    } else {
      v.held = true;
    }
    if (url == null) {
      v.fail(Problem.NULL_INPUT, "url is null");
    } else if (url.length() > MAX_INPUT_LENGTH) {
      v.fail(Problem.TOO_LONG, tooLong(url));
    } else {
      runHere(p, url, v);
    }
    return v;
  }

  /** Runs {@code p}, this thread's parse, over {@code url} into {@code v}, instead of a new parse per URL. */
  private static void runHere(Parse p, String url, UrlView v) {
    if (p.input != null) {   // a parse calls no entry point; this is a safeguard, not a path
      run(new Parse(url, null), v);
      return;
    }
    p.reset(url);
    try {
      run(p, v);
    } finally {
      p.reset(null);   // keeps no reference to the URL
    }
  }

  /** A parse per thread, with the view of a check; a parse calls no entry point. */
  private static final ThreadLocal<Parse> PARSES = ThreadLocal.withInitial(() -> new Parse(null, new UrlView()));

  /** Runs a parse into {@code v}; a bug in it is a failure, never thrown. Returns {@code v}. */
  private static UrlView run(Parse p, UrlView v) {
    try {
      p.run(v);
    } catch (RuntimeException e) {
      v.fail(Problem.INTERNAL_ERROR, "canonicaliser failed: " + e);
    }
    return v;
  }

  /** What a step of a parse answers: the parts, or the problem, are in the view. */
  private static final int DONE = 0;
  /** What a first reading of a URL answers when the URL holds tab, CR, LF or {@code #}. */
  private static final int START_OVER = 1;

  /** One canonicalisation; holds the cleaned input, and writes the parts or the first problem found to a view. */
  private static final class Parse {
    /** The view a check of this parse's thread reads ({@link #canonicalizeForCheck}); null for another parse. */
    final UrlView checkView;
    private UrlView out;
    private String input;
    private String s;
    private boolean special;
    private Problem problem;
    private String message;
    /** Whether {@link #s} is the URL without tab, CR, LF and fragment (the second reading). */
    private boolean cutsDropped;
    /** See {@link UrlCanonicalizer#canonicalize(String, int[])}: set by the reading that succeeds. */
    private int plainPrefix;

    Parse(String input, UrlView checkView) {
      this.input = input;
      this.checkView = checkView;
    }

    /** Makes this parse a new one of {@code input}, as the constructor leaves it. */
    void reset(String input) {
      this.input = input;
      s = null;
      special = false;
      problem = null;
      message = null;
      cutsDropped = false;
      plainPrefix = 0;
      out = null;
    }

    /** Writes the canonical URL, or the problem, to {@code view}. */
    void run(UrlView view) {
      out = view;
      s = trimmed(input);
      if (s == null) {
        view.fail(Problem.EMPTY, "url is empty");
        return;
      }
      // Tab, CR and LF inside the URL and its fragment are dropped before the steps. They are rare, so the
      // steps first read the URL as it is: every char is read by the scheme's, the authority's, the path's
      // or the query's pass, and one that meets such a char (or a failure, which may be due to one) starts
      // over here on the URL without them. A URL without them is read once.
      if (parse() == START_OVER) {
        s = withoutCuts(s);
        cutsDropped = true;
        if (s.isEmpty()) {
          fail(Problem.MISSING_HOST, "only a fragment, no host");
          return;
        }
        parse();
      }
    }

    /**
     * The steps over {@link #s}, with the parts or the problem written to the view: {@link #DONE}, or
     * {@link #START_OVER} when {@code s} holds a char {@link #isCut} names.
     */
    private int parse() {
      plainPrefix = 0;
      String scheme = "http";
      int pos;
      // http and https, in any case, are told apart without a substring, a set lookup or the scheme's loop.
      int colon = httpColon(s);
      boolean web = colon > 0;
      if (!web) {
        colon = schemeColon(s);
      }
      String candidate = web ? (colon == 5 ? "https" : "http")
          : colon > 0 ? s.substring(0, colon).toLowerCase(Locale.ROOT) : null;
      if (web) {
        scheme = candidate;
        pos = skipSlashes(colon + 1);
      } else if (candidate != null && HOSTLESS_SCHEMES.contains(candidate)) {
        return fail(Problem.UNSUPPORTED_SCHEME, "'" + candidate + ":' URLs have no host to check");
      } else if (candidate != null && SPECIAL_SCHEMES.contains(candidate)) {
        scheme = candidate;
        pos = skipSlashes(colon + 1);
      } else if (candidate != null && s.startsWith("//", colon + 1)) {
        scheme = candidate;
        pos = colon + 3;
      } else if (candidate != null && candidate.indexOf('.') < 0 && !looksLikePort(colon + 1)) {
        // Not "localhost:8080/"; and "host.name:port" falls through too, to have its port checked.
        return fail(Problem.UNSUPPORTED_SCHEME, "'" + candidate + ":' URLs have no host to check");
      } else if (s.length() >= 2 && isSlash(s.charAt(0)) && isSlash(s.charAt(1))) {
        pos = skipSlashes(0);
      } else if (isSlash(s.charAt(0))) {
        return fail(Problem.MISSING_HOST, "relative URL without a host");
      } else {
        pos = 0;
      }
      special = web || SPECIAL_SCHEMES.contains(scheme);

      // The authority, and its last '@' and ':', in one pass, which also tells whether the authority is a
      // plain host (plainHost: letters, digits, '-', '_' and single dots); the usual char, a lower-case
      // letter, digit, '-' or '_', costs one table load.
      int authorityEnd = pos;
      int lastAt = -1;
      int lastColon = -1;
      boolean plainChars = true;
      boolean upper = false;
      for (; authorityEnd < s.length(); authorityEnd++) {
        char c = s.charAt(authorityEnd);
        if (c < 128 && LOWER_HOST_CHAR[c]) {
          continue;
        }
        if (!cutsDropped && isCut(c)) {
          return START_OVER;
        }
        if (endsAuthority(c)) {
          break;
        }
        if (c == '@') {
          lastAt = authorityEnd;
          plainChars = false;
        } else if (c == ':') {
          lastColon = authorityEnd;
          plainChars = false;
        } else if (c >= 'A' && c <= 'Z') {
          upper = true;
        } else if (c != '.' || (authorityEnd > pos && s.charAt(authorityEnd - 1) == '.')) {
          plainChars = false;
        }
      }
      // With no '@' and no ':' the host is the whole authority: plainHost's answer, but for its ends.
      int hostPlain = !plainChars ? UNKNOWN_PLAIN
          : authorityEnd == pos || s.charAt(pos) == '.' || s.charAt(authorityEnd - 1) == '.' ? NOT_PLAIN
          : upper ? PLAIN_UPPER : PLAIN_LOWER;
      // The input as given, up to the authority's end, in lower-case ASCII: the scheme as kept, slashes and
      // a host of LOWER_HOST_CHARs and dots (no user info or port: no '@' or ':' in a plain host).
      if (hostPlain == PLAIN_LOWER && web && s == input && s.startsWith(scheme)) {
        plainPrefix = authorityEnd;
      }
      int hostStart = lastAt >= 0 ? lastAt + 1 : pos;
      int hostEnd = authorityEnd;
      int port = -1;
      if (hostStart < authorityEnd && s.charAt(hostStart) == '[') {
        int close = s.indexOf(']', hostStart);
        if (close < 0 || close >= authorityEnd) {
          return fail(Problem.INVALID_IPV6, "'[' without a closing ']' in the host");
        }
        hostEnd = close + 1;
        if (hostEnd < authorityEnd && s.charAt(hostEnd) != ':') {
          return fail(Problem.INVALID_IPV6, "text after ']' that is not a port");
        }
      } else {
        hostEnd = lastColon >= hostStart ? lastColon : authorityEnd;
      }
      if (hostEnd < authorityEnd) {
        port = parsePort(hostEnd + 1, authorityEnd);
        if (port == -2) {
          return fail(Problem.INVALID_PORT, "port '" + clip(s.substring(hostEnd + 1, authorityEnd))
              + "' is not a number from 0 to 65535");
        }
        if (port == defaultPort(scheme)) {
          port = -1;
        }
      }

      String host = canonicalHost(hostStart, hostEnd, hostPlain);
      if (host == null) {
        return fail(problem, message);
      }
      int queryMark = s.indexOf('?', authorityEnd);
      int pathEnd = queryMark < 0 ? s.length() : queryMark;
      boolean plainPath = isPlainPath(s, authorityEnd, pathEnd);
      boolean plainQuery = queryMark < 0 || isPlainQuery(s, queryMark + 1, s.length());
      // A plain path or query has no char <= 0x20 and no '#'; any other may hold one.
      if ((!plainPath || !plainQuery) && !cutsDropped && hasCut(s)) {
        return START_OVER;
      }
      // A plain path and query are read where they stand in s: no string of their own.
      String path = plainPath ? s : canonicalPath(authorityEnd, pathEnd);
      int pathFrom = plainPath ? authorityEnd : 0;
      int pathTo = plainPath ? pathEnd : path.length();
      String query = queryMark < 0 ? null : plainQuery ? s : canonicalQuery(queryMark + 1, s.length());
      int queryFrom = queryMark < 0 || !plainQuery ? 0 : queryMark + 1;
      int queryTo = queryMark < 0 ? 0 : plainQuery ? s.length() : query.length();
      out.set(scheme, host, port, path, pathFrom, pathTo, query, queryFrom, queryTo, plainPrefix);
      return DONE;
    }

    /**
     * A failure written to the view, or {@link #START_OVER} when the URL holds a char {@link #isCut} names
     * (it may be the cause).
     */
    private int fail(Problem p, String m) {
      if (!cutsDropped && hasCut(s)) {
        return START_OVER;
      }
      out.fail(p, m);
      return DONE;
    }

    /** Whether {@code t} holds a char that {@link #isCut} names. */
    private static boolean hasCut(String t) {
      for (int i = 0; i < t.length(); i++) {
        if (isCut(t.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    /** {@code t} up to its first {@code #}, without tab, CR and LF. */
    private static String withoutCuts(String t) {
      StringBuilder out = new StringBuilder(t.length());
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c == '#') {
          break;
        }
        if (c != '\t' && c != '\r' && c != '\n') {
          out.append(c);
        }
      }
      return out.toString();
    }

    /** The input without its outer chars {@code <= 0x20}; {@code null} if blank. */
    private static String trimmed(String in) {
      int from = 0;
      int to = in.length();
      while (from < to && in.charAt(from) <= ' ') {
        from++;
      }
      while (to > from && in.charAt(to - 1) <= ' ') {
        to--;
      }
      if (from == to) {
        return null;
      }
      return from == 0 && to == in.length() ? in : in.substring(from, to);
    }

    /** Whether {@code c} ends the URL ({@code #}) or is removed from it (tab, CR, LF). */
    private static boolean isCut(char c) {
      return c <= '#' && (c == '#' || c == '\t' || c == '\r' || c == '\n');
    }

    /** The index of the ':' that ends a syntactically valid scheme at the start of {@code s}, or -1. */
    private static int schemeColon(String s) {
      if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
        return -1;
      }
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == ':') {
          return i;
        }
        if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
          return -1;
        }
      }
      return -1;
    }

    /** Whether {@code s} from {@code i} is digits then the end of the authority: {@code host:8080/}. */
    private boolean looksLikePort(int i) {
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      return i == s.length() || s.charAt(i) == '/' || s.charAt(i) == '\\' || s.charAt(i) == '?';
    }

    private int skipSlashes(int i) {
      while (i < s.length() && isSlash(s.charAt(i))) {
        i++;
      }
      return i;
    }

    private boolean endsAuthority(char c) {
      return c == '/' || c == '?' || (c == '\\' && special);
    }

    /** The port in {@code s[from, to)}: -1 when empty, -2 when invalid. */
    private int parsePort(int from, int to) {
      if (from == to) {
        return -1;
      }
      int value = 0;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return -2;
        }
        value = value * 10 + (c - '0');
        if (value > 65535) {
          return -2;
        }
      }
      return value;
    }

    /** The canonical host of {@code s[from, to)}; {@code plain}: its {@link #plainHost}, or {@link #UNKNOWN_PLAIN}. */
    private String canonicalHost(int from, int to, int plain) {
      if (plain == UNKNOWN_PLAIN) {
        plain = plainHost(s, from, to);
      }
      if (plain != NOT_PLAIN) {
        // Nothing to unescape, collapse, convert or escape: only the case and the IPv4 forms remain.
        String host = plain == PLAIN_LOWER ? s.substring(from, to) : lowerAscii(s.substring(from, to));
        String ipv4 = IpAddresses.ipv4ToDottedDecimal(host);
        return ipv4 != null ? ipv4 : host;
      }
      byte[] bytes = PercentCodec.utf8(s, from, to);
      String host = PercentCodec.decodeUtf8OrNull(bytes, PercentCodec.unescapeFully(bytes, bytes.length));
      if (host == null) {
        return hostFailure(Problem.BROKEN_ESCAPE, "percent escapes in the host are not UTF-8");
      }
      // Dots go first: "..[::1]" would otherwise be escaped to "%5B%3A%3A1%5D", which reads as [::1] next time.
      host = collapseDots(host);
      if (host.length() >= 2 && host.startsWith("[") && host.endsWith("]")) {
        String v6 = IpAddresses.canonicalIpv6OrNull(host.substring(1, host.length() - 1));
        return v6 != null ? v6 : hostFailure(Problem.INVALID_IPV6, "'" + clip(host) + "' is not an IPv6 address");
      }
      for (int round = 0; ; round++) {
        host = collapseDots(host);
        if (isAscii(host)) {
          break;
        }
        host = toPunycode(host);
        if (host == null) {
          return null;
        }
        if (!PercentCodec.hasEscape(host)) {
          continue;
        }
        if (round == MAX_HOST_ROUNDS) {
          return hostFailure(Problem.INVALID_IDN, "host keeps producing escapes");
        }
        bytes = PercentCodec.utf8(host, 0, host.length());
        host = PercentCodec.decodeUtf8OrNull(bytes, PercentCodec.unescapeFully(bytes, bytes.length));
        if (host == null) {
          return hostFailure(Problem.BROKEN_ESCAPE, "percent escapes in the host are not UTF-8");
        }
      }
      host = lowerAscii(host);
      if (host.isEmpty()) {
        return hostFailure(Problem.MISSING_HOST, "the URL has no host");
      }
      String ipv4 = IpAddresses.ipv4ToDottedDecimal(host);
      if (ipv4 != null) {
        return ipv4;
      }
      byte[] ascii = PercentCodec.utf8(host, 0, host.length());
      StringBuilder out = new StringBuilder(host.length() + 8);
      PercentCodec.escape(ascii, ascii.length, ESCAPE_IN_HOST, out);
      return out.toString();
    }

    /** Punycode for each non-ASCII label, or {@code null} with the problem recorded. */
    private String toPunycode(String host) {
      StringBuilder out = new StringBuilder(host.length() + 16);
      int start = 0;
      for (int i = 0; i <= host.length(); i++) {
        if (i < host.length() && host.charAt(i) != '.') {
          continue;
        }
        String label = host.substring(start, i);
        if (isAscii(label)) {
          out.append(label);
        } else {
          try {
            out.append(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED));
          } catch (IllegalArgumentException e) {
            return hostFailure(Problem.INVALID_IDN,
                "host label '" + clip(label) + "' is not a valid IDN: " + e.getMessage());
          }
        }
        if (i < host.length()) {
          out.append('.');
        }
        start = i + 1;
      }
      return out.toString();
    }

    private String hostFailure(Problem p, String m) {
      problem = p;
      message = m;
      return null;
    }

    /** The full steps for a path that {@link #isPlainPath} does not keep as it is. */
    private String canonicalPath(int from, int to) {
      byte[] bytes = PercentCodec.utf8(s, from, to);
      if (special) {
        for (int i = 0; i < bytes.length; i++) {
          if (bytes[i] == '\\') {
            bytes[i] = '/';
          }
        }
      }
      int n = PercentCodec.unescapeFully(bytes, bytes.length);
      byte[] out = new byte[n + 2];
      int length = resolveDotsAndSlashes(bytes, n, out);
      StringBuilder escaped = new StringBuilder(length + 16);
      PercentCodec.escape(out, length, special ? ESCAPE_IN_SPECIAL_PATH : ESCAPE_IN_PATH, escaped);
      return escaped.toString();
    }

    /** The full steps for a query that {@link #isPlainQuery} does not keep as it is. */
    private String canonicalQuery(int from, int to) {
      byte[] bytes = PercentCodec.utf8(s, from, to);
      int n = PercentCodec.unescapeFully(bytes, bytes.length);
      StringBuilder escaped = new StringBuilder(n + 16);
      PercentCodec.escape(bytes, n, ESCAPE_IN_QUERY, escaped);
      return escaped.toString();
    }
  }

  /**
   * Writes the path {@code in[0, n)} to {@code out} with {@code .} and {@code ..} segments resolved and
   * empty segments (runs of {@code /}) dropped; returns the length written. The result starts with
   * {@code /}, and ends with one when the input ended in {@code /}, {@code /.} or {@code /..}.
   */
  static int resolveDotsAndSlashes(byte[] in, int n, byte[] out) {
    int length = 0;
    out[length++] = '/';
    boolean directory = true;
    int i = 0;
    while (i < n) {
      while (i < n && in[i] == '/') {
        i++;
      }
      if (i == n) {
        directory = true;
        break;
      }
      int start = i;
      while (i < n && in[i] != '/') {
        i++;
      }
      int segment = i - start;
      if (segment == 1 && in[start] == '.') {
        directory = true;
      } else if (segment == 2 && in[start] == '.' && in[start + 1] == '.') {
        if (length > 1) {
          length--;
          while (out[length - 1] != '/') {
            length--;
          }
        }
        directory = true;
      } else {
        System.arraycopy(in, start, out, length, segment);
        length += segment;
        out[length++] = '/';
        directory = false;
      }
    }
    if (!directory && length > 1) {
      length--;
    }
    return length;
  }

  /**
   * What each ASCII char is to {@link #isPlainPath} in a special path: {@link #NOT_PLAIN_CHAR} (to
   * unescape or escape), {@link #PLAIN_CHAR}, or {@link #PLAIN_AFTER_NON_SLASH} ({@code /} and {@code .},
   * plain but not after a {@code /}); and to {@link #isPlainQuery} in a query.
   */
  private static final byte[] PATH_CHAR = plainChars(ESCAPE_IN_SPECIAL_PATH, "/.");
  private static final byte[] QUERY_CHAR = plainChars(ESCAPE_IN_QUERY, "");
  private static final byte NOT_PLAIN_CHAR = 0;
  private static final byte PLAIN_CHAR = 1;
  private static final byte PLAIN_AFTER_NON_SLASH = 2;

  private static byte[] plainChars(String escaped, String notAfterSlash) {
    byte[] kinds = new byte[128];
    for (int c = 0; c < 128; c++) {
      boolean plain = c > 0x20 && c < 0x7F && c != '%' && escaped.indexOf(c) < 0;
      kinds[c] = !plain ? NOT_PLAIN_CHAR : notAfterSlash.indexOf(c) >= 0 ? PLAIN_AFTER_NON_SLASH : PLAIN_CHAR;
    }
    return kinds;
  }

  /** Whether the query {@code s[from, to)} is printable ASCII without {@code %} or {@code #}: nothing to unescape or escape. */
  static boolean isPlainQuery(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 128 || QUERY_CHAR[c] == NOT_PLAIN_CHAR) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the path {@code s[from, to)} is already canonical: starts with {@code /}, printable ASCII
   * with nothing to unescape or escape ({@code %}, {@code #}, {@code ?}, {@code \}), no empty segment
   * ({@code //}) and no segment starting with a dot ({@code /./}, {@code /../}; {@code /.well-known} takes
   * the full path too). One pass over the chars, one table load for the usual char.
   */
  static boolean isPlainPath(String s, int from, int to) {
    if (from >= to || s.charAt(from) != '/') {
      return false;
    }
    char previous = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      byte kind = c < 128 ? PATH_CHAR[c] : NOT_PLAIN_CHAR;
      if (kind != PLAIN_CHAR && (kind == NOT_PLAIN_CHAR || previous == '/')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** What {@link #plainHost} answers. */
  static final int NOT_PLAIN = 0;
  static final int PLAIN_LOWER = 1;
  static final int PLAIN_UPPER = 2;
  /** Not one of {@link #plainHost}'s answers: not known yet. */
  static final int UNKNOWN_PLAIN = -1;

  /**
   * Whether {@code s[from, to)} is a non-empty host of ASCII letters, digits, {@code -}, {@code _} and
   * single inner dots, which the full host steps would only lower-case: {@link #NOT_PLAIN}, else
   * {@link #PLAIN_UPPER} when it holds an upper-case letter and {@link #PLAIN_LOWER} when not.
   */
  static int plainHost(String s, int from, int to) {
    if (from >= to || s.charAt(from) == '.' || s.charAt(to - 1) == '.') {
      return NOT_PLAIN;
    }
    boolean upper = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || (c == '.' && s.charAt(i - 1) != '.')) {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        upper = true;
        continue;
      }
      return NOT_PLAIN;
    }
    return upper ? PLAIN_UPPER : PLAIN_LOWER;
  }

  /** The chars of a plain host that need no step at all: {@code a-z}, {@code 0-9}, {@code -} and {@code _}. */
  private static final boolean[] LOWER_HOST_CHAR = new boolean[128];

  static {
    for (char c : "abcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
      LOWER_HOST_CHAR[c] = true;
    }
  }

  private static String collapseDots(String host) {
    StringBuilder out = new StringBuilder(host.length());
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean dot = c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61';
      if (!dot) {
        out.append(c);
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '.') {
        out.append('.');
      }
    }
    if (out.length() > 0 && out.charAt(out.length() - 1) == '.') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  private static String lowerAscii(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = new StringBuilder(s);
        }
        out.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * The index of the ':' after {@code http} or {@code https} in any case at the start of {@code s} (4 or
   * 5: what {@link Parse#schemeColon} answers for them), or -1.
   */
  private static int httpColon(String s) {
    if (s.length() < 5 || !startsWithHttp(s)) {
      return -1;
    }
    char c = s.charAt(4);
    return c == ':' ? 4 : (c | 0x20) == 's' && s.length() > 5 && s.charAt(5) == ':' ? 5 : -1;
  }

  /** Whether {@code s} starts with {@code http} in any case. */
  private static boolean startsWithHttp(String s) {
    return (s.charAt(0) | 0x20) == 'h' && (s.charAt(1) | 0x20) == 't' && (s.charAt(2) | 0x20) == 't'
        && (s.charAt(3) | 0x20) == 'p';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }

  private static int defaultPort(String scheme) {
    switch (scheme) {
      case "http":
      case "ws":
        return 80;
      case "https":
      case "wss":
        return 443;
      case "ftp":
        return 21;
      default:
        return -1;
    }
  }

  /** At most 64 chars of user input for a message, control characters shown as {@code \xHH}. */
  private static String clip(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < s.length() && out.length() < 64; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
      } else {
        out.append(c);
      }
    }
    return i == s.length() ? out.toString() : out.append("...").toString();
  }
}
