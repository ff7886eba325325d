package vn.lanhmanh.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The detector reuses per-thread scratch buffers and skips scanners that cannot fire. These tests hold
 * it to giving exactly what a fresh buffer gives, whatever an earlier text left in the buffers.
 */
class PiiBuffersTest {

  private static final String[] PIECES = {
    "0912", "345", "678", "+84", " ", " ", ".", "-", "/", "@", ":", ",", "\n", "sđt", "zalo", "stk", "vcb",
    "cmnd", "số", "ngõ", "phố", "Huế", "phường", "quận", "Lê Lợi", "trường", "THCS", "tiểu học", "lớp", "5A",
    "không", "chín", "một", "ba", "tiktok", "@be_na", "fb.com/", "maps.app.goo.gl/", "gmail.com", "21.0285",
    "105.8542", "\u0301", "\u200B", "\uD83D\uDE00", "０９", "é", "150.000đ", "x", "?", "so", "nha", "ig",
    "chung cư", "thị trấn", "em", "là", "của", "hôm nay", "đẹp", "quá", "vui", "abc", "www.", "https://"
  };

  private static String randomText(Random rnd, int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      sb.append(PIECES[rnd.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  /** Runs every scanner on text with the given buffers, as the detector does for a short text. */
  private static List<PiiMatch> scanWith(String text, Scan.Buffers buf) {
    List<PiiMatch> out = new ArrayList<>();
    Scan s = new Scan(text, 0, text.length(), buf);
    Links.find(s, out);
    Numbers.find(s, out);
    Places.find(s, out);
    return out;
  }

  @Test
  void dirtyBuffersGiveWhatFreshBuffersGive() {
    Random rnd = new Random(7);
    Scan.Buffers reused = Scan.Buffers.forLength(Scan.Buffers.KEEP);
    for (int i = 0; i < 3000; i++) {
      // a long text first leaves tokens, words and positions behind in the reused buffers
      scanWith(randomText(rnd, 400), reused);
      String text = randomText(rnd, rnd.nextInt(30));
      Scan.Buffers fresh = Scan.Buffers.forLength(Scan.Buffers.KEEP + 1); // over KEEP: never shared
      assertThat(scanWith(text, reused)).as(text).isEqualTo(scanWith(text, fresh));
    }
  }

  @Test
  void threadsSharingTheDetectorGetTheSameResults() throws Exception {
    Random rnd = new Random(11);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      texts.add(randomText(rnd, rnd.nextInt(i % 100 == 0 ? 3000 : 40)));
    }
    PiiDetector detector = PiiDetector.create();
    List<List<PiiMatch>> expected = new ArrayList<>();
    for (String t : texts) {
      expected.add(detector.detect(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        int offset = k * 37;
        runs.add(pool.submit(() -> {
          for (int i = 0; i < texts.size(); i++) {
            int j = (i + offset) % texts.size();
            if (!detector.detect(texts.get(j)).equals(expected.get(j))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
