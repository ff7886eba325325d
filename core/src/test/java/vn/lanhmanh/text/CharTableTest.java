package vn.lanhmanh.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link CharTable} describes most characters when they are first seen, without a lock: threads that meet
 * the same characters at once, in different orders, must get the same descriptions.
 */
class CharTableTest {

  @Test
  void threadsDescribingCharactersAtOnceAgree() throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        results.add(pool.submit(() -> {
          List<Integer> order = new ArrayList<>();
          for (int c = 0; c < 65536; c++) {
            order.add(c);
          }
          Collections.shuffle(order, new Random(seed));
          int[] seen = new int[65536];
          for (int c : order) {
            seen[c] = CharTable.info((char) c);
          }
          return seen;
        }));
      }
      int[] first = results.get(0).get();
      for (Future<int[]> f : results) {
        assertThat(f.get()).isEqualTo(first);
      }
      for (int c = 0; c < 65536; c++) {
        assertThat(first[c]).as("U+%04X described", c).isNotZero();
        assertThat(CharTable.info((char) c)).isEqualTo(first[c]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lettersOutsideTheEagerBlocksAreDescribedLikeTheOthers() {
    // full-width Latin (U+FF21 'Ａ') is described when first seen, as the letter it stands for
    int info = CharTable.info('\uFF21');
    assertThat(CharTable.cls(info)).isEqualTo(CharTable.LETTER);
    assertThat(CharTable.ch(info)).isEqualTo('a');
    assertThat(CharTable.cls(CharTable.info('\u4F60'))).isEqualTo(CharTable.LETTER);   // 你
    assertThat(CharTable.tone(CharTable.info('\u1EBF'))).isEqualTo(CharTable.TONE_ACUTE);  // ế
  }
}
