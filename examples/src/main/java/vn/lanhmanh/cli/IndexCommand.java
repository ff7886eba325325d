package vn.lanhmanh.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lanhmanh index}: URL list indexes; holds {@code build} and {@code info}. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Writes and describes URL list indexes (used with --index DIR).",
    subcommands = {IndexBuildCommand.class, IndexBuildDefaultCommand.class, IndexInfoCommand.class})
final class IndexCommand implements Runnable {

  @ParentCommand
  private Main main;

  @Spec
  private CommandSpec spec;

  /** The tool, for the options given before {@code index}. */
  Main main() {
    return main;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: use index build or index info");
  }
}
