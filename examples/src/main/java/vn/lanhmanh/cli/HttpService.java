package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Message;
import vn.lanhmanh.Verdict;

/**
 * The HTTP JSON service behind {@code lanhmanh serve}, on Jetty 12's core handler API (no servlets).
 *
 * <pre>{@code
 * try (HttpService s = HttpService.start(HttpService.Config.loopback(0), filter, null, System.err::println)) {
 *   int port = s.port();   // POST http://127.0.0.1:port/v1/check {"text": "…", "age": 10}
 * }
 * }</pre>
 *
 * <p><b>Contract.</b> {@code /v1/check} answers with exactly the JSON object a {@code batch} line gets
 * ({@link JsonOutput}), {@code /v1/batch} with {@code {"results": [...]}} of those objects in order. Errors
 * are {@code {"code", "message"}} with a stable code ({@link ServiceProblem}); no stack trace or exception
 * text reaches a client, including for errors Jetty itself answers (bad request lines, oversized headers).
 * The routes are {@link #ROUTES}; {@code openapi.json} documents the same set, which a test checks.
 *
 * <p><b>Threads.</b> Jetty's pool (default {@code max(32, 4 × cores)} threads) runs each request start to
 * finish on one thread: read the capped body, parse it with one streaming parser, check, write. The shared
 * {@link ContentFilter} is thread-safe and lock-free, the metrics are {@code LongAdder}s, so requests run
 * in parallel on all cores; a batch is checked in order on its request's thread.
 *
 * <p><b>Shutdown.</b> {@link #close()} (also run on SIGTERM by {@code serve}) stops accepting, answers new
 * requests on open connections with {@code 503 unavailable}, waits up to the stop timeout for the requests in
 * progress to be answered in full, then closes the connections, the index view and the filter. Thread-safe.
 */
final class HttpService implements AutoCloseable {

  /** Every route, as {@code "METHOD /path"}; the OpenAPI document lists the same. */
  static final Set<String> ROUTES = Set.of(
      "GET /", "GET /playground.css", "GET /playground.js", "GET /healthz", "GET /metrics",
      "GET /openapi.json", "GET /v1/index", "POST /v1/index/refresh", "POST /v1/check", "POST /v1/batch");

  private static final String JSON = "application/json; charset=utf-8";
  private static final String RESOURCES = "serve/";
  /**
   * How many bytes of an oversized body are read and thrown away before the 413, so that a client that
   * sends its whole body before reading gets the answer; past this the connection is closed instead (as
   * Tomcat's {@code maxSwallowSize}).
   */
  static final int MAX_DISCARD_BYTES = 4 << 20;
  /** The most heap and the most direct memory Jetty's buffer pool keeps for reuse, each. */
  static final long POOL_BYTES = 16L << 20;
  /** Heavy requests that may wait for each heavy-work permit before more are refused busy. */
  static final int MAX_WAITING_PER_PERMIT = 32;
  /** The longest a heavy request waits for a permit before it is refused busy. */
  static final long MAX_WAIT_MILLIS = 20_000;

