package vn.lanhmanh.url.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InvertableType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the next generation of a URL list index: either empty ({@link #create}) or starting from the
 * newest good generation ({@link #extend}, whose Lucene files are hard-linked, or copied where links
 * are not supported), then entries added and removed, then {@link #commit}. Older generations are
 * never changed, so processes that have them open keep working; they move on with
 * {@link UrlListIndex#refresh()}.
 *
 * <pre>{@code
 * try (UrlListWriter w = UrlListWriter.extend(dir)) {
 *   w.removeSource("sinfonietta/gambling-hosts");
 *   ListImporter.importFile(file, ListFormat.HOSTS, "gambling", "sinfonietta/gambling-hosts", w::add);
 *   w.commit(false);
 * }
 * }</pre>
 *
 * <p>{@link #commit} collapses duplicate entries (below), makes the Lucene commit, then one pass over
 * the terms counts the entries and collects the key hashes for a fresh key filter sized from that
 * count (so removed keys leave no stale bits), writes {@code keys.bloom}, reads every Lucene file of the commit once to verify its checksum
 * and record its length and footer, and last writes {@code lanhmanh-index.properties} through a
 * temporary file and an atomic move: until then the
 * generation is incomplete and {@link UrlListIndex#open} ignores it. Closing without committing
 * deletes the unfinished generation.
 *
 * <p>Entries are identified by key, category and source together (one indexed term), and one key may be
 * in several lists. {@link #add} appends a document ({@link IndexWriter#addDocument}, no per-entry
 * delete); {@link #commit} then walks the terms once and replaces every term that has more than one
 * live document (an entry added twice, or added again over the generation this one extends) with a
 * single one, so a committed generation stores each entry once. A near-real-time view lists each
 * entry once too (a lookup walks terms, not documents), but its {@link UrlListIndex#size()} counts
 * duplicates until the commit.
 *
 * <p>Not thread-safe: write from one thread. The near-real-time view from {@link #openNearRealTime()}
 * is thread-safe for lookups.
 */
public final class UrlListWriter implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(UrlListWriter.class);

  private final Path dir;
  private final int generation;
  private final Path genDir;
  private final MMapDirectory directory;
  private final IndexWriter writer;
  /** How many keys a near-real-time filter is sized for at least. */
  private final long expectedKeys;
  /** The near-real-time filter: null until a near-real-time view asks for it, then kept up to date. */
  private volatile KeyFilter liveFilter;
  private boolean committed;
  private boolean closed;
  /**
   * The one document every {@link #add} fills and hands to Lucene: {@link IndexWriter#addDocument}
   * copies the field values, and the writer is used from one thread, so no document, field or byte
   * array is made per entry.
   */
  private final Document document = new Document();
  private final ReusedKeywordField entryField = new ReusedKeywordField(UrlListIndex.ENTRY);
  private final ReusedKeywordField sourceField = new ReusedKeywordField(UrlListIndex.SOURCE);
  private final BytesRefBuilder entryBytes = new BytesRefBuilder();
  private final BytesRefBuilder sourceBytes = new BytesRefBuilder();
  /** The source whose bytes {@link #sourceField} holds; entries come in long runs of one source. */
  private String lastSource;

  private UrlListWriter(Path dir, int generation, Path genDir, MMapDirectory directory, IndexWriter writer,
      long expectedKeys) {
    this.dir = dir;
    this.generation = generation;
    this.genDir = genDir;
    this.directory = directory;
    this.writer = writer;
    this.expectedKeys = expectedKeys;
    document.add(entryField);
    document.add(sourceField);
  }

  /**
   * Starts a new, empty generation in {@code dir} (created if needed).
   *
   * @param expectedKeys how many distinct keys the near-real-time filter is sized for; the committed
   *     filter is sized from the real count
   */
  public static UrlListWriter create(Path dir, long expectedKeys) throws IOException {
    return start(dir, null, expectedKeys);
  }

  /** Starts a new, empty generation sized for a million keys; see {@link #create(Path, long)}. */
  public static UrlListWriter create(Path dir) throws IOException {
    return create(dir, 1_000_000);
  }

  /**
   * Starts a new generation holding what the newest usable generation holds (a new, empty one when
   * there is none).
   *
   * @throws IllegalStateException when there are generations but none is usable
   */
  public static UrlListWriter extend(Path dir) throws IOException {
    if (IndexLayout.newestComplete(dir) < 0) {
      return create(dir);
    }
    try (UrlListIndex base = UrlListIndex.open(dir)) {
      Path from = IndexLayout.generationDir(dir, base.diskGeneration());
      Properties props = IndexLayout.read(from);
      return start(dir, new Base(from, props), Math.max(1_000_000, base.size()));
    }
  }

  private record Base(Path genDir, Properties props) {}

  private static UrlListWriter start(Path dir, Base base, long expectedKeys) throws IOException {
    Files.createDirectories(dir);
    int next = IndexLayout.generations(dir).stream().findFirst().orElse(0) + 1;
    Path genDir;
    while (true) {
      genDir = IndexLayout.generationDir(dir, next);
      try {
        Files.createDirectory(genDir); // atomic: two writers never share a generation
        break;
      } catch (FileAlreadyExistsException e) {
        next++;
      }
    }
    MMapDirectory directory = null;
    try {
      if (base != null) {
        for (String name : base.props().stringPropertyNames()) {
          if (name.startsWith(IndexLayout.K_FILE)) {
            String file = name.substring(IndexLayout.K_FILE.length());
            linkOrCopy(base.genDir().resolve(file), genDir.resolve(file));
          }
        }
      }
      directory = new MMapDirectory(genDir);
      IndexWriterConfig config = new IndexWriterConfig()
          .setOpenMode(base == null ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
          .setRAMBufferSizeMB(ramBufferMb(Runtime.getRuntime().maxMemory()))
          // A segment is written once, not copied again into a compound file.
          .setUseCompoundFile(false)
          .setCommitOnClose(false);
      config.getMergePolicy().setNoCFSRatio(0.0);
      IndexWriter writer = new IndexWriter(directory, config);
      LOG.info("URL list index {}: writing generation {}{}", dir, next,
          base == null ? " (empty)" : " from " + base.genDir().getFileName());
      return new UrlListWriter(dir, next, genDir, directory, writer, expectedKeys);
    } catch (IOException | RuntimeException e) {
      if (directory != null) {
        directory.close();
      }
      deleteTree(genDir);
      throw e;
    }
  }

  /**
   * Lucene's buffer for added documents: a quarter of the heap, between 16 MB and 1 GB. Each time it
   * fills, a segment is written, and segments are merged again later, so a larger buffer means fewer
   * segments and less rewriting.
   */
  static double ramBufferMb(long maxHeapBytes) {
    return Math.max(16, Math.min(1024, maxHeapBytes / 4 / (1024 * 1024)));
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(from, to);
    }
  }

  /**
   * Adds {@code entry}; adding the same key, category and source again changes nothing once committed
   * (see the class description).
   */
  public void add(ListEntry entry) {
    ensureWritable();
    try {
      writer.addDocument(document(term(entry), entry.source()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add " + entry, e);
    }
    KeyFilter live = liveFilter;
    if (live != null) {
      live.put(entry.key());
    }
  }

  /**
   * What a {@link StringField} without a stored value indexes (the UTF-8 bytes as one term), with bytes
   * that can be set again for the next document ({@link StringField} does not allow that).
   */
  private static final class ReusedKeywordField extends Field {
    ReusedKeywordField(String name) {
      super(name, new BytesRef(), StringField.TYPE_NOT_STORED);
    }

    void set(BytesRef bytes) {
      fieldsData = bytes;
    }

    @Override
    public InvertableType invertableType() {
      return InvertableType.BINARY;
    }
  }

  /** {@link #document}, filled with this entry term and source. */
  private Document document(String term, String source) {
    entryBytes.copyChars(term);
    entryField.set(entryBytes.get());
    if (!source.equals(lastSource)) {
      sourceBytes.copyChars(source);
      sourceField.set(sourceBytes.get());
      lastSource = source;
    }
    return document;
  }

  /**
   * Leaves one live document per entry term: a term with several live documents (the same entry added
   * twice, or added again over the generation this one extends) is replaced by a single document. One
   * pass over the terms of a near-real-time reader; no set of keys is held in memory.
   *
   * @return how many duplicate documents were removed
   */
  private long collapseDuplicates() throws IOException {
    long removed = 0;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      Terms terms = MultiTerms.getTerms(reader, UrlListIndex.ENTRY);
      if (terms == null) {
        return 0;
      }
      if (reader.leaves().size() == 1 && terms.getSumDocFreq() == terms.size()) {
        return 0; // one segment whose every term has one document (live or not): nothing to collapse
      }
      Bits live = MultiBits.getLiveDocs(reader);
      TermsEnum te = terms.iterator();
      PostingsEnum postings = null;
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        if (te.docFreq() < 2) {
          continue;
        }
        postings = te.postings(postings, PostingsEnum.NONE);
        int alive = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            alive++;
          }
        }
        if (alive > 1) {
          // The reader is a snapshot: changing the writer meanwhile does not disturb the walk.
          String term = t.utf8ToString();
          String source = term.substring(term.indexOf(UrlListIndex.SEP, term.indexOf(UrlListIndex.SEP) + 1) + 1);
          writer.updateDocument(new Term(UrlListIndex.ENTRY, term), document(term, source));
          removed += alive - 1;
        }
      }
    }
    return removed;
  }

  /** Removes this one entry (same key, category and source), if present. */
  public void remove(ListEntry entry) {
    ensureWritable();
    delete(() -> writer.deleteDocuments(new Term(UrlListIndex.ENTRY, term(entry))));
  }

  /** Removes every entry stored under exactly {@code key} (a canonical key; subdomains are not touched). */
  public void removeKey(String key) {
    ensureWritable();
    delete(() -> writer.deleteDocuments(new PrefixQuery(new Term(UrlListIndex.ENTRY, key + (char) UrlListIndex.SEP))));
  }

  /** Removes every entry of one list, e.g. before importing its new version. */
  public void removeSource(String source) {
    ensureWritable();
    delete(() -> writer.deleteDocuments(new Term(UrlListIndex.SOURCE, source)));
  }

  private interface IoAction {
    long run() throws IOException;
  }

  private static void delete(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete entries", e);
    }
  }

  /**
   * A near-real-time view of this writer: it sees what was added and removed so far after each
   * {@link UrlListIndex#refresh()}, before any commit; after {@link #commit}, its next refresh opens
   * the committed generation. Close it separately.
   */
  public UrlListIndex openNearRealTime() throws IOException {
    ensureWritable();
    return UrlListIndex.nearRealTime(this);
  }

  /**
   * Publishes the generation (see the class description) and closes the writer.
   *
   * @param forceMerge whether to merge into one segment first: worth it after a full build, since a
   *     lookup seeks once per segment, not after a small update, since it rewrites every file
   * @return the generation number
   */
  public int commit(boolean forceMerge) throws IOException {
    ensureWritable();
    long start = System.nanoTime();
    long duplicates = collapseDuplicates();
    if (forceMerge) {
      writer.forceMerge(1);
    }
    writer.commit();
    KeyScan scan;
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      scan = KeyScan.run(reader);
    }
    byte[] bloom = scan.filter.toBytes();
    IndexLayout.writeAtomically(genDir.resolve(IndexLayout.BLOOM), bloom);
    long bloomCrc = KeyFilter.crc32c(java.nio.ByteBuffer.wrap(bloom));

    Properties props = new IndexLayout.SortedProperties();
    props.setProperty(IndexLayout.K_FORMAT, Integer.toString(IndexLayout.FORMAT));
    props.setProperty(IndexLayout.K_GENERATION, Integer.toString(generation));
    props.setProperty(IndexLayout.K_CREATED, IndexLayout.now());
    props.setProperty(IndexLayout.K_ENTRIES, Long.toString(scan.entries));
    props.setProperty(IndexLayout.K_KEYS, Long.toString(scan.keys));
    for (Map.Entry<String, Long> e : scan.categories.entrySet()) {
      props.setProperty(IndexLayout.K_CATEGORY + e.getKey(), e.getValue().toString());
    }
    for (Map.Entry<String, Long> e : scan.sources.entrySet()) {
      props.setProperty(IndexLayout.K_SOURCE + e.getKey(), e.getValue().toString());
    }
    props.setProperty(IndexLayout.K_BLOOM_FILE, IndexLayout.BLOOM);
    props.setProperty(IndexLayout.K_BLOOM_EXPECTED, Long.toString(scan.filter.expectedKeys()));
    props.setProperty(IndexLayout.K_BLOOM_FPP, Double.toString(KeyFilter.FPP));
    props.setProperty(IndexLayout.K_BLOOM_BYTES, Integer.toString(bloom.length));
    props.setProperty(IndexLayout.K_BLOOM_CRC, Long.toHexString(bloomCrc));
    IndexLayout.describeCommit(directory, props);
    writer.close();
    if (scan.tableSlots != null) {
      props.setProperty(IndexLayout.K_TABLE, KeyTable.write(directory, scan.tableSlots, scan.tableSize, scan.labels));
      scan.tableSlots = null;
    }
    committed = true;
    closed = true;
    IndexLayout.writeAtomically(genDir.resolve(IndexLayout.PROPERTIES),
        IndexLayout.toBytes(props, "LanhManh URL list index; written last: its presence marks the generation complete"));
    directory.close();
    LOG.info("URL list index {}: committed generation {}: {} entries, {} keys, {} duplicates dropped, {} ms", dir,
        generation, scan.entries, scan.keys, duplicates, (System.nanoTime() - start) / 1_000_000);
    return generation;
  }

  /** Same as {@code commit(false)}. */
  public int commit() throws IOException {
    return commit(false);
  }

  /** The generation being written. */
  public int generation() {
    return generation;
  }

  /** Whether entries can still be added (not committed, not closed). */
  public boolean isOpen() {
    return !closed;
  }

  /** Discards an uncommitted generation; does nothing after {@link #commit}. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.rollback();
    } finally {
      directory.close();
      deleteTree(genDir);
      LOG.info("URL list index {}: generation {} discarded", dir, generation);
    }
  }

  IndexWriter indexWriter() {
    return writer;
  }

  Path directory() {
    return dir;
  }

  /**
   * The filter for a near-real-time reader. It is made when the first near-real-time view asks for it
   * (a plain build never pays for it), and again twice larger when it has filled up: the new one takes
   * the place of the old first (so keys added from now on go there), then gets every key of a reader
   * opened after the swap, so no key is lost between the two.
   */
  synchronized KeyFilter liveFilter(DirectoryReader reader) throws IOException {
    if (liveFilter == null || liveFilter.saturated()) {
      long size = liveFilter == null ? Math.max(expectedKeys, reader.numDocs()) : liveFilter.expectedKeys();
      KeyFilter bigger = KeyFilter.create(Math.max(size, reader.numDocs()) * 2);
      liveFilter = bigger;
      try (DirectoryReader after = DirectoryReader.open(writer)) {
        KeyScan.putKeys(after, bigger);
      }
    }
    return liveFilter;
  }

  private void ensureWritable() {
    if (closed) {
      throw new IllegalStateException("URL list writer for generation " + generation + " is "
          + (committed ? "committed" : "closed"));
    }
  }

  static String term(ListEntry e) {
    return e.key() + (char) UrlListIndex.SEP + e.category() + (char) UrlListIndex.SEP + e.source();
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(q);
      }
    }
  }
}
