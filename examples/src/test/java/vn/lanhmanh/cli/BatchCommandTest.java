package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Cli.Result batch(String stdin, String... extra) {
    List<String> args = new ArrayList<>(List.of("batch", "--age", "10", "--lexicon", Cli.lexicon()));
    args.addAll(List.of(extra));
    return Cli.run(stdin, args.toArray(String[]::new));
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

  @Test
  void outgoingLooksForPersonalInformation() {
    // the embedded lexicon, whose concepts read "số em là" as the child's own number (no scam)
    String line = "{\"id\": 1, \"text\": \"số em là 0912 345 678\"}\n";
    assertThat(parse(Cli.run(line, "batch", "--age", "10").lines().get(0)).get("action").asText())
        .isEqualTo("ALLOW");
    JsonNode written = parse(Cli.run(line, "batch", "--age", "10", "--outgoing").lines().get(0));
    assertThat(written.get("action").asText()).isEqualTo("WARN");
    assertThat(written.get("categories").toString()).contains("pii");
  }

  @Test
  void verdictHasTheContractFieldsInOrder() {
    Cli.Result r = batch("{\"id\":1,\"text\":\"đm thằng ngu\"}\n");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).hasSize(1);
    JsonNode v = parse(r.lines().get(0));
    assertThat(fieldNames(v)).containsExactly(
        "id", "action", "rating", "categories", "findings", "redacted", "safeUrl", "help", "scores");
    assertThat(v.get("action").asText()).isEqualTo("BLOCK");
    assertThat(v.get("rating").asText()).isEqualTo("T16");
    assertThat(v.get("categories").toString()).isEqualTo("[\"harassment\",\"profanity\"]");
    JsonNode f = v.get("findings").get(0);
    assertThat(fieldNames(f)).containsExactly("category", "severity", "rating", "rule", "start", "end", "match");
    assertThat(f.toString()).isEqualTo(
        "{\"category\":\"profanity\",\"severity\":\"high\",\"rating\":\"T16\",\"rule\":\"profanity/dit_me\",\"start\":0,\"end\":2,"
            + "\"match\":\"đm\"}");
    assertThat(v.get("redacted").asText()).isEqualTo("** ***** ***");
    assertThat(v.get("safeUrl").isNull()).isTrue();
    assertThat(v.get("help").isNull()).isTrue();
  }

  @Test
  void helpIsAnObjectWithItsFieldsInOrder() {
    JsonNode v = parse(batch("{\"id\":\"h\",\"text\":\"tao muốn chết\"}\n").lines().get(0));

    assertThat(v.get("action").asText()).isEqualTo("WARN");
    assertThat(v.get("categories").toString()).isEqualTo("[\"self_harm\"]");
    JsonNode help = v.get("help");
    assertThat(fieldNames(help)).containsExactly("topic", "phone", "url", "vi", "en");
    assertThat(help.get("topic").asText()).isEqualTo("self_harm");
    assertThat(help.get("phone").asText()).isEqualTo("111");
  }

  @Test
  void cleanTextIsAllowedWithEmptyLists() {
    List<String> lines = batch("{\"id\":1,\"text\":\"xin chào các bạn\"}\n", "--no-classifiers").lines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith(
        "{\"id\":1,\"action\":\"ALLOW\",\"rating\":\"P\",\"categories\":[],\"findings\":[],"
            + "\"redacted\":\"xin chào các bạn\",\"safeUrl\":null,\"help\":null,\"scores\":{\"sexual\":0.0,");
    JsonNode scores = parse(lines.get(0)).get("scores");
    assertThat(scores.size()).isEqualTo(13);
    assertThat(scores.get("harassment").asDouble()).isBetween(0.0, 0.5);
  }

  @Test
  void idOfEveryJsonTypeIsEchoedAsWritten() {
    String[] ids = {"\"a\"", "\"\"", "\"mã số 7 \\\"x\\\"\"", "7", "-0", "1.50", "1e3", "12345678901234567890123",
        "true", "false", "null", "{\"k\":[1,\"b\"]}", "[]"};
    StringBuilder in = new StringBuilder();
    for (String id : ids) {
      in.append("{\"id\":").append(id).append(",\"text\":\"chào\"}\n");
    }
    in.append("{\"text\":\"chào\"}\n");

    List<String> lines = batch(in.toString()).lines();

    assertThat(lines).hasSize(ids.length + 1);
    for (int i = 0; i < ids.length; i++) {
      assertThat(lines.get(i)).startsWith("{\"id\":" + ids[i] + ",\"action\":\"ALLOW\"");
    }
    assertThat(lines.get(ids.length)).startsWith("{\"id\":null,\"action\":");
  }

  @Test
  void orderIsPreserved() {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      in.append("{\"id\":").append(i).append(",\"text\":\"")
          .append(i % 3 == 0 ? "đm" : i % 3 == 1 ? "chào" : "thằng ngu").append("\"}\n");
    }

    List<String> lines = batch(in.toString()).lines();

    assertThat(lines).hasSize(500);
    for (int i = 0; i < 500; i++) {
      JsonNode v = parse(lines.get(i));
      assertThat(v.get("id").asInt()).isEqualTo(i);
      assertThat(v.get("action").asText()).isEqualTo(i % 3 == 0 ? "BLOCK" : i % 3 == 1 ? "ALLOW" : "WARN");
    }
  }

  @Test
  void badLinesGetErrorObjectsAndTheRunGoesOn() {
    String[][] cases = {
        {"not json", "null", "invalid JSON"},
        {"[1,2]", "null", "not a JSON object"},
        {"\"text\"", "null", "not a JSON object"},
        {"", "null", "blank line"},
        {"   ", "null", "blank line"},
        {"{\"id\":1}", "1", "missing \"text\" or \"url\""},
        {"{\"id\":2,\"text\":\"a\",\"url\":\"http://x\"}", "2", "not both"},
        {"{\"id\":3,\"text\":5}", "3", "\"text\" must be a string, was a number"},
        {"{\"id\":4,\"text\":null}", "4", "\"text\" must be a string, was null"},
        {"{\"id\":5,\"text\":[\"a\"]}", "5", "\"text\" must be a string, was an array"},
        {"{\"id\":6,\"text\":\"a\",\"age\":151}", "6", "\"age\" must be a whole number from 0 to 150, was 151"},
        {"{\"id\":7,\"text\":\"a\",\"age\":-1}", "7", "\"age\""},
        {"{\"id\":8,\"text\":\"a\",\"age\":\"10\"}", "8", "was a string"},
        {"{\"id\":9,\"text\":\"a\",\"age\":10.5}", "9", "was 10.5"},
        {"{\"text\":7,\"id\":\"late\"}", "\"late\"", "\"text\" must be a string"},
        {"{\"id\":10,\"text\":\"a\"} {}", "10", "unexpected content"},
        {"{\"id\":11,\"text\":\"a\"", "11", "invalid JSON"},
        {"{\"id\":12,\"text\":\"a\",\"text\":\"b\"}", "12", "Duplicate field"},
        {"{\"id\":13,\"url\":5}", "13", "\"url\" must be a string"},
    };
    StringBuilder in = new StringBuilder();
    for (String[] c : cases) {
      in.append(c[0]).append('\n');
    }
    in.append("{\"id\":\"last\",\"text\":\"đm\"}\n");

    Cli.Result r = batch(in.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).hasSize(cases.length + 1);
    for (int i = 0; i < cases.length; i++) {
      JsonNode v = parse(r.lines().get(i));
      assertThat(fieldNames(v)).as(cases[i][0]).containsExactly("id", "error");
      assertThat(v.get("id").toString()).as(cases[i][0]).isEqualTo(cases[i][1]);
      assertThat(v.get("error").asText()).as(cases[i][0]).contains(cases[i][2]);
    }
    assertThat(parse(r.lines().get(cases.length)).get("action").asText()).isEqualTo("BLOCK");
  }

  @Test
  void urlLinesAreCheckedAndBadUrlsGetAnError() {
    List<String> out = batch("{\"id\":\"u\",\"url\":\"https://www.pornhub.com/view\"}\n"
        + "{\"id\":\"j\",\"url\":\"javascript:alert(1)\"}\n"
        + "{\"id\":\"e\",\"url\":\"https://olm.vn/bai-hoc\"}\n").lines();
    JsonNode listed = parse(out.get(0));
    assertThat(listed.get("action").asText()).isEqualTo("BLOCK");
    assertThat(listed.get("categories").toString()).isEqualTo("[\"sexual\"]");
    assertThat(fieldNames(parse(out.get(1)))).containsExactly("id", "error");
    assertThat(parse(out.get(1)).get("error").asText()).contains("malformed URL");
    assertThat(parse(out.get(2)).get("action").asText()).isEqualTo("ALLOW");
  }

  @Test
  void ageOnALineOverridesTheDefault() {
    String in = "{\"id\":1,\"text\":\"thằng ngu\"}\n"              // K for a 10-year-old: WARN
        + "{\"id\":2,\"text\":\"thằng ngu\",\"age\":13}\n"          // K from 13: ALLOW
        + "{\"id\":3,\"text\":\"đm\",\"age\":15}\n"                 // T16 at 15: BLOCK
        + "{\"id\":4,\"text\":\"đm\",\"age\":16}\n"                 // T16 at 16: ALLOW
        + "{\"id\":5,\"text\":\"thằng ngu\",\"age\":null}\n"        // null: the default age
        + "{\"id\":6,\"text\":\"đm\",\"age\":0}\n";

    List<String> actions = new ArrayList<>();
    for (String line : batch(in).lines()) {
      actions.add(parse(line).get("action").asText());
    }

    assertThat(actions).containsExactly("WARN", "ALLOW", "BLOCK", "ALLOW", "WARN", "BLOCK");
  }

  @Test
  void vietnameseRoundTripsAsUtf8Bytes() {
    String text = "Mày là thằng ngu, đồ ngu! 😀 Tiếng Việt có dấu";
    String nfd = Normalizer.normalize("thằng ngu", Normalizer.Form.NFD);
    byte[] in = ("{\"id\":\"vi\",\"text\":\"" + text + "\"}\n{\"id\":\"nfd\",\"text\":\"" + nfd + "\"}\n")
        .getBytes(UTF_8);

    Cli.Result r = Cli.run(in, "batch", "--age", "10", "--lexicon", Cli.lexicon());

    assertThat(r.out()).doesNotContain("\\u");   // letters are written as UTF-8, not escaped
    JsonNode v = parse(r.lines().get(0));
    List<String> matches = new ArrayList<>();
    for (JsonNode f : v.get("findings")) {
      assertThat(text.substring(f.get("start").asInt(), f.get("end").asInt())).isEqualTo(f.get("match").asText());
      matches.add(f.get("match").asText());
    }
    assertThat(matches).containsExactly("thằng ngu", "đồ ngu");
    assertThat(v.get("redacted").asText()).isEqualTo("Mày là ***** ***, ** ***! 😀 Tiếng Việt có dấu");
    JsonNode d = parse(r.lines().get(1));
    assertThat(d.get("findings").get(0).get("match").asText()).isEqualTo(nfd);
  }

  @Test
  void byteOrderMarkBeforeTheFirstLineIsIgnored() {
    assertThat(batch("\uFEFF{\"id\":1,\"text\":\"đm\"}\n").lines().get(0)).startsWith("{\"id\":1,\"action\":\"BLOCK\"");
  }

  @Test
  void lastLineWithoutLineBreakIsAnswered() {
    assertThat(batch("{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}").lines()).hasSize(2);
  }

  @Test
  void megabyteLineIsChecked() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 1_000_000) {
      text.append("xin chào các bạn, hôm nay trời đẹp quá. ");
    }
    int at = text.length();
    text.append("đm");
    String in = "{\"id\":\"big\",\"text\":\"" + text + "\"}\n{\"id\":\"next\",\"text\":\"chào\"}\n";

    Cli.Result r = batch(in);

    assertThat(r.exit()).isZero();
    assertThat(r.lines()).hasSize(2);
    JsonNode v = parse(r.lines().get(0));
    assertThat(v.get("action").asText()).isEqualTo("BLOCK");
    assertThat(v.get("findings")).hasSize(1);
    assertThat(v.get("findings").get(0).get("start").asInt()).isEqualTo(at);
    assertThat(v.get("redacted").asText()).hasSize(text.length());
    assertThat(parse(r.lines().get(1)).get("id").asText()).isEqualTo("next");
  }

  @Test
  void eachAnswerIsFlushedWhileTheCallerWaits() throws Exception {
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(feed, 1 << 16);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintWriter out = Main.utf8Writer(stdout, false);
    PrintWriter err = Main.utf8Writer(new ByteArrayOutputStream(), true);
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.commandLine(stdin, out, err)
        .execute("batch", "--age", "10", "--lexicon", Cli.lexicon()));

    feed.write("{\"id\":1,\"text\":\"đm\"}\n".getBytes(UTF_8));
    feed.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (stdout.size() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(stdout.toString(UTF_8)).startsWith("{\"id\":1,\"action\":\"BLOCK\"").endsWith("\n");

    feed.close();
    assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void emptyInputWritesNothing() {
    Cli.Result r = batch("");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void ageIsRequiredAndChecked() {
    assertThat(Cli.run("", "batch", "--lexicon", Cli.lexicon()).exit()).isEqualTo(2);
    Cli.Result r = Cli.run("", "batch", "--age", "151", "--lexicon", Cli.lexicon());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("lanhmanh: --age must be from 0 to 150").doesNotContain("\tat ");
  }
}
