package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Message;

/**
 * Coverage-guided fuzzing of the JSON readers of {@code batch}, {@code conversation} and the HTTP service.
 * The oracle is Jackson's own tree reader with the same configuration, strict about trailing content: a line
 * it reads as a well-formed request must give that request's fields, anything else the documented error,
 * and nothing may throw. A plain {@code mvn test} runs each target on its seeds in
 * {@code LineParsersFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes them. {@link LineParserPropertiesTest}
 * runs the same checks on generated lines.
 */
class LineParsersFuzzTest {

  private static final ObjectReader TREE = Json.MAPPER.readerFor(JsonNode.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader DECIMAL_TREE = TREE.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Set<String> CODES = Set.of(ServiceProblem.MALFORMED_JSON, ServiceProblem.INVALID_REQUEST,
      ServiceProblem.TEXT_TOO_LONG, ServiceProblem.TOO_MANY_ITEMS);
  /** Small limits, so that the fuzzer reaches them: 3 items, 50 chars. */
  private static final ServiceLimits SMALL = new ServiceLimits(1 << 20, 3, 50);

  private static ContentFilter filter;

  private static synchronized ContentFilter filter() {
    if (filter == null) {
      filter = ContentFilter.builder().urlCacheSize(0).build();
    }
    return filter;
  }

  @FuzzTest(maxDuration = "60s")
  void batchLine(byte[] data) {
    checkBatchLine(new String(data, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "60s")
  void conversationLine(byte[] data) {
    checkConversationLine(new String(data, StandardCharsets.UTF_8), data.length);
  }

  @FuzzTest(maxDuration = "60s")
  void serviceBodies(byte[] data) {
    checkServiceBodies(data);
  }

  /** The line read as Jackson reads it, or null when it is not one well-formed JSON value. */
  static JsonNode tree(ObjectReader reader, String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      return reader.readValue(line);
    } catch (IOException | NumberFormatException e) {
      return null;   // NumberFormatException: a number BigDecimal cannot hold (1e2147483648)
    }
  }

  private static JsonNode written(JsonId id) {
    try {
      StringBuilder w = new StringBuilder();
      id.append(w);
      return TREE.readValue(w.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** The answer as JSON: one object on one line, its field names. */
  private static List<String> answerFields(String out) throws IOException {
    assertThat(out).endsWith("\n");
    assertThat(out.indexOf('\n')).as("one line: %s", out).isEqualTo(out.length() - 1);
    JsonNode answer = TREE.readValue(out);
    if (answer.has("error")) {
      assertThat(answer.get("error").asText()).isNotBlank();
    }
    return fieldNames(answer);
  }

  private static final List<String> ERROR = List.of("id", "error");
  private static final List<String> VERDICT =
      List.of("id", "action", "rating", "categories", "findings", "redacted", "safeUrl", "help", "scores");

  /**
   * A {@code batch} line: exactly one of text, url and error; a well-formed request read field for field;
   * anything else an error carrying the line's id; and the whole answer one JSON line.
   */
  static void checkBatchLine(String line) {
    BatchRequest r = new BatchLineParser().parse(line);
    assertThat(r).isNotNull();
    assertThat((r.text() != null ? 1 : 0) + (r.url() != null ? 1 : 0) + (r.error() != null ? 1 : 0)).isEqualTo(1);
    try {
      StringWriter out = new StringWriter();
      new BatchRunner(filter(), 10).answer(line, new JsonOutput(out));
      List<String> fields = answerFields(out.toString());
      if (r.failed()) {
        assertThat(fields).isEqualTo(ERROR);
      } else if (r.text() != null) {
        assertThat(fields).as("answer to %s: %s", line, out).isEqualTo(VERDICT);
      } else if (fields.equals(ERROR)) {
        assertThat(out.toString()).as("answer to %s", line).contains("malformed URL: ");
      } else {
        assertThat(fields).isEqualTo(VERDICT);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode tree = tree(TREE, line);
    if (tree == null || !tree.isObject()) {
      assertThat(r.failed()).as("not a JSON object: %s", line).isTrue();
      return;
    }
    assertThat(written(r.id())).as("id of %s", line).isEqualTo(tree.has("id") ? tree.get("id") : NullNode.getInstance());
    JsonNode text = tree.get("text");
    JsonNode url = tree.get("url");
    JsonNode age = tree.get("age");
    boolean ageOk = age == null || age.isNull() || age.isInt() && age.intValue() >= 0
        && age.intValue() <= BatchLineParser.MAX_AGE;
    boolean ok = (text == null) != (url == null) && (text != null ? text : url).isTextual() && ageOk;
    assertThat(r.failed()).as("%s gave %s", line, r).isEqualTo(!ok);
    if (ok) {
      assertThat(r.text()).isEqualTo(text == null ? null : text.textValue());
      assertThat(r.url()).isEqualTo(url == null ? null : url.textValue());
      assertThat(r.age()).isEqualTo(age == null || age.isNull() ? -1 : age.intValue());
    }
  }

  /** A {@code conversation} line: a well-formed message read field for field, anything else an error. */
  static void checkConversationLine(String line, long lineNumber) {
    ConversationRequest r = new ConversationLineParser().parse(line, lineNumber);
    assertThat(r).isNotNull();
    String key = ConversationLineParser.key(line);   // never throws either
    if (!r.failed()) {
      // a stream keys a line by the quick read: it must give every checkable line its conversation
      assertThat(key).as("key of %s", line).isEqualTo(r.conversationKey());
    }
    try {
      if (r.failed()) {
        StringWriter out = new StringWriter();
        new JsonOutput(out).error(r.id(), r.error());
        assertThat(answerFields(out.toString())).isEqualTo(ERROR);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode tree = tree(DECIMAL_TREE, line);
    // A float BigDecimal cannot hold (1e-2147483648) is read only as a double: then "time" is not judged.
    boolean exact = tree != null || tree(TREE, line) == null;
    if (!exact) {
      tree = tree(TREE, line);
    }
    if (tree == null || !tree.isObject()) {
      assertThat(r.failed()).as("not a JSON object: %s", line).isTrue();
      return;
    }
    if (!exact && tree.has("time") && tree.get("time").isFloatingPointNumber()) {
      return;
    }
    JsonNode conversation = tree.get("conversation");
    JsonNode sender = tree.get("sender");
    JsonNode text = tree.get("text");
    JsonNode time = tree.get("time");
    boolean ok = conversation != null && (conversation.isTextual() || conversation.isIntegralNumber())
        && sender != null && sender.isTextual() && text != null && text.isTextual() && timeOk(time);
    assertThat(r.failed()).as("%s gave %s", line, r).isEqualTo(!ok);
    if (!ok) {
      return;
    }
    assertThat(r.text()).isEqualTo(text.textValue());
    assertThat(r.sender()).isEqualTo(sender.textValue().strip().toLowerCase(Locale.ROOT).equals("child")
        ? Message.Sender.CHILD : Message.Sender.OTHER);
    if (conversation.isTextual()) {
      assertThat(r.conversationKey()).isEqualTo(conversation.textValue());
    } else {
      assertThat(new BigInteger(r.conversationKey())).isEqualTo(conversation.bigIntegerValue());
    }
    JsonNode id = tree.get("id");
    if (id == null || id.isNull()) {
      assertThat(r.messageId()).isEqualTo("line-" + lineNumber);
    } else if (id.isTextual()) {
      assertThat(r.messageId()).isEqualTo(id.textValue());
    }
    if (time == null || time.isNull()) {
      assertThat(r.time()).isNull();
    } else {
      assertThat(r.time().getEpochSecond()).isEqualTo(time.decimalValue().longValue());
    }
  }

  private static boolean timeOk(JsonNode time) {
    if (time == null || time.isNull()) {
      return true;
    }
    if (!time.isNumber()) {
      return false;
    }
    BigDecimal t = time.decimalValue();
    return t.signum() >= 0 && t.compareTo(BigDecimal.valueOf(ConversationLineParser.MAX_TIME + 1)) < 0
        && (!time.isIntegralNumber() || t.compareTo(BigDecimal.valueOf(ConversationLineParser.MAX_TIME)) <= 0);
  }

  /**
   * Service bodies, with the default and with small limits: a body that is not well-formed JSON is a 400
   * (or a 413 for a batch stopped at its first item too many), well-formed JSON never is; a request read
   * has a policy and exactly one of text and url, within the limit, equal to the body's.
   */
  static void checkServiceBodies(byte[] body) {
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : TREE.readValue(body);
    } catch (IOException e) {
      tree = null;
    }
    for (ServiceLimits limits : List.of(ServiceLimits.DEFAULTS, SMALL)) {
      ServiceRequestParser parser = new ServiceRequestParser(limits);
      ServiceRequest r = parser.parseCheck(body);
      checkServiceRequest(r, limits, tree);
      if (tree == null) {
        assertThat(r.problem().status()).as("check %s", r).isEqualTo(400);
      } else {
        assertThat(r.failed() && r.problem().status() == 400).as("check %s", r).isFalse();
      }
      ServiceRequestParser.Batch b = parser.parseBatch(body);
      assertThat(b).isNotNull();
      assertThat(b.problem() == null || b.items().isEmpty()).isTrue();
      if (b.problem() != null) {
        assertThat(b.problem().status()).isIn(400, 413, 422);
        assertThat(b.problem().code()).isIn(CODES);
        assertThat(b.problem().message()).isNotBlank();
        if (tree != null) {
          assertThat(b.problem().status()).as("batch %s", b).isNotEqualTo(400);
        } else {
          assertThat(b.problem().code()).as("batch %s", b)
              .isIn(ServiceProblem.MALFORMED_JSON, ServiceProblem.TOO_MANY_ITEMS);
        }
        continue;
      }
      assertThat(tree).as("batch read from malformed JSON").isNotNull();
      JsonNode items = tree.get("items");
      assertThat(b.items()).hasSize(items.size());
      for (int i = 0; i < items.size(); i++) {
        checkServiceRequest(b.items().get(i), limits, items.get(i));
        if (b.items().get(i).failed()) {
          assertThat(b.items().get(i).problem().status()).isEqualTo(422);
        }
      }
    }
  }

  private static void checkServiceRequest(ServiceRequest r, ServiceLimits limits, JsonNode tree) {
    assertThat(r).isNotNull();
    if (r.failed()) {
      assertThat(r.problem().status()).isIn(400, 413, 422);
      assertThat(r.problem().code()).isIn(CODES);
      assertThat(r.problem().message()).isNotBlank();
      return;
    }
    assertThat(r.policy()).isNotNull();
    assertThat((r.text() != null ? 1 : 0) + (r.url() != null ? 1 : 0)).isEqualTo(1);
    String value = r.text() != null ? r.text() : r.url();
    assertThat(value.length()).isLessThanOrEqualTo(limits.maxTextChars());
    assertThat(tree).isNotNull();
    assertThat(tree.get(r.text() != null ? "text" : "url").textValue()).isEqualTo(value);
  }
}
