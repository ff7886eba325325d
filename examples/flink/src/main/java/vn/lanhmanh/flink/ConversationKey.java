package vn.lanhmanh.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import vn.lanhmanh.cli.JsonLines;

/**
 * Pairs a {@code conversation} JSON line with its conversation key, to key the stream by. A line that
 * cannot be checked gets the key {@code ""}: its answer is an error line and it changes no state.
 */
final class ConversationKey implements MapFunction<String, Tuple2<String, String>> {

  private static final long serialVersionUID = 1L;

  @Override
  public Tuple2<String, String> map(String line) {
    String key = JsonLines.conversationKey(line);
    return Tuple2.of(key == null ? "" : key, line);
  }
}
