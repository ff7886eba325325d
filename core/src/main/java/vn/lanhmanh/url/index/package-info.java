/**
 * URL lists at millions of entries: a versioned Lucene index ({@link vn.lanhmanh.url.index.UrlListIndex},
 * written by {@link vn.lanhmanh.url.index.UrlListWriter}) with a Bloom filter in front, and streaming
 * importers for UT1 folders, hosts files, plain domain lists and Adblock-style rules
 * ({@link vn.lanhmanh.url.index.ListImporter}, {@link vn.lanhmanh.url.index.Ut1Importer}). Internal: not
 * part of the library's public API, which is {@code ContentFilter.checkUrl}.
 *
 * <pre>{@code
 * try (UrlListWriter w = UrlListWriter.create(dir)) {
 *   Ut1Importer.importTree(ut1, w::add);
 *   ListImporter.importFile(hosts, ListFormat.HOSTS, "gambling", "sinfonietta/gambling-hosts", w::add);
 *   w.commit(true);
 * }
 * try (UrlListIndex lists = UrlListIndex.open(dir)) {
 *   lists.lookup(UrlCanonicalizer.canonicalize("https://www.1xbet.com/vi/").url());
 * }
 * }</pre>
 *
 * <p>Index readers and the importers are thread-safe; writers are not.
 */
package vn.lanhmanh.url.index;
