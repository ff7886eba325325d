package vn.lanhmanh.quality;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Message;
import vn.lanhmanh.Message.Sender;
import vn.lanhmanh.Policy;

/**
 * Scores the held-out chats of round 1 ({@code heldout/chats-round1/}, format in its README), written
 * before the stage detection was reworked and never tuned against. Only figures go to stdout; each chat's
 * peak risk, first BLOCK and intent message go to {@code target/heldout-chats-round1.txt}. The targets of
 * the conversations issue (strict separation, every grooming chat blocked by its intent message) are
 * reported, not asserted; the assertions are the set's structure and regression floors.
 */
class HeldoutChatsRound1Test {

  static final String FOLDER = "/heldout/chats-round1";
  static final String REPORT = "heldout-chats-round1.txt";
  private static final Policy CHILD = Policy.forAge(11);
  private static final Instant T0 = Instant.parse("2026-03-02T19:00:00Z");

  /** One chat: its file name, label, messages, and the index of its intent message (-1 for innocent). */
  record Chat(String name, boolean grooming, String about, List<Message> messages, int intent) {}

  /** What the filter did with one chat. */
  record Run(Chat chat, double peakRisk, int firstBlock, int firstNonAllow, boolean blockCarriesGrooming,
      double[] risks) {
    boolean blockedByIntent() {
      return firstBlock >= 0 && firstBlock <= chat.intent();
    }
  }

  private static ContentFilter filter;

