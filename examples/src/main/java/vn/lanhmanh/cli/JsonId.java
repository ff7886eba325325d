package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A request's {@code id}, kept as it was written so it is echoed exactly: a number keeps its own
 * digits ({@code 1.50}, {@code 12345678901234567890}, {@code -0}), a string its characters, and an
 * object or array its content. Immutable.
 */
abstract class JsonId {

  /** The id of a line that has none, or whose id could not be read. */
  static final JsonId NULL = scalar(JsonToken.VALUE_NULL, null);

  /** Writes the id as a JSON value. */
  abstract void write(JsonGenerator gen) throws IOException;

  /** A string, number, boolean or null, from the parser's token and text. */
  static JsonId scalar(JsonToken token, String text) {
    return new JsonId() {
      @Override
      void write(JsonGenerator gen) throws IOException {
        switch (token) {
          case VALUE_STRING:
            gen.writeString(text);
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            gen.writeNumber(text);   // the original digits, unquoted
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
    };
  }

  /** An object or array. */
  static JsonId tree(JsonNode node) {
    return new JsonId() {
      @Override
      void write(JsonGenerator gen) throws IOException {
        Json.MAPPER.writeTree(gen, node);
      }
    };
  }
}
