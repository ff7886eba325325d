package vn.lanhmanh.url.index;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import vn.lanhmanh.Category;
import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.LookupExpressions;
import vn.lanhmanh.url.UrlHit;
import vn.lanhmanh.url.UrlHitSink;
import vn.lanhmanh.url.UrlView;

/**
 * A URL block list small enough to ship inside the jar and read from it without unpacking: the 64-bit
 * hash ({@link KeyFilter#hash}) of every key (a host, or a host and path as Safe Browsing lookup
 * expressions are written), sorted, with one byte per key naming its source (and so its category), and
 * the sorted hashes of the hosts that have path keys (their "path markers"). A lookup hashes each host
 * suffix of the URL (at most 5) without allocating and binary-searches the keys; only a host whose path
 * marker is present has its host/path expressions built and looked up.
 *
 * <p>Only hashes are stored, so two different keys with the same 64-bit hash cannot be told apart: an
 * unlisted URL is reported when one of its (at most 5, or 30 for a host with a path marker) expressions
 * collides with one of the {@code n} keys, a probability of about {@code 5 n / 2^64} per URL (3 × 10^-13
 * for 1 million keys).
 *
 * <p>File format (big-endian): magic {@code LMDL}, version {@value #VERSION}, the source count and for each its name and
 * category (modified UTF-8), the key count, the marker count, the sorted key hashes, one source byte per
 * key, the sorted marker hashes, and a CRC-32C of everything before it. Loading reads the stream once into
 * a {@code long[]} and a {@code byte[]} (9 bytes per key on the heap, plus a table of where each bucket of
 * the top hash bits starts, 256 KB for 65,536 buckets, a 512 KB one-bit-per-hash sieve of the keys and a
 * 32 KB one of the path markers).
 *
 * <p>Immutable after loading; thread-safe; a lookup takes no lock.
 */
@vn.lanhmanh.internal.JvmOnly("URL lists: CRC32C, InputStream.readAllBytes, Math.floorMod(long, int)")
public final class CompactUrlList {

  private static final int MAGIC = 0x4C4D444C; // "LMDL"
  /** 2: keys hashed by {@link KeyFilter#hash} from the host's end (version 1 hashed a key's chars from its start). */
  private static final int VERSION = 2;

  /** Where the default list lives in the jar. */
  public static final String EMBEDDED = "/vn/lanhmanh/url/default-lists.bin";

  private static final com.google.common.base.Supplier<CompactUrlList> EMBEDDED_LIST =
      com.google.common.base.Suppliers.memoize(CompactUrlList::readEmbedded);

  private final String[] sources;
  private final Category[] categories;
  private final long[] keys;
  private final byte[] sourceOf;
  private final long[] markers;
  private final Buckets keyBuckets;
  private final Buckets markerBuckets;
  /**
   * One bit per key hash ({@link #SIEVE_BITS} low bits of the hash): a clear bit answers "not listed"
   * from a 512 KB array, so an unlisted host costs no search in the multi-megabyte key array (with
   * 300,000 hashes about 7 % of the bits are set).
   */
  private final long[] sieve;
  /**
   * One bit per path marker ({@link #MARKER_SIEVE_BITS} low bits), apart from the keys' sieve: every host
   * suffix of a URL with a path is asked about its marker, and the few thousand markers fit a 32 KB array
   * that stays in the cache, where a bit in the keys' sieve was a second random line of 512 KB per suffix
   * (with 6,810 markers about 2.6 % of the bits are set).
   */
  private final long[] markerSieve;

  private static final int SIEVE_BITS = 22;
  private static final int MARKER_SIEVE_BITS = 18;

  private CompactUrlList(String[] sources, Category[] categories, long[] keys, byte[] sourceOf, long[] markers) {
    this.sources = sources;
    this.categories = categories;
    this.keys = keys;
    this.sourceOf = sourceOf;
    this.markers = markers;
    this.keyBuckets = new Buckets(keys);
    this.markerBuckets = new Buckets(markers);
    this.sieve = new long[1 << (SIEVE_BITS - 6)];
    for (long h : keys) {
      sieve[sieveIndex(h, SIEVE_BITS)] |= 1L << h;
    }
    this.markerSieve = new long[1 << (MARKER_SIEVE_BITS - 6)];
    for (long h : markers) {
      markerSieve[sieveIndex(h, MARKER_SIEVE_BITS)] |= 1L << h;
    }
  }

  private static int sieveIndex(long h, int bits) {
    return (int) (h & ((1L << bits) - 1)) >>> 6;
  }

  /** Whether {@code h} may be a key (false: certainly not). */
  private boolean maybe(long h) {
    return (sieve[sieveIndex(h, SIEVE_BITS)] & (1L << h)) != 0;
  }

  /** Whether {@code h} may be a path marker (false: certainly not). */
  private boolean maybeMarker(long h) {
    return (markerSieve[sieveIndex(h, MARKER_SIEVE_BITS)] & (1L << h)) != 0;
  }

