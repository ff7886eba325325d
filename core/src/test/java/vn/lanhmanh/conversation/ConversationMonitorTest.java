package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The monitor's ways to add a message: an {@link Observation} per message, or the thread's {@link Outcome}, by
 * conversation id or through a handle; and a window kept in place against one restored before each message.
 */
class ConversationMonitorTest {

  private static final StageMatcher.Hit[] HITS = {
      new StageMatcher.Hit(Stage.AGE, 0.35, 0, 8, "mấy tuổi", false, "age"),
      new StageMatcher.Hit(Stage.SECRECY, 0.6, 0, 8, "đừng nói", false, "secrecy"),
      new StageMatcher.Hit(Stage.PHOTOS, 0.9, 0, 7, "gửi ảnh", false, "photos"),
      new StageMatcher.Hit(Stage.MEETING, 0.5, 0, 6, "gặp em", true, "meeting"),
      new StageMatcher.Hit(Stage.LESSON, 0.5, 0, 10, "phòng chống", false, "lesson"),
  };

  @Test
  void theThreadsOutcomeIsTheObservationOfTheSameMessage() {
    // the stage matcher is not used: the messages come with their stages
    ConversationMonitor values = new ConversationMonitor((StageMatcher) null, 100, 1 << 20, Duration.ofHours(1),
        () -> 0L);
    ConversationMonitor outcomes = new ConversationMonitor((StageMatcher) null, 100, 1 << 20, Duration.ofHours(1),
        () -> 0L);
    Random random = new Random(13);
    int crossings = 0;
    for (int i = 0; i < 3000; i++) {
      String conversation = "c" + random.nextInt(7);
      boolean child = random.nextInt(3) == 0;
      List<StageMatcher.Hit> hits = random.nextInt(6) == 0 ? List.of(HITS[random.nextInt(HITS.length)]) : List.of();
      // with the classifiers (mostly silent, sometimes not), and without them (NaN)
      double signal = i % 1000 < 500 ? (random.nextInt(4) == 0 ? random.nextDouble() : 0.0) : RiskModel.NO_SIGNAL;
      Instant time = Instant.EPOCH.plusSeconds(60L * i);
      Observation o = values.observe(conversation, "m" + i, time, child, hits, signal);
      Outcome t = outcomes.observeOnThread(conversation, "m" + i, time, child, hits, signal);
      assertThat(Double.doubleToRawLongBits(t.risk())).as("risk of message %d", i)
          .isEqualTo(Double.doubleToRawLongBits(o.risk()));
      assertThat(t.crossedHigh()).as("crossing at message %d", i).isEqualTo(o.crossedHigh());
      assertThat(t.stages()).containsExactlyElementsOf(o.stages());
      assertThat(t.evidence()).isEqualTo(o.evidence());
      assertThat(t.reasons()).isEqualTo(o.reasons());
      crossings += o.crossedHigh() ? 1 : 0;
    }
    assertThat(crossings).as("the sequence crosses into high risk").isPositive();
  }

  /**
   * A window kept and updated in place (its signals laid out as messages join and leave, its times kept as
   * seconds and nanos) scores every message as a window restored from its exported state before the message
   * (laid out from its kept messages): messages out by count, by age (a day's gap, times out of order) and
   * with the classifiers' signals, to the bit. The handle's path (the window its last message used) gives
   * the same outcomes as the lookup by id.
   */
  @Test
  void aWindowKeptInPlaceScoresAsOneRestoredBeforeEachMessage() {
    Random random = new Random(29);
    ConversationWindow kept = new ConversationWindow();
    WindowState state = WindowState.EMPTY;
    ConversationMonitor byId = new ConversationMonitor((StageMatcher) null, 100, 1 << 20, Duration.ofDays(9),
        () -> 0L);
    ConversationMonitor byHandle = new ConversationMonitor((StageMatcher) null, 100, 1 << 20, Duration.ofDays(9),
        () -> 0L);
    ConversationMonitor.Handle handle = new ConversationMonitor.Handle();
    long seconds = 0;
    for (int i = 0; i < 4000; i++) {
      boolean child = random.nextInt(3) == 0;
      List<StageMatcher.Hit> hits = random.nextInt(8) == 0 ? List.of(HITS[random.nextInt(HITS.length)]) : List.of();
      double signal = i % 2000 < 1500 ? (random.nextInt(3) == 0 ? random.nextDouble() : 0.01) : RiskModel.NO_SIGNAL;
      // mostly a minute apart; now and then a day's gap, or a message stamped earlier than the last
      seconds += random.nextInt(50) == 0 ? 86_400 : random.nextInt(20) == 0 ? -600 : 60;
      Instant time = Instant.EPOCH.plusSeconds(seconds).plusNanos(random.nextInt(3));
      Observation inPlace = kept.add("m" + i, time, child, hits, signal);
      ConversationWindow restored = ConversationWindow.restore(state);
      Observation fresh = restored.add("m" + i, time, child, hits, signal);
      state = restored.export();
      assertThat(Double.doubleToRawLongBits(inPlace.risk())).as("risk of message %d", i)
          .isEqualTo(Double.doubleToRawLongBits(fresh.risk()));
      assertThat(kept.size()).as("kept messages after message %d", i).isEqualTo(restored.size());
      Outcome a = byId.observeOnThread("c", "m" + i, time, child, hits, signal);
      double risk = a.risk();
      Outcome b = byHandle.observeOnThread(handle, "c", "m" + i, time, child, hits, signal);
      assertThat(Double.doubleToRawLongBits(b.risk())).as("risk by handle, message %d", i)
          .isEqualTo(Double.doubleToRawLongBits(risk));
    }
  }
}
