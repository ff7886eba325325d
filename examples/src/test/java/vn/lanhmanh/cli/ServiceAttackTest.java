package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.conversation.ConversationMonitor;

/**
 * Short versions of the attacks of SECURITY.md ("The service under attack"), each a few seconds, all on
 * 127.0.0.1: memory kept per message id, slow bodies against the thread pool, concurrent batches, a flood
 * of new conversations against a groomer's record, and browser-borne requests. The long runs with the
 * issue's figures are {@code ServiceAttackRun} (see SECURITY.md for the command).
 */
class ServiceAttackTest {

  static final String GROOM_1 = "em học lớp mấy rồi, nhà em ở đâu?";
  static final String GROOM_2 = "nhớ xóa tin nhắn nhé, đừng nói với ai";
  static final String GROOM_3 = "gửi anh ảnh của em đi, mai mình gặp nhau nhé";

  static HttpService.Config config(ServiceBudgets budgets, ServiceAccess access, int threads) {
    return new HttpService.Config("127.0.0.1", 0, ServiceLimits.DEFAULTS, threads, 5_000, budgets, access);
  }

  static ServiceBudgets budgets(int heavy, long bodyTimeoutMillis, int newConversationsPerMinute) {
    return new ServiceBudgets(ServiceBudgets.DEFAULT_MAX_ANSWER_BYTES, heavy, bodyTimeoutMillis,
        ServiceBudgets.DEFAULT_MIN_BYTES_PER_SECOND, ServiceBudgets.DEFAULT_MAX_CONNECTIONS, newConversationsPerMinute);
  }

  static String message(String conversation, String id, String text, long time) {
    return "{\"id\": " + q(id) + ", \"text\": " + q(text) + ", \"age\": 11, \"conversation\": "
        + q(conversation) + ", \"sender\": \"other\", \"time\": " + time + "}";
  }

