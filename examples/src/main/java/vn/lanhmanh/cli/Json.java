package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of the tool, built once per process.
 *
 * <p>Reading is strict about duplicate fields and lets a string be as long as a {@value #MAX_STRING_CHARS}-char
 * line (Jackson's default would refuse texts over 20 M chars). Writing leaves non-ASCII letters as UTF-8
 * and never closes or flushes the caller's writer: the batch loop decides when to flush.
 *
 * <p>Thread-safe, as Jackson's mapper and factory are once configured.
 */
final class Json {

  /** The longest JSON string accepted in an input line, in UTF-16 units. */
  static final int MAX_STRING_CHARS = 256 * 1024 * 1024;

  /** The shared mapper; its factory makes every parser and generator. */
  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
      .build();

  /** The shared factory. */
  static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}
}
