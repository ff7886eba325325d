package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import vn.lanhmanh.Category;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.Severity;
import vn.lanhmanh.Verdict;

/**
 * Writes the JSON lines of the command-line contract, one object and a {@code \n} per call, fields in
 * this order: {@code id, action, rating, categories, findings, redacted, safeUrl, help, scores}, or
 * {@code id, error} for a line that could not be checked. A {@code conversation} line adds
 * {@code conversation: {id, risk, stages, reasons}} after {@code scores}. A finding is
 * {@code {category, severity, rating, rule, start, end, match}}; {@code scores} has one number per category
 * (by JSON name, in {@link Category} order), an empty object when the verdict has none. Absent values are written as {@code null}, so
 * every verdict line has every field. Text is written as UTF-8 without escapes; a lone surrogate, which
 * UTF-8 cannot encode, becomes {@code ?} (one UTF-16 unit, so offsets into {@code redacted} still hold).
 *
 * <p>The JSON is Jackson's compact form ({@link JsonText} writes it by hand: each line is built in one
 * reused buffer and handed to the writer in one call). Does not flush: the caller decides when. Not
 * thread-safe (one buffer).
 */
final class JsonOutput {

  private static final Category[] CATEGORIES = Category.values();
  private static final String[] SEVERITIES =
      java.util.Arrays.stream(Severity.values()).map(Severity::jsonName).toArray(String[]::new);
  /** The library's help objects, written once (high-risk lines all carry one). */
  private static final Map<Help, String> HELP = Map.of(Help.ABUSE, helpJson(Help.ABUSE),
      Help.SELF_HARM, helpJson(Help.SELF_HARM), Help.SCAM, helpJson(Help.SCAM));

  private final Writer out;
  private final StringBuilder line;
  private char[] chars = new char[0];

  /** An output that writes each line to {@code out}. */
  JsonOutput(Writer out) {
    this.out = out;
    this.line = new StringBuilder(1024);
  }

  /** An output that appends each line (and its {@code \n}) to {@code line}, for a caller that wants a string. */
  JsonOutput(StringBuilder line) {
    this.out = null;
    this.line = line;
  }

  private StringBuilder begin() {
    if (out != null) {
      line.setLength(0);
    }
    return line;
  }

  private void end() throws IOException {
    line.append('\n');
    if (out != null) {
      int n = line.length();
      if (chars.length < n) {
        chars = new char[Math.max(n, 2 * chars.length)];
      }
      line.getChars(0, n, chars, 0);
      out.write(chars, 0, n);
    }
  }

  /** Writes a verdict line. */
  void verdict(JsonId id, Verdict v) throws IOException {
    StringBuilder b = begin();
    b.append('{');
    verdictFields(b, id, v);
    b.append('}');
    end();
  }

  /**
   * Writes the verdict line of one conversation message: the fields of {@link #verdict}, then
   * {@code "conversation": {"id", "risk", "stages": [names], "reasons": [{"message", "stage", "weight", "rule"}]}}.
   *
   * @param conversation the conversation's id as the input wrote it
   */
  void conversationVerdict(JsonId id, ConversationVerdict cv, JsonId conversation) throws IOException {
    StringBuilder b = begin();
    b.append('{');
    verdictFields(b, id, cv.verdict());
    b.append(",\"conversation\":{\"id\":");
    conversation.append(b);
    conversationFields(b, cv);
    b.append("}}");
    end();
  }

  /**
   * Writes the HTTP service's verdict object: the fields of {@link #verdict}, and for a conversation message
   * ({@code cv} not null) the {@code "conversation"} object of {@link #conversationVerdict} with the
   * conversation's id as a string.
   */
  void serviceVerdict(JsonId id, Verdict v, String conversation, ConversationVerdict cv) throws IOException {
    StringBuilder b = begin();
    b.append('{');
    verdictFields(b, id, v);
    if (cv != null) {
      b.append(",\"conversation\":{\"id\":");
      JsonText.string(b, conversation);
      conversationFields(b, cv);
      b.append('}');
    }
    b.append('}');
    end();
  }

