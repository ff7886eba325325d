package vn.lanhmanh.flink;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.ConversationState;
import vn.lanhmanh.cli.JsonLines;

/**
 * Checks the messages of the conversations of one key group: one {@link ContentFilter} per task, built in
 * {@link #open}; each conversation's window in Flink keyed state as its {@link ConversationState} (written by
 * {@link ConversationStateSerializer}: the state's own bytes, version byte and CRC-32), with a time-to-live
 * equal to the conversation window.
 * Emits one verdict line per message, exactly the {@code conversation} command's JSON, and the same line
 * to {@link ModerationJob#INCIDENTS} when the message is an incident.
 *
 * <p>Input: (conversation key, JSON line) as {@link ConversationKey} gives them.
 */
final class ConversationFunction extends KeyedProcessFunction<String, Tuple2<String, String>, String> {

  private static final long serialVersionUID = 1L;

  private final int age;
  private final Duration window;

  private transient ContentFilter filter;
  private transient JsonLines lines;
  private transient ValueState<ConversationState> state;

  /**
   * @param age the protected child's age
   * @param window how long a conversation's state is kept after its last message (Flink processing time)
   */
  ConversationFunction(int age, Duration window) {
    this.age = age;
    this.window = window;
  }

  @Override
  public void open(OpenContext context) {
    filter = ContentFilter.builder().build();
    filter.conversation("");   // compiles the stage phrases now rather than on the first message
    lines = new JsonLines(filter, age);
    ValueStateDescriptor<ConversationState> descriptor =
        new ValueStateDescriptor<>("conversation", ConversationStateSerializer.INSTANCE);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(window)
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        // heap backend: look at one more entry for expiry on each access (Flink's default is five, a few per
        // cent of the task's time); a full sweep still takes one access per open conversation
        .cleanupIncrementally(1, false)
        .build());
    state = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(Tuple2<String, String> in, Context ctx, Collector<String> out) throws Exception {
    ConversationState stored = state.value();
    ConversationState previous = stored == null ? ConversationState.empty() : stored;
    JsonLines.Answer answer = lines.conversation(in.f1, previous);
    if (answer.state() != previous) {
      state.update(answer.state());
    }
    out.collect(answer.line());
    if (answer.incident()) {
      ctx.output(ModerationJob.INCIDENTS, answer.line());
    }
  }

  @Override
  public void close() {
    if (filter != null) {
      filter.close();
    }
  }
}
