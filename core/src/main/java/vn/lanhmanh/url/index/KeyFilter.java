package vn.lanhmanh.url.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;
import vn.lanhmanh.url.LookupExpressions;

/**
 * The Bloom filter over entry keys that sits in front of the index: a key it has never seen is not
 * looked up in Lucene at all, and most URLs are on no list.
 *
 * <p><b>Two kinds of members.</b> Every key is put in as itself. A key with a path
 * ({@code example.com/adult/}) also puts a <i>path marker</i> for its host ({@code example.com}), a
 * second mix of the host's hash. A lookup asks first about the host keys and the host's path marker,
 * and only builds and hashes the path expressions of a host whose marker is present: an unlisted URL
 * costs one or two filter tests per host suffix instead of up to 30 path expressions. Since format 4 a
 * marker lies in the block of its host's key ({@link #blockMarker}: the key's upper 32 bits, which pick
 * the block, and the marker's lower 32, which pick the bits), so the two tests of a host read one block
 * (one or two cache lines) instead of two blocks far apart. Since format 5 the key of a {@code www.} host
 * lies in the block of the host after {@code www.} ({@link #wwwMember}), and so does its marker: a check
 * asks about {@code www.example.com} and then {@code example.com}, and the two read one block.
 *
 * <p><b>Hash.</b> A key's host part is hashed as {@link LookupExpressions#hostHash} (a multiply per
 * char read from the end, so the check gets the hash of every suffix of a host from the one pass that
 * hashes them for the embedded tables), mixed with xxHash64's avalanche: {@link #hostKey} for the host as
 * a key, {@link #pathMarker} for its marker. A path part continues from the host's hash with xxHash64's
 * round over words of four UTF-16 chars ({@link #hash}; not byte-compatible with xxHash64). Nothing
 * allocates, so a reused {@link CharSequence} or a range of a {@link String} is checked without building
 * a string.
 *
 * <p><b>Layout: blocked.</b> The bits are cut into blocks of 512 bits (eight {@code long}s, 64 bytes, the
 * size of a cache line); a member sets one bit in each of the eight words of one block, the block chosen
 * by the hash's upper 32 bits and the bit in word {@code i} by the top six bits of the lower 32 bits
 * times an odd constant (the split block filter of Putze, Sanders and Singler, as Parquet and Impala use
 * it, with 64-bit words). A test reads one block (one cache line, or two adjacent ones when the array is
 * not aligned to 64 bytes) instead of ten random lines, and stops at the first clear bit.
 *
 * <p><b>Size.</b> 14.4 bits (1.8 bytes) per member, rounded up to whole blocks, as the classic filter at
 * 0.1 % false positives that it replaced; blocked, the same size answers about 0.16 % of unknown keys
 * wrongly ({@code KeyFilterTest} measures it). Why a Bloom filter and not a sorted {@code long[]} of
 * 64-bit key hashes: measured on 5 million synthetic hosts ({@code UrlListIndexMeasure} in the tests),
 * the sorted hash array takes 8.39 bytes per key plus a sort at load. A hit goes to the key table anyway
 * for the category and source, so the filter's few extra probes cost less than 4.6 times the heap.
 *
 * <p><b>File.</b> {@code keys.bloom}: a 16-byte big-endian header (magic {@code LMBF}, format
 * {@value #FILE_FORMAT}, probes per member, 64-bit words) and the words in little-endian order, read at
 * open with one bulk copy into a {@code long[]}. Formats 3 (the same layout with a marker in a block of its
 * own, {@link #pathMarker}) and 4 (a {@code www.} host's key in a block of its own) are still read and
 * tested as they were written; format 2 (the classic layout with
 * an xxHash-style hash of the whole key) is refused with a message naming it.
 *
 * <p>Thread-safe: bits are set with an atomic OR (the near-real-time filter is filled by the writer and
 * by a refreshing reader at once) and only ever go from 0 to 1, so a reader never loses a member that
 * was put before the reader's state was published.
 */
@vn.lanhmanh.internal.JvmOnly("URL list index: VarHandle, CRC32C, Java 9+ buffers and arrays")
final class KeyFilter {

  /** The false-positive rate of the classic filter whose size per member this one keeps. */
  static final double FPP = 0.001;

