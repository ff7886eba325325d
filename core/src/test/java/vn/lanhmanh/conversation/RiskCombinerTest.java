package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import vn.lanhmanh.ConversationVerdict.Evidence;
import org.junit.jupiter.api.Test;

/** The learned combiner of the stages' risk and the classifiers' signals ({@link RiskModel#combine}). */
class RiskCombinerTest {

  private static final StageMatcher.Hit SECRECY = new StageMatcher.Hit(Stage.SECRECY, 0.6, 0, 5, "đừng nói", false,
      "secrecy");
  private static final StageMatcher.Hit AGE = new StageMatcher.Hit(Stage.AGE, 0.35, 0, 5, "mấy tuổi", false, "age");
  private static final StageMatcher.Hit PHOTOS = new StageMatcher.Hit(Stage.PHOTOS, 0.9, 0, 5, "gửi ảnh", false,
      "photos");

  @Test
  void withoutSignalsTheRiskIsTheStagesAlone() {
    ConversationWindow classic = new ConversationWindow();
    ConversationWindow none = new ConversationWindow();
    double a = classic.add("m1", Instant.EPOCH, false, List.of(SECRECY)).risk();
    double b = none.add("m1", Instant.EPOCH, false, List.of(SECRECY), RiskModel.NO_SIGNAL).risk();
    assertThat(b).isEqualTo(a);
  }

  @Test
  void aDecisiveStageStillBlocksWhenTheClassifiersAreSilent() {
    ConversationWindow w = new ConversationWindow();
    assertThat(w.add("m1", Instant.EPOCH, false, List.of(PHOTOS), 0.0).risk())
        .isGreaterThanOrEqualTo(ConversationMonitor.BLOCK_RISK);
  }

  @Test
  void innocentTalkStaysLowAndOneStrongMessageAloneDoesNotBlock() {
    ConversationWindow w = new ConversationWindow();
    for (int i = 0; i < 10; i++) {
      assertThat(w.add("m" + i, Instant.EPOCH.plusSeconds(60L * i), i % 2 == 0, List.of(), 0.01).risk())
          .isLessThan(0.01);
    }
    assertThat(w.add("m10", Instant.EPOCH.plusSeconds(600), false, List.of(), 0.99).risk())
        .isLessThan(ConversationMonitor.HIGH_RISK);
  }

  @Test
  void repeatedSignalsFromTheOtherPartyRaiseWeakStagesToABlock() {
    ConversationWindow stagesOnly = new ConversationWindow();
    ConversationWindow w = new ConversationWindow();
    double stages = 0;
    double risk = 0;
    for (int i = 0; i < 7; i++) {
      List<StageMatcher.Hit> hits = i == 0 ? List.of(AGE) : i == 1 ? List.of(SECRECY) : List.of();
      stages = stagesOnly.add("m" + i, Instant.EPOCH.plusSeconds(60L * i), false, hits).risk();
      risk = w.add("m" + i, Instant.EPOCH.plusSeconds(60L * i), false, hits, 0.95).risk();
    }
    assertThat(stages).isLessThan(ConversationMonitor.HIGH_RISK);
    assertThat(risk).isGreaterThanOrEqualTo(ConversationMonitor.BLOCK_RISK);
  }

  @Test
  void aSignalBelowTheFloorIsNotKept() {
    ConversationWindow w = new ConversationWindow();
    w.add("m1", Instant.EPOCH, false, List.of(), RiskModel.SIGNAL_FLOOR / 2);
    assertThat(w.size()).isZero();
    w.add("m2", Instant.EPOCH, false, List.of(), RiskModel.SIGNAL_FLOOR);
    assertThat(w.size()).isEqualTo(1);
  }

