package vn.lanhmanh.url.index;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lanhmanh.url.CanonicalUrl;
import vn.lanhmanh.url.LookupExpressions;
import vn.lanhmanh.url.UrlHit;
import vn.lanhmanh.url.UrlHitSink;
import vn.lanhmanh.url.UrlView;

/**
 * A read-only view of a versioned URL list index: which list entries match a canonical URL.
 *
 * <pre>{@code
 * try (UrlListIndex lists = UrlListIndex.open(Path.of("lists"))) {
 *   CanonicalUrl url = UrlCanonicalizer.canonicalize("http://m.example.com/adult/x.html").url();
 *   List<ListEntry> hits = lists.lookup(url);  // e.g. [example.com/adult/ sexual ut1/adult, example.com ...]
 * }
 * }</pre>
 *
 * <p><b>Layout.</b> {@code dir/generation-N/} holds the Lucene files of generation N, its key filter
 * {@code keys.bloom}, its key table {@code keys.table} ({@link KeyTable}; absent from generations
 * written before it existed), and {@code lanhmanh-index.properties}, written last and atomically (see
 * {@link UrlListWriter}). {@link #open} takes the newest generation that passes the checks below and
 * falls back to older ones, logging and recording why a newer one was refused
 * ({@link #refusedGenerations()}). The checks read a few bytes per Lucene file, never the whole index:
 * the properties exist and have a known format; every Lucene file of the commit has the recorded length
 * and footer checksum; the filter file (read whole, with one bulk read, since it lives on the heap) has
 * the recorded length and CRC-32C and this library's filter layout; Lucene opens the commit
 * ({@link CorruptIndexException}, {@link IndexFormatTooNewException} ... are caught) and it holds the
 * recorded number of entries. {@link #verify()} checksums every byte, for tools.
 *
 * <p><b>Lookup.</b> Every list entry is one Lucene document whose only indexed term is
 * {@code key TAB category TAB source} (field {@value #ENTRY}; no stored fields), so a lookup is a
 * {@link TermsEnum#seekCeil} to {@code key TAB} per segment and a walk over the few terms that share
 * the prefix; no query parser, no stored-field decompression. The keys tried are the Safe Browsing
 * expressions of the URL, most specific first: for each host (the exact host, then its suffixes),
 * the path with its query, the path, its directory prefixes longest first, then the bare host (which
 * is how a host entry matches subdomains). Results come in that order (entries of one key by category
 * and source). Before any seek, every key is checked against a blocked Bloom filter ({@link KeyFilter}:
 * 1.8 bytes of heap per member, about 0.16 % false positives, one 64-byte block read per test, against 8
 * bytes for a sorted array of 64-bit hashes): host keys take the host suffix hashes the check already
 * computed for the embedded tables, and the path expressions of a host are
 * only built and hashed when the filter holds that host's path marker. A URL whose keys all miss it
 * returns {@link List#of()} without touching Lucene or allocating a result. The keys that pass go to
 * the generation's {@link KeyTable} (one probe run each, by the hash the filter computed; no Lucene
 * seek), or, for a near-real-time view or a generation without a table, to Lucene as described above.
 * Each thread reuses its own terms and postings enums and key buffers.
 * The host suffixes' hashes are shared with the list in the jar ({@link HostHashes}).
 *
 * <p><b>Reload.</b> {@link #refresh()} moves to a newer complete generation on disk or, for a
 * near-real-time view from {@link UrlListWriter#openNearRealTime()}, to the writer's uncommitted
 * changes ({@link DirectoryReader#openIfChanged(DirectoryReader, org.apache.lucene.index.IndexWriter)}).
 * {@link #generation()} changes whenever the content may have changed; lookups running during a
 * refresh finish on the reader they started with, which is closed when the last of them is done.
 *
 * <p>Thread-safe: any number of threads may call {@link #lookup} and {@link #entries} while one calls
 * {@link #refresh()}. Internal: the public entry point is {@code ContentFilter.checkUrl}.
 */
