package vn.lanhmanh.url.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;

/**
 * The Bloom filter over entry keys that sits in front of the index: a key it has never seen is not
 * looked up in Lucene at all, and most URLs are on no list.
 *
 * <p><b>Two kinds of members.</b> Every key is put in as itself. A key with a path
 * ({@code example.com/adult/}) also puts a <i>path marker</i> for its host ({@code example.com}), hashed
 * with another seed. A lookup asks first about the host keys and the host's path marker, and only
 * builds and hashes the path expressions of a host whose marker is present: an unlisted URL costs one
 * or two hashes per host suffix instead of up to 30 path expressions.
 *
 * <p><b>Hash.</b> One 64-bit hash per member, computed over the key's UTF-16 chars four at a time
 * without allocating (the round and final avalanche of xxHash64, applied to 64-bit words of four chars;
 * not byte-compatible with xxHash64), so a reused {@link CharSequence} or a range of a {@link String}
 * is checked without building a string. The {@code k} probe positions come from double hashing
 * ({@code h1 + i * h2}, Kirsch and Mitzenmacher), {@code h2} being a second mix of the hash.
 *
 * <p><b>Size.</b> At a false-positive rate of 0.1% the filter holds 14.4 bits (1.8 bytes) per member
 * with 10 probes. Why a Bloom filter and not a sorted {@code long[]} of 64-bit key hashes: measured on
 * 5 million synthetic hosts ({@code UrlListIndexMeasure} in the tests), the sorted hash array takes
 * 8.39 bytes per key plus a sort at load. The array would answer "listed" almost without false
 * positives, but a hit goes to the index anyway for the category and source, so 0.1% extra seeks
 * cost less than 4.6 times the heap.
 *
 * <p><b>File.</b> {@code keys.bloom}: a 16-byte big-endian header (magic {@code LMBF}, format
 * {@value #FILE_FORMAT}, probes, 64-bit words) and the words in little-endian order, read at open with
 * one bulk copy into a {@code long[]}.
 *
 * <p>Thread-safe: bits are set with an atomic OR (the near-real-time filter is filled by the writer and
 * by a refreshing reader at once) and only ever go from 0 to 1, so a reader never loses a member that
 * was put before the reader's state was published.
 */
@vn.lanhmanh.internal.JvmOnly("URL list index: VarHandle, CRC32C, Java 9+ buffers and arrays")
final class KeyFilter {

  /** False-positive rate for every filter this project builds. */
  static final double FPP = 0.001;

  /** Version of the {@code keys.bloom} layout. */
  static final int FILE_FORMAT = 2;

  private static final int MAGIC = 0x4C4D4246; // "LMBF"
  private static final int HEADER = 16;
  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;
  /** Seed of a key as itself. */
  static final long KEY_SEED = 0;
  /** Seed of the "this host has path keys" marker. */
  static final long PATHS_SEED = 0x5DEECE66DL;

  private final long[] words;
  private final long bits;
  /** {@code 2^63 mod bits}: what a probe position loses when the 63-bit sum of {@link #test} wraps. */
  private final long wrap;
  private final int probes;
  private final long expectedKeys;

  private KeyFilter(long[] words, int probes, long expectedKeys) {
    this.words = words;
    this.bits = (long) words.length * Long.SIZE;
    this.wrap = Long.remainderUnsigned(Long.MIN_VALUE, bits);
    this.probes = probes;
    this.expectedKeys = expectedKeys;
  }

  /** An empty filter sized for {@code expectedKeys} members (keys and path markers). */
  static KeyFilter create(long expectedKeys) {
    long n = Math.max(1_000, expectedKeys);
    double ln2 = Math.log(2);
    long bitCount = (long) Math.ceil(-n * Math.log(FPP) / (ln2 * ln2));
    long wordCount = (bitCount + Long.SIZE - 1) / Long.SIZE;
    if (wordCount > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many keys for one filter: " + expectedKeys);
    }
    int probes = Math.max(1, (int) Math.round((double) wordCount * Long.SIZE / n * ln2));
    return new KeyFilter(new long[(int) wordCount], probes, n);
  }

