package vn.lanhmanh.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * The message gateway of a child's chat account: every message between the child and someone else passes
 * through it before it is delivered.
 *
 * <ul>
 *   <li>personal information (phone numbers, addresses, schools, social handles …) is masked, whoever
 *       writes it, and the rest of the message delivered;
 *   <li>content above the child's tier is blocked, and milder content (a {@code K} insult for a child
 *       under 13) delivered masked;
 *   <li>the whole chat is one {@link Conversation}: when its grooming risk reaches 0.7 (several grooming
 *       stages from the other party: age, school, secrecy, another app, photos, meeting …) every further
 *       message is blocked, and the child is shown the 111 hotline once.
 * </ul>
 *
 * <pre>{@code
 * java -cp examples/target/lanhmanh.jar vn.lanhmanh.examples.ChatGateway [--age N] [chat.tsv]
 * }</pre>
 *
 * <p>Reads lines {@code sender<TAB>text} from the file, or from standard input when there is none;
 * {@code child} (any case) is the protected child, of {@code --age} (default 10), any other sender is
 * someone else. Prints one line per message: what the gateway did, the conversation's risk after it,
 * the sender and what is delivered:
 *
 * <pre>
 * delivered  risk 0.06  other: chào em, em chơi game giỏi quá
 * redacted   risk 0.32  child: em 10 tuổi, số điện thoại của em là **********
 * blocked    risk 0.92  other: [withheld: grooming risk, stages rapport, age, school, secrecy, channel]
 * </pre>
 */
public final class ChatGateway {

  /** From this risk on the conversation is frozen: nothing more is delivered. */
  static final double FREEZE_RISK = 0.7;

  private ChatGateway() {}

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
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    // The child's policy; personal information is never acted on by itself, only masked.
    Policy child = Policy.forAge(age)
        .personalInformation("*", Action.ALLOW)
        .redact(Category.PII);

    try (ContentFilter filter = ContentFilter.builder().build();
        BufferedReader in = file == null
            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Conversation chat = filter.conversation("child-account-chat");
      boolean helpShown = false;
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          err.println("line " + lineNo + ": skipped, expected sender<TAB>text");
          continue;
        }
        String sender = line.substring(0, tab).strip();
        String text = line.substring(tab + 1);
        Message.Sender who = sender.toLowerCase(Locale.ROOT).equals("child") ? Message.Sender.CHILD
            : Message.Sender.OTHER;

        ConversationVerdict cv = chat.check(Message.of("m" + lineNo, who, text), child);
        Verdict v = cv.verdict();
        String risk = String.format(Locale.ROOT, "risk %.2f", cv.risk());
        if (cv.risk() >= FREEZE_RISK) {
          out.println("blocked    " + risk + "  " + sender + ": [withheld: grooming risk, stages "
              + String.join(", ", cv.stages()) + "]");
          if (!helpShown) {
            out.println("           to the child: " + v.help().map(h -> h.vi()).orElse("gọi 111"));
            helpShown = true;
          }
        } else if (v.action() == Action.BLOCK) {
          out.println("blocked    " + risk + "  " + sender + ": [withheld: "
              + v.categories().stream().map(c -> c.jsonName()).collect(Collectors.joining(", ")) + "]");
        } else if (!v.redacted().equals(text)) {
          out.println("redacted   " + risk + "  " + sender + ": " + v.redacted());
        } else {
          out.println("delivered  " + risk + "  " + sender + ": " + text);
        }
      }
    }
  }
}
