package vn.lanhmanh.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.lexicon.RuleIndex;

/**
 * {@code lanhmanh lexicon search WORDS...}: lists the lexicon entries whose phrase holds every word, with
 * or without diacritics ({@code lon} finds {@code lồn}, {@code lớn} and {@code lon}), one per line.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Lists lexicon entries whose phrase contains all the words (diacritics optional).")
final class LexiconSearchCommand implements Callable<Integer> {

  @ParentCommand
  private LexiconCommand parent;

  @Spec
  private CommandSpec spec;

  @Option(names = "--max", paramLabel = "N", defaultValue = "50",
      description = "At most this many entries (default: ${DEFAULT-VALUE}).")
  private int max;

  @Parameters(arity = "1..*", paramLabel = "WORDS", description = "Words to look for.")
  private List<String> words;

  @Override
  public Integer call() throws Exception {
    List<Path> folders = parent.main().lexiconFolders(spec);
    List<LexiconEntry> all = new ArrayList<>();
    if (folders.isEmpty()) {
      all.addAll(LexiconReader.readDefault());
    }
    for (Path f : folders) {
      all.addAll(LexiconReader.readDirectory(f));
    }
    for (Path f : parent.main().addedLexiconFolders(spec)) {
      all.addAll(LexiconReader.readDirectory(f));
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RuleIndex index = RuleIndex.build(all)) {
      List<LexiconEntry> found = index.search(String.join(" ", words), Math.max(1, max));
      for (LexiconEntry e : found) {
        out.println(line(e));
      }
      if (found.isEmpty()) {
        out.println("no entry contains: " + String.join(" ", words));
      }
    }
    out.flush();
    return 0;
  }

  /** One entry: kind, phrase, what it does, where it comes from, its note. */
  static String line(LexiconEntry e) {
    StringBuilder b = new StringBuilder();
    b.append(e.kind().name().toLowerCase(java.util.Locale.ROOT)).append("  \"").append(e.phrase()).append('"');
    switch (e.kind()) {
      case RULE:
        b.append("  ").append(e.category().jsonName()).append("  ").append(e.rating())
            .append("  ").append(e.severity().jsonName()).append("  fold=").append(e.fold().jsonName());
        break;
      case CONTEXT:
        b.append("  lowers ");
        e.contextCategories().stream().map(c -> c.jsonName()).sorted()
            .forEach(c -> b.append(c).append(','));
        b.setLength(b.length() - 1);
        b.append(" to ").append(e.rating());
        break;
      case TEENCODE:
        b.append("  = \"").append(e.expansion()).append('"');
        break;
      default:
        b.append("  fold=").append(e.fold().jsonName());
    }
    b.append("  ").append(e.source());
    if (!e.note().isEmpty()) {
      b.append("  # ").append(e.note());
    }
    return b.toString();
  }
}
