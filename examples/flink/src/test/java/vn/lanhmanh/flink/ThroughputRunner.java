package vn.lanhmanh.flink;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.ConversationState;
import vn.lanhmanh.cli.JsonLines;

/**
 * Messages per second through the conversation pipeline on a local Flink cluster at several
 * parallelisms, next to the same per-message work on one thread without Flink, and the state bytes per
 * conversation. Not a test: run by {@code scripts/flink-throughput.sh} (see docs/SCALE.md).
 *
 * <p>Arguments: {@code [messages] [conversations] [parallelisms]}, default {@code 200000 1000 1,2,4}.
 * Traffic: {@code conversations} interleaved chats, ordinary chat lines with every tenth message of a
 * chat a grooming-stage line from the other party (as the library's ConversationBenchmark mixes them),
 * children and others alternating, one minute apart; so a window holds five stage messages once a chat
 * has 50 messages, and the risk of most chats climbs high, as in a stream of grooming attempts (the
 * costliest case for the window: more entries to score and store). The generator source runs at the job's parallelism; the rate is taken
 * between the first and the last verdict, so task start-up (the filter is built in {@code open()}) is left
 * out. Heap state backend, no checkpoints during the run. Next to each rate, the CPU time a message took
 * (the measuring thread's; for Flink the process's, and at parallelism 1 the keyed task thread's), which a
 * machine shared with other work changes much less than the rate, and the bytes the thread allocated a
 * message, which it does not change. The chat lines are also those of
 * {@code StreamJobBenchmark} in {@code benchmarks/}: keep the two the same.
 */
public final class ThroughputRunner {

  static final List<String> CHAT = List.of(
      "hôm nay trên lớp cô giao bài gì vậy", "t chưa làm xong bài toán", "tối nay chơi game ko",
      "mai mấy giờ đi học", "ok để t hỏi mẹ đã", "haha buồn cười quá", "cậu ăn cơm chưa",
      "bài văn khó ghê", "thứ 7 đi đá bóng nha", "nhớ mang vở nha", "trận hôm qua hay ghê",
      "mình xem phim hoạt hình đi", "con mèo nhà t dễ thương lắm", "ai có đề cương môn sử ko",
      "chiều nay mưa to quá", "t được điểm 9 môn toán");
  static final List<String> STAGES = List.of(
      "em xinh quá, nói chuyện với em vui ghê", "em bao nhiêu tuổi rồi", "em học trường nào thế",
      "nhà em ở đâu vậy", "bố mẹ em có nhà không", "nhớ xóa tin nhắn nhé, đừng nói với ai",
      "mình qua zalo nói chuyện nhé", "anh nạp thẻ game cho em nhé", "gửi ảnh cho anh xem đi",
      "mai mình gặp nhau nhé, anh qua đón em");
  static final long T0 = 1_767_250_800L;   // 2026-01-01T07:00:00Z

  private static final AtomicLong COUNT = new AtomicLong();
  private static final AtomicLong FIRST = new AtomicLong();
  private static final AtomicLong LAST = new AtomicLong();
  private static final AtomicLong FIRST_CPU = new AtomicLong();
  private static final AtomicLong LAST_CPU = new AtomicLong();
  private static final AtomicLong FIRST_TASK_CPU = new AtomicLong();
  private static final AtomicLong LAST_TASK_CPU = new AtomicLong();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** The bytes a thread allocates: a figure a loaded machine does not change. */
  private static final com.sun.management.ThreadMXBean ALLOCATED =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final AtomicLong FIRST_TASK_BYTES = new AtomicLong();
  private static final AtomicLong LAST_TASK_BYTES = new AtomicLong();

  /**
   * Wall-clock time and this thread's CPU time from its creation: the rate, and the CPU time a message
   * took, which a loaded machine changes much less than the rate.
   */
  private static final class Timer {
    private final long wall = System.nanoTime();
    private final long cpu = THREADS.getCurrentThreadCpuTime();
    private final long bytes = ALLOCATED.getCurrentThreadAllocatedBytes();

    double rate(long messages) {
      double seconds = (System.nanoTime() - wall) / 1e9;
      double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / messages;
      System.out.printf(Locale.ROOT, "  [%.2f µs of CPU a message on this thread: %,.0f messages/s on a core of its own;"
          + " %,.0f bytes allocated a message]%n", cpuMicros, 1e6 / cpuMicros,
          (ALLOCATED.getCurrentThreadAllocatedBytes() - bytes) / (double) messages);
      return messages / seconds;
    }
  }

