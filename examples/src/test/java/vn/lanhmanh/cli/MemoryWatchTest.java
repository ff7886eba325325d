package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The memory watch trusts a short reading only after a collection, and asks for one at most once per
 * window: garbage awaiting a concurrent cycle must not make the service refuse work.
 */
class MemoryWatchTest {

  private static final long MAX = 1000L << 20;

  private final Deque<Long> usedMib = new ArrayDeque<>();
  private final AtomicInteger collections = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final MemoryWatch watch = new MemoryWatch(
      () -> new MemoryWatch.Reading(usedMib.isEmpty() ? 100L << 20 : usedMib.poll() << 20, MAX),
      collections::incrementAndGet, now::get);

  private void readings(long... mib) {
    for (long m : mib) {
      usedMib.add(m);
    }
  }

  private void advanceSeconds(long s) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(s));
  }

  @Test
  void aReadingUnderTheMarkIsTakenAsItIsWithoutACollection() {
    readings(800);
    assertThat(watch.reading().usedBytes()).isEqualTo(800L << 20);
    assertThat(collections).hasValue(0);
  }

  @Test
  void garbageOverTheMarkIsCollectedAndNotShort() {
    readings(900, 300);
    MemoryWatch.Reading r = watch.reading();
    assertThat(collections).hasValue(1);
    assertThat(r.isShort()).isFalse();
    assertThat(r.usedBytes()).isEqualTo(300L << 20);
  }

  @Test
  void liveDataOverTheMarkIsShortAfterTheCollection() {
    readings(950, 940);
    MemoryWatch.Reading r = watch.reading();
    assertThat(collections).hasValue(1);
    assertThat(r.isShort()).isTrue();
    assertThat(r.describe()).isEqualTo("940 MiB of 1000 MiB heap in use outside eden");
  }

  @Test
  void withinTheWindowTheLastConfirmationIsReusedAndNoCollectionAsked() {
    readings(900, 300, 950, 960, 955);
    assertThat(watch.reading().isShort()).isFalse();
    advanceSeconds(MemoryWatch.CONFIRM_EVERY_SECONDS - 1);
    MemoryWatch.Reading again = watch.reading();
    assertThat(collections).hasValue(1);
    assertThat(again.usedBytes()).isEqualTo(300L << 20);
    advanceSeconds(1);
    MemoryWatch.Reading later = watch.reading();
    assertThat(collections).hasValue(2);
    assertThat(later.isShort()).isTrue();
    assertThat(later.usedBytes()).isEqualTo(955L << 20);
  }

  @Test
  void aConfirmedShortageStaysShortWithinTheWindowAndClearsWhenMemoryFalls() {
    readings(950, 940, 945, 200);
    assertThat(watch.reading().isShort()).isTrue();
    assertThat(watch.reading().isShort()).isTrue();
    assertThat(watch.reading().isShort()).isFalse();
    assertThat(collections).hasValue(1);
  }

  @Test
  void theJvmsOwnWatchReadsTheHeap() {
    MemoryWatch.Reading r = MemoryWatch.heapOutsideEden();
    assertThat(r.maxBytes()).isEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(r.usedBytes()).isPositive();
  }
}