  @BeforeAll
  static void open() {
    filter = ContentFilter.builder().build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  static List<Chat> read() throws IOException, URISyntaxException {
    Path dir = Paths.get(HeldoutChatsRound1Test.class.getResource(FOLDER).toURI());
    List<Chat> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".tsv")).sorted()::iterator) {
        String name = f.getFileName().toString();
        String expect = null;
        String about = "";
        int intent = -1;
        List<Message> messages = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.startsWith("# expect:")) {
            expect = line.substring("# expect:".length()).strip();
          } else if (line.startsWith("#")) {
            about = line.substring(1).strip();
          } else if (!line.isBlank()) {
            String[] c = line.split("\t", -1);
            assertThat(c.length).as("%s: sender, text and an optional mark", name).isBetween(2, 3);
            assertThat(c[0]).as(name).isIn("child", "other");
            if (c.length == 3) {
              assertThat(c[2]).as(name).isEqualTo("intent");
              assertThat(intent).as("%s has one intent mark", name).isEqualTo(-1);
              intent = messages.size();
            }
            messages.add(new Message("m" + messages.size(), c[0].equals("child") ? Sender.CHILD : Sender.OTHER,
                c[1], T0.plus(Duration.ofMinutes(3L * messages.size()))));
          }
        }
        assertThat(expect).as(name).isIn("grooming", "innocent");
        out.add(new Chat(name, expect.equals("grooming"), about, messages, intent));
      }
    }
    return out;
  }

  @Test
  void setIsWellFormed() throws Exception {
    List<Chat> chats = read();
    long grooming = chats.stream().filter(Chat::grooming).count();
    assertThat(grooming).as("grooming chats").isGreaterThanOrEqualTo(30);
    assertThat(chats.size() - grooming).as("innocent chats").isGreaterThanOrEqualTo(30);
    for (Chat c : chats) {
      assertThat(c.messages()).as(c.name()).hasSizeBetween(6, 20);
      assertThat(c.name()).as("file names say the label").startsWith(c.grooming() ? "g" : "i");
      if (c.grooming()) {
        assertThat(c.intent()).as(c.name() + " marks its intent message").isNotNegative();
        assertThat(c.messages().get(c.intent()).sender()).as(c.name()).isEqualTo(Sender.OTHER);
      } else {
        assertThat(c.intent()).as(c.name() + " is innocent and has no intent mark").isEqualTo(-1);
      }
      assertThat(c.messages()).as(c.name()).allMatch(m -> !m.text().isBlank());
    }
  }

  private static Run run(Chat chat) {
    Conversation conversation = filter.conversation("heldout-r1-" + chat.name());
    double peak = 0;
    int firstBlock = -1;
    int firstNonAllow = -1;
    boolean groomingCategory = false;
    double[] risks = new double[chat.messages().size()];
    for (int i = 0; i < risks.length; i++) {
      ConversationVerdict v = conversation.check(chat.messages().get(i), CHILD);
      risks[i] = v.risk();
      peak = Math.max(peak, v.risk());
      Action action = v.verdict().action();
      if (action != Action.ALLOW && firstNonAllow < 0) {
        firstNonAllow = i;
      }
      if (action == Action.BLOCK && firstBlock < 0) {
        firstBlock = i;
        groomingCategory = v.verdict().categories().contains(Category.GROOMING);
      }
    }
    return new Run(chat, peak, firstBlock, firstNonAllow, groomingCategory, risks);
  }

  @Test
  void figuresOnTheCurrentEngine() throws Exception {
    List<Run> runs = read().stream().map(HeldoutChatsRound1Test::run).toList();
    List<Run> grooming = runs.stream().filter(r -> r.chat().grooming()).toList();
    List<Run> innocent = runs.stream().filter(r -> !r.chat().grooming()).toList();
    Run lowest = grooming.stream().min((a, b) -> Double.compare(a.peakRisk(), b.peakRisk())).orElseThrow();
    Run highest = innocent.stream().max((a, b) -> Double.compare(a.peakRisk(), b.peakRisk())).orElseThrow();
    int byIntent = (int) grooming.stream().filter(Run::blockedByIntent).count();
    int everBlocked = (int) grooming.stream().filter(r -> r.firstBlock() >= 0).count();
    int withCategory = (int) grooming.stream().filter(Run::blockCarriesGrooming).count();
    int innocentFlagged = (int) innocent.stream().filter(r -> r.firstNonAllow() >= 0).count();
    int separated = (int) grooming.stream().filter(r -> r.peakRisk() > highest.peakRisk()).count();

    String figures = String.format(Locale.ROOT, """
        [heldout chats round 1] %d grooming and %d innocent chats, Policy.forAge(11)
          lowest grooming peak risk %.3f vs highest innocent peak risk %.3f (target: lowest > highest);\
         grooming chats peaking above every innocent chat %s
          grooming chats BLOCKed at or before their intent message %s (target: all); BLOCKed at any point %s;\
         first BLOCK carries category grooming %s
          innocent chats with any non-ALLOW message %s (target 0)
        """, grooming.size(), innocent.size(), lowest.peakRisk(), highest.peakRisk(),
        HeldoutTextRound1Test.ratio(separated, grooming.size()),
        HeldoutTextRound1Test.ratio(byIntent, grooming.size()),
        HeldoutTextRound1Test.ratio(everBlocked, grooming.size()),
        HeldoutTextRound1Test.ratio(withCategory, grooming.size()),
        HeldoutTextRound1Test.ratio(innocentFlagged, innocent.size()));
    System.out.print(figures);

    StringBuilder details = new StringBuilder(figures);
    details.append("\nPer chat (do not tune the engine against these; write the next round instead)\n");
    details.append(String.format(Locale.ROOT, "lowest grooming peak: %s; highest innocent peak: %s%n%n",
        lowest.chat().name(), highest.chat().name()));
    details.append("chat                          label     msgs intent firstBlock firstNonAllow peak   risk per message\n");
    for (Run r : runs) {
      StringBuilder risks = new StringBuilder();
      for (double x : r.risks()) {
        risks.append(String.format(Locale.ROOT, " %.2f", x));
      }
      details.append(String.format(Locale.ROOT, "%-30s %-9s %4d %6d %10d %13d %.3f %s%s%n", r.chat().name(),
          r.chat().grooming() ? "grooming" : "innocent", r.chat().messages().size(), r.chat().intent(),
          r.firstBlock(), r.firstNonAllow(), r.peakRisk(), risks,
          r.chat().grooming() && !r.blockedByIntent() ? "  NOT BLOCKED BY INTENT" : ""));
    }
    HeldoutReports.write(REPORT, details.toString());

    // Regression floors under what the engine measured. Main on 2026-12-02 (commit 7e84ed8): blocked by
    // the intent message 8/32, grooming peaks above every innocent peak 14/32, innocent chats with a
    // non-ALLOW message 3/32, highest innocent peak risk 0.163 (lowest grooming peak 0.000). With the
    // conversation's concept rules and combining risk model (measured once, not tuned against): 26/32,
    // 31/32, 1/32, 0.273 (lowest grooming peak 0.145). The model scores stage combinations, so an innocent
    // chat touching two stages now reaches about 0.3 (below the 0.7 of a warning); the floors follow.
    assertThat(byIntent).as("grooming chats blocked by their intent message").isGreaterThanOrEqualTo(24);
    assertThat(separated).as("grooming chats peaking above every innocent chat").isGreaterThanOrEqualTo(28);
    assertThat(innocentFlagged).as("innocent chats with a non-ALLOW message").isLessThanOrEqualTo(3);
    assertThat(highest.peakRisk()).as("highest innocent peak risk").isLessThanOrEqualTo(0.35);
  }
}