  /**
   * Version of the {@code keys.bloom} layout this library writes: 5, blocked, keyed by {@link #hash}, a
   * path marker in its host key's block ({@link #blockMarker}), a {@code www.} host's key in the block of
   * the host after {@code www.} ({@link #wwwMember}).
   */
  static final int FILE_FORMAT = 5;
  /** The first layout that puts a {@code www.} host's key in its parent's block: 5. */
  static final int WWW_FORMAT = 5;
  /** The oldest layout read: 3, whose path markers are {@link #pathMarker} in blocks of their own. */
  static final int OLDEST_FORMAT = 3;
  private static final long UPPER = 0xFFFFFFFF00000000L;

  private static final int MAGIC = 0x4C4D4246; // "LMBF"
  private static final int HEADER = 16;
  private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

  /** Words per block: 8 {@code long}s, 512 bits, 64 bytes. */
  static final int BLOCK_WORDS = 8;
  /** Bits a member sets: one per word of its block. */
  static final int PROBES = BLOCK_WORDS;
  /** Odd multipliers that pick the bit of each word (Parquet's split block filter's salts). */
  private static final int S0 = 0x47b6137b;
  private static final int S1 = 0x44974d91;
  private static final int S2 = 0x8824ad5b;
  private static final int S3 = 0xa2b7289d;
  private static final int S4 = 0x705495c7;
  private static final int S5 = 0x2df1424b;
  private static final int S6 = 0x9efc4947;
  private static final int S7 = 0x5c6bfb31;
  private static final int[] SALTS = {S0, S1, S2, S3, S4, S5, S6, S7};

  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;
  /** Set into a host's hash before the mix that makes its path marker. */
  private static final long PATHS_SEED = 0x5DEECE66DL;

  private final long[] words;
  /** How many blocks: {@code words.length / BLOCK_WORDS}. */
  private final long blocks;
  private final long expectedKeys;
  /** The layout: {@link #FILE_FORMAT}, or an older one read from a file (or made to write one, in tests). */
  private final int format;
  /** Whether {@link #format} puts a {@code www.} host's key in its parent's block ({@link #WWW_FORMAT}). */
  private final boolean wwwBlocks;

  private KeyFilter(long[] words, long expectedKeys, int format) {
    this.words = words;
    this.blocks = words.length / BLOCK_WORDS;
    this.expectedKeys = expectedKeys;
    this.format = format;
    this.wwwBlocks = format >= WWW_FORMAT;
  }

  /** An empty filter sized for {@code expectedKeys} members (keys and path markers). */
  static KeyFilter create(long expectedKeys) {
    return create(expectedKeys, FILE_FORMAT);
  }

  /**
   * An empty filter of layout {@code format} ({@link #FILE_FORMAT}, or {@link #OLDEST_FORMAT} to write a
   * generation as an older version did, for tests of reading it).
   */
  static KeyFilter create(long expectedKeys, int format) {
    if (format < OLDEST_FORMAT || format > FILE_FORMAT) {
      throw new IllegalArgumentException("no key filter format " + format);
    }
    long n = Math.max(1_000, expectedKeys);
    double ln2 = Math.log(2);
    long bitCount = (long) Math.ceil(-n * Math.log(FPP) / (ln2 * ln2));
    long blockCount = (bitCount + BLOCK_WORDS * Long.SIZE - 1) / (BLOCK_WORDS * Long.SIZE);
    if (blockCount * BLOCK_WORDS > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many keys for one filter: " + expectedKeys);
    }
    return new KeyFilter(new long[(int) blockCount * BLOCK_WORDS], n, format);
  }

  /** Whether {@code key} may have been put. */
  boolean mightContain(CharSequence key) {
    return mightContain(key, 0, key.length());
  }

  /** Whether the key {@code s[from, to)} (a host or a host suffix, or one with a path) may have been put. */
  boolean mightContain(CharSequence s, int from, int to) {
    long h = hash(s, from, to);
    return test(indexOf(s, from, to, '/') < 0 ? hostMember(s, from, to, h, format) : h);
  }

  /**
   * Whether the key whose {@link #hash} is {@code h} may have been put, for a key with a path or a host
   * key as this filter holds it ({@link #hostMember}: for a {@code www.} host in format 5, its
   * {@link #wwwMember}).
   */
  boolean mightContainHash(long h) {
    return test(h);
  }

