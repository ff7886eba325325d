package vn.lanhmanh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.url.UrlRules;
import vn.lanhmanh.url.index.CompactUrlList;

/**
 * What the URL work costs at start-up: {@code ContentFilter.builder().build()} (which does not read the
 * default URL list), the embedded URL rules alone (with the impersonation brands), and reading the
 * default URL list from the jar, which the first {@code checkUrl} of a process pays once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UrlStartupBenchmark {

  @Benchmark
  public Object build() {
    ContentFilter f = ContentFilter.builder().build();
    f.close();
    return f;
  }

  @Benchmark
  public Object urlRules() {
    return UrlRules.loadDefaults();
  }

  @Benchmark
  public Object readDefaultList() throws IOException {
    try (InputStream in = CompactUrlList.class.getResourceAsStream(CompactUrlList.EMBEDDED)) {
      return CompactUrlList.read(in);
    }
  }
}