  /**
   * Where the hashes whose top bits are {@code b} start in a sorted array ({@code start[b]} to
   * {@code start[b + 1]}), about four hashes a bucket, so a lookup binary-searches one or two cache lines
   * instead of the whole array (a cold binary search over 300,000 keys misses the cache about 15 times).
   */
  private static final class Buckets {
    private final long[] sorted;
    private final int[] start;
    private final int bits;

    Buckets(long[] sorted) {
      this.sorted = sorted;
      int b = 4;
      while (b < 16 && (1L << (b + 2)) < sorted.length) {
        b++;
      }
      this.bits = b;
      this.start = new int[(1 << b) + 1];
      int k = 0;
      for (int i = 0; i < 1 << b; i++) {
        start[i] = k;
        while (k < sorted.length && bucket(sorted[k]) == i) {
          k++;
        }
      }
      start[1 << b] = sorted.length;
    }

    /** The bucket of a hash, in the arrays' signed order. */
    private int bucket(long h) {
      return (int) ((h >>> (64 - bits)) ^ (1 << (bits - 1)));
    }

    /** The index of {@code h}, or a negative number. */
    int find(long h) {
      int b = bucket(h);
      return Arrays.binarySearch(sorted, start[b], start[b + 1], h);
    }
  }

  /** The index of key hash {@code h}, or a negative number. */
  private int find(long h) {
    return maybe(h) ? keyBuckets.find(h) : -1;
  }

  /**
   * The default list shipped in the jar ({@link #EMBEDDED}), read from the jar on first use (tens of
   * milliseconds) and shared by every filter of the process.
   *
   * @throws IllegalStateException when the resource is missing or damaged
   */
  public static CompactUrlList embedded() {
    return EMBEDDED_LIST.get();
  }

