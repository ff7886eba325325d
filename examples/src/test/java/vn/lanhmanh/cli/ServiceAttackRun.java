package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The long runs of SECURITY.md ("The service under attack"), against the real jar in its own JVM on
 * 127.0.0.1; not part of the build. Build the jar first, then (from the project root):
 *
 * <pre>
 * mvn -B -q -o -pl core,examples package -DskipTests
 * java -cp examples/target/test-classes:examples/target/lanhmanh.jar vn.lanhmanh.cli.ServiceAttackRun base 512
 * java -cp … vn.lanhmanh.cli.ServiceAttackRun ids 256
 * java -cp … vn.lanhmanh.cli.ServiceAttackRun slow 512
 * java -cp … vn.lanhmanh.cli.ServiceAttackRun flood 512
 * java -cp … vn.lanhmanh.cli.ServiceAttackRun batches 512
 * </pre>
 *
 * The second argument is the service's {@code -Xmx} in MiB. Each run prints its figures; loops are bounded
 * in count and in time.
 */
public final class ServiceAttackRun {

  private final Process process;
  private final int port;
  private final long pid;

  private ServiceAttackRun(Process process, int port) {
    this.process = process;
    this.port = port;
    this.pid = process.pid();
  }

  public static void main(String[] args) throws Exception {
    String scenario = args[0];
    int xmx = Integer.parseInt(args[1]);
    List<String> extra = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
    if (!scenario.equals("slow") && !scenario.equals("batches")) {
      extra.addAll(List.of("--new-conversations-per-minute", "0"));   // the store alone is under test
    }
    ServiceAttackRun run = start(xmx, extra);
    try {
      switch (scenario) {
        case "base" -> run.base();
        case "ids" -> run.ids();
        case "slow" -> run.slow();
        case "flood" -> run.flood();
        case "batches" -> run.batches();
        default -> throw new IllegalArgumentException("scenario: base, ids, slow, flood or batches");
      }
    } finally {
      run.process.destroy();
      run.process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  static ServiceAttackRun start(int xmxMib, List<String> extra) throws IOException {
    Path jar = Path.of("examples/target/lanhmanh.jar");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + xmxMib + "m", "-jar", jar.toString(), "serve", "--port", "0"));
    cmd.addAll(extra);
    Path log = Files.createTempFile("lanhmanh-serve", ".log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
    String line = out.readLine();
    if (line == null || !line.contains("listening on http://127.0.0.1:")) {
      throw new IllegalStateException("serve did not start: " + line + "; see " + log);
    }
    int from = line.indexOf("127.0.0.1:") + 10;
    int port = Integer.parseInt(line.substring(from, line.indexOf('/', from)));
    System.out.println("serve pid " + p.pid() + " on port " + port + " with -Xmx" + xmxMib + "m " + extra
        + "; stderr in " + log);
    System.out.println("stderr so far: " + Files.readString(log).strip());
    return new ServiceAttackRun(p, port);
  }

  // ---- measurements

  /** Resident memory of the service, from /proc (Linux), in MiB; -1 elsewhere. */
  long rssMib() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return -1;
  }