  /**
   * The fields of a conversation's state after the id: {@code "risk"} (rounded to 3 decimals),
   * {@code "stages"} and {@code "reasons"}: per stage, the message that raised it, with weight and rule.
   */
  private static void conversationFields(StringBuilder b, ConversationVerdict cv) {
    b.append(",\"risk\":");
    JsonText.round3(b, cv.risk());
    b.append(",\"stages\":[");
    boolean first = true;
    for (String s : cv.stages()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      JsonText.string(b, s);
    }
    b.append("],\"reasons\":[");
    List<ConversationVerdict.Reason> reasons = cv.reasons();
    for (int i = 0; i < reasons.size(); i++) {
      ConversationVerdict.Reason r = reasons.get(i);
      b.append(i == 0 ? "{\"message\":" : ",{\"message\":");
      JsonText.string(b, r.messageId());
      b.append(",\"stage\":");
      JsonText.string(b, r.stage());
      b.append(",\"weight\":");
      JsonText.round3(b, r.weight());
      b.append(",\"rule\":");
      JsonText.string(b, r.rule());
      b.append('}');
    }
    b.append(']');
  }

  private static void verdictFields(StringBuilder b, JsonId id, Verdict v) {
    b.append("\"id\":");
    id.append(b);
    b.append(",\"action\":\"").append(v.action().name()).append("\",\"rating\":\"").append(v.rating().name())
        .append("\",\"categories\":[");
    List<Finding> findings = v.findings();
    long categories = 0;   // the findings' categories, in Category order (fewer than 64)
    for (int i = 0; i < findings.size(); i++) {
      categories |= 1L << findings.get(i).category().ordinal();
    }
    for (int c = 0; categories != 0; c++, categories >>>= 1) {
      if ((categories & 1) != 0) {
        b.append('"').append(CATEGORIES[c].jsonName()).append(categories == 1 ? "\"" : "\",");
      }
    }
    b.append("],\"findings\":[");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      b.append(i == 0 ? "{\"category\":\"" : ",{\"category\":\"").append(f.category().jsonName())
          .append("\",\"severity\":\"").append(severity(f.severity()))
          .append("\",\"rating\":\"").append(f.rating().name()).append("\",\"rule\":");
      JsonText.string(b, f.rule());
      b.append(",\"start\":").append(f.start()).append(",\"end\":").append(f.end()).append(",\"match\":");
      JsonText.string(b, f.match());
      b.append('}');
    }
    b.append("],\"redacted\":");
    JsonText.string(b, v.redacted());
    b.append(",\"safeUrl\":");
    JsonText.string(b, v.safeUrl().orElse(null));
    b.append(",\"help\":");
    Help h = v.help().orElse(null);
    String written = h == null ? null : HELP.get(h);
    if (h == null) {
      b.append("null");
    } else if (written != null) {
      b.append(written);
    } else {
      helpObject(b, h);
    }
    b.append(",\"scores\":{");
    Map<Category, Double> scores = v.scores();
    boolean first = true;
    if (!scores.isEmpty()) {
      for (Category c : CATEGORIES) {
        Double s = scores.get(c);
        if (s != null) {
          // four decimals: enough for a threshold, and stable across platforms
          b.append(first ? "\"" : ",\"").append(c.jsonName()).append("\":");
          first = false;
          JsonText.round4(b, s);
        }
      }
    }
    b.append('}');
  }

  private static String severity(Severity s) {
    return SEVERITIES[s.ordinal()];
  }

  /** Writes an error line. */
  void error(JsonId id, String message) throws IOException {
    StringBuilder b = begin();
    b.append("{\"id\":");
    id.append(b);
    b.append(",\"error\":");
    JsonText.string(b, message);
    b.append('}');
    end();
  }

  private static String helpJson(Help h) {
    StringBuilder b = new StringBuilder();
    helpObject(b, h);
    return b.toString();
  }

  private static void helpObject(StringBuilder b, Help h) {
    b.append("{\"topic\":");
    JsonText.string(b, h.topic());
    b.append(",\"phone\":");
    JsonText.string(b, h.phone());
    b.append(",\"url\":");
    JsonText.string(b, h.url());
    b.append(",\"vi\":");
    JsonText.string(b, h.vi());
    b.append(",\"en\":");
    JsonText.string(b, h.en());
    b.append('}');
  }
}
