package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.url.index.UrlListIndex;

/**
 * The URL list index as the service shows it ({@code GET /v1/index}, {@code /metrics}) and refreshes it
 * ({@code POST /v1/index/refresh}, {@code --watch}).
 *
 * <p>The filter keeps its own reader of the folder ({@code Builder.urlIndex}) and shows no counts, so this
 * view opens a second, read-only reader of the same memory-mapped files for the generation, counts and
 * refused generations. {@link #refresh()} moves the filter first, then the view, under one lock, so the
 * view never shows a generation the filter has not reached. A damaged or half-written generation is
 * refused by both and listed in {@link #refused()}; the previous one stays in service.
 *
 * <p>Thread-safe.
 */
final class IndexView implements AutoCloseable {

  private final ContentFilter filter;
  private final UrlListIndex view;

  private IndexView(ContentFilter filter, UrlListIndex view) {
    this.filter = filter;
    this.view = view;
  }

  /**
   * Opens the view of the index the filter was built with ({@code ContentFilter.Builder.urlIndex(dir)}).
   *
   * @throws IOException if the folder cannot be read
   */
  static IndexView open(ContentFilter filter, Path dir) throws IOException {
    return new IndexView(filter, UrlListIndex.open(dir));
  }

  /** Moves the filter and then the view to the newest complete generation; whether the filter moved. */
  synchronized boolean refresh() {
    boolean moved = filter.refreshUrlIndex();
    try {
      view.refresh();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the index view", e);
    }
    return moved;
  }

  /** The generation in service (the {@code generation-N} folder's N). */
  int generation() {
    return view.diskGeneration();
  }

  int entries() {
    return view.size();
  }

  Map<String, Long> categories() {
    return view.categoryCounts();
  }

  Map<String, Long> sources() {
    return view.sourceCounts();
  }

  /** Newer generations refused, with why. */
  Map<Integer, String> refused() {
    return view.refusedGenerations();
  }

  @Override
  public void close() throws IOException {
    view.close();
  }
}
