package vn.lanhmanh.url;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link UrlCanonicalizer#canonicalize(String)} gives back: either a {@link CanonicalUrl}, or a
 * {@link Problem} with a message that names it. Exactly one of {@code url} and {@code problem} is set.
 *
 * <pre>{@code
 * CanonicalizationResult r = UrlCanonicalizer.canonicalize(input);
 * if (r.isOk()) {
 *   lookUp(r.url());
 * } else {
 *   log(r.problem() + ": " + r.message());   // e.g. UNSUPPORTED_SCHEME: 'javascript:' URLs have no host
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the canonical URL, or {@code null} on failure
 * @param problem what went wrong, or {@code null} on success
 * @param message a short human-readable explanation, or {@code null} on success
 */
public record CanonicalizationResult(CanonicalUrl url, Problem problem, String message) {

  /** Why an input has no canonical form. */
  public enum Problem {
    /** The input was {@code null}. */
    NULL_INPUT,
    /** The input was empty or only white space. */
    EMPTY,
    /** The input is longer than {@link UrlCanonicalizer#MAX_INPUT_LENGTH} chars. */
    TOO_LONG,
    /** A scheme without a host: {@code javascript:}, {@code data:}, {@code mailto:}, {@code urn:} ... */
    UNSUPPORTED_SCHEME,
    /** No host: a relative URL such as {@code /blah}, or {@code http://}. */
    MISSING_HOST,
    /** The port is not a number from 0 to 65535. */
    INVALID_PORT,
    /** A {@code [} host that is not an IPv6 address, or has no closing {@code ]}. */
    INVALID_IPV6,
    /** A non-ASCII host that IDNA (java.net.IDN) rejects. */
    INVALID_IDN,
    /** Percent escapes in the host decode to bytes that are not UTF-8. */
    BROKEN_ESCAPE,
    /** A bug; reported instead of thrown so that a caller can fail closed. */
    INTERNAL_ERROR
  }

  /** Checks that exactly one of {@code url} and {@code problem} is set. */
  public CanonicalizationResult {
    if ((url == null) == (problem == null)) {
      throw new IllegalArgumentException("exactly one of url and problem must be set");
    }
    if (problem != null) {
      Objects.requireNonNull(message, "message");
    } else if (message != null) {
      throw new IllegalArgumentException("a successful result has no message");
    }
  }

  static CanonicalizationResult ok(CanonicalUrl url) {
    return new CanonicalizationResult(Objects.requireNonNull(url, "url"), null, null);
  }

  static CanonicalizationResult failure(Problem problem, String message) {
    return new CanonicalizationResult(null, Objects.requireNonNull(problem, "problem"), message);
  }

  /** Whether there is a canonical URL. */
  public boolean isOk() {
    return url != null;
  }

  /** The canonical URL, if there is one. */
  public Optional<CanonicalUrl> toOptional() {
    return Optional.ofNullable(url);
  }

  /** The canonical URL, or {@code PROBLEM: message}. */
  @Override
  public String toString() {
    return url != null ? url.toString() : problem + ": " + message;
  }
}
