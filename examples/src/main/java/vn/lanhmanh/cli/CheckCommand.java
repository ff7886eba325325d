package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * {@code lanhmanh check --age N TEXT...}: checks one text and prints the verdict for a person to read,
 * or as the batch JSON line with {@code --json}. {@code -} reads the text from stdin.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Checks a text for a viewer of the given age and prints the verdict.")
final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @Spec
  private CommandSpec spec;

  @Option(names = "--age", required = true, paramLabel = "N", description = "Age of the viewer, 0 to 150.")
  private int age;

  @Option(names = "--outgoing", description = "The child wrote the text (a message, a post): look for personal "
      + "information in it. Without it the text is one the child reads, where it is not reported.")
  private boolean outgoing;

  @Option(names = "--threshold", paramLabel = "CATEGORY=SCORE", description = Thresholds.DESCRIPTION)
  private List<String> thresholds;

  @Option(names = "--json", description = "Print the verdict as a batch JSON line.")
  private boolean json;

  @Parameters(arity = "1..*", paramLabel = "TEXT",
      description = "The text (words are joined by spaces), or - to read it from stdin.")
  private List<String> words;

  @Override
  public Integer call() throws IOException {
    checkAge(spec, age);
    Map<Category, Double> scoreThresholds = Thresholds.parse(spec, thresholds);
    boolean url = words.size() == 1 && looksLikeUrl(words.get(0));
    String text = words.size() == 1 && words.get(0).equals("-") ? readStdin() : String.join(" ", words);
    PrintWriter out = spec.commandLine().getOut();
    try (ContentFilter filter = main.openFilter(spec)) {
      Policy policy = Thresholds.apply(outgoing ? Policy.forAge(age).outgoing() : Policy.forAge(age),
          scoreThresholds);
      Verdict v = url ? filter.checkUrl(text, policy) : filter.checkText(text, policy);
      if (json) {
        new JsonOutput(out).verdict(JsonId.NULL, v);
      } else {
        VerdictText.write(text, v, out);
      }
    }
    out.flush();
    return 0;
  }

  /** Standard input as UTF-8, without a byte-order mark or one final line break. */
  private String readStdin() throws IOException {
    String s = new String(main.in().readAllBytes(), StandardCharsets.UTF_8);
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * True for an argument that is meant as a URL: {@code scheme://…} or {@code www.…} with no spaces. Bare
   * {@code a.b} words are texts, since split letters such as {@code d.m} are an obfuscation to catch.
   */
  static boolean looksLikeUrl(String arg) {
    for (int i = 0; i < arg.length(); i++) {
      if (Character.isWhitespace(arg.charAt(i))) {
        return false;
      }
    }
    String s = arg.toLowerCase(Locale.ROOT);
    if (s.startsWith("www.") && s.length() > 4) {
      return true;
    }
    int sep = s.indexOf("://");
    if (sep <= 0) {
      return false;
    }
    for (int i = 0; i < sep; i++) {
      char c = s.charAt(i);
      boolean schemeChar = (c >= 'a' && c <= 'z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-'
          || c == '.'));
      if (!schemeChar) {
        return false;
      }
    }
    return sep + 3 < s.length();
  }

  /** A usage error unless {@code age} is a viewer's age. */
  static void checkAge(CommandSpec spec, int age) {
    if (age < 0 || age > BatchLineParser.MAX_AGE) {
      throw new ParameterException(spec.commandLine(),
          "--age must be from 0 to " + BatchLineParser.MAX_AGE + ", was " + age);
    }
  }
}
