package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Message.Sender;
import vn.lanhmanh.conversation.ConversationMonitor;

/**
 * The conversation store's budgets and eviction policy, as an attacker would probe them: huge message ids,
 * a flood of new conversations to wipe a groomer's record, many stage phrases in one message.
 */
class ConversationStoreTest {

  private static final Policy CHILD = Policy.forAge(11);
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  /** Builds up a conversation whose risk is at least 0.5 and returns its risk. */
  static double groom(ContentFilter f, String id) {
    Conversation c = f.conversation(id);
    c.check(new Message("g1", Sender.OTHER, "em học lớp mấy rồi, nhà em ở đâu?", T0), CHILD);
    c.check(new Message("g2", Sender.OTHER, "nhớ xóa tin nhắn nhé, đừng nói với ai", T0.plusSeconds(60)), CHILD);
    ConversationVerdict v = c.check(new Message("g3", Sender.OTHER, "gửi anh ảnh của em đi, mai mình gặp nhau nhé",
        T0.plusSeconds(120)), CHILD);
    assertThat(v.risk()).isGreaterThanOrEqualTo(0.5);
    return v.risk();
  }

  @Test
  void riskyWindowSurvivesAFloodOfNewInnocentConversations() {
    // the stage model alone (no classifier signals, whose decay moves the risk with every message): the same risk
    // after the flood says the window was kept whole
    try (ContentFilter f = ContentFilter.builder().maxConversations(1_000).withoutClassifiers().build()) {
      double risk = groom(f, "groomer");
      for (int i = 0; i < 20_000; i++) {
        f.conversation("flood-" + i).check(new Message("m", Sender.OTHER, "chào bạn, hôm nay thế nào?", T0), CHILD);
      }
      assertThat(f.monitor().size()).isLessThanOrEqualTo(1_000);
      assertThat(f.monitor().contains("groomer")).isTrue();
      ConversationVerdict v = f.conversation("groomer").check(
          new Message("g4", Sender.OTHER, "ừ", T0.plusSeconds(180)), CHILD);
      assertThat(v.risk()).isEqualTo(risk);
      var counts = f.conversationCounts();
      assertThat(counts.get("evicted_innocent")).isEqualTo(20_000 + 1 - 1_000);
      assertThat(counts.get("evicted_at_risk")).isZero();
      assertThat(counts.get("conversations_at_risk")).isEqualTo(1);
    }
  }

  @Test
  void stagedFloodEvictsStagedWindowsBeforeTheAtRiskOne() {
    try (ContentFilter f = ContentFilter.builder().maxConversations(200).withoutClassifiers().build()) {
      double risk = groom(f, "groomer");
      for (int i = 0; i < 2_000; i++) {
        f.conversation("staged-" + i).check(new Message("m", Sender.OTHER, "anh nạp thẻ cho em", T0), CHILD);
      }
      assertThat(f.monitor().contains("groomer")).isTrue();
      assertThat(f.conversationCounts().get("evicted_staged")).isEqualTo(2_000 + 1 - 200);
      assertThat(f.conversation("groomer").check(new Message("x", Sender.OTHER, "ừ", T0.plusSeconds(200)), CHILD)
          .risk()).isEqualTo(risk);
    }
  }

  @Test
  void hugeMessageIdsAreCutAndTheStoreStaysWithinItsByteBudget() {
    long budget = 1L << 20;
    try (ContentFilter f = ContentFilter.builder().maxConversationBytes(budget).build()) {
      String huge = "i".repeat(1_000_000);
      for (int i = 0; i < 200; i++) {
        ConversationVerdict v = f.conversation("c" + i).check(
            new Message(huge + i, Sender.OTHER, "nhớ xóa tin nhắn nhé, đừng nói với ai", T0), CHILD);
        assertThat(v.evidence()).isNotEmpty().allSatisfy(e ->
            assertThat(e.messageId()).hasSize(ConversationMonitor.MAX_MESSAGE_ID_CHARS));
      }
      assertThat(f.conversationCounts().get("bytes")).isLessThanOrEqualTo(budget);
      assertThat(f.conversationCounts().get("conversations")).isEqualTo(200);
    }
  }

  @Test
  void byteBudgetEvictsWhenWindowsAreLarge() {
    long budget = 64 * 1024;
    try (ContentFilter f = ContentFilter.builder().maxConversationBytes(budget).build()) {
      String id = "i".repeat(ConversationMonitor.MAX_MESSAGE_ID_CHARS);
      for (int i = 0; i < 500; i++) {
        f.conversation("c" + i).check(new Message(id, Sender.OTHER, "nhớ xóa tin nhắn nhé, đừng nói với ai", T0), CHILD);
      }
      var counts = f.conversationCounts();
      assertThat(counts.get("bytes")).isLessThanOrEqualTo(budget);
      assertThat(counts.get("evicted_staged")).isPositive();
      assertThat(counts.get("conversations")).isLessThan(500);
    }
  }

  @Test
  void aMessageFullOfStagePhrasesKeepsAFewSmallHits() {
    try (ContentFilter f = ContentFilter.builder().build()) {
      String phrase = "nhớ xóa tin nhắn nhé, đừng nói với ai. mai mình gặp nhau nhé. ";
      ConversationVerdict many = f.conversation("many").check(
          new Message("1", Sender.OTHER, phrase.repeat(2_000), T0), CHILD);
      assertThat(many.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(ConversationMonitor.MAX_HITS_PER_MESSAGE);
      assertThat(f.conversationCounts().get("bytes")).isLessThan(16 * 1024);
    }
  }

  @Test
  void expiryIsCounted() {
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = nanos::get;
    try (ContentFilter f = ContentFilter.builder().conversationExpiry(Duration.ofMinutes(10)).ticker(ticker).build()) {
      assertThat(f.conversationCounts().get("conversations")).isZero();
      groom(f, "a");
      f.conversation("b").check(new Message("1", Sender.OTHER, "chào", T0), CHILD);
      assertThat(f.conversation("a").kept()).isTrue();
      assertThat(f.conversation("zzz").kept()).isFalse();
      nanos.addAndGet(Duration.ofMinutes(11).toNanos());
      var counts = f.conversationCounts();
      assertThat(counts.get("expired")).isEqualTo(2);
      assertThat(counts.get("conversations")).isZero();
      assertThat(counts.get("bytes")).isZero();
      assertThat(f.conversation("a").kept()).isFalse();
    }
  }

  @Test
  void concurrentFloodKeepsCountsConsistent() throws Exception {
    try (ContentFilter f = ContentFilter.builder().maxConversations(500).build()) {
      groom(f, "groomer");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 3_000; i++) {
            String text = i % 10 == 0 ? "anh nạp thẻ cho em" : "chào bạn";
            f.conversation("t" + thread + "-" + (i % 900)).check(new Message("m" + i, Sender.OTHER, text, T0), CHILD);
          }
        }));
      }
      for (Future<?> d : done) {
        d.get();
      }
      pool.shutdown();
      var c = f.conversationCounts();
      assertThat(c.get("conversations")).isLessThanOrEqualTo(500)
          .isEqualTo(c.get("conversations_innocent") + c.get("conversations_staged") + c.get("conversations_at_risk"));
      assertThat(c.get("created") - c.get("evicted_innocent") - c.get("evicted_staged") - c.get("evicted_at_risk")
          - c.get("expired")).isEqualTo(c.get("conversations"));
      assertThat(f.monitor().contains("groomer")).isTrue();
    }
  }
}
