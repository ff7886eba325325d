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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Message.Sender;

/**
 * Peers' conduct in chats ({@code src/test/resources/conversation/conduct}, default filter, the classifiers on):
 * bullying and threats are flagged message by message, and their look-alikes are not: friends' banter in
 * "mày/tao" that the harassment classifier scores high with no insult in it, a child telling a parent or a
 * teacher what she was called, a child's anger told to a parent (a warning at most). Each file is
 * {@code sender TAB text [TAB mark]}: no mark, ALLOW; {@code flag}, WARN or BLOCK; {@code block}, BLOCK;
 * {@code warn-at-most}, ALLOW or WARN.
 */
class ConductChatsTest {

  private static final Policy CHILD = Policy.forAge(11);
  private static final Instant T0 = Instant.parse("2025-06-01T16:00:00Z");

  @Test
  void bullyingIsFlaggedAndItsLookAlikesAreNot() throws IOException, URISyntaxException {
    Path dir = Paths.get(ConductChatsTest.class.getResource("/conversation/conduct").toURI());
    List<String> wrong = new ArrayList<>();
    int bullying = 0;
    int innocent = 0;
    int marked = 0;
    try (ContentFilter filter = ContentFilter.builder().build();
        Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".tsv")).sorted()::iterator) {
        String name = f.getFileName().toString();
        Conversation c = filter.conversation("conduct-" + name);
        String expect = null;
        int n = 0;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.startsWith("# expect:")) {
            expect = line.substring("# expect:".length()).strip();
            continue;
          }
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] cols = line.split("\t");
          String mark = cols.length > 2 ? cols[2].strip() : "";
          assertThat(mark).as(name + ": " + line).isIn("", "flag", "block", "warn-at-most");
          Sender sender = cols[0].equals("child") ? Sender.CHILD : Sender.OTHER;
          Action a = c.check(new Message("m" + n, sender, cols[1], T0.plus(Duration.ofMinutes(2L * n))), CHILD)
              .verdict().action();
          n++;
          boolean ok = switch (mark) {
            case "flag" -> a != Action.ALLOW;
            case "block" -> a == Action.BLOCK;
            case "warn-at-most" -> a != Action.BLOCK;
            default -> a == Action.ALLOW;
          };
          marked += mark.isEmpty() ? 0 : 1;
          if (!ok) {
            wrong.add(name + " m" + (n - 1) + " " + a + " (" + (mark.isEmpty() ? "allow" : mark) + "): " + cols[1]);
          }
        }
        assertThat(expect).as(name).isIn("bullying", "innocent");
        bullying += expect.equals("bullying") ? 1 : 0;
        innocent += expect.equals("innocent") ? 1 : 0;
      }
    }
    System.out.printf("conduct chats: %d bullying, %d innocent, %d marked messages; wrong %s%n", bullying,
        innocent, marked, wrong);
    assertThat(bullying).isGreaterThanOrEqualTo(3);
    assertThat(innocent).isGreaterThanOrEqualTo(4);
    assertThat(wrong).isEmpty();
  }
}
