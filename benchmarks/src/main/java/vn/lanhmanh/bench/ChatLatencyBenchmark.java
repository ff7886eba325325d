package vn.lanhmanh.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * Latency distribution (JMH sample mode: p50, p90, p99, p99.9 …) of checking one chat message, LànhMạnh
 * against each peer, on the same messages as the {@code chat} size of {@link ClassifyTextBenchmark}.
 * The messages' length distribution is printed at setup, so a percentile can be read against the
 * message lengths.
 *
 * <p>Each trial first checks that its peer finds a known bad word in a known bad text.
 *
 * <p>Budget: 10 trials of about 11 s (4 × 1 s warm-up, 4 × 1 s measurement, JVM start and setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ChatLatencyBenchmark {

  @Param({"lanhmanh", "sensitiveword", "toolgood", "hankcs", "ahocorasick"})
  public String peer;

  @Param({"lanhmanh", "vn_badwords"})
  public String lexicon;

  private Peer subject;
  private String[] texts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    subject = Peer.create(peer, lexicon);
    subject.checkFindsKnownBad();
    texts = Corpus.texts("chat");
    int[] lengths = Arrays.stream(texts).mapToInt(String::length).sorted().toArray();
    System.out.printf("%n[setup] %s over %s phrases: %d chat messages, length p50 %d, p90 %d, p99 %d, "
            + "mean %.1f chars (source: %s)%n", peer, lexicon, texts.length, lengths[lengths.length / 2],
        lengths[lengths.length * 9 / 10], lengths[lengths.length * 99 / 100], Corpus.meanLength(texts),
        Corpus.chatSource());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    subject.close();
  }

  @Benchmark
  public Object checkChatMessage() {
    String t = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    return subject.find(t);
  }
}