  private ThroughputRunner() {}

  /** The i-th message of the traffic as a {@code conversation} JSON line. */
  static String line(long i, int conversations) {
    long k = i / conversations;
    return "{\"conversation\":\"c" + i % conversations + "\",\"id\":\"m" + i + "\",\"sender\":\""
        + (k % 2 == 1 ? "child" : "other") + "\",\"text\":\"" + text(i, conversations) + "\",\"time\":" + (T0 + 60 * k) + "}";
  }

  /** The text of the i-th message: its chat's k-th message, a stage line when k ends in 8. */
  static String text(long i, int conversations) {
    long k = i / conversations;
    return k % 10 == 8 ? STAGES.get((int) (k / 10 % STAGES.size())) : CHAT.get((int) ((i * 31 + k) % CHAT.size()));
  }

  public static void main(String[] args) throws Exception {
    long messages = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
    int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int[] parallelisms = Arrays.stream((args.length > 2 ? args[2] : "1,2,4").split(","))
        .mapToInt(Integer::parseInt).toArray();
    System.out.printf(Locale.ROOT, "traffic: %,d messages over %,d conversations; %d cores; Java %s%n", messages,
        conversations, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    objects(Math.min(messages, 50_000), conversations, false);   // warm-up
    System.out.printf(Locale.ROOT, "one thread, no Flink, conversation(id).check as ConversationBenchmark measures it: "
        + "%,.0f messages/s%n", objects(messages, conversations, false));
    objects(Math.min(messages, 50_000), conversations, true);   // warm-up
    System.out.printf(Locale.ROOT, "one thread, no Flink, conversationStep, states as objects: %,.0f messages/s%n",
        objects(messages, conversations, true));
    oneThread(Math.min(messages, 50_000), conversations, false);   // warm-up
    System.out.printf(Locale.ROOT, "one thread, no Flink, the job's work with states as objects (heap state): "
        + "%,.0f messages/s%n", oneThread(messages, conversations, false));
    oneThread(Math.min(messages, 50_000), conversations, true);   // warm-up
    System.out.printf(Locale.ROOT, "one thread, no Flink, the job's work with state bytes in and out (as RocksDB): "
        + "%,.0f messages/s%n", oneThread(messages, conversations, true));

    flink(Math.min(messages, 50_000), conversations, parallelisms[0]);   // warm-up of the local cluster's code
    Map<Integer, Double> rates = new HashMap<>();
    for (int p : parallelisms) {
      double rate = flink(messages, conversations, p);
      rates.put(p, rate);
      System.out.printf(Locale.ROOT, "flink parallelism %d: %,.0f messages/s (%.2f x parallelism %d)%n", p, rate,
          rate / rates.get(parallelisms[0]), parallelisms[0]);
    }
  }

  /**
   * On one thread, on the same messages as objects: {@code step} false, the embedded monitor
   * ({@code conversation(id).check}, what ConversationBenchmark measures); true, {@code conversationStep}
   * with the states kept as objects in a map (no bytes, no JSON).
   */
  private static double objects(long messages, int conversations, boolean step) {
    try (ContentFilter filter = ContentFilter.builder().build()) {
      vn.lanhmanh.Policy policy = vn.lanhmanh.Policy.forAge(11);
      List<vn.lanhmanh.Message> input = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (long i = 0; i < messages; i++) {
        long k = i / conversations;
        input.add(new vn.lanhmanh.Message("m" + i, k % 2 == 1 ? vn.lanhmanh.Message.Sender.CHILD
            : vn.lanhmanh.Message.Sender.OTHER, text(i, conversations), java.time.Instant.ofEpochSecond(T0 + 60 * k)));
        ids.add("c" + i % conversations);
      }
      Map<String, ConversationState> states = new HashMap<>();
      filter.conversation("");
      Timer timer = new Timer();
      for (int i = 0; i < input.size(); i++) {
        if (step) {
          String id = ids.get(i);
          states.put(id, filter.conversationStep(id, states.getOrDefault(id, ConversationState.empty()), input.get(i),
              policy).state());
        } else {
          filter.conversation(ids.get(i)).check(input.get(i), policy);
        }
      }
      return timer.rate(messages);
    }
  }

  /**
   * The job's work on one thread, a map for the keyed state: the key read off the line, the line read, the
   * step, the verdict line written; with {@code bytes}, the state read from and written back to its bytes
   * on every message (what RocksDB does; the heap state backend keeps the objects). Prints the state bytes.
   */
  private static double oneThread(long messages, int conversations, boolean bytes) {
    try (ContentFilter filter = ContentFilter.builder().build()) {
      JsonLines lines = new JsonLines(filter, 11);
      Map<String, ConversationState> objects = new HashMap<>();
      Map<String, byte[]> stored = new HashMap<>();
      List<String> input = new ArrayList<>();
      for (long i = 0; i < messages; i++) {
        input.add(line(i, conversations));
      }
      filter.conversation("");
      Timer timer = new Timer();
      for (String l : input) {
        String key = JsonLines.conversationKey(l);
        if (bytes) {
          byte[] b = stored.get(key);
          JsonLines.Answer a = lines.conversation(l, b == null ? ConversationState.empty() : ConversationState.fromBytes(b));
          stored.put(key, a.state().toBytes());
        } else {
          objects.put(key, lines.conversation(l, objects.getOrDefault(key, ConversationState.empty())).state());
        }
      }
      double rate = timer.rate(messages);
      if (bytes) {
        long total = 0;
        int max = 0;
        for (byte[] b : stored.values()) {
          total += b.length;
          max = Math.max(max, b.length);
        }
        System.out.printf(Locale.ROOT, "state after %,d messages: %,d conversations, mean %,d bytes, largest %,d bytes"
            + " (ConversationState.toBytes; Flink's serializer adds a 4-byte length, the TTL an 8-byte timestamp, "
            + "and the backend the key)%n", messages, stored.size(), total / Math.max(1, stored.size()), max);
      }
      return rate;
    }
  }

  private static double flink(long messages, int conversations, int parallelism) throws Exception {
    COUNT.set(0);
    FIRST.set(0);
    LAST.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration());
    GeneratorFunction<Long, String> generator = i -> line(i, conversations);
    DataStream<String> lines = env.fromSource(new DataGeneratorSource<>(generator, messages, Types.STRING),
        WatermarkStrategy.noWatermarks(), "traffic");
    ModerationJob.conversations(lines, 11, java.time.Duration.ofHours(24))
        .map(new Clock(messages)).sinkTo(new DiscardingSink<>());
    env.execute("throughput p" + parallelism);
    if (COUNT.get() != messages) {
      throw new IllegalStateException("counted " + COUNT.get() + " verdicts for " + messages + " messages");
    }
    double cpuMicros = (LAST_CPU.get() - FIRST_CPU.get()) / 1e3 / (messages - 1);
    System.out.printf(Locale.ROOT, "  [parallelism %d: %.2f µs of the process's CPU a message, all threads: "
        + "%,.0f messages/s a core]%n", parallelism, cpuMicros, 1e6 / cpuMicros);
    if (parallelism == 1) {   // one keyed task: its thread (the monitor, chained with the clock) did every message
      double taskMicros = (LAST_TASK_CPU.get() - FIRST_TASK_CPU.get()) / 1e3 / (messages - 1);
      System.out.printf(Locale.ROOT, "  [parallelism 1: %.2f µs of the keyed task thread's CPU a message: %,.0f "
          + "messages/s on a core of its own; %,.0f bytes allocated a message]%n", taskMicros, 1e6 / taskMicros,
          (LAST_TASK_BYTES.get() - FIRST_TASK_BYTES.get()) / (double) (messages - 1));
    }
    return (messages - 1) / ((LAST.get() - FIRST.get()) / 1e9);
  }

  /** Notes when the first and the last verdict pass. */
  static final class Clock implements MapFunction<String, String> {
    private static final long serialVersionUID = 1L;
    private final long messages;

    Clock(long messages) {
      this.messages = messages;
    }

    @Override
    public String map(String v) {
      long n = COUNT.incrementAndGet();
      if (n == 1) {
        FIRST.set(System.nanoTime());
        FIRST_CPU.set(OS.getProcessCpuTime());
        FIRST_TASK_CPU.set(THREADS.getCurrentThreadCpuTime());
        FIRST_TASK_BYTES.set(ALLOCATED.getCurrentThreadAllocatedBytes());
      }
      if (n == messages) {
        LAST.set(System.nanoTime());
        LAST_CPU.set(OS.getProcessCpuTime());
        LAST_TASK_CPU.set(THREADS.getCurrentThreadCpuTime());
        LAST_TASK_BYTES.set(ALLOCATED.getCurrentThreadAllocatedBytes());
      }
      return v;
    }
  }
}
