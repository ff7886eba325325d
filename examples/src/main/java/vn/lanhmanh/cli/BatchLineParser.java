package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads one line of {@code batch} input: {@code {"id": …, "text": …}} or {@code {"id": …, "url": …}},
 * with an optional {@code "age"} (a whole number from 0 to {@value #MAX_AGE}; {@code null} means "use
 * {@code --age}"). Other fields are ignored, so callers may send their own.
 *
 * <p>Streams through the line with one Jackson parser, building no tree, so a 10 MB text is read once.
 * Keeps reading after a bad field, so an error still carries the line's id wherever it stands.
 * Stateless and thread-safe.
 */
final class BatchLineParser {

  /** The oldest age accepted, as {@code Policy.forAge} does. */
  static final int MAX_AGE = 150;
  /** An error message quotes at most this many characters of Jackson's own message. */
  private static final int MAX_DETAIL = 200;

  /** Parses a line; never throws, a bad line gives a request with an error. */
  BatchRequest parse(String line) {
    if (line.isBlank()) {
      return BatchRequest.error(JsonId.NULL, "blank line: expected a JSON object such as {\"id\": 1, \"text\": \"…\"}");
    }
    JsonId id = JsonId.NULL;
    try (JsonParser p = Json.FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return BatchRequest.error(id, "not a JSON object: expected {\"id\": …, \"text\": …} or {\"id\": …, \"url\": …}");
      }
      String text = null;
      String url = null;
      boolean hasText = false;
      boolean hasUrl = false;
      int age = -1;
      String problem = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "id":
            id = v.isScalarValue() ? JsonId.scalar(v, p.getText()) : JsonId.tree(p.readValueAsTree());
            break;
          case "text":
            hasText = true;
            if (v == JsonToken.VALUE_STRING) {
              text = p.getText();
            } else {
              problem = first(problem, "\"text\" must be a string, was " + kind(v));
            }
            break;
          case "url":
            hasUrl = true;
            if (v == JsonToken.VALUE_STRING) {
              url = p.getText();
            } else {
              problem = first(problem, "\"url\" must be a string, was " + kind(v));
            }
            break;
          case "age":
            if (v == JsonToken.VALUE_NULL) {
              break;
            }
            age = age(p, v);
            if (age < 0) {
              problem = first(problem, "\"age\" must be a whole number from 0 to " + MAX_AGE + ", was "
                  + (v.isNumeric() ? clip(p.getText()) : kind(v)));
            }
            break;
          default:
            break;
        }
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        return BatchRequest.error(id, "unexpected content after the JSON object");
      }
      if (problem != null) {
        return BatchRequest.error(id, problem);
      }
      if (hasText && hasUrl) {
        return BatchRequest.error(id, "give either \"text\" or \"url\", not both");
      }
      if (hasText) {
        return BatchRequest.text(id, text, age);
      }
      if (hasUrl) {
        return BatchRequest.url(id, url, age);
      }
      return BatchRequest.error(id, "missing \"text\" or \"url\"");
    } catch (JsonProcessingException e) {
      return BatchRequest.error(id, "invalid JSON: " + clip(e.getOriginalMessage()) + column(e.getLocation()));
    } catch (IOException e) {
      // reading from a String does no I/O; keep the run going all the same
      return BatchRequest.error(id, "cannot read the line: " + clip(e.getMessage()));
    }
  }

  /** The age in range, or -1. */
  private static int age(JsonParser p, JsonToken v) {
    try {
      if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
        int a = p.getIntValue();
        return a >= 0 && a <= MAX_AGE ? a : -1;
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static String first(String problem, String candidate) {
    return problem != null ? problem : candidate;
  }

  /** What kind of value a token starts, for messages: {@code a string}, {@code a number} ... */
  static String kind(JsonToken t) {
    switch (t) {
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      case START_ARRAY: return "an array";
      case START_OBJECT: return "an object";
      default: return String.valueOf(t);
    }
  }

  /** {@code " (at character N)"}, or nothing when the location is unknown. */
  static String column(JsonLocation loc) {
    return loc == null || loc.getColumnNr() < 1 ? "" : " (at character " + loc.getColumnNr() + ")";
  }

  /** One line of at most {@value #MAX_DETAIL} characters. */
  static String clip(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_DETAIL + 1));
    for (int i = 0; i < s.length() && b.length() < MAX_DETAIL; i++) {
      char c = s.charAt(i);
      b.append(c == '\n' || c == '\r' ? ' ' : c);
    }
    if (s.length() > MAX_DETAIL) {
      b.append('…');
    }
    return b.toString();
  }
}
