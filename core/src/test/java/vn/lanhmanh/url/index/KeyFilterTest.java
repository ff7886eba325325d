package vn.lanhmanh.url.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

  private static String key(int i) {
    return "k" + Integer.toString(i * 7919, 36) + "-" + i + ".site" + (i % 97) + ".vn";
  }

  @Test
  void noFalseNegativesAndFalsePositivesNearTheTarget() {
    int n = 200_000;
    KeyFilter f = KeyFilter.create(n);
    for (int i = 0; i < n; i++) {
      f.put(key(i));
    }
    for (int i = 0; i < n; i++) {
      assertThat(f.mightContain(key(i))).as(key(i)).isTrue();
    }
    int falsePositives = 0;
    int probes = 1_000_000;
    for (int i = n; i < n + probes; i++) {
      if (f.mightContain(key(i))) {
        falsePositives++;
      }
    }
    // 0.1% expected; allow for chance, not for a broken hash (which lands far above).
    assertThat((double) falsePositives / probes).isLessThan(KeyFilter.FPP * 1.5);
    assertThat(f.bytesPerKey()).isBetween(1.7, 1.9);
    assertThat(f.saturated()).isFalse();
  }

  /**
   * The probes of a test are the positions a put sets, {@code ((h + i * h2) & Long.MAX_VALUE) % bits}: the
   * test computes them with two divisions and a wrap correction, checked here against that formula on
   * filters of many sizes, full enough that most tests run through all probes.
   */
  @Test
  void testAsksTheSamePositionsAsPut() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261202);
    for (int round = 0; round < 60; round++) {
      KeyFilter f = KeyFilter.create(1_000 + r.nextInt(200_000));
      int members = (int) (f.expectedKeys() * (2 + 2 * r.nextDouble()));
      for (int i = 0; i < members; i++) {
        f.putHash(r.nextLong());
      }
      ByteBuffer bytes = ByteBuffer.wrap(f.toBytes());
      int probes = bytes.getInt(8);
      long[] words = new long[bytes.getInt(12)];
      bytes.position(16).slice().order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(words);
      int allSet = 0;
      for (int q = 0; q < 20_000; q++) {
        long h = q % 4 == 0 ? Long.MIN_VALUE + r.nextInt(1 << 20) : q % 4 == 1 ? Long.MAX_VALUE - r.nextInt(1 << 20)
            : r.nextLong();
        boolean expected = directTest(words, probes, h);
        allSet += expected ? 1 : 0;
        assertThat(f.mightContainHash(h)).as("round %d, hash %d", round, h).isEqualTo(expected);
      }
      assertThat(allSet).as("round %d tests that run through every probe", round).isGreaterThan(0);
    }
  }

  /** The probe positions as written, one division per probe. */
  private static boolean directTest(long[] words, int probes, long h) {
    long bits = (long) words.length * Long.SIZE;
    long h2 = KeyFilter.mix(h + 0xC2B2AE3D27D4EB4FL) | 1;
    long combined = h;
    for (int i = 0; i < probes; i++) {
      long bit = (combined & Long.MAX_VALUE) % bits;
      if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
      combined += h2;
    }
    return true;
  }

  @Test
  void keyAndMarkerInOnePassAreTheTwoHashes() {
    String[] hosts = {"", "a", "ab.c", "www.example.com", "k3f9a-12345.site5.vn", "xn--bng-gla1gwi.vn", "\u0111\u00e1.vn"};
    long[] keys = new long[1];
    long[] markers = new long[1];
    for (String h : hosts) {
      for (int from = 0; from <= h.length(); from++) {
        KeyFilter.keyAndMarker(h.toCharArray(), from, h.length(), keys, markers, 0);
        assertThat(keys[0]).as(h + " from " + from).isEqualTo(KeyFilter.hash(h, from, h.length(), KeyFilter.KEY_SEED));
        assertThat(markers[0]).as(h + " from " + from)
            .isEqualTo(KeyFilter.hash(h, from, h.length(), KeyFilter.PATHS_SEED));
      }
    }
  }

  @Test
  void hostRangesAndPathMarkers() {
    KeyFilter f = KeyFilter.create(1_000);
    f.put("example.com/adult/");
    f.put("plain.example");
    String url = "www.example.com";
    assertThat(f.mightHavePaths(url, 4, url.length())).isTrue();
    assertThat(f.mightContain(url, 4, url.length())).isFalse();
    assertThat(f.mightContain("example.com/adult/")).isTrue();
    String other = "m.plain.example";
    assertThat(f.mightContain(other, 2, other.length())).isTrue();
    assertThat(f.mightHavePaths(other, 2, other.length())).isFalse();
    assertThat(KeyFilter.members("example.com/adult/")).isEqualTo(2);
    assertThat(KeyFilter.members("plain.example")).isEqualTo(1);
  }

  @Test
  void hashDependsOnEveryCharAndTheRange() {
    String s = "abcdefghij.example";
    long h = KeyFilter.hash(s, 0, s.length(), 0);
    for (int i = 0; i < s.length(); i++) {
      String t = s.substring(0, i) + (char) (s.charAt(i) + 1) + s.substring(i + 1);
      assertThat(KeyFilter.hash(t, 0, t.length(), 0)).as(t).isNotEqualTo(h);
    }
    assertThat(KeyFilter.hash(s, 1, s.length(), 0)).isEqualTo(KeyFilter.hash(s.substring(1), 0, s.length() - 1, 0));
    assertThat(KeyFilter.hash(s, 0, s.length(), 1)).isNotEqualTo(h);
  }

  @Test
  void bytesRoundTripAndSaturation() {
    KeyFilter f = KeyFilter.create(1_000);
    for (int i = 0; i < 5_000; i++) {
      f.put(key(i));
    }
    assertThat(f.saturated()).isTrue();
    KeyFilter back = KeyFilter.fromBytes(ByteBuffer.wrap(f.toBytes()), 1_000);
    for (int i = 0; i < 5_000; i++) {
      assertThat(back.mightContain(key(i))).isTrue();
    }
    assertThat(back.toBytes()).isEqualTo(f.toBytes());
    assertThatThrownBy(() -> KeyFilter.fromBytes(ByteBuffer.wrap(new byte[40]), 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a Bloom filter");
    byte[] cut = java.util.Arrays.copyOf(f.toBytes(), 100);
    assertThatThrownBy(() -> KeyFilter.fromBytes(ByteBuffer.wrap(cut), 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not match its size");
  }
}
