package vn.lanhmanh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cache of at most {@code maximumSize} values: Caffeine's when Caffeine is on the class path and works,
 * otherwise a small least-recently-used map behind one lock ({@link Lru}). Android (where Caffeine 3
 * cannot run, and where an app may leave it out) gets the second; its lock is held only for a map lookup
 * or insert, never while a value is computed.
 *
 * <p>Thread-safe.
 */
interface BoundedCache<K, V> {

  /** The cached value of {@code key}, computing and keeping it on a miss. */
  V get(K key, Function<? super K, ? extends V> compute);

  /** Lookups that found a value. */
  long hits();

  /** Lookups that computed one. */
  long misses();

  /** Values dropped to keep the size bound. */
  long evictions();

  /**
   * Caffeine's cache if it can be used here, else the built-in one; made on first use, so a filter that
   * never needs it (a command-line check of one text) does not load Caffeine.
   */
  static <K, V> BoundedCache<K, V> create(long maximumSize) {
    return new Deferred<>(maximumSize);
  }

  private static <K, V> BoundedCache<K, V> make(long maximumSize) {
    if (Lru.CAFFEINE) {
      try {
        return CaffeineCache.create(maximumSize);
      } catch (LinkageError | RuntimeException e) {
        Lru.log.info("Caffeine cannot be used here ({}); using the built-in LRU cache", e.toString());
      }
    }
    return new Lru<>(maximumSize);
  }

  /** Makes the cache on the first lookup; counts read 0 until then. */
  final class Deferred<K, V> implements BoundedCache<K, V> {
    private final long maximumSize;
    private volatile BoundedCache<K, V> cache;

    Deferred(long maximumSize) {
      this.maximumSize = maximumSize;
    }

    private BoundedCache<K, V> cache() {
      BoundedCache<K, V> c = cache;
      if (c == null) {
        synchronized (this) {
          c = cache;
          if (c == null) {
            c = make(maximumSize);
            cache = c;
          }
        }
      }
      return c;
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> compute) {
      return cache().get(key, compute);
    }

    @Override
    public long hits() {
      BoundedCache<K, V> c = cache;
      return c == null ? 0 : c.hits();
    }

    @Override
    public long misses() {
      BoundedCache<K, V> c = cache;
      return c == null ? 0 : c.misses();
    }

    @Override
    public long evictions() {
      BoundedCache<K, V> c = cache;
      return c == null ? 0 : c.evictions();
    }
  }

  /** The built-in cache: an access-ordered {@link LinkedHashMap}, values computed outside the lock. */
  final class Lru<K, V> implements BoundedCache<K, V> {
    static final Logger log = LoggerFactory.getLogger(BoundedCache.class);
    static final boolean CAFFEINE = present("com.github.benmanes.caffeine.cache.Caffeine");

    private final long maximumSize;
    private final Map<K, V> map;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    Lru(long maximumSize) {
      this.maximumSize = maximumSize;
      this.map = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
          boolean full = size() > Lru.this.maximumSize;
          if (full) {
            evictions.increment();
          }
          return full;
        }
      };
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> compute) {
      V v;
      synchronized (map) {
        v = map.get(key);
      }
      if (v != null) {
        hits.increment();
        return v;
      }
      misses.increment();
      // Two threads may compute the same value; both results are equal, and the second insert wins.
      v = compute.apply(key);
      if (v != null && maximumSize > 0) {
        synchronized (map) {
          map.put(key, v);
        }
      }
      return v;
    }

    @Override
    public long hits() {
      return hits.sum();
    }

    @Override
    public long misses() {
      return misses.sum();
    }

    @Override
    public long evictions() {
      return evictions.sum();
    }

    private static boolean present(String className) {
      try {
        Class.forName(className, false, BoundedCache.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
