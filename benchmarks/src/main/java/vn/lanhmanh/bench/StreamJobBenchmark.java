package vn.lanhmanh.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationState;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;
import vn.lanhmanh.cli.JsonLines;

/**
 * The per-message work of a stream job that keeps each conversation's window itself (the Flink job in
 * {@code examples/flink}), on one thread and without the stream processor, against the embedded monitor
 * ({@code conversation(id).check}, as {@link ConversationBenchmark} measures it) on the same messages in
 * the same run:
 * <ul>
 *   <li>{@link #embedded}: {@code conversation(id).check}, the window in the filter;</li>
 *   <li>{@link #stepObjects}: {@code conversationStep} with the states kept as objects, no JSON;</li>
 *   <li>{@link #jobObjects}: the job's work with the states as objects (Flink's heap state backend with the
 *       job's state serializer): the JSON line parsed, the step, the verdict line written;</li>
 *   <li>{@link #jobBytes}: the same with the state read from and written back to bytes on every message
 *       (a state store that keeps bytes: RocksDB, Redis);</li>
 *   <li>{@link #parseKey}, {@link #stateBytes}: the key extraction and one state's bytes in and out, alone.</li>
 * </ul>
 * Traffic: the same as the Flink job's throughput runner ({@code ThroughputRunner} in {@code examples/flink},
 * run by {@code scripts/flink-throughput.sh}): {@code conversations} interleaved chats of short chat lines,
 * children and others alternating, one minute apart, every tenth message of a chat a grooming-stage line
 * from the other party ({@link ConversationTraffic#STAGE_LINES}), so most chats climb to high risk and
 * their windows hold five stage messages: the costliest case for the window and its state. As
 * {@code conversation} JSON lines (the chat lines are the runner's: keep the two the same). One thread: the
 * rate of one stream task.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StreamJobBenchmark {

  @Param({"1000"})
  public int conversations;

  private ContentFilter filter;
  private Policy policy;
  private JsonLines lines;
  private Message[] messages;
  private String[] jsonLines;
  private String[] keys;
  private Conversation[] handles;
  private ConversationState[] states;
  private byte[][] stored;
  private byte[] typicalState;
  private int next;

  /** Messages in the traffic: 200 per conversation at 1,000 conversations, so every window fills. */
  static final int MESSAGES = 200_000;
  /** The first message's time, 2026-01-01T07:00:00Z. */
  static final long T0 = 1_767_250_800L;
  /** Ordinary chat lines of the traffic. */
  static final List<String> CHAT = List.of(
      "hôm nay trên lớp cô giao bài gì vậy", "t chưa làm xong bài toán", "tối nay chơi game ko",
      "mai mấy giờ đi học", "ok để t hỏi mẹ đã", "haha buồn cười quá", "cậu ăn cơm chưa",
      "bài văn khó ghê", "thứ 7 đi đá bóng nha", "nhớ mang vở nha", "trận hôm qua hay ghê",
      "mình xem phim hoạt hình đi", "con mèo nhà t dễ thương lắm", "ai có đề cương môn sử ko",
      "chiều nay mưa to quá", "t được điểm 9 môn toán");

  /** The text of the i-th message: its chat's k-th message, a stage line when k ends in 8. */
  static String text(long i, int conversations) {
    long k = i / conversations;
    return k % 10 == 8 ? ConversationTraffic.STAGE_LINES.get((int) (k / 10 % ConversationTraffic.STAGE_LINES.size()))
        : CHAT.get((int) ((i * 31 + k) % CHAT.size()));
  }

  @Setup(Level.Trial)
  public void setUp() {
    filter = ContentFilter.builder().maxConversations(conversations * 2L).build();
    policy = Policy.forAge(11);
    ConversationTraffic.checkMonitor(filter, policy);
    lines = new JsonLines(filter, 11);
    messages = new Message[MESSAGES];
    jsonLines = new String[MESSAGES];
    keys = new String[MESSAGES];
    for (int i = 0; i < MESSAGES; i++) {
      long k = i / conversations;
      keys[i] = "c" + i % conversations;
      messages[i] = new Message("m" + i, k % 2 == 1 ? Message.Sender.CHILD : Message.Sender.OTHER,
          text(i, conversations), Instant.ofEpochSecond(T0 + 60 * k));
      jsonLines[i] = line(keys[i], messages[i]);
    }
    handles = new Conversation[conversations];
    states = new ConversationState[conversations];
    stored = new byte[conversations][];
    for (int c = 0; c < conversations; c++) {
      handles[c] = filter.conversation("c" + c);
      states[c] = ConversationState.empty();
    }
    // a state as the traffic leaves it: one conversation's messages through conversationStep
    ConversationState s = ConversationState.empty();
    for (int i = 0; i < MESSAGES; i += conversations) {
      s = filter.conversationStep("c0", s, messages[i], policy).state();
    }
    typicalState = s.toBytes();
    System.out.printf("%n[setup] %,d messages over %,d conversations; a state after %,d messages: %,d bytes%n",
        MESSAGES, conversations, s.messages(), typicalState.length);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    filter.close();
  }

  /** The message as a {@code conversation} input line, as a producer would write it. */
  private static String line(String conversation, Message m) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("conversation", conversation);
      g.writeStringField("id", m.id());
      g.writeStringField("sender", m.sender() == Message.Sender.CHILD ? "child" : "other");
      g.writeStringField("text", m.text());
      g.writeNumberField("time", m.time().getEpochSecond());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private int advance() {
    int i = next;
    next = i + 1 == messages.length ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public Object embedded() {
    int i = advance();
    return handles[i % conversations].check(messages[i], policy);
  }

  @Benchmark
  public Object stepObjects() {
    int i = advance();
    int c = i % conversations;
    ConversationState next = filter.conversationStep(keys[i], states[c], messages[i], policy).state();
    states[c] = next;
    return next;
  }

  @Benchmark
  public Object jobObjects() {
    int i = advance();
    String line = jsonLines[i];
    int c = i % conversations;   // the keyed state's lookup, from the key the job reads off the line
    JsonLines.Answer a = lines.conversation(line, states[c]);
    states[c] = a.state();
    return a.line();
  }

  @Benchmark
  public Object jobBytes() {
    int i = advance();
    String line = jsonLines[i];
    int c = i % conversations;
    byte[] b = stored[c];
    JsonLines.Answer a = lines.conversation(line, b == null ? ConversationState.empty() : ConversationState.fromBytes(b));
    stored[c] = a.state().toBytes();
    return a.line();
  }

  @Benchmark
  public Object parseKey() {
    return JsonLines.conversationKey(jsonLines[advance()]);
  }

  @Benchmark
  public Object stateBytes() {
    return ConversationState.fromBytes(typicalState).toBytes();
  }

}
