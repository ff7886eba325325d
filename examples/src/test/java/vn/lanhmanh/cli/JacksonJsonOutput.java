package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import vn.lanhmanh.Category;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.Verdict;

/**
 * The verdict lines as the tool wrote them with Jackson's generator before {@link JsonOutput} wrote them by
 * hand: the reference {@code JsonOutputTest} holds the hand-written lines to, byte for byte.
 *
 * <p>Writes the JSON lines of the command-line contract, one object and a {@code \n} per call, fields in
 * this order: {@code id, action, rating, categories, findings, redacted, safeUrl, help, scores}, or
 * {@code id, error} for a line that could not be checked. A {@code conversation} line adds
 * {@code conversation: {id, risk, stages, reasons}} after {@code scores}. A finding is
 * {@code {category, severity, rating, rule, start, end, match}}; {@code scores} has one number per category
 * (by JSON name, in {@link Category} order), an empty object when the verdict has none. Absent values are written as {@code null}, so
 * every verdict line has every field. Text is written as UTF-8 without escapes; a lone surrogate, which
 * UTF-8 cannot encode, becomes {@code ?} (one UTF-16 unit, so offsets into {@code redacted} still hold).
 *
 * <p>Does not flush: the caller decides when. Not thread-safe (it writes to one writer).
 */
final class JacksonJsonOutput {

  private final Writer out;
  private final boolean keep;
  private JsonGenerator kept;

  /** An output that makes a generator for each line (for one or a few lines). */
  JacksonJsonOutput(Writer out) {
    this(out, false);
  }

  /**
   * @param keep true for an output of many lines: one generator is kept and flushed into {@code out} after
   *     each line (its buffer lives as long as this output); false, a generator per line
   */
  JacksonJsonOutput(Writer out, boolean keep) {
    this.out = out;
    this.keep = keep;
  }

