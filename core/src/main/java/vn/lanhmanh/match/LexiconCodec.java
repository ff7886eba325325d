package vn.lanhmanh.match;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;
import vn.lanhmanh.lexicon.LexiconEntry.Kind;
import vn.lanhmanh.text.Vocabulary;

/**
 * The precompiled form of lexicons: the one place that writes and reads a {@link CompiledLexicon} as
 * bytes, so that a filter starts without parsing, normalising and compiling thousands of phrases.
 *
 * <p>Layout: an 8-byte magic {@code LMLEXBIN}, the format version, the engine stamp (which build of the
 * normaliser and compiler wrote it), a checksum of the lexicon source files (0 when unknown), then the
 * payload's inflated length, its CRC-32, the deflated payload and (from version 6) a CRC-32 of the deflated bytes
 * themselves, so that a damaged byte is refused even where it leaves the inflated payload as it was (a code length
 * of a symbol a block never uses). The payload holds the lexicon entries
 * once (for custom policies and conversations compiled later) and any number of named compiled lexicons,
 * each referring to its entries by index: vocabulary tables, both phrase automata, rule ids and the
 * syllable ids of every entry. Everything else of a {@link CompiledLexicon} is derived when it is read.
 *
 * <p>A damaged, truncated, foreign or wrong-version input is a {@link FormatException} naming the
 * problem; reading never returns a matcher built from bytes that failed a check.
 *
 * <p>Stateless; thread-safe.
 */
public final class LexiconCodec {

  /** The embedded default lexicon (and stage phrases), written at build time by {@code LexiconCompiler}. */
  public static final String DEFAULT_RESOURCE = "/vn/lanhmanh/lexicon/default.lmlex";
  /**
   * Bumped whenever the layout below changes. Version 3 adds a concept phrase's concepts 64-127, written
   * after its flags when it has any (flag 2); version 4 its concepts 128-191, written after those when it has
   * any (flag 4); version 5 its concepts 192-255, written last when it has any (flag 8); version 6 a CRC-32 of
   * the deflated bytes after them, at the end of the file.
   */
  public static final int FORMAT_VERSION = 6;
  /**
   * The oldest version still read: version 2 wrote concepts 0-63 only, version 3 concepts 0-127 and version
   * 4 concepts 0-191; they are read as version 6 with none of the concepts they could not hold, and version 5
   * and older without the deflated bytes' checksum.
   */
  public static final int OLDEST_FORMAT_VERSION = 2;
  private static final byte[] MAGIC = "LMLEXBIN".getBytes(StandardCharsets.US_ASCII);
  /** Refuse to inflate more than this: a precompiled lexicon is a few megabytes at most. */
  private static final int MAX_PAYLOAD = 256 << 20;
  private static final int[] EMPTY = new int[0];

