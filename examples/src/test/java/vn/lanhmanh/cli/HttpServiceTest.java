package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/** {@code lanhmanh serve} over real HTTP on loopback: every endpoint, the limits, the errors, threads. */
class HttpServiceTest {

  private static ContentFilter filter;
  private static ServiceClient client;
  /** A second service with tiny limits: 2,048-byte bodies, 3 items, 50 chars. */
  private static ServiceClient small;

  @BeforeAll
  static void start() throws Exception {
    filter = ContentFilter.builder().build();
    client = ServiceClient.start(filter, null, ServiceLimits.DEFAULTS);
    small = ServiceClient.start(ContentFilter.builder().build(), null, new ServiceLimits(2048, 3, 50));
  }

  @AfterAll
  static void stop() {
    client.close();
    small.close();
  }

  /** What {@code batch} writes for this verdict, without the line break. */
  static String expected(JsonId id, Verdict v) throws Exception {
    StringWriter w = new StringWriter();
    new JsonOutput(w).verdict(id, v);
    return w.toString();
  }

  static JsonId number(long n) {
    return JsonId.scalar(JsonToken.VALUE_NUMBER_INT, Long.toString(n));
  }

  @Test
  void checkTextAnswersTheBatchLineExactly() throws Exception {
    String text = "Mày là thằng ngu, đm";
    ServiceClient.Reply r = client.post("/v1/check", "{\"id\": 7, \"text\": \"" + text + "\", \"age\": 10}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.type()).startsWith("application/json");
    assertThat(r.body()).isEqualTo(expected(number(7), filter.checkText(text, Policy.forAge(10))));
    JsonNode v = r.json();
    assertThat(v.get("action").asText()).isEqualTo("BLOCK");
    assertThat(v.get("findings").findValuesAsText("match")).contains("đm");
  }

  @Test
  void checkAnswersWhatTheBatchCommandWritesForTheSameLines() {
    List<String> lines = List.of(
        "{\"id\": 1, \"text\": \"đm thằng ngu\", \"age\": 10}",
        "{\"id\": \"a\", \"url\": \"https://www.google.com/search?q=phim+sex\", \"age\": 12}",
        "{\"id\": [1, 2], \"text\": \"gọi cho em số 0912 345 678 nhé\", \"age\": 9}",
        "{\"text\": \"xin chào các bạn\", \"age\": 18}");
    Cli.Result cli = Cli.run(String.join("\n", lines) + "\n", "batch", "--age", "10");
    assertThat(cli.exit()).isZero();
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      ServiceClient.Reply r = client.post("/v1/check", lines.get(i));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(cli.lines().get(i) + "\n");
      items.append(i == 0 ? "" : ",").append(lines.get(i));
    }
    ServiceClient.Reply batch = client.post("/v1/batch", "{\"items\": [" + items + "]}");
    assertThat(batch.status()).isEqualTo(200);
    assertThat(batch.body()).isEqualTo("{\"results\":[" + String.join(",", cli.lines()) + "]}\n");
  }

  @Test
  void urlCheckCarriesSafeUrlAndTierSelectsThePolicy() {
    JsonNode v = client.post("/v1/check", "{\"url\": \"https://www.google.com/search?q=phim+sex\", \"tier\": \"P\"}").json();
    assertThat(v.get("action").asText()).isEqualTo("BLOCK");
    assertThat(v.get("safeUrl").asText()).contains("safe=active");
    JsonNode adult = client.post("/v1/check", "{\"text\": \"đm thằng ngu\", \"tier\": \"T18\"}").json();
    JsonNode child = client.post("/v1/check", "{\"text\": \"đm thằng ngu\", \"tier\": \"P\"}").json();
    assertThat(child.get("action").asText()).isEqualTo("BLOCK");
    assertThat(adult.get("action").asText()).isNotEqualTo("BLOCK");
  }

