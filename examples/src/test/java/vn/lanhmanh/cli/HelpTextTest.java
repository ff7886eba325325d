package vn.lanhmanh.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's {@code --help} prints cleanly: picocli formats descriptions with {@code String.format}, so
 * a lone {@code %} in an option's text makes it warn on the process's stderr and print the raw text.
 */
class HelpTextTest {

  static Stream<String> commands() {
    PrintWriter sink = new PrintWriter(new ByteArrayOutputStream());
    List<String> names =
        List.copyOf(Main.commandLine(new ByteArrayInputStream(new byte[0]), sink, sink).getSubcommands().keySet());
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpFormatsWithoutWarnings(String command) {
    ByteArrayOutputStream processErr = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    Cli.Result r;
    System.setErr(new PrintStream(processErr, true, UTF_8));
    try {
      r = Cli.run("", command, "--help");
    } finally {
      System.setErr(saved);
    }
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: lanhmanh " + command);
    assertThat(processErr.toString(UTF_8)).doesNotContain("WARN");
    assertThat(r.out()).doesNotContain("%n");
  }
}
