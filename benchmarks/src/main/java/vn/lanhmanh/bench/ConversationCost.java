package vn.lanhmanh.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * A driver for instruction counts of conversation messages against the same messages through
 * {@code checkText}, meant to run under {@code valgrind --tool=callgrind --instr-atstart=no} (see
 * {@code scripts/callgrind-conversation.sh}). It plays {@link ConversationBenchmark}'s traffic: the chat
 * corpus with one message in ten a stage line ({@link ConversationTraffic}), spread round-robin over
 * {@code conversations} handles made beforehand, on one thread, for {@code Policy.forAge(11)}; the filter is
 * the benchmark's ({@code maxConversations} twice the conversations), with the classifiers (the default) or
 * without them. Path {@code conversation} calls {@code conversation(id).check(message, policy)}, path
 * {@code text} calls {@code checkText} with the policy the conversation uses for the message (outgoing for the
 * child's: {@code checkTextAsSent}).
 *
 * <p>It first plays {@code warmPasses} passes over the messages uninstrumented, prints {@code READY}, waits
 * for a line on standard input (the script switches collection on meanwhile), plays the next {@code count}
 * messages, prints {@code DONE} with the number of messages and characters, and waits for a second line
 * (collection switched off) before it exits.
 *
 * <p>Path {@code digest} plays {@code warmPasses} passes (and {@code count} more messages) through the
 * conversations and prints the SHA-256 of every {@link ConversationVerdict} (verdict with findings and
 * redacted text, the raw bits of the risk and of every score, stages, evidence, reasons), to show a change to
 * the conversation path leaves every verdict as it was.
 *
 * <p>Paths {@code conversation-bytes} and {@code text-bytes} play {@code warmPasses} passes of the same
 * traffic as {@code conversation} and {@code text}, then measure, three times, the bytes the thread allocates
 * over the next {@code count} messages ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes})
 * and print them per message; no callgrind is needed (run with the JIT's defaults, as JMH would).
 *
 * <p>Arguments: {@code conversation|text|digest|conversation-bytes|text-bytes classifiers|lexicon conversations
 * warmPasses count}.
 */
public final class ConversationCost {

  private ConversationCost() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println(
          "usage: ConversationCost conversation|text|digest|conversation-bytes|text-bytes classifiers|lexicon"
              + " conversations warmPasses count");
      System.exit(2);
    }
    String path = args[0];
    int conversations = Integer.parseInt(args[2]);
    int warmPasses = Integer.parseInt(args[3]);
    long count = Long.parseLong(args[4]);
    ContentFilter.Builder builder = ContentFilter.builder().maxConversations(conversations * 2L);
    switch (args[1]) {
      case "lexicon" -> builder.withoutClassifiers();
      case "classifiers" -> { }   // the default
      default -> throw new IllegalArgumentException("unknown pipeline " + args[1]);
    }
    ContentFilter filter = builder.build();
    Policy policy = Policy.forAge(11);
    ConversationTraffic.checkMonitor(filter, policy);
    List<String> chat = Corpus.chat();
    Message[] messages = ConversationTraffic.messages(chat, Instant.parse("2026-01-01T08:00:00Z"));
    Conversation[] handles = new Conversation[conversations];
    for (int i = 0; i < conversations; i++) {
      handles[i] = filter.conversation("c" + i);
    }
    Traffic traffic = new Traffic(filter, policy, messages, handles);
    System.out.println("messages: " + messages.length + " over " + conversations + " conversations ("
        + Corpus.chatSource() + "), " + args[1]);

    long warm = (long) warmPasses * messages.length;
    switch (path) {
      case "digest" -> {
        MessageDigest md = sha256();
        traffic.digest(warm + count, md);
        System.out.println(HexFormat.of().formatHex(md.digest()) + "  conversations " + conversations + ", "
            + args[1] + ", " + (warm + count) + " messages");
        return;
      }
      case "conversation-bytes", "text-bytes" -> {
        bytes(traffic, path.equals("conversation-bytes"), warm, count);
        return;
      }
      case "conversation", "text" -> { }
      default -> throw new IllegalArgumentException("unknown path " + path);
    }
    boolean conversation = path.equals("conversation");
    Run warmed = traffic.run(conversation, 0, warm);
    report("WARM", warmed);   // the same printing as after the counted loop, so nothing in it is new then
    CallgrindGate gate = new CallgrindGate();
    gate.awaitStart();
    Run counted = traffic.run(conversation, warmed.next, count);
    report("DONE", counted);
    gate.awaitEnd();
  }

  /** Warms up, then prints the bytes allocated per message over {@code count} messages, three times. */
  private static void bytes(Traffic traffic, boolean conversation, long warm, long count) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Run r = traffic.run(conversation, 0, warm);
    report("WARM", r);
    for (int k = 0; k < 3; k++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      r = traffic.run(conversation, r.next, count);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      System.out.printf("BYTES path=%s messages=%d allocated=%d per_message=%.1f sink=%d%n",
          conversation ? "conversation" : "text", r.messages, allocated, (double) allocated / r.messages, r.sink);
    }
  }

  private record Run(int next, long messages, long chars, long sink) {}

  private static void report(String tag, Run r) {
    System.out.println(tag + " messages=" + r.messages + " chars=" + r.chars + " sink=" + r.sink);
    System.out.flush();
  }

  private record Traffic(ContentFilter filter, Policy policy, Message[] messages, Conversation[] handles) {

    /** Plays {@code n} messages from {@code from} on (wrapping around), as the benchmark's methods do. */
    Run run(boolean conversation, int from, long n) {
      Policy outgoing = policy.outgoing();
      long chars = 0;
      long sink = 0;
      int i = from;
      for (long k = 0; k < n; k++) {
        Message m = messages[i];
        if (conversation) {
          ConversationVerdict cv = handles[i % handles.length].check(m, policy);
          sink += cv.verdict().action().ordinal() + cv.stages().size();
        } else {
          Verdict v = filter.checkText(m.text(), m.sender() == Message.Sender.CHILD ? outgoing : policy);
          sink += v.action().ordinal() + v.findings().size();
        }
        chars += m.text().length();
        i = i + 1 == messages.length ? 0 : i + 1;
      }
      return new Run(i, n, chars, sink);
    }

    /** Plays {@code n} messages through the conversations, hashing every verdict. */
    void digest(long n, MessageDigest md) {
      int i = 0;
      for (long k = 0; k < n; k++) {
        Message m = messages[i];
        ConversationVerdict cv = handles[i % handles.length].check(m, policy);
        StringBuilder sb = new StringBuilder(VerdictDigest.describe(cv.verdict()));
        sb.append(Long.toHexString(Double.doubleToRawLongBits(cv.risk()))).append(cv.stages())
            .append(cv.evidence()).append(cv.reasons()).append('\n');
        md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        i = i + 1 == messages.length ? 0 : i + 1;
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
