package vn.lanhmanh.url.index;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
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
final class KeyScan {

  final Map<String, Long> categories = new TreeMap<>();
  final Map<String, Long> sources = new TreeMap<>();
  long entries;
  long keys;
  /** Members of the filter: keys, and one path marker per host that has keys with a path. */
  long members;
  KeyFilter filter;

  /** Two passes: one to count the filter's members, one to fill a filter sized for them. */
  static KeyScan run(DirectoryReader reader) throws IOException {
    KeyScan sizing = run(reader, null);
    return run(reader, KeyFilter.create(sizing.members));
  }

  /** Puts every live key of {@code reader} into {@code filter}. */
  static void putKeys(DirectoryReader reader, KeyFilter filter) throws IOException {
    run(reader, filter);
  }

  private static KeyScan run(DirectoryReader reader, KeyFilter filter) throws IOException {
    KeyScan scan = new KeyScan();
    scan.filter = filter;
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
        if (slash > 0 && !key.startsEquals(lastPathHost, slash)) {
          scan.members++;
          lastPathHost.set(key.bytes, key.offset, slash);
        }
        if (scan.filter != null) {
          scan.filter.put(key.isAscii() ? key : key.utf8());
        }
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
      }
      run++;
    }
    scan.count(lastSuffix, run);
    return scan;
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
