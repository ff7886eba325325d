package vn.lanhmanh.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import vn.lanhmanh.ConversationVerdict.Evidence;

/**
 * The conversation windows of one filter, bounded in number and in bytes, in plain Java (no cache
 * library, so it runs wherever the JDK's collections do, Android included).
 *
 * <p><b>Tiers.</b> Windows are kept in three access-ordered maps by what they hold: {@link Tier#INNOCENT}
 * (no stage phrase in the window), {@link Tier#STAGED} (stage phrases, risk below
 * {@link #PROTECTED_RISK}) and {@link Tier#AT_RISK}. When the store is over its count or byte budget, the
 * least recently used window of the lowest non-empty tier goes first: a flood of new innocent
 * conversations evicts only innocent ones, and a risky window is evicted only when every window kept is at
 * least as risky. A window without messages for longer than the expiry is dropped whatever its tier.
 *
 * <p><b>Bytes.</b> A window's size is estimated from what it keeps: its id, and per stage phrase in it the
 * message id, the phrase as written and fixed overheads ({@link #bytesOf}). Strings kept are capped
 * before they reach a window ({@link ConversationMonitor}), so one window stays small whatever the
 * caller sends.
 *
 * <p><b>Threads.</b> A message to a kept window takes no lock of the store: the window is found in a
 * concurrent index, and its use is stamped and logged without a lock ({@link #acquire}). One short lock
 * guards the tier maps, taken only to create a window, move one between tiers, drop expired ones and
 * evict (and for the counters); a window's new size is counted in an atomic total, with the lock taken
 * only when the total is over budget. The lock first replays the logged uses
 * in stamp order, so the tiers are in order of use as if each use had moved its window itself. It is
 * never held while a message is matched or scored. A window is updated under its own monitor, and the
 * lock order is window then store, so eviction (store lock only) never waits for a window.
 */
final class WindowStore {

  /** At or above this risk a window is in the most protected tier. */
  static final double PROTECTED_RISK = 0.5;

  /** Where a window is kept, from the first to be evicted to the last. */
  enum Tier {
    INNOCENT("innocent"), STAGED("staged"), AT_RISK("at_risk");

    final String label;

    Tier(String label) {
      this.label = label;
    }

    static Tier of(double risk, boolean noStages) {
      if (risk >= PROTECTED_RISK) {
        return AT_RISK;
      }
      // with the classifiers on, a window without stages has a small risk from their signals, never 0
      return noStages && risk < INNOCENT_RISK ? INNOCENT : STAGED;
    }
  }

  /** Below this risk a window without stages is innocent (without classifiers such a window's risk is 0). */
  static final double INNOCENT_RISK = 0.1;
  /** Estimated bytes of a message kept for its classifier signal alone (its record and id). */
  static final long MESSAGE_BYTES = 128;
  /** Estimated bytes of an empty window with its map entry, besides its id's chars. */
  static final long WINDOW_BYTES = 320;
  /** Estimated bytes of one kept stage phrase (entry, hit, evidence objects), besides its strings' chars. */
  static final long HIT_BYTES = 160;

  /**
   * A kept window and its bookkeeping; {@code tier} is guarded by the store and changed only while the
   * window's monitor is held too; {@code bytes} is changed under the window's monitor (or, once, by
   * {@link #drop}), with a compare-and-set so that a size change and a drop do not both count.
   */
  static final class Slot {
    final String id;
    final ConversationWindow window = new ConversationWindow();
    /** When it was last used (the store's clock). */
    volatile long lastAccess;
    /** The order of its last use among all windows' uses. */
    volatile long stamp;
    /** 1 while it is in the store's log of uses not yet applied to the tier order. */
    volatile int logged;
    /** The next window in the log of uses; written before it is pushed, read after it is taken. */
    Slot nextLogged;
    /** Its estimated size, counted in the store's total; {@link #DROPPED} once it has left the store. */
    volatile long bytes;
    Tier tier = Tier.INNOCENT;
    /** Set under the store lock when the slot leaves the store; read by the thread updating the window. */
    volatile boolean removed;

    Slot(String id) {
      this.id = id;
    }
  }

  private static final AtomicIntegerFieldUpdater<Slot> LOGGED =
      AtomicIntegerFieldUpdater.newUpdater(Slot.class, "logged");
  private static final AtomicLongFieldUpdater<Slot> BYTES = AtomicLongFieldUpdater.newUpdater(Slot.class, "bytes");
  /** The size of a window that has left the store (no longer counted). */
  private static final long DROPPED = -1;
  /** A logged use: the window and its stamp when the log was taken. */
  private record Use(Slot slot, long stamp) {}

  private static final Comparator<Use> BY_STAMP = Comparator.comparingLong(Use::stamp);

