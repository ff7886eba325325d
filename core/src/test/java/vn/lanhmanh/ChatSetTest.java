package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Message.Sender;

/**
 * The chat set of {@code src/test/resources/chatset}: grooming chats in varied wordings and innocent
 * chats that look like them (a coach, a cousin, a sibling's surprise, a teacher, a parent, classmates).
 * Each file is {@code sender TAB text [TAB clear]}; in a grooming chat {@code clear} marks the message that
 * makes the intent clear. Scored: each chat's peak risk, and for a grooming chat the first message that is
 * blocked. Targets: the lowest grooming peak above the highest innocent peak, and every grooming chat
 * blocked at or before its clear message.
 */
class ChatSetTest {

  private static final Policy CHILD = Policy.forAge(11);
  private static final Instant T0 = Instant.parse("2025-06-01T19:00:00Z");

  record Chat(String name, boolean grooming, List<Message> messages, int clear) {}

  static List<Chat> chats(String folder) throws IOException, URISyntaxException {
    Path dir = Paths.get(ChatSetTest.class.getResource(folder).toURI());
    List<Chat> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".tsv")).sorted()::iterator) {
        String expect = null;
        int clear = -1;
        List<Message> messages = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.startsWith("# expect:")) {
            expect = line.substring("# expect:".length()).strip();
          } else if (!line.isBlank() && !line.startsWith("#")) {
            String[] cols = line.split("\t");
            Sender sender = cols[0].equals("child") ? Sender.CHILD : Sender.OTHER;
            if (cols.length > 2 && cols[2].strip().equals("clear")) {
              clear = messages.size();
            }
            messages.add(new Message("m" + messages.size(), sender, cols[1],
                T0.plus(Duration.ofMinutes(2L * messages.size()))));
          }
        }
        assertThat(expect).as(f.getFileName().toString()).isIn("grooming", "innocent");
        boolean grooming = expect.equals("grooming");
        assertThat(clear >= 0).as(f.getFileName() + ": a grooming chat marks its clear message").isEqualTo(grooming);
        out.add(new Chat(f.getFileName().toString(), grooming, messages, clear));
      }
    }
    return out;
  }

  /** Peak risk and first blocked message of one chat. */
  record Score(double peak, int firstBlock, List<ConversationVerdict.Reason> reasons) {}

  static Score play(ContentFilter filter, Chat chat) {
    Conversation c = filter.conversation("chatset-" + chat.name());
    double peak = 0;
    int firstBlock = -1;
    List<ConversationVerdict.Reason> reasons = List.of();
    for (int i = 0; i < chat.messages().size(); i++) {
      ConversationVerdict v = c.check(chat.messages().get(i), CHILD);
      if (v.risk() > peak || i == 0) {
        reasons = v.reasons();
      }
      peak = Math.max(peak, v.risk());
      if (firstBlock < 0 && v.verdict().action() == Action.BLOCK) {
        firstBlock = i;
      }
    }
    return new Score(peak, firstBlock, reasons);
  }

  @Test
  void groomingIsSeparatedFromLookAlikes() throws Exception {
    List<Chat> chats = chats("/chatset");
    double lowestGrooming = 1;
    double highestInnocent = 0;
    int grooming = 0;
    int innocent = 0;
    int blockedInTime = 0;
    List<String> late = new ArrayList<>();
    try (ContentFilter filter = ContentFilter.builder().build()) {
      for (Chat chat : chats) {
        Score s = play(filter, chat);
        System.out.printf(Locale.ROOT, "chatset %-34s %-8s peak %.3f first block %2d clear %2d%n", chat.name(),
            chat.grooming() ? "grooming" : "innocent", s.peak(), s.firstBlock(), chat.clear());
        for (ConversationVerdict.Reason r : s.reasons()) {
          System.out.printf(Locale.ROOT, "    %s %-8s %.2f %s%n", r.messageId(), r.stage(), r.weight(), r.rule());
        }
        if (chat.grooming()) {
          grooming++;
          lowestGrooming = Math.min(lowestGrooming, s.peak());
          if (s.firstBlock() >= 0 && s.firstBlock() <= chat.clear()) {
            blockedInTime++;
          } else {
            late.add(chat.name());
          }
        } else {
          innocent++;
          highestInnocent = Math.max(highestInnocent, s.peak());
        }
      }
    }
    System.out.printf(Locale.ROOT, "chatset: %d grooming, %d innocent; lowest grooming peak %.3f, highest innocent"
        + " peak %.3f; grooming blocked by the clear message %d/%d; late %s%n", grooming, innocent, lowestGrooming,
        highestInnocent, blockedInTime, grooming, late);
    assertThat(grooming).isGreaterThanOrEqualTo(30);
    assertThat(innocent).isGreaterThanOrEqualTo(30);
    assertThat(lowestGrooming).as("lowest grooming peak above the highest innocent peak")
        .isGreaterThan(highestInnocent);
    assertThat(late).as("grooming chats not blocked by their clear message").isEmpty();
  }
}
