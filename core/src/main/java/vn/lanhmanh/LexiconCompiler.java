package vn.lanhmanh;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lanhmanh.conversation.StageMatcher;
import vn.lanhmanh.internal.Lazy;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.LexiconCodec;

/**
 * Where a filter's lexicon comes from: the precompiled default in the jar, a precompiled file, or
 * lexicon folders compiled now. Its {@link #main} writes the precompiled default at build time (Maven's
 * {@code process-classes} phase), so the resource is made from the very sources and classes it ships with.
 *
 * <p>Stateless; thread-safe.
 */
final class LexiconCompiler {

  private static final Logger log = LoggerFactory.getLogger(LexiconCompiler.class);

  static final String LEXICON = "lexicon";
  static final String STAGES_RESOURCE = "/vn/lanhmanh/conversation/stages.tsv";

  /**
   * Classes whose code decides what a compiled lexicon holds. Their bytes (and the stage file) make the
   * engine stamp, so a precompiled file from another build is refused rather than matched wrongly.
   */
  private static final List<String> ENGINE = List.of(
      "/vn/lanhmanh/text/CharTable.class", "/vn/lanhmanh/text/VietnameseNormalizer.class",
      "/vn/lanhmanh/text/Positions.class", "/vn/lanhmanh/text/Vocabulary.class",
      "/vn/lanhmanh/text/SymbolTable.class", "/vn/lanhmanh/match/CompiledLexicon.class",
      "/vn/lanhmanh/match/PhraseAutomaton.class", "/vn/lanhmanh/match/LexiconCodec.class",
      "/vn/lanhmanh/lexicon/LexiconEntry.class", "/vn/lanhmanh/lexicon/LexiconReader.class",
      "/vn/lanhmanh/conversation/StageMatcher.class", "/vn/lanhmanh/conversation/StageReader.class",
      "/vn/lanhmanh/conversation/Compositions.class",
      "/vn/lanhmanh/concept/ConceptLexicon.class", "/vn/lanhmanh/concept/Concept.class",
      STAGES_RESOURCE);

  /**
   * A lexicon ready for a filter.
   *
   * @param lexicon the compiled lexicon
   * @param entries its entries (for writing the precompiled form and for tools), read when first needed
   * @param stages the conversation stage matcher over {@code lexicon}, made when first needed
   * @param precompiled whether it was read from a precompiled form
   * @param compositions the compositions and registers that compose the concept hits of {@code lexicon}
   */
  record Loaded(CompiledLexicon lexicon, Supplier<List<LexiconEntry>> entries, Supplier<StageMatcher> stages,
      boolean precompiled, ConceptLexicon compositions) {}

  /**
   * The embedded default, shared by every filter built from it while one of them is alive: it is
   * immutable, and a process that builds several default filters (one per tenant, per test, per Flink
   * task) holds its tables once. Weakly held, so it is freed with the last filter using it.
   */
  private static WeakReference<Loaded> sharedDefault = new WeakReference<>(null);

  private LexiconCompiler() {}

  /** The embedded precompiled default, shared while in use; null when it must be compiled instead. */
  private static synchronized Loaded sharedDefault() {
    Loaded shared = sharedDefault.get();
    if (shared == null) {
      LexiconCodec.Bundle embedded = readEmbedded();
      if (embedded == null) {
        return null;
      }
      shared = fromBundle(embedded);
      sharedDefault = new WeakReference<>(shared);
    }
    return shared;
  }

