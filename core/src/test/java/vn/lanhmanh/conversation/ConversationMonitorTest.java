package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The monitor's two ways to add a message: an {@link Observation} per message, or the thread's {@link Outcome}. */
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
}
