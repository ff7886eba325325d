package vn.lanhmanh;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * {@link BoundedCache} on Caffeine. Only this class names Caffeine on the text and URL paths, so it is
 * loaded only where Caffeine is present. Thread-safe.
 */
final class CaffeineCache<K, V> implements BoundedCache<K, V> {

  private final Cache<K, V> cache;

  private CaffeineCache(Cache<K, V> cache) {
    this.cache = cache;
  }

  static <K, V> BoundedCache<K, V> create(long maximumSize) {
    return new CaffeineCache<>(Caffeine.newBuilder().maximumSize(maximumSize).recordStats().<K, V>build());
  }

  @Override
  public V get(K key, Function<? super K, ? extends V> compute) {
    return cache.get(key, compute);
  }

  @Override
  public long hits() {
    return cache.stats().hitCount();
  }

  @Override
  public long misses() {
    return cache.stats().missCount();
  }

  @Override
  public long evictions() {
    return cache.stats().evictionCount();
  }
}