  /**
   * The lexicon of a builder's settings: the precompiled default when only the default is asked for, the
   * precompiled file when one is given, else every source compiled now.
   *
   * @throws IllegalArgumentException for a malformed lexicon folder or an unusable precompiled file
   * @throws IllegalStateException if no lexicon is configured
   */
  static Loaded load(boolean defaults, List<Path> folders, Path precompiledFile, boolean allowPrecompiled) {
    if (defaults && folders.isEmpty() && precompiledFile == null && allowPrecompiled) {
      Loaded shared = sharedDefault();
      if (shared != null) {
        return shared;
      }
    }
    // The embedded concepts go with the embedded lexicon and with a precompiled file (compiled with them).
    boolean embeddedConcepts = defaults || precompiledFile != null;
    if (precompiledFile != null) {
      LexiconCodec.Bundle file = readFile(precompiledFile);
      if (folders.isEmpty()) {
        return fromBundle(file);
      }
      List<LexiconEntry> all = new ArrayList<>(file.entries());
      for (Path f : folders) {
        all.addAll(LexiconReader.readDirectory(f));
      }
      return compile(all, ConceptLexicon.readDefault());
    }
    List<LexiconEntry> all = new ArrayList<>();
    if (defaults) {
      all.addAll(LexiconReader.readDefault());
    }
    for (Path f : folders) {
      all.addAll(LexiconReader.readDirectory(f));
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("no lexicon: the default lexicon was left out and no folder was added");
    }
    return compile(all, embeddedConcepts ? ConceptLexicon.readDefault() : ConceptLexicon.EMPTY);
  }

  /** Compiles entries now; the stage matcher's tables are made on first use. */
  static Loaded compile(List<LexiconEntry> all, ConceptLexicon concepts) {
    List<LexiconEntry> entries = List.copyOf(all);
    CompiledLexicon lexicon = compileWithStages(entries, concepts, Map.of());
    return new Loaded(lexicon, () -> entries, new Lazy<>(() -> StageMatcher.over(lexicon)), false, concepts);
  }

  /**
   * Compiles a filter's lexicon: its entries, the concept phrases, and the conversation's stage phrases and
   * stage concepts as side hits, so a conversation message is normalised and matched once.
   *
   * @param prefixes rule-id prefixes of the entries (a policy's phrases)
   */
  static CompiledLexicon compileWithStages(List<LexiconEntry> entries, ConceptLexicon concepts,
      Map<LexiconEntry, String> prefixes) {
    StageMatcher.Sources stages = StageMatcher.sources();
    List<LexiconEntry> all = new ArrayList<>(entries.size() + stages.entries().size());
    all.addAll(entries);
    all.addAll(stages.entries());
    Map<LexiconEntry, String> prefix = new java.util.IdentityHashMap<>(stages.prefixes());
    prefix.putAll(prefixes);
    return CompiledLexicon.compile(all, concepts, prefix);
  }

  /**
   * A precompiled lexicon (compiled with the embedded concepts): its concept phrases are in its automata
   * already, so only the compositions and registers are read now, the phrases when something is compiled
   * with them (a custom policy's overlay).
   */
  private static Loaded fromBundle(LexiconCodec.Bundle b) {
    CompiledLexicon lexicon = b.lexicon(LEXICON);
    List<LexiconEntry> entries = b.entries();
    return new Loaded(lexicon, () -> entries, new Lazy<>(() -> StageMatcher.over(lexicon)), true,
        ConceptLexicon.readDefaultCompositions());
  }

  /**
   * The embedded precompiled default, or null (logged) when it is missing, unreadable, or made from other
   * lexicon sources than the ones in the jar: then the caller compiles the sources instead.
   */
  private static LexiconCodec.Bundle readEmbedded() {
    try (InputStream in = LexiconCompiler.class.getResourceAsStream(LexiconCodec.DEFAULT_RESOURCE)) {
      if (in == null) {
        log.info("no precompiled lexicon {} on the class path: compiling the embedded lexicon",
            LexiconCodec.DEFAULT_RESOURCE);
        return null;
      }
      LexiconCodec.Bundle b = LexiconCodec.read(in);
      long sources = defaultSourceChecksum();
      if (b.sourceChecksum() != sources) {
        log.warn("precompiled lexicon {} was made from other lexicon files than those on the class path "
            + "(checksum {} vs {}): compiling the embedded lexicon", LexiconCodec.DEFAULT_RESOURCE,
            Long.toHexString(b.sourceChecksum()), Long.toHexString(sources));
        return null;
      }
      if (!b.names().contains(LEXICON)) {
        log.warn("precompiled lexicon {} holds no compiled lexicon: compiling the embedded lexicon",
            LexiconCodec.DEFAULT_RESOURCE);
        return null;
      }
      return b;
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      log.warn("precompiled lexicon {} cannot be used ({}): compiling the embedded lexicon",
          LexiconCodec.DEFAULT_RESOURCE, e.getMessage());
      return null;
    }
  }

