package vn.lanhmanh.bench;

import vn.lanhmanh.model.TaggerModel;

/**
 * Heap kept by the loaded embedded tagger model: used heap after a full GC, before and after loading it
 * (run with {@code java -cp benchmarks.jar vn.lanhmanh.bench.ModelMemoryReport}).
 */
public final class ModelMemoryReport {

  private ModelMemoryReport() {}

  public static void main(String[] args) throws InterruptedException {
    long before = MemoryProbe.usedHeap();
    long t0 = System.nanoTime();
    TaggerModel model = TaggerModel.embedded();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long after = MemoryProbe.usedHeap();
    System.out.printf("model loaded in %d ms; heap kept %.1f MB (weight tables %.1f MB); %s%n", ms,
        (after - before) / 1e6, model.weightBytes() / 1e6, model.properties().get("command"));
    before = MemoryProbe.usedHeap();
    t0 = System.nanoTime();
    vn.lanhmanh.model.ClassifierModel classifiers = vn.lanhmanh.model.ClassifierModel.embedded();
    ms = (System.nanoTime() - t0) / 1_000_000;
    after = MemoryProbe.usedHeap();
    System.out.printf("classifiers loaded in %d ms; heap kept %.1f MB (weight table %.1f MB); %s%n", ms,
        (after - before) / 1e6, classifiers.weightBytes() / 1e6, classifiers.properties().get("command"));
    if (model.weightBytes() < 0 || classifiers.weightBytes() < 0) {
      throw new AssertionError();
    }
  }
}
