package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code conversation --age N}: one run over an interleaved grooming script, an innocent parent–child
 * chat and bad lines (a filter and its stage matcher are built once per run, so one run keeps it fast).
 */
class ConversationCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = 1_740_816_000L;   // 2025-03-01T08:00:00Z

  /** Grooming by a stranger in a game chat: rapport, age, school, secrecy, another app, photos, meeting. */
  private static final String[][] GROOMING = {
      {"other", "chào em, em chơi game giỏi quá"},
      {"other", "em bao nhiêu tuổi rồi?"},
      {"child", "em 11 tuổi ạ"},
      {"other", "em học trường nào vậy"},
      {"other", "chuyện này là bí mật của hai đứa mình thôi nhé, đừng nói với ai"},
      {"other", "qua zalo nói chuyện cho tiện em ơi"},
      {"other", "em chụp ảnh gửi cho anh xem đi"},
      {"other", "cuối tuần gặp nhau nhé, anh đón em ở cổng trường"},
  };

  /** A mother and her child: where are you, homework, dinner, a photo of the homework. */
  private static final String[][] INNOCENT = {
      {"mother", "con ơi tan học chưa, mẹ đón con ở cổng trường nhé"},
      {"child", "dạ con ra rồi mẹ ơi"},
      {"mother", "hôm nay con học bài gì, có bài tập về nhà không"},
      {"child", "con có bài toán lớp 5, tối con làm"},
      {"mother", "con chụp bài tập gửi mẹ xem nhé"},
      {"mother", "tối nay cả nhà ăn cơm lúc 7 giờ"},
  };

  private static List<String> input;
  private static Cli.Result run;
  private static List<JsonNode> out;

  @BeforeAll
  static void runOnce() {
    input = new ArrayList<>();
    int g = 0;
    int i = 0;
    // interleaved: two conversations at once must not mix
    while (g < GROOMING.length || i < INNOCENT.length) {
      if (g < GROOMING.length) {
        input.add(line("\"chat-g\"", "\"g" + g + "\"", GROOMING[g][0], GROOMING[g][1], T0 + 180L * g));
        g++;
      }
      if (i < INNOCENT.length) {
        input.add(line("42", Integer.toString(i), INNOCENT[i][0], INNOCENT[i][1], T0 + 120L * i));
        i++;
      }
    }
    input.add("{\"conversation\":\"chat-x\",\"id\":\"no-time\",\"sender\":\"other\",\"text\":\"xin chào\"}");
    input.add("not json");
    input.add("{\"id\":\"b1\",\"sender\":\"other\",\"text\":\"hi\"}");
    input.add("{\"conversation\":\"chat-x\",\"id\":\"b2\",\"text\":\"hi\"}");
    input.add("{\"conversation\":\"chat-x\",\"id\":\"b3\",\"sender\":\"child\",\"text\":7}");
    input.add("{\"conversation\":\"chat-x\",\"id\":\"b4\",\"sender\":\"child\",\"text\":\"hi\",\"time\":\"hôm qua\"}");
    input.add("{\"conversation\":\"chat-x\",\"id\":\"b5\",\"sender\":\"child\",\"text\":\"hi\",\"time\":-5}");
    input.add("{\"conversation\":[1],\"id\":\"b6\",\"sender\":\"child\",\"text\":\"hi\"}");
    input.add("");
    input.add("{\"conversation\":\"chat-x\",\"id\":\"last\",\"sender\":\"CHILD\",\"text\":\"tạm biệt\",\"time\":1740816000.5}");
    run = Cli.run(String.join("\n", input) + "\n", "conversation", "--age", "11", "--lexicon", Cli.lexicon());
    out = new ArrayList<>();
    for (String l : run.lines()) {
      out.add(parse(l));
    }
  }

  private static String line(String conversation, String id, String sender, String text, long time) {
    return "{\"conversation\":" + conversation + ",\"id\":" + id + ",\"sender\":\"" + sender + "\",\"text\":\""
        + text + "\",\"time\":" + time + "}";
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static List<JsonNode> ofConversation(String id) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode n : out) {
      if (n.has("conversation") && n.get("conversation").get("id").asText().equals(id)) {
        found.add(n);
      }
    }
    return found;
  }

  @Test
  void oneLineOutPerLineInInOrder() {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(out).hasSize(input.size());
    for (int k = 0; k < input.size(); k++) {
      if (input.get(k).startsWith("{")) {
        assertThat(out.get(k).get("id")).as(input.get(k)).isEqualTo(parse(input.get(k)).get("id"));
      }
    }
  }

  @Test
  void verdictLinesHaveTheBatchFieldsThenTheConversation() {
    JsonNode first = out.get(0);
    assertThat(fieldNames(first)).containsExactly(
        "id", "action", "rating", "categories", "findings", "redacted", "safeUrl", "help", "scores", "conversation");
    assertThat(fieldNames(first.get("conversation"))).containsExactly("id", "risk", "stages", "reasons");
    assertThat(first.get("conversation").get("id").isTextual()).isTrue();
    assertThat(ofConversation("42").get(0).get("conversation").get("id").isInt()).isTrue();   // echoed as written
  }

  @Test
  void aGroomingSeriesEndsHighWithItsStages() {
    List<JsonNode> g = ofConversation("chat-g");
    assertThat(g).hasSize(GROOMING.length);
    JsonNode last = g.get(g.size() - 1);
    JsonNode c = last.get("conversation");
    assertThat(c.get("risk").asDouble()).isGreaterThanOrEqualTo(0.7).isLessThanOrEqualTo(1.0);
    List<String> stages = new ArrayList<>();
    c.get("stages").forEach(s -> stages.add(s.asText()));
    assertThat(stages).contains("age", "school", "secrecy", "photos", "meeting");
    assertThat(last.get("action").asText()).isEqualTo("BLOCK");
    assertThat(last.get("categories").toString()).contains("grooming");
    assertThat(last.get("help").get("phone").asText()).isEqualTo("111");
    // risk has at most 3 decimals; each reason names a message, a stage, a weight and a rule
    String risk = c.get("risk").asText();
    assertThat(risk.contains(".") ? risk.length() - risk.indexOf('.') - 1 : 0).isLessThanOrEqualTo(3);
    assertThat(c.get("reasons").size()).isEqualTo(stages.size());
    c.get("reasons").forEach(r -> assertThat(fieldNames(r)).containsExactly("message", "stage", "weight", "rule"));
    // the first message alone is harmless: risk rises over the series
    assertThat(g.get(0).get("conversation").get("risk").asDouble()).isLessThan(0.25);
    assertThat(g.get(0).get("action").asText()).isEqualTo("ALLOW");
  }

  @Test
  void anInnocentChatStaysLow() {
    List<JsonNode> i = ofConversation("42");
    assertThat(i).hasSize(INNOCENT.length);
    for (JsonNode n : i) {
      assertThat(n.get("conversation").get("risk").asDouble()).as(n.toString()).isLessThan(0.3);
      assertThat(n.get("action").asText()).as(n.toString()).isEqualTo("ALLOW");
    }
  }

  @Test
  void badLinesGetAnErrorAndTheRunGoesOn() {
    int at = GROOMING.length + INNOCENT.length;
    assertThat(out.get(at).get("conversation").get("id").asText()).isEqualTo("chat-x");   // no time: now
    assertThat(out.get(at + 1).toString()).startsWith("{\"id\":null,\"error\":\"invalid JSON: ");
    assertThat(out.get(at + 2).toString()).isEqualTo("{\"id\":\"b1\",\"error\":\"missing \\\"conversation\\\"\"}");
    assertThat(out.get(at + 3).toString()).isEqualTo("{\"id\":\"b2\",\"error\":\"missing \\\"sender\\\"\"}");
    assertThat(out.get(at + 4).get("error").asText()).isEqualTo("\"text\" must be a string, was a number");
    assertThat(out.get(at + 5).get("error").asText()).startsWith("\"time\" must be seconds since 1970")
        .endsWith("was a string");
    assertThat(out.get(at + 6).get("error").asText()).endsWith("was -5");
    assertThat(out.get(at + 7).get("error").asText())
        .isEqualTo("\"conversation\" must be a string or a whole number, was an array");
    assertThat(out.get(at + 8).get("error").asText()).startsWith("blank line");
    JsonNode last = out.get(at + 9);
    assertThat(last.get("id").asText()).isEqualTo("last");
    assertThat(last.has("error")).isFalse();
    assertThat(fieldNames(last)).hasSize(10);
  }

  /** Found by the line-parser properties: Jackson's NumberFormatException escaped and stopped the run. */
  @Test
  void timeWithAnExponentOutOfRangeIsAnErrorLine() {
    ConversationLineParser parser = new ConversationLineParser();
    for (String time : new String[] {"1e2147483648", "-1e2147483648", "1e-2147483648"}) {
      ConversationRequest r = parser.parse("{\"conversation\":\"c\",\"id\":\"t\",\"sender\":\"child\",\"text\":\"hi\","
          + "\"time\":" + time + "}", 1);
      assertThat(r.error()).as(time).isEqualTo("\"time\" must be seconds since 1970 from 0 to "
          + ConversationLineParser.MAX_TIME + ", was " + time);
    }
  }

  @Test
  void ageIsChecked() {
    Cli.Result r = Cli.run("", "conversation", "--age", "200");

    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--age must be from 0 to 150, was 200");
  }
}
