package vn.lanhmanh.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import vn.lanhmanh.ContentFilter;

/**
 * The {@code lanhmanh} command-line tool: {@code check}, {@code batch}, {@code conversation},
 * {@code index build}, {@code index info}, {@code lexicon search} and {@code train}.
 *
 * <pre>{@code
 * echo '{"id":1,"text":"đm thằng ngu"}' | java -jar lanhmanh.jar batch --age 10
 * java -jar lanhmanh.jar check --age 10 đm thằng ngu
 * java -jar lanhmanh.jar index build --out lists --ut1 ut1 --hosts gambling-hosts --category gambling
 * java -jar lanhmanh.jar check --age 10 --index lists http://example.com/
 * java -jar lanhmanh.jar check --age 10 --add-lexicon school-lexicon "đồ gà mờ"
 * }</pre>
 *
 * <p>Exit codes: 0 done, 1 runtime error (one line on stderr; add {@code --debug} for the stack
 * trace), 2 usage error. Standard input and output are UTF-8 whatever the platform default.
 *
 * <p>Not thread-safe: one instance serves one command line. {@link #commandLine} wires an instance
 * to the given streams, which is how tests run the tool in-process.
 */
@Command(
    name = "lanhmanh",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Decides whether a text is fit for a viewer of a given age (Vietnamese child-safety filter).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:runtime error", "2:usage error"})
public final class Main implements Runnable {

  /**
   * The commands, in the order help lists them. Added by {@link #commandLine}, not named in the annotation:
   * picocli builds the model of every command it is given (reflection over all their options), which a
   * one-shot {@code check} should not pay for.
   */
  static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, BatchCommand.class,
      ConversationCommand.class, IndexCommand.class, LexiconCommand.class, ServeCommand.class,
      TrainCommand.class);

  /** Exit code of a runtime error. */
  static final int EXIT_RUNTIME = 1;
  /** Exit code of a usage error. */
  static final int EXIT_USAGE = 2;

  @Spec
  private CommandSpec spec;

  @Option(names = "--lexicon", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Use this lexicon folder instead of the embedded lexicon (repeatable).")
  private List<Path> lexicons = new ArrayList<>();

  @Option(names = "--add-lexicon", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Add this lexicon folder on top of the embedded lexicon (or of the --lexicon folders), "
          + "e.g. a school's own exceptions and insults (repeatable).")
  private List<Path> addedLexicons = new ArrayList<>();

  @Option(names = "--precompiled-lexicon", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Use this precompiled lexicon (written by 'lexicon compile') instead of the embedded "
          + "lexicon; --add-lexicon folders still apply on top.")
  private Path precompiledLexicon;

  @Option(names = "--index", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "Also look URLs up in this URL list index (written by 'index build').")
  private Path index;

  @Option(names = "--model", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Run this tagger model (written by 'train') for harassment and profanity scores.")
  private Path model;

  @Option(names = "--tagger", scope = ScopeType.INHERIT,
      description = "Run the embedded tagger for harassment and profanity scores (slower; see docs/MODEL.md).")
  private boolean tagger;

  @Option(names = "--classifiers", paramLabel = "FILE", arity = "0..1", fallbackValue = "", scope = ScopeType.INHERIT,
      description = "Run these per-category message classifiers (written by 'train') instead of the embedded ones, "
          + "which run by default; without FILE, the embedded ones.")
  private String classifiers;

  @Option(names = "--no-classifiers", scope = ScopeType.INHERIT,
      description = "Run no message classifiers: the lexicon, concept compositions and context alone (faster; "
          + "see docs/MODEL.md).")
  private boolean noClassifiers;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  private boolean debug;

  private final InputStream in;
  private final boolean errIsTerminal;

  private Main(InputStream in, boolean errIsTerminal) {
    this.in = in;
    this.errIsTerminal = errIsTerminal;
  }

  /** Runs the tool on the process's standard streams and exits with its exit code. */
  static final String NIO_CACHE_PROPERTY = "jdk.nio.maxCachedBufferSize";
  static final int NIO_CACHE_BYTES = 256 * 1024;

  public static void main(String[] args) {
    // The JDK keeps, per thread, a direct copy of the largest heap buffer written to a socket, for ever: a
    // service thread that wrote one 8 MB answer would hold 8 MB off the heap. Set before any NIO class loads.
    if (System.getProperty(NIO_CACHE_PROPERTY) == null) {
      System.setProperty(NIO_CACHE_PROPERTY, Integer.toString(NIO_CACHE_BYTES));
    }
    // the file descriptors, not System.out: a PrintStream would hide a closed pipe from the batch loop
    PrintWriter out = utf8Writer(new FileOutputStream(FileDescriptor.out), false);
    PrintWriter err = utf8Writer(new FileOutputStream(FileDescriptor.err), true);
    int code = commandLine(System.in, out, err, Terminal.stderrIsTerminal(), commandsFor(args)).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * A command line for the tool reading {@code in} and writing {@code out} and {@code err}.
   *
   * @param in the standard input of {@code batch} and {@code check -}
   * @param out where results go
   * @param err where errors go
   */
  public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    return commandLine(in, out, err, false);
  }

  /**
   * As {@link #commandLine(InputStream, PrintWriter, PrintWriter)}, saying whether {@code err} is a
   * terminal (which turns the progress display of {@code index build} on).
   */
  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, boolean errIsTerminal) {
    return commandLine(in, out, err, errIsTerminal, COMMANDS);
  }

  /** As {@link #commandLine(InputStream, PrintWriter, PrintWriter, boolean)}, with only these commands. */
  static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err, boolean errIsTerminal,
      List<Class<?>> commands) {
    Main main = new Main(Objects.requireNonNull(in, "in"), errIsTerminal);
    CommandLine cl = new CommandLine(main);
    for (Class<?> c : commands) {
      cl.addSubcommand(c);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(main::onRuntimeError);
    cl.setParameterExceptionHandler(Main::onUsageError);
    return cl;
  }

  /**
   * The commands a command line needs: only the one it names when its first argument is a command's name
   * ({@code check …}), else all of them (for help, a typo's suggestion, options before the command).
   */
  static List<Class<?>> commandsFor(String[] args) {
    if (args.length > 0) {
      for (Class<?> c : COMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) {
          return List.of(c);
        }
      }
    }
    return COMMANDS;
  }

  /** A buffered UTF-8 writer over a byte stream (not closing it). */
  static PrintWriter utf8Writer(OutputStream stream, boolean autoFlush) {
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16),
        autoFlush);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: use one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** Standard input of the tool. */
  InputStream in() {
    return in;
  }

  /** Whether standard error is a terminal. */
  boolean errIsTerminal() {
    return errIsTerminal;
  }

  /**
   * The URL list index folder given with {@code --index}, checked to be a folder holding at least one
   * {@code generation-N} folder; {@code null} when none was given.
   */
  Path indexFolder(CommandSpec caller) {
    if (index != null) {
      IndexFolders.requireIndex(caller, "--index", index);
    }
    return index;
  }

  /** The lexicon folders given with {@code --lexicon}, checked; empty for the embedded lexicon. */
  List<Path> lexiconFolders(CommandSpec caller) {
    if (!lexicons.isEmpty() && precompiledLexicon != null) {
      throw new ParameterException(caller.commandLine(), "give --lexicon or --precompiled-lexicon, not both");
    }
    return checkedFolders(caller, "--lexicon", lexicons);
  }

  /** The file given with {@code --precompiled-lexicon}, checked to exist; null when none was given. */
  Path precompiledLexicon(CommandSpec caller) {
    if (precompiledLexicon != null && !Files.isRegularFile(precompiledLexicon)) {
      throw new ParameterException(caller.commandLine(), "--precompiled-lexicon: not a file: " + precompiledLexicon);
    }
    return precompiledLexicon;
  }

  /**
   * The lexicon folders given with {@code --add-lexicon}, checked: they are read on top of the base
   * lexicon (the embedded one, or the {@code --lexicon} folders).
   */
  List<Path> addedLexiconFolders(CommandSpec caller) {
    return checkedFolders(caller, "--add-lexicon", addedLexicons);
  }

  private static List<Path> checkedFolders(CommandSpec caller, String option, List<Path> folders) {
    for (Path p : folders) {
      if (!Files.isDirectory(p)) {
        throw new ParameterException(caller.commandLine(), option + ": not a folder: " + p);
      }
    }
    return List.copyOf(folders);
  }

  /**
   * Builds the filter: the {@code --lexicon} folders if any were given, else the embedded lexicon, then
   * the {@code --add-lexicon} folders on top, and the {@code --index} URL list index if one was given.
   *
   * @param caller the subcommand, for usage errors
   * @throws IllegalStateException naming the problem when the URL list index is damaged
   */
  ContentFilter openFilter(CommandSpec caller) {
    return openFilter(caller, b -> { });
  }

  /** As {@link #openFilter(CommandSpec)}, with the command's own builder settings applied first. */
  ContentFilter openFilter(CommandSpec caller, java.util.function.Consumer<ContentFilter.Builder> settings) {
    List<Path> folders = lexiconFolders(caller);
    Path urlIndex = indexFolder(caller);
    ContentFilter.Builder b = lexiconBuilder(caller);
    settings.accept(b);
    if (urlIndex != null) {
      b.urlIndex(urlIndex);
    }
    if (model != null) {
      if (!Files.isRegularFile(model)) {
        throw new ParameterException(caller.commandLine(), "--model: not a file: " + model);
      }
      b.model(model);
    } else if (tagger) {
      b.withModel();
    }
    if (noClassifiers && classifiers != null) {
      throw new ParameterException(caller.commandLine(), "--classifiers and --no-classifiers contradict each other");
    }
    if (noClassifiers) {
      b.withoutClassifiers();
    } else if (classifiers != null && classifiers.isEmpty()) {
      b.withClassifiers();
    } else if (classifiers != null) {
      Path file = Path.of(classifiers);
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(caller.commandLine(), "--classifiers: not a file: " + file);
      }
      b.classifiers(file);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // the builder wraps every failure to open the index as "urlIndex: cannot open DIR: <cause>"
      if (urlIndex != null && e.getCause() != null && String.valueOf(e.getMessage()).startsWith("urlIndex:")) {
        throw new IllegalStateException(IndexFolders.unusable("--index " + urlIndex, urlIndex, e.getCause()), e);
      }
      throw e;
    } catch (IllegalStateException e) {
      if (folders.isEmpty()) {
        throw new IllegalStateException("cannot load the embedded lexicon (" + e.getMessage()
            + "); give a lexicon folder with --lexicon DIR", e);
      }
      throw e;
    }
  }

  /**
   * A builder with the lexicon options: {@code --precompiled-lexicon} or the {@code --lexicon} folders (else
   * the embedded lexicon), then the {@code --add-lexicon} folders on top.
   */
  ContentFilter.Builder lexiconBuilder(CommandSpec caller) {
    List<Path> folders = lexiconFolders(caller);
    Path precompiled = precompiledLexicon(caller);
    ContentFilter.Builder b = ContentFilter.builder();
    if (precompiled != null) {
      b.precompiledLexicon(precompiled);
    } else if (!folders.isEmpty()) {
      b.withoutDefaultLexicon();
      folders.forEach(b::addLexicon);
    }
    addedLexiconFolders(caller).forEach(b::addLexicon);
    return b;
  }

  private int onRuntimeError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("lanhmanh: " + describe(e));
    }
    err.flush();
    return EXIT_RUNTIME;
  }

  private static int onUsageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = e.getMessage();
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      String near = CommandSuggestions.nearest(word, cmd.getSubcommands().keySet());
      if (near != null) {
        message = "unknown command '" + word + "': did you mean '" + near + "'?";
      } else if (!cmd.getSubcommands().isEmpty() && !word.startsWith("-")) {
        message = "unknown command '" + word + "': use one of " + String.join(", ", cmd.getSubcommands().keySet());
      }
    }
    err.println("lanhmanh: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return EXIT_USAGE;
  }

  /** One line about an error: its message, and the cause's for I/O wrappers. */
  static String describe(Throwable e) {
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String msg = t.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    }
    if (t != e && e.getMessage() != null) {
      msg = e.getMessage() + ": " + msg;
    }
    return firstLine(msg);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
