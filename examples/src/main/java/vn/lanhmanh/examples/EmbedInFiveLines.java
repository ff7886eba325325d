package vn.lanhmanh.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * Embedding LànhMạnh in a plain Java application: build one filter, check a text for a 10-year-old,
 * act on the verdict.
 *
 * <pre>{@code
 * java -cp examples/target/lanhmanh.jar vn.lanhmanh.examples.EmbedInFiveLines "đm thằng ngu"
 * }</pre>
 *
 * prints
 *
 * <pre>
 * action: BLOCK
 * profanity [0,8) "đm thằng"
 * harassment [3,12) "thằng ngu"
 * </pre>
 */
public final class EmbedInFiveLines {

  private EmbedInFiveLines() {}

  public static void main(String[] args) {
    String text = args.length == 0 ? "đm thằng ngu" : String.join(" ", args);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    // The five lines: build once and share (immutable, thread-safe), check, print.
    try (ContentFilter filter = ContentFilter.builder().build()) {
      Verdict v = filter.checkText(text, Policy.forAge(10));
      out.println("action: " + v.action());
      for (Finding f : v.findings()) {
        out.println(f.category().jsonName() + " [" + f.start() + "," + f.end() + ") \"" + f.match() + "\"");
      }
    }
  }
}
