package vn.lanhmanh;

/**
 * The default filter, {@code ContentFilter.builder().build()}, built once for every test of a run that only
 * checks text, URLs or conversations with it. A test that closes, reloads or configures a filter builds its
 * own. Building the default filter costs its lexicon load, so sharing it keeps the suite short; the filter is
 * immutable and thread-safe, and conversations keep their own state.
 */
public final class DefaultFilter {

  private DefaultFilter() {}

  private static final class Holder {
    static final ContentFilter FILTER = ContentFilter.builder().build();
  }

  /** The shared default filter; never close it. */
  public static ContentFilter shared() {
    return Holder.FILTER;
  }

  /** The default filter's compiled lexicon (the embedded precompiled one, shared), for tests of the matcher. */
  public static vn.lanhmanh.match.CompiledLexicon lexicon() {
    return LexiconCompiler.load(true, java.util.List.of(), null, true).lexicon();
  }
}