  /** Sends one raw HTTP/1.1 request and returns the whole answer (the request should close). */
  static String raw(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(UTF_8));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] b = new byte[8192];
      for (int n; (n = in.read(b)) > 0; ) {
        out.write(b, 0, n);
        String text = out.toString(UTF_8);
        int head = text.indexOf("\r\n\r\n");
        if (head >= 0) {
          int cl = text.toLowerCase().indexOf("content-length: ");
          if (cl >= 0 && cl < head) {
            int len = Integer.parseInt(text.substring(cl + 16, text.indexOf("\r\n", cl)).trim());
            if (out.size() >= head + 4 + len) {
              break;
            }
          }
        }
      }
      return out.toString(UTF_8);
    }
  }

  @Test
  void hugeMessageIdsKeepTheConversationStoreWithinItsBytes() throws Exception {
    long budget = 4L << 20;
    ContentFilter filter = ContentFilter.builder().maxConversationBytes(budget).build();
    try (ServiceClient c = ServiceClient.start(filter, null, config(budgets(1, 10_000, 0), ServiceAccess.NONE, 32));
        Http1Client h = new Http1Client(c.service.port())) {
      String id = "x".repeat(900_000);
      for (int i = 0; i < 120; i++) {
        Http1Client.Reply r = h.post("/v1/check", message("big-" + i, id + i, GROOM_2, 1718000000L).getBytes(UTF_8));
        assertThat(r.status()).as("request %d: %s", i, new String(r.body(), UTF_8)).isEqualTo(200);
      }
      var counts = filter.conversationCounts();
      assertThat(counts.get("conversations")).isEqualTo(120);
      // 120 × 900 KB of ids sent; what is kept is a few hundred bytes per window
      assertThat(counts.get("bytes")).isLessThan(120L * 2_000).isLessThanOrEqualTo(budget);
      JsonNode v = c.post("/v1/check", message("big-0", id, GROOM_1, 1718000001L)).json();
      assertThat(v.get("conversation").get("risk").asDouble()).isPositive();
      assertThat(filter.conversation("big-0").check(vn.lanhmanh.Message.of(id, vn.lanhmanh.Message.Sender.OTHER, GROOM_3),
          vn.lanhmanh.Policy.forAge(11)).evidence()).allSatisfy(e ->
          assertThat(e.messageId().length()).isLessThanOrEqualTo(ConversationMonitor.MAX_MESSAGE_ID_CHARS));
      assertThat(c.get("/healthz").status()).isEqualTo(200);
      assertThat(c.get("/metrics").body()).contains("lanhmanh_conversation_bytes " + filter.conversationCounts().get("bytes"));
    }
  }

  @Test
  void slowBodiesDoNotStarveANormalClient() throws Exception {
    int slow = 40;
    int threads = 8;   // far fewer threads than slow connections: a thread per slow body would starve
    try (ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null,
        config(budgets(1, 2_000, 0), ServiceAccess.NONE, threads))) {
      int port = c.service.port();
      List<Socket> sockets = new ArrayList<>();
      Socket probe = new Socket("127.0.0.1", port);   // a slow body that sends nothing more: its answer is read last
      probe.setSoTimeout(10_000);
      probe.getOutputStream().write(("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 10000\r\n\r\n{").getBytes(UTF_8));
      sockets.add(probe);
      try {
        for (int i = 1; i < slow; i++) {
          Socket s = new Socket("127.0.0.1", port);
          s.setSoTimeout(10_000);
          s.getOutputStream().write(("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: " + (i % 2 == 0 ? 1_000_000 : 10_000) + "\r\n\r\n{").getBytes(UTF_8));
          s.getOutputStream().flush();
          sockets.add(s);
        }
        int answered = 0;
        long worst = 0;
        try (Http1Client normal = new Http1Client(port)) {
          for (int i = 0; i < 40; i++) {
            for (Socket s : sockets.subList(1, sockets.size())) {
              if (!s.isClosed()) {
                try {
                  s.getOutputStream().write(' ');   // one byte now and then keeps each connection alive
                } catch (IOException e) {
                  s.close();   // the service closed it (body deadline)
                }
              }
            }
            long t0 = System.nanoTime();
            Http1Client.Reply r = normal.post("/v1/check", "{\"text\": \"xin chào\", \"age\": 10}".getBytes(UTF_8));
            worst = Math.max(worst, System.nanoTime() - t0);
            answered += r.status() == 200 ? 1 : 0;
            Thread.sleep(50);
          }
        }
        assertThat(answered).isEqualTo(40);
        assertThat(TimeUnit.NANOSECONDS.toMillis(worst)).as("slowest normal answer, ms").isLessThan(2_000);
        // past the 2 s body deadline each slow request is answered 408 and closed
        String timedOut = new String(probe.getInputStream().readAllBytes(), UTF_8);
        assertThat(timedOut).startsWith("HTTP/1.1 408 ").contains("\"code\":\"body_timeout\"").contains("Connection: close");
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  @Test
  void heavyWorkRunsOneAtATimeAndQueuesTheNext() throws Exception {
    try (ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null,
        config(budgets(1, 10_000, 0), ServiceAccess.NONE, 64))) {
      String item = "{\"text\": \"" + "Hôm nay lớp em học toán và tiếng Việt, đm. ".repeat(20) + "\", \"age\": 10}";
      String batch = "{\"items\": [" + String.join(",", java.util.Collections.nCopies(100, item)) + "]}";
      int senders = 2 * HttpService.MAX_WAITING_PER_PERMIT;
      ExecutorService pool = Executors.newFixedThreadPool(senders);
      try {
        List<Future<Http1Client.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
          replies.add(pool.submit(() -> {
            try (Http1Client h = new Http1Client(c.service.port())) {
              return h.post("/v1/batch", batch.getBytes(UTF_8));
            }
          }));
        }
        int small = 0;
        for (int i = 0; i < 20; i++) {
          small += c.post("/v1/check", "{\"text\": \"xin chào\", \"age\": 10}").status() == 200 ? 1 : 0;
        }
        int ok = 0;
        int busy = 0;
        for (Future<Http1Client.Reply> f : replies) {
          Http1Client.Reply r = f.get(60, TimeUnit.SECONDS);
          if (r.status() == 200) {
            ok++;
          } else {
            assertThat(r.status()).isEqualTo(503);
            assertThat(new String(r.body(), UTF_8)).contains("\"code\":\"busy\"");
            assertThat(r.headers().get("retry-after")).isEqualTo("1");
            busy++;
          }
        }
        assertThat(small).isEqualTo(20);
        assertThat(c.service.heavyPeak()).isEqualTo(1);
        assertThat(ok).isGreaterThan(HttpService.MAX_WAITING_PER_PERMIT / 2);
        assertThat(ok + busy).isEqualTo(senders);
        assertThat(c.get("/metrics").body()).contains("lanhmanh_http_errors_total{code=\"busy\"} " + busy);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void shortMemoryMakesHealthDegradedAndRefusesHeavyWork() throws Exception {
    try (ServiceClient c = ServiceClient.start()) {
      assertThat(c.get("/healthz").status()).isEqualTo(200);
      c.service.memory = () -> new MemoryWatch.Reading(950L << 20, 1000L << 20);
      ServiceClient.Reply h = c.get("/healthz");
      assertThat(h.status()).isEqualTo(503);
      assertThat(h.json().get("status").asText()).isEqualTo("degraded");
      assertThat(h.json().get("reason").asText()).contains("950 MiB of 1000 MiB");
      ServiceClient.Reply b = c.post("/v1/batch", "{\"items\": [{\"text\": \"a\", \"age\": 10}]}");
      assertThat(b.status()).isEqualTo(503);
      assertThat(b.json().get("code").asText()).isEqualTo("busy");
      assertThat(c.post("/v1/check", "{\"text\": \"a\", \"age\": 10}").status()).isEqualTo(200);
      c.service.memory = MemoryWatch::read;
      assertThat(c.get("/healthz").status()).isEqualTo(200);
    }
  }

  @Test
  void anAnswerOverTheBudgetIsRefusedWithItsCode() throws Exception {
    ServiceBudgets tight = new ServiceBudgets(64 * 1024, 1, 10_000, 0, 100, 0);
    try (ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null,
        config(tight, ServiceAccess.NONE, 16))) {
      // A finding every three chars: each answer lists Verdict.MAX_FINDINGS of them (about 15 KB) for a text
      // of 900 chars, so forty of them make an answer far larger than the request.
      String item = "{\"text\": \"" + "đm ".repeat(300) + "\", \"age\": 10}";
      ServiceClient.Reply r = c.post("/v1/batch", "{\"items\": [" + String.join(",", java.util.Collections.nCopies(40, item))
          + "]}");
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.json().get("code").asText()).isEqualTo("answer_too_large");
      assertThat(c.post("/v1/check", "{\"text\": \"đm\", \"age\": 10}").status()).isEqualTo(200);
    }
  }

  @Test
  void aFloodOfNewConversationsDoesNotWipeAGroomersRisk() throws Exception {
    // the stage model alone (no classifier signals, whose decay moves the risk with every message): the same
    // risk after the flood says the window was kept whole
    ContentFilter filter = ContentFilter.builder().maxConversations(500).withoutClassifiers().build();
    try (ServiceClient c = ServiceClient.start(filter, null, config(budgets(1, 10_000, 0), ServiceAccess.NONE, 32))) {
      c.post("/v1/check", message("groomer", "g1", GROOM_1, 1718000000L));
      c.post("/v1/check", message("groomer", "g2", GROOM_2, 1718000060L));
      double risk = c.post("/v1/check", message("groomer", "g3", GROOM_3, 1718000120L)).json()
          .get("conversation").get("risk").asDouble();
      assertThat(risk).isGreaterThanOrEqualTo(0.5);
      for (int b = 0; b < 3; b++) {
        StringBuilder items = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 1000; i++) {
          items.append(i == 0 ? "" : ",").append(message("flood-" + b + "-" + i, "m", "chào bạn, hôm nay thế nào?", 1718000200L));
        }
        assertThat(c.post("/v1/batch", items.append("]}").toString()).status()).isEqualTo(200);
      }
      JsonNode after = c.post("/v1/check", message("groomer", "g4", "ừ", 1718000300L)).json().get("conversation");
      assertThat(after.get("risk").asDouble()).isEqualTo(risk);
      String metrics = c.get("/metrics").body();
      assertThat(metrics).contains("lanhmanh_conversations_evicted_total{tier=\"innocent\"} " + (3000 + 1 - 500))
          .contains("lanhmanh_conversations_evicted_total{tier=\"at_risk\"} 0")
          .contains("lanhmanh_conversations{tier=\"at_risk\"} 1");
    }
  }

  @Test
  void newConversationsPerClientAreLimited() throws Exception {
    try (ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null,
        config(budgets(1, 10_000, 5), ServiceAccess.NONE, 16))) {
      for (int i = 0; i < 5; i++) {
        assertThat(c.post("/v1/check", message("n" + i, "m", "chào", 1718000000L)).status()).isEqualTo(200);
      }
      ServiceClient.Reply refused = c.post("/v1/check", message("n5", "m", "chào", 1718000000L));
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.json().get("code").asText()).isEqualTo("too_many_conversations");
      // a conversation already kept goes on, and so do lone checks
      assertThat(c.post("/v1/check", message("n0", "m2", "chào", 1718000001L)).status()).isEqualTo(200);
      assertThat(c.post("/v1/check", "{\"text\": \"chào\", \"age\": 10}").status()).isEqualTo(200);
    }
  }

  @Test
  void browserShapedRequestsAreRefused() throws Exception {
    try (ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null,
        config(ServiceBudgets.defaults(), ServiceAccess.NONE, 16))) {
      int port = c.service.port();
      String body = "{\"text\": \"xin chào\", \"age\": 10}";
      for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
          "application/jsonx", "")) {
        String answer = raw(port, "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n") + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(answer).as(type).startsWith("HTTP/1.1 415 ").contains("\"code\":\"unsupported_media_type\"");
      }
      // a POST without a body needs no media type
      assertThat(raw(port, "POST /v1/index/refresh HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
          .startsWith("HTTP/1.1 409 ").contains("\"code\":\"no_index\"");
      assertThat(raw(port, "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json; charset=utf-8\r\n"
          + "Content-Length: " + body.getBytes(UTF_8).length + "\r\nConnection: close\r\n\r\n" + body)).startsWith("HTTP/1.1 200 ");

      for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.nip.io", "localhost.evil.example", "10.0.0.1")) {
        String answer = raw(port, "GET /v1/index HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
        assertThat(answer).as(host).startsWith("HTTP/1.1 421 ").contains("\"code\":\"host_not_allowed\"");
      }
      for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port)) {
        assertThat(raw(port, "GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
            .as(host).startsWith("HTTP/1.1 200 ");
      }

      // CORS is off by default: no Access-Control-Allow-Origin, and a preflight is not answered as one
      String cors = raw(port, "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
      assertThat(cors).startsWith("HTTP/1.1 200 ").doesNotContainIgnoringCase("access-control-");
      String preflight = raw(port, "OPTIONS /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
          + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n");
      assertThat(preflight).startsWith("HTTP/1.1 405 ").doesNotContainIgnoringCase("access-control-");
    }
  }

  @Test
  void namedOriginsGetCorsAndApiKeyGuardsStateChanges() throws Exception {
    String key = "k-0123456789abcdef";
    ServiceAccess access = new ServiceAccess(Set.of("filter.school.vn"), Set.of("https://app.school.vn"), key);
    try (ServiceClient c = ServiceClient.start(ContentFilter.builder().build(), null,
        config(ServiceBudgets.defaults(), access, 16))) {
      int port = c.service.port();
      String preflight = raw(port, "OPTIONS /v1/check HTTP/1.1\r\nHost: filter.school.vn\r\nOrigin: https://app.school.vn\r\n"
          + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
      assertThat(preflight).startsWith("HTTP/1.1 204 ").contains("Access-Control-Allow-Origin: https://app.school.vn")
          .contains("Access-Control-Allow-Headers: Content-Type, Authorization");
      assertThat(raw(port, "GET /healthz HTTP/1.1\r\nHost: filter.school.vn\r\nOrigin: https://other.vn\r\n"
          + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ").doesNotContainIgnoringCase("access-control-");

      String msg = message("chat-1", "m1", GROOM_2, 1718000000L);
      String head = "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
          + "Content-Length: " + msg.getBytes(UTF_8).length + "\r\n";
      assertThat(raw(port, head + "\r\n" + msg)).startsWith("HTTP/1.1 401 ").contains("\"code\":\"unauthorized\"")
          .contains("WWW-Authenticate: Bearer");
      assertThat(raw(port, head + "Authorization: Bearer wrong-key-0123456789\r\n\r\n" + msg)).startsWith("HTTP/1.1 401 ");
      assertThat(raw(port, head + "Authorization: Bearer " + key + "\r\n\r\n" + msg)).startsWith("HTTP/1.1 200 ");
      // a lone check changes nothing and needs no key; an index refresh does
      assertThat(c.post("/v1/check", "{\"text\": \"chào\", \"age\": 10}").status()).isEqualTo(200);
      assertThat(c.post("/v1/index/refresh", "").status()).isEqualTo(401);
    }
  }

  @Test
  void malformedUrlsAreErrorsInTheServiceAndTheCli() throws Exception {
    List<String> urls = List.of("http://exa mple.com", "http://%zz", "::::", "http://a<b>.com/", "http://256.1.1.1/");
    try (ServiceClient c = ServiceClient.start()) {
      StringBuilder items = new StringBuilder("{\"items\": [");
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < urls.size(); i++) {
        String json = "{\"id\": " + i + ", \"url\": " + q(urls.get(i)) + ", \"age\": 18}";
        ServiceClient.Reply r = c.post("/v1/check", json);
        assertThat(r.status()).as(urls.get(i)).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("malformed_url");
        items.append(i == 0 ? "" : ",").append(json);
        lines.append(json).append('\n');
      }
      JsonNode results = c.post("/v1/batch", items.append("]}").toString()).json().get("results");
      Cli.Result cli = Cli.run(lines.toString(), "batch", "--age", "10");
      assertThat(cli.exit()).as(cli.err()).isZero();
      for (int i = 0; i < urls.size(); i++) {
        assertThat(results.get(i).get("error").asText()).as(urls.get(i)).startsWith("malformed URL: ");
        JsonNode line = Json.MAPPER.readTree(cli.lines().get(i));
        assertThat(line.get("id").asInt()).isEqualTo(i);
        assertThat(line.get("error").asText()).as(urls.get(i)).startsWith("malformed URL: ");
        assertThat(line.has("action")).isFalse();
      }
    }
  }

  static String q(String s) {
    try {
      return Json.MAPPER.writeValueAsString(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
