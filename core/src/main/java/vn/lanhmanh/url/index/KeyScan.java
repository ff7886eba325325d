package vn.lanhmanh.url.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * One pass over the live entry terms of a reader, in term order: counts per category and source, the
 * number of distinct keys, and a fresh {@link KeyFilter}. Used when a generation is committed (and when
 * a near-real-time filter has filled up), never when an index is opened.
 *
 * <p>Not thread-safe; one scan per instance.
 */
@vn.lanhmanh.internal.JvmOnly("URL list index: VarHandle, CRC32C, Java 9+ buffers and arrays")
final class KeyScan {

  final Map<String, Long> categories = new TreeMap<>();
  final Map<String, Long> sources = new TreeMap<>();
  long entries;
  long keys;
  /** Members of the filter: keys, and one path marker per host that has keys with a path. */
  long members;
  KeyFilter filter;
  /**
   * The {@link KeyTable} slots of a committed scan ({@code fingerprint | label}, in term order), or null
   * when the scan did not collect them or the entries use more (category, source) pairs than a table
   * can name.
   */
  long[] tableSlots;
  int tableSize;
  /** The (category, source) pair of each label of {@link #tableSlots}. */
  final java.util.List<String[]> labels = new java.util.ArrayList<>();

  /**
   * One pass over the terms that counts the filter's members and keeps their 64-bit hashes (8 bytes
   * each, while the scan runs), then a filter sized for that count is filled from the hashes.
   */
  static KeyScan run(DirectoryReader reader) throws IOException {
    HashList hashes = new HashList();
    KeyScan scan = new KeyScan();
    scan.tableSlots = new long[1024];
    run(scan, reader, hashes);
    scan.filter = KeyFilter.create(scan.members);
    hashes.putInto(scan.filter);
    return scan;
  }

  /** Puts every live key of {@code reader} into {@code filter}. */
  static void putKeys(DirectoryReader reader, KeyFilter filter) throws IOException {
    run(new KeyScan(), reader, filter::putHash);
  }

  /** The member hashes of one scan, in a growing array. */
  private static final class HashList implements LongConsumer {
    private long[] hashes = new long[1024];
    private int size;

