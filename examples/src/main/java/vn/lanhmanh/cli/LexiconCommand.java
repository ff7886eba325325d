package vn.lanhmanh.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lanhmanh lexicon}: tools for the lexicon; holds {@code search} and {@code compile}. */
@Command(
    name = "lexicon",
    mixinStandardHelpOptions = true,
    description = "Looks into the lexicon, and compiles it for fast starts.",
    subcommands = {LexiconSearchCommand.class, LexiconCompileCommand.class})
final class LexiconCommand implements Runnable {

  @ParentCommand
  private Main main;

  @Spec
  private CommandSpec spec;

  /** The tool, for the options given before {@code lexicon}. */
  Main main() {
    return main;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: use lexicon search WORDS or lexicon compile --out FILE");
  }
}
