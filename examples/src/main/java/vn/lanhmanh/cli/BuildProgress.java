package vn.lanhmanh.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import vn.lanhmanh.url.index.ListEntry;

/**
 * The progress display of {@code index build}: a sink in front of the index writer that counts the
 * entries handed to it and, when enabled, shows on standard error how many so far, the rate and the
 * list being read. On a terminal the line is rewritten in place at most four times a second; elsewhere
 * ({@code --progress} into a file or pipe) one line is written at most once a second. The clock is read
 * once every {@value #CLOCK_EVERY} entries, so the display costs nothing next to the index.
 *
 * <p>Not thread-safe: the importers call it from one thread.
 */
final class BuildProgress implements Consumer<ListEntry> {

  private static final long TERMINAL_INTERVAL_NANOS = 250_000_000L;
  private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;
  private static final int CLOCK_EVERY = 256;

  private final Consumer<ListEntry> sink;
  private final PrintWriter err;
  private final boolean terminal;
  private final long interval;
  private final long start = System.nanoTime();
  private long entries;
  private long nextShow;
  private int shownWidth;

  /**
   * @param sink where entries go
   * @param err where progress goes, or {@code null} for no display
   * @param terminal whether {@code err} is a terminal (a line rewritten in place)
   */
  BuildProgress(Consumer<ListEntry> sink, PrintWriter err, boolean terminal) {
    this.sink = sink;
    this.err = err;
    this.terminal = terminal;
    this.interval = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    this.nextShow = start + interval;
  }

  @Override
  public void accept(ListEntry entry) {
    sink.accept(entry);
    entries++;
    if (err != null && entries % CLOCK_EVERY == 0) {
      long now = System.nanoTime();
      if (now - nextShow >= 0) {
        nextShow = now + interval;
        show(entry.source(), now);
      }
    }
  }

  /** Shows what the build is doing now (e.g. merging), whatever the time since the last display. */
  void phase(String what) {
    if (err != null) {
      show(what, System.nanoTime());
    }
  }

  /** Clears the line on a terminal, so the summary starts on a clean line. */
  void finish() {
    if (err != null && terminal && shownWidth > 0) {
      err.print('\r' + " ".repeat(shownWidth) + '\r');
      err.flush();
      shownWidth = 0;
    }
  }

  /** Entries handed to the sink so far. */
  long entries() {
    return entries;
  }

  /** Seconds since this display was made. */
  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Entries per second since this display was made. */
  static long rate(long entries, double seconds) {
    return seconds <= 0 ? 0 : Math.round(entries / seconds);
  }

  private void show(String what, long now) {
    double seconds = (now - start) / 1e9;
    String line = String.format(Locale.ROOT, "%,d entries  %,d/s  %.0f s  %s", entries, rate(entries, seconds),
        seconds, what);
    if (terminal) {
      int pad = Math.max(0, shownWidth - line.length());
      err.print("\r" + line + " ".repeat(pad));
      shownWidth = line.length();
    } else {
      err.println(line);
    }
    err.flush();
  }
}
