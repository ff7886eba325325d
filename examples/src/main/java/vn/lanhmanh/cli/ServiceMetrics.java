package vn.lanhmanh.cli;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.Verdict;

/**
 * The counters behind {@code GET /metrics}, written in the Prometheus text format (version 0.0.4) by hand:
 * a handful of series needs no client library.
 *
 * <p>Thread-safe and lock-free on the recording side ({@link LongAdder}s), so request threads never wait
 * for each other here.
 */
final class ServiceMetrics {

  /** Upper bounds of the check latency buckets, in seconds. */
  static final double[] BUCKETS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
      0.1, 0.25, 1.0};
  /** The same bounds as Prometheus {@code le} labels. */
  private static final String[] LE = {"0.00005", "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01",
      "0.025", "0.05", "0.1", "0.25", "1", "+Inf"};

  private static final String[] KINDS = {"text", "url"};
  private static final String[] TIERS = {"innocent", "staged", "at_risk"};

  /** [kind][action]. */
  private final LongAdder[][] checks = new LongAdder[2][Action.values().length];
  private final LongAdder[] byCategory = new LongAdder[Category.values().length];
  private final LongAdder[] latency = new LongAdder[BUCKETS.length + 1];
  private final LongAdder latencyNanos = new LongAdder();
  private final LongAdder latencyCount = new LongAdder();
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder refreshFailures = new LongAdder();

  ServiceMetrics() {
    for (LongAdder[] row : checks) {
      for (int i = 0; i < row.length; i++) {
        row[i] = new LongAdder();
      }
    }
    for (int i = 0; i < byCategory.length; i++) {
      byCategory[i] = new LongAdder();
    }
    for (int i = 0; i < latency.length; i++) {
      latency[i] = new LongAdder();
    }
  }

  /** Records one check: its kind, action, categories and how long it took. */
  void check(boolean url, Verdict v, long nanos) {
    checks[url ? 1 : 0][v.action().ordinal()].increment();
    for (Category c : v.categories()) {
      byCategory[c.ordinal()].increment();
    }
    double seconds = nanos / 1e9;
    int b = 0;
    while (b < BUCKETS.length && seconds > BUCKETS[b]) {
      b++;
    }
    latency[b].increment();
    latencyNanos.add(nanos);
    latencyCount.increment();
  }

  /** Records one answered request, by route and status. */
  void request(String route, int status) {
    requests.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
  }

  /** Records one error answer, by code. */
  void error(String code) {
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  /** Records a failed index refresh (from {@code --watch}). */
  void refreshFailed() {
    refreshFailures.increment();
  }

  /**
   * The whole exposition.
   *
   * @param conversations the filter's conversation store counters ({@code ContentFilter.conversationCounts()})
   * @param memory the heap in use outside eden
   * @param heavy heavy requests (batches, large bodies) running now
   */
  String render(CacheStats cache, IndexView index, int inflight, Map<String, Long> conversations,
      MemoryWatch.Reading memory, int heavy) {
    StringBuilder b = new StringBuilder(4096);
    header(b, "lanhmanh_checks_total", "counter", "Checks answered, by kind of input and action.");
    for (int k = 0; k < KINDS.length; k++) {
      for (Action a : Action.values()) {
        b.append("lanhmanh_checks_total{kind=\"").append(KINDS[k]).append("\",action=\"").append(a.name())
            .append("\"} ").append(checks[k][a.ordinal()].sum()).append('\n');
      }
    }
    header(b, "lanhmanh_checks_by_category_total", "counter",
        "Checks whose verdict has at least one finding of the category.");
    for (Category c : Category.values()) {
      b.append("lanhmanh_checks_by_category_total{category=\"").append(c.jsonName()).append("\"} ")
          .append(byCategory[c.ordinal()].sum()).append('\n');
    }
    header(b, "lanhmanh_check_duration_seconds", "histogram", "Time spent in one check, parsing and writing excluded.");
    long cumulative = 0;
    for (int i = 0; i < latency.length; i++) {
      cumulative += latency[i].sum();
      b.append("lanhmanh_check_duration_seconds_bucket{le=\"").append(LE[i]).append("\"} ").append(cumulative).append('\n');
    }
    b.append("lanhmanh_check_duration_seconds_sum ").append(format(latencyNanos.sum() / 1e9)).append('\n');
    b.append("lanhmanh_check_duration_seconds_count ").append(cumulative).append('\n');

    header(b, "lanhmanh_url_cache_requests_total", "counter", "URL verdict cache lookups, by result.");
    b.append("lanhmanh_url_cache_requests_total{result=\"hit\"} ").append(cache.hitCount()).append('\n');
    b.append("lanhmanh_url_cache_requests_total{result=\"miss\"} ").append(cache.missCount()).append('\n');
    header(b, "lanhmanh_url_cache_hit_ratio", "gauge", "URL verdict cache hits over lookups (1 before any lookup).");
    b.append("lanhmanh_url_cache_hit_ratio ").append(format(cache.hitRate())).append('\n');

    header(b, "lanhmanh_index_generation", "gauge", "Generation of the URL list index in service (0 without --index).");
    b.append("lanhmanh_index_generation ").append(index == null ? 0 : index.generation()).append('\n');
    header(b, "lanhmanh_index_entries", "gauge", "Entries in the URL list index in service.");
    b.append("lanhmanh_index_entries ").append(index == null ? 0 : index.entries()).append('\n');
    header(b, "lanhmanh_index_refresh_failures_total", "counter", "Index refreshes that failed (the old index stays).");
    b.append("lanhmanh_index_refresh_failures_total ").append(refreshFailures.sum()).append('\n');

    header(b, "lanhmanh_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    new java.util.TreeMap<>(requests).forEach((k, v) -> {
      int sep = k.indexOf('\u0000');
      b.append("lanhmanh_http_requests_total{route=\"").append(k, 0, sep).append("\",status=\"")
          .append(k, sep + 1, k.length()).append("\"} ").append(v.sum()).append('\n');
    });
    header(b, "lanhmanh_http_errors_total", "counter", "Error answers, by error code.");
    new java.util.TreeMap<>(errors).forEach((k, v) ->
        b.append("lanhmanh_http_errors_total{code=\"").append(k).append("\"} ").append(v.sum()).append('\n'));
    header(b, "lanhmanh_http_inflight_requests", "gauge", "Requests being handled now.");
    b.append("lanhmanh_http_inflight_requests ").append(inflight).append('\n');
    header(b, "lanhmanh_http_heavy_requests", "gauge", "Batches and large bodies being handled now (bounded by --max-heavy).");
    b.append("lanhmanh_http_heavy_requests ").append(heavy).append('\n');

    header(b, "lanhmanh_conversations", "gauge", "Conversation windows kept, by tier (innocent, staged, at_risk).");
    byTier(b, "lanhmanh_conversations", conversations, "conversations_");
    header(b, "lanhmanh_conversation_bytes", "gauge", "Estimated bytes of the conversation windows kept.");
    b.append("lanhmanh_conversation_bytes ").append(conversations.getOrDefault("bytes", 0L)).append('\n');
    header(b, "lanhmanh_conversations_created_total", "counter", "Conversation windows created.");
    b.append("lanhmanh_conversations_created_total ").append(conversations.getOrDefault("created", 0L)).append('\n');
    header(b, "lanhmanh_conversations_evicted_total", "counter",
        "Conversation windows dropped to stay within the count or byte budget, by tier.");
    byTier(b, "lanhmanh_conversations_evicted_total", conversations, "evicted_");
    header(b, "lanhmanh_conversations_expired_total", "counter", "Conversation windows dropped after the expiry without messages.");
    b.append("lanhmanh_conversations_expired_total ").append(conversations.getOrDefault("expired", 0L)).append('\n');

    header(b, "lanhmanh_heap_old_bytes", "gauge", "Heap in use outside eden (survivors and the old generation).");
    b.append("lanhmanh_heap_old_bytes ").append(memory.usedBytes()).append('\n');
    header(b, "lanhmanh_heap_max_bytes", "gauge", "The JVM's maximum heap (-Xmx).");
    b.append("lanhmanh_heap_max_bytes ").append(memory.maxBytes()).append('\n');
    return b.toString();
  }

  private static void byTier(StringBuilder b, String series, Map<String, Long> counts, String prefix) {
    for (String tier : TIERS) {
      b.append(series).append("{tier=\"").append(tier).append("\"} ").append(counts.getOrDefault(prefix + tier, 0L))
          .append('\n');
    }
  }

  private static void header(StringBuilder b, String name, String type, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static String format(double d) {
    return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).toPlainString() : "NaN";
  }
}