  /** Whether a key with a path under the host {@code s[from, to)} may have been put. */
  boolean mightHavePaths(CharSequence s, int from, int to) {
    long hostHash = LookupExpressions.hostHash(s, from, to);
    return mightHavePaths(hostMember(s, from, to, hostKey(hostHash), format), pathMarker(hostHash));
  }

  /**
   * Whether a key with a path under the host whose key, as this filter holds it ({@link #hostMember}), is
   * {@code member} and whose {@link #pathMarker} is {@code marker} may have been put: since format 4 the
   * marker is tested in the member's block ({@link #blockMarker}), in format 3 in a block of its own.
   */
  boolean mightHavePaths(long member, long marker) {
    return test(format == OLDEST_FORMAT ? marker : blockMarker(member, marker));
  }

  /** Whether this filter holds a {@code www.} host's key in its parent's block ({@link #hostMember}). */
  boolean wwwBlocks() {
    return wwwBlocks;
  }

  /**
   * Where the parent of a {@code www.} host starts: {@code from + 4} when {@code s[from, to)} starts with
   * {@code www.} and has a char after it, else -1.
   */
  static int wwwParent(CharSequence s, int from, int to) {
    return to - from > 4 && s.charAt(from) == 'w' && s.charAt(from + 1) == 'w' && s.charAt(from + 2) == 'w'
        && s.charAt(from + 3) == '.' ? from + 4 : -1;
  }

  /**
   * The member a filter of {@link #WWW_FORMAT} holds for the key of a {@code www.} host whose
   * {@link #hostKey} is {@code key} and whose parent's (the host after {@code www.}) is {@code parentKey}:
   * the parent's upper 32 bits (its block) and the key's lower 32 (its bits in the block). A check asks
   * about {@code www.example.com} and {@code example.com} in turn, so the two tests read one block (one
   * cache line, one page) instead of two far apart. The key table still holds the key's own hash.
   */
  static long wwwMember(long key, long parentKey) {
    return (parentKey & UPPER) | (key & ~UPPER);
  }

  /**
   * The member that a filter of layout {@code format} holds for the host key {@code s[from, to)} (no
   * path) whose {@link #hash} is {@code key}: {@link #wwwMember} for a {@code www.} host since
   * {@link #WWW_FORMAT}, else the key itself.
   */
  static long hostMember(CharSequence s, int from, int to, long key, int format) {
    int parent = format >= WWW_FORMAT ? wwwParent(s, from, to) : -1;
    return parent < 0 ? key : wwwMember(key, hostKey(LookupExpressions.hostHash(s, parent, to)));
  }

  /** The layout of this filter's file: {@link #FILE_FORMAT} or {@link #OLDEST_FORMAT}. */
  int format() {
    return format;
  }

  /** Puts {@code key} and, when it has a path, its host's path marker (as this filter's format places it). */
  void put(CharSequence key) {
    memberHashes(key, format, this::putHash);
  }

  /**
   * Hands {@code sink} the hashes {@link #put} sets for {@code key} in a filter of {@link #FILE_FORMAT}:
   * the key's, and its host's path marker's ({@link #blockMarker}) when the key has a path. With
   * {@link #putHash} a filter can be filled later from hashes collected before its size was known.
   */
  static void memberHashes(CharSequence key, LongConsumer sink) {
    memberHashes(key, FILE_FORMAT, sink);
  }

  /** {@link #memberHashes(CharSequence, LongConsumer)} for a filter of layout {@code format}. */
  static void memberHashes(CharSequence key, int format, LongConsumer sink) {
    long h = hash(key, 0, key.length());
    int slash = indexOf(key, 0, key.length(), '/');
    if (slash < 0) {
      sink.accept(hostMember(key, 0, key.length(), h, format));
    } else {
      sink.accept(h);
    }
    if (slash > 0) {
      long hostHash = LookupExpressions.hostHash(key, 0, slash);
      long marker = pathMarker(hostHash);
      sink.accept(format == OLDEST_FORMAT ? marker
          : blockMarker(hostMember(key, 0, slash, hostKey(hostHash), format), marker));
    }
  }

  /** Puts a member by a hash from {@link #memberHashes}. */
  void putHash(long h) {
    set(h);
  }

  /** How many members {@code put(key)} adds: 2 for a key with a path, else 1. */
  static int members(CharSequence key) {
    return indexOf(key, 0, key.length(), '/') > 0 ? 2 : 1;
  }

