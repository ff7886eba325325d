package vn.lanhmanh.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of checking Vietnamese text, LànhMạnh's full pipeline against each peer, every peer fed
 * the same phrase list and the same texts: short chat messages (the ViHOS train comments when
 * {@code ../shared/data/vihos} is present, generated ones otherwise), 2 KB paragraphs and 200 KB pages
 * made of consecutive messages. Run from the project root:
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ClassifyTextBenchmark</pre>
 *
 * <p>One operation checks one text, so the primary score is texts per second. The secondary score
 * {@code checkText:chars} (a JMH auxiliary counter, also in ops/s) is the number of UTF-16 chars checked
 * per second: read that one to compare sizes, and quote peers as ratios of it. The mean text length is
 * also printed at setup.
 *
 * <p>Each trial first checks that its peer finds a known bad word in a known bad text.
 *
 * <p>Budget: 30 trials of about 19 s (4 × 2 s warm-up, 4 × 2 s measurement, JVM start and setup); with
 * {@link ChatLatencyBenchmark} the text suite runs in about 12 minutes on two cores. Fewer warm-up
 * iterations leave the first measured ones still being compiled (seen on two cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClassifyTextBenchmark {

  @Param({"lanhmanh", "sensitiveword", "toolgood", "hankcs", "ahocorasick"})
  public String peer;

  @Param({"chat", "paragraph", "page"})
  public String size;

  /** Which phrases every peer is fed: our lexicon's rule phrases, or the shared vn_badwords list. */
  @Param({"lanhmanh", "vn_badwords"})
  public String lexicon;

  private Peer subject;
  private String[] texts;
  private int next;

  /** Counts the chars checked; JMH reports it per second next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Chars {
    public long chars;

    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    subject = Peer.create(peer, lexicon);
    subject.checkFindsKnownBad();
    texts = Corpus.texts(size);
    System.out.printf("%n[setup] %s over %s phrases, %s: %d texts, mean %.1f chars (source: %s)%n", peer,
        lexicon, size, texts.length, Corpus.meanLength(texts), Corpus.chatSource());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    subject.close();
  }

  @Benchmark
  public Object checkText(Chars counter) {
    String t = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    counter.chars += t.length();
    return subject.find(t);
  }
}
