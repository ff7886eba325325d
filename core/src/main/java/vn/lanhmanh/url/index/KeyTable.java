package vn.lanhmanh.url.index;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import vn.lanhmanh.Category;
import vn.lanhmanh.url.UrlHitSink;

/**
 * The key table of a committed generation: an open-addressing hash table of 64-bit slots, read from a
 * memory-mapped file, that gives the entries of a key the Bloom filter let through without a Lucene
 * term seek (which cost about half of a listed URL's check).
 *
 * <p><b>Slots.</b> Each entry ({@code key}, category, source) is one slot: the upper 48 bits are the
 * key's {@link KeyFilter#hash} (the hash the Bloom filter already computed, so a key is hashed once
 * per lookup), the lower 16 bits the number of its (category, source) pair in the file's label table.
 * The table has a power-of-two number of slots, at most 70 % full; an entry sits in the first free slot
 * from the one its hash's top bits name (linear probing), so the entries of one key are found in the
 * order they were put (term order: by category, then source). Slot 0 means empty.
 *
 * <p><b>Exactness.</b> Only hashes are stored: an expression that passes the Bloom filter (every
 * listed key, and about 0.16 % of the others) and whose hash has the same upper 48 bits as a listed key's
 * is reported as that key's entries. It compares against the slots of its probe run (on a miss about 6
 * at 70 % load, 1.5 at 35 %), so a false hit is about one in 600 × 2^48 / 6 ≈ 3 × 10^16 unlisted
 * expressions.
 *
 * <p><b>File.</b> {@value #FILE}, written through Lucene's {@link IndexOutput}: a Lucene header
 * ({@value #CODEC}, version {@value #VERSION}), the slot count as a power of two, the labels (count,
 * then category and source strings), where the slots start, the slots as little-endian longs, and a
 * Lucene footer (CRC-32). The slots are mapped read-only in chunks of 1 GiB and read with absolute
 * gets, so the table costs no heap per entry and is safe to share between threads. A damaged slot (found
 * by {@code verify()}) can give a wrong answer but never an error or an endless probe.
 */
@vn.lanhmanh.internal.JvmOnly("URL list index: memory-mapped file")
final class KeyTable {

  static final String FILE = "keys.table";
  static final String CODEC = "LanhManhKeyTable";
  static final int VERSION = 1;
  /** Labels 0 to MAX_LABELS - 1 name (category, source) pairs. */
  static final int MAX_LABELS = 0xFFFF;
  private static final long LABEL_MASK = 0xFFFFL;
  private static final long FP_MASK = ~LABEL_MASK;
  private static final int CHUNK_SHIFT = 27; // slots per mapped chunk: 2^27 (1 GiB)
  private static final double MAX_LOAD = 0.7;

  private final MappedByteBuffer[] chunks;
  private final int shift;
  private final long mask;
  private final String[] categories;
  private final String[] sources;
  /** Per label: its category as an enum constant (null for an allow entry) and its rule up to the key. */
  private final Category[] categoryEnums;
  private final String[] rulePrefixes;

  private KeyTable(MappedByteBuffer[] chunks, int bits, String[] categories, String[] sources) {
    this.chunks = chunks;
    this.shift = 64 - bits;
    this.mask = (1L << bits) - 1;
    this.categories = categories;
    this.sources = sources;
    this.categoryEnums = new Category[categories.length];
    this.rulePrefixes = new String[categories.length];
    for (int i = 0; i < categories.length; i++) {
      categoryEnums[i] = ListEntry.ALLOW.equals(categories[i]) ? null : Category.fromJsonName(categories[i]);
      rulePrefixes[i] = UrlListIndex.RULE_PREFIX + sources[i] + ":";
    }
  }

  /** The stored form of hash {@code h}: its upper 48 bits, never all zero. */
  static long fingerprint(long h) {
    long fp = h & FP_MASK;
    return fp == 0 ? 1L << 16 : fp;
  }

  /** The number of bits of the slot index for {@code members} slots in use. */
  static int bitsFor(long members) {
    long need = Math.max(16, (long) Math.ceil(members / MAX_LOAD));
    return 64 - Long.numberOfLeadingZeros(need - 1);
  }

