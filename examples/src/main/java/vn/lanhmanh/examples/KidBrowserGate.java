package vn.lanhmanh.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import vn.lanhmanh.Action;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * The URL gate of a kids' browser or launcher: before a page opens, ask the filter. A page opens only when
 * the verdict is ALLOW (a strict gate: a WARN is blocked too); a search-engine URL is opened as its
 * safe-search rewrite ({@code safe=active}, {@code safeSearch=strict} …) instead of as typed.
 *
 * <pre>{@code
 * java -cp examples/target/lanhmanh.jar vn.lanhmanh.examples.KidBrowserGate [--age N] [URLS.txt]
 * }</pre>
 *
 * <p>Reads one URL a line from the file, or from standard input when there is none (blank lines and
 * {@code #} comments are skipped), for a child of {@code --age} (default 10), and prints one line per URL:
 *
 * <pre>
 * ALLOW  https://vi.wikipedia.org/wiki/Hà_Nội
 * ALLOW  https://www.google.com/search?q=phim+hoạt+hình  open instead: https://www.google.com/search?q=phim+hoạt+hình&amp;safe=active
 * BLOCK  https://www.pornhub.com/  (sexual)
 * </pre>
 *
 * A URL that cannot be parsed is blocked with the problem; help (hotline 111) is printed under a verdict
 * that carries it.
 */
public final class KidBrowserGate {

  private KidBrowserGate() {}

  public static void main(String[] args) throws IOException {
    int age = 10;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--age") && i + 1 < args.length) {
        age = Integer.parseInt(args[++i]);
      } else {
        file = Path.of(args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Policy child = Policy.forAge(age);
    try (ContentFilter filter = ContentFilter.builder().build();
        BufferedReader in = file == null
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String url = line.strip();
        if (url.isEmpty() || url.startsWith("#")) {
          continue;
        }
        out.println(gate(filter.checkUrl(url, child), url));
      }
    }
  }

  /** One line: the gate's decision, the URL, and what to open instead or why it is blocked. */
  static String gate(Verdict v, String url) {
    StringBuilder line = new StringBuilder();
    if (v.action() == Action.ALLOW) {
      line.append("ALLOW  ").append(url);
      v.safeUrl().ifPresent(safe -> line.append("  open instead: ").append(safe));
    } else {
      line.append("BLOCK  ").append(url).append("  (");
      if (!v.errors().isEmpty()) {
        line.append(String.join("; ", v.errors()));
      } else {
        line.append(v.categories().stream().map(c -> c.jsonName()).collect(Collectors.joining(", ")));
      }
      line.append(')');
    }
    v.help().ifPresent(h -> line.append("\n       help: ").append(h.vi()));
    return line.toString();
  }
}