  /** A precompiled input that cannot be used, with the reason. */
  public static final class FormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }

    FormatException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What a precompiled file holds: the lexicon entries and named compiled lexicons ({@code lexicon},
   * {@code stages} …). A bundle that was read decodes each compiled lexicon on first request, so a filter
   * that never watches conversations never decodes the stage phrases. Thread-safe.
   */
  public static final class Bundle {
    private final String engine;
    private final long sourceChecksum;
    private final List<LexiconEntry> entries;
    private final Map<String, CompiledLexicon> decoded;
    /** Sections not decoded yet, by name; their bytes refer to {@link #table}. */
    private final Map<String, byte[]> sections;
    private final LexiconEntry[] table;
    /** The format version of the bytes of {@link #sections}. */
    private final int formatVersion;

    /**
     * @param engine the stamp of the engine that compiled it
     * @param sourceChecksum CRC-32 of the lexicon source files it was compiled from, 0 when unknown
     * @param entries the lexicon's entries in source order, teencode included
     * @param lexicons compiled lexicons by name
     */
    public Bundle(String engine, long sourceChecksum, List<LexiconEntry> entries,
        Map<String, CompiledLexicon> lexicons) {
      this(engine, sourceChecksum, entries, new LinkedHashMap<>(lexicons), Map.of(), null, FORMAT_VERSION);
    }

    private Bundle(String engine, long sourceChecksum, List<LexiconEntry> entries,
        Map<String, CompiledLexicon> decoded, Map<String, byte[]> sections, LexiconEntry[] table,
        int formatVersion) {
      this.engine = engine;
      this.sourceChecksum = sourceChecksum;
      this.entries = List.copyOf(entries);
      this.decoded = decoded;
      this.sections = new LinkedHashMap<>(sections);
      this.table = table;
      this.formatVersion = formatVersion;
    }

    public String engine() {
      return engine;
    }

    public long sourceChecksum() {
      return sourceChecksum;
    }

    public List<LexiconEntry> entries() {
      return entries;
    }

    /** The names of the compiled lexicons, in the order they were written. */
    public synchronized List<String> names() {
      List<String> names = new ArrayList<>(decoded.keySet());
      names.addAll(sections.keySet());
      return names;
    }

    /**
     * The compiled lexicon of this name, or null if there is none.
     *
     * @throws FormatException if its bytes are inconsistent
     */
    public synchronized CompiledLexicon lexicon(String name) {
      CompiledLexicon c = decoded.get(name);
      if (c == null && sections.containsKey(name)) {
        c = decodeSection(sections.get(name), table, formatVersion);
        decoded.put(name, c);
        sections.remove(name);
      }
      return c;
    }
  }

  /** The header alone, read without inflating the payload. */
  public record Header(int formatVersion, String engine, long sourceChecksum) {}

  /** Whether {@link #write} deflates the payload: not for a resource that goes into a (deflated) jar. */
  public enum Compression { NONE, DEFLATE }

  private LexiconCodec() {}

  // ---------------------------------------------------------------- writing

  /** Writes a bundle, deflated. */
  public static void write(Bundle bundle, OutputStream out) throws IOException {
    write(bundle, out, Compression.DEFLATE);
  }

  /** Writes a bundle. */
  public static void write(Bundle bundle, OutputStream out, Compression compression) throws IOException {
    Out d = new Out();
    Map<LexiconEntry, Integer> index = new IdentityHashMap<>();
    List<LexiconEntry> table = new ArrayList<>(bundle.entries());
    for (LexiconEntry e : table) {
      index.putIfAbsent(e, index.size());
    }
    List<String> names = bundle.names();
    d.varint(table.size());
    for (LexiconEntry e : table) {
      writeEntry(d, e);
    }
    d.varint(names.size());
    for (String name : names) {
      // Each compiled lexicon is a section of its own (own string table), decoded only when asked for.
      Out section = new Out();
      writeLexicon(section, bundle.lexicon(name), index);
      d.string(name);
      d.bytes(section.toByteArray());
    }
    byte[] payload = d.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteArrayOutputStream packed = new ByteArrayOutputStream(payload.length / 3);
    if (compression == Compression.DEFLATE) {
      Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
      try {
        deflater.setInput(payload);
        deflater.finish();
        byte[] buf = new byte[1 << 16];
        while (!deflater.finished()) {
          packed.write(buf, 0, deflater.deflate(buf));
        }
      } finally {
        deflater.end();
      }
    } else {
      packed.write(payload);
    }
    DataOutputStream h = new DataOutputStream(out);
    h.write(MAGIC);
    h.writeInt(FORMAT_VERSION);
    byte[] engine = bundle.engine().getBytes(StandardCharsets.UTF_8);
    h.writeInt(engine.length);
    h.write(engine);
    h.writeLong(bundle.sourceChecksum());
    h.writeByte(compression.ordinal());
    h.writeInt(payload.length);
    h.writeLong(crc.getValue());
    h.writeInt(packed.size());
    packed.writeTo(h);
    CRC32 packedCrc = new CRC32();
    packedCrc.update(packed.toByteArray());
    h.writeLong(packedCrc.getValue());
    h.flush();
  }

  private static void writeEntry(Out d, LexiconEntry e) {
    d.varint(e.kind().ordinal());
    d.string(e.phrase());
    d.varint(e.category() == null ? 0 : e.category().ordinal() + 1);
    d.varint(e.rating() == null ? 0 : e.rating().ordinal() + 1);
    d.varint(e.severity() == null ? 0 : e.severity().ordinal() + 1);
    d.varint(e.fold().ordinal());
    int contexts = 0;
    for (Category c : e.contextCategories()) {
      contexts |= 1 << c.ordinal();
    }
    d.varint(contexts);
    d.nullableString(e.expansion());
    d.string(e.note());
    d.string(e.source());
  }

  /**
   * A compiled lexicon refers to the bundle's entries by index (even references); the entries it has of its
   * own (a stage phrase, a policy's phrase) are written in its section and referred to by odd numbers, so
   * they are decoded only with it.
   */
  private static void writeLexicon(Out d, CompiledLexicon c, Map<LexiconEntry, Integer> index) {
    Map<LexiconEntry, Integer> local = new IdentityHashMap<>();
    List<LexiconEntry> own = new ArrayList<>();
    for (LexiconEntry e : c.entries) {
      if (!index.containsKey(e) && !local.containsKey(e)) {
        local.put(e, own.size());
        own.add(e);
      }
    }
    d.varint(own.size());
    for (LexiconEntry e : own) {
      writeEntry(d, e);
    }
    writeVocabulary(d, c.vocab);
    int rules = c.entries.length;
    int concepts = c.conceptSets.length;
    writeAutomaton(d, trieOf(c.exact, rules, concepts));
    Trie fold = trieOf(c.fold, rules, concepts);
    writeAutomaton(d, fold);
    int[][] foldIds = paths(fold, c.entries.length + c.conceptSets.length);
    Keys foldKeys = new Keys(c.vocab.foldCount(), c.vocab::foldKey);
    d.varint(c.entries.length);
    for (int i = 0; i < c.entries.length; i++) {
      Integer global = index.get(c.entries[i]);
      d.varint(global != null ? global << 1 : (local.get(c.entries[i]) << 1) | 1);
      // Rule ids are derived from the folded syllables where they can be; only a prefix is written.
      String id = c.ruleIds[i];
      String suffix = foldIds[i] == null ? null : ruleIdSuffix(c.entries[i], foldKeys, foldIds[i]);
      if (id == null) {
        d.varint(0);
      } else if (suffix != null && id.endsWith(suffix)) {
        d.varint(1);
        d.string(id.substring(0, id.length() - suffix.length()));
      } else {
        d.varint(2);
        d.string(id);
      }
    }
    for (Kind k : Kind.values()) {
      d.varint(c.counts.getOrDefault(k, 0));
    }
    // Concept phrases: outputs numbered after the entries; their syllables are trie paths as well. Each:
    // its concepts 0-63, flags (1: fold always, 2: concepts 64-127 follow, 4: concepts 128-191 follow, 8:
    // concepts 192-255 follow), then those concepts if any.
    d.varint(c.conceptSets.length);
    for (int j = 0; j < c.conceptSets.length; j++) {
      ConceptSet set = c.conceptSets[j];
      writeConceptWord(d, set.w0());
      d.varint((c.foldAlways[c.entries.length + j] ? 1 : 0) | (set.w1() != 0 ? 2 : 0) | (set.w2() != 0 ? 4 : 0)
          | (set.w3() != 0 ? 8 : 0));
      if (set.w1() != 0) {
        writeConceptWord(d, set.w1());
      }
      if (set.w2() != 0) {
        writeConceptWord(d, set.w2());
      }
      if (set.w3() != 0) {
        writeConceptWord(d, set.w3());
      }
    }
  }

  /** One word of a concept phrase's concepts: its low 32 bits, then its high 32 bits. */
  private static void writeConceptWord(Out d, long word) {
    d.varint((int) word);
    d.varint((int) (word >>> 32));
  }

  /** Keys in id order with their roles, so reading replays the same additions and gets the same ids. */
  private static void writeVocabulary(Out d, Vocabulary v) {
    d.varint(v.exactCount());
    for (int id = 0; id < v.exactCount(); id++) {
      int[][] teencode = v.teencodeIds(id);
      d.string(v.exactKey(id));
      d.varint((v.isExactSyllable(id) ? 1 : 0) | (teencode != null ? 2 : 0));
      if (teencode != null) {
        d.ints(teencode[0]);
        d.ints(teencode[1]);
      }
    }
    d.varint(v.foldCount());
    for (int id = 0; id < v.foldCount(); id++) {
      int[] joined = v.joinedIds(id);
      boolean syllable = v.isFoldSyllable(id);
      // A joined spelling that is only that is the concatenation of its syllables: not written out.
      boolean derived = !syllable && joined != null && joinedKey(v, joined).equals(v.foldKey(id));
      d.varint((syllable ? 1 : 0) | (joined != null ? 2 : 0) | (derived ? 4 : 0));
      if (!derived) {
        d.string(v.foldKey(id));
      }
      if (joined != null) {
        d.ints(joined);
      }
    }
    d.ints(v.maskableIds());
  }

  /**
   * The trie (each state's parent and edge symbol), failure links and each state's own outputs; the
   * child ranges, root array, child bits and inherited outputs are rebuilt when read.
   */
  private static void writeAutomaton(Out d, Trie t) {
    int n = t.parent.length;
    d.varint(n);
    for (int s = 1; s < n; s++) {
      d.varint(s - t.parent[s]);
      d.varint(t.symbol[s]);
      d.varint(t.fail[s]);
    }
    for (int s = 0; s < n; s++) {
      d.ints(t.own[s]);
    }
  }

  /**
   * The trie of a built automaton, numbered as {@link CompiledLexicon#compile} creates its states (concept
   * phrases first, then the lexicon's entries, each phrase's new states in the order of its syllables), each
   * state with the outputs it has of its own (not inherited through its failure link) in that order too.
   * This numbering puts most states right after their parent, so the written form stays small and deflates
   * well whatever numbering the automaton uses in memory.
   *
   * @param rules the number of lexicon entries: outputs from it on are concept phrases, added first
   * @param concepts the number of concept phrases
   */
  private static Trie trieOf(PhraseAutomaton a, int rules, int concepts) {
    int n = a.stateCount();
    int[] parent = new int[n];
    int[] depth = new int[n];
    int[][] own = new int[n][];
    int[] minRank = new int[n];
    Arrays.fill(minRank, Integer.MAX_VALUE);
    for (int s = 0; s < n; s++) {
      for (int c = a.first[s]; c < a.first[s + 1]; c++) {
        parent[c] = s;
        depth[c] = depth[s] + 1;
      }
      own[s] = s == 0 ? a.outputs(s) : without(a.outputs(s), a.outputs(a.fail(s)));
      for (int e : own[s]) {
        minRank[s] = Math.min(minRank[s], e >= rules ? e - rules : e + concepts);
      }
    }
    // A state is created by the first phrase through it: the least rank below it. Children come after
    // their parent in the automaton's (breadth-first) numbering.
    for (int s = n - 1; s > 0; s--) {
      minRank[parent[s]] = Math.min(minRank[parent[s]], minRank[s]);
    }
    long[] keys = new long[n];
    for (int s = 0; s < n; s++) {
      if (n >= 1 << 24 || depth[s] >= 1 << 16 || minRank[s] >= 1 << 23) {
        throw new IllegalStateException("automaton too large to write: " + n + " states");
      }
      keys[s] = ((long) minRank[s] << 40) | ((long) depth[s] << 24) | s;
    }
    Arrays.sort(keys);
    int[] renumber = new int[n];
    for (int i = 0; i < n; i++) {
      renumber[(int) (keys[i] & ((1 << 24) - 1))] = i;
    }
    int[] wParent = new int[n];
    int[] wSymbol = new int[n];
    int[] wFail = new int[n];
    int[] wDepth = new int[n];
    int[][] wOwn = new int[n][];
    for (int s = 0; s < n; s++) {
      int i = renumber[s];
      wParent[i] = renumber[parent[s]];
      wSymbol[i] = s == 0 ? 0 : a.symbol[s];
      wFail[i] = renumber[a.fail(s)];
      wDepth[i] = depth[s];
      wOwn[i] = byRank(own[s], rules);
    }
    return new Trie(a, wParent, wSymbol, wDepth, wOwn, wFail);
  }

  /** Ascending outputs in the order they were added: the concept phrases first, then the entries. */
  private static int[] byRank(int[] ascending, int rules) {
    int split = 0;
    while (split < ascending.length && ascending[split] < rules) {
      split++;
    }
    if (split == 0 || split == ascending.length) {
      return ascending;
    }
    int[] out = new int[ascending.length];
    System.arraycopy(ascending, split, out, 0, ascending.length - split);
    System.arraycopy(ascending, 0, out, ascending.length - split, split);
    return out;
  }

  /** The values of ascending {@code all} that are not in ascending {@code some}. */
  private static int[] without(int[] all, int[] some) {
    if (some.length == 0) {
      return all;
    }
    int[] out = new int[all.length];
    int n = 0;
    int j = 0;
    for (int v : all) {
      while (j < some.length && some[j] < v) {
        j++;
      }
      if (j == some.length || some[j] != v) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Per entry, the symbols on the path to the state where it is an output; null for one in no state. */
  private static int[][] paths(Trie t, int entries) {
    int[][] out = new int[entries][];
    for (int s = 0; s < t.own.length; s++) {
      for (int e : t.own[s]) {
        if (e < 0 || e >= entries || out[e] != null) {
          throw new FormatException("precompiled lexicon is corrupt: output " + e + " of state " + s);
        }
        int[] path = new int[t.depth[s]];
        for (int k = path.length - 1, x = s; k >= 0; k--, x = t.parent[x]) {
          path[k] = t.symbol[x];
        }
        out[e] = path;
      }
    }
    return out;
  }

  private static String joinedKey(Vocabulary v, int[] foldIds) {
    StringBuilder b = new StringBuilder();
    for (int id : foldIds) {
      b.append(v.foldKey(id));
    }
    return b.toString();
  }

  /**
   * What {@link CompiledLexicon#compile} makes a rule id of, after its prefix: the category and the
   * folded syllables joined by {@code _} (a target: {@code harassment/target:} and the syllables).
   */
  private static String ruleIdSuffix(LexiconEntry e, Keys foldKeys, int[] foldIds) {
    if (e.kind() != Kind.RULE && e.kind() != Kind.TARGET) {
      return null;
    }
    StringBuilder b = new StringBuilder(e.kind() == Kind.TARGET ? "harassment/target:" : e.category().jsonName() + "/");
    for (int k = 0; k < foldIds.length; k++) {
      b.append(k == 0 ? "" : "_").append(foldKeys.get(foldIds[k]));
    }
    return b.toString();
  }

  /**
   * The keys of one vocabulary table, each made into a string once: entries share their syllables' strings
   * (a new string per syllable of every entry was most of the time a cold start spent decoding).
   */
  private static final class Keys {
    private final String[] keys;
    private final IntFunction<String> table;

    Keys(int size, IntFunction<String> table) {
      this.keys = new String[size];
      this.table = table;
    }

    String get(int id) {
      String k = keys[id];
      if (k == null) {
        k = table.apply(id);
        keys[id] = k;
      }
      return k;
    }
  }

  /** A growing byte buffer with LEB128 varints and a table of the strings already written. */
  private static final class Out {
    private byte[] buf = new byte[1 << 16];
    private int size;
    private final Map<String, Integer> strings = new java.util.HashMap<>();

    void varint(int v) {
      if (size + 5 > buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      while ((v & ~0x7F) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    void ints(int[] a) {
      varint(a.length);
      for (int x : a) {
        varint(x);
      }
    }

    /** 0 and the bytes for a new string, or its table index + 1 for one written before. */
    void string(String s) {
      Integer seen = strings.get(s);
      if (seen != null) {
        varint(seen + 1);
        return;
      }
      strings.put(s, strings.size());
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(0);
      varint(b.length);
      if (size + b.length > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + b.length));
      }
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    void bytes(byte[] b) {
      varint(b.length);
      if (size + b.length > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + b.length));
      }
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    void nullableString(String s) {
      varint(s == null ? 0 : 1);
      if (s != null) {
        string(s);
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a bundle and checks it whole: magic, format version, payload checksum and the consistency of
   * every table. The engine stamp is returned, not judged: the caller compares it with its own.
   *
   * @throws FormatException naming what is wrong with the input
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static Bundle read(InputStream in) {
    byte[] all;
    try {
      all = readAll(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the precompiled lexicon", e);
    }
    ByteBuffer b = ByteBuffer.wrap(all);
    try {
      Header header = header(b);
      int compression = b.get();
      int rawLength = b.getInt();
      long crc = b.getLong();
      int packedLength = b.getInt();
      int trailer = header.formatVersion() >= 6 ? Long.BYTES : 0;
      if (rawLength < 0 || rawLength > MAX_PAYLOAD || packedLength < 0
          || packedLength > b.remaining() - trailer) {
        throw new FormatException("precompiled lexicon is truncated or corrupt (payload of " + packedLength
            + " bytes declared, " + b.remaining() + " present)");
      }
      if (trailer > 0) {
        CRC32 packedCheck = new CRC32();
        packedCheck.update(all, b.position(), packedLength);
        if (packedCheck.getValue() != b.getLong(b.position() + packedLength)) {
          throw new FormatException("precompiled lexicon is corrupt: checksum mismatch of the deflated bytes");
        }
      }
      byte[] payload;
      if (compression == Compression.DEFLATE.ordinal()) {
        payload = inflate(all, b.position(), packedLength, rawLength);
      } else if (compression == Compression.NONE.ordinal() && packedLength == rawLength) {
        payload = Arrays.copyOfRange(all, b.position(), b.position() + rawLength);
      } else {
        throw new FormatException("precompiled lexicon is corrupt: compression " + compression);
      }
      CRC32 check = new CRC32();
      check.update(payload);
      if (check.getValue() != crc) {
        throw new FormatException("precompiled lexicon is corrupt: payload checksum mismatch");
      }
      return payload(header, new In(payload));
    } catch (BufferUnderflowException e) {
      throw new FormatException("precompiled lexicon is truncated", e);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      if (e instanceof FormatException f) {
        throw f;
      }
      throw new FormatException("precompiled lexicon is corrupt: " + e, e);
    }
  }

  /**
   * Reads only the header of a precompiled input.
   *
   * @throws FormatException if it is not a precompiled lexicon of this format version
   */
  public static Header readHeader(InputStream in) {
    try {
      byte[] start = new byte[4096];
      int n = 0;
      for (int k; n < start.length && (k = in.read(start, n, start.length - n)) > 0; ) {
        n += k;
      }
      return header(ByteBuffer.wrap(start, 0, n));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the precompiled lexicon", e);
    } catch (BufferUnderflowException e) {
      throw new FormatException("precompiled lexicon is truncated", e);
    }
  }

  /** The whole stream (InputStream.readAllBytes is Java 9+, not on Android 26). */
  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static Header header(ByteBuffer b) {
    byte[] magic = new byte[MAGIC.length];
    if (b.remaining() < MAGIC.length) {
      throw new FormatException("not a precompiled lexicon: " + b.remaining() + " bytes");
    }
    b.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new FormatException("not a precompiled lexicon (it does not start with LMLEXBIN)");
    }
    int version = b.getInt();
    if (version < OLDEST_FORMAT_VERSION || version > FORMAT_VERSION) {
      throw new FormatException("precompiled lexicon has format version " + version + ", this library reads "
          + "versions " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION
          + ": compile it again with this version (lanhmanh lexicon compile)");
    }
    int n = b.getInt();
    if (n < 0 || n > 256 || n > b.remaining()) {
      throw new FormatException("precompiled lexicon is corrupt: engine stamp of " + n + " bytes");
    }
    byte[] engine = new byte[n];
    b.get(engine);
    return new Header(version, new String(engine, StandardCharsets.UTF_8), b.getLong());
  }

  private static byte[] inflate(byte[] in, int off, int len, int rawLength) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(in, off, len);
      byte[] out = new byte[rawLength];
      int n = 0;
      while (n < rawLength && !inflater.finished()) {
        int k = inflater.inflate(out, n, rawLength - n);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += k;
      }
      if (n != rawLength || !inflater.finished()) {
        throw new FormatException("precompiled lexicon is truncated or corrupt: payload inflates to " + n
            + " bytes, " + rawLength + " declared");
      }
      return out;
    } catch (DataFormatException e) {
      throw new FormatException("precompiled lexicon is corrupt: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private static Bundle payload(Header header, In b) {
    int tableSize = b.count("entries");
    LexiconEntry[] table = new LexiconEntry[tableSize];
    for (int i = 0; i < tableSize; i++) {
      table[i] = readEntry(b);
    }
    int lexicons = b.count("lexicons");
    Map<String, byte[]> sections = new LinkedHashMap<>();
    for (int i = 0; i < lexicons; i++) {
      String name = b.string();
      int n = b.count("section bytes");
      sections.put(name, Arrays.copyOfRange(b.buf, b.pos, b.pos + n));
      b.pos += n;
    }
    if (b.pos != b.buf.length) {
      throw new FormatException("precompiled lexicon is corrupt: " + (b.buf.length - b.pos)
          + " bytes after the end");
    }
    return new Bundle(header.engine(), header.sourceChecksum(), Arrays.asList(table), new LinkedHashMap<>(),
        sections, table, header.formatVersion());
  }

  private static CompiledLexicon decodeSection(byte[] section, LexiconEntry[] table, int version) {
    try {
      In in = new In(section);
      CompiledLexicon c = readLexicon(in, table, version);
      if (in.pos != section.length) {
        throw new FormatException("precompiled lexicon is corrupt: " + (section.length - in.pos)
            + " bytes after a compiled lexicon");
      }
      return c;
    } catch (IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      if (e instanceof FormatException f) {
        throw f;
      }
      throw new FormatException("precompiled lexicon is corrupt: " + e, e);
    }
  }

  private static final Category[] CATEGORIES = Category.values();
  private static final Kind[] KINDS = Kind.values();
  private static final Fold[] FOLDS = Fold.values();
  private static final Rating[] RATINGS = Rating.values();
  private static final Severity[] SEVERITIES = Severity.values();

  private static LexiconEntry readEntry(In b) {
    Kind kind = KINDS[b.varint()];
    String phrase = b.string();
    int category = b.varint();
    int rating = b.varint();
    int severity = b.varint();
    Fold fold = FOLDS[b.varint()];
    int contexts = b.varint();
    Set<Category> cats = contexts == 0 ? Set.of() : EnumSet.noneOf(Category.class);
    for (int c = 0; contexts != 0 && c < CATEGORIES.length; c++) {
      if ((contexts & (1 << c)) != 0) {
        cats.add(CATEGORIES[c]);
      }
    }
    String expansion = b.nullableString();
    String note = b.string();
    String source = b.string();
    return new LexiconEntry(kind, phrase, category == 0 ? null : CATEGORIES[category - 1],
        rating == 0 ? null : RATINGS[rating - 1], severity == 0 ? null : SEVERITIES[severity - 1],
        fold, cats, expansion, note, source);
  }

  /** One word of a concept phrase's concepts: its low 32 bits, then its high 32 bits. */
  private static long readConceptWord(In b) {
    long low = b.varint() & 0xFFFF_FFFFL;
    long high = b.varint() & 0xFFFF_FFFFL;
    return low | (high << 32);
  }

  private static CompiledLexicon readLexicon(In b, LexiconEntry[] table, int version) {
    LexiconEntry[] own = new LexiconEntry[b.count("own entries")];
    for (int i = 0; i < own.length; i++) {
      own[i] = readEntry(b);
    }
    Vocabulary vocab = readVocabulary(b);
    Trie exactTrie = readTrie(b);
    Trie foldTrie = readTrie(b);
    PhraseAutomaton exact = exactTrie.automaton();
    PhraseAutomaton fold = foldTrie.automaton();
    int n = b.count("compiled entries");
    LexiconEntry[] entries = new LexiconEntry[n];
    String[] ruleIds = new String[n];
    int[] refs = new int[n];
    String[] ruleIdParts = new String[n];
    int[] idKinds = new int[n];
    for (int i = 0; i < n; i++) {
      refs[i] = b.varint();
      idKinds[i] = b.varint();
      if (idKinds[i] == 1 || idKinds[i] == 2) {
        ruleIdParts[i] = b.string();
      } else if (idKinds[i] != 0) {
        throw new FormatException("precompiled lexicon is corrupt: rule id kind " + idKinds[i]);
      }
    }
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, b.varint());
    }
    int m = b.count("concept phrases");
    ConceptSet[] conceptSets = new ConceptSet[m];
    Map<ConceptSet, ConceptSet> shared = new HashMap<>();
    boolean[] foldAlways = new boolean[n + m];
    for (int j = 0; j < m; j++) {
      long w0 = readConceptWord(b);
      int flags = b.varint();
      // version 2 had only concepts 0-63 and the flag "fold always", version 3 only concepts 0-127, version 4
      // only concepts 0-191
      if (flags < 0 || flags > (version >= 5 ? 15 : version == 4 ? 7 : version == 3 ? 3 : 1)) {
        throw new FormatException("precompiled lexicon is corrupt: flags " + flags + " of concept phrase " + j);
      }
      long w1 = (flags & 2) != 0 ? readConceptWord(b) : 0;
      long w2 = (flags & 4) != 0 ? readConceptWord(b) : 0;
      long w3 = (flags & 8) != 0 ? readConceptWord(b) : 0;
      conceptSets[j] = shared.computeIfAbsent(new ConceptSet(w0, w1, w2, w3), k -> k);   // one per distinct set
      foldAlways[n + j] = (flags & 1) != 0;
    }
    int total = n + m;
    // An output's exact syllables are the path to the state of the exact automaton where it is an output.
    int[][] paths = paths(exactTrie, total);
    int[][] foldIds = paths(foldTrie, total);
    Keys foldKeys = new Keys(vocab.foldCount(), vocab::foldKey);
    int[] syllableStart = new int[total + 1];
    for (int i = 0; i < total; i++) {
      if (paths[i] == null) {
        throw new FormatException("precompiled lexicon is corrupt: output " + i + " is in no state");
      }
      syllableStart[i + 1] = syllableStart[i] + paths[i].length;
    }
    int[] syllableIds = new int[syllableStart[total]];
    for (int i = 0; i < total; i++) {
      for (int k = 0; k < paths[i].length; k++) {
        int id = paths[i][k];
        if (id < 0 || id >= vocab.exactCount()) {
          throw new FormatException("precompiled lexicon is corrupt: syllable id " + id + " out of range");
        }
        syllableIds[syllableStart[i] + k] = id;
      }
    }
    paths = null;
    for (int i = 0; i < n; i++) {
      int ref = refs[i];
      entries[i] = (ref & 1) == 0 ? table[ref >>> 1] : own[ref >>> 1];
      foldAlways[i] = entries[i].fold() == LexiconEntry.Fold.ALWAYS;
      int idKind = idKinds[i];
      if (idKind == 1) {
        String suffix = foldIds[i] == null ? null : ruleIdSuffix(entries[i], foldKeys, foldIds[i]);
        if (suffix == null) {
          throw new FormatException("precompiled lexicon is corrupt: no rule id for entry " + i);
        }
        ruleIds[i] = ruleIdParts[i] + suffix;
      } else if (idKind == 2) {
        ruleIds[i] = ruleIdParts[i];
      }
    }
    checkOutputs(exact, total);
    checkOutputs(fold, total);
    return new CompiledLexicon(vocab, exact, fold, entries, ruleIds, syllableStart, syllableIds, foldAlways,
        conceptSets, counts);
  }

  private static Vocabulary readVocabulary(In b) {
    Vocabulary v = new Vocabulary();
    int exact = b.count("exact syllables");
    for (int id = 0; id < exact; id++) {
      String key = b.string();
      int flags = b.varint();
      int got = (flags & 1) != 0 ? v.addExact(key) : -1;
      if ((flags & 2) != 0) {
        int[] ex = b.ints();
        int[] fo = b.ints();
        v.addTeencode(key, ex, fo);
      }
      if (v.exactCount() != id + 1 || (got >= 0 && got != id)) {
        throw new FormatException("precompiled lexicon is corrupt: exact syllable " + id + " ('" + key + "')");
      }
    }
    int fold = b.count("folded syllables");
    for (int id = 0; id < fold; id++) {
      int flags = b.varint();
      String key = (flags & 4) != 0 ? null : b.string();
      if ((flags & 1) != 0) {
        v.addFold(key);
      }
      if ((flags & 2) != 0) {
        int[] ids = b.ints();
        if (key == null) {
          for (int x : ids) {
            if (x < 0 || x >= id) {
              throw new FormatException("precompiled lexicon is corrupt: joined spelling " + id + " refers to " + x);
            }
          }
          key = joinedKey(v, ids);
        }
        v.addJoined(key, ids);
      }
      if (v.foldCount() != id + 1) {
        throw new FormatException("precompiled lexicon is corrupt: folded syllable " + id + " ('" + key + "')");
      }
    }
    int[] maskable = b.ints();
    for (int k = 0; k + 1 < maskable.length; k += 2) {
      if (maskable[k] < 0 || maskable[k] >= exact || maskable[k + 1] < 0 || maskable[k + 1] >= fold) {
        throw new FormatException("precompiled lexicon is corrupt: maskable swear " + k / 2);
      }
      v.addMaskable(maskable[k], maskable[k + 1]);
    }
    return v;
  }

  /** An automaton read back, with the trie and own outputs it was assembled from. */
  private record Trie(PhraseAutomaton automaton, int[] parent, int[] symbol, int[] depth, int[][] own,
      int[] fail) {}

  private static Trie readTrie(In b) {
    int n = b.count("states");
    if (n == 0) {
      throw new FormatException("precompiled lexicon is corrupt: an automaton without states");
    }
    int[] parent = new int[n];
    int[] symbol = new int[n];
    int[] fail = new int[n];
    int[] depth = new int[n];
    int maxDepth = 0;
    for (int s = 1; s < n; s++) {
      parent[s] = s - b.varint();
      symbol[s] = b.varint();
      fail[s] = b.varint();
      if (parent[s] < 0 || parent[s] >= s || symbol[s] < 0) {
        throw new FormatException("precompiled lexicon is corrupt: state " + s + " has parent " + parent[s]);
      }
      depth[s] = depth[parent[s]] + 1;
      maxDepth = Math.max(maxDepth, depth[s]);
    }
    int[][] own = new int[n][];
    for (int s = 0; s < n; s++) {
      own[s] = b.ints();
      if (s > 0 && (fail[s] >= n || depth[fail[s]] >= depth[s])) {
        throw new FormatException("precompiled lexicon is corrupt: failure link " + fail[s] + " of state " + s);
      }
    }
    // Inherited outputs follow failure links, which always lead to a shallower state: fill by depth.
    int[] byDepth = new int[maxDepth + 2];
    for (int s = 0; s < n; s++) {
      byDepth[depth[s] + 1]++;
    }
    for (int d = 1; d < byDepth.length; d++) {
      byDepth[d] += byDepth[d - 1];
    }
    int[] order = new int[n];
    for (int s = 0; s < n; s++) {
      order[byDepth[depth[s]]++] = s;
    }
    int[] ownStart = new int[n + 1];
    for (int s = 0; s < n; s++) {
      ownStart[s + 1] = ownStart[s] + own[s].length;
    }
    int[] ownIds = new int[ownStart[n]];
    for (int s = 0; s < n; s++) {
      System.arraycopy(own[s], 0, ownIds, ownStart[s], own[s].length);
    }
    PhraseAutomaton.Outputs outputs = PhraseAutomaton.inherit(fail, order, ownStart, ownIds);
    return new Trie(PhraseAutomaton.assemble(parent, symbol, fail, outputs), parent, symbol, depth, own, fail);
  }

  private static void checkOutputs(PhraseAutomaton a, int entries) {
    int[] pool = a.pool;
    for (int at = 1; at < pool.length; at += pool[at] + 1) {
      for (int k = at + 1; k <= at + pool[at]; k++) {
        int e = pool[k];
        if (e < 0 || e >= entries) {
          throw new FormatException("precompiled lexicon is corrupt: output " + e + " of " + entries + " entries");
        }
      }
    }
  }

  /** Reads what {@link Out} wrote; every bad length or index is a {@link FormatException}. */
  private static final class In {
    final byte[] buf;
    int pos;
    private final List<String> strings = new ArrayList<>();

    In(byte[] buf) {
      this.buf = buf;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        if (pos >= buf.length) {
          throw new FormatException("precompiled lexicon is truncated");
        }
        byte x = buf[pos++];
        v |= (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new FormatException("precompiled lexicon is corrupt: a number longer than 5 bytes");
    }

    /** A count, which can never exceed the bytes left (every counted item takes at least one). */
    int count(String what) {
      int n = varint();
      if (n < 0 || n > buf.length - pos) {
        throw new FormatException("precompiled lexicon is corrupt: " + n + " " + what);
      }
      return n;
    }

    int[] ints() {
      int n = count("numbers");
      if (n == 0) {
        return EMPTY;
      }
      int[] a = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = varint();
      }
      return a;
    }

    String string() {
      int ref = varint();
      if (ref != 0) {
        if (ref < 0 || ref > strings.size()) {
          throw new FormatException("precompiled lexicon is corrupt: string " + ref + " of " + strings.size());
        }
        return strings.get(ref - 1);
      }
      int n = count("string bytes");
      String s = new String(buf, pos, n, StandardCharsets.UTF_8);
      pos += n;
      strings.add(s);
      return s;
    }

    String nullableString() {
      return varint() == 0 ? null : string();
    }
  }

  // ---------------------------------------------------------------- stamps

  /**
   * CRC-32 of resources in order (each name followed by its bytes), or 0 if one is missing: the lexicon
   * sources a precompiled lexicon was made from, so a stale one is noticed.
   */
  public static long checksum(Class<?> anchor, List<String> resources) {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[1 << 14];
    for (String r : resources) {
      crc.update(r.getBytes(StandardCharsets.UTF_8));
      try (InputStream in = anchor.getResourceAsStream(r)) {
        if (in == null) {
          return 0;
        }
        for (int n; (n = in.read(buf)) > 0; ) {
          crc.update(buf, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + r, e);
      }
    }
    return crc.getValue();
  }
}