  private static int indexOf(CharSequence s, int from, int to, char c) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** The first word of the block of hash {@code h}: its upper 32 bits scaled to the block count. */
  int block(long h) {
    return (int) (((h >>> 32) * blocks) >>> 32) * BLOCK_WORDS;
  }

  /** The bit of word {@code i} of the block for the lower 32 bits {@code x} of a hash. */
  private static long bit(int x, int salt) {
    return 1L << ((x * salt) >>> 26);
  }

  /** Whether the eight bits of {@code h} are set; stops at the first clear one (most misses end early). */
  private boolean test(long h) {
    int b = block(h);
    int x = (int) h;
    long[] w = words;
    return (w[b] & bit(x, S0)) != 0 && (w[b + 1] & bit(x, S1)) != 0 && (w[b + 2] & bit(x, S2)) != 0
        && (w[b + 3] & bit(x, S3)) != 0 && (w[b + 4] & bit(x, S4)) != 0 && (w[b + 5] & bit(x, S5)) != 0
        && (w[b + 6] & bit(x, S6)) != 0 && (w[b + 7] & bit(x, S7)) != 0;
  }

  private void set(long h) {
    int b = block(h);
    int x = (int) h;
    for (int i = 0; i < BLOCK_WORDS; i++) {
      WORDS.getAndBitwiseOr(words, b + i, bit(x, SALTS[i]));
    }
  }

  /**
   * The 64-bit hash of the key {@code s[from, to)}: for a host, {@link #hostKey} of its
   * {@link LookupExpressions#hostHash}; for a host and path (from the first {@code /}), the path's chars
   * hashed on from the host's hash with xxHash64's round over words of four chars, one multiply per
   * remaining char, and xxHash64's avalanche.
   */
  static long hash(CharSequence s, int from, int to) {
    int slash = indexOf(s, from, to, '/');
    if (slash < 0) {
      return hostKey(LookupExpressions.hostHash(s, from, to));
    }
    long h = LookupExpressions.hostHash(s, from, slash) + P5 + (to - slash);
    int i = slash;
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

  /** The key hash of a host (no path) whose {@link LookupExpressions#hostHash} is {@code hostHash}. */
  static long hostKey(long hostHash) {
    return mix(hostHash);
  }

  /**
   * The path marker of a host whose {@link LookupExpressions#hostHash} is {@code hostHash}, as format 3
   * and the list in the jar ({@link CompactUrlList}) keep it.
   */
  static long pathMarker(long hostHash) {
    return mix(hostHash ^ PATHS_SEED);
  }

  /**
   * The path marker a format 4 filter holds for a host whose {@link #hostKey} is {@code key} and whose
   * {@link #pathMarker} is {@code marker}: the key's upper 32 bits (its block) and the marker's lower 32
   * (its bits in the block, independent of the key's).
   */
  static long blockMarker(long key, long marker) {
    return (key & UPPER) | (marker & ~UPPER);
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
    double bits = (double) words.length * Long.SIZE;
    double estimate = -(bits / PROBES) * Math.log1p(-(double) set / bits);
    return estimate > expectedKeys;
  }

  KeyFilter copy() {
    long[] w = new long[words.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = (long) WORDS.getVolatile(words, i);
    }
    return new KeyFilter(w, expectedKeys, format);
  }

  /** The {@code keys.bloom} bytes; see the class description. */
  byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(HEADER + words.length * Long.BYTES);
    out.putInt(MAGIC).putInt(format).putInt(PROBES).putInt(words.length);
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
    if (format < OLDEST_FORMAT || format > FILE_FORMAT) {
      throw new IllegalStateException("key filter has format " + format + "; this library reads formats "
          + OLDEST_FORMAT + " to " + FILE_FORMAT
          + (format < OLDEST_FORMAT ? " (blocked, with another key hash): build the index again" : ""));
    }
    int probes = in.getInt();
    int count = in.getInt();
    if (probes != PROBES || count < BLOCK_WORDS || count % BLOCK_WORDS != 0
        || (long) count * Long.BYTES != in.remaining()) {
      throw new IllegalStateException("key filter header does not match its size (" + probes + " probes, "
          + count + " words, " + in.remaining() + " bytes; expected " + PROBES + " probes and whole blocks of "
          + BLOCK_WORDS + " words)");
    }
    long[] words = new long[count];
    in.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(words);
    return new KeyFilter(words, expectedKeys, format);
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
