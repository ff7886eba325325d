package vn.lanhmanh.bench;

import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;

/**
 * Heap of a built default filter (used heap after repeated {@code System.gc()}, before and after), then
 * after its first conversation message (which decodes the precompiled stage phrases). Run it alone:
 * {@code java -cp benchmarks/target/benchmarks.jar vn.lanhmanh.bench.FilterMemoryReport}.
 */
public final class FilterMemoryReport {

  private FilterMemoryReport() {}

  public static void main(String[] args) throws Exception {
    // load the classes first, so they are not counted
    ContentFilter.builder().build().close();
    long before = MemoryProbe.usedHeap();
    ContentFilter filter = ContentFilter.builder().build();
    long built = MemoryProbe.usedHeap();
    filter.conversation("c").check(Message.of("m", Message.Sender.OTHER, "em học lớp mấy rồi"), Policy.forAge(10));
    long withStages = MemoryProbe.usedHeap();
    System.out.printf("default filter: %.1f MB of heap once built; %.1f MB with the conversation stage phrases%n",
        (built - before) / 1e6, (withStages - before) / 1e6);
    filter.close();
  }
}
