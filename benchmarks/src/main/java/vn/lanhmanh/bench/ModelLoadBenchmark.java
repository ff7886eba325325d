package vn.lanhmanh.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import vn.lanhmanh.model.TaggerModel;

/**
 * Loading the embedded tagger model (what the first check of a filter pays): reading and inflating the
 * resource and building the weight tables. Single shots in fresh JVMs, so the first load is what is timed.
 * The heap the loaded model keeps is printed by {@code ModelMemoryReport}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class ModelLoadBenchmark {

  @Benchmark
  public Object loadEmbeddedModel() {
    return TaggerModel.embedded();
  }

  @Benchmark
  public Object loadEmbeddedClassifiers() {
    return vn.lanhmanh.model.ClassifierModel.embedded();
  }
}