  private static LexiconCodec.Bundle readFile(Path file) {
    LexiconCodec.Bundle b;
    try (InputStream in = Files.newInputStream(file)) {
      b = LexiconCodec.read(in);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("precompiledLexicon: cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("precompiledLexicon: " + file + ": " + e.getMessage(), e);
    }
    String engine = engineStamp();
    if (!b.engine().equals(engine)) {
      throw new IllegalArgumentException("precompiledLexicon: " + file + " was compiled by another build of "
          + "LànhMạnh (engine " + b.engine() + ", this one is " + engine + "): compile it again with this "
          + "version (lanhmanh lexicon compile)");
    }
    if (!b.names().contains(LEXICON)) {
      throw new IllegalArgumentException("precompiledLexicon: " + file + " holds no compiled lexicon");
    }
    return b;
  }

  /**
   * Compiles entries (with the stage phrases and stage concepts) and writes the precompiled form.
   *
   * @param sourceChecksum CRC of the source files, 0 when they are not the embedded ones
   */
  static void write(List<LexiconEntry> entries, long sourceChecksum, String engine, OutputStream out,
      LexiconCodec.Compression compression) throws IOException {
    List<LexiconEntry> all = List.copyOf(entries);
    Map<String, CompiledLexicon> compiled = new LinkedHashMap<>();
    compiled.put(LEXICON, compileWithStages(all, ConceptLexicon.readDefault(), Map.of()));
    LexiconCodec.write(new LexiconCodec.Bundle(engine, sourceChecksum, all, compiled), out, compression);
  }

  /** The lexicon sources of the embedded default, in the order their checksum is taken. */
  static List<String> defaultSources() {
    List<String> names = new ArrayList<>();
    names.add(LexiconReader.DEFAULT_RESOURCE_DIR + "MANIFEST");
    for (String f : LexiconReader.defaultFiles()) {
      names.add(LexiconReader.DEFAULT_RESOURCE_DIR + f);
    }
    names.add(STAGES_RESOURCE);
    names.addAll(ConceptLexicon.defaultResources());
    return names;
  }

  static long defaultSourceChecksum() {
    return LexiconCodec.checksum(LexiconCompiler.class, defaultSources());
  }

  private static volatile String engine;

  /**
   * This build's engine stamp: the one recorded in the embedded precompiled default when there is one,
   * else computed from the engine's class files.
   */
  static String engineStamp() {
    String e = engine;
    if (e == null) {
      try (InputStream in = LexiconCompiler.class.getResourceAsStream(LexiconCodec.DEFAULT_RESOURCE)) {
        e = in == null ? computedEngineStamp() : LexiconCodec.readHeader(in).engine();
      } catch (IOException | IllegalArgumentException ex) {
        e = computedEngineStamp();
      }
      engine = e;
    }
    return e;
  }

  /** The stamp from the class files; {@code unknown} where they are not readable (Android). */
  static String computedEngineStamp() {
    long crc = LexiconCodec.checksum(LexiconCompiler.class, ENGINE);
    return crc == 0 ? "unknown" : LexiconCodec.FORMAT_VERSION + "-" + Long.toHexString(crc);
  }

  /**
   * Writes the precompiled default lexicon: {@code LexiconCompiler OUTPUT_FILE}. Run at build time, after
   * the classes and resources are in place.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: LexiconCompiler OUTPUT_FILE");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Path out = java.nio.file.Paths.get(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    String stamp = computedEngineStamp();
    if (stamp.equals("unknown")) {
      throw new IllegalStateException("engine class files not found on the class path");
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
      // Not deflated here: the jar deflates it, and inflating twice would only cost start-up time.
      write(LexiconReader.readDefault(), defaultSourceChecksum(), stamp, o, LexiconCodec.Compression.NONE);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.printf("precompiled lexicon %s: %,d bytes, engine %s, in %d ms%n", out, Files.size(out), stamp,
        (System.nanoTime() - t0) / 1_000_000);
  }
}
