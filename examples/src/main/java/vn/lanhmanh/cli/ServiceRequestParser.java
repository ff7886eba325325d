package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lanhmanh.Category;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;

/**
 * Reads the bodies of {@code POST /v1/check} and {@code POST /v1/batch} with one streaming Jackson parser
 * (no tree, no regex), checking the service's limits as it goes.
 *
 * <p>A body that is not JSON is a {@code 400 malformed_json}; JSON of the wrong shape is a
 * {@code 422 invalid_request}; a text or URL over the limit a {@code 422 text_too_long}; a batch over the
 * limit a {@code 413 too_many_items}, noticed at the first item too many. Within a batch, a bad item
 * becomes an item-level error (the batch contract's {@code {"id", "error"}}) and the others are checked.
 *
 * <p>Thread-safe: it holds only the limits and the preset policies, all immutable.
 */
final class ServiceRequestParser {

  /** A batch body read: the items in order, or the problem with the whole body. */
  record Batch(List<ServiceRequest> items, ServiceProblem problem) {}

  private static final int MAX_CONVERSATION_ID = 200;

  private final ServiceLimits limits;
  private final Policy[] ages = new Policy[BatchLineParser.MAX_AGE + 1];

  ServiceRequestParser(ServiceLimits limits) {
    this.limits = limits;
    for (int a = 0; a < ages.length; a++) {
      ages[a] = Policy.forAge(a);
    }
  }

