package vn.lanhmanh.url.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * The on-disk layout of a URL list index and its metadata:
 *
 * <pre>
 * dir/
 *   generation-1/   Lucene files, keys.bloom, keys.table, lanhmanh-index.properties
 *   generation-2/   ...
 * </pre>
 *
 * A generation is complete once its properties file exists; it is written last, to a temporary name
 * and then moved into place atomically, so a reader never sees half a generation. The properties
 * record the format version, counts, the Bloom filter's size and CRC-32C, and the name, length and
 * Lucene footer checksum of every Lucene file of the commit, so that a damaged generation is found at
 * open time by reading a few bytes per file, without a full scan.
 *
 * <p>Stateless; thread-safe.
 */
final class IndexLayout {

  static final String PREFIX = "generation-";
  static final String PROPERTIES = "lanhmanh-index.properties";
  static final String BLOOM = "keys.bloom";
  /**
   * Version of the generation layout. 2: the key filter is this library's own ({@link KeyFilter}, with
   * host path markers) instead of Guava's serialised {@code BloomFilter}. 3: keys are hashed from the
   * host's end ({@link KeyFilter#hash}, which the key table's fingerprints use too) and the filter is
   * blocked (one 64-byte block per member). 4: a host's path marker lies in its key's block
   * ({@link KeyFilter#blockMarker}), so the two tests of a host read one block; the Lucene files and the
   * key table are as in format 3. 5: a {@code www.} host's key lies in the block of the host after
   * {@code www.} ({@link KeyFilter#wwwMember}), so a check's tests of {@code www.example.com} and
   * {@code example.com} read one block; the Lucene files and the key table are as before. Formats 1 and 2
   * are refused, asking for a rebuild; formats 3 and 4 are still read (their filters tested as written),
   * and a new generation is always written in format 5.
   */
  static final int FORMAT = 5;
  /** The oldest format read. */
  static final int OLDEST_FORMAT = 3;

  static final String K_FORMAT = "format";
  static final String K_GENERATION = "generation";
  static final String K_CREATED = "created";
  static final String K_ENTRIES = "entries";
  static final String K_KEYS = "keys";
  static final String K_CATEGORY = "category.";
  static final String K_SOURCE = "source.";
  static final String K_BLOOM_FILE = "bloom.file";
  static final String K_BLOOM_EXPECTED = "bloom.expectedKeys";
  static final String K_BLOOM_FPP = "bloom.fpp";
  static final String K_BLOOM_BYTES = "bloom.bytes";
  static final String K_BLOOM_CRC = "bloom.crc32c";
  static final String K_SEGMENTS = "lucene.segments";
  /**
   * The key table ({@link KeyTable#FILE}) as {@code length:checksum}. Optional within format 2: a
   * generation written before the table existed has none and is looked up through the Bloom filter
   * and Lucene; a library that predates the table ignores the property and the file.
   */
  static final String K_TABLE = "table.file." + KeyTable.FILE;
  static final String K_FILE = "lucene.file.";

  private IndexLayout() {}

  static Path generationDir(Path dir, int generation) {
    return dir.resolve(PREFIX + generation);
  }

  /** The generation numbers of every {@code generation-N} folder, complete or not, newest first. */
  static List<Integer> generations(Path dir) throws IOException {
    List<Integer> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path p : s) {
        String n = p.getFileName().toString().substring(PREFIX.length());
        if (!n.isEmpty() && n.length() < 10 && n.chars().allMatch(c -> c >= '0' && c <= '9') && Files.isDirectory(p)) {
          out.add(Integer.parseInt(n));
        }
      }
    }
    out.sort(Comparator.reverseOrder());
    return out;
  }

  /** The newest generation that has its properties file, or -1. */
  static int newestComplete(Path dir) throws IOException {
    for (int g : generations(dir)) {
      if (Files.isRegularFile(generationDir(dir, g).resolve(PROPERTIES))) {
        return g;
      }
    }
    return -1;
  }

  /** Properties stored with their keys sorted, so the file diffs well. */
  static final class SortedProperties extends Properties {
    private static final long serialVersionUID = 1L;

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      List<Map.Entry<Object, Object>> entries = new ArrayList<>(super.entrySet());
      entries.sort(Comparator.comparing(e -> e.getKey().toString()));
      return Collections.unmodifiableSet(new LinkedHashSet<>(entries));
    }
  }

  /**
   * Records each Lucene file of the latest commit: length and footer checksum. Each file is read whole
   * once here and its checksum verified ({@link CodecUtil#checksumEntireFile}), so a generation whose
   * files were damaged while being written is never published; opening then only compares lengths and
   * footers.
   *
   * @throws org.apache.lucene.index.CorruptIndexException when a file does not match its own checksum
   */
  static void describeCommit(Directory luceneDir, Properties props) throws IOException {
    SegmentInfos infos = SegmentInfos.readLatestCommit(luceneDir);
    props.setProperty(K_SEGMENTS, infos.getSegmentsFileName());
    for (String file : infos.files(true)) {
      try (IndexInput in = luceneDir.openInput(file, IOContext.READONCE)) {
        props.setProperty(K_FILE + file, in.length() + ":" + Long.toHexString(CodecUtil.checksumEntireFile(in)));
      }
    }
  }

  /**
   * Checks that every Lucene file the properties list is there with its length and footer checksum.
   *
   * @throws IllegalStateException naming the first file that is not
   */
  static void checkCommit(Directory luceneDir, Properties props) throws IOException {
    int files = 0;
    for (String name : props.stringPropertyNames()) {
      if (!name.startsWith(K_FILE)) {
        continue;
      }
      files++;
      String file = name.substring(K_FILE.length());
      String[] expected = props.getProperty(name).split(":", 2);
      long length = expected.length == 2 ? parseLength(expected[0]) : -1;
      if (length < 0) {
        throw new IllegalStateException(PROPERTIES + " has a malformed entry " + name + " (expected length:checksum)");
      }
      try (IndexInput in = luceneDir.openInput(file, IOContext.READONCE)) {
        if (in.length() != length) {
          throw new IllegalStateException("Lucene file " + file + " has " + in.length() + " bytes, expected "
              + length + " (truncated or replaced)");
        }
        long checksum = CodecUtil.retrieveChecksum(in);
        if (!Long.toHexString(checksum).equals(expected[1])) {
          throw new IllegalStateException("Lucene file " + file + " has footer checksum "
              + Long.toHexString(checksum) + ", expected " + expected[1]);
        }
      } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
        throw new IllegalStateException("Lucene file " + file + " is missing", e);
      }
    }
    if (files == 0) {
      throw new IllegalStateException("properties list no Lucene files");
    }
  }

  static Properties read(Path genDir) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(genDir.resolve(PROPERTIES))) {
      p.load(in);
    }
    return p;
  }

  /** Writes {@code bytes} to {@code target} through a temporary file, synced, then moved atomically. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot move " + tmp + " atomically", e);
    }
  }

  static byte[] toBytes(Properties props, String comment) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (OutputStream o = out) {
      props.store(o, comment);
    }
    return out.toByteArray();
  }

  static String now() {
    return Instant.now().toString();
  }

  static long longProp(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("properties lack '" + key + "'");
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("property '" + key + "' is not a number: " + v);
    }
  }

  /** A file length as written in the properties, or -1 when it is not one. */
  private static long parseLength(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