  /** Whether {@code key} may have been put. */
  boolean mightContain(CharSequence key) {
    return test(hash(key, 0, key.length(), KEY_SEED));
  }

  /** Whether the key {@code s[from, to)} (a host or a host suffix) may have been put. */
  boolean mightContain(CharSequence s, int from, int to) {
    return test(hash(s, from, to, KEY_SEED));
  }

  /** Whether the key whose {@link #hash} (with {@link #KEY_SEED}) is {@code h} may have been put. */
  boolean mightContainHash(long h) {
    return test(h);
  }

  /** Whether a key with a path under the host {@code s[from, to)} may have been put. */
  boolean mightHavePaths(CharSequence s, int from, int to) {
    return test(hash(s, from, to, PATHS_SEED));
  }

  /** Puts {@code key} and, when it has a path, its host's path marker. */
  void put(CharSequence key) {
    memberHashes(key, this::putHash);
  }

  /**
   * Hands {@code sink} the hashes {@link #put} sets for {@code key}: the key's, and its host's path
   * marker's when the key has a path. With {@link #putHash} a filter can be filled later from hashes
   * collected before its size was known.
   */
  static void memberHashes(CharSequence key, LongConsumer sink) {
    sink.accept(hash(key, 0, key.length(), KEY_SEED));
    int slash = indexOf(key, '/');
    if (slash > 0) {
      sink.accept(hash(key, 0, slash, PATHS_SEED));
    }
  }

  /** Puts a member by a hash from {@link #memberHashes}. */
  void putHash(long h) {
    set(h);
  }

  /** How many members {@code put(key)} adds: 2 for a key with a path, else 1. */
  static int members(CharSequence key) {
    return indexOf(key, '/') > 0 ? 2 : 1;
  }

