package vn.lanhmanh.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * Time to check one large text, 1 MB against 10 MB (in chars), so that linearity can be read off: the
 * 10 MB score should be about ten times the 1 MB one. The text repeats a unit with profanity, an innocent
 * look-alike and a phone number, so findings are many (about one per 23 chars). Run from the project root:
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar LargeInputBenchmark</pre>
 *
 * <p>Budget: 2 trials of about 25 s. For a quick look: {@code -wi 1 -i 2 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LargeInputBenchmark {

  /** Same unit as {@code LargeInputTest} in core. */
  static final String UNIT = "đm thằng ngu. Các bạn ơi đi học thôi, số của mình 0912 345 678 nhé! ";

  @Param({"1", "10"})
  public int megabytes;

  private ContentFilter filter;
  private Policy policy;
  private String text;

  @Setup
  public void setUp() {
    filter = ContentFilter.builder().build();
    policy = Policy.forAge(10);
    int chars = megabytes * 1024 * 1024;
    StringBuilder b = new StringBuilder(chars + UNIT.length());
    while (b.length() < chars) {
      b.append(UNIT);
    }
    b.setLength(chars);
    text = b.toString();
    Verdict v = filter.checkText(text, policy);
    if (v.findings().isEmpty() || !v.errors().isEmpty()) {
      throw new IllegalStateException("unexpected verdict for the large text: " + v.errors());
    }
    System.out.printf("%n%,d chars, %,d findings%n", text.length(), v.findings().size());
  }

  @TearDown
  public void tearDown() {
    filter.close();
  }

  @Benchmark
  public Verdict checkText() {
    return filter.checkText(text, policy);
  }
}
