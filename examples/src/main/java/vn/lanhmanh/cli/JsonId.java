package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;

/**
 * A request's {@code id}, kept as it was written so it is echoed exactly: a number keeps its own
 * digits ({@code 1.50}, {@code 12345678901234567890}, {@code -0}), a string its characters, and an
 * object or array its content. Immutable.
 */
final class JsonId {

  /** The id of a line that has none, or whose id could not be read. */
  static final JsonId NULL = scalar(JsonToken.VALUE_NULL, null);

  /** The token the id was: a scalar's, or {@code START_OBJECT}/{@code START_ARRAY} for a tree. */
  final JsonToken token;
  /** A scalar's text as the parser read it (a number's own digits); {@code null} for a tree or null. */
  final String text;
  /** An object or array; {@code null} for a scalar. */
  final JsonNode tree;
  /** A tree's compact JSON, written once. */
  private final String treeJson;

  private JsonId(JsonToken token, String text, JsonNode tree) {
    this.token = token;
    this.text = text;
    this.tree = tree;
    try {
      this.treeJson = tree == null ? null : Json.MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);   // a tree read from JSON writes back
    }
  }

  /** A string, number, boolean or null, from the parser's token and text. */
  static JsonId scalar(JsonToken token, String text) {
    return new JsonId(token, text, null);
  }

  /** An object or array. */
  static JsonId tree(JsonNode node) {
    return new JsonId(node.isArray() ? JsonToken.START_ARRAY : JsonToken.START_OBJECT, null, node);
  }

  /** Appends the id as a JSON value. */
  void append(StringBuilder b) {
    if (tree != null) {
      b.append(treeJson);
      return;
    }
    switch (token) {
      case VALUE_STRING -> JsonText.string(b, text);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> b.append(text);   // the original digits, unquoted
      case VALUE_TRUE -> b.append("true");
      case VALUE_FALSE -> b.append("false");
      default -> b.append("null");
    }
  }
}
