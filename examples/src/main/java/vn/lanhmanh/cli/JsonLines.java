package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.ConversationState;
import vn.lanhmanh.ConversationStep;
import vn.lanhmanh.Policy;

/**
 * The JSON-lines contracts of the {@code batch} and {@code conversation} commands one line at a time, for
 * stream processors that keep each conversation's state themselves (see {@link ConversationState}). The
 * lines are read and written by the same code as the commands, so a stream job's output is the commands'
 * output, byte for byte.
 *
 * <p>One difference: a {@code conversation} line without an {@code "id"} is named {@code line-N} in the
 * evidence where {@code N} counts the messages of its own conversation (the command counts the lines of
 * its whole input, which a stream does not have).
 *
 * <p>Not thread-safe (it keeps a policy cache, and writes every line into one reused buffer); make one
 * per thread or per stream task.
 */
public final class JsonLines {

  private final ContentFilter filter;
  private final Policy policy;
  private final BatchRunner batch;
  private final StringBuilder buffer = new StringBuilder(2048);
  private final JsonOutput json = new JsonOutput(buffer);
  private static final ConversationLineParser PARSER = new ConversationLineParser();   // stateless

  /**
   * @param filter the filter to check with
   * @param age the protected child's age ({@code --age}); {@code batch} lines may give their own
   * @throws IllegalArgumentException if the age is outside 0..150
   */
  public JsonLines(ContentFilter filter, int age) {
    this.filter = Objects.requireNonNull(filter, "filter");
    this.policy = Policy.forAge(age);
    this.batch = new BatchRunner(filter, age);
  }

  /** The answer to one {@code conversation} line. */
  public record Answer(String line, ConversationState state, boolean incident) {}

  /**
   * The conversation a {@code conversation} line belongs to ({@code "conversation"} as text), read only as
   * far as that field, for routing the line to where its conversation is kept. {@code null} when the line
   * has no readable conversation; a line with a key may still be refused ({@link #conversation} answers it
   * with an error line and leaves the state as it was).
   */
  public static String conversationKey(String line) {
    return ConversationLineParser.key(line);
  }

  /**
   * Answers one {@code conversation} line.
   *
   * @param previous the line's conversation's state before it ({@link ConversationState#empty()} for a new
   *     one)
   * @return the JSON line (without its {@code \n}), the conversation's state after it (unchanged for an
   *     error line) and whether the message is an incident (a C-tier finding, the conversation's risk
   *     crossing 0.7, or the child's own report of grooming or abuse)
   */
  public Answer conversation(String line, ConversationState previous) {
    buffer.setLength(0);
    ConversationStep[] step = new ConversationStep[1];
    try {
      ConversationCommand.answer(PARSER.parse(line, previous.messages() + 1), json, (key, m) -> {
        step[0] = filter.conversationStep(key, previous, m, policy);
        return step[0].verdict();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);   // the buffer does not fail
    }
    return new Answer(line(), step[0] == null ? previous : step[0].state(),
        step[0] != null && step[0].incident());
  }

  /** Answers one {@code batch} line (a text or a URL), as the {@code batch} command would, without its {@code \n}. */
  public String batch(String line) {
    buffer.setLength(0);
    try {
      batch.answer(line, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line();
  }

  /** The line written, without its {@code \n}. */
  private String line() {
    return buffer.substring(0, buffer.length() - 1);
  }
}