  /**
   * Where and how to serve.
   *
   * @param host the address to bind (use {@code 127.0.0.1} unless a proxy or firewall is in front)
   * @param port the port, {@code 0} for any free one
   * @param limits the request limits
   * @param threads the most request threads
   * @param stopTimeoutMillis how long {@link #close()} waits for requests in progress
   * @param budgets what requests and clients may use
   * @param access the Host allow-list, CORS origins and API key
   */
  record Config(String host, int port, ServiceLimits limits, int threads, long stopTimeoutMillis,
      ServiceBudgets budgets, ServiceAccess access) {

    /** Default budgets, no CORS, no API key. */
    Config(String host, int port, ServiceLimits limits, int threads, long stopTimeoutMillis) {
      this(host, port, limits, threads, stopTimeoutMillis, ServiceBudgets.defaults(), ServiceAccess.NONE);
    }

    static int defaultThreads() {
      return Math.max(32, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** Loopback on {@code port}, default limits and threads, a 10 s stop timeout. */
    static Config loopback(int port) {
      return new Config("127.0.0.1", port, ServiceLimits.DEFAULTS, defaultThreads(), 10_000);
    }
  }

  /**
   * One answer: status, media type, body, the error code for error answers, whether the connection
   * closes after it ({@code Connection: close}), and any extra header.
   */
  private record Answer(int status, String type, byte[] body, String code, boolean close, String header,
      String value) {

    Answer(int status, String type, byte[] body, String code) {
      this(status, type, body, code, false, null, null);
    }

    static Answer json(int status, String json) {
      return new Answer(status, JSON, json.getBytes(UTF_8), null);
    }

    static Answer problem(ServiceProblem p) {
      return new Answer(p.status(), JSON, ServiceJson.problem(p.code(), p.message()).getBytes(UTF_8), p.code());
    }

    static Answer problem(int status, String code, String message) {
      return problem(new ServiceProblem(status, code, message));
    }

    Answer closing() {
      return new Answer(status, type, body, code, true, header, value);
    }

    Answer with(String name, String v) {
      return new Answer(status, type, body, code, close, name, v);
    }
  }

  /** What an endpoint gets: the request, its body (null for GET), whether it carries the API key, who sent it. */
  private record Call(Request request, byte[] body, boolean authorized, String client) {}

  @FunctionalInterface
  private interface Endpoint {
    Answer answer(Call call) throws IOException;
  }

  private final Config config;
  private final ContentFilter filter;
  private final IndexView index;
  private final Consumer<String> log;
  private final ServiceRequestParser parser;
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final AtomicInteger inflight = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Permits for heavy requests (batches, large or unsized bodies), taken before the body is read. */
  private final Semaphore heavy;
  /** Heavy requests waiting for a permit, oldest first; their bodies are not read yet. */
  private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waitingCount = new AtomicInteger();
  /** Where memory readings come from; a test seam, {@link MemoryWatch#read()} otherwise. */
  volatile java.util.function.Supplier<MemoryWatch.Reading> memory = MemoryWatch::read;
  /** The most heavy requests running at once so far (for tests). */
  private final AtomicInteger heavyPeak = new AtomicInteger();
  private final ClientRateLimit newConversations;
  /** What the bind address is, looked up once for the Host check. */
  private final boolean bindLoopback;
  private final boolean bindWildcard;
  /** path → method → endpoint. */
  private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
  private final Server server;
  private final ServerConnector connector;
  private final GracefulHandler graceful;

  private HttpService(Config config, ContentFilter filter, IndexView index, Consumer<String> log) {
    this.config = config;
    this.filter = filter;
    this.index = index;
    this.log = log;
    this.parser = new ServiceRequestParser(config.limits());
    this.heavy = new Semaphore(config.budgets().heavyWork());
    this.bindLoopback = ServiceAccess.isLoopback(config.host());
    this.bindWildcard = ServiceAccess.isWildcard(config.host());
    this.newConversations = new ClientRateLimit(config.budgets().newConversationsPerMinute(), System::currentTimeMillis);
    byte[] page = resource("index.html");
    byte[] css = resource("playground.css");
    byte[] js = resource("playground.js");
    byte[] openapi = resource("openapi.json");
    route("GET", "/", r -> new Answer(200, "text/html; charset=utf-8", page, null));
    route("GET", "/playground.css", r -> new Answer(200, "text/css; charset=utf-8", css, null));
    route("GET", "/playground.js", r -> new Answer(200, "text/javascript; charset=utf-8", js, null));
    route("GET", "/openapi.json", r -> new Answer(200, JSON, openapi, null));
    route("GET", "/healthz", r -> health());
    route("GET", "/metrics", r -> new Answer(200, "text/plain; version=0.0.4; charset=utf-8",
        metrics.render(filter.urlCacheStats(), index, inflight.get(), filter.conversationCounts(), memory.get(),
            config.budgets().heavyWork() - heavy.availablePermits()).getBytes(UTF_8), null));
    route("GET", "/v1/index", r -> Answer.json(200, ServiceJson.index(index, filter.lexiconCounts(), null)));
    route("POST", "/v1/index/refresh", r -> refresh());
    route("POST", "/v1/check", this::check);
    route("POST", "/v1/batch", this::batch);
    if (!routeSet().equals(ROUTES)) {
      throw new IllegalStateException("routes and ROUTES disagree: " + routeSet());
    }

    QueuedThreadPool pool = new QueuedThreadPool(config.threads(), Math.min(8, config.threads()));
    pool.setName("lanhmanh-http");
    // Jetty's default buffer pool may keep a quarter of the heap, and as much again off heap; cap both
    server = new Server(pool, null, new ArrayByteBufferPool(0, -1, -1, -1, POOL_BYTES, POOL_BYTES));
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setMinRequestDataRate(config.budgets().minBytesPerSecond());
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    // Jetty's own graceful stop cuts the idle timeout of every open connection to 1 s, which fails a request
    // still being checked, or a large answer to a slow reader, a second later; close() waits for them itself.
    connector.setShutdownIdleTimeout(-1);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(config.budgets().maxConnections(), connector));
    graceful = new GracefulHandler(new Router());
    server.setHandler(graceful);
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(0);
    server.setStopAtShutdown(false);   // serve installs its own hook: stop Jetty, then close the filter
  }

  /**
   * Starts serving. The service owns {@code filter} and {@code index} from now on and closes them in
   * {@link #close()}, also when starting fails.
   *
   * @param index the URL index view, or null when the filter has no index
   * @param log where operational messages go (one line each; never request content)
   * @throws IOException if the address cannot be bound
   */
  static HttpService start(Config config, ContentFilter filter, IndexView index, Consumer<String> log)
      throws IOException {
    HttpService s;
    try {
      s = new HttpService(config, filter, index, log);
    } catch (RuntimeException e) {
      closeQuietly(filter, index);
      throw e;
    }
    try {
      s.server.start();
    } catch (Exception e) {
      s.close();
      throw e instanceof IOException io ? io : new IOException("cannot start the server: " + e.getMessage(), e);
    }
    return s;
  }

  /** The port bound (useful after asking for port 0). */
  int port() {
    return connector.getLocalPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080/}. */
  String baseUrl() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + port() + "/";
  }

