package vn.lanhmanh.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;

/**
 * {@code lanhmanh batch --age N}: JSON lines in on stdin, one JSON verdict line out per line, in order.
 * See {@link JsonOutput} for the output and {@link BatchLineParser} for the input.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
        "Checks JSON lines from stdin and writes one JSON line per input line, in order.",
        "Input: {\"id\": …, \"text\": …} or {\"id\": …, \"url\": …}, with an optional \"age\".",
        "Output: {\"id\", \"action\", \"rating\", \"categories\", \"findings\", \"redacted\", \"safeUrl\", "
            + "\"help\"}, or {\"id\", \"error\"} for a line that cannot be checked; the run goes on.",
        "Input and output are UTF-8."})
final class BatchCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @Spec
  private CommandSpec spec;

  @Option(names = "--age", required = true, paramLabel = "N",
      description = "Age of the viewer, 0 to 150, for lines without an \"age\".")
  private int age;

  @Option(names = "--outgoing", description = "The child wrote the texts (messages, posts): look for personal "
      + "information in them. Without it they are texts the child reads, where it is not reported.")
  private boolean outgoing;

  @Option(names = "--threshold", paramLabel = "CATEGORY=SCORE", description = Thresholds.DESCRIPTION)
  private List<String> thresholds;

  @Override
  public Integer call() throws Exception {
    CheckCommand.checkAge(spec, age);
    Map<Category, Double> scoreThresholds = Thresholds.parse(spec, thresholds);
    BufferedReader in = new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8), 1 << 16);
    try (ContentFilter filter = main.openFilter(spec)) {
      new BatchRunner(filter, age, outgoing, scoreThresholds).run(in, spec.commandLine().getOut());
    }
    return 0;
  }
}
