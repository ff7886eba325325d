package vn.lanhmanh.bench;

import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.model.ClassifierModel;

/**
 * What the message classifiers cost a fresh JVM: run once per mode, each in its own JVM
 * ({@code java -cp benchmarks.jar vn.lanhmanh.bench.ClassifierLoadReport MODE}).
 *
 * <ul>
 *   <li>{@code model}: the time to read the embedded classifiers ({@link ClassifierModel#embedded}, the first
 *       thing the JVM does) and the heap they keep (used heap after full collections, before and after).
 *   <li>{@code lexicon} or {@code classifiers}: the time from building a filter (default, or
 *       {@code withClassifiers()}) to the end of its first check, and the used heap after it; the difference
 *       between the two JVMs is what the classifiers add, their per-syllable features included.
 * </ul>
 */
public final class ClassifierLoadReport {

  private ClassifierLoadReport() {}

  public static void main(String[] args) throws InterruptedException {
    String mode = args.length == 1 ? args[0] : "";
    switch (mode) {
      case "model" -> {
        long before = MemoryProbe.usedHeap();
        long t0 = System.nanoTime();
        ClassifierModel m = ClassifierModel.embedded();
        double ms = (System.nanoTime() - t0) / 1e6;
        long after = MemoryProbe.usedHeap();
        System.out.printf("model: loaded in %.1f ms; heap kept %,d bytes (weight table %,d bytes); %d categories%n",
            ms, after - before, m.weightBytes(), m.categories().size());
      }
      case "lexicon", "classifiers" -> {
        long t0 = System.nanoTime();
        ContentFilter.Builder b = ContentFilter.builder();
        if (mode.equals("classifiers")) {
          b.withClassifiers();
        } else {
          b.withoutClassifiers();
        }
        ContentFilter f = b.build();
        Verdict v = f.checkText("các bạn ơi hôm nay lớp mình đi học thêm", Policy.forAge(10));
        double ms = (System.nanoTime() - t0) / 1e6;
        long used = MemoryProbe.usedHeap();
        System.out.printf("%s: build and first check %.1f ms; used heap after it %,d bytes (%s)%n", mode, ms, used,
            v.action());
        java.lang.ref.Reference.reachabilityFence(f);   // the filter is part of the heap read above
      }
      default -> {
        System.err.println("usage: ClassifierLoadReport model|lexicon|classifiers");
        System.exit(2);
      }
    }
  }
}
