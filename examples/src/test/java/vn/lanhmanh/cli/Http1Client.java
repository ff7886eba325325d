package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small blocking HTTP/1.1 client over one keep-alive connection to 127.0.0.1, for the load test: it writes
 * a request, reads the whole answer (by {@code Content-Length}), reuses the connection until the service
 * says {@code Connection: close}, and opens a new one when needed. Any request that ends without a complete
 * answer throws, so a dropped request is never hidden by a retry. Not thread-safe: one per thread.
 *
 * <p>The load test does not use JDK 17's {@code HttpClient} because its connection pool has a race
 * (JDK-8338569, JDK-8357639): the cleanup trigger of a pooled connection can receive the answer to the
 * next request sent on it, and closes the connection, so the request fails with "header parser received no
 * bytes" although the service answered it. See SECURITY.md.
 */
final class Http1Client implements Closeable {

  /** One answer; header names in lower case. */
  record Reply(int status, Map<String, String> headers, byte[] body) {
    boolean closes() {
      return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
    }
  }

  private static final String HOST = "127.0.0.1";

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private long connections;

  Http1Client(int port) {
    this.port = port;
  }

  /** Connections opened so far. */
  long connections() {
    return connections;
  }

  Reply get(String path) throws IOException {
    return exchange(("GET " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + port + "\r\n\r\n").getBytes(US_ASCII), null);
  }

  /** A POST with its whole body, sent before the answer is read. */
  Reply post(String path, byte[] body) throws IOException {
    return exchange(head(path, body.length, false), body);
  }

  /**
   * A POST that declares {@code length} bytes with {@code Expect: 100-continue} and waits for the answer
   * before sending any of them (the body is never sent: the test only uses this for refused bodies).
   */
  Reply postWaiting(String path, long length) throws IOException {
    return exchange(head(path, length, true), null);
  }

  private byte[] head(String path, long length, boolean expectContinue) {
    return ("POST " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + port + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + length + "\r\n" + (expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n")
        .getBytes(US_ASCII);
  }

  private Reply exchange(byte[] head, byte[] body) throws IOException {
    if (socket == null) {
      socket = new Socket(HOST, port);
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
      connections++;
    }
    IOException writeFailure = null;
    try {
      out.write(head);
      if (body != null) {
        out.write(body);
      }
      out.flush();
    } catch (IOException e) {
      writeFailure = e;   // the service may have answered and stopped reading: look for the answer
    }
    try {
      Reply r = read();
      if (r.closes()) {
        close();
      }
      return r;
    } catch (IOException e) {
      close();
      if (writeFailure != null) {
        e.addSuppressed(writeFailure);
      }
      throw e;
    }
  }

  private Reply read() throws IOException {
    while (true) {
      String status = line(true);
      if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
        throw new IOException("not an HTTP/1.1 status line: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      Map<String, String> headers = new HashMap<>();
      for (String h = line(false); !h.isEmpty(); h = line(false)) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
      }
      if (code >= 100 && code < 200) {
        continue;   // an interim answer; the final one follows
      }
      String length = headers.get("content-length");
      byte[] body;
      if (length != null) {
        int n = Integer.parseInt(length);
        body = in.readNBytes(n);
        if (body.length < n) {
          throw new EOFException("answer cut short: " + body.length + " of " + n + " body bytes");
        }
      } else {
        body = in.readAllBytes();   // no length: the body ends with the connection
        headers.put("connection", "close");
      }
      return new Reply(code, headers, body);
    }
  }

  /** One header line without its CRLF; at the start of an answer, EOF means no answer at all. */
  private String line(boolean first) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException(first && b.size() == 0 ? "connection closed with no answer" : "answer cut short in its head");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(US_ASCII);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing to do: the connection is gone either way
      }
      socket = null;
    }
  }
}
