package vn.lanhmanh.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.cli.CliRun;

/**
 * The job on Flink's MiniCluster (one task manager, four slots), on {@code chats.jsonl}: eight interleaved
 * conversations (grooming and innocent, string and number ids) and two bad lines. The expected output is
 * the CLI's {@code conversation} command run in-process on the same lines. Output goes through
 * {@link org.apache.flink.connector.file.sink.FileSink}, which commits its part files when a checkpoint
 * completes (a two-phase commit), so only committed lines are read back.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ModerationJobTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(4)
      .build());

  private static final int AGE = 11;
  private static final Duration WINDOW = Duration.ofHours(24);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> input;
  private static List<String> expected;

  @BeforeAll
  static void readInput() throws IOException {
    try (InputStream in = ModerationJobTest.class.getResourceAsStream("/chats.jsonl")) {
      input = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    expected = CliRun.conversation(input, AGE);
    assertThat(expected).hasSize(input.size());
  }

  @Test
  void verdictsEqualTheCliAndIncidentsGoToTheSideOutput(@TempDir Path tmp) throws Exception {
    Path in = write(tmp.resolve("in"), "chats.jsonl", input);
    StreamExecutionEnvironment env = environment(2);
    SingleOutputStreamOperator<String> verdicts = pipeline(env, in, null);
    verdicts.sinkTo(ModerationJob.fileSink(tmp.resolve("verdicts").toString())).uid("verdicts");
    verdicts.getSideOutput(ModerationJob.INCIDENTS).sinkTo(ModerationJob.fileSink(tmp.resolve("incidents").toString()))
        .uid("incidents");
    env.execute("equal to the CLI");

    assertThat(sorted(committed(tmp.resolve("verdicts")))).isEqualTo(sorted(expected));
    List<String> incidents = incidents(expected);
    assertThat(incidents).hasSizeGreaterThanOrEqualTo(4);   // g1, g2, 7 and 42 each cross 0.7 once
    assertThat(sorted(committed(tmp.resolve("incidents")))).isEqualTo(sorted(incidents));
  }

  @Test
  void aFailureMidStreamLosesNoMessageAndDuplicatesNoVerdict(@TempDir Path tmp) throws Exception {
    FailOnce.FAILED.set(false);
    FailOnce.CHECKPOINTED.set(false);
    Path in = write(tmp.resolve("in"), "chats.jsonl", input);
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = environment(2);
    env.configure(conf);
    DataStream<String> lines = env.fromSource(ModerationJob.fileSource(in.toString(), null),
        WatermarkStrategy.noWatermarks(), "messages").uid("messages")
        .map(new SlowUntilFailed()).uid("slow");
    ModerationJob.conversations(lines, AGE, WINDOW)
        .map(new FailOnce()).uid("fail-once")
        .sinkTo(ModerationJob.fileSink(tmp.resolve("verdicts").toString())).uid("verdicts");
    env.execute("failure mid-stream");

    assertThat(FailOnce.FAILED).as("the injected failure happened, after a checkpoint").isTrue();
    assertThat(sorted(committed(tmp.resolve("verdicts")))).isEqualTo(sorted(expected));
  }

  @Test
  void aSavepointAtParallelismTwoRestoredAtFourKeepsEveryConversation(@TempDir Path tmp) throws Exception {
    int half = input.size() / 2;
    List<String> first = input.subList(0, half);
    List<String> second = input.subList(half, input.size());
    Path in = write(tmp.resolve("in"), "part-1.jsonl", first);

    StreamExecutionEnvironment env1 = environment(2);
    pipeline(env1, in, Duration.ofMillis(100))
        .sinkTo(ModerationJob.fileSink(tmp.resolve("out-1").toString())).uid("verdicts");
    JobClient job1 = env1.executeAsync("before the savepoint, parallelism 2");
    awaitCommitted(tmp.resolve("out-1"), first.size());
    String savepoint = job1.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
        SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);

    write(in, "part-2.jsonl", second);
    StreamExecutionEnvironment env2 = environment(4);
    pipeline(env2, in, Duration.ofMillis(100))
        .sinkTo(ModerationJob.fileSink(tmp.resolve("out-2").toString())).uid("verdicts");
    StreamGraph graph = env2.getStreamGraph();
    graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
    JobClient job2 = env2.executeAsync(graph);
    try {
      awaitCommitted(tmp.resolve("out-2"), second.size());
    } finally {
      job2.cancel().get(1, TimeUnit.MINUTES);
    }

    List<String> after = committed(tmp.resolve("out-2"));
    assertThat(sorted(committed(tmp.resolve("out-1")))).isEqualTo(sorted(expected.subList(0, half)));
    assertThat(sorted(after)).isEqualTo(sorted(expected.subList(half, expected.size())));
    // the state mattered: the second half alone, from no state, gives other risks
    assertThat(sorted(CliRun.conversation(second, AGE))).isNotEqualTo(sorted(after));
  }

  @Test
  void textsAndUrlsFollowTheBatchContract() throws Exception {
    List<String> lines = List.of(
        "{\"id\": 1, \"text\": \"chúc mừng sinh nhật con\"}",
        "{\"id\": 2, \"text\": \"đm thằng ngu\"}",
        "{\"id\": 3, \"url\": \"https://www.google.com/search?q=phim+sex\"}",
        "{\"id\": 4, \"url\": \"http://\"}",
        "{\"id\": 5, \"age\": 17, \"text\": \"uống rượu bia\"}",
        "not json");
    StreamExecutionEnvironment env = environment(2);
    DataStream<String> in = env.fromData(lines);
    List<String> out = new ArrayList<>();
    CloseableIterator<String> it = ModerationJob.batch(in, AGE).executeAndCollect();
    try {
      it.forEachRemaining(out::add);
    } finally {
      it.close();
    }
    assertThat(sorted(out)).isEqualTo(sorted(CliRun.batch(lines, AGE)));
  }

  private static StreamExecutionEnvironment environment(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    env.enableCheckpointing(100);
    return env;
  }

  private static SingleOutputStreamOperator<String> pipeline(StreamExecutionEnvironment env, Path in, Duration watch) {
    DataStream<String> lines = env.fromSource(ModerationJob.fileSource(in.toString(), watch),
        WatermarkStrategy.noWatermarks(), "messages").uid("messages");
    return ModerationJob.conversations(lines, AGE, WINDOW);
  }

  /** Writes a file whole: under a hidden name first, which the file source skips, then renamed. */
  private static Path write(Path dir, String name, List<String> lines) throws IOException {
    Files.createDirectories(dir);
    Path hidden = dir.resolve("." + name);
    Files.write(hidden, lines, StandardCharsets.UTF_8);
    Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    return dir;
  }

  /** The lines of the committed part files (in-progress and pending files are hidden: {@code .part-…}). */
  private static List<String> committed(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))::iterator) {
        out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void awaitCommitted(Path dir, int lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (committed(dir).size() < lines) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + committed(dir).size() + " of " + lines + " lines committed in " + dir);
      }
      Thread.sleep(100);
    }
  }

  private static List<String> sorted(List<String> lines) {
    List<String> s = new ArrayList<>(lines);
    s.sort(null);
    return s;
  }

  /**
   * The lines of the CLI's output that are incidents: a C-tier verdict, or the first line whose risk
   * reaches 0.7 from below in its conversation.
   */
  private static List<String> incidents(List<String> cliLines) throws IOException {
    Map<String, Double> risk = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (String line : cliLines) {
      JsonNode n = JSON.readTree(line);
      if (!n.has("conversation")) {
        continue;   // an error line
      }
      String id = n.get("conversation").get("id").asText();
      double now = n.get("conversation").get("risk").asDouble();
      double before = risk.getOrDefault(id, 0.0);
      risk.put(id, now);
      if ("C".equals(n.get("rating").asText()) || (before < 0.7 && now >= 0.7)) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * Holds the source back so that the failure falls in the middle of the stream, after a checkpoint: the
   * tasks start while the first lines wait in the network buffers, so without it all 52 lines would be
   * read before the first checkpoint. 200 ms a line until a checkpoint has completed, 20 ms until the
   * failure, then full speed.
   */
  static final class SlowUntilFailed implements MapFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map(String line) throws InterruptedException {
      if (!FailOnce.CHECKPOINTED.get()) {
        Thread.sleep(200);
      } else if (!FailOnce.FAILED.get()) {
        Thread.sleep(20);
      }
      return line;
    }
  }

  /** Throws once, after a checkpoint has completed and a few more verdicts have passed. */
  static final class FailOnce extends RichMapFunction<String, String> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();

    private transient boolean checkpointed;
    private transient int after;

    @Override
    public void open(OpenContext context) {
      checkpointed = false;
      after = 0;
    }

    @Override
    public String map(String line) {
      if (checkpointed && ++after >= 3 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure");
      }
      return line;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
      CHECKPOINTED.set(true);
    }
  }
}
