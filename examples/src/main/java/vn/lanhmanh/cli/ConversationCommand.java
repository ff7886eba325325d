package vn.lanhmanh.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;

/**
 * {@code lanhmanh conversation --age N}: chat messages as JSON lines in on stdin (see
 * {@link ConversationLineParser}), each message's verdict out with its conversation's grooming risk, in
 * order. Conversations are told apart by their id and may be interleaved.
 */
@Command(
    name = "conversation",
    mixinStandardHelpOptions = true,
    description = {
        "Watches chats for grooming: reads one message per JSON line from stdin and writes one JSON line per "
            + "input line, in order.",
        "Input: {\"conversation\": …, \"id\": …, \"sender\": …, \"text\": …, \"time\": …}; sender \"child\" is "
            + "the protected child (whose age is --age), any other value someone else; time is in epoch "
            + "seconds (optional: now). Conversations may be interleaved.",
        "Output: the batch verdict fields {\"id\", \"action\", \"rating\", \"categories\", \"findings\", "
            + "\"redacted\", \"safeUrl\", \"help\"} followed by \"conversation\": {\"id\", \"risk\" (0.0-1.0), "
            + "\"stages\": [names]}; or {\"id\", \"error\"} for a line that cannot be checked, and the run "
            + "goes on.",
        "Input and output are UTF-8."})
final class ConversationCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @Spec
  private CommandSpec spec;

  @Option(names = "--age", required = true, paramLabel = "N", description = "Age of the protected child, 0 to 150.")
  private int age;

  @Override
  public Integer call() throws Exception {
    CheckCommand.checkAge(spec, age);
    BufferedReader in = new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8), 1 << 16);
    try (ContentFilter filter = main.openFilter(spec)) {
      run(filter, Policy.forAge(age), in, spec.commandLine().getOut());
    }
    return 0;
  }

  /**
   * Answers every line of {@code in} on {@code out}.
   *
   * @return the number of lines answered
   */
  static long run(ContentFilter filter, Policy policy, BufferedReader in, PrintWriter out) throws IOException {
    ConversationLineParser parser = new ConversationLineParser();
    JsonOutput json = new JsonOutput(out);
    long[] number = {0};
    return BatchRunner.eachLine(in, out, line -> answer(parser.parse(line, ++number[0]), json,
        (key, m) -> filter.conversation(key).check(m, policy)));
  }

  /** Adds one message to its conversation: the filter's own window, or a window kept elsewhere. */
  interface Window {
    ConversationVerdict check(String conversationKey, Message message);
  }

  /** Writes the answer to one parsed line: its verdict line, or an error line. */
  static void answer(ConversationRequest r, JsonOutput json, Window window) throws IOException {
    if (r.failed()) {
      json.error(r.id(), r.error());
      return;
    }
    ConversationVerdict cv;
    try {
      Message m = new Message(r.messageId(), r.sender(), r.text(), r.time() != null ? r.time() : Instant.now());
      cv = window.check(r.conversationKey(), m);
    } catch (RuntimeException e) {
      // fail closed: an error line, never a made-up ALLOW
      json.error(r.id(), "internal error: " + Main.describe(e));
      return;
    }
    json.conversationVerdict(r.id(), cv, r.conversation());
  }
}
