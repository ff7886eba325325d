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

  @Test
  void theExactLetterAndTheAccentBitAreWhatTheEntrySays() {
    // exact() reads a table for the eagerly described letters and composes the others; ACCENT is set on a
    // letter with any mark or on đ: both must agree with the modifier, tone and mark bits of every entry.
    int letters = 0;
    for (int c = 0; c < 65536; c++) {
      int info = CharTable.info((char) c);
      if (CharTable.cls(info) != CharTable.LETTER) {
        assertThat(info & CharTable.ACCENT).as("U+%04X", c).isZero();
        continue;
      }
      letters++;
      char l = CharTable.ch(info);
      int mod = CharTable.mod(info);
      int tone = CharTable.tone(info);
      char want = (mod | tone) == 0 ? l : CharTable.compose(l, mod, tone);
      assertThat(CharTable.exact((char) c, info)).as("U+%04X", c).isEqualTo(want);
      boolean accent = mod != 0 || tone != 0 || CharTable.otherMark(info) || l == '\u0111';
      assertThat((info & CharTable.ACCENT) != 0).as("U+%04X", c).isEqualTo(accent);
    }
    assertThat(letters).isGreaterThan(1000);
    assertThat(CharTable.exact('\u1EBF', CharTable.info('\u1EBF'))).isEqualTo('\u1EBF');  // ế
    assertThat(CharTable.exact('E', CharTable.info('E'))).isEqualTo('e');
  }
}