  /** One JSON value's body, written by {@link #line}. */
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** Writes one value and its {@code \n}. */
  private void line(Body body) throws IOException {
    if (!keep) {
      try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
        body.write(g);
      }
    } else {
      if (kept == null) {
        kept = Json.FACTORY.createGenerator(out);
        kept.setRootValueSeparator(null);   // the lines are separated by the \n written below
      }
      try {
        body.write(kept);
        kept.flush();   // into out only: FLUSH_PASSED_TO_STREAM is off
      } catch (IOException | RuntimeException e) {
        kept = null;   // a line left half written: the next line starts on a new generator
        throw e;
      }
    }
    out.write('\n');
  }

  /** Writes a verdict line. */
  void verdict(JsonId id, Verdict v) throws IOException {
    line(g -> {
      g.writeStartObject();
      verdictFields(g, id, v);
      g.writeEndObject();
    });
  }

  /**
   * Writes the verdict line of one conversation message: the fields of {@link #verdict}, then
   * {@code "conversation": {"id", "risk", "stages": [names], "reasons": [{"message", "stage", "weight", "rule"}]}}.
   *
   * @param conversation the conversation's id as the input wrote it
   */
  void conversationVerdict(JsonId id, ConversationVerdict cv, JsonId conversation) throws IOException {
    line(g -> {
      g.writeStartObject();
      verdictFields(g, id, cv.verdict());
      g.writeObjectFieldStart("conversation");
      g.writeFieldName("id");
      write(g, conversation);
      conversationFields(g, cv);
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /**
   * The fields of a conversation's state after the id: {@code "risk"} (rounded to 3 decimals),
   * {@code "stages"} and {@code "reasons"}: per stage, the message that raised it, with weight and rule.
   */
  static void conversationFields(JsonGenerator g, ConversationVerdict cv) throws IOException {
    g.writeNumberField("risk", round3(cv.risk()));
    g.writeArrayFieldStart("stages");
    for (String s : cv.stages()) {
      g.writeString(s);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("reasons");
    for (ConversationVerdict.Reason r : cv.reasons()) {
      g.writeStartObject();
      g.writeStringField("message", r.messageId());
      g.writeStringField("stage", r.stage());
      g.writeNumberField("weight", round3(r.weight()));
      g.writeStringField("rule", r.rule());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static double round3(double x) {
    return Math.round(x * 1000.0) / 1000.0;
  }

  private static void verdictFields(JsonGenerator g, JsonId id, Verdict v) throws IOException {
    g.writeFieldName("id");
    write(g, id);
    g.writeStringField("action", v.action().name());
    g.writeStringField("rating", v.rating().name());
    g.writeArrayFieldStart("categories");
    for (Category c : v.categories()) {
      g.writeString(c.jsonName());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("findings");
    for (Finding f : v.findings()) {
      g.writeStartObject();
      g.writeStringField("category", f.category().jsonName());
      g.writeStringField("severity", f.severity().jsonName());
      g.writeStringField("rating", f.rating().name());
      g.writeStringField("rule", f.rule());
      g.writeNumberField("start", f.start());
      g.writeNumberField("end", f.end());
      g.writeStringField("match", f.match());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("redacted", v.redacted());
    g.writeStringField("safeUrl", v.safeUrl().orElse(null));
    g.writeFieldName("help");
    help(g, v.help().orElse(null));
    g.writeObjectFieldStart("scores");
    for (Category c : Category.values()) {
      Double s = v.scores().get(c);
      if (s != null) {
        // four decimals: enough for a threshold, and stable across platforms
        double score = Math.round(s * 10_000) / 10_000.0;
        g.writeFieldName(c.jsonName());
        if (score == 0.0) {
          g.writeNumber(ZERO);   // most scores: the digits Double.toString(0.0) gives, without converting
        } else {
          g.writeNumber(score);
        }
      }
    }
    g.writeEndObject();
  }

  /** Writes the HTTP service's verdict object (as ServiceJson did with Jackson). */
  static void serviceVerdict(StringWriter out, JsonId id, Verdict v, String conversation, ConversationVerdict cv)
      throws IOException {
    new JacksonJsonOutput(out).verdict(id, v);
    if (cv == null) {
      return;
    }
    StringBuffer b = out.getBuffer();
    b.setLength(b.length() - 2);
    out.write(",\"conversation\":");
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", conversation);
      conversationFields(g, cv);
      g.writeEndObject();
    }
    out.write("}\n");
  }

  /** Writes an id as JsonId did with Jackson. */
  static void write(JsonGenerator gen, JsonId id) throws IOException {
    if (id.tree != null) {
      Json.MAPPER.writeTree(gen, id.tree);
      return;
    }
    switch (id.token) {
      case VALUE_STRING:
        gen.writeString(id.text);
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        gen.writeNumber(id.text);
        break;
      case VALUE_TRUE:
        gen.writeBoolean(true);
        break;
      case VALUE_FALSE:
        gen.writeBoolean(false);
        break;
      default:
        gen.writeNull();
    }
  }

  /** Writes an error line. */
  void error(JsonId id, String message) throws IOException {
    line(g -> {
      g.writeStartObject();
      g.writeFieldName("id");
      write(g, id);
      g.writeStringField("error", message);
      g.writeEndObject();
    });
  }

  /** {@code Double.toString(0.0)}: a score of zero as Jackson writes it. */
  private static final String ZERO = Double.toString(0.0);
  /** The library's help objects as {@link #helpObject} writes them, written once (high-risk lines all carry one). */
  private static final Map<Help, String> HELP = Map.of(Help.ABUSE, helpJson(Help.ABUSE),
      Help.SELF_HARM, helpJson(Help.SELF_HARM), Help.SCAM, helpJson(Help.SCAM));

  private static void help(JsonGenerator g, Help h) throws IOException {
    String written = h == null ? null : HELP.get(h);
    if (h == null) {
      g.writeNull();
    } else if (written != null) {
      g.writeRawValue(written);
    } else {
      helpObject(g, h);
    }
  }

  private static String helpJson(Help h) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
      helpObject(g, h);
    } catch (IOException e) {
      throw new UncheckedIOException(e);   // a StringWriter does not fail
    }
    return w.toString();
  }

  private static void helpObject(JsonGenerator g, Help h) throws IOException {
    g.writeStartObject();
    g.writeStringField("topic", h.topic());
    g.writeStringField("phone", h.phone());
    g.writeStringField("url", h.url());
    g.writeStringField("vi", h.vi());
    g.writeStringField("en", h.en());
    g.writeEndObject();
  }
}
