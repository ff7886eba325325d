package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Verdict;

/**
 * The JSON bodies of the HTTP service other than the verdicts' own fields, which {@link JsonOutput}
 * writes exactly as {@code batch} does. Stateless and thread-safe.
 */
final class ServiceJson {

  private ServiceJson() {}

  /**
   * Writes the verdict object of the batch contract and a line break; for a conversation message the
   * {@code "conversation": {"id", "risk", "stages", "reasons"}} object of the {@code conversation} command is added
   * as the last field.
   */
  static void verdict(StringWriter out, JsonId id, Verdict v, String conversation, ConversationVerdict cv)
      throws IOException {
    new JsonOutput(out).serviceVerdict(id, v, conversation, cv);
  }

  /** {@code {"status", "reason"}} and a line break, for {@code /healthz} when not ok. */
  static String health(String status, String reason) {
    return pair("status", status, "reason", reason);
  }

  /** {@code {"code", "message"}} and a line break. */
  static String problem(String code, String message) {
    return pair("code", code, "message", message);
  }

  private static String pair(String k1, String v1, String k2, String v2) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField(k1, v1);
      g.writeStringField(k2, v2);
      g.writeEndObject();
    });
  }

  /**
   * The {@code /v1/index} body: whether an index is configured, its generation, entries, counts per
   * category and per source, refused generations, and the lexicon's counts; {@code refreshed} only
   * after a refresh.
   */
  static String index(IndexView index, Map<String, Integer> lexicon, Boolean refreshed) {
    return write(g -> {
      g.writeStartObject();
      if (refreshed != null) {
        g.writeBooleanField("refreshed", refreshed);
      }
      g.writeBooleanField("configured", index != null);
      g.writeNumberField("generation", index == null ? 0 : index.generation());
      g.writeNumberField("entries", index == null ? 0 : index.entries());
      g.writeObjectFieldStart("categories");
      if (index != null) {
        for (Map.Entry<String, Long> e : index.categories().entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
      }
      g.writeEndObject();
      g.writeObjectFieldStart("sources");
      if (index != null) {
        for (Map.Entry<String, Long> e : index.sources().entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
      }
      g.writeEndObject();
      g.writeObjectFieldStart("refused");
      if (index != null) {
        for (Map.Entry<Integer, String> e : new TreeMap<>(index.refused()).entrySet()) {
          g.writeStringField(String.valueOf(e.getKey()), e.getValue());
        }
      }
      g.writeEndObject();
      g.writeObjectFieldStart("lexicon");
      for (Map.Entry<String, Integer> e : new TreeMap<>(lexicon).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);   // a StringWriter does no I/O
    }
    out.write('\n');
    return out.toString();
  }
}