  private final Object lock = new Object();
  /** Every kept window by id; changed under the lock, read without it. */
  private final ConcurrentHashMap<String, Slot> index = new ConcurrentHashMap<>();
  /** Windows used since the tier order was last brought up to date, newest first (a lock-free stack). */
  private final AtomicReference<Slot> log = new AtomicReference<>();
  /** Stamps the uses, so the log is replayed in the order of use. */
  private final AtomicLong uses = new AtomicLong();
  @SuppressWarnings("unchecked")
  private final LinkedHashMap<String, Slot>[] tiers = new LinkedHashMap[Tier.values().length];
  private final long maxCount;
  private final long maxBytes;
  private final long expiryNanos;
  private final LongSupplier clock;
  /** The estimated bytes of the windows kept. */
  private final AtomicLong bytes = new AtomicLong();
  /**
   * No kept window was last used before this (nanos, a lower bound), so a lookup skips the walk over the
   * tiers' eldest windows while none of them can have expired. Lowered when a window is used or changes tier,
   * raised to the eldest windows' last use after each walk. A tier is in order of last use except where a
   * window changed tier while another thread used a window: such a window can expire later than its
   * expiry by at most the time one message took.
   */
  private volatile long eldestAccess;
  private long created;
  private long expired;
  private final long[] evicted = new long[Tier.values().length];

