/**
 * URL canonicalisation and lookup expressions, as Google Safe Browsing specifies them. Internal: not part
 * of the library's public API, which is {@code ContentFilter.checkUrl}.
 *
 * <p>{@link vn.lanhmanh.url.UrlCanonicalizer#canonicalize(String)} gives a
 * {@link vn.lanhmanh.url.CanonicalUrl} (or a {@link vn.lanhmanh.url.CanonicalizationResult.Problem});
 * {@link vn.lanhmanh.url.LookupExpressions} turns it into the host-suffix / path-prefix strings under
 * which list entries are stored.
 *
 * <pre>{@code
 * CanonicalizationResult r = UrlCanonicalizer.canonicalize("https://user@VNExpress.net:443/a/../b");
 * r.url().toString();            // "https://vnexpress.net/b"
 * r.url().lookupExpressions();   // [vnexpress.net/b, vnexpress.net/]
 * }</pre>
 *
 * <p>Everything here is immutable or stateless, and thread-safe, but {@link vn.lanhmanh.url.UrlView}: a
 * check's view of its canonical URL, one per thread, valid until the thread's next check.
 */
package vn.lanhmanh.url;
