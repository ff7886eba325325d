package vn.lanhmanh.url.index;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32C;

/**
 * The Bloom filter over entry keys that sits in front of the index: a key it has never seen is not
 * looked up in Lucene at all, and most URLs are on no list.
 *
 * <p>Why a Bloom filter and not a sorted {@code long[]} of 64-bit key hashes: measured on 5 million
 * synthetic hosts ({@code UrlListIndexMeasure} in the tests), the filter at a false-positive rate of
 * 0.1% is 1.80 bytes per key (8.99 MB; the heap grew 2.1 bytes per entry on open, filter included),
 * the sorted hash array 8.39 bytes per key (42 MB) plus a sort at load. The array would answer
 * "listed" almost without false positives, but a hit goes to the index anyway for the category and
 * source, so 0.1% extra seeks cost less than 4.6 times the heap. Keys are hashed as
 * UTF-16 chars ({@link Funnels#unencodedCharsFunnel()}), so a reused {@link CharSequence} can be
 * checked without building a {@code String}.
 *
 * <p>Guava's filter is thread-safe, including {@code put} while others check; so is this class.
 */
final class KeyFilter {

  /** False-positive rate for every filter this project builds. */
  static final double FPP = 0.001;

  private final BloomFilter<CharSequence> bloom;
  private final long expectedKeys;

  private KeyFilter(BloomFilter<CharSequence> bloom, long expectedKeys) {
    this.bloom = bloom;
    this.expectedKeys = expectedKeys;
  }

  /** An empty filter sized for {@code expectedKeys}. */
  static KeyFilter create(long expectedKeys) {
    long n = Math.max(1_000, expectedKeys);
    return new KeyFilter(BloomFilter.create(Funnels.unencodedCharsFunnel(), n, FPP), n);
  }

  boolean mightContain(CharSequence key) {
    return bloom.mightContain(key);
  }

  void put(CharSequence key) {
    bloom.put(key);
  }

  long expectedKeys() {
    return expectedKeys;
  }

  /** Whether more distinct keys went in than it was sized for, so its false-positive rate has grown. */
  boolean saturated() {
    return bloom.approximateElementCount() > expectedKeys;
  }

  KeyFilter copy() {
    return new KeyFilter(bloom.copy(), expectedKeys);
  }

  /** Guava's serialised form. */
  byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      bloom.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads what {@link #toBytes()} wrote.
   *
   * @throws IllegalStateException when the bytes are not a filter
   */
  static KeyFilter fromBytes(byte[] bytes, long expectedKeys) {
    try {
      return new KeyFilter(BloomFilter.readFrom(new ByteArrayInputStream(bytes), Funnels.unencodedCharsFunnel()),
          expectedKeys);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("key filter is not a Bloom filter: " + e.getMessage(), e);
    }
  }

  static long crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }

  /** Bytes of heap per expected key. */
  double bytesPerKey() {
    return (double) toBytes().length / expectedKeys;
  }
}
