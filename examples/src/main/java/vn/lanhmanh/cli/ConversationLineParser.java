package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import vn.lanhmanh.Message;

/**
 * Reads one line of {@code conversation} input:
 * {@code {"conversation": …, "id": …, "sender": …, "text": …, "time": …}}.
 * <ul>
 *   <li>{@code conversation} (required): a string or a whole number; lines with the same value belong to
 *       one conversation.</li>
 *   <li>{@code id} (optional): echoed as written, as in {@code batch}.</li>
 *   <li>{@code sender} (required): a string; {@code "child"} (any case) is the protected child, any other
 *       value someone else.</li>
 *   <li>{@code text} (required): a string.</li>
 *   <li>{@code time} (optional): when the message was sent, in seconds since 1970-01-01T00:00Z (a
 *       fraction allowed), from 0 to {@value #MAX_TIME} (year 9999); missing or {@code null} means now.</li>
 * </ul>
 * Other fields are ignored. A well-formed line is read in one pass by {@link QuickConversationLine}; any line
 * it is not sure of is read, like {@link BatchLineParser} reads, by streaming through it with one Jackson
 * parser that keeps reading after a bad field, so an error still carries the line's id. The answer is the
 * same either way. Stateless and thread-safe.
 */
final class ConversationLineParser {

  /** The latest time accepted: 9999-12-31T23:59:59Z in epoch seconds. */
  static final long MAX_TIME = 253_402_300_799L;

  private static final BigDecimal MAX_TIME_DECIMAL = BigDecimal.valueOf(MAX_TIME + 1);

  /**
   * Parses a line; never throws, a bad line gives a request with an error.
   *
   * @param lineNumber the line's number from 1, naming a message without an id ({@code line-N})
   */
  ConversationRequest parse(String line, long lineNumber) {
    ConversationRequest quick = QuickConversationLine.parse(line, lineNumber);
    return quick != null ? quick : parseWithJackson(line, lineNumber);
  }

  /** {@link #parse} with Jackson's parser only (every line the quick read is not sure of). */
  ConversationRequest parseWithJackson(String line, long lineNumber) {
    if (line.isBlank()) {
      return ConversationRequest.error(JsonId.NULL, "blank line: expected a JSON object such as "
          + "{\"conversation\": \"c1\", \"id\": 1, \"sender\": \"child\", \"text\": \"…\"}");
    }
    JsonId id = JsonId.NULL;
    String messageId = null;
    try (JsonParser p = Json.FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return ConversationRequest.error(id,
            "not a JSON object: expected {\"conversation\", \"id\", \"sender\", \"text\", \"time\"}");
      }
      JsonId conversation = null;
      String conversationKey = null;
      String sender = null;
      String text = null;
      Instant time = null;
      String problem = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "id":
            if (v.isScalarValue()) {
              id = JsonId.scalar(v, p.getText());
              messageId = v == JsonToken.VALUE_NULL ? null : p.getText();
            } else {
              JsonNode tree = p.readValueAsTree();
              id = JsonId.tree(tree);
              messageId = tree.toString();
            }
            break;
          case "conversation":
            if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT) {
              conversation = JsonId.scalar(v, p.getText());
              conversationKey = p.getText();
            } else if (v != JsonToken.VALUE_NULL) {
              problem = first(problem, "\"conversation\" must be a string or a whole number, was "
                  + BatchLineParser.kind(v));
            }
            break;
          case "sender":
            if (v == JsonToken.VALUE_STRING) {
              sender = p.getText();
            } else {
              problem = first(problem, "\"sender\" must be a string (\"child\" or another), was "
                  + BatchLineParser.kind(v));
            }
            break;
          case "text":
            if (v == JsonToken.VALUE_STRING) {
              text = p.getText();
            } else {
              problem = first(problem, "\"text\" must be a string, was " + BatchLineParser.kind(v));
            }
            break;
          case "time":
            if (v != JsonToken.VALUE_NULL) {
              time = time(p, v);
              if (time == null) {
                problem = first(problem, "\"time\" must be seconds since 1970 from 0 to " + MAX_TIME + ", was "
                    + (v.isNumeric() ? BatchLineParser.clip(p.getText()) : BatchLineParser.kind(v)));
              }
            }
            break;
          default:
            break;
        }
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        return ConversationRequest.error(id, "unexpected content after the JSON object");
      }
      if (problem != null) {
        return ConversationRequest.error(id, problem);
      }
      if (conversation == null) {
        return ConversationRequest.error(id, "missing \"conversation\"");
      }
      if (sender == null) {
        return ConversationRequest.error(id, "missing \"sender\"");
      }
      if (text == null) {
        return ConversationRequest.error(id, "missing \"text\"");
      }
      Message.Sender role = sender.strip().toLowerCase(Locale.ROOT).equals("child")
          ? Message.Sender.CHILD : Message.Sender.OTHER;
      return new ConversationRequest(id, messageId != null ? messageId : "line-" + lineNumber, conversation,
          conversationKey, role, text, time, null);
    } catch (JsonProcessingException e) {
      return ConversationRequest.error(id, "invalid JSON: " + BatchLineParser.clip(e.getOriginalMessage())
          + BatchLineParser.column(e.getLocation()));
    } catch (IOException e) {
      return ConversationRequest.error(id, "cannot read the line: " + BatchLineParser.clip(e.getMessage()));
    }
  }

  /**
   * The line's conversation key as {@link #parse} gives it, read only up to the {@code "conversation"} field:
   * for a stream processor to route the line by (the whole line is read once, where its conversation is
   * kept). For every line that {@code parse} accepts the two are equal; for a line it refuses this may be a
   * key or {@code null} (that line's answer is an error line, which changes no conversation). Never throws.
   */
  static String key(String line) {
    String quick = QuickConversationLine.key(line);
    return quick != QuickConversationLine.UNSURE ? quick : keyWithJackson(line);
  }

  /** {@link #key} with Jackson's parser only. */
  static String keyWithJackson(String line) {
    try (JsonParser p = Json.FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if (p.currentName().equals("conversation")) {
          JsonToken v = p.nextToken();
          return v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT ? p.getText() : null;
        }
        p.nextToken();
        p.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The time in range, or {@code null}. */
  private static Instant time(JsonParser p, JsonToken v) {
    try {
      if (v == JsonToken.VALUE_NUMBER_INT) {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return null;
        }
        long s = p.getLongValue();
        return s >= 0 && s <= MAX_TIME ? Instant.ofEpochSecond(s) : null;
      }
      if (v == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal d = p.getDecimalValue();
        if (d.signum() < 0 || d.compareTo(MAX_TIME_DECIMAL) >= 0) {
          return null;
        }
        long seconds = d.longValue();
        long nanos = d.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(seconds, nanos);
      }
    } catch (IOException | ArithmeticException | NumberFormatException e) {
      // Jackson throws NumberFormatException for an exponent out of BigDecimal's range (1e2147483648)
      return null;
    }
    return null;
  }

  private static String first(String problem, String candidate) {
    return problem != null ? problem : candidate;
  }
}
