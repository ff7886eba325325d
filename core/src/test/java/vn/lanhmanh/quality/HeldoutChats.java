package vn.lanhmanh.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lanhmanh.quality.HeldoutText.ratio;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
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
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Message;
import vn.lanhmanh.Message.Sender;
import vn.lanhmanh.Policy;

/**
 * Reading, structure checks and scoring shared by the held-out chat scorers ({@code heldout/chats-round*},
 * format in each folder's README). A round's scorer chooses its folder, its report name and its own
 * assertions.
 */
final class HeldoutChats {

  private HeldoutChats() {}

  static final Policy CHILD = Policy.forAge(11);
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

  /** The figures of one round's run. */
  record Summary(String text, List<Run> runs, Run lowestGrooming, Run highestInnocent, int grooming,
      int innocent, int byIntent, int everBlocked, int withCategory, int innocentFlagged, int separated) {}

  /** Reads every {@code .tsv} chat of a folder on the test class path, failing on a malformed file. */
  static List<Chat> read(String folder) throws IOException, URISyntaxException {
    URL url = HeldoutChats.class.getResource(folder);
    assertThat(url).as("%s is on the test class path", folder).isNotNull();
    Path dir = Paths.get(url.toURI());
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

  /** Checks what every round's chats must satisfy, with at least {@code perLabel} chats of each label. */
  static void checkChats(List<Chat> chats, int perLabel) {
    long grooming = chats.stream().filter(Chat::grooming).count();
    assertThat(grooming).as("grooming chats").isGreaterThanOrEqualTo(perLabel);
    assertThat(chats.size() - grooming).as("innocent chats").isGreaterThanOrEqualTo(perLabel);
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

  private static Run run(ContentFilter filter, String idPrefix, Chat chat) {
    Conversation conversation = filter.conversation(idPrefix + chat.name());
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

  /** Runs every chat, each in a fresh conversation, and sums up the figures headed by {@code title}. */
  static Summary score(ContentFilter filter, String idPrefix, String title, List<Chat> chats) {
    List<Run> runs = chats.stream().map(c -> run(filter, idPrefix, c)).toList();
    List<Run> grooming = runs.stream().filter(r -> r.chat().grooming()).toList();
    List<Run> innocent = runs.stream().filter(r -> !r.chat().grooming()).toList();
    Run lowest = grooming.stream().min((a, b) -> Double.compare(a.peakRisk(), b.peakRisk())).orElseThrow();
    Run highest = innocent.stream().max((a, b) -> Double.compare(a.peakRisk(), b.peakRisk())).orElseThrow();
    int byIntent = (int) grooming.stream().filter(Run::blockedByIntent).count();
    int everBlocked = (int) grooming.stream().filter(r -> r.firstBlock() >= 0).count();
    int withCategory = (int) grooming.stream().filter(Run::blockCarriesGrooming).count();
    int innocentFlagged = (int) innocent.stream().filter(r -> r.firstNonAllow() >= 0).count();
    int separated = (int) grooming.stream().filter(r -> r.peakRisk() > highest.peakRisk()).count();

    String text = String.format(Locale.ROOT, """
        [%s] %d grooming and %d innocent chats, Policy.forAge(11)
          lowest grooming peak risk %.3f vs highest innocent peak risk %.3f (target: lowest > highest);\
         grooming chats peaking above every innocent chat %s
          grooming chats BLOCKed at or before their intent message %s (target: all); BLOCKed at any point %s;\
         first BLOCK carries category grooming %s
          innocent chats with any non-ALLOW message %s (target 0)
        """, title, grooming.size(), innocent.size(), lowest.peakRisk(), highest.peakRisk(),
        ratio(separated, grooming.size()), ratio(byIntent, grooming.size()),
        ratio(everBlocked, grooming.size()), ratio(withCategory, grooming.size()),
        ratio(innocentFlagged, innocent.size()));
    return new Summary(text, runs, lowest, highest, grooming.size(), innocent.size(), byIntent, everBlocked,
        withCategory, innocentFlagged, separated);
  }

  /** The per-chat details, for the report file only. */
  static String details(Summary s) {
    StringBuilder details = new StringBuilder(s.text());
    details.append("\nPer chat (do not tune the engine against these; write the next round instead)\n");
    details.append(String.format(Locale.ROOT, "lowest grooming peak: %s; highest innocent peak: %s%n%n",
        s.lowestGrooming().chat().name(), s.highestInnocent().chat().name()));
    details.append("chat                          label     msgs intent firstBlock firstNonAllow peak   risk per message\n");
    for (Run r : s.runs()) {
      StringBuilder risks = new StringBuilder();
      for (double x : r.risks()) {
        risks.append(String.format(Locale.ROOT, " %.2f", x));
      }
      details.append(String.format(Locale.ROOT, "%-30s %-9s %4d %6d %10d %13d %.3f %s%s%n", r.chat().name(),
          r.chat().grooming() ? "grooming" : "innocent", r.chat().messages().size(), r.chat().intent(),
          r.firstBlock(), r.firstNonAllow(), r.peakRisk(), risks,
          r.chat().grooming() && !r.blockedByIntent() ? "  NOT BLOCKED BY INTENT" : ""));
    }
    return details.toString();
  }
}
