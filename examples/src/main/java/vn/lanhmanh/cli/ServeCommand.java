package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.ContentFilter;

/**
 * {@code lanhmanh serve --port N}: the HTTP JSON service and the playground page ({@link HttpService};
 * docs/SERVICE.md). Runs until SIGTERM or Ctrl-C, then stops gracefully.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serves the filter over HTTP: POST /v1/check, POST /v1/batch, GET /healthz, GET /metrics,",
        "GET /openapi.json, GET /v1/index, and the playground page at /. See docs/SERVICE.md."})
final class ServeCommand implements Callable<Integer> {

  @ParentCommand
  private Main main;

  @Spec
  private CommandSpec spec;

  @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port (0 for any free one).")
  private int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  private String host;

  @Option(names = "--watch", paramLabel = "SECONDS",
      description = "With --index: look for a newer index generation every SECONDS seconds.")
  private int watchSeconds;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServiceLimits.DEFAULT_MAX_BODY_BYTES,
      description = "Largest request body (default: ${DEFAULT-VALUE}).")
  private int maxBody;

  @Option(names = "--max-batch", paramLabel = "N", defaultValue = "" + ServiceLimits.DEFAULT_MAX_BATCH_ITEMS,
      description = "Most items in one /v1/batch (default: ${DEFAULT-VALUE}).")
  private int maxBatch;

  @Option(names = "--max-text", paramLabel = "CHARS", defaultValue = "" + ServiceLimits.DEFAULT_MAX_TEXT_CHARS,
      description = "Longest text or URL, in UTF-16 units (default: ${DEFAULT-VALUE}).")
  private int maxText;

  @Option(names = "--threads", paramLabel = "N", description = "Most request threads (default: max(32, 4 × cores)).")
  private Integer threads;

  @Option(names = "--max-heavy", paramLabel = "N",
      description = "Most batches and large bodies handled at once; more get 503 busy (default: max(1, cores / 2)).")
  private Integer maxHeavy;

  @Option(names = "--max-answer", paramLabel = "BYTES", defaultValue = "" + ServiceBudgets.DEFAULT_MAX_ANSWER_BYTES,
      description = "Largest answer body; a larger one is refused with 413 answer_too_large (default: ${DEFAULT-VALUE}).")
  private int maxAnswer;

  @Option(names = "--body-timeout", paramLabel = "MILLIS", defaultValue = "" + ServiceBudgets.DEFAULT_BODY_TIMEOUT_MILLIS,
      description = "How long a client may take to send a request body (default: ${DEFAULT-VALUE}).")
  private long bodyTimeout;

  @Option(names = "--min-data-rate", paramLabel = "BYTES_PER_S",
      defaultValue = "" + ServiceBudgets.DEFAULT_MIN_BYTES_PER_SECOND,
      description = "Slowest request body accepted, averaged over the request (default: ${DEFAULT-VALUE}).")
  private long minDataRate;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServiceBudgets.DEFAULT_MAX_CONNECTIONS,
      description = "Most open connections (default: ${DEFAULT-VALUE}).")
  private int maxConnections;

  @Option(names = "--new-conversations-per-minute", paramLabel = "N",
      defaultValue = "" + ServiceBudgets.DEFAULT_NEW_CONVERSATIONS_PER_MINUTE,
      description = "Most new conversations one client address may start per minute; 0 for no limit (default: ${DEFAULT-VALUE}).")
  private int newConversationsPerMinute;

  @Option(names = "--url-cache", paramLabel = "N", defaultValue = "" + DEFAULT_URL_CACHE,
      description = "URL verdicts kept in the cache (default: ${DEFAULT-VALUE}).")
  private long urlCache;

  @Option(names = "--allow-host", paramLabel = "NAME",
      description = "Also answer requests whose Host is NAME (repeatable); by default only the bind address, "
          + "and localhost on loopback.")
  private List<String> allowHosts = new ArrayList<>();

  @Option(names = "--cors-origin", paramLabel = "ORIGIN",
      description = "Answer browser pages from ORIGIN (e.g. https://app.example.vn) with CORS headers (repeatable); none by default.")
  private List<String> corsOrigins = new ArrayList<>();

  /** The URL verdict cache of the service (the library's default is 100,000). */
  static final long DEFAULT_URL_CACHE = 10_000;
  /** Live heap of a started service with the embedded lexicon, before any request (measured; SECURITY.md). */
  static final long BASE_HEAP_MIB = 64;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, was " + port);
    }
    // --index is the tool's inherited option, checked like for every other command.
    Path indexDir = main.indexFolder(spec);
    if (watchSeconds < 0 || (watchSeconds > 0 && indexDir == null)) {
      throw new ParameterException(spec.commandLine(), "--watch needs --index and a positive number of seconds");
    }
    ServiceLimits limits;
    try {
      limits = new ServiceLimits(maxBody, maxBatch, maxText);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    int poolSize = threads == null ? HttpService.Config.defaultThreads() : threads;
    if (poolSize < 4) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 4, was " + poolSize);
    }
    ServiceBudgets budgets;
    ServiceAccess access;
    String apiKey = System.getenv(ServiceAccess.API_KEY_ENV);
    try {
      budgets = new ServiceBudgets(maxAnswer, maxHeavy == null ? ServiceBudgets.defaultHeavyWork() : maxHeavy,
          bodyTimeout, minDataRate, maxConnections, newConversationsPerMinute);
      access = new ServiceAccess(new HashSet<>(allowHosts), new HashSet<>(corsOrigins),
          apiKey == null || apiKey.isEmpty() ? null : apiKey);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (urlCache < 0) {
      throw new ParameterException(spec.commandLine(), "--url-cache must be 0 or more, was " + urlCache);
    }
    if (access.apiKey() == null && !ServiceAccess.isLoopback(host)) {
      throw new ParameterException(spec.commandLine(), "--host " + host + " is reachable from other machines: set "
          + ServiceAccess.API_KEY_ENV + " (16 or more characters) so that conversation messages and index "
          + "refreshes need Authorization: Bearer <key>");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String advice = heapAdvice(Runtime.getRuntime().maxMemory(), limits, budgets, poolSize, urlCache);
    if (advice != null) {
      err.println("lanhmanh serve: " + advice);
      err.flush();
    }

    ContentFilter filter = main.openFilter(spec, b -> b.urlCacheSize(urlCache));
    IndexView index = null;
    try {
      index = indexDir == null ? null : IndexView.open(filter, indexDir);
    } catch (IOException | RuntimeException e) {
      filter.close();
      throw e;
    }
    HttpService service = HttpService.start(new HttpService.Config(host, port, limits, poolSize, 10_000, budgets,
        access), filter,
        index, line -> {
          err.println("lanhmanh serve: " + line);
          err.flush();
        });
    Thread hook = new Thread(service::close, "lanhmanh-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ScheduledExecutorService watcher = null;
    if (watchSeconds > 0) {
      watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lanhmanh-index-watch");
        t.setDaemon(true);
        return t;
      });
      watcher.scheduleWithFixedDelay(service::refreshIndexQuietly, watchSeconds, watchSeconds, TimeUnit.SECONDS);
    }
    out.println("lanhmanh serve: listening on " + service.baseUrl() + " (playground at /, API under /v1, "
        + "contract at /openapi.json)" + (index == null ? "" : "; URL index generation " + index.generation()));
    out.flush();
    service.join();
    if (watcher != null) {
      watcher.shutdownNow();
    }
    return 0;
  }

  /**
   * The heap these settings can use at most, in MiB: the started service, the conversation store's byte
   * budget, the URL cache (4 KiB a verdict at most), heavy requests (body, its parsed strings and the
   * answer, three copies each), light requests (a thread each) and connection buffers.
   */
  static long heapNeedMib(ServiceLimits limits, ServiceBudgets budgets, int threads, long urlCache) {
    long bytes = (BASE_HEAP_MIB << 20) + ContentFilterDefaults.CONVERSATION_BYTES + urlCache * 4096
        + budgets.heavyWork() * 3L * ((long) limits.maxBodyBytes() + budgets.maxAnswerBytes())
        + threads * (1L << 20) + budgets.maxConnections() * 16L * 1024;
    return bytes >> 20;
  }

  /** A warning when the heap is below what the settings need, a note when it is far above; else null. */
  static String heapAdvice(long maxHeap, ServiceLimits limits, ServiceBudgets budgets, int threads, long urlCache) {
    long need = heapNeedMib(limits, budgets, threads, urlCache);
    long have = maxHeap >> 20;
    if (have < need) {
      return "warning: the heap limit is " + have + " MiB but these settings can use up to " + need
          + " MiB; start with java -Xmx" + recommendedMib(need) + "m -jar lanhmanh.jar serve … (docs/SERVICE.md, Budgets)";
    }
    if (have > 4 * recommendedMib(need)) {
      return "note: the heap limit is " + have + " MiB, over four times the " + need + " MiB these settings can use;"
          + " -Xmx" + recommendedMib(need) + "m is enough";
    }
    return null;
  }

  /** The need with room for the collector, rounded up to 256 MiB. */
  static long recommendedMib(long need) {
    return ((need * 3 / 2) + 255) / 256 * 256;
  }

  /** The library defaults the estimate relies on. */
  private static final class ContentFilterDefaults {
    static final long CONVERSATION_BYTES = 64L << 20;
  }
}
