package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import vn.lanhmanh.ContentFilter;
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

  /**
   * Where and how to serve.
   *
   * @param host the address to bind (use {@code 127.0.0.1} unless a proxy or firewall is in front)
   * @param port the port, {@code 0} for any free one
   * @param limits the request limits
   * @param threads the most request threads
   * @param stopTimeoutMillis how long {@link #close()} waits for requests in progress
   */
  record Config(String host, int port, ServiceLimits limits, int threads, long stopTimeoutMillis) {

    static int defaultThreads() {
      return Math.max(32, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** Loopback on {@code port}, default limits and threads, a 10 s stop timeout. */
    static Config loopback(int port) {
      return new Config("127.0.0.1", port, ServiceLimits.DEFAULTS, defaultThreads(), 10_000);
    }
  }

  /**
   * One answer: status, media type, body, the error code for error answers, and whether the connection
   * closes after it ({@code Connection: close}).
   */
  private record Answer(int status, String type, byte[] body, String code, boolean close) {

    Answer(int status, String type, byte[] body, String code) {
      this(status, type, body, code, false);
    }

    static Answer json(int status, String json) {
      return new Answer(status, JSON, json.getBytes(UTF_8), null);
    }

    static Answer problem(ServiceProblem p) {
      return new Answer(p.status(), JSON, ServiceJson.problem(p.code(), p.message()).getBytes(UTF_8), p.code());
    }

    Answer closing() {
      return new Answer(status, type, body, code, true);
    }
  }

  @FunctionalInterface
  private interface Endpoint {
    Answer answer(Request request) throws IOException;
  }

  private final Config config;
  private final ContentFilter filter;
  private final IndexView index;
  private final Consumer<String> log;
  private final ServiceRequestParser parser;
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final AtomicInteger inflight = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
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
    byte[] page = resource("index.html");
    byte[] css = resource("playground.css");
    byte[] js = resource("playground.js");
    byte[] openapi = resource("openapi.json");
    route("GET", "/", r -> new Answer(200, "text/html; charset=utf-8", page, null));
    route("GET", "/playground.css", r -> new Answer(200, "text/css; charset=utf-8", css, null));
    route("GET", "/playground.js", r -> new Answer(200, "text/javascript; charset=utf-8", js, null));
    route("GET", "/openapi.json", r -> new Answer(200, JSON, openapi, null));
    route("GET", "/healthz", r -> Answer.json(200, "{\"status\":\"ok\"}\n"));
    route("GET", "/metrics", r -> new Answer(200, "text/plain; version=0.0.4; charset=utf-8",
        metrics.render(filter.urlCacheStats(), index, inflight.get()).getBytes(UTF_8), null));
    route("GET", "/v1/index", r -> Answer.json(200, ServiceJson.index(index, filter.lexiconCounts(), null)));
    route("POST", "/v1/index/refresh", r -> refresh());
    route("POST", "/v1/check", this::check);
    route("POST", "/v1/batch", this::batch);
    if (!routeSet().equals(ROUTES)) {
      throw new IllegalStateException("routes and ROUTES disagree: " + routeSet());
    }

    QueuedThreadPool pool = new QueuedThreadPool(config.threads(), Math.min(8, config.threads()));
    pool.setName("lanhmanh-http");
    server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    // Jetty's own graceful stop cuts the idle timeout of every open connection to 1 s, which fails a request
    // still being checked, or a large answer to a slow reader, a second later; close() waits for them itself.
    connector.setShutdownIdleTimeout(-1);
    server.addConnector(connector);
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

  private Answer check(Request request) throws IOException {
    Object body = body(request);
    if (body instanceof Answer refused) {
      return refused;
    }
    ServiceRequest r = parser.parseCheck((byte[]) body);
    if (r.failed()) {
      return Answer.problem(r.problem());
    }
    StringWriter out = new StringWriter(512);
    ServiceProblem p = run(r, out);
    return p != null ? Answer.problem(p) : Answer.json(200, out.toString());
  }

  private Answer batch(Request request) throws IOException {
    Object body = body(request);
    if (body instanceof Answer refused) {
      return refused;
    }
    ServiceRequestParser.Batch b = parser.parseBatch((byte[]) body);
    if (b.problem() != null) {
      return Answer.problem(b.problem());
    }
    StringBuilder json = new StringBuilder(64 + 400 * b.items().size());
    json.append("{\"results\":[");
    StringWriter item = new StringWriter(512);
    for (int i = 0; i < b.items().size(); i++) {
      ServiceRequest r = b.items().get(i);
      item.getBuffer().setLength(0);
      if (r.failed()) {
        new JsonOutput(item).error(r.id(), r.problem().message());
      } else {
        ServiceProblem p = run(r, item);
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
    }
    json.append("]}\n");
    return Answer.json(200, json.toString());
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
  private ServiceProblem run(ServiceRequest r, StringWriter out) throws IOException {
    boolean url = r.url() != null;
    Verdict v;
    ConversationVerdict cv = null;
    long t0 = System.nanoTime();
    try {
      if (r.conversation() != null) {
        cv = filter.conversation(r.conversation())
            .check(new Message(r.messageId(), r.sender(), r.text(), r.time()), r.policy());
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

  /** The body as bytes, or the answer refusing it (413 when too large). */
  private Object body(Request request) throws IOException {
    int max = config.limits().maxBodyBytes();
    long declared = request.getLength();
    InputStream in = Content.Source.asInputStream(request);
    if (declared > max) {
      return tooLarge(request, in, declared, 0);
    }
    byte[] body = in.readNBytes(max + 1);
    if (body.length > max) {
      return tooLarge(request, in, -1, body.length);
    }
    return body;
  }

  /**
   * The 413 for a body over the limit, of which {@code read} bytes have been read. A client that sends its
   * whole body before reading the answer (as JDK's {@code HttpClient} and most simple clients do) would lose
   * the 413 to a connection reset if the service closed with the body unread, so a body of up to the limit
   * plus {@link #MAX_DISCARD_BYTES} is read to its end and thrown away first, and the connection stays open.
   * A longer body, or one the client has not sent yet ({@code Expect: 100-continue}), is not read on: the
   * answer says {@code Connection: close}.
   */
  private Answer tooLarge(Request request, InputStream in, long declared, long read) {
    long max = config.limits().maxBodyBytes();
    Answer a = Answer.problem(new ServiceProblem(413, ServiceProblem.BODY_TOO_LARGE,
        "the body is limited to " + max + " bytes" + (declared > 0 ? ", was " + declared : "")));
    boolean waiting = read == 0 && request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
    long budget = max + MAX_DISCARD_BYTES - read;
    if (waiting || declared > max + MAX_DISCARD_BYTES) {
      return a.closing();
    }
    byte[] scratch = new byte[16 * 1024];
    try {
      for (long n = 0; budget >= 0; budget -= n) {
        n = in.read(scratch, 0, (int) Math.min(scratch.length, budget + 1));
        if (n < 0) {
          return a;   // the whole body is in: the connection can take the next request
        }
      }
    } catch (IOException e) {
      // the client stopped sending; the connection goes
    }
    return a.closing();
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

  private static void send(Response response, Callback callback, Answer a) {
    response.setStatus(a.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.type());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    if (a.type().startsWith("text/html")) {
      response.getHeaders().put("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, a.body().length);
    if (a.close()) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    response.write(true, ByteBuffer.wrap(a.body()), callback);
  }

  /** Finds the endpoint by exact path and method (no patterns) and turns failures into JSON errors. */
  private final class Router extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      inflight.incrementAndGet();
      String path = Request.getPathInContext(request);
      Map<String, Endpoint> methods = routes.get(path);
      String route = methods == null ? "other" : path;
      Answer a;
      try {
        if (methods == null) {
          a = Answer.problem(new ServiceProblem(404, ServiceProblem.NOT_FOUND, "no such endpoint: see /openapi.json"));
        } else {
          Endpoint e = methods.get(request.getMethod());
          if (e == null) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", methods.keySet()));
            a = Answer.problem(new ServiceProblem(405, ServiceProblem.METHOD_NOT_ALLOWED,
                path + " accepts " + String.join(", ", methods.keySet())));
          } else {
            a = e.answer(request);
          }
        }
      } catch (IOException e) {
        a = Answer.problem(new ServiceProblem(400, "unreadable_body", "cannot read the request body"));
      } catch (RuntimeException | Error e) {
        log.accept("internal error on " + path + ": " + Main.describe(e));
        a = Answer.problem(new ServiceProblem(500, ServiceProblem.INTERNAL_ERROR, "internal error"));
      } finally {
        inflight.decrementAndGet();
      }
      metrics.request(route, a.status());
      if (a.code() != null) {
        metrics.error(a.code());
      }
      send(response, callback, a);
      return true;
    }
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
