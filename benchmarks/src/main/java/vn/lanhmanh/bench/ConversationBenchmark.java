package vn.lanhmanh.bench;

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
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;

/**
 * Throughput of the conversation monitor: messages per second through
 * {@link Conversation#check(Message, Policy)} (the message's own text check, stage matching, window
 * update and scoring) against {@link ContentFilter#checkText} on the same messages, so the monitor's own
 * cost is the difference. Messages are spread round-robin over {@code conversations} open conversations;
 * they are the chat corpus of {@link ClassifyTextBenchmark} with one message in ten replaced by a
 * grooming-stage line ({@link ConversationTraffic}), so windows fill and are scored as in a real chat
 * service. Two threads share the filter, as two request threads of a service would.
 *
 * <p>Setup checks the monitor: a scripted grooming conversation must reach high risk, an innocent one
 * must not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConversationBenchmark {

  @Param({"1000", "100000"})
  public int conversations;

  private ContentFilter filter;
  private Policy policy;
  private Policy outgoing;
  private Conversation[] handles;
  private Message[] messages;

  /** Each benchmark thread walks the messages from its own position. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Trial)
    public void setUp(ConversationBenchmark b) {
      next = (int) (Thread.currentThread().getId() * 7919 % b.messages.length);
    }

    int advance(int length) {
      int i = next;
      next = i + 1 == length ? 0 : i + 1;
      return i;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    filter = ContentFilter.builder().maxConversations(conversations * 2L).build();
    policy = Policy.forAge(11);
    outgoing = policy.outgoing();
    ConversationTraffic.checkMonitor(filter, policy);
    List<String> chat = Corpus.chat();
    messages = ConversationTraffic.messages(chat, Instant.parse("2026-01-01T08:00:00Z"));
    handles = new Conversation[conversations];
    for (int i = 0; i < conversations; i++) {
      handles[i] = filter.conversation("c" + i);
    }
    System.out.printf("%n[setup] %,d messages over %,d conversations (source: %s)%n", messages.length,
        conversations, Corpus.chatSource());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    filter.close();
  }

  @Benchmark
  public Object conversationMessage(Cursor cursor) {
    int i = cursor.advance(messages.length);
    return handles[i % handles.length].check(messages[i], policy);
  }

  @Benchmark
  public Object checkTextOnly(Cursor cursor) {
    int i = cursor.advance(messages.length);
    return filter.checkText(messages[i].text(), policy);
  }

  /**
   * {@code checkText} with the policy a conversation uses for each message: {@link Policy#outgoing()} for
   * the child's (personal information looked for), the plain policy for the other party's. The text work
   * of {@link #conversationMessage} without its stages and window.
   */
  @Benchmark
  public Object checkTextAsSent(Cursor cursor) {
    int i = cursor.advance(messages.length);
    Message m = messages[i];
    return filter.checkText(m.text(), m.sender() == Message.Sender.CHILD ? outgoing : policy);
  }
}