  /** The live heap after a full collection, in MiB, from {@code jcmd} (-1 when it is not there). */
  long liveHeapMibAfterGc() throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return -1;
    }
    new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
    Process info = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
    String text = new String(info.getInputStream().readAllBytes(), UTF_8);
    info.waitFor(60, TimeUnit.SECONDS);
    // "garbage-first heap   total 262144K, used 81234K [...]"
    int used = text.indexOf("used ");
    if (used < 0) {
      return -1;
    }
    String n = text.substring(used + 5, text.indexOf('K', used));
    return Long.parseLong(n.trim()) / 1024;
  }

  String metric(String series) throws IOException {
    try (Http1Client c = new Http1Client(port)) {
      for (String l : new String(c.get("/metrics").body(), UTF_8).split("\n")) {
        if (l.startsWith(series + " ")) {
          return l.substring(series.length() + 1);
        }
      }
    }
    return "?";
  }

  String health() throws IOException {
    try (Http1Client c = new Http1Client(port)) {
      Http1Client.Reply r = c.get("/healthz");
      return r.status() + " " + new String(r.body(), UTF_8).strip();
    }
  }

  static String percentiles(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "no answers";
    }
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d answers)", s.get(s.size() / 2) / 1e6,
        s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)) / 1e6, s.get(s.size() - 1) / 1e6, s.size());
  }

  static byte[] json(String s) {
    return s.getBytes(UTF_8);
  }

  // ---- scenarios

  /** The live heap of a started service after one check, one URL check and one conversation message. */
  void base() throws Exception {
    try (Http1Client c = new Http1Client(port)) {
      c.post("/v1/check", json("{\"text\": \"xin chào\", \"age\": 10}"));
      c.post("/v1/check", json("{\"url\": \"https://vnexpress.net/\", \"age\": 10}"));
      c.post("/v1/check", json(ServiceAttackTest.message("c", "m", ServiceAttackTest.GROOM_1, 1718000000L)));
    }
    System.out.println("base: live heap after a full GC (jcmd) " + liveHeapMibAfterGc() + " MiB, RSS " + rssMib() + " MiB");
  }

  /** 2,000 requests with a 1,000,000-char message id, each to a new conversation, then health and heap. */
  void ids() throws Exception {
    String id = "x".repeat(1_000_000);
    Map<Integer, Integer> statuses = new TreeMap<>();
    long t0 = System.nanoTime();
    try (Http1Client c = new Http1Client(port)) {
      for (int i = 0; i < 2_000; i++) {
        String body = ServiceAttackTest.message("ids-" + i, id, ServiceAttackTest.GROOM_2, 1718000000L);
        statuses.merge(c.post("/v1/check", json(body)).status(), 1, Integer::sum);
      }
    }
    System.out.printf("ids: 2000 requests of %d bytes in %.1f s, statuses %s%n",
        ServiceAttackTest.message("ids-0", id, ServiceAttackTest.GROOM_2, 1718000000L).getBytes(UTF_8).length,
        (System.nanoTime() - t0) / 1e9, statuses);
    System.out.println("ids: healthz " + health() + "; conversations " + metric("lanhmanh_conversations{tier=\"staged\"}")
        + " staged, store bytes " + metric("lanhmanh_conversation_bytes") + ", heap outside eden (metrics) "
        + (Long.parseLong(metric("lanhmanh_heap_old_bytes")) >> 20) + " MiB");
    System.out.println("ids: live heap after a full GC (jcmd) " + liveHeapMibAfterGc() + " MiB, RSS " + rssMib() + " MiB");
  }

  /** 100 slow-body connections held open for 60 s while a normal client checks every 20 ms. */
  void slow() throws Exception {
    int conns = 100;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder reopened = new LongAdder();
    Thread attacker = new Thread(() -> {
      List<Socket> open = new ArrayList<>();
      try {
        while (!stop.get()) {
          while (open.size() < conns) {
            Socket s = new Socket("127.0.0.1", port);
            s.getOutputStream().write(json("POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (open.size() % 2 == 0 ? 1_000_000 : 10_000) + "\r\n\r\n{"));
            open.add(s);
          }
          for (int i = 0; i < open.size(); i++) {
            try {
              open.get(i).getOutputStream().write(' ');
            } catch (IOException e) {
              open.get(i).close();
              open.remove(i--);
              reopened.increment();
            }
          }
          Thread.sleep(3_000);   // one byte every 3 s per connection
        }
      } catch (IOException | InterruptedException e) {
        System.out.println("slow: attacker stopped: " + e);
      } finally {
        for (Socket s : open) {
          try {
            s.close();
          } catch (IOException e) {
            // closing anyway
          }
        }
      }
    });
    attacker.start();
    Thread.sleep(2_000);
    List<Long> lat = new ArrayList<>();
    int sent = 0;
    int failed = 0;
    try (Http1Client c = new Http1Client(port)) {
      while (System.nanoTime() < end) {
        sent++;
        long t0 = System.nanoTime();
        try {
          if (c.post("/v1/check", json("{\"text\": \"bạn ơi mai đi học không?\", \"age\": 10}")).status() == 200) {
            lat.add(System.nanoTime() - t0);
          } else {
            failed++;
          }
        } catch (IOException e) {
          failed++;
        }
        Thread.sleep(20);
      }
    }
    stop.set(true);
    attacker.join(10_000);
    System.out.printf("slow: %d slow-body connections (1 byte / 3 s), kept open for 60 s (%d closed by the service"
        + " and reopened); normal client: %d sent, %d answered 200 (%.1f %%), %d failed; %s%n", conns, reopened.sum(),
        sent, lat.size(), 100.0 * lat.size() / sent, failed, percentiles(lat));
    System.out.println("slow: healthz " + health() + ", RSS " + rssMib() + " MiB");
  }

  /** A conversation at risk ≥ 0.5, then 200,000 new innocent conversations, then its risk again. */
  void flood() throws Exception {
    double before;
    double after;
    try (Http1Client c = new Http1Client(port)) {
      c.post("/v1/check", json(ServiceAttackTest.message("groomer", "g1", ServiceAttackTest.GROOM_1, 1718000000L)));
      c.post("/v1/check", json(ServiceAttackTest.message("groomer", "g2", ServiceAttackTest.GROOM_2, 1718000060L)));
      before = Json.MAPPER.readTree(c.post("/v1/check", json(ServiceAttackTest.message("groomer", "g3",
          ServiceAttackTest.GROOM_3, 1718000120L))).body()).get("conversation").get("risk").asDouble();
      long t0 = System.nanoTime();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (int b = 0; b < 200; b++) {
        StringBuilder items = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 1000; i++) {
          items.append(i == 0 ? "" : ",").append(ServiceAttackTest.message("flood-" + b + "-" + i, "m",
              "chào bạn, hôm nay thế nào?", 1718000200L));
        }
        statuses.merge(c.post("/v1/batch", json(items.append("]}").toString())).status(), 1, Integer::sum);
      }
      System.out.printf("flood: 200 batches of 1000 new conversations in %.1f s, statuses %s%n",
          (System.nanoTime() - t0) / 1e9, statuses);
      after = Json.MAPPER.readTree(c.post("/v1/check", json(ServiceAttackTest.message("groomer", "g4", "ừ",
          1718000300L))).body()).get("conversation").get("risk").asDouble();
    }
    System.out.println("flood: groomer's risk before " + before + ", after " + after + "; kept innocent "
        + metric("lanhmanh_conversations{tier=\"innocent\"}") + ", at_risk " + metric("lanhmanh_conversations{tier=\"at_risk\"}")
        + "; evicted innocent " + metric("lanhmanh_conversations_evicted_total{tier=\"innocent\"}") + ", staged "
        + metric("lanhmanh_conversations_evicted_total{tier=\"staged\"}") + ", at_risk "
        + metric("lanhmanh_conversations_evicted_total{tier=\"at_risk\"}") + "; store bytes "
        + metric("lanhmanh_conversation_bytes") + "; RSS " + rssMib() + " MiB");
  }

  /** 28 clients looping on maximum batches for 60 s while a normal client checks every 20 ms. */
  void batches() throws Exception {
    int clients = 28;
    String item = "{\"text\": \"" + "Hôm nay lớp em học toán, đm thằng ngu, gọi 0912 345 678. ".repeat(14) + "\", \"age\": 10}";
    StringBuilder b = new StringBuilder("{\"items\": [");
    for (int i = 0; i < 1000; i++) {
      b.append(i == 0 ? "" : ",").append(item);
    }
    byte[] batch = json(b.append("]}").toString());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicLong maxRss = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      Thread th = new Thread(() -> {
        try (Http1Client c = new Http1Client(port)) {
          while (System.nanoTime() < end) {
            try {
              statuses.computeIfAbsent(c.post("/v1/batch", batch).status(), k -> new LongAdder()).increment();
            } catch (IOException e) {
              statuses.computeIfAbsent(-1, k -> new LongAdder()).increment();
            }
          }
        }
      });
      th.start();
      threads.add(th);
    }
    Thread sampler = new Thread(() -> {
      while (System.nanoTime() < end) {
        maxRss.accumulateAndGet(rssMib(), Math::max);
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    List<Long> lat = new ArrayList<>();
    int sent = 0;
    try (Http1Client c = new Http1Client(port)) {
      while (System.nanoTime() < end) {
        sent++;
        long t0 = System.nanoTime();
        if (c.post("/v1/check", json("{\"text\": \"bạn ơi mai đi học không?\", \"age\": 10}")).status() == 200) {
          lat.add(System.nanoTime() - t0);
        }
        Thread.sleep(20);
      }
    }
    for (Thread th : threads) {
      th.join(120_000);
    }
    sampler.join();
    System.out.printf("batches: %d clients looping on %d-byte batches of 1000 items for 60 s: statuses %s;"
        + " normal client %d sent, %d answered 200; %s; max RSS %d MiB%n", clients, batch.length, new TreeMap<>(statuses),
        sent, lat.size(), percentiles(lat), maxRss.get());
    System.out.println("batches: healthz " + health() + ", heap outside eden (metrics) "
        + (Long.parseLong(metric("lanhmanh_heap_old_bytes")) >> 20) + " MiB");
  }
}