  @Test
  void conversationMessagesAddTheConversationState() {
    String base = "\"age\": 11, \"conversation\": \"chat-http-1\", \"sender\": \"other\", \"time\": 1718000000";
    client.post("/v1/check", "{\"id\": \"m1\", \"text\": \"em học lớp mấy rồi, nhà em ở đâu?\", " + base + "}");
    client.post("/v1/check", "{\"id\": \"m2\", \"text\": \"nhớ xóa tin nhắn nhé, đừng nói với ai\", " + base + "}");
    ServiceClient.Reply r = client.post("/v1/check",
        "{\"id\": \"m3\", \"text\": \"gửi anh ảnh của em đi, mai mình gặp nhau nhé\", " + base + "}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode c = r.json().get("conversation");
    assertThat(c.get("id").asText()).isEqualTo("chat-http-1");
    assertThat(c.get("risk").asDouble()).isBetween(0.0, 1.0);
    assertThat(c.get("stages").findValuesAsText("")).isEmpty();
    assertThat(c.get("stages").toString()).contains("secrecy");
    assertThat(c.get("reasons").size()).isEqualTo(c.get("stages").size());
    assertThat(r.json().get("id").asText()).isEqualTo("m3");
    assertThat(client.post("/v1/check", "{\"text\": \"x\", \"age\": 11, \"conversation\": \"c\"}").json()
        .get("code").asText()).isEqualTo("invalid_request");
  }

  @Test
  void batchAnswersInOrderWithItemErrors() {
    ServiceClient.Reply r = client.post("/v1/batch", "{\"items\": ["
        + "{\"id\": 1, \"text\": \"xin chào\", \"age\": 10},"
        + "{\"id\": 2, \"url\": \"javascript:alert(1)\", \"age\": 10},"
        + "42,"
        + "{\"id\": 4, \"text\": \"đm\"},"
        + "{\"id\": 5, \"url\": \"https://nohu88.club/\", \"tier\": \"T18\"}]}");
    assertThat(r.status()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(results).hasSize(5);
    assertThat(results.get(0).get("action").asText()).isEqualTo("ALLOW");
    assertThat(results.get(1).get("error").asText()).startsWith("malformed URL");
    assertThat(results.get(2).get("error").asText()).startsWith("not a JSON object");
    assertThat(results.get(3).get("error").asText()).contains("\"age\"");
    assertThat(results.get(3).get("id").asInt()).isEqualTo(4);
    assertThat(results.get(4).get("action").asText()).isEqualTo("BLOCK");
    assertThat(client.post("/v1/batch", "{\"items\": []}").body()).isEqualTo("{\"results\":[]}\n");
  }

  @Test
  void malformedJsonIs400WithAStableCode() {
    for (String body : List.of("", "{", "{\"text\": \"a\", \"age\": 10", "{\"text\": \"a\", \"age\": 10} x", "nope",
        "{\"text\": \"a\", \"text\": \"b\", \"age\": 10}", "{'text': 'a'}")) {
      ServiceClient.Reply r = client.post("/v1/check", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.json().get("code").asText()).isEqualTo("malformed_json");
      assertThat(client.post("/v1/batch", body).status()).as("batch " + body).isEqualTo(400);
    }
  }

  @Test
  void outgoingSwitchesPersonalInformationOn() {
    String text = "số em là 0912 345 678";
    JsonNode read = client.post("/v1/check", "{\"text\": \"" + text + "\", \"age\": 10}").json();
    assertThat(read.get("categories").toString()).doesNotContain("pii");
    assertThat(read.get("action").asText()).isEqualTo("ALLOW");
    JsonNode written = client.post("/v1/check", "{\"text\": \"" + text + "\", \"age\": 10, \"outgoing\": true}").json();
    assertThat(written.get("categories").toString()).contains("pii");
    assertThat(written.get("action").asText()).isEqualTo("WARN");
    ServiceClient.Reply bad = client.post("/v1/check", "{\"text\": \"a\", \"age\": 10, \"outgoing\": \"yes\"}");
    assertThat(bad.status()).isEqualTo(422);
  }

  @Test
  void thresholdsMakeAVerdictStricter() {
    String text = "đm thằng ngu";   // profanity, T16: an 18-year-old may read it
    JsonNode plain = client.post("/v1/check", "{\"text\": \"" + text + "\", \"age\": 18}").json();
    assertThat(plain.get("action").asText()).isEqualTo("ALLOW");
    JsonNode strict = client.post("/v1/check",
        "{\"text\": \"" + text + "\", \"age\": 18, \"thresholds\": {\"profanity\": 0.5}}").json();
    assertThat(strict.get("action").asText()).isEqualTo("BLOCK");
    JsonNode unreached = client.post("/v1/check",
        "{\"text\": \"các bạn ơi\", \"age\": 10, \"thresholds\": {\"self_harm\": 0.9, \"scam\": 1}}").json();
    assertThat(unreached.get("action").asText()).isEqualTo("ALLOW");
    for (String bad : List.of("[]", "0.5", "{\"nope\": 0.5}", "{\"profanity\": 1.5}", "{\"profanity\": \"high\"}",
        "{\"profanity\": {\"a\": 1}}", "{\"nope\": [1, 2], \"profanity\": 0.5}")) {
      ServiceClient.Reply r = client.post("/v1/check", "{\"text\": \"a\", \"age\": 10, \"thresholds\": " + bad + "}");
      assertThat(r.status()).as(bad).isEqualTo(422);
      assertThat(r.json().get("message").asText()).as(bad).contains("thresholds");
    }
  }

  @Test
  void wrongShapesAre422() {
    for (String body : List.of("[]", "\"text\"", "{}", "{\"age\": 10}", "{\"text\": \"a\"}",
        "{\"text\": \"a\", \"url\": \"http://a.vn\", \"age\": 10}", "{\"text\": 1, \"age\": 10}",
        "{\"text\": \"a\", \"age\": 200}", "{\"text\": \"a\", \"age\": \"10\"}", "{\"text\": \"a\", \"age\": 10.5}",
        "{\"text\": \"a\", \"tier\": \"K\"}", "{\"text\": \"a\", \"age\": 10, \"tier\": \"P\"}",
        "{\"url\": \"http://a.vn\", \"age\": 10, \"conversation\": \"c\", \"sender\": \"child\"}",
        "{\"text\": \"a\", \"age\": 10, \"sender\": \"child\"}")) {
      ServiceClient.Reply r = client.post("/v1/check", body);
      assertThat(r.status()).as(body).isEqualTo(422);
      assertThat(r.json().get("code").asText()).as(body).isEqualTo("invalid_request");
      assertThat(r.json().get("message").asText()).as(body).isNotBlank();
    }
    for (String body : List.of("{}", "{\"items\": 3}", "{\"items\": {}}", "[]")) {
      assertThat(client.post("/v1/batch", body).status()).as(body).isEqualTo(422);
    }
    ServiceClient.Reply url = client.post("/v1/check", "{\"url\": \"javascript:alert(1)\", \"age\": 10}");
    assertThat(url.status()).isEqualTo(422);
    assertThat(url.json().get("code").asText()).isEqualTo("malformed_url");
  }

  @Test
  void limitsAreEnforcedWithTheirCodes() {
    String longText = "a".repeat(51);
    ServiceClient.Reply text = small.post("/v1/check", "{\"text\": \"" + longText + "\", \"age\": 10}");
    assertThat(text.status()).isEqualTo(422);
    assertThat(text.json().get("code").asText()).isEqualTo("text_too_long");
    assertThat(small.post("/v1/check", "{\"url\": \"http://" + longText + ".vn\", \"age\": 10}").json()
        .get("code").asText()).isEqualTo("text_too_long");
    assertThat(small.post("/v1/check", "{\"text\": \"" + "a".repeat(50) + "\", \"age\": 10}").status()).isEqualTo(200);

    ServiceClient.Reply body = small.post("/v1/check", "{\"text\": \"" + "a".repeat(3000) + "\", \"age\": 10}");
    assertThat(body.status()).isEqualTo(413);
    assertThat(body.json().get("code").asText()).isEqualTo("body_too_large");
    // no Content-Length: the limit holds while reading, too
    ServiceClient.Reply chunked = small.send(HttpRequest.newBuilder(small.uri("/v1/batch"))
        .header("Content-Type", "application/json").POST(
        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
            ("{\"items\": [" + "{\"text\": \"a\", \"age\": 1},".repeat(200) + "]}").getBytes(UTF_8)))));
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.json().get("code").asText()).isEqualTo("body_too_large");

