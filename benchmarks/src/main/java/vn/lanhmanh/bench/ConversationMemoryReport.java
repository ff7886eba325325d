package vn.lanhmanh.bench;

import java.time.Instant;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;

/**
 * Heap cost of an open conversation: opens N conversations, sends each of them M messages of the
 * benchmark traffic (one in ten a grooming-stage line, so windows hold stage hits), and reports the used
 * heap after repeated {@code System.gc()} before and after, divided by N. Run it alone:
 * {@code java -cp benchmarks/target/benchmarks.jar vn.lanhmanh.bench.ConversationMemoryReport 100000 20}.
 */
public final class ConversationMemoryReport {

  private ConversationMemoryReport() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int perConversation = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Policy policy = Policy.forAge(11);
    Message[] messages = ConversationTraffic.messages(Corpus.chat(), Instant.parse("2026-01-01T08:00:00Z"));
    try (ContentFilter filter = ContentFilter.builder().maxConversations(n + 10L).build()) {
      ConversationTraffic.checkMonitor(filter, policy);
      filter.checkText("warm up", policy);
      long before = MemoryProbe.usedHeap();
      long t0 = System.nanoTime();
      int sent = 0;
      for (int c = 0; c < n; c++) {
        Conversation chat = filter.conversation("c" + c);
        for (int m = 0; m < perConversation; m++) {
          chat.check(messages[(c * perConversation + m) % messages.length], policy);
          sent++;
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long after = MemoryProbe.usedHeap();
      System.out.printf("%,d conversations x %d messages (%,d messages, one in ten a stage line): "
              + "heap %.0f B per open conversation; %,.0f messages/s single-threaded while filling%n",
          n, perConversation, sent, (double) (after - before) / n, sent / seconds);
    }
  }
}
