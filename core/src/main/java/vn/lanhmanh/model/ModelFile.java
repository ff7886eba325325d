package vn.lanhmanh.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The container both model files share: a magic line, a version, then a deflated body that starts with the
 * model's string properties. The model classes read and write only what follows the properties; the same
 * model always gives the same bytes, and every malformed file is an {@link IOException} naming the model.
 */
final class ModelFile {

  /** Reads the body of a model after its properties. */
  interface BodyReader<T> {
    T read(DataInputStream in, Map<String, String> properties) throws IOException;
  }

  /** Writes the body of a model after its properties. */
  interface BodyWriter {
    void write(DataOutputStream out) throws IOException;
  }

  private ModelFile() {}

  /**
   * Reads a model file.
   *
   * @param what the model's name in error messages ("tagger model", "classifier model")
   */
  static <T> T read(InputStream raw, String magic, int version, String what, BodyReader<T> body)
      throws IOException {
    InputStream buffered = new BufferedInputStream(raw, 1 << 16);
    byte[] head = new byte[magic.length()];
    int got = 0;
    // a loop, not readNBytes (Java 11): a model is read on the text path, which runs on Android 26
    for (int r; got < head.length && (r = buffered.read(head, got, head.length - got)) > 0; ) {
      got += r;
    }
    if (!magic.equals(new String(head, 0, got, StandardCharsets.ISO_8859_1))) {
      throw new IOException("not a LanhManh " + what + " (bad header)");
    }
    int found = new DataInputStream(buffered).readInt();
    if (found != version) {
      throw new IOException(what + " version " + found + " is not supported (this library reads " + version
          + "); retrain it with 'lanhmanh train'");
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(buffered),
        1 << 16))) {
      int count = in.readInt();
      if (count < 0 || count > 1000) {
        throw new IOException("corrupt " + what + " (properties)");
      }
      Map<String, String> properties = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        properties.put(in.readUTF(), in.readUTF());
      }
      T model = body.read(in, properties);
      if (in.read() != -1) {
        throw new IOException("corrupt " + what + " (trailing bytes)");
      }
      return model;
    } catch (EOFException e) {
      throw new IOException("corrupt " + what + " (truncated)", e);
    } catch (IllegalArgumentException | ZipException e) {
      throw new IOException("corrupt " + what + ": " + e.getMessage(), e);
    }
  }

  /** Writes a model file: header, then the properties and the body, deflated. */
  static void write(OutputStream raw, String magic, int version, Map<String, String> properties,
      BodyWriter body) throws IOException {
    OutputStream out = new BufferedOutputStream(raw, 1 << 16);
    out.write(magic.getBytes(StandardCharsets.ISO_8859_1));
    DataOutputStream header = new DataOutputStream(out);
    header.writeInt(version);
    header.flush();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16);
      DataOutputStream d = new DataOutputStream(z);
      d.writeInt(properties.size());
      for (Map.Entry<String, String> e : properties.entrySet()) {
        d.writeUTF(e.getKey());
        d.writeUTF(e.getValue());
      }
      body.write(d);
      d.flush();
      z.finish();
      out.flush();
    } finally {
      deflater.end();
    }
  }

  /** A finite parameter, or a corrupt-file error. */
  static double finite(double d, String what) throws IOException {
    if (!Double.isFinite(d)) {
      throw new IOException("corrupt " + what + " (non-finite parameter)");
    }
    return d;
  }
}