  /**
   * Writes a table of {@code slots} (each {@code fingerprint(hash) | label}, in the order to put them)
   * into {@code dir}.
   *
   * @return the file's length and its Lucene footer checksum, as {@code length:hex}
   */
  static String write(Directory dir, long[] slots, int count, List<String[]> labels) throws IOException {
    int bits = bitsFor(count);
    if (bits > 40) {
      throw new IllegalArgumentException("too many keys for one key table: " + count);
    }
    long size = 1L << bits;
    int s = 64 - bits;
    long m = size - 1;
    // Filled in a long[] per chunk, then written in order.
    int chunkCount = (int) ((size + (1L << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT);
    long[][] table = new long[chunkCount][];
    for (int c = 0; c < chunkCount; c++) {
      table[c] = new long[(int) Math.min(1L << CHUNK_SHIFT, size - ((long) c << CHUNK_SHIFT))];
    }
    for (int i = 0; i < count; i++) {
      long v = slots[i];
      long at = (v >>> s) & m;
      while (table[(int) (at >>> CHUNK_SHIFT)][(int) (at & ((1 << CHUNK_SHIFT) - 1))] != 0) {
        at = (at + 1) & m;
      }
      table[(int) (at >>> CHUNK_SHIFT)][(int) (at & ((1 << CHUNK_SHIFT) - 1))] = v;
    }
    try (IndexOutput out = dir.createOutput(FILE, IOContext.DEFAULT)) {
      CodecUtil.writeHeader(out, CODEC, VERSION);
      out.writeInt(bits);
      out.writeInt(labels.size());
      for (String[] l : labels) {
        out.writeString(l[0]);
        out.writeString(l[1]);
      }
      out.writeLong(out.getFilePointer() + Long.BYTES); // where the slots start
      for (long[] chunk : table) {
        for (long v : chunk) {
          out.writeLong(v);
        }
      }
      CodecUtil.writeFooter(out);
    }
    try (IndexInput in = dir.openInput(FILE, IOContext.READONCE)) {
      return in.length() + ":" + Long.toHexString(CodecUtil.checksumEntireFile(in));
    }
  }

  /**
   * Opens {@code genDir/keys.table}, checking its length and footer checksum against {@code expected}
   * ({@code length:hex}) and its header; maps the slots.
   *
   * @throws IllegalStateException naming the problem
   */
  static KeyTable open(Directory dir, Path genDir, String expected) throws IOException {
    String[] parts = expected.split(":", 2);
    long length;
    try {
      length = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("malformed key table entry " + expected + " (expected length:checksum)");
    }
    int bits;
    long slotsAt;
    String[] categories;
    String[] sources;
    try (IndexInput in = dir.openInput(FILE, IOContext.READONCE)) {
      if (in.length() != length) {
        throw new IllegalStateException("key table " + FILE + " has " + in.length() + " bytes, expected " + length
            + " (truncated or replaced)");
      }
      String checksum = Long.toHexString(CodecUtil.retrieveChecksum(in));
      if (parts.length != 2 || !checksum.equals(parts[1])) {
        throw new IllegalStateException("key table " + FILE + " has footer checksum " + checksum + ", expected "
            + (parts.length == 2 ? parts[1] : "?") + " (damaged)");
      }
      in.seek(0);
      CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
      bits = in.readInt();
      int n = in.readInt();
      if (bits < 4 || bits > 40 || n < 0 || n > MAX_LABELS) {
        throw new IllegalStateException("key table " + FILE + " has a bad header (" + bits + " bits, " + n + " labels)");
      }
      categories = new String[n];
      sources = new String[n];
      for (int i = 0; i < n; i++) {
        categories[i] = ListEntry.canonicalCategory(in.readString());
        sources[i] = in.readString();
      }
      slotsAt = in.readLong();
      if (slotsAt != in.getFilePointer() || slotsAt + (8L << bits) + CodecUtil.footerLength() != length) {
        throw new IllegalStateException("key table " + FILE + " has " + length + " bytes, not "
            + (1L << bits) + " slots (damaged)");
      }
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      throw new IllegalStateException("key table " + FILE + " is missing", e);
    } catch (org.apache.lucene.index.CorruptIndexException e) {
      throw new IllegalStateException("key table " + FILE + " is damaged: " + e.getMessage(), e);
    }
    long bytes = 8L << bits;
    long chunkBytes = 8L << CHUNK_SHIFT;
    int chunkCount = (int) ((bytes + chunkBytes - 1) / chunkBytes);
    MappedByteBuffer[] chunks = new MappedByteBuffer[chunkCount];
    try (FileChannel ch = FileChannel.open(genDir.resolve(FILE), StandardOpenOption.READ)) {
      for (int c = 0; c < chunkCount; c++) {
        long from = (long) c * chunkBytes;
        MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, slotsAt + from, Math.min(chunkBytes, bytes - from));
        b.order(ByteOrder.LITTLE_ENDIAN);
        chunks[c] = b;
      }
    }
    return new KeyTable(chunks, bits, categories, sources);
  }

  private long slot(long at) {
    return chunks[(int) (at >>> CHUNK_SHIFT)].getLong((int) (at & ((1 << CHUNK_SHIFT) - 1)) << 3);
  }

  /**
   * Adds an entry for every (category, source) the table holds under hash {@code h} to {@code out}
   * (created when null), keyed {@code s[from, to)} (made into a string only on a hit); returns
   * {@code out}.
   */
  List<ListEntry> entries(long h, CharSequence s, int from, int to, List<ListEntry> out) {
    Labels found = probe(h);
    if (found.count > 0) {
      int[] labels = found.labels;
      String key = s.subSequence(from, to).toString();
      if (out == null) {
        out = new ArrayList<>(4);
      }
      for (int i = 0; i < found.count; i++) {
        out.add(new ListEntry(key, categories[labels[i]], sources[labels[i]]));
      }
    }
    return out;
  }

  /**
   * What {@link #entries} gives, as the check uses it: an allow entry under hash {@code h} makes this
   * answer true; every other entry adds its hit ({@link UrlListIndex#addHit}) to {@code out}, with no
   * {@link ListEntry} between. {@code hostKey}: {@code s[from, to)} is a host, with no path.
   */
  boolean hits(long h, CharSequence s, int from, int to, boolean hostKey, UrlHitSink out) {
    // The probe run of probe(h), read in place: each label is handled where it is found, in slot order,
    // so the check needs no per-thread list of labels.
    boolean allow = false;
    String key = null;
    long fp = fingerprint(h);
    long at = (h >>> shift) & mask;
    for (long n = 0; n <= mask; n++, at = (at + 1) & mask) {
      long v = slot(at);
      if (v == 0) {
        break;
      }
      int label = (int) (v & LABEL_MASK);
      if ((v & FP_MASK) != fp || label >= categories.length) {
        continue;
      }
      if (categoryEnums[label] == null) {
        allow = true;
        continue;
      }
      if (key == null) {
        // A key that is the whole host (no www. or other label before it) is the host string itself.
        key = from == 0 && to == s.length() && s instanceof String ? (String) s : s.subSequence(from, to).toString();
      }
      UrlListIndex.addHit(out, categoryEnums[label], rulePrefixes[label], key, hostKey);
    }
    return allow;
  }

  /** The labels {@link #probe} found, per thread. */
  private static final class Labels {
    int[] labels = new int[8];
    int count;
  }

  private static final ThreadLocal<Labels> LABELS = ThreadLocal.withInitial(Labels::new);

  /** The labels of the slots under hash {@code h}, in slot order, in this thread's {@link Labels}. */
  private Labels probe(long h) {
    Labels out = LABELS.get();
    out.count = 0;
    long fp = fingerprint(h);
    long at = (h >>> shift) & mask;
    for (long n = 0; n <= mask; n++, at = (at + 1) & mask) {
      long v = slot(at);
      if (v == 0) {
        return out;
      }
      int label = (int) (v & LABEL_MASK);
      if ((v & FP_MASK) == fp && label < categories.length) {
        if (out.count == out.labels.length) {
          out.labels = java.util.Arrays.copyOf(out.labels, out.count * 2);
        }
        out.labels[out.count++] = label;
      }
    }
    return out;
  }

  /** Bytes of the mapped slots (off the heap). */
  long mappedBytes() {
    return (mask + 1) * 8;
  }
}
