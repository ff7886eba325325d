package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.lanhmanh.ContentFilter;

/** Starts an {@link HttpService} on a free loopback port and talks to it over real HTTP. */
final class ServiceClient implements AutoCloseable {

  /** One answer. */
  record Reply(int status, String type, String body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  final HttpService service;
  final List<String> log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServiceClient(HttpService service, List<String> log) {
    this.service = service;
    this.log = log;
  }

  static ServiceClient start(ContentFilter filter, IndexView index, ServiceLimits limits) throws IOException {
    return start(filter, index, new HttpService.Config("127.0.0.1", 0, limits, 32, 5_000));
  }

  static ServiceClient start(ContentFilter filter, IndexView index, HttpService.Config config) throws IOException {
    List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    Consumer<String> sink = log::add;
    HttpService s = HttpService.start(config, filter, index, sink);
    return new ServiceClient(s, log);
  }

  static ServiceClient start() throws IOException {
    return start(ContentFilter.builder().build(), null, ServiceLimits.DEFAULTS);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply post(String path, String json) {
    return post(path, json.getBytes(UTF_8));
  }

  Reply post(String path, byte[] body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(UTF_8));
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    service.close();
  }
}