@vn.lanhmanh.internal.JvmOnly("URL list index: VarHandle, CRC32C, Java 9+ buffers and arrays")
public final class UrlListIndex implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(UrlListIndex.class);

  /** The indexed field: {@code key TAB category TAB source}. */
  static final String ENTRY = "entry";
  /** The source again, as its own term, so a whole list can be deleted. */
  static final String SOURCE = "source";
  static final byte SEP = '\t';

  private final Path dir;
  private final UrlListWriter nrtWriter;
  private final Object refreshLock = new Object();
  private final ThreadLocal<Cursor> cursors = ThreadLocal.withInitial(Cursor::new);
  private volatile State state;
  private volatile Map<Integer, String> refused;
  private volatile boolean closed;

  private UrlListIndex(Path dir, UrlListWriter nrtWriter, State state, Map<Integer, String> refused) {
    this.dir = dir;
    this.nrtWriter = nrtWriter;
    this.state = state;
    this.refused = Collections.unmodifiableMap(refused);
  }

  /**
   * Opens the newest usable generation under {@code dir}.
   *
   * @throws IllegalArgumentException when {@code dir} holds no {@code generation-N} folder
   * @throws IllegalStateException when every generation was refused; the message says why for each
   * @throws IOException when the folder cannot be read
   */
  public static UrlListIndex open(Path dir) throws IOException {
    List<Integer> generations = IndexLayout.generations(dir);
    if (generations.isEmpty()) {
      throw new IllegalArgumentException("no URL list index in " + dir + ": no generation-N folder");
    }
    Map<Integer, String> refused = new LinkedHashMap<>();
    for (int g : generations) {
      try {
        State s = loadGeneration(dir, g);
        if (!refused.isEmpty()) {
          LOG.warn("URL list index {}: using generation {} after refusing {}", dir, g, refused);
        }
        LOG.info("URL list index {}: opened generation {} with {} entries", dir, g, s.reader.numDocs());
        return new UrlListIndex(dir, null, s, refused);
      } catch (IllegalStateException | IllegalArgumentException e) {
        refused.put(g, e.getMessage());
        LOG.warn("URL list index {}: {}", dir, e.getMessage());
      }
    }
    throw new IllegalStateException("no usable generation in URL list index " + dir + ": " + refused);
  }

  /**
   * Opens generation {@code generation} only, with no fallback.
   *
   * @throws IllegalStateException naming the problem when the generation is refused
   */
  public static UrlListIndex openGeneration(Path dir, int generation) throws IOException {
    return new UrlListIndex(dir, null, loadGeneration(dir, generation), Map.of());
  }

  private static State loadGeneration(Path dir, int g) throws IOException {
    return loadGeneration(dir, g, (long) g << 32);
  }

  private static State loadGeneration(Path dir, int g, long label) throws IOException {
    Path genDir = IndexLayout.generationDir(dir, g);
    String name = IndexLayout.PREFIX + g;
    if (!Files.isRegularFile(genDir.resolve(IndexLayout.PROPERTIES))) {
      throw new IllegalStateException(name + " is incomplete: no " + IndexLayout.PROPERTIES);
    }
    Properties props = IndexLayout.read(genDir);
    long format = IndexLayout.longProp(props, IndexLayout.K_FORMAT);
    if (format < IndexLayout.OLDEST_FORMAT || format > IndexLayout.FORMAT) {
      throw new IllegalStateException(name + " has index format " + format + "; this library reads formats "
          + IndexLayout.OLDEST_FORMAT + " to " + IndexLayout.FORMAT + (format < IndexLayout.OLDEST_FORMAT
              ? " (written by an older version, whose key filter it cannot read): build the index again" : ""));
    }
    if (IndexLayout.longProp(props, IndexLayout.K_GENERATION) != g) {
      throw new IllegalStateException(name + " says it is generation " + props.getProperty(IndexLayout.K_GENERATION));
    }
    MMapDirectory directory = new MMapDirectory(genDir);
    DirectoryReader reader = null;
    boolean success = false;
    try {
      try {
        IndexLayout.checkCommit(directory, props);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(name + ": " + e.getMessage(), e);
      }
      KeyFilter filter = readFilter(genDir, props, name);
      if (filter.format() != format) {
        // Format 3 tests a path marker in a block of its own, format 4 in its host key's block, format 5
        // a www. host's key in its parent's block: the filter must be the one its generation was written with.
        throw new IllegalStateException(name + ": key filter has format " + filter.format() + " in a generation of index format "
            + format + " (damaged or mixed)");
      }
      KeyTable table = null;
      String tableEntry = props.getProperty(IndexLayout.K_TABLE);
      if (tableEntry != null) {
        try {
          table = KeyTable.open(directory, genDir, tableEntry);
        } catch (IllegalStateException e) {
          throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
      }
      reader = DirectoryReader.open(directory);
      String segments = reader.getIndexCommit().getSegmentsFileName();
      if (!segments.equals(props.getProperty(IndexLayout.K_SEGMENTS))) {
        throw new IllegalStateException(name + ": Lucene commit " + segments + " is not the recorded "
            + props.getProperty(IndexLayout.K_SEGMENTS));
      }
      for (String file : reader.getIndexCommit().getFileNames()) {
        // Every file of the commit must be listed, so that the checks above and verify() cover it all.
        if (props.getProperty(IndexLayout.K_FILE + file) == null) {
          throw new IllegalStateException(name + ": Lucene file " + file + " of commit " + segments
              + " is not listed in " + IndexLayout.PROPERTIES + " (damaged)");
        }
      }
      long entries = IndexLayout.longProp(props, IndexLayout.K_ENTRIES);
      if (reader.numDocs() != entries) {
        throw new IllegalStateException(name + ": Lucene index has " + reader.numDocs() + " entries, properties say "
            + entries);
      }
      State s = new State(reader, directory, filter, table, g, label, props);
      success = true;
      return s;
    } catch (CorruptIndexException | IndexFormatTooNewException | IndexFormatTooOldException | EOFException
        | NoSuchFileException e) {
      throw new IllegalStateException(name + ": corrupt Lucene index: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException(name + ": cannot read: " + e, e);
    } finally {
      if (!success) {
        if (reader != null) {
          reader.close();
        }
        directory.close();
      }
    }
  }

  private static KeyFilter readFilter(Path genDir, Properties props, String name) throws IOException {
    String file = props.getProperty(IndexLayout.K_BLOOM_FILE, IndexLayout.BLOOM);
    long length = IndexLayout.longProp(props, IndexLayout.K_BLOOM_BYTES);
    ByteBuffer bytes;
    try {
      bytes = readFile(genDir.resolve(file), length);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(name + ": key filter " + file + " is missing", e);
    }
    if (bytes == null) {
      throw new IllegalStateException(name + ": key filter " + file + " has " + Files.size(genDir.resolve(file))
          + " bytes, expected " + length);
    }
    String crc = Long.toHexString(KeyFilter.crc32c(bytes));
    if (!crc.equals(props.getProperty(IndexLayout.K_BLOOM_CRC))) {
      throw new IllegalStateException(name + ": key filter " + file + " has checksum " + crc + ", expected "
          + props.getProperty(IndexLayout.K_BLOOM_CRC) + " (damaged)");
    }
    try {
      return KeyFilter.fromBytes(bytes, IndexLayout.longProp(props, IndexLayout.K_BLOOM_EXPECTED));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The whole of {@code file} in one buffer, read with bulk channel reads, or null when its length is
   * not {@code expected}.
   */
  static ByteBuffer readFile(Path file, long expected) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() != expected || expected > Integer.MAX_VALUE - 8) {
        return null;
      }
      ByteBuffer buf = ByteBuffer.allocate((int) expected);
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          return null;
        }
      }
      return buf.flip();
    }
  }

  /** A near-real-time view of a writer's uncommitted state; see {@link UrlListWriter#openNearRealTime()}. */
  static UrlListIndex nearRealTime(UrlListWriter writer) throws IOException {
    DirectoryReader reader = DirectoryReader.open(writer.indexWriter());
    State s = new State(reader, null, writer.liveFilter(reader), null, writer.generation(),
        ((long) writer.generation() << 32) | 1, null);
    return new UrlListIndex(writer.directory(), writer, s, Map.of());
  }

  /**
   * The entries matching {@code url}, most specific first (see the class description); an empty
   * immutable list when none do.
   *
   * @throws IllegalStateException after {@link #close()}, or when the index cannot be read (a file damaged
   *     after it was opened, which {@link #verify()} reports)
   */
  public List<ListEntry> lookup(CanonicalUrl url) {
    return lookup(UrlView.of(url));
  }

  private List<ListEntry> lookup(UrlView url) {
    Cursor c = cursors.get();
    c.prepare(url);
    State s = state;
    if (!c.filter(s.filter)) {
      return List.of();
    }
    if (s.table != null) {
      // The table is a mapped file that stays valid while referenced: no reader reference is needed.
      ensureOpen();
      return c.tableLookup(s.table);
    }
    State held = acquire();
    try {
      if (held != s && !c.filter(held.filter)) {
        return List.of();
      }
      if (held.table != null) {
        return c.tableLookup(held.table);
      }
      return c.seekAll(held);
    } finally {
      release(held);
    }
  }

  /** What every list hit's rule starts with: {@code url/list/<source>:<key>}. */
  static final String RULE_PREFIX = "url/list/";

  /**
   * What a check takes from {@link #lookup}: the hit of every matching entry that is not an allow entry
   * (rule {@code url/list/<source>:<key>}, located by the key's host) added to {@code out} in the same
   * order, and whether any allow entry matched. With a key table the hits are made from the table's
   * labels without a {@link ListEntry} or a list in between.
   *
   * @throws IllegalStateException as {@link #lookup} does
   */
  public boolean lookupHits(CanonicalUrl url, List<UrlHit> out) {
    return lookupHits(UrlView.of(url), UrlHitSink.into(out));
  }

  /** {@link #lookupHits(CanonicalUrl, List)} of a check's URL, its path read where it stands. */
  public boolean lookupHits(UrlView url, UrlHitSink out) {
    State s = state;
    if (s.table != null) {
      Cursor c = cursors.get();
      c.prepare(url);
      if (!c.filter(s.filter)) {
        return false;
      }
      ensureOpen();
      return c.tableHits(s.table, out);
    }
    boolean allow = false;
    for (ListEntry e : lookup(url)) {
      if (e.isAllow()) {
        allow = true;
      } else {
        addHit(out, e.categoryOrNull(), RULE_PREFIX + e.source() + ":", e.key(), false);
      }
    }
    return allow;
  }

  /**
   * Adds the hit of a list entry of {@code category} whose rule is {@code rulePrefix + key}; its host is
   * the key up to the first {@code /} (the key itself when {@code hostKey}: a host key has none, so it is
   * not searched for one).
   */
  static void addHit(UrlHitSink out, vn.lanhmanh.Category category, String rulePrefix, String key,
      boolean hostKey) {
    int slash = hostKey ? -1 : key.indexOf('/');
    out.add(category, rulePrefix.concat(key), slash < 0 ? key : key.substring(0, slash));
  }

  /** The entries stored under exactly {@code key} (no subdomain or prefix matching). */
  public List<ListEntry> entries(String key) {
    Cursor c = cursors.get();
    State held = acquire();
    try {
      c.prepareKey(key);
      return c.seekAll(held);
    } finally {
      release(held);
    }
  }

  /**
   * Moves to newer content if there is any: the writer's latest changes for a near-real-time view
   * (until the writer commits, then the committed generation), else the newest complete generation
   * on disk that passes the checks. Lookups may run meanwhile.
   *
   * @return whether the content (and {@link #generation()}) changed
   */
  public boolean refresh() throws IOException {
    synchronized (refreshLock) {
      ensureOpen();
      State old = state;
      State next = null;
      if (nrtWriter != null && old.nearRealTime() && nrtWriter.isOpen()) {
        DirectoryReader r = DirectoryReader.openIfChanged(old.reader, nrtWriter.indexWriter());
        if (r != null) {
          next = new State(r, null, nrtWriter.liveFilter(r), null, old.diskGeneration, old.generation + 1, null);
        }
      } else {
        Map<Integer, String> problems = new LinkedHashMap<>();
        for (int g : IndexLayout.generations(dir)) {
          if (g < old.diskGeneration || (g == old.diskGeneration && !old.nearRealTime())) {
            break;
          }
          try {
            next = loadGeneration(dir, g);
            break;
          } catch (IllegalStateException e) {
            if (!e.getMessage().endsWith("no " + IndexLayout.PROPERTIES)) {
              problems.put(g, e.getMessage());
              LOG.warn("URL list index {}: refresh refused {}", dir, e.getMessage());
            }
          }
        }
        if (!problems.isEmpty()) {
          Map<Integer, String> all = new LinkedHashMap<>(problems);
          all.putAll(refused);
          refused = Collections.unmodifiableMap(all);
        }
      }
      if (next == null) {
        return false;
      }
      state = next;
      LOG.info("URL list index {}: now at generation {} ({} entries)", dir, next.diskGeneration,
          next.reader.numDocs());
      old.reader.decRef();
      return true;
    }
  }

  /**
   * A number that changes whenever the content may have changed, for cache keys: the disk generation
   * in the high 32 bits, and in the low bits 0 for a committed generation or a count of reopens for a
   * near-real-time view.
   */
  public long generation() {
    return state.generation;
  }

  /** The disk generation the current content belongs to (being written, for a near-real-time view). */
  public int diskGeneration() {
    return state.diskGeneration;
  }

  /** Entries in the current content. */
  public int size() {
    return state.reader.numDocs();
  }

  /** The current content, for tests. */
  State state() {
    return state;
  }

  /** The index folder (holding the {@code generation-N} folders). */
  public Path directory() {
    return dir;
  }

  /** Newer generations that were refused, with why; empty when the newest one was used. */
  public Map<Integer, String> refusedGenerations() {
    return refused;
  }

  /** Entries per category, as the generation's properties record them; empty for a near-real-time view. */
  public Map<String, Long> categoryCounts() {
    return counts(IndexLayout.K_CATEGORY);
  }

  /** Entries per source, as the generation's properties record them; empty for a near-real-time view. */
  public Map<String, Long> sourceCounts() {
    return counts(IndexLayout.K_SOURCE);
  }

  private Map<String, Long> counts(String prefix) {
    Properties p = state.props;
    Map<String, Long> out = new TreeMap<>();
    if (p != null) {
      for (String k : p.stringPropertyNames()) {
        if (k.startsWith(prefix)) {
          out.put(k.substring(prefix.length()), Long.parseLong(p.getProperty(k)));
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Reads every byte of the current generation's Lucene files and checks their checksums: slow, for
   * tools and after a download. Does nothing for a near-real-time view.
   *
   * @throws IllegalStateException naming the first damaged file
   */
  public void verify() throws IOException {
    State held = acquire();
    try {
      if (held.directory == null) {
        return;
      }
      for (String name : held.props.stringPropertyNames()) {
        if (name.startsWith(IndexLayout.K_FILE)) {
          String file = name.substring(IndexLayout.K_FILE.length());
          try (IndexInput in = held.directory.openInput(file, IOContext.READONCE)) {
            CodecUtil.checksumEntireFile(in);
          } catch (CorruptIndexException e) {
            throw new IllegalStateException("generation-" + held.diskGeneration + ": Lucene file " + file
                + " is damaged: " + e.getMessage(), e);
          }
        }
      }
      if (held.table != null) {
        try (IndexInput in = held.directory.openInput(KeyTable.FILE, IOContext.READONCE)) {
          CodecUtil.checksumEntireFile(in);
        } catch (CorruptIndexException e) {
          throw new IllegalStateException("generation-" + held.diskGeneration + ": key table " + KeyTable.FILE
              + " is damaged: " + e.getMessage(), e);
        }
      }
    } finally {
      release(held);
    }
  }

  /** Closes the current reader once running lookups are done; later calls throw. */
  @Override
  public void close() throws IOException {
    synchronized (refreshLock) {
      if (closed) {
        return;
      }
      closed = true;
      state.reader.decRef();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("URL list index " + dir + " is closed");
    }
  }

  private State acquire() {
    while (true) {
      ensureOpen();
      State s = state;
      if (s.reader.tryIncRef()) {
        return s;
      }
      if (s == state) {
        ensureOpen();
        throw new IllegalStateException("URL list index " + dir + ": reader closed under a lookup");
      }
    }
  }

  private static void release(State s) {
    try {
      s.reader.decRef();
    } catch (IOException e) {
      LOG.warn("closing an old URL list reader failed", e);
    }
  }

  /** One reader with its filter; closed (with its directory) when the last lookup using it ends. */
  static final class State {
    final DirectoryReader reader;
    final Directory directory;
    /** The Bloom filter, when there is no key table (a near-real-time view, or a generation without one). */
    final KeyFilter filter;
    /** The key table of a committed generation that has one, else null. */
    final KeyTable table;
    final int diskGeneration;
    final long generation;
    final Properties props;
    final List<LeafReaderContext> leaves;
    final Bits[] live;

    State(DirectoryReader reader, Directory directory, KeyFilter filter, KeyTable table, int diskGeneration,
        long generation, Properties props) {
      this.reader = reader;
      this.directory = directory;
      this.filter = filter;
      this.table = table;
      this.diskGeneration = diskGeneration;
      this.generation = generation;
      this.props = props;
      this.leaves = reader.leaves();
      this.live = new Bits[leaves.size()];
      for (int i = 0; i < live.length; i++) {
        live[i] = leaves.get(i).reader().getLiveDocs();
      }
      if (directory != null) {
        reader.getReaderCacheHelper().addClosedListener(key -> directory.close());
      }
    }

    boolean nearRealTime() {
      return props == null;
    }
  }

  /**
   * Per-thread lookup state: the keys of the current URL as offsets, a char buffer, and terms and
   * postings enums per segment of the state they were made for.
   */
  @vn.lanhmanh.internal.JvmOnly("URL list index")
  private static final class Cursor {
    static final java.util.Comparator<ListEntry> ENTRY_ORDER =
        java.util.Comparator.comparing(ListEntry::category).thenComparing(ListEntry::source);
    // Candidate k: host starting at hostStart[k], then the path's first pathEnd[k] chars (none when 0), then ?query
    // when withQuery[k].
    final int[] hostStart = new int[LookupExpressions.MAX_EXPRESSIONS];
    final int[] pathEnd = new int[LookupExpressions.MAX_EXPRESSIONS];
    final boolean[] withQuery = new boolean[LookupExpressions.MAX_EXPRESSIONS];
    final int[] passed = new int[LookupExpressions.MAX_EXPRESSIONS];
    /** The key hash of each candidate that passed the filter. */
    final long[] passedHash = new long[LookupExpressions.MAX_EXPRESSIONS];
    final int[] starts = new int[LookupExpressions.MAX_HOSTS];
    int hostCount;
    final int[] ends = new int[LookupExpressions.MAX_PATH_PREFIXES];
    /** How many of {@link #ends} hold the path's root prefixes; -1 until computed. */
    int prefixes;
    final KeyChars chars = new KeyChars();
    final BytesRefBuilder term = new BytesRefBuilder();
    int count;
    int passedCount;
    String host;
    /** The path is {@code path[pathFrom, pathFrom + pathLength)}, the query {@code query[queryFrom, queryTo)} (null: none or empty). */
    String path;
    int pathFrom;
    int pathLength;
    String query;
    int queryFrom;
    int queryTo;
    String exactKey;
    /** The host suffix hashes of the prepared URL. */
    HostHashes hashes;
    State enumsFor;
    TermsEnum[] enums;
    PostingsEnum[] postings;

    /**
     * Takes the URL's host suffixes; the candidates themselves are laid out by {@link #filter}, the path
     * candidates of a host only when the filter has the host's path marker.
     */
    void prepare(UrlView url) {
      host = url.host();
      path = url.pathSource();
      pathFrom = url.pathStart();
      pathLength = url.pathLength();
      query = url.hasNonEmptyQuery() ? url.querySource() : null;
      queryFrom = url.queryStart();
      queryTo = url.queryEnd();
      exactKey = null;
      hashes = HostHashes.of(host, url.hostIsIpAddress());
      hostCount = hashes.count;
      System.arraycopy(hashes.starts, 0, starts, 0, hostCount);
      prefixes = -1;
    }

    /**
     * Lays out the candidates of host {@code h} from {@link #count} on, most specific first: with the
     * query, the whole path, its root prefixes longest first, then the bare host (always the last).
     */
    private void addCandidates(int h, boolean paths) {
      if (paths) {
        if (prefixes < 0) {
          prefixes = LookupExpressions.pathPrefixEnds(path, pathFrom, pathFrom + pathLength, ends);
        }
        if (query != null) {
          add(starts[h], pathLength, true);
        }
        if (pathLength > 1) {
          add(starts[h], pathLength, false);
        }
        for (int p = prefixes - 1; p >= 0; p--) {
          if (ends[p] != pathLength && ends[p] > 1) {
            add(starts[h], ends[p], false);
          }
        }
      }
      add(starts[h], 0, false);
    }

    void prepareKey(String key) {
      exactKey = key;
      count = 1;
      passedCount = 1;
      passed[0] = 0;
    }

    private void add(int hs, int pe, boolean q) {
      hostStart[count] = hs;
      pathEnd[count] = pe;
      withQuery[count] = q;
      count++;
    }

    /**
     * Keeps the candidates the filter may hold; whether any is left. A host key is hashed straight
     * from the host string; the path candidates of a host are only built and hashed when the filter
     * has the host's path marker.
     */
    boolean filter(KeyFilter filter) {
      passedCount = 0;
      count = 0;
      boolean www = filter.wwwBlocks();
      for (int h = 0; h < hostCount; h++) {
        // A host has path candidates when its URL has a query or a path other than "/" (whose only root
        // prefix is itself); the bare host is always one.
        // The host's key as the filter holds it: since format 5 a www. host's key lies in its parent's
        // block (HostHashes.wwwKey), so www.example.com and example.com read one block; the table
        // is probed with the key's own hash.
        long member = www ? hashes.wwwKey(h) : hashes.keys[h];
        boolean paths = (query != null || pathLength > 1) && filter.mightHavePaths(member, hashes.markers[h]);
        int k = count;
        addCandidates(h, paths);
        for (; k < count; k++) {
          long hash;
          long test;
          if (pathEnd[k] == 0) {
            hash = hashes.keys[h];
            test = member;
          } else {
            fill(k);
            hash = KeyFilter.hash(chars, 0, chars.len);
            test = hash;
          }
          if (filter.mightContainHash(test)) {
            passedHash[passedCount] = hash;
            passed[passedCount++] = k;
          }
        }
      }
      return passedCount > 0;
    }

    private void fill(int k) {
      if (exactKey != null) {
        chars.set(exactKey, 0, exactKey.length());
        return;
      }
      chars.set(host, hostStart[k], host.length());
      if (pathEnd[k] > 0) {
        chars.append(path, pathFrom, pathFrom + pathEnd[k]);
        if (withQuery[k]) {
          chars.append('?');
          chars.append(query, queryFrom, queryTo);
        }
      }
    }

    /**
     * The entries of the candidates that passed the filter, from a key table: one probe run per
     * candidate, by the hash the filter computed; same order as {@link #seekAll}.
     */
    List<ListEntry> tableLookup(KeyTable table) {
      List<ListEntry> out = null;
      for (int i = 0; i < passedCount; i++) {
        int k = passed[i];
        if (pathEnd[k] == 0) {
          out = table.entries(passedHash[i], host, hostStart[k], host.length(), out);
        } else {
          fill(k);
          out = table.entries(passedHash[i], chars, 0, chars.len, out);
        }
      }
      return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** {@link #tableLookup} as hits: see {@link UrlListIndex#lookupHits}. */
    boolean tableHits(KeyTable table, UrlHitSink out) {
      boolean allow = false;
      for (int i = 0; i < passedCount; i++) {
        int k = passed[i];
        if (pathEnd[k] == 0) {
          allow |= table.hits(passedHash[i], host, hostStart[k], host.length(), true, out);
        } else {
          fill(k);
          allow |= table.hits(passedHash[i], chars, 0, chars.len, false, out);
        }
      }
      return allow;
    }

    List<ListEntry> seekAll(State s) {
      if (enumsFor != s) {
        enumsFor = s;
        enums = new TermsEnum[s.leaves.size()];
        postings = new PostingsEnum[s.leaves.size()];
      }
      List<ListEntry> out = null;
      try {
        for (int i = 0; i < passedCount; i++) {
          fill(passed[i]);
          term.copyChars(chars.buf, 0, chars.len);
          term.append(SEP);
          BytesRef prefix = term.get();
          String key = null;
          int keyFrom = out == null ? 0 : out.size();
          for (int leaf = 0; leaf < enums.length; leaf++) {
            TermsEnum te = enums[leaf];
            if (te == null) {
              Terms terms = s.leaves.get(leaf).reader().terms(ENTRY);
              if (terms == null) {
                continue;
              }
              te = enums[leaf] = terms.iterator();
            }
            if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
              continue;
            }
            for (BytesRef t = te.term(); t != null && startsWith(t, prefix); t = te.next()) {
              postings[leaf] = te.postings(postings[leaf], PostingsEnum.NONE);
              if (!anyLive(postings[leaf], s.live[leaf])) {
                continue;
              }
              if (key == null) {
                key = new String(chars.buf, 0, chars.len);
              }
              if (out == null) {
                out = new ArrayList<>(4);
              }
              out.add(toEntry(key, t, prefix.length));
            }
          }
          if (out != null && enums.length > 1 && out.size() - keyFrom > 1) {
            // Segments each hold their terms in order; across segments, restore the term order.
            out.subList(keyFrom, out.size()).sort(ENTRY_ORDER);
          }
        }
      } catch (IOException | RuntimeException | AssertionError e) {
        // Lucene checks a file's checksum only in verify(): a damaged block can surface here as an
        // IndexOutOfBoundsException or the like, or, with assertions on, as one of Lucene's own assert
        // failures. Drop the enums it left mid-block and report one type.
        java.util.Arrays.fill(enums, null);
        throw new IllegalStateException("URL list index read failed (damaged? see verify()): " + e, e);
      }
      return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    private static boolean anyLive(PostingsEnum p, Bits live) throws IOException {
      for (int doc = p.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = p.nextDoc()) {
        if (live == null || live.get(doc)) {
          return true;
        }
      }
      return false;
    }

    private static boolean startsWith(BytesRef t, BytesRef prefix) {
      if (t.length < prefix.length) {
        return false;
      }
      return java.util.Arrays.equals(t.bytes, t.offset, t.offset + prefix.length,
          prefix.bytes, prefix.offset, prefix.offset + prefix.length);
    }

    private static ListEntry toEntry(String key, BytesRef t, int from) {
      int start = t.offset + from;
      int end = t.offset + t.length;
      int tab = start;
      while (tab < end && t.bytes[tab] != SEP) {
        tab++;
      }
      String category = ListEntry.canonicalCategory(new String(t.bytes, start, tab - start,
          java.nio.charset.StandardCharsets.UTF_8));
      String source = new String(t.bytes, tab + 1, Math.max(0, end - tab - 1), java.nio.charset.StandardCharsets.UTF_8);
      return new ListEntry(key, category, source);
    }
  }

  /** A growable char buffer viewed as a {@link CharSequence}, so keys are hashed without a String. */
  static final class KeyChars implements CharSequence {
    char[] buf = new char[256];
    int len;

    void set(String s, int from, int to) {
      len = 0;
      append(s, from, to);
    }

    void append(String s, int from, int to) {
      int n = to - from;
      ensure(len + n);
      s.getChars(from, to, buf, len);
      len += n;
    }

    void append(char c) {
      ensure(len + 1);
      buf[len++] = c;
    }

    private void ensure(int size) {
      if (size > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(size, buf.length * 2));
      }
    }

    @Override
    public int length() {
      return len;
    }

    @Override
    public char charAt(int index) {
      return buf[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(buf, start, end - start);
    }

    @Override
    public String toString() {
      return new String(buf, 0, len);
    }
  }
}