    String item = "{\"text\": \"a\", \"age\": 10}";
    assertThat(small.post("/v1/batch", "{\"items\": [" + String.join(",", List.of(item, item, item)) + "]}")
        .status()).isEqualTo(200);
    ServiceClient.Reply many = small.post("/v1/batch", "{\"items\": [" + String.join(",", List.of(item, item, item, item)) + "]}");
    assertThat(many.status()).isEqualTo(413);
    assertThat(many.json().get("code").asText()).isEqualTo("too_many_items");

    ServiceClient.Reply inBatch = small.post("/v1/batch", "{\"items\": [{\"id\": 9, \"text\": \"" + longText + "\", \"age\": 1}]}");
    assertThat(inBatch.json().get("results").get(0).get("error").asText()).contains("limit is 50");
  }

  @Test
  void theDefaultLimitsAreTheDocumentedOnes() {
    assertThat(ServiceLimits.DEFAULTS).isEqualTo(new ServiceLimits(1_048_576, 1_000, 100_000));
    String text = "đm ".repeat(33_333) + "a";   // 100,000 chars
    assertThat(client.post("/v1/check", "{\"text\": \"" + text + "\", \"age\": 10}").status()).isEqualTo(200);
    assertThat(client.post("/v1/check", "{\"text\": \"" + text + "b\", \"age\": 10}").json().get("code").asText())
        .isEqualTo("text_too_long");
  }

  @Test
  void unknownRoutesAndMethodsAreJsonErrors() {
    ServiceClient.Reply missing = client.get("/v2/check");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("code").asText()).isEqualTo("not_found");
    ServiceClient.Reply method = client.get("/v1/check");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.json().get("code").asText()).isEqualTo("method_not_allowed");
    assertThat(client.send(HttpRequest.newBuilder(client.uri("/healthz")).DELETE()).status()).isEqualTo(405);
  }

  @Test
  void jettysOwnErrorsAreJsonWithoutStackTraces() throws Exception {
    try (Socket s = new Socket("127.0.0.1", client.service.port())) {
      OutputStream out = s.getOutputStream();
      out.write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ".getBytes(UTF_8));
      out.write("a".repeat(64 * 1024).getBytes(UTF_8));
      out.write("\r\n\r\n".getBytes(UTF_8));
      out.flush();
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 431");
      assertThat(answer).contains("\"code\":\"headers_too_large\"").doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  @Test
  void healthMetricsOpenapiAndPage() {
    assertThat(client.get("/healthz").body()).isEqualTo("{\"status\":\"ok\"}\n");
    client.post("/v1/check", "{\"text\": \"đm\", \"age\": 10}");
    client.post("/v1/check", "{\"url\": \"https://example.com/\", \"age\": 10}");
    client.post("/v1/check", "{\"url\": \"https://example.com/\", \"age\": 10}");
    ServiceClient.Reply m = client.get("/metrics");
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.type()).startsWith("text/plain; version=0.0.4");
    assertThat(m.body())
        .contains("# TYPE lanhmanh_checks_total counter")
        .contains("lanhmanh_checks_by_category_total{category=\"profanity\"}")
        .contains("lanhmanh_check_duration_seconds_bucket{le=\"+Inf\"}")
        .contains("lanhmanh_check_duration_seconds_count ")
        .contains("lanhmanh_url_cache_hit_ratio ")
        .contains("lanhmanh_index_generation 0")
        .contains("lanhmanh_http_requests_total{route=\"/v1/check\",status=\"200\"}");
    assertThat(metric(m.body(), "lanhmanh_checks_total{kind=\"text\",action=\"BLOCK\"}")).isPositive();
    assertThat(metric(m.body(), "lanhmanh_url_cache_requests_total{result=\"hit\"}")).isPositive();
    for (String line : m.body().split("\n")) {
      assertThat(line).matches("# (HELP|TYPE) .*|[a-z_]+(\\{[^}]*\\})? [0-9.+Inf-]+");
    }

    assertThat(client.get("/openapi.json").json().get("openapi").asText()).startsWith("3.");
    ServiceClient.Reply page = client.get("/");
    assertThat(page.type()).startsWith("text/html");
    assertThat(page.body()).contains("playground.js").contains("Kiểm tra");
    assertThat(client.get("/playground.js").type()).startsWith("text/javascript");
    assertThat(client.get("/playground.css").type()).startsWith("text/css");
  }

  static double metric(String exposition, String series) {
    for (String line : exposition.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1));
      }
    }
    throw new AssertionError("no series " + series);
  }

  @Test
  void indexEndpointsWithoutAnIndex() {
    JsonNode i = client.get("/v1/index").json();
    assertThat(i.get("configured").asBoolean()).isFalse();
    assertThat(i.get("lexicon").get("rule").asInt()).isPositive();
    ServiceClient.Reply r = client.post("/v1/index/refresh", "");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("code").asText()).isEqualTo("no_index");
  }

  @Test
  void concurrentRequestsAreAllAnsweredCorrectly() throws Exception {
    String[] texts = {"đm thằng ngu", "xin chào các bạn", "số của em là 0912 345 678", "mày muốn chết à",
        "Cô giáo dạy chúng em phòng chống ma túy", "https://nohu88.club/", "https://vi.wikipedia.org/wiki/Hà_Nội",
        "https://www.google.com/search?q=phim+sex"};
    String[] expected = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      Policy p = Policy.forAge(10 + i);
      Verdict v = texts[i].startsWith("https://") ? filter.checkUrl(texts[i], p) : filter.checkText(texts[i], p);
      expected[i] = expected(number(i), v);
    }
    int threads = 8;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        done.add(pool.submit(() -> {
          int ok = 0;
          for (int n = 0; n < perThread; n++) {
            int i = (seed * 31 + n * 7) % texts.length;
            String field = texts[i].startsWith("https://") ? "url" : "text";
            ServiceClient.Reply r = client.post("/v1/check",
                "{\"id\": " + i + ", \"" + field + "\": \"" + texts[i] + "\", \"age\": " + (10 + i) + "}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(expected[i]);
            ok++;
          }
          return ok;
        }));
      }
      int answered = 0;
      for (Future<Integer> f : done) {
        answered += f.get(120, TimeUnit.SECONDS);
      }
      assertThat(answered).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOversizedBodyIsRefusedWithoutLosingTheConnectionsNextRequest() throws Exception {
    // Before: the 413 left the body unread and kept the connection open, then Jetty dropped it, so a
    // keep-alive client's next request on it got no answer (and a client still sending lost the 413).
    byte[] ok = "{\"text\": \"a\", \"age\": 10}".getBytes(UTF_8);
    try (Http1Client c = new Http1Client(small.service.port())) {
      // 1 MiB sent whole, within what the service reads before refusing: 413, and the connection goes on
      Http1Client.Reply over = c.post("/v1/check", ("{\"text\": \"" + "a".repeat(1 << 20) + "\", \"age\": 10}").getBytes(UTF_8));
      assertThat(over.status()).isEqualTo(413);
      assertThat(new String(over.body(), UTF_8)).contains("\"code\":\"body_too_large\"", "was 1048599");
      assertThat(over.closes()).isFalse();
      assertThat(c.post("/v1/check", ok).status()).isEqualTo(200);
      assertThat(c.connections()).isEqualTo(1);

      // announced with Expect: 100-continue: refused before it is sent, and the connection is closed
      Http1Client.Reply waiting = c.postWaiting("/v1/check", 1L << 30);
      assertThat(waiting.status()).isEqualTo(413);
      assertThat(waiting.closes()).isTrue();
      assertThat(c.post("/v1/check", ok).status()).isEqualTo(200);
      assertThat(c.connections()).isEqualTo(2);

      // sent whole but longer than the service reads: 413 with Connection: close, still read by the client
      byte[] huge = new byte[2048 + HttpService.MAX_DISCARD_BYTES + 1];
      java.util.Arrays.fill(huge, (byte) ' ');
      Http1Client.Reply closing = c.post("/v1/check", huge);
      assertThat(closing.status()).isEqualTo(413);
      assertThat(closing.closes()).isTrue();
      assertThat(c.post("/v1/check", ok).status()).isEqualTo(200);
      assertThat(c.connections()).isEqualTo(3);
    }
  }

  @Test
  void closeFinishesRequestsInProgressThenRefusesNewOnes() throws Exception {
    // a 2 MB batch, so that it is still being checked when close() is called
    ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null, new ServiceLimits(16 << 20, 1000, 100_000));
    String item = "{\"text\": \"" + "Hôm nay lớp em học toán và tiếng Việt. ".repeat(1500) + "\", \"age\": 10},";
    StringBuilder body = new StringBuilder("{\"items\": [");
    body.append(item.repeat(40)).setLength(body.length() - 1);
    body.append("]}");
    CompletableFuture<ServiceClient.Reply> slow = CompletableFuture.supplyAsync(() -> c.post("/v1/batch", body.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (c.service.inflight() == 0 && !slow.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    java.net.URI health = c.uri("/healthz");
    c.close();
    ServiceClient.Reply r = slow.get(30, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("results")).hasSize(40);
    assertThatThrownBy(() -> c.send(HttpRequest.newBuilder(health).GET())).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void closeWaitsUntilALargeAnswerIsReadBySlowClient() throws Exception {
    // A batch of about 7 MB whose answer is larger than the socket buffers hold (the client's is kept
    // small), so the service is still writing it when close() is called; the client then reads nothing for
    // 2.5 s. (Jetty's own graceful stop cut the idle timeout of open connections to 1 s: this answer was cut.)
    ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null, new ServiceLimits(64 << 20, 1000, 100_000));
    int items = 100;
    String item = "{\"text\": \"" + "Hôm nay lớp em học toán và tiếng Việt. ".repeat(1500) + "\", \"age\": 10},";
    StringBuilder json = new StringBuilder("{\"items\": [");
    json.append(item.repeat(items)).setLength(json.length() - 1);
    byte[] body = json.append("]}").toString().getBytes(UTF_8);
    CompletableFuture<Void> closed;
    byte[] answer;
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", c.service.port()));
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\n\r\n")
          .getBytes(UTF_8));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      int first = in.read();   // the answer has started
      closed = CompletableFuture.runAsync(c::close);
      Thread.sleep(2_500);
      byte[] rest = in.readAllBytes();   // to the end of the connection, which close() ends
      answer = new byte[rest.length + 1];
      answer[0] = (byte) first;
      System.arraycopy(rest, 0, answer, 1, rest.length);
    }
    closed.get(30, TimeUnit.SECONDS);
    String text = new String(answer, UTF_8);
    int split = text.indexOf("\r\n\r\n");
    assertThat(text).startsWith("HTTP/1.1 200 ");
    String head = text.substring(0, split);
    long length = Long.parseLong(head.replaceAll("(?s).*\r\nContent-Length: (\\d+).*", "$1"));
    assertThat(length).isGreaterThan(6L << 20);
    assertThat(answer.length - head.getBytes(UTF_8).length - 4).as("body bytes received").isEqualTo(length);
    assertThat(Json.MAPPER.readTree(text.substring(split + 4)).get("results")).hasSize(items);
  }
}