  @Property(tries = 200)
  void moreSignalNeverLowersTheRisk(@ForAll @DoubleRange(min = 0, max = 1) double g,
      @ForAll @DoubleRange(min = 0, max = 0.5) double more, @ForAll boolean child) {
    ConversationWindow a = new ConversationWindow();
    ConversationWindow b = new ConversationWindow();
    a.add("m0", Instant.EPOCH, false, List.of(SECRECY), 0.1);
    b.add("m0", Instant.EPOCH, false, List.of(SECRECY), 0.1);
    a.add("m1", Instant.EPOCH, child, List.of(), g);
    b.add("m1", Instant.EPOCH, child, List.of(), Math.min(1, g + more));
    // the risk after a later message: the newest message's own weight no longer applies to m1
    double ra = a.add("m2", Instant.EPOCH, false, List.of(SECRECY), 0.1).risk();
    double rb = b.add("m2", Instant.EPOCH, false, List.of(SECRECY), 0.1).risk();
    assertThat(rb).isGreaterThanOrEqualTo(ra);
    assertThat(ra).isBetween(0.0, 1.0);
  }

  /**
   * The window lays its kept signals out in arrays for the combiner and keeps the stages' assessment while
   * their phrases are unchanged: after every message its risk is, to the bit, the plain combiner
   * ({@link RiskModel#combine(double, Iterable, long)}) over a fresh assessment of the kept messages, whatever
   * joins and leaves the window (by count and by age, stages and signals alone, out-of-order times).
   */
  @Property(tries = 100)
  void theWindowsRiskIsThePlainCombinerOverItsKeptMessages(@ForAll long seed) {
    Random r = new Random(seed);
    ConversationWindow w = new ConversationWindow();
    List<StageMatcher.Hit> stages = List.of(SECRECY, AGE, PHOTOS);
    for (int i = 0; i < 160; i++) {
      List<StageMatcher.Hit> hits = r.nextInt(6) == 0 ? List.of(stages.get(r.nextInt(3))) : List.of();
      double g = switch (r.nextInt(5)) {
        case 0 -> 0.0;
        case 1 -> RiskModel.SIGNAL_FLOOR * r.nextDouble();
        default -> r.nextDouble();
      };
      // mostly forwards, now and then back in time or a day later (messages leave by age)
      Instant t = Instant.EPOCH.plusSeconds(600L * i + (r.nextInt(8) == 0 ? -3_000 : 0)
          + (i > 80 && r.nextInt(40) == 0 ? 90_000 : 0));
      double risk = w.add("m" + i, t, r.nextBoolean(), hits, g).risk();
      WindowState state = w.export();
      List<RiskModel.Scored> kept = new ArrayList<>();
      for (WindowState.Entry e : state.entries()) {
        kept.add(scored(e));
      }
      double plain = RiskModel.combine(RiskModel.assess(kept).risk(), kept, state.seq());
      assertThat(Double.doubleToRawLongBits(risk)).as("message %d", i).isEqualTo(Double.doubleToRawLongBits(plain));
    }
  }

  private static RiskModel.Scored scored(WindowState.Entry e) {
    Evidence[] evidence = RiskModel.evidenceOf(e.messageId(), e.hits());
    return new RiskModel.Scored() {
      @Override
      public long seq() {
        return e.seq();
      }

      @Override
      public String messageId() {
        return e.messageId();
      }

      @Override
      public boolean fromChild() {
        return e.fromChild();
      }

      @Override
      public double signal() {
        return e.signal();
      }

      @Override
      public List<StageMatcher.Hit> hits() {
        return e.hits();
      }

      @Override
      public Evidence evidence(int hit) {
        return evidence[hit];
      }
    };
  }

  @Test
  void theSignalIsTheHigherOfGroomingAndSexualMinors() {
    assertThat(RiskModel.signalOf(0.2, 0.7)).isEqualTo(0.7);
    assertThat(RiskModel.signalOf(Double.NaN, 0.3)).isEqualTo(0.3);
    assertThat(RiskModel.signalOf(Double.NaN, Double.NaN)).isZero();
    assertThat(RiskModel.signalOf(-1, 2)).isEqualTo(1.0);
  }
}