  /** Requests being handled now. */
  int inflight() {
    return inflight.get();
  }

  /** Blocks until the server has stopped. */
  void join() throws InterruptedException {
    server.join();
  }

  /** The routes this instance serves, as {@code "METHOD /path"}. */
  Set<String> routeSet() {
    Set<String> out = new TreeSet<>();
    routes.forEach((path, methods) -> methods.keySet().forEach(m -> out.add(m + " " + path)));
    return out;
  }

  /** Refreshes the URL index if there is one (for {@code --watch}); failures are logged and counted. */
  void refreshIndexQuietly() {
    if (index == null) {
      return;
    }
    try {
      if (index.refresh()) {
        log.accept("index: now at generation " + index.generation() + " (" + index.entries() + " entries)");
      }
    } catch (RuntimeException e) {
      metrics.refreshFailed();
      log.accept("index: refresh failed, keeping generation " + index.generation() + ": " + Main.describe(e));
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      // stop accepting, answer new requests on open connections with 503, and wait for the requests in
      // progress until their answers are written in full
      connector.shutdown();
      graceful.shutdown().get(config.stopTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.accept("stop: requests still in progress after " + config.stopTimeoutMillis() + " ms are cut short");
    } catch (ExecutionException e) {
      log.accept("stop: " + Main.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      server.stop();   // closes the idle connections left
    } catch (Exception e) {
      log.accept("stop: " + Main.describe(e));
    }
    closeQuietly(filter, index);
  }

  private static void closeQuietly(ContentFilter filter, IndexView index) {
    try {
      if (index != null) {
        index.close();
      }
    } catch (IOException e) {
      // the process is going away; nothing to tell a client
    }
    filter.close();
  }

  private void route(String method, String path, Endpoint e) {
    routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, e);
  }

  // ---- endpoints

  private Answer health() {
    MemoryWatch.Reading m = memory.get();
    if (m.isShort()) {
      return Answer.json(503, ServiceJson.health("degraded", "memory: " + m.describe()));
    }
    return Answer.json(200, "{\"status\":\"ok\"}\n");
  }

  private Answer check(Call call) throws IOException {
    ServiceRequest r = parser.parseCheck(call.body());
    if (r.failed()) {
      return Answer.problem(r.problem());
    }
    if (r.conversation() != null && !call.authorized()) {
      return unauthorized();
    }
    StringWriter out = new StringWriter(512);
    ServiceProblem p = run(r, out, call.client());
    if (p != null) {
      return Answer.problem(p);
    }
    return sized(out.getBuffer());
  }

  private Answer batch(Call call) throws IOException {
    ServiceRequestParser.Batch b = parser.parseBatch(call.body());
    if (b.problem() != null) {
      return Answer.problem(b.problem());
    }
    if (!call.authorized() && b.items().stream().anyMatch(r -> !r.failed() && r.conversation() != null)) {
      return unauthorized();
    }
    int maxChars = config.budgets().maxAnswerBytes();
    StringBuilder json = new StringBuilder(64 + 400 * b.items().size());
    json.append("{\"results\":[");
    StringWriter item = new StringWriter(512);
    for (int i = 0; i < b.items().size(); i++) {
      ServiceRequest r = b.items().get(i);
      item.getBuffer().setLength(0);
      if (r.failed()) {
        new JsonOutput(item).error(r.id(), r.problem().message());
      } else {
        ServiceProblem p = run(r, item, call.client());
        if (p != null) {
          item.getBuffer().setLength(0);
          new JsonOutput(item).error(r.id(), p.message());
        }
      }
      if (i > 0) {
        json.append(',');
      }
      StringBuffer s = item.getBuffer();
      json.append(s, 0, s.length() - 1);   // without JsonOutput's line break
      if (json.length() > maxChars) {
        return answerTooLarge();   // chars ≤ UTF-8 bytes: the answer is already over
      }
    }
    json.append("]}\n");
    return sized(json);
  }

  /** The 200 answer, or the refusal when its UTF-8 form is over the answer budget. */
  private Answer sized(CharSequence json) {
    if (json.length() > config.budgets().maxAnswerBytes()) {
      return answerTooLarge();
    }
    byte[] body = json.toString().getBytes(UTF_8);
    return body.length > config.budgets().maxAnswerBytes() ? answerTooLarge() : new Answer(200, JSON, body, null);
  }

  private Answer answerTooLarge() {
    return Answer.problem(413, ServiceProblem.ANSWER_TOO_LARGE, "the answer would be over "
        + config.budgets().maxAnswerBytes() + " bytes: send fewer or shorter items");
  }

  private static Answer unauthorized() {
    return Answer.problem(401, ServiceProblem.UNAUTHORIZED,
        "this request changes the service's state: send Authorization: Bearer <key>")
        .with(HttpHeader.WWW_AUTHENTICATE.asString(), "Bearer");
  }

  private Answer refresh() {
    if (index == null) {
      return Answer.problem(new ServiceProblem(409, ServiceProblem.NO_INDEX,
          "no URL index: start serve with --index DIR"));
    }
    boolean moved;
    try {
      moved = index.refresh();
    } catch (UncheckedIOException | IllegalStateException e) {
      metrics.refreshFailed();
      log.accept("index: refresh failed: " + Main.describe(e));
      return Answer.problem(new ServiceProblem(500, ServiceProblem.INTERNAL_ERROR,
          "cannot refresh the index; generation " + index.generation() + " stays in service"));
    }
    return Answer.json(200, ServiceJson.index(index, filter.lexiconCounts(), moved));
  }

  /**
   * Checks one request and writes its verdict object (with a line break) to {@code out}; or returns the
   * problem and writes nothing. Fails closed: an internal error is a problem, never a made-up ALLOW.
   */
  private ServiceProblem run(ServiceRequest r, StringWriter out, String client) throws IOException {
    boolean url = r.url() != null;
    Verdict v;
    ConversationVerdict cv = null;
    long t0 = System.nanoTime();
    try {
      if (r.conversation() != null) {
        Conversation c = filter.conversation(r.conversation());
        if (!c.kept() && !newConversations.tryAcquire(client)) {
          return new ServiceProblem(429, ServiceProblem.TOO_MANY_CONVERSATIONS, "more than "
              + config.budgets().newConversationsPerMinute() + " new conversations from this client this minute");
        }
        cv = c.check(new Message(r.messageId(), r.sender(), r.text(), r.time()), r.policy());
        v = cv.verdict();
      } else {
        v = url ? filter.checkUrl(r.url(), r.policy()) : filter.checkText(r.text(), r.policy());
      }
    } catch (RuntimeException e) {
      log.accept("check failed: " + Main.describe(e));
      return new ServiceProblem(500, ServiceProblem.INTERNAL_ERROR, "internal error: the input was not checked");
    }
    long nanos = System.nanoTime() - t0;
    if (url && !v.errors().isEmpty() && v.findings().isEmpty()) {
      // as in batch: a URL that cannot be parsed is a bad request, not a verdict
      return new ServiceProblem(422, ServiceProblem.MALFORMED_URL, String.join("; ", v.errors()));
    }
    metrics.check(url, v, nanos);
    ServiceJson.verdict(out, r.id(), v, r.conversation(), cv);
    return null;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String media = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return media.equalsIgnoreCase("application/json");
  }

  private static byte[] resource(String name) {
    try (InputStream in = HttpService.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- Jetty glue

  /**
   * One request from its arrival to its answer: whoever calls {@link #finish} first (the endpoint, the
   * body reader, the body deadline) answers; later calls do nothing.
   */
  private final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final AtomicBoolean done = new AtomicBoolean();
    String route = "other";
    String corsOrigin;
    boolean permit;
    volatile Scheduler.Task deadline;

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    boolean done() {
      return done.get();
    }

    void finish(Answer a) {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      if (deadline != null) {
        deadline.cancel();
      }
      if (permit) {
        releaseHeavy();
      }
      inflight.decrementAndGet();
      metrics.request(route, a.status());
      if (a.code() != null) {
        metrics.error(a.code());
      }
      if (corsOrigin != null) {
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigin);
        response.getHeaders().add(HttpHeader.VARY, "Origin");
      }
      try {
        send(response, callback, a);
      } catch (RuntimeException e) {
        callback.failed(e);
      }
    }
  }

  /**
   * Reads a request body without holding a thread while waiting for bytes (Jetty's demand callback), up
   * to the body limit; past it, reads and throws away up to {@link #MAX_DISCARD_BYTES} more so that the
   * 413 reaches a client that sends its whole body first, then gives up and closes. The body deadline
   * answers 408 and closes whatever the reader is doing.
   */
  private final class BodyReader implements Runnable {
    private final Exchange x;
    private final int max;
    private final Function<byte[], Answer> then;
    private byte[] buf;
    private long total;
    private boolean discarding;

    BodyReader(Exchange x, int max, long declared, Function<byte[], Answer> then) {
      this.x = x;
      this.max = max;
      this.then = then;
      this.discarding = declared > max;
      this.buf = discarding ? null : new byte[(int) Math.min(declared >= 0 ? declared : 16 * 1024, max)];
    }

    void start() {
      x.deadline = connector.getScheduler().schedule(() -> x.finish(Answer.problem(408, ServiceProblem.BODY_TIMEOUT,
          "the body did not arrive within " + config.budgets().bodyTimeoutMillis() + " ms").closing()),
          config.budgets().bodyTimeoutMillis(), TimeUnit.MILLISECONDS);
      run();
    }

    @Override
    public void run() {
      try {
        while (!x.done()) {
          Content.Chunk c = x.request.read();
          if (c == null) {
            x.request.demand(this);
            return;
          }
          if (Content.Chunk.isFailure(c)) {
            Throwable t = c.getFailure();
            boolean slow = t instanceof TimeoutException
                || (t instanceof HttpException h && h.getCode() == HttpStatus.REQUEST_TIMEOUT_408);
            x.finish((slow ? Answer.problem(408, ServiceProblem.BODY_TIMEOUT, "the body arrived too slowly")
                : Answer.problem(400, ServiceProblem.UNREADABLE_BODY, "cannot read the request body")).closing());
            return;
          }
          boolean last = c.isLast();
          ByteBuffer b = c.getByteBuffer();
          int n = b.remaining();
          total += n;
          if (!discarding && total > max) {
            discarding = true;
            buf = null;
          }
          if (!discarding && n > 0) {
            if (total > buf.length) {
              buf = Arrays.copyOf(buf, (int) Math.min(max, Math.max(total, 2L * buf.length)));
            }
            b.get(buf, (int) (total - n), n);
          }
          c.release();
          if (discarding && total > max + MAX_DISCARD_BYTES) {
            x.finish(tooLarge().closing());
            return;
          }
          if (last) {
            if (discarding) {
              x.finish(tooLarge());   // the whole body is in: the connection can take the next request
            } else {
              x.finish(then.apply(total == buf.length ? buf : Arrays.copyOf(buf, (int) total)));
            }
            return;
          }
        }
      } catch (RuntimeException | Error e) {
        log.accept("internal error on " + x.route + ": " + Main.describe(e));
        x.finish(Answer.problem(500, ServiceProblem.INTERNAL_ERROR, "internal error"));
      }
    }

    private Answer tooLarge() {
      long declared = x.request.getLength();
      return Answer.problem(413, ServiceProblem.BODY_TOO_LARGE,
          "the body is limited to " + max + " bytes" + (declared > 0 ? ", was " + declared : ""));
    }
  }

  private static void send(Response response, Callback callback, Answer a) {
    response.setStatus(a.status());
    if (a.type() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.type());
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    if (a.type() != null && a.type().startsWith("text/html")) {
      response.getHeaders().put("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }
    if (a.header() != null) {
      response.getHeaders().put(a.header(), a.value());
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, a.body().length);
    if (a.close()) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    response.write(true, ByteBuffer.wrap(a.body()), callback);
  }

  /**
   * Checks the Host, CORS, media type, API key and budgets, finds the endpoint by exact path and method
   * (no patterns), reads the body without blocking, and turns failures into JSON errors.
   */
  private final class Router extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      inflight.incrementAndGet();
      Exchange x = new Exchange(request, response, callback);
      try {
        dispatch(x);
      } catch (IOException e) {
        x.finish(Answer.problem(400, ServiceProblem.UNREADABLE_BODY, "cannot read the request body"));
      } catch (RuntimeException | Error e) {
        log.accept("internal error on " + x.route + ": " + Main.describe(e));
        x.finish(Answer.problem(500, ServiceProblem.INTERNAL_ERROR, "internal error"));
      }
      return true;
    }

    private void dispatch(Exchange x) throws IOException {
      Request request = x.request;
      String path = Request.getPathInContext(request);
      Map<String, Endpoint> methods = routes.get(path);
      x.route = methods == null ? "other" : path;
      ServiceAccess access = config.access();
      if (!access.hostAllowed(request.getHeaders().get(HttpHeader.HOST), config.host(), bindLoopback, bindWildcard)) {
        x.finish(Answer.problem(421, ServiceProblem.HOST_NOT_ALLOWED,
            "this service does not answer for that Host: add it with --allow-host").closing());
        return;
      }
      String origin = request.getHeaders().get(HttpHeader.ORIGIN);
      if (origin != null && access.corsOrigins().contains(origin)) {
        x.corsOrigin = origin;
      }
      if (methods == null) {
        x.finish(Answer.problem(404, ServiceProblem.NOT_FOUND, "no such endpoint: see /openapi.json"));
        return;
      }
      String method = request.getMethod();
      if (method.equals("OPTIONS") && x.corsOrigin != null) {
        x.response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", methods.keySet()));
        x.response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Authorization");
        x.response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        x.finish(new Answer(204, null, new byte[0], null));
        return;
      }
      Endpoint e = methods.get(method);
      if (e == null) {
        x.response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods.keySet()));
        x.finish(Answer.problem(405, ServiceProblem.METHOD_NOT_ALLOWED,
            path + " accepts " + String.join(", ", methods.keySet())));
        return;
      }
      boolean authorized = access.authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION));
      String client = Request.getRemoteAddr(request);
      if (!method.equals("POST")) {
        x.finish(e.answer(new Call(request, null, authorized, client)));
        return;
      }
      long declared = request.getLength();
      // no Content-Length and no Transfer-Encoding: HTTP/1.1 says there is no body (curl -X POST without -d)
      boolean hasBody = declared > 0 || (declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
      if (hasBody && !isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
        x.finish(Answer.problem(415, ServiceProblem.UNSUPPORTED_MEDIA_TYPE,
            "send the body as Content-Type: application/json").closing());
        return;
      }
      if (path.equals("/v1/index/refresh") && !authorized) {
        x.finish(unauthorized().closing());
        return;
      }
      int max = config.limits().maxBodyBytes();
      if (declared > max) {
        boolean waiting = request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        if (waiting || declared > max + MAX_DISCARD_BYTES) {
          // not worth reading (or not sent yet): refuse now and close
          x.finish(Answer.problem(413, ServiceProblem.BODY_TOO_LARGE,
              "the body is limited to " + max + " bytes, was " + declared).closing());
          return;
        }
        new BodyReader(x, max, declared, body -> null).start();
        return;
      }
      BodyReader reader = new BodyReader(x, max, declared, body -> {
        try {
          return e.answer(new Call(request, body, authorized, client));
        } catch (IOException io) {
          return Answer.problem(400, ServiceProblem.UNREADABLE_BODY, "cannot read the request body");
        }
      });
      if (path.equals("/v1/batch") || declared < 0 || declared > ServiceBudgets.LIGHT_BODY_BYTES) {
        admitHeavy(x, reader::start);
      } else {
        reader.start();
      }
    }
  }

  /** A heavy request waiting for a permit; whoever claims it first (a freed permit, the wait deadline) acts. */
  private record Waiter(Exchange x, Runnable go, AtomicBoolean claimed) {
    boolean claim() {
      return claimed.compareAndSet(false, true);
    }
  }

  /**
   * Runs {@code go} (read the body, then check) with a heavy-work permit: now if one is free, else after
   * the requests queued before it, without holding a thread meanwhile (the body is not read, so the
   * client's sends stall). At most {@link #MAX_WAITING_PER_PERMIT} per permit wait, each at most
   * {@link #MAX_WAIT_MILLIS}; past either, and while memory is short, the answer is {@code 503 busy}.
   */
  private void admitHeavy(Exchange x, Runnable go) {
    MemoryWatch.Reading m = memory.get();
    if (m.isShort()) {
      x.finish(busy("memory is short (" + m.describe() + "): retry later").closing());
      return;
    }
    if (waiting.isEmpty() && heavy.tryAcquire()) {
      startHeavy(x, go);
      return;
    }
    if (waitingCount.incrementAndGet() > MAX_WAITING_PER_PERMIT * config.budgets().heavyWork()) {
      waitingCount.decrementAndGet();
      x.finish(busy(tooBusy()).closing());
      return;
    }
    Waiter w = new Waiter(x, go, new AtomicBoolean());
    waiting.add(w);
    x.deadline = connector.getScheduler().schedule(() -> {
      if (w.claim()) {
        waitingCount.decrementAndGet();
        x.finish(busy(tooBusy()).closing());
      }
    }, MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    drain();   // a permit may have been freed before the waiter was queued
  }

  private String tooBusy() {
    return "the service is already checking " + config.budgets().heavyWork()
        + " batches or large bodies and has a queue of them: retry later";
  }

  private void startHeavy(Exchange x, Runnable go) {
    x.permit = true;
    int now = config.budgets().heavyWork() - heavy.availablePermits();
    heavyPeak.accumulateAndGet(now, Math::max);
    go.run();
  }

  private void releaseHeavy() {
    heavy.release();
    drain();
  }

  /** Hands free permits to the oldest waiters, each on a pool thread. */
  private void drain() {
    while (!waiting.isEmpty() && heavy.tryAcquire()) {
      Waiter w = waiting.poll();
      if (w == null || !w.claim()) {
        heavy.release();   // gone meanwhile, or its wait ended: the permit goes to the next one
        if (w == null) {
          return;
        }
        continue;
      }
      waitingCount.decrementAndGet();
      if (w.x().deadline != null) {
        w.x().deadline.cancel();
        w.x().deadline = null;
      }
      try {
        server.getThreadPool().execute(() -> {
          try {
            startHeavy(w.x(), w.go());
          } catch (RuntimeException | Error e) {
            log.accept("internal error on " + w.x().route + ": " + Main.describe(e));
            w.x().finish(Answer.problem(500, ServiceProblem.INTERNAL_ERROR, "internal error"));
          }
        });
      } catch (RuntimeException e) {
        heavy.release();
        w.x().finish(busy(tooBusy()).closing());
      }
    }
  }

  /** The most heavy requests that ran at once so far. */
  int heavyPeak() {
    return heavyPeak.get();
  }

  private static Answer busy(String message) {
    return Answer.problem(503, ServiceProblem.BUSY, message).with(HttpHeader.RETRY_AFTER.asString(), "1");
  }

  /** Errors Jetty answers itself (bad request line, headers too large, 503 while stopping) as JSON. */
  private final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus();
      if (status < 400) {
        Object s = request.getAttribute(ErrorHandler.ERROR_STATUS);
        status = s instanceof Integer i ? i : 500;
      }
      String code;
      switch (status) {
        case 400: code = "bad_request"; break;
        case 404: code = ServiceProblem.NOT_FOUND; break;
        case 405: code = ServiceProblem.METHOD_NOT_ALLOWED; break;
        case 408: code = ServiceProblem.BODY_TIMEOUT; break;
        case 413: code = ServiceProblem.BODY_TOO_LARGE; break;
        case 414: code = "uri_too_long"; break;
        case 431: code = "headers_too_large"; break;
        case 503: code = ServiceProblem.UNAVAILABLE; break;
        default: code = status >= 500 ? ServiceProblem.INTERNAL_ERROR : "http_" + status;
      }
      String reason = HttpStatus.getMessage(status);
      metrics.error(code);
      send(response, callback, new Answer(status, JSON, ServiceJson.problem(code, reason).getBytes(UTF_8), code));
      return true;
    }
  }
}
