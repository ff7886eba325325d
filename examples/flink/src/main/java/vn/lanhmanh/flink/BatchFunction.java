package vn.lanhmanh.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.cli.JsonLines;

/**
 * The {@code batch} contract on a stream: each {@code {"id", "text"}} or {@code {"id", "url"}} line in, its
 * verdict line out, exactly the {@code batch} command's JSON. Stateless; one {@link ContentFilter} per task,
 * built in {@link #open}.
 */
final class BatchFunction extends RichMapFunction<String, String> {

  private static final long serialVersionUID = 1L;

  private final int age;
  private transient ContentFilter filter;
  private transient JsonLines lines;

  BatchFunction(int age) {
    this.age = age;
  }

  @Override
  public void open(OpenContext context) {
    filter = ContentFilter.builder().build();
    lines = new JsonLines(filter, age);
  }

  @Override
  public String map(String line) {
    return lines.batch(line);
  }

  @Override
  public void close() {
    if (filter != null) {
      filter.close();
    }
  }
}