  private static int indexOf(CharSequence s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the probes of {@code h} are all set: the same positions as {@link #set}
   * ({@code ((h + i * h2) & Long.MAX_VALUE) % bits}), but with at most two divisions per test (the second
   * only when the first probe's bit is set) instead of one per probe. With {@code v} the 63-bit value and
   * {@code r = v % bits}, adding {@code d = h2 & Long.MAX_VALUE} adds {@code d % bits} to {@code r}, and
   * takes {@code 2^63 % bits} off it when {@code v + d} wraps past {@code 2^63}.
   */
  private boolean test(long h) {
    long v = h & Long.MAX_VALUE;
    long bit = v % bits;
    if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
      return false;   // about half of the misses end at the first probe, which needs no second hash
    }
    long d = (mix(h + P2) | 1) & Long.MAX_VALUE;
    long step = d % bits;
    for (int i = 1; i < probes; i++) {
      long sum = v + d;   // under 2^64: negative as a long exactly when it wrapped past 2^63
      v = sum & Long.MAX_VALUE;
      bit += step;
      if (bit >= bits) {
        bit -= bits;
      }
      if (sum < 0) {
        bit -= wrap;
        if (bit < 0) {
          bit += bits;
        }
      }
      if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  private void set(long h) {
    long h2 = mix(h + P2) | 1;
    long combined = h;
    for (int i = 0; i < probes; i++) {
      long bit = (combined & Long.MAX_VALUE) % bits;
      WORDS.getAndBitwiseOr(words, (int) (bit >>> 6), 1L << bit);
      combined += h2;
    }
  }

  /**
   * The 64-bit hash of {@code s[from, to)}: xxHash64's round over words of four UTF-16 chars, one
   * multiply per remaining char, and xxHash64's avalanche.
   */
  static long hash(CharSequence s, int from, int to, long seed) {
    long h = seed + P5 + (to - from);
    int i = from;
    for (; i + 4 <= to; i += 4) {
      long w = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
          | (long) s.charAt(i + 3) << 48;
      h ^= Long.rotateLeft(w * P2, 31) * P1;
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    for (; i < to; i++) {
      h ^= s.charAt(i) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    return mix(h);
  }

  /**
   * {@link #hash} of {@code s[from, to)} with {@link #KEY_SEED} and with {@link #PATHS_SEED}, written to
   * {@code keys[at]} and {@code markers[at]}: one pass over the chars with the two hash states side by side.
   */
  static void keyAndMarker(char[] s, int from, int to, long[] keys, long[] markers, int at) {
    long k = KEY_SEED + P5 + (to - from);
    long m = PATHS_SEED + P5 + (to - from);
    int i = from;
    for (; i + 4 <= to; i += 4) {
      long w = s[i] | (long) s[i + 1] << 16 | (long) s[i + 2] << 32
          | (long) s[i + 3] << 48;
      long r = Long.rotateLeft(w * P2, 31) * P1;
      k ^= r;
      k = Long.rotateLeft(k, 27) * P1 + P4;
      m ^= r;
      m = Long.rotateLeft(m, 27) * P1 + P4;
    }
    for (; i < to; i++) {
      long c = s[i] * P5;
      k ^= c;
      k = Long.rotateLeft(k, 11) * P1;
      m ^= c;
      m = Long.rotateLeft(m, 11) * P1;
    }
    keys[at] = mix(k);
    markers[at] = mix(m);
  }

  static long mix(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    return h ^ (h >>> 32);
  }

  long expectedKeys() {
    return expectedKeys;
  }

  /** Whether more distinct members went in than it was sized for, so its false-positive rate has grown. */
  boolean saturated() {
    long set = 0;
    for (int i = 0; i < words.length; i++) {
      set += Long.bitCount((long) WORDS.getVolatile(words, i));
    }
    // The usual estimate of the number of members from the fraction of bits set.
    double estimate = -((double) bits / probes) * Math.log1p(-(double) set / bits);
    return estimate > expectedKeys;
  }

  KeyFilter copy() {
    long[] w = new long[words.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = (long) WORDS.getVolatile(words, i);
    }
    return new KeyFilter(w, probes, expectedKeys);
  }

  /** The {@code keys.bloom} bytes; see the class description. */
  byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(HEADER + words.length * Long.BYTES);
    out.putInt(MAGIC).putInt(FILE_FORMAT).putInt(probes).putInt(words.length);
    out.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(words);
    return out.array();
  }

  /**
   * Reads what {@link #toBytes()} wrote, with one bulk copy of the words.
   *
   * @throws IllegalStateException when the bytes are not a filter of this format
   */
  static KeyFilter fromBytes(ByteBuffer bytes, long expectedKeys) {
    ByteBuffer in = bytes.duplicate().order(ByteOrder.BIG_ENDIAN);
    if (in.remaining() < HEADER || in.getInt() != MAGIC) {
      throw new IllegalStateException("key filter is not a Bloom filter of this library");
    }
    int format = in.getInt();
    if (format != FILE_FORMAT) {
      throw new IllegalStateException("key filter has format " + format + "; this library reads format "
          + FILE_FORMAT);
    }
    int probes = in.getInt();
    int count = in.getInt();
    if (probes < 1 || probes > 64 || count < 1 || (long) count * Long.BYTES != in.remaining()) {
      throw new IllegalStateException("key filter header does not match its size (" + probes + " probes, "
          + count + " words, " + in.remaining() + " bytes)");
    }
    long[] words = new long[count];
    in.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(words);
    return new KeyFilter(words, probes, expectedKeys);
  }

  static long crc32c(ByteBuffer bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes.duplicate());
    return crc.getValue();
  }

  /** Bytes of heap per expected member. */
  double bytesPerKey() {
    return (double) words.length * Long.BYTES / expectedKeys;
  }
}
