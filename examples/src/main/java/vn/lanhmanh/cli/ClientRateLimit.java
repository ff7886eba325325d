package vn.lanhmanh.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} events per client per clock minute (a fixed window), for new conversations.
 * At most {@value #MAX_CLIENTS} clients are tracked: past it, the windows of earlier minutes are dropped,
 * and if that is not enough, new clients are refused until the next minute (failing closed: a flood of
 * addresses cannot buy unlimited new conversations). Thread-safe and lock-free per client.
 */
final class ClientRateLimit {

  static final int MAX_CLIENTS = 65_536;

  private record Window(long minute, int count) {}

  private final int perMinute;
  private final LongSupplier millis;
  private final Map<String, Window> clients = new ConcurrentHashMap<>();

  /**
   * @param perMinute the most events per client per minute; 0 for no limit
   * @param millis the wall clock ({@code System::currentTimeMillis} outside tests)
   */
  ClientRateLimit(int perMinute, LongSupplier millis) {
    this.perMinute = perMinute;
    this.millis = millis;
  }

  /** Counts one event for {@code client}; false when it is over the limit (the event must not happen). */
  boolean tryAcquire(String client) {
    if (perMinute == 0) {
      return true;
    }
    long minute = millis.getAsLong() / 60_000;
    if (clients.size() >= MAX_CLIENTS && !clients.containsKey(client)) {
      clients.values().removeIf(w -> w.minute() != minute);
      if (clients.size() >= MAX_CLIENTS) {
        return false;
      }
    }
    Window w = clients.compute(client, (k, old) -> old == null || old.minute() != minute
        ? new Window(minute, 1) : new Window(minute, old.count() == Integer.MAX_VALUE ? old.count() : old.count() + 1));
    return w.count() <= perMinute;
  }

  /** Clients tracked now. */
  int clients() {
    return clients.size();
  }
}