  /**
   * @param maxCount the most windows kept
   * @param maxBytes the most estimated bytes kept
   * @param expiryNanos how long a window without messages is kept
   * @param clock nanoseconds, monotonic ({@code System::nanoTime} outside tests)
   */
  WindowStore(long maxCount, long maxBytes, long expiryNanos, LongSupplier clock) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
    this.expiryNanos = expiryNanos;
    this.clock = clock;
    this.eldestAccess = clock.getAsLong();
    for (int t = 0; t < tiers.length; t++) {
      tiers[t] = new LinkedHashMap<>(16, 0.75f, true);
    }
  }

  /**
   * Estimated bytes of a window with this id, its stage phrases kept ({@code hitBytes}: their
   * {@link #hitBytes} summed) and {@code signalOnly} messages kept for their classifier signal alone.
   */
  static long bytesOf(String id, long hitBytes, int signalOnly) {
    return WINDOW_BYTES + 2L * id.length() + MESSAGE_BYTES * signalOnly + hitBytes;
  }

  /** Estimated bytes of one kept stage phrase. */
  static long hitBytes(Evidence e) {
    return HIT_BYTES + 2L * (e.messageId().length() + e.match().length());
  }

  /**
   * The window of {@code id}, created (innocent, empty) when not kept; marks it used now. A kept window,
   * while no window can have expired, is found and marked used without the store's lock.
   */
  Slot acquire(String id) {
    return acquire(id, null);
  }

  /**
   * {@link #acquire(String)}, looking in the index only when {@code last} (the window this conversation's
   * previous message used, kept by its handle; null when unknown) has left the store.
   */
  Slot acquire(String id, Slot last) {
    long at = clock.getAsLong();
    Slot kept = last != null && !last.removed ? last : index.get(id);
    long since = at - eldestAccess;
    if (kept != null && since >= 0 && since < expiryNanos && !kept.removed) {
      kept.lastAccess = at;
      logUse(kept);
      return kept;
    }
    synchronized (lock) {
      long now = clock.getAsLong();
      applyUses();
      if (now - eldestAccess >= expiryNanos) {
        expire(now);
      }
      eldestAccess = Math.min(eldestAccess, now);
      Slot s = find(id);
      if (s == null) {
        s = new Slot(id);
        s.bytes = WINDOW_BYTES + 2L * id.length();
        tiers[Tier.INNOCENT.ordinal()].put(id, s);
        index.put(id, s);
        bytes.addAndGet(s.bytes);
        created++;
        evict(s);
      }
      s.lastAccess = now;
      s.stamp = uses.incrementAndGet();   // a use still in the log must not move it again later
      return s;
    }
  }

  /** Stamps a use of {@code s} and logs it for the tier order, unless it is logged already. */
  private void logUse(Slot s) {
    s.stamp = uses.incrementAndGet();
    if (s.logged == 0 && LOGGED.compareAndSet(s, 0, 1)) {
      Slot head;
      do {
        head = log.get();
        s.nextLogged = head;
      } while (!log.compareAndSet(head, s));
    }
  }

  /**
   * Moves the windows used since the last call to the most recently used end of their tiers, in the order
   * of their last use. Under the lock, before anything that reads or changes the tier order.
   */
  private void applyUses() {
    Slot s = log.getAndSet(null);
    if (s == null) {
      return;
    }
    List<Use> used = new ArrayList<>();
    while (s != null) {
      Slot next = s.nextLogged;
      s.nextLogged = null;
      // the stamp as of now: another thread may stamp the window again while the uses are sorted
      used.add(new Use(s, s.stamp));
      s.logged = 0;   // used again from now on: logged again
      s = next;
    }
    used.sort(BY_STAMP);
    for (Use u : used) {
      if (!u.slot().removed) {
        tiers[u.slot().tier.ordinal()].get(u.slot().id);   // moves it to the most recently used end
      }
    }
  }

  /**
   * Records a window's new size and tier after a message; evicts others when over budget. Called while
   * holding the window's monitor; does nothing if the slot was dropped meanwhile.
   */
  void settle(Slot s, long newBytes, Tier tier) {
    long old = s.bytes;
    if (newBytes == old && tier == s.tier) {
      // Nothing to record (most messages show no stage). Both fields are written under the window's
      // monitor as well, which the caller holds.
      return;
    }
    if (tier == s.tier) {
      // A new size in the same tier: counted without the store's lock, unless the total is over budget.
      if (old == DROPPED || !BYTES.compareAndSet(s, old, newBytes)) {
        return;   // dropped meanwhile
      }
      if (bytes.addAndGet(newBytes - old) > maxBytes) {
        synchronized (lock) {
          if (!s.removed) {
            applyUses();
            evict(s);
          }
        }
      }
      return;
    }
    synchronized (lock) {
      if (s.removed) {
        return;
      }
      applyUses();
      // no drop can run now (drops hold the lock), nor another change of this window (its monitor is held)
      bytes.addAndGet(newBytes - old);
      s.bytes = newBytes;
      tiers[s.tier.ordinal()].remove(s.id);
      tiers[tier.ordinal()].put(s.id, s);
      s.tier = tier;
      eldestAccess = Math.min(eldestAccess, s.lastAccess);
      evict(s);
    }
  }

  /** Whether a window is kept for {@code id} (no access recorded, expired ones count as gone). */
  boolean contains(String id) {
    synchronized (lock) {
      applyUses();
      expire(clock.getAsLong());
      for (LinkedHashMap<String, Slot> m : tiers) {
        if (m.containsKey(id)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The slot of {@code id} without recording an access, or null. */
  Slot peek(String id) {
    synchronized (lock) {
      applyUses();
      expire(clock.getAsLong());
      for (LinkedHashMap<String, Slot> m : tiers) {
        Slot s = m.getOrDefault(id, null);
        if (s != null) {
          return s;
        }
      }
      return null;
    }
  }

  /** Windows kept, after dropping expired ones. */
  long size() {
    synchronized (lock) {
      applyUses();
      expire(clock.getAsLong());
      return count();
    }
  }

  /**
   * The counters: {@code conversations}, {@code bytes}, {@code created}, {@code expired}, and per tier
   * {@code conversations_<tier>} and {@code evicted_<tier>} (tiers {@code innocent}, {@code staged},
   * {@code at_risk}).
   */
  Map<String, Long> counts() {
    synchronized (lock) {
      applyUses();
      expire(clock.getAsLong());
      Map<String, Long> out = new LinkedHashMap<>();
      out.put("conversations", count());
      out.put("bytes", bytes.get());
      out.put("created", created);
      out.put("expired", expired);
      for (Tier t : Tier.values()) {
        out.put("conversations_" + t.label, (long) tiers[t.ordinal()].size());
      }
      for (Tier t : Tier.values()) {
        out.put("evicted_" + t.label, evicted[t.ordinal()]);
      }
      return out;
    }
  }

  private long count() {
    long n = 0;
    for (LinkedHashMap<String, Slot> m : tiers) {
      n += m.size();
    }
    return n;
  }

  private Slot find(String id) {
    for (LinkedHashMap<String, Slot> m : tiers) {
      Slot s = m.get(id);   // moves it to the most recently used end of its tier
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** Drops the windows unused for the expiry; each tier's eldest is its least recently used. */
  private void expire(long now) {
    long eldest = now;
    for (LinkedHashMap<String, Slot> m : tiers) {
      for (Iterator<Slot> it = m.values().iterator(); it.hasNext(); ) {
        Slot s = it.next();
        if (now - s.lastAccess < expiryNanos) {
          eldest = Math.min(eldest, s.lastAccess);
          break;
        }
        it.remove();
        drop(s);
        expired++;
      }
    }
    eldestAccess = eldest;
  }

  /** Evicts least recently used windows, lowest tier first, until within budget; never {@code keep}. */
  private void evict(Slot keep) {
    while (count() > maxCount || bytes.get() > maxBytes) {
      Slot victim = null;
      for (LinkedHashMap<String, Slot> m : tiers) {
        Iterator<Slot> it = m.values().iterator();
        while (it.hasNext()) {
          Slot s = it.next();
          if (s != keep) {
            victim = s;
            it.remove();
            break;
          }
        }
        if (victim != null) {
          break;
        }
      }
      if (victim == null) {
        return;   // only keep is left; its own size is bounded by the window's caps
      }
      drop(victim);
      evicted[victim.tier.ordinal()]++;
    }
  }

  private void drop(Slot s) {
    s.removed = true;
    index.remove(s.id, s);
    bytes.addAndGet(-BYTES.getAndSet(s, DROPPED));
  }
}
