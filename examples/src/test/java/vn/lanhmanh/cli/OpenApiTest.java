package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the server agree: the same routes, the documented examples validate against
 * the documented request shapes, and what the server answers to them (and to every GET) validates
 * against the documented response shape for its status.
 */
class OpenApiTest {

  private static ServiceClient client;
  private static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    client = ServiceClient.start();
    doc = client.get("/openapi.json").json();
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(p ->
        p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    assertThat(documented).isEqualTo(client.service.routeSet());
    assertThat(client.service.routeSet()).isEqualTo(new TreeSet<>(HttpService.ROUTES));
  }

  @Test
  void examplesValidateAndTheServerAnswersThemAsDocumented() {
    int examples = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode post = path.getValue().get("post");
      if (post == null || post.get("requestBody") == null) {
        continue;
      }
      JsonNode media = post.get("requestBody").get("content").get("application/json");
      for (Iterator<Map.Entry<String, JsonNode>> it = media.get("examples").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> ex = it.next();
        JsonNode value = ex.getValue().get("value");
        assertThat(validate(value, media.get("schema"), "$")).as(path.getKey() + " example " + ex.getKey()).isEmpty();
        ServiceClient.Reply r = client.post(path.getKey(), value.toString());
        assertThat(r.status()).as(path.getKey() + " " + ex.getKey() + ": " + r.body()).isEqualTo(200);
        assertResponseDocumented(post, r, path.getKey() + " " + ex.getKey());
        examples++;
      }
    }
    assertThat(examples).isGreaterThanOrEqualTo(5);
  }

  @Test
  void getsAndErrorsAnswerAsDocumented() {
    doc.get("paths").fields().forEachRemaining(p -> {
      JsonNode get = p.getValue().get("get");
      if (get != null) {
        assertResponseDocumented(get, client.get(p.getKey()), "GET " + p.getKey());
      }
    });
    JsonNode check = doc.get("paths").get("/v1/check").get("post");
    for (String bad : List.of("{", "{}", "{\"text\": \"" + "a".repeat(100_001) + "\", \"age\": 1}",
        "{\"url\": \"javascript:x\", \"age\": 1}")) {
      assertResponseDocumented(check, client.post("/v1/check", bad), "bad check");
    }
    JsonNode refresh = doc.get("paths").get("/v1/index/refresh").get("post");
    assertResponseDocumented(refresh, client.post("/v1/index/refresh", ""), "refresh");
  }

  @Test
  void aRequestThatBreaksTheSchemaIsRefused() {
    JsonNode schema = doc.get("components").get("schemas").get("CheckRequest");
    assertThat(validate(json("{\"text\": \"a\", \"url\": \"b\", \"age\": 1}"), schema, "$")).isNotEmpty();
    assertThat(validate(json("{\"text\": \"a\", \"age\": 151}"), schema, "$")).isNotEmpty();
    assertThat(client.post("/v1/check", "{\"text\": \"a\", \"age\": 151}").status()).isEqualTo(422);
  }

  private static JsonNode json(String s) {
    return new ServiceClient.Reply(200, "", s).json();
  }

  private static void assertResponseDocumented(JsonNode operation, ServiceClient.Reply r, String what) {
    JsonNode response = operation.get("responses").get(String.valueOf(r.status()));
    assertThat(response).as(what + ": status " + r.status() + " is not documented").isNotNull();
    response = resolve(response);
    String type = r.type().split(";")[0].trim();
    JsonNode media = response.get("content").get(type);
    assertThat(media).as(what + ": media type " + type).isNotNull();
    if (type.equals("application/json")) {
      assertThat(validate(r.json(), media.get("schema"), "$")).as(what + ": " + r.body()).isEmpty();
    }
  }

  private static JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      JsonNode n = doc;
      for (String part : node.get("$ref").asText().substring(2).split("/")) {
        n = n.get(part);
      }
      node = n;
    }
    return node;
  }

  /**
   * A structural JSON Schema check, enough for this document: $ref, type (one or several), enum, required,
   * properties, additionalProperties (false or a schema), items, maxItems, minLength, maxLength, minimum,
   * maximum, oneOf, allOf.
   */
  static List<String> validate(JsonNode value, JsonNode schema, String at) {
    List<String> errors = new ArrayList<>();
    schema = resolve(schema);
    if (schema.has("type")) {
      boolean ok = false;
      for (JsonNode t : schema.get("type").isArray() ? schema.get("type") : List.of(schema.get("type"))) {
        ok |= hasType(value, t.asText());
      }
      if (!ok) {
        errors.add(at + ": expected " + schema.get("type") + ", was " + value.getNodeType());
        return errors;
      }
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.equals(value);
      }
      if (!found) {
        errors.add(at + ": " + value + " not in " + schema.get("enum"));
      }
    }
    if (value.isTextual()) {
      if (schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) {
        errors.add(at + ": longer than " + schema.get("maxLength"));
      }
      if (schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) {
        errors.add(at + ": shorter than " + schema.get("minLength"));
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        errors.add(at + ": below " + schema.get("minimum"));
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        errors.add(at + ": above " + schema.get("maximum"));
      }
    }
    if (value.isObject()) {
      if (schema.has("required")) {
        for (JsonNode r : schema.get("required")) {
          if (!value.has(r.asText())) {
            errors.add(at + ": missing " + r.asText());
          }
        }
      }
      JsonNode props = schema.get("properties");
      JsonNode extra = schema.get("additionalProperties");
      value.fields().forEachRemaining(f -> {
        if (props != null && props.has(f.getKey())) {
          errors.addAll(validate(f.getValue(), props.get(f.getKey()), at + "." + f.getKey()));
        } else if (extra != null && extra.isBoolean() && !extra.asBoolean()) {
          errors.add(at + ": unexpected field " + f.getKey());
        } else if (extra != null && extra.isObject()) {
          errors.addAll(validate(f.getValue(), extra, at + "." + f.getKey()));
        }
      });
    }
    if (value.isArray()) {
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        errors.add(at + ": more than " + schema.get("maxItems") + " items");
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          errors.addAll(validate(value.get(i), schema.get("items"), at + "[" + i + "]"));
        }
      }
    }
    if (schema.has("allOf")) {
      for (JsonNode s : schema.get("allOf")) {
        errors.addAll(validate(value, s, at));
      }
    }
    if (schema.has("oneOf")) {
      int matching = 0;
      for (JsonNode s : schema.get("oneOf")) {
        matching += validate(value, s, at).isEmpty() ? 1 : 0;
      }
      if (matching != 1) {
        errors.add(at + ": matches " + matching + " of oneOf " + schema.get("oneOf"));
      }
    }
    return errors;
  }

  private static boolean hasType(JsonNode v, String type) {
    switch (type) {
      case "object": return v.isObject();
      case "array": return v.isArray();
      case "string": return v.isTextual();
      case "integer": return v.isIntegralNumber();
      case "number": return v.isNumber();
      case "boolean": return v.isBoolean();
      case "null": return v.isNull();
      default: throw new AssertionError("unknown type " + type);
    }
  }
}
