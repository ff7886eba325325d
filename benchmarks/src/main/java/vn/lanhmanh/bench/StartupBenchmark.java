package vn.lanhmanh.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.lexicon.RuleIndex;
import vn.lanhmanh.match.CompiledLexicon;

/**
 * What a filter costs to start, single shot in fresh JVMs: {@code build()} from the precompiled lexicon,
 * against compiling the same lexicon now (what {@code build()} did before, with and without the Lucene
 * index the entries used to pass through). The {@code *Cold} method is the first call of a fresh JVM
 * (class loading included); the others skip one call (which loads the classes) and time the next five.
 * Filters built from the embedded default share its decoded lexicon while one of them is alive:
 * {@code buildPrecompiled} times that (a further filter in a process that has one), and
 * {@code buildPrecompiledUnshared} collects the garbage before each call so that the lexicon is decoded
 * again (the cost of the first filter once the classes are loaded).
 * Each result is checked: the filter must block {@code đm} and the compiled lexicon hold its rules.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StartupBenchmark</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class StartupBenchmark {

  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public ContentFilter buildPrecompiledCold() {
    return checked(ContentFilter.builder().build());
  }

  @Benchmark
  public ContentFilter buildPrecompiled() {
    return checked(ContentFilter.builder().build());
  }

  /** Collects the garbage before each call, so no earlier filter's lexicon is left to share. */
  @State(Scope.Thread)
  public static class NothingShared {
    @Setup(Level.Invocation)
    public void collect() throws InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(20);
      }
    }
  }

  @Benchmark
  public ContentFilter buildPrecompiledUnshared(NothingShared nothing) {
    return checked(ContentFilter.builder().build());
  }

  @Benchmark
  public CompiledLexicon compileLexicon() {
    return checked(CompiledLexicon.compile(LexiconReader.readDefault(), Map.of()));
  }

  @Benchmark
  public CompiledLexicon compileLexiconThroughLucene() throws IOException {
    try (RuleIndex index = RuleIndex.build(LexiconReader.readDefault())) {
      List<LexiconEntry> entries = index.entries();
      return checked(CompiledLexicon.compile(entries, Map.of()));
    }
  }

  private static ContentFilter checked(ContentFilter f) {
    if (f.checkText("đm", Policy.forAge(10)).allowed()) {
      throw new IllegalStateException("the filter lets 'đm' through");
    }
    f.close();
    return f;
  }

  private static CompiledLexicon checked(CompiledLexicon c) {
    if (c.counts().get(LexiconEntry.Kind.RULE) < 1500) {
      throw new IllegalStateException("lexicon compiled without its rules: " + c.counts());
    }
    return c;
  }
}
