package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The store's order of use and expiry when a kept window is found without the store's lock: the logged uses
 * must order evictions exactly as if each use had moved its window itself.
 */
class WindowStoreTest {

  private static final long HOUR = 3_600_000_000_000L;

  private final AtomicLong clock = new AtomicLong(1_000);

  private WindowStore store(long maxCount) {
    return new WindowStore(maxCount, Long.MAX_VALUE, HOUR, clock::get);
  }

  @Test
  void usesOfKeptWindowsOrderEvictions() {
    WindowStore s = store(3);
    WindowStore.Slot a = s.acquire("a");
    s.acquire("b");
    s.acquire("c");
    assertThat(s.acquire("a")).isSameAs(a);   // kept: found without the lock, its use logged
    s.acquire("b");
    s.acquire("d");                           // over the count: the least recently used goes
    assertThat(s.contains("c")).isFalse();
    assertThat(s.contains("a")).isTrue();
    assertThat(s.contains("b")).isTrue();
    s.acquire("e");
    assertThat(s.contains("a")).isFalse();
    assertThat(s.counts().get("evicted_innocent")).isEqualTo(2);
  }

  @Test
  void aUseAfterATierMoveKeepsItsPlace() {
    WindowStore s = store(3);
    WindowStore.Slot a = s.acquire("a");
    WindowStore.Slot b = s.acquire("b");
    s.acquire("c");
    s.acquire("a");
    s.settle(b, WindowStore.WINDOW_BYTES + 2, WindowStore.Tier.STAGED);   // b leaves the innocent tier
    s.settle(a, WindowStore.WINDOW_BYTES + 2, WindowStore.Tier.STAGED);
    s.acquire("b");                           // b is now the most recently used staged window
    s.acquire("d");                           // c is the only innocent one besides d: it goes
    assertThat(s.contains("c")).isFalse();
    s.acquire("e");                           // d is innocent, and evicted before any staged one
    assertThat(s.contains("d")).isFalse();
    s.settle(s.acquire("e"), WindowStore.WINDOW_BYTES + 2, WindowStore.Tier.STAGED);
    s.acquire("f");                           // all staged but f: a, used before b, goes
    assertThat(s.contains("a")).isFalse();
    assertThat(s.contains("b")).isTrue();
  }

  @Test
  void aWindowUnusedForTheExpiryIsNotFoundAgain() {
    WindowStore s = store(10);
    WindowStore.Slot a = s.acquire("a");
    clock.addAndGet(HOUR - 1);
    assertThat(s.acquire("a")).isSameAs(a);
    clock.addAndGet(HOUR);
    WindowStore.Slot again = s.acquire("a");
    assertThat(again).isNotSameAs(a);
    assertThat(a.removed).isTrue();
    assertThat(s.counts().get("expired")).isEqualTo(1);
    assertThat(s.size()).isEqualTo(1);
  }

  @Test
  void aNewSizeIsCountedAndOverTheByteBudgetEvicts() {
    long empty = WindowStore.WINDOW_BYTES + 2;
    WindowStore s = new WindowStore(10, 3 * empty + 100, HOUR, clock::get);
    WindowStore.Slot a = s.acquire("a");
    s.acquire("b");
    WindowStore.Slot c = s.acquire("c");
    s.settle(c, empty + 100, WindowStore.Tier.INNOCENT);   // at the budget: all kept
    assertThat(s.counts().get("bytes")).isEqualTo(3 * empty + 100);
    assertThat(s.size()).isEqualTo(3);
    s.settle(c, empty + 101, WindowStore.Tier.INNOCENT);   // over it: the least recently used goes
    assertThat(s.contains("a")).isFalse();
    assertThat(s.counts().get("bytes")).isEqualTo(2 * empty + 101);
    s.settle(a, empty + 500, WindowStore.Tier.INNOCENT);   // a dropped window's size is not counted
    assertThat(s.counts().get("bytes")).isEqualTo(2 * empty + 101);
    assertThat(s.counts().get("evicted_innocent")).isEqualTo(1);
  }
}
