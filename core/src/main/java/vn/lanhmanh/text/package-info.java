/**
 * The Vietnamese normaliser (syllables, exact and diacritic-free views, teencode, leetspeak, split letters, Telex and VNI keys left in, syllables run together) and the Lucene analyzer built on it.
 *
 * <p><b>Internal, not API:</b> public only so the library's own packages, the command-line tool and the
 * benchmarks can reach it. It may change in any release without notice; applications use
 * {@link vn.lanhmanh.ContentFilter} and the other types of the package {@code vn.lanhmanh}.
 */
package vn.lanhmanh.text;
