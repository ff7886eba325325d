package vn.lanhmanh.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.model.SpanCorpus;
import vn.lanhmanh.model.Trainer;

/**
 * {@code lanhmanh train}: trains the offensive-span tagger from ViHOS-format CSV files
 * ({@code ,content,index_spans}) and writes a model file that {@code ContentFilter.builder().model(file)}
 * (or {@code --model FILE}) loads. Deterministic for a seed: the same files and seed give the same bytes.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
        "Trains the offensive-span tagger from ViHOS-format CSV files (header, then id,content,index_spans "
            + "with code-point offsets) and writes the model.",
        "The --dev file chooses the stopping epoch and the thresholds only; it is never fitted. "
            + "The lexicon's findings are features: train with the lexicon the filter will use."})
final class TrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private Main main;

  @Option(names = "--train", required = true, paramLabel = "CSV", description = "Training comments (repeatable).")
  private List<Path> train = new ArrayList<>();

  @Option(names = "--dev", required = true, paramLabel = "CSV",
      description = "Development comments: early stopping and thresholds only.")
  private Path dev;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
  private Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the shuffles (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--bits", defaultValue = "20",
      description = "log2 of the hashed weight table's size (default ${DEFAULT-VALUE}).")
  private int bits;

  @Option(names = "--epochs", defaultValue = "25", description = "At most this many epochs (default ${DEFAULT-VALUE}).")
  private int epochs;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    List<Path> inputs = new ArrayList<>(train);
    inputs.add(dev);
    for (Path p : inputs) {
      if (!Files.isRegularFile(p)) {
        throw new ParameterException(spec.commandLine(), "not a file: " + p);
      }
    }
    Trainer.Options options;
    try {
      options = new Trainer.Options(seed, bits, epochs, Trainer.Options.defaults(seed).patience(),
          Trainer.Options.defaults(seed).holdout(), Trainer.Options.defaults(seed).learningRate());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long t0 = System.nanoTime();
    List<SpanCorpus.Comment> trainComments = new ArrayList<>();
    Map<String, String> props = new TreeMap<>();
    StringBuilder command = new StringBuilder("lanhmanh train");
    for (Path p : train) {
      trainComments.addAll(SpanCorpus.read(p));
      command.append(" --train ").append(p.getFileName());
      props.put("data.train." + p.getFileName(), sha256(p));
    }
    List<SpanCorpus.Comment> devComments = SpanCorpus.read(dev);
    command.append(" --dev ").append(dev.getFileName()).append(" --seed ").append(seed);
    if (bits != 20) {
      command.append(" --bits ").append(bits);
    }
    if (epochs != 25) {
      command.append(" --epochs ").append(epochs);
    }
    props.put("data.dev." + dev.getFileName(), sha256(dev));
    props.put("command", command.toString());
    List<LexiconEntry> entries = new ArrayList<>();
    List<Path> folders = main.lexiconFolders(spec);
    if (folders.isEmpty()) {
      entries.addAll(LexiconReader.readDefault());
    } else {
      folders.forEach(f -> entries.addAll(LexiconReader.readDirectory(f)));
    }
    List<Path> added = main.addedLexiconFolders(spec);
    added.forEach(f -> entries.addAll(LexiconReader.readDirectory(f)));
    props.put("lexicon", folders.isEmpty() && added.isEmpty() ? "embedded" : "custom");
    CompiledLexicon lexicon = CompiledLexicon.compile(entries, Map.of());
    Trainer.Result r = Trainer.train(trainComments, devComments, lexicon, options, props, line -> {
      err.println(line);
      err.flush();
    });
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    r.model().write(out);
    stdout.printf(java.util.Locale.ROOT, "wrote %s (%,d bytes) in %.1f s: dev span %s%n", out, Files.size(out),
        (System.nanoTime() - t0) / 1e9, r.pipeline());
    return 0;
  }

  private static String sha256(Path p) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