  /** Reads a {@code /v1/check} body; never throws. */
  ServiceRequest parseCheck(byte[] body) {
    try (JsonParser p = Json.FACTORY.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return ServiceRequest.failed(JsonId.NULL, ServiceProblem.malformedJson("empty body: expected a JSON object"));
      }
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        ensureEnd(p);
        return ServiceRequest.failed(JsonId.NULL, ServiceProblem.invalid(
            "expected a JSON object such as {\"text\": \"…\", \"age\": 10}"));
      }
      ServiceRequest r = readItem(p);
      ensureEnd(p);
      return r;
    } catch (JsonProcessingException e) {
      return ServiceRequest.failed(JsonId.NULL, ServiceProblem.malformedJson(jsonMessage(e)));
    } catch (IOException e) {
      return ServiceRequest.failed(JsonId.NULL, ServiceProblem.malformedJson("cannot read the body"));
    }
  }

  /** Reads a {@code /v1/batch} body; never throws. */
  Batch parseBatch(byte[] body) {
    try (JsonParser p = Json.FACTORY.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Batch(List.of(), ServiceProblem.malformedJson("empty body: expected {\"items\": […]}"));
      }
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        ensureEnd(p);
        return new Batch(List.of(), ServiceProblem.invalid("expected a JSON object {\"items\": […]}"));
      }
      List<ServiceRequest> items = null;
      ServiceProblem problem = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (!name.equals("items")) {
          p.skipChildren();
          continue;
        }
        if (v != JsonToken.START_ARRAY) {
          problem = ServiceProblem.invalid("\"items\" must be an array, was " + BatchLineParser.kind(v));
          p.skipChildren();
          continue;
        }
        items = new ArrayList<>();
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          if (items.size() == limits.maxBatchItems()) {
            // stop reading: the rest of a too-large body is not worth parsing
            return new Batch(List.of(), new ServiceProblem(413, ServiceProblem.TOO_MANY_ITEMS,
                "a batch holds at most " + limits.maxBatchItems() + " items"));
          }
          if (v == JsonToken.START_OBJECT) {
            items.add(readItem(p));
          } else {
            p.skipChildren();
            items.add(ServiceRequest.failed(JsonId.NULL, ServiceProblem.invalid(
                "not a JSON object: expected {\"text\": …} or {\"url\": …}")));
          }
        }
      }
      ensureEnd(p);
      if (problem != null) {
        return new Batch(List.of(), problem);
      }
      if (items == null) {
        return new Batch(List.of(), ServiceProblem.invalid("missing \"items\": expected {\"items\": […]}"));
      }
      return new Batch(items, null);
    } catch (JsonProcessingException e) {
      return new Batch(List.of(), ServiceProblem.malformedJson(jsonMessage(e)));
    } catch (IOException e) {
      return new Batch(List.of(), ServiceProblem.malformedJson("cannot read the body"));
    }
  }

  /** Reads one request object; the parser is at its START_OBJECT and is left at its END_OBJECT. */
  private ServiceRequest readItem(JsonParser p) throws IOException {
    JsonId id = JsonId.NULL;
    String messageId = "";
    String text = null;
    String url = null;
    boolean hasText = false;
    boolean hasUrl = false;
    Policy age = null;
    Policy tier = null;
    String conversation = null;
    Message.Sender sender = null;
    Instant time = null;
    boolean outgoing = false;
    Map<Category, Double> thresholds = Map.of();
    ServiceProblem problem = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "id":
          if (v.isScalarValue()) {
            id = JsonId.scalar(v, p.getText());
            messageId = v == JsonToken.VALUE_NULL ? "" : p.getText();
          } else {
            id = JsonId.tree(p.readValueAsTree());
          }
          break;
        case "text":
          hasText = true;
          if (v != JsonToken.VALUE_STRING) {
            problem = first(problem, ServiceProblem.invalid("\"text\" must be a string, was " + BatchLineParser.kind(v)));
          } else if (p.getTextLength() > limits.maxTextChars()) {
            problem = first(problem, tooLong("text", p.getTextLength()));
          } else {
            text = p.getText();
          }
          break;
        case "url":
          hasUrl = true;
          if (v != JsonToken.VALUE_STRING) {
            problem = first(problem, ServiceProblem.invalid("\"url\" must be a string, was " + BatchLineParser.kind(v)));
          } else if (p.getTextLength() > limits.maxTextChars()) {
            problem = first(problem, tooLong("url", p.getTextLength()));
          } else {
            url = p.getText();
          }
          break;
        case "age":
          age = age(p, v);
          if (age == null) {
            problem = first(problem, ServiceProblem.invalid("\"age\" must be a whole number from 0 to "
                + BatchLineParser.MAX_AGE + ", was " + (v.isNumeric() ? BatchLineParser.clip(p.getText()) : BatchLineParser.kind(v))));
          }
          break;
        case "tier":
          tier = v == JsonToken.VALUE_STRING ? tier(p.getText()) : null;
          if (tier == null) {
            problem = first(problem, ServiceProblem.invalid("\"tier\" must be one of \"P\", \"T13\", \"T16\", \"T18\", was "
                + (v == JsonToken.VALUE_STRING ? "\"" + BatchLineParser.clip(p.getText()) + "\"" : BatchLineParser.kind(v))));
          }
          break;
        case "conversation":
          if (v != JsonToken.VALUE_STRING || p.getTextLength() == 0 || p.getTextLength() > MAX_CONVERSATION_ID) {
            problem = first(problem, ServiceProblem.invalid("\"conversation\" must be a string of 1 to "
                + MAX_CONVERSATION_ID + " characters"));
          } else {
            conversation = p.getText();
          }
          break;
        case "sender":
          if (v != JsonToken.VALUE_STRING) {
            problem = first(problem, ServiceProblem.invalid("\"sender\" must be a string, was " + BatchLineParser.kind(v)));
          } else {
            sender = p.getText().equals("child") ? Message.Sender.CHILD : Message.Sender.OTHER;
          }
          break;
        case "outgoing":
          if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
            outgoing = v == JsonToken.VALUE_TRUE;
          } else {
            problem = first(problem, ServiceProblem.invalid("\"outgoing\" must be true or false, was "
                + BatchLineParser.kind(v)));
          }
          break;
        case "thresholds":
          if (v != JsonToken.START_OBJECT) {
            problem = first(problem, ServiceProblem.invalid("\"thresholds\" must be an object such as "
                + "{\"self_harm\": 0.8}, was " + BatchLineParser.kind(v)));
          } else {
            EnumMap<Category, Double> read = new EnumMap<>(Category.class);
            problem = first(problem, thresholds(p, read));
            thresholds = read;
          }
          break;
        case "time":
          if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
              && Math.abs(p.getLongValue()) <= Instant.MAX.getEpochSecond()) {
            time = Instant.ofEpochSecond(p.getLongValue());
          } else {
            problem = first(problem, ServiceProblem.invalid("\"time\" must be a whole number of epoch seconds"));
          }
          break;
        default:
          break;
      }
      p.skipChildren();
    }
    if (problem == null) {
      problem = shapeProblem(hasText, hasUrl, age, tier, conversation, sender, time);
    }
    if (problem != null) {
      return ServiceRequest.failed(id, problem);
    }
    Policy policy = Thresholds.apply(age != null ? age : tier, thresholds);
    // "outgoing": the child wrote the text, so personal information in it is looked for.
    return new ServiceRequest(id, messageId, text, url, outgoing ? policy.outgoing() : policy, conversation, sender,
        conversation == null ? null : time != null ? time : Instant.now(), null);
  }

  /**
   * Reads a {@code "thresholds"} object (the parser at its START_OBJECT, left at its END_OBJECT) into
   * {@code out}: the first problem, or null.
   */
  private static ServiceProblem thresholds(JsonParser p, Map<Category, Double> out) throws IOException {
    ServiceProblem problem = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      Category c = null;
      try {
        c = Category.fromJsonName(name);
      } catch (IllegalArgumentException e) {
        problem = first(problem, ServiceProblem.invalid("\"thresholds\": unknown category \""
            + BatchLineParser.clip(name) + "\""));
      }
      if (v.isNumeric() && p.getDoubleValue() >= 0 && p.getDoubleValue() <= 1) {
        if (c != null) {
          out.put(c, p.getDoubleValue());
        }
      } else if (c != null) {
        problem = first(problem, ServiceProblem.invalid("\"thresholds\": the score for " + c.jsonName()
            + " must be a number from 0 to 1, was " + (v.isNumeric() ? BatchLineParser.clip(p.getText())
                : BatchLineParser.kind(v))));
      }
      p.skipChildren();
    }
    return problem;
  }

  private static ServiceProblem shapeProblem(boolean hasText, boolean hasUrl, Policy age, Policy tier,
      String conversation, Message.Sender sender, Instant time) {
    if (hasText == hasUrl) {
      return ServiceProblem.invalid(hasText ? "give either \"text\" or \"url\", not both" : "missing \"text\" or \"url\"");
    }
    if ((age == null) == (tier == null)) {
      return ServiceProblem.invalid(age != null ? "give either \"age\" or \"tier\", not both"
          : "missing \"age\" (0 to " + BatchLineParser.MAX_AGE + ") or \"tier\" (P, T13, T16, T18)");
    }
    if (conversation != null) {
      if (hasUrl) {
        return ServiceProblem.invalid("a conversation message is a \"text\", not a \"url\"");
      }
      if (sender == null) {
        return ServiceProblem.invalid("a conversation message needs \"sender\" (\"child\" or anyone else)");
      }
    } else if (sender != null || time != null) {
      return ServiceProblem.invalid("\"sender\" and \"time\" belong to a conversation message: add \"conversation\"");
    }
    return null;
  }

  private ServiceProblem tooLong(String field, int length) {
    return new ServiceProblem(422, ServiceProblem.TEXT_TOO_LONG, "\"" + field + "\" has " + length
        + " characters; the limit is " + limits.maxTextChars());
  }

  private Policy age(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      int a = p.getIntValue();
      return a >= 0 && a < ages.length ? ages[a] : null;
    }
    return null;
  }

  private static Policy tier(String s) {
    switch (s.toUpperCase(Locale.ROOT)) {
      case "P": return Policy.tier(Rating.P);
      case "T13": return Policy.tier(Rating.T13);
      case "T16": return Policy.tier(Rating.T16);
      case "T18": return Policy.tier(Rating.T18);
      default: return null;
    }
  }

  private static void ensureEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the JSON value");
    }
  }

  private static ServiceProblem first(ServiceProblem problem, ServiceProblem candidate) {
    return problem != null ? problem : candidate;
  }

  private static String jsonMessage(JsonProcessingException e) {
    String where = e.getLocation() == null || e.getLocation().getCharOffset() < 0 ? ""
        : " (at byte " + e.getLocation().getByteOffset() + ")";
    String m = e.getOriginalMessage();
    int source = m == null ? -1 : m.indexOf(" (start marker");
    return "invalid JSON: " + BatchLineParser.clip(source < 0 ? m : m.substring(0, source)) + where;
  }
}
