package vn.lanhmanh.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * The {@code batch} loop: one JSON line out for every line in, in order, whatever the line holds.
 *
 * <p>Output is flushed whenever no more input is waiting, so a caller that writes one line and waits
 * for its answer gets it at once, while a file piped in is answered in larger writes. A closed output
 * (a reader that went away) stops the run with an {@link IOException}. Not thread-safe.
 */
final class BatchRunner {

  /** Output is flushed at least every this many lines, which also notices a closed output early. */
  static final int FLUSH_EVERY = 256;


  private final ContentFilter filter;
  private final int defaultAge;
  private final boolean outgoing;
  private final Map<Category, Double> thresholds;
  private final BatchLineParser parser = new BatchLineParser();
  private final Policy[] policies = new Policy[BatchLineParser.MAX_AGE + 1];

  /**
   * @param filter the filter to check texts with
   * @param defaultAge the viewer's age for lines without an {@code "age"}
   */
  BatchRunner(ContentFilter filter, int defaultAge) {
    this(filter, defaultAge, false, Map.of());
  }

  /**
   * @param outgoing the texts were written by the child ({@link Policy#outgoing()}): personal information
   *     in them is looked for
   * @param thresholds per-category score thresholds ({@link Policy#threshold}) for every line
   */
  BatchRunner(ContentFilter filter, int defaultAge, boolean outgoing, Map<Category, Double> thresholds) {
    this.filter = filter;
    this.defaultAge = defaultAge;
    this.outgoing = outgoing;
    this.thresholds = thresholds;
  }

  /**
   * Answers every line of {@code in} on {@code out} until the end of the input.
   *
   * @return the number of lines answered
   * @throws IOException if the input cannot be read or the output cannot be written
   */
  long run(BufferedReader in, PrintWriter out) throws IOException {
    JsonOutput json = new JsonOutput(out);
    return eachLine(in, out, line -> answer(line, json));
  }

  /** Answers one line of input. */
  interface LineAnswer {
    void answer(String line) throws IOException;
  }

  /**
   * The loop of the JSON-lines commands: every line of {@code in} (a leading byte-order mark dropped)
   * is given to {@code answer}, whose output on {@code out} is flushed as described in the class comment.
   *
   * @return the number of lines answered
   * @throws IOException if the input cannot be read or the output cannot be written
   */
  static long eachLine(BufferedReader in, PrintWriter out, LineAnswer answer) throws IOException {
    long lines = 0;
    String line;
    while ((line = in.readLine()) != null) {
      if (lines == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);   // a byte-order mark, as some Windows tools write
      }
      answer.answer(line);
      lines++;
      if (lines % FLUSH_EVERY == 0 || !waiting(in)) {
        flush(out);
      }
    }
    flush(out);
    return lines;
  }

  /** Writes the answer to one line. */
  void answer(String line, JsonOutput json) throws IOException {
    BatchRequest r = parser.parse(line);
    if (r.failed()) {
      json.error(r.id(), r.error());
    } else {
      Verdict v;
      try {
        Policy p = policy(r.age() < 0 ? defaultAge : r.age());
        v = r.url() != null ? filter.checkUrl(r.url(), p) : filter.checkText(r.text(), p);
      } catch (RuntimeException e) {
        // fail closed: an error line, never a made-up ALLOW
        json.error(r.id(), "internal error: " + Main.describe(e));
        return;
      }
      if (!v.errors().isEmpty() && v.findings().isEmpty()) {
        // A URL that cannot be parsed is a bad line of the contract: an error object, and the run goes on.
        json.error(r.id(), String.join("; ", v.errors()));
        return;
      }
      json.verdict(r.id(), v);
    }
  }

  private Policy policy(int age) {
    Policy p = policies[age];
    if (p == null) {
      p = Thresholds.apply(outgoing ? Policy.forAge(age).outgoing() : Policy.forAge(age), thresholds);
      policies[age] = p;
    }
    return p;
  }

  private static boolean waiting(BufferedReader in) {
    try {
      return in.ready();
    } catch (IOException e) {
      return false;
    }
  }

  private static void flush(PrintWriter out) throws IOException {
    if (out.checkError()) {   // flushes, and reports any earlier write failure
      throw new IOException("cannot write to standard output");
    }
  }
}
