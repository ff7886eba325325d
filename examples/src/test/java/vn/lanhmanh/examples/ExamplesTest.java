package vn.lanhmanh.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code main} of every example in {@code vn.lanhmanh.examples} on small inputs and checks what
 * it prints, so that the examples in docs/EXAMPLES.md keep compiling and keep doing what they say.
 */
class ExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An example's entry point. */
  @FunctionalInterface
  interface Main {
    void main(String[] args) throws Exception;
  }

  /** What one run printed. */
  record Output(String out, String err) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  /** Runs {@code main} with this standard input, capturing standard output and error (UTF-8). */
  private static Output run(Main main, String stdin, String... args) throws Exception {
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(UTF_8)));
      System.setOut(new PrintStream(o, true, UTF_8));
      System.setErr(new PrintStream(e, true, UTF_8));
      main.main(args);
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
    return new Output(o.toString(UTF_8), e.toString(UTF_8));
  }

  // ---- EmbedInFiveLines ----------------------------------------------------------------------------

  @Test
  void embedInFiveLinesPrintsTheActionAndTheFindings() throws Exception {
    Output r = run(EmbedInFiveLines::main, "");

    assertThat(r.lines()).hasSize(3);
    assertThat(r.lines().get(0)).isEqualTo("action: BLOCK");
    assertThat(r.lines().get(1)).startsWith("profanity [0,");
    assertThat(r.lines().get(2)).isEqualTo("harassment [3,12) \"thằng ngu\"");
  }

  @Test
  void embedInFiveLinesChecksTheTextGiven() throws Exception {
    assertThat(run(EmbedInFiveLines::main, "", "xin", "chào", "các", "bạn").lines())
        .containsExactly("action: ALLOW");
  }

  // ---- ChatGateway ---------------------------------------------------------------------------------

  /** A stranger grooms a 10-year-old; the child gives her phone number; one insult on the way. */
  private static final String GROOMING_CHAT = String.join("\n",
      "other\tchào em, em chơi game giỏi quá",
      "child\tdạ em cảm ơn anh",
      "other\tem bao nhiêu tuổi rồi?",
      "child\tem 10 tuổi, số điện thoại của em là 0912345678",
      "other\tmày đúng là đồ ngu",
      "other\tem học trường nào vậy",
      "other\tchuyện này là bí mật của hai đứa mình thôi nhé, đừng nói với ai",
      "other\tqua zalo nói chuyện cho tiện em ơi",
      "other\tem chụp ảnh gửi cho anh xem đi",
      "child\tdạ",
      "other\tcuối tuần gặp nhau nhé, anh đón em ở cổng trường",
      "a line without a tab") + "\n";

  @Test
  void chatGatewayRedactsPersonalInformationAndBlocksGrooming(@TempDir Path dir) throws Exception {
    Path chat = dir.resolve("chat.tsv");
    Files.writeString(chat, GROOMING_CHAT, UTF_8);

    Output r = run(ChatGateway::main, "", chat.toString());
    List<String> lines = messageLines(r);

    assertThat(lines).hasSize(11);
    assertThat(lines.get(0)).startsWith("delivered  risk 0.").endsWith("other: chào em, em chơi game giỏi quá");
    assertThat(lines.get(1)).startsWith("delivered").endsWith("child: dạ em cảm ơn anh");
    // personal information is masked, the rest delivered
    assertThat(lines.get(3)).startsWith("redacted").endsWith("child: em 10 tuổi, số điện thoại của em là **********");
    // a K insult for a child under 13 is masked too
    assertThat(lines.get(4)).startsWith("redacted").endsWith("other: mày đúng là ** ***");
    // the school question after the age and the phone number (with the classifiers' signals), or at the latest
    // the secrecy request, takes the risk past 0.7: from there on, nothing is delivered
    int frozen = 0;
    while (frozen < lines.size() && !lines.get(frozen).startsWith("blocked")) {
      frozen++;
    }
    assertThat(frozen).isBetween(5, 6);
    assertThat(lines.get(frozen)).contains("[withheld: grooming risk, stages ").contains("school");
    assertThat(lines.get(6)).contains("secrecy");
    assertThat(risk(lines.get(frozen))).isGreaterThanOrEqualTo(ChatGateway.FREEZE_RISK);
    assertThat(lines.subList(frozen, 11)).allMatch(l -> l.startsWith("blocked    risk "));
    assertThat(lines.get(10)).contains("photos", "meeting");
    for (int i = 0; i < frozen; i++) {
      assertThat(risk(lines.get(i))).as(lines.get(i)).isLessThan(ChatGateway.FREEZE_RISK);
    }
    // the child is shown the hotline once, and nothing of the withheld texts
    assertThat(r.out()).containsOnlyOnce("to the child: ").contains("111").doesNotContain("chụp ảnh", "0912345678");
    assertThat(r.err()).contains("line 12: skipped, expected sender<TAB>text");
  }

  @Test
  void chatGatewayDeliversAnInnocentChatReadFromStdin() throws Exception {
    String chat = String.join("\n",
        "mẹ\tcon ơi tan học chưa, mẹ đón con ở cổng trường nhé",
        "CHILD\tdạ con ra rồi mẹ ơi",
        "mẹ\thôm nay con học bài gì, có bài tập về nhà không",
        "child\tcon có bài toán lớp 5, tối con làm") + "\n";

    List<String> lines = messageLines(run(ChatGateway::main, chat, "--age", "11"));

    assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("delivered  risk 0."));
    assertThat(lines.get(1)).endsWith("CHILD: dạ con ra rồi mẹ ơi");
  }

  private static List<String> messageLines(Output r) {
    List<String> out = new ArrayList<>();
    for (String l : r.lines()) {
      if (!l.startsWith(" ")) {
        out.add(l);
      }
    }
    return out;
  }

  private static double risk(String line) {
    int at = line.indexOf("risk ") + 5;
    return Double.parseDouble(line.substring(at, line.indexOf(' ', at)));
  }

  // ---- KidBrowserGate ------------------------------------------------------------------------------

  @Test
  void kidBrowserGateAllowsBlocksAndRewritesSearches(@TempDir Path dir) throws Exception {
    Path urls = dir.resolve("urls.txt");
    Files.writeString(urls, String.join("\n",
        "# a child's browsing",
        "https://vi.wikipedia.org/wiki/Hà_Nội",
        "https://www.google.com/search?q=phim+hoạt+hình",
        "",
        "https://www.pornhub.com/",
        "https://www.google.com/search?q=phim+sex",
        "javascript:alert(1)",
        "https://www.youtube.com/results?search_query=muốn+chết") + "\n", UTF_8);

    Output r = run(KidBrowserGate::main, "", "--age", "9", urls.toString());

    assertThat(r.lines()).containsExactly(
        "ALLOW  https://vi.wikipedia.org/wiki/Hà_Nội",
        "ALLOW  https://www.google.com/search?q=phim+hoạt+hình"
            + "  open instead: https://www.google.com/search?q=phim+hoạt+hình&safe=active",
        "BLOCK  https://www.pornhub.com/  (sexual)",
        "BLOCK  https://www.google.com/search?q=phim+sex  (sexual)",
        "BLOCK  javascript:alert(1)  (malformed URL: 'javascript:' URLs have no host to check)",
        "BLOCK  https://www.youtube.com/results?search_query=muốn+chết  (self_harm)",
        "       help: Bạn không một mình. Hãy gọi Tổng đài quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7) hoặc nói "
            + "với người lớn mà bạn tin tưởng. Nếu đang gặp nguy hiểm ngay lúc này, hãy gọi 113.");
  }

  @Test
  void kidBrowserGateReadsStdin() throws Exception {
    Output r = run(KidBrowserGate::main, "https://www.bing.com/search?q=khủng+long\n");

    assertThat(r.lines()).singleElement().asString()
        .startsWith("ALLOW  https://www.bing.com/search?q=khủng+long  open instead: https://www.bing.com/search?")
        .contains("adlt=strict");
  }

  // ---- SchoolForumModeration -----------------------------------------------------------------------

  @Test
  void schoolForumModerationReportsFlaggedPostsWithAProgressBarAndASummary(@TempDir Path dir) throws Exception {
    Path posts = dir.resolve("posts.jsonl");
    Path report = dir.resolve("flagged.jsonl");
    Files.writeString(posts, String.join("\n",
        "{\"id\":1,\"text\":\"Chúc cả lớp thi tốt nhé!\"}",
        "{\"id\":2,\"text\":\"mày đúng là đồ ngu\"}",
        "{\"id\":\"p3\",\"text\":\"đm thằng kia\"}",
        "not json",
        "{\"id\":4,\"text\":\"vào nhà cái uy tín nạp 50k nhận 500k\"}",
        "",
        "{\"id\":5,\"text\":\"tuần sau có buổi ngoại khóa phòng chống ma túy\"}",
        "{\"id\":6}") + "\n", UTF_8);

    Output r = run(SchoolForumModeration::main, "", posts.toString(), report.toString());

    List<JsonNode> flagged = new ArrayList<>();
    for (String l : Files.readAllLines(report, UTF_8)) {
      flagged.add(JSON.readTree(l));
    }
    assertThat(flagged).hasSize(4);
    assertThat(flagged.get(0).get("id").asText()).isEqualTo("p3");
    assertThat(flagged.get(0).get("action").asText()).isEqualTo("BLOCK");
    assertThat(flagged.get(0).get("categories").toString()).isEqualTo("[\"harassment\",\"profanity\"]");
    assertThat(flagged.get(0).get("redacted").asText()).isEqualTo("** ***** kia");
    assertThat(flagged.get(0).get("findings").get(0).get("match").asText()).isEqualTo("đm thằng");
    assertThat(flagged.get(1).toString()).isEqualTo("{\"line\":4,\"error\":\"not a JSON object\"}");
    assertThat(flagged.get(2).get("id").asInt()).isEqualTo(4);
    assertThat(flagged.get(2).get("rating").asText()).isEqualTo("C");
    assertThat(flagged.get(2).get("findings").get(0).get("rule").asText()).isEqualTo("gambling/nha_cai_uy_tin");
    assertThat(flagged.get(3).toString()).isEqualTo("{\"line\":8,\"error\":\"no \\\"text\\\" string\"}");

    assertThat(r.lines()).containsExactly(
        "posts:     7 (2 unreadable)",
        "actions:   ALLOW 3, WARN 0, BLOCK 2",
        // "nạp 50k nhận 500k" (pay 50k, get 500k) is also the prize-fee scam composition
        "categories (posts with a finding): harassment 2, drugs 1, gambling 1, scam 1, profanity 1",
        "flagged:   2 posts written to " + report);
    // the bar is redrawn in place with \r and ends full
    String lastDraw = r.err().substring(r.err().lastIndexOf('\r') + 1);
    assertThat(lastDraw).matches("\\[#{30}\\] 100%  7 posts  \\d+/s\\R");
  }

  @Test
  void schoolForumModerationForYoungerReadersWarnsAboutInsults(@TempDir Path dir) throws Exception {
    Path posts = dir.resolve("posts.jsonl");
    Path report = dir.resolve("flagged.jsonl");
    Files.writeString(posts, "{\"id\":2,\"text\":\"mày đúng là đồ ngu\"}\n", UTF_8);

    Output r = run(SchoolForumModeration::main, "", "--age", "10", posts.toString(), report.toString());

    assertThat(r.lines()).contains("actions:   ALLOW 0, WARN 1, BLOCK 0");
    JsonNode line = JSON.readTree(Files.readString(report, UTF_8));
    assertThat(line.get("action").asText()).isEqualTo("WARN");
    assertThat(line.get("redacted").asText()).isEqualTo("mày đúng là ** ***");
  }

  @Test
  void progressBarIsProportional() {
    assertThat(SchoolForumModeration.bar(50, 100, 10, System.nanoTime()))
        .startsWith("\r[" + "#".repeat(15) + "-".repeat(15) + "]  50%  10 posts  ");
  }
}
