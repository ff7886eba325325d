package vn.lanhmanh;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Hands incidents to the listener on its executor, counting what was delivered, dropped or failed. */
final class Incidents {

  private final IncidentListener listener;
  private final Executor executor;
  /** The executor this filter created, shut down on close; null when the application gave one. */
  private final ExecutorService owned;
  private final LongAdder delivered = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failed = new LongAdder();

  Incidents(IncidentListener listener, Executor executor, int queue) {
    this.listener = listener;
    if (executor == null) {
      ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "lanhmanh-incidents");
            t.setDaemon(true);
            return t;
          }, new ThreadPoolExecutor.AbortPolicy());
      this.executor = pool;
      this.owned = pool;
    } else {
      this.executor = executor;
      this.owned = null;
    }
  }

  void report(IncidentListener.Incident incident) {
    try {
      executor.execute(() -> deliver(incident));
    } catch (RejectedExecutionException e) {
      dropped.increment();
    } catch (RuntimeException e) {
      // An application executor that fails some other way must not fail the check either.
      failed.increment();
    }
  }

  private void deliver(IncidentListener.Incident incident) {
    try {
      listener.onIncident(incident);
      delivered.increment();
    } catch (Exception | LinkageError | AssertionError e) {
      failed.increment();
    }
  }

  Map<String, Long> counts() {
    return Map.of("delivered", delivered.sum(), "dropped", dropped.sum(), "failed", failed.sum());
  }

  void close() {
    if (owned != null) {
      owned.shutdown();
    }
  }
}
