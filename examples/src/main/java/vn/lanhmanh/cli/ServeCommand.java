package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    ContentFilter filter = main.openFilter(spec);
    IndexView index = null;
    try {
      index = indexDir == null ? null : IndexView.open(filter, indexDir);
    } catch (IOException | RuntimeException e) {
      filter.close();
      throw e;
    }
    HttpService service = HttpService.start(new HttpService.Config(host, port, limits, poolSize, 10_000), filter,
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
}
