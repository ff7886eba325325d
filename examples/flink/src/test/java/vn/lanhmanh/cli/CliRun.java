package vn.lanhmanh.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;

/** Runs the CLI's {@code conversation} command in-process on some lines, for comparing with the job. */
public final class CliRun {

  private CliRun() {}

  /** The output lines of {@code lanhmanh conversation --age N} on {@code lines}. */
  public static List<String> conversation(List<String> lines, int age) throws IOException {
    StringWriter out = new StringWriter();
    try (ContentFilter filter = ContentFilter.builder().build(); PrintWriter w = new PrintWriter(out)) {
      ConversationCommand.run(filter, Policy.forAge(age), new BufferedReader(new StringReader(String.join("\n", lines))), w);
    }
    return out.toString().lines().toList();
  }

  /** The output lines of {@code lanhmanh batch --age N} on {@code lines}. */
  public static List<String> batch(List<String> lines, int age) throws IOException {
    StringWriter out = new StringWriter();
    try (ContentFilter filter = ContentFilter.builder().build(); PrintWriter w = new PrintWriter(out)) {
      new BatchRunner(filter, age).run(new BufferedReader(new StringReader(String.join("\n", lines))), w);
    }
    return out.toString().lines().toList();
  }
}