  private static CompactUrlList readEmbedded() {
    try (InputStream in = CompactUrlList.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IllegalStateException("default URL list missing from the jar: " + EMBEDDED);
      }
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("default URL list " + EMBEDDED + ": " + e.getMessage(), e);
    }
  }

  /** How many keys the list holds. */
  public int size() {
    return keys.length;
  }

  /** Key counts by source name, in the file's source order. */
  public Map<String, Integer> sourceCounts() {
    int[] counts = new int[sources.length];
    for (byte b : sourceOf) {
      counts[b & 0xFF]++;
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < sources.length; i++) {
      out.put(sources[i], counts[i]);
    }
    return out;
  }

  /**
   * Adds a hit for the most specific key of {@code url} the list holds (host keys, then, for a host with
   * path keys, its host/path expressions); nothing when none is listed. The hit's rule is
   * {@code url/list/<source>:<key>}.
   */
  public void lookup(CanonicalUrl url, List<UrlHit> out) {
    lookup(UrlView.of(url), UrlHitSink.into(out));
  }

  /** {@link #lookup(CanonicalUrl, List)} of a check's URL. */
  public void lookup(UrlView url, UrlHitSink out) {
    String host = url.host();
    HostHashes hashes = HostHashes.of(host, url.hostIsIpAddress());
    for (int h = 0; h < hashes.count; h++) {
      int start = hashes.starts[h];
      long marker = hashes.markers[h];
      // A host with path keys (6,810 of the list's): its expressions are built from the canonical URL.
      if (maybeMarker(marker) && markerBuckets.find(marker) >= 0 && pathHit(url.url(), start, out)) {
        return;
      }
      int at = find(hashes.keys[h]);
      if (at >= 0) {
        String key = host.substring(start);
        hit(at, key, key, out);
        return;
      }
    }
  }

  /** Looks up the host/path expressions of the host starting at {@code start}, most specific first. */
  private boolean pathHit(CanonicalUrl url, int start, UrlHitSink out) {
    String hostPart = url.host().substring(start);
    String path = url.path();
    List<String> candidates = new ArrayList<>(LookupExpressions.MAX_PATHS);
    if (url.query() != null && !url.query().isEmpty()) {
      candidates.add(hostPart + path + "?" + url.query());
    }
    if (path.length() > 1) {
      candidates.add(hostPart + path);
    }
    int[] ends = new int[LookupExpressions.MAX_PATH_PREFIXES];
    int prefixes = LookupExpressions.pathPrefixEnds(path, ends);
    for (int p = prefixes - 1; p >= 0; p--) {
      if (ends[p] != path.length() && ends[p] > 1) {
        candidates.add(hostPart + path.substring(0, ends[p]));
      }
    }
    for (String c : candidates) {
      int at = find(KeyFilter.hash(c, 0, c.length()));
      if (at >= 0) {
        hit(at, c, hostPart, out);
        return true;
      }
    }
    return false;
  }

  private void hit(int at, String key, String find, UrlHitSink out) {
    int s = sourceOf[at] & 0xFF;
    out.add(categories[s], "url/list/" + sources[s] + ":" + key, find);
  }

  /**
   * Reads a list written by {@link #write}.
   *
   * @throws IOException when the stream cannot be read, is not such a list, or fails its checksum
   */
  public static CompactUrlList read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    if (all.length < 12) {
      throw new IOException("not a compact URL list: " + all.length + " bytes");
    }
    ByteBuffer buf = ByteBuffer.wrap(all);
    if (buf.getInt() != MAGIC) {
      throw new IOException("not a compact URL list (bad magic)");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, 0, all.length - 4);
    if ((int) crc.getValue() != buf.getInt(all.length - 4)) {
      throw new IOException("compact URL list damaged or truncated: checksum mismatch over " + all.length
          + " bytes");
    }
    int version = buf.getInt();
    if (version != VERSION) {
      throw new IOException("compact URL list has version " + version + "; this library reads " + VERSION
          + (version < VERSION ? " (its keys are hashed another way): generate it again with index build-default"
              : ""));
    }
    DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(all, 8, all.length - 12));
    int sourceCount = data.readInt();
    if (sourceCount < 0 || sourceCount > 256) {
      throw new IOException("compact URL list: bad source count " + sourceCount);
    }
    String[] sources = new String[sourceCount];
    Category[] categories = new Category[sourceCount];
    for (int i = 0; i < sourceCount; i++) {
      sources[i] = data.readUTF();
      try {
        categories[i] = Category.fromJsonName(data.readUTF());
      } catch (IllegalArgumentException e) {
        throw new IOException("compact URL list: " + e.getMessage(), e);
      }
    }
    int keyCount = data.readInt();
    int markerCount = data.readInt();
    int offset = all.length - 4 - data.available();
    long need = (long) keyCount * 9 + (long) markerCount * 8;
    if (keyCount < 0 || markerCount < 0 || need != data.available()) {
      throw new IOException("compact URL list: counts do not match the size");
    }
    long[] keys = new long[keyCount];
    buf.position(offset);
    buf.asLongBuffer().get(keys);
    byte[] sourceOf = Arrays.copyOfRange(all, offset + keyCount * 8, offset + keyCount * 9);
    long[] markers = new long[markerCount];
    buf.position(offset + keyCount * 9);
    buf.asLongBuffer().get(markers);
    for (byte b : sourceOf) {
      if ((b & 0xFF) >= sourceCount) {
        throw new IOException("compact URL list: source byte out of range");
      }
    }
    if (!sorted(keys) || !sorted(markers)) {
      throw new IOException("compact URL list: hashes not sorted");
    }
    return new CompactUrlList(sources, categories, keys, sourceOf, markers);
  }

  private static boolean sorted(long[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i - 1] >= a[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code entries} (each key once: the first source to name it wins) as a compact list.
   *
   * @return how many keys were written
   * @throws IllegalArgumentException for more than 256 sources, an allow entry, or two keys with the
   *     same hash
   */
  public static int write(List<ListEntry> entries, OutputStream out) throws IOException {
    Map<String, Integer> sourceIndex = new LinkedHashMap<>();
    Map<String, String> categoryOf = new HashMap<>();
    Map<Long, String> seen = new HashMap<>(entries.size() * 2);
    List<long[]> rows = new ArrayList<>(entries.size());
    java.util.Set<Long> markerSet = new java.util.HashSet<>();
    for (ListEntry e : entries) {
      if (e.isAllow()) {
        throw new IllegalArgumentException("a compact list holds block entries only: " + e);
      }
      Integer s = sourceIndex.get(e.source());
      if (s == null) {
        s = sourceIndex.size();
        if (s > 255) {
          throw new IllegalArgumentException("a compact list holds at most 256 sources");
        }
        sourceIndex.put(e.source(), s);
        categoryOf.put(e.source(), e.category());
      } else if (!categoryOf.get(e.source()).equals(e.category())) {
        throw new IllegalArgumentException("source " + e.source() + " has two categories");
      }
      long h = KeyFilter.hash(e.key(), 0, e.key().length());
      String before = seen.putIfAbsent(h, e.key());
      if (before != null) {
        if (!before.equals(e.key())) {
          throw new IllegalArgumentException("hash collision: " + before + " and " + e.key());
        }
        continue;
      }
      rows.add(new long[] {h, s});
      int slash = e.key().indexOf('/');
      if (slash > 0) {
        markerSet.add(KeyFilter.pathMarker(LookupExpressions.hostHash(e.key(), 0, slash)));
      }
    }
    rows.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] markers = markerSet.stream().mapToLong(Long::longValue).sorted().toArray();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 9 + markers.length * 8 + 4096);
    DataOutputStream d = new DataOutputStream(bytes);
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeInt(sourceIndex.size());
    for (String s : sourceIndex.keySet()) {
      d.writeUTF(s);
      d.writeUTF(categoryOf.get(s));
    }
    d.writeInt(rows.size());
    d.writeInt(markers.length);
    for (long[] r : rows) {
      d.writeLong(r[0]);
    }
    for (long[] r : rows) {
      d.writeByte((int) r[1]);
    }
    for (long m : markers) {
      d.writeLong(m);
    }
    d.flush();
    CRC32C crc = new CRC32C();
    byte[] body = bytes.toByteArray();
    crc.update(body, 0, body.length);
    out.write(body);
    new DataOutputStream(out).writeInt((int) crc.getValue());
    out.flush();
    return rows.size();
  }

  @Override
  public String toString() {
    return "CompactUrlList[" + keys.length + " keys, " + markers.length + " path markers, sources "
        + String.join(",", sources) + "]";
  }
}