    @Override
    public void accept(long h) {
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, Math.addExact(size, size >> 1));
      }
      hashes[size++] = h;
    }

    void putInto(KeyFilter filter) {
      for (int i = 0; i < size; i++) {
        filter.putHash(hashes[i]);
      }
    }
  }

  private static KeyScan run(KeyScan scan, DirectoryReader reader, LongConsumer memberHashes) throws IOException {
    Map<String, Integer> labelIds = new java.util.HashMap<>();
    int label = -1;
    long keyFingerprint = 0;
    Terms terms = MultiTerms.getTerms(reader, UrlListIndex.ENTRY);
    if (terms == null) {
      return scan;
    }
    Bits live = MultiBits.getLiveDocs(reader);
    TermsEnum te = terms.iterator();
    PostingsEnum postings = null;
    AsciiChars previousKey = new AsciiChars();
    AsciiChars key = new AsciiChars();
    AsciiChars lastPathHost = new AsciiChars();
    String lastSuffix = "";
    BytesRef lastSuffixBytes = new BytesRef();
    BytesRef suffix = new BytesRef();
    long run = 0;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      postings = te.postings(postings, PostingsEnum.NONE);
      boolean alive = false;
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          alive = true;
          break;
        }
      }
      if (!alive) {
        continue;
      }
      int tab = indexOf(term, UrlListIndex.SEP, 0);
      key.set(term.bytes, term.offset, tab - term.offset);
      if (!key.contentEquals(previousKey)) {
        scan.keys++;
        scan.members++;
        int slash = key.indexOf((byte) '/');
        CharSequence chars = key.isAscii() ? key : key.utf8();
        keyFingerprint = KeyTable.fingerprint(KeyFilter.hash(chars, 0, chars.length()));
        if (slash > 0 && !key.startsEquals(lastPathHost, slash)) {
          scan.members++;
          lastPathHost.set(key.bytes, key.offset, slash);
        }
        KeyFilter.memberHashes(chars, memberHashes);
        AsciiChars swap = previousKey;
        previousKey = key;
        key = swap;
      }
      scan.entries++;
      // Category and source repeat in long runs; only decode and count them when they change.
      suffix.bytes = term.bytes;
      suffix.offset = tab + 1;
      suffix.length = term.offset + term.length - tab - 1;
      if (!suffix.bytesEquals(lastSuffixBytes)) {
        scan.count(lastSuffix, run);
        lastSuffix = suffix.utf8ToString();
        lastSuffixBytes = BytesRef.deepCopyOf(suffix);
        run = 0;
        label = scan.label(labelIds, lastSuffix);
      }
      run++;
      scan.addSlot(keyFingerprint | label);
    }
    scan.count(lastSuffix, run);
    return scan;
  }

  /** The label of {@code suffix} ({@code category TAB source}); drops the table when there are too many. */
  private int label(Map<String, Integer> ids, String suffix) {
    if (tableSlots == null) {
      return 0;
    }
    Integer id = ids.get(suffix);
    if (id == null) {
      if (labels.size() == KeyTable.MAX_LABELS) {
        tableSlots = null;
        return 0;
      }
      id = labels.size();
      ids.put(suffix, id);
      int sep = suffix.indexOf((char) UrlListIndex.SEP);
      labels.add(new String[] {suffix.substring(0, sep), suffix.substring(sep + 1)});
    }
    return id;
  }

  private void addSlot(long slot) {
    if (tableSlots == null) {
      return;
    }
    if (tableSize == tableSlots.length) {
      tableSlots = Arrays.copyOf(tableSlots, Math.addExact(tableSize, tableSize >> 1));
    }
    tableSlots[tableSize++] = slot;
  }

  /** Adds {@code n} entries of {@code suffix} ({@code category TAB source}) to the counts. */
  private void count(String suffix, long n) {
    if (n == 0) {
      return;
    }
    int sep = suffix.indexOf((char) UrlListIndex.SEP);
    categories.merge(suffix.substring(0, sep), n, Long::sum);
    sources.merge(suffix.substring(sep + 1), n, Long::sum);
  }

  static int indexOf(BytesRef ref, byte b, int from) {
    for (int i = ref.offset + from; i < ref.offset + ref.length; i++) {
      if (ref.bytes[i] == b) {
        return i;
      }
    }
    return ref.offset + ref.length;
  }

  /** A reusable view of ASCII bytes as chars, for hashing keys without building strings. */
  @vn.lanhmanh.internal.JvmOnly("URL list index")
  static final class AsciiChars implements CharSequence {
    private byte[] bytes = new byte[0];
    private int offset;
    private int length;

    /** Copies the bytes: a terms enum reuses its buffer. */
    void set(byte[] b, int off, int len) {
      if (bytes.length < len) {
        bytes = new byte[Math.max(len, bytes.length * 2)];
      }
      System.arraycopy(b, off, bytes, 0, len);
      offset = 0;
      length = len;
    }

    int indexOf(byte b) {
      for (int i = 0; i < length; i++) {
        if (bytes[offset + i] == b) {
          return i;
        }
      }
      return -1;
    }

    /** Whether the first {@code n} bytes are exactly {@code o}. */
    boolean startsEquals(AsciiChars o, int n) {
      return n == o.length && java.util.Arrays.equals(bytes, offset, offset + n, o.bytes, o.offset, o.offset + n);
    }

    boolean isAscii() {
      for (int i = 0; i < length; i++) {
        if (bytes[offset + i] < 0) {
          return false;
        }
      }
      return true;
    }

    String utf8() {
      return new BytesRef(bytes, offset, length).utf8ToString();
    }

    boolean contentEquals(AsciiChars o) {
      return java.util.Arrays.equals(bytes, offset, offset + length, o.bytes, o.offset, o.offset + o.length);
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return (char) (bytes[offset + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return toString().substring(start, end);
    }

    @Override
    public String toString() {
      return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }
}
