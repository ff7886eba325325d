package vn.lanhmanh.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import vn.lanhmanh.cli.JsonLines;

/**
 * Pairs a {@code conversation} JSON line with its conversation key, to key the stream by. The key is read
 * only as far as the {@code "conversation"} field ({@link JsonLines#conversationKey}); the whole line is read
 * once, by {@link ConversationFunction}. A line without a readable conversation gets the key {@code ""}: its
 * answer is an error line and it changes no state (nor does a refused line that has a key).
 */
final class ConversationKey implements MapFunction<String, Tuple2<String, String>> {

  private static final long serialVersionUID = 1L;

  @Override
  public Tuple2<String, String> map(String line) {
    String key = JsonLines.conversationKey(line);
    return Tuple2.of(key == null ? "" : key, line);
  }
}
