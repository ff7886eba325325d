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
 * payload's inflated length, its CRC-32, the deflated payload and a CRC-32 of the deflated bytes
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
   * the deflated bytes after them, at the end of the file. Version 7 writes the automata without their failure
   * links (derived when read), each state's parent and number of outputs in one number and its outputs as
   * differences, and the concept phrases' distinct sets once, each phrase by its set's number.
   */
  public static final int FORMAT_VERSION = 7;
  /**
   * The oldest version still read. Versions 2 to 6 are refused (compile again): a precompiled file is tied to
   * the build that wrote it by its engine stamp anyway, so no file of an older layout can be used by this one.
   */
  public static final int OLDEST_FORMAT_VERSION = 7;
  private static final byte[] MAGIC = "LMLEXBIN".getBytes(StandardCharsets.US_ASCII);
  /** Refuse to inflate more than this: a precompiled lexicon is a few megabytes at most. */
  private static final int MAX_PAYLOAD = 256 << 20;
  /** The longest engine stamp a header may hold, in bytes. */
  private static final int MAX_STAMP = 256;
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
    /**
     * Sections not decoded yet, by name: ranges of the payload as read (the payload is let go with the last
     * of them); their bytes refer to {@link #table}.
     */
    private final Map<String, Section> sections;
    /** Sections that were read but could not be decoded, by name, with the reason, given again if asked. */
    private final Map<String, FormatException> refused = new LinkedHashMap<>();
    private final LexiconEntry[] table;

    /**
     * @param engine the stamp of the engine that compiled it
     * @param sourceChecksum CRC-32 of the lexicon source files it was compiled from, 0 when unknown
     * @param entries the lexicon's entries in source order, teencode included
     * @param lexicons compiled lexicons by name
     */
    public Bundle(String engine, long sourceChecksum, List<LexiconEntry> entries,
        Map<String, CompiledLexicon> lexicons) {
      this(engine, sourceChecksum, entries, new LinkedHashMap<>(lexicons), Map.of(), null);
    }

    private Bundle(String engine, long sourceChecksum, List<LexiconEntry> entries,
        Map<String, CompiledLexicon> decoded, Map<String, Section> sections, LexiconEntry[] table) {
      this.engine = engine;
      this.sourceChecksum = sourceChecksum;
      this.entries = List.copyOf(entries);
      this.decoded = decoded;
      this.sections = new LinkedHashMap<>(sections);
      this.table = table;
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
      names.addAll(refused.keySet());
      return names;
    }

    /**
     * The compiled lexicon of this name, or null if there is none.
     *
     * @throws FormatException if its bytes are inconsistent
     */
    public synchronized CompiledLexicon lexicon(String name) {
      CompiledLexicon c = decoded.get(name);
      if (c != null || !sections.containsKey(name) && !refused.containsKey(name)) {
        return c;
      }
      if (refused.containsKey(name)) {
        throw refused.get(name);
      }
      // Read and checked while its bytes are held; built once they are let go, so the payload (the largest
      // array read) is not in the heap while the automata are assembled (unless other sections hold it).
      Parsed parsed = parse(sections.get(name), table);
      sections.remove(name);
      try {
        c = parsed.build();
      } catch (IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
        FormatException f = corrupt(e);
        refused.put(name, f);
        throw f;
      }
      decoded.put(name, c);
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
      String id = c.ruleIds.get(i);
      String suffix = foldIds[i] == null ? null : ruleIdSuffix(c.entries[i], foldKeys, foldIds[i], foldIds[i].length);
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
    // Concept phrases: outputs numbered after the entries; their syllables are trie paths as well. Their
    // distinct concept sets first (a few hundred for some 500,000 phrases), each: its concepts 0-63, flags (2:
    // concepts 64-127 follow, 4: concepts 128-191 follow, 8: concepts 192-255 follow), then those concepts if
    // any. Then each phrase: its set's number in that table times two, plus one if it is folded always.
    Map<ConceptSet, Integer> distinct = new LinkedHashMap<>();
    for (ConceptSet set : c.conceptSets) {
      distinct.putIfAbsent(set, distinct.size());
    }
    d.varint(distinct.size());
    for (ConceptSet set : distinct.keySet()) {
      writeConceptWord(d, set.w0());
      d.varint((set.w1() != 0 ? 2 : 0) | (set.w2() != 0 ? 4 : 0) | (set.w3() != 0 ? 8 : 0));
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
    d.varint(c.conceptSets.length);
    for (int j = 0; j < c.conceptSets.length; j++) {
      d.varint((distinct.get(c.conceptSets[j]) << 1) | (c.foldAlways(c.entries.length + j) ? 1 : 0));
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
      d.varint((v.isExactSyllable(id) ? 1 : 0) | (teencode != null ? 2 : 0) | (v.isTypo(id) ? 4 : 0));
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
   * The trie and each state's own outputs, state by state in the order of {@link #trieOf}: for each state after
   * the root, one number holding how far back its parent is (times four) and how many outputs it has of its own
   * (0 to 2; 3 means three or more, their number less three follows), then the symbol on the edge into it, then
   * its own outputs, each as the difference from the output written before it (zigzag: most are one more).
   * The root has no parent or symbol: only its number of outputs, then those. Failure links, child ranges, root
   * array, child bits and inherited outputs are rebuilt when read.
   */
  private static void writeAutomaton(Out d, Trie t) {
    int n = t.parent.length;
    d.varint(n);
    int[] previous = {0};
    d.varint(t.own[0].length);
    writeOutputs(d, t.own[0], previous);
    for (int s = 1; s < n; s++) {
      int k = t.own[s].length;
      d.varint(((s - t.parent[s]) << 2) | Math.min(k, 3));
      if (k >= 3) {
        d.varint(k - 3);
      }
      d.varint(t.symbol[s]);
      writeOutputs(d, t.own[s], previous);
    }
  }

  /** Outputs as differences (zigzag) from the one written before; {@code previous[0]} is that one. */
  private static void writeOutputs(Out d, int[] outputs, int[] previous) {
    for (int e : outputs) {
      int delta = e - previous[0];
      d.varint((delta << 1) ^ (delta >> 31));
      previous[0] = e;
    }
  }

  /**
   * An automaton as written: its trie (each state's parent, edge symbol and depth) and each state's own outputs,
   * numbered as {@link #trieOf} numbers them.
   */
  private record Trie(PhraseAutomaton automaton, int[] parent, int[] symbol, int[] depth, int[][] own) {}

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
    int[] wDepth = new int[n];
    int[][] wOwn = new int[n][];
    for (int s = 0; s < n; s++) {
      int i = renumber[s];
      wParent[i] = renumber[parent[s]];
      wSymbol[i] = s == 0 ? 0 : a.symbol(s);
      wDepth[i] = depth[s];
      wOwn[i] = byRank(own[s], rules);
    }
    return new Trie(a, wParent, wSymbol, wDepth, wOwn);
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
   * folded syllables joined by {@code _} (a target: {@code harassment/target:} and the syllables), of the
   * first {@code length} ids of {@code foldIds}.
   */
  private static String ruleIdSuffix(LexiconEntry e, Keys foldKeys, int[] foldIds, int length) {
    if (e.kind() != Kind.RULE && e.kind() != Kind.TARGET) {
      return null;
    }
    StringBuilder b = new StringBuilder(e.kind() == Kind.TARGET ? "harassment/target:" : e.category().jsonName() + "/");
    for (int k = 0; k < length; k++) {
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
   * <p>The stream is read once, into the one array the payload is decoded from: the header is read field by
   * field and then exactly the declared payload, so neither the whole file nor a section is copied.
   *
   * @throws FormatException naming what is wrong with the input
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static Bundle read(InputStream in) {
    try {
      Header header = header(ByteBuffer.wrap(headerBytes(in)));
      ByteBuffer fields = ByteBuffer.wrap(readUpTo(in, 1 + Integer.BYTES + Long.BYTES + Integer.BYTES));
      int compression = fields.get();
      int rawLength = fields.getInt();
      long crc = fields.getLong();
      int packedLength = fields.getInt();
      if (rawLength < 0 || rawLength > MAX_PAYLOAD || packedLength < 0 || packedLength > MAX_PAYLOAD) {
        throw new FormatException("precompiled lexicon is truncated or corrupt (payload of " + packedLength
            + " bytes declared, " + rawLength + " inflated)");
      }
      byte[] packed = readExactly(in, packedLength);
      byte[] trailer = readUpTo(in, Long.BYTES);
      if (trailer.length < Long.BYTES) {
        throw new FormatException("precompiled lexicon is truncated: the checksum of the deflated bytes is "
            + "missing");
      }
      CRC32 packedCheck = new CRC32();
      packedCheck.update(packed);
      if (packedCheck.getValue() != ByteBuffer.wrap(trailer).getLong()) {
        throw new FormatException("precompiled lexicon is corrupt: checksum mismatch of the deflated bytes");
      }
      byte[] payload;
      if (compression == Compression.DEFLATE.ordinal()) {
        payload = inflate(packed, 0, packedLength, rawLength);
      } else if (compression == Compression.NONE.ordinal() && packedLength == rawLength) {
        payload = packed;   // read in place
      } else {
        throw new FormatException("precompiled lexicon is corrupt: compression " + compression);
      }
      packed = null;   // the deflated bytes go before the payload is decoded
      CRC32 check = new CRC32();
      check.update(payload);
      if (check.getValue() != crc) {
        throw new FormatException("precompiled lexicon is corrupt: payload checksum mismatch");
      }
      return payload(header, new In(payload, 0, payload.length));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the precompiled lexicon", e);
    } catch (BufferUnderflowException e) {
      throw new FormatException("precompiled lexicon is truncated", e);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw corrupt(e);
    }
  }

  /**
   * Reads only the header of a precompiled input.
   *
   * @throws FormatException if it is not a precompiled lexicon of this format version
   */
  public static Header readHeader(InputStream in) {
    try {
      return header(ByteBuffer.wrap(headerBytes(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the precompiled lexicon", e);
    } catch (BufferUnderflowException e) {
      throw new FormatException("precompiled lexicon is truncated", e);
    }
  }

  /**
   * The bytes of the header, and not one more: magic, version, the engine stamp's length, the stamp and the
   * source checksum (fewer when the stream ends first, or when the stamp's length is out of range, for
   * {@link #header} to refuse).
   */
  private static byte[] headerBytes(InputStream in) throws IOException {
    byte[] start = readUpTo(in, MAGIC.length + 2 * Integer.BYTES);
    if (start.length < MAGIC.length + 2 * Integer.BYTES) {
      return start;
    }
    int stamp = ByteBuffer.wrap(start).getInt(MAGIC.length + Integer.BYTES);
    if (stamp < 0 || stamp > MAX_STAMP) {
      return start;
    }
    byte[] rest = readUpTo(in, stamp + Long.BYTES);
    byte[] all = Arrays.copyOf(start, start.length + rest.length);
    System.arraycopy(rest, 0, all, start.length, rest.length);
    return all;
  }

  /** Up to {@code n} bytes of the stream: fewer only where it ends. */
  private static byte[] readUpTo(InputStream in, int n) throws IOException {
    byte[] buf = new byte[n];
    int got = 0;
    for (int k; got < n && (k = in.read(buf, got, n - got)) > 0; ) {
      got += k;
    }
    return got == n ? buf : Arrays.copyOf(buf, got);
  }

  /**
   * Exactly {@code length} bytes of the stream, in an array of that length. It is sized from what the stream
   * says it has and grown as the bytes arrive, so a damaged length allocates no more than the stream holds.
   *
   * @throws FormatException if the stream ends first
   */
  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] buf = new byte[Math.min(length, Math.max(1 << 16, in.available()))];
    int got = 0;
    while (got < length) {
      if (got == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(length, 2L * buf.length));
      }
      int k = in.read(buf, got, buf.length - got);
      if (k <= 0) {
        throw new FormatException("precompiled lexicon is truncated or corrupt (payload of " + length
            + " bytes declared, " + got + " present)");
      }
      got += k;
    }
    return buf;
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
          + (OLDEST_FORMAT_VERSION == FORMAT_VERSION ? "version " + FORMAT_VERSION
              : "versions " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION)
          + ": compile it again with this version (lanhmanh lexicon compile)");
    }
    int n = b.getInt();
    if (n < 0 || n > MAX_STAMP) {
      throw new FormatException("precompiled lexicon is corrupt: engine stamp of " + n + " bytes");
    }
    if (n > b.remaining()) {
      throw new FormatException("precompiled lexicon is truncated: engine stamp of " + n + " bytes, "
          + b.remaining() + " present");
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

  /** The entries table, then each compiled lexicon's bytes, kept where they are in the payload. */
  private static Bundle payload(Header header, In b) {
    int tableSize = b.count("entries");
    LexiconEntry[] table = new LexiconEntry[tableSize];
    for (int i = 0; i < tableSize; i++) {
      table[i] = readEntry(b);
    }
    int lexicons = b.count("lexicons");
    Map<String, Section> sections = new LinkedHashMap<>();
    for (int i = 0; i < lexicons; i++) {
      String name = b.string();
      int n = b.count("section bytes");
      sections.put(name, new Section(b.buf, b.pos, b.pos + n));
      b.pos += n;
    }
    if (b.pos != b.end) {
      throw new FormatException("precompiled lexicon is corrupt: " + (b.end - b.pos) + " bytes after the end");
    }
    return new Bundle(header.engine(), header.sourceChecksum(), Arrays.asList(table), new LinkedHashMap<>(),
        sections, table);
  }

  /** A compiled lexicon's bytes, not decoded yet: a range of the payload as it was read, not a copy. */
  private record Section(byte[] buf, int start, int end) {}

  /**
   * Reads a section into a {@link Parsed} lexicon, checking every table: what it returns builds without
   * another check, and holds nothing of the section's bytes.
   */
  private static Parsed parse(Section s, LexiconEntry[] table) {
    try {
      In in = new In(s.buf(), s.start(), s.end());
      Parsed p = readLexicon(in, table);
      if (in.pos != in.end) {
        throw new FormatException("precompiled lexicon is corrupt: " + (in.end - in.pos)
            + " bytes after a compiled lexicon");
      }
      return p;
    } catch (IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw corrupt(e);
    }
  }

  /** A {@link FormatException} for what a check of the bytes threw (itself when it is one). */
  private static FormatException corrupt(RuntimeException e) {
    return e instanceof FormatException f ? f : new FormatException("precompiled lexicon is corrupt: " + e, e);
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

  /**
   * Reads one compiled lexicon: its tables are decoded and checked, its rule ids derived, and its two tries
   * kept as read (the automata are assembled by {@link Parsed#build}, once the bytes are no longer held).
   */
  private static Parsed readLexicon(In b, LexiconEntry[] table) {
    LexiconEntry[] own = new LexiconEntry[b.count("own entries")];
    for (int i = 0; i < own.length; i++) {
      own[i] = readEntry(b);
    }
    Vocabulary vocab = readVocabulary(b);
    ReadTrie exact = readTrie(b, vocab.exactCount());
    ReadTrie fold = readTrie(b, vocab.foldCount());
    int n = b.count("compiled entries");
    LexiconEntry[] entries = new LexiconEntry[n];
    RuleIds.Builder ruleIds = new RuleIds.Builder(n);
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
    int distinct = b.count("concept sets");
    ConceptSet[] sets = new ConceptSet[distinct];
    for (int k = 0; k < distinct; k++) {
      long w0 = readConceptWord(b);
      int flags = b.varint();
      if (flags < 0 || flags > 15 || (flags & 1) != 0) {
        throw new FormatException("precompiled lexicon is corrupt: flags " + flags + " of concept set " + k);
      }
      long w1 = (flags & 2) != 0 ? readConceptWord(b) : 0;
      long w2 = (flags & 4) != 0 ? readConceptWord(b) : 0;
      long w3 = (flags & 8) != 0 ? readConceptWord(b) : 0;
      sets[k] = new ConceptSet(w0, w1, w2, w3);
    }
    int m = b.count("concept phrases");
    ConceptSet[] conceptSets = new ConceptSet[m];
    boolean[] foldAlways = new boolean[n + m];
    for (int j = 0; j < m; j++) {
      int ref = b.varint();
      if (ref < 0 || ref >>> 1 >= distinct) {
        throw new FormatException("precompiled lexicon is corrupt: concept set " + (ref >>> 1) + " of concept phrase "
            + j + " (" + distinct + " sets)");
      }
      conceptSets[j] = sets[ref >>> 1];   // one instance per distinct set
      foldAlways[n + j] = (ref & 1) != 0;
    }
    int total = n + m;
    // An output's exact syllables are the path to the state of the exact automaton where it is an output:
    // every output has one. Outputs that are never folded are in no state of the folded automaton.
    exact.checkOutputs(total, true);
    fold.checkOutputs(total, false);
    Keys foldKeys = new Keys(vocab.foldCount(), vocab::foldKey);
    int[] foldIds = new int[fold.maxDepth];
    for (int i = 0; i < n; i++) {
      int ref = refs[i];
      entries[i] = (ref & 1) == 0 ? table[ref >>> 1] : own[ref >>> 1];
      foldAlways[i] = entries[i].fold() == LexiconEntry.Fold.ALWAYS;
      int idKind = idKinds[i];
      if (idKind == 1) {
        String suffix = fold.has(i) ? ruleIdSuffix(entries[i], foldKeys, foldIds, fold.path(i, foldIds, 0)) : null;
        if (suffix == null) {
          throw new FormatException("precompiled lexicon is corrupt: no rule id for entry " + i);
        }
        ruleIds.add(ruleIdParts[i] + suffix);
      } else {
        ruleIds.add(idKind == 2 ? ruleIdParts[i] : null);
      }
    }
    fold.forgetPaths();   // the rule ids were their only use
    return new Parsed(vocab, exact, fold, entries, ruleIds.build(), foldAlways, conceptSets, counts);
  }

  /**
   * A compiled lexicon read and checked, its automata not assembled yet: what is left to do cannot fail on
   * these tables, and needs none of the bytes they were read from. Used once.
   */
  private static final class Parsed {
    private final Vocabulary vocab;
    private ReadTrie exact;
    private ReadTrie fold;
    private final LexiconEntry[] entries;
    private final RuleIds ruleIds;
    private final boolean[] foldAlways;
    private final ConceptSet[] conceptSets;
    private final Map<Kind, Integer> counts;

    Parsed(Vocabulary vocab, ReadTrie exact, ReadTrie fold, LexiconEntry[] entries, RuleIds ruleIds,
        boolean[] foldAlways, ConceptSet[] conceptSets, Map<Kind, Integer> counts) {
      this.vocab = vocab;
      this.exact = exact;
      this.fold = fold;
      this.entries = entries;
      this.ruleIds = ruleIds;
      this.foldAlways = foldAlways;
      this.conceptSets = conceptSets;
      this.counts = counts;
    }

    /**
     * The syllables of every phrase, straight from the exact trie into one array, then the two automata,
     * one after the other, each trie let go as its automaton is made.
     */
    CompiledLexicon build() {
      int total = foldAlways.length;
      int[] syllableStart = new int[total + 1];
      for (int i = 0; i < total; i++) {
        syllableStart[i + 1] = syllableStart[i] + exact.length(i);
      }
      IdArray syllableIds = new IdArray(syllableStart[total], vocab.exactCount());
      int[] path = new int[exact.maxDepth];
      for (int i = 0; i < total; i++) {
        int length = syllableStart[i + 1] - syllableStart[i];
        exact.path(i, path, 0);
        for (int k = 0; k < length; k++) {
          syllableIds.set(syllableStart[i] + k, path[k]);
        }
      }
      PhraseAutomaton exactAutomaton = exact.assemble();
      exact = null;
      PhraseAutomaton foldAutomaton = fold.assemble();
      fold = null;
      return new CompiledLexicon(vocab, exactAutomaton, foldAutomaton, entries, ruleIds, syllableStart,
          syllableIds, foldAlways, conceptSets, counts);
    }
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
      if ((flags & 4) != 0) {
        v.markTypo(id);
      }
      if (v.exactCount() != id + 1 || (got >= 0 && got != id)) {
        throw new FormatException("precompiled lexicon is corrupt: exact syllable " + id + " ('" + key + "')");
      }
    }
    int fold = b.count("folded syllables");
    for (int id = 0; id < fold; id++) {
      int flags = b.varint();
      // 1: a syllable, 2: a joined spelling, 4: a joined spelling only, its key the joined syllables' keys
      if (flags < 0 || flags > 7 || (flags & 4) != 0 && (flags & 3) != 2) {
        throw new FormatException("precompiled lexicon is corrupt: flags " + flags + " of folded syllable " + id);
      }
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
    v.trim();
    return v;
  }

  /**
   * A trie as read from a section, before its automaton is assembled: the trie itself (each state's parent,
   * the symbol on the edge into it and its own outputs, all states' in one array), each
   * state's depth and, per output, the state where it is one. A phrase's symbols are the path to that state,
   * walked up the parents when asked for: no array per phrase (or per state) is made. {@link #assemble}
   * spends it.
   */
  private static final class ReadTrie {
    private PhraseAutomaton.Trie trie;
    private int[] depth;
    /** Per output, the state where it is an output of its own; -1 for one in no state. */
    int[] stateOf;
    /** The depth of the deepest state: the longest path. */
    final int maxDepth;

    ReadTrie(PhraseAutomaton.Trie trie, int[] depth, int maxDepth, int[] stateOf) {
      this.trie = trie;
      this.depth = depth;
      this.maxDepth = maxDepth;
      this.stateOf = stateOf;
    }

    /**
     * Checks that every output is below {@code outputs}, and with {@code everyOne} that each of them is in a
     * state (each is at most in one, checked when read).
     */
    void checkOutputs(int outputs, boolean everyOne) {
      if (stateOf.length > outputs) {
        throw new FormatException("precompiled lexicon is corrupt: output " + (stateOf.length - 1) + " of "
            + outputs + " entries");
      }
      for (int e = 0; everyOne && e < outputs; e++) {
        if (e >= stateOf.length || stateOf[e] < 0) {
          throw new FormatException("precompiled lexicon is corrupt: output " + e + " is in no state");
        }
      }
    }

    /** Whether output {@code e} is in a state. */
    boolean has(int e) {
      return e < stateOf.length && stateOf[e] >= 0;
    }

    /** The number of symbols of output {@code e}'s phrase. */
    int length(int e) {
      return depth[stateOf[e]];
    }

    /** Writes output {@code e}'s symbols into {@code into} from {@code at}; returns how many. */
    int path(int e, int[] into, int at) {
      int[] parent = trie.parent;
      int[] symbol = trie.symbol;
      int s = stateOf[e];
      int n = depth[s];
      for (int k = at + n - 1; k >= at; k--, s = parent[s]) {
        into[k] = symbol[s];
      }
      return n;
    }

    /** Lets go of what only {@link #path} and {@link #length} need, when no more paths will be asked for. */
    void forgetPaths() {
      depth = null;
      stateOf = null;
    }

    /** The automaton of this trie, which is spent afterwards (its arrays go as the assembly uses them up). */
    PhraseAutomaton assemble() {
      forgetPaths();
      PhraseAutomaton.Trie t = trie;
      trie = null;
      return PhraseAutomaton.assemble(t);
    }
  }

  /**
   * Reads a trie whose symbols are below {@code symbols} (the syllables of its vocabulary table), as
   * {@link #writeAutomaton} wrote it: each state's parent and symbol, and all states' own outputs in one array.
   */
  private static ReadTrie readTrie(In b, int symbols) {
    int n = b.count("states");
    if (n == 0) {
      throw new FormatException("precompiled lexicon is corrupt: an automaton without states");
    }
    int[] parent = new int[n];
    int[] symbol = new int[n];
    int[] depth = new int[n];
    int[] ownStart = new int[n + 1];
    int[] ownIds = new int[Math.min(n, b.remaining())];
    int maxDepth = 0;
    int owned = 0;
    int maxOutput = -1;
    int previous = 0;
    for (int s = 0; s < n; s++) {
      int k;
      if (s == 0) {
        k = b.count("numbers");
      } else {
        int head = b.varint();
        k = head & 3;
        parent[s] = s - (head >>> 2);
        if (head < 0 || parent[s] < 0 || parent[s] >= s) {
          throw new FormatException("precompiled lexicon is corrupt: state " + s + " has parent " + parent[s]);
        }
        if (k == 3) {
          k += b.count("numbers");
        }
        symbol[s] = b.varint();
        if (symbol[s] < 0 || symbol[s] >= symbols) {
          throw new FormatException("precompiled lexicon is corrupt: state " + s + " has symbol " + symbol[s]
              + " of " + symbols + " syllables");
        }
        depth[s] = depth[parent[s]] + 1;
        maxDepth = Math.max(maxDepth, depth[s]);
      }
      if (owned + k > ownIds.length) {
        ownIds = Arrays.copyOf(ownIds, Math.max(owned + k, ownIds.length + (ownIds.length >> 1)));
      }
      for (int j = 0; j < k; j++) {
        int z = b.varint();
        int e = previous + ((z >>> 1) ^ -(z & 1));
        if (e < 0) {
          throw new FormatException("precompiled lexicon is corrupt: output " + e + " of state " + s);
        }
        ownIds[owned++] = e;
        previous = e;
        maxOutput = Math.max(maxOutput, e);
      }
      ownStart[s + 1] = owned;
    }
    if (owned < ownIds.length) {
      ownIds = Arrays.copyOf(ownIds, owned);   // held until the automaton is assembled: not the room it grew into
    }
    // Every output is an entry or a concept phrase, each written later in the section with a byte at least.
    if (maxOutput >= b.remaining()) {
      throw new FormatException("precompiled lexicon is corrupt: output " + maxOutput + " with "
          + b.remaining() + " bytes left");
    }
    int[] stateOf = new int[maxOutput + 1];
    Arrays.fill(stateOf, -1);
    for (int s = 0; s < n; s++) {
      for (int k = ownStart[s]; k < ownStart[s + 1]; k++) {
        int e = ownIds[k];
        if (stateOf[e] >= 0) {
          throw new FormatException("precompiled lexicon is corrupt: output " + e + " of state " + s);
        }
        stateOf[e] = s;
      }
    }
    return new ReadTrie(new PhraseAutomaton.Trie(parent, symbol, ownStart, ownIds), depth, maxDepth, stateOf);
  }

  /** Reads what {@link Out} wrote, from a range of an array; every bad length or index is a {@link FormatException}. */
  private static final class In {
    final byte[] buf;
    /** Where the bytes to read end. */
    final int end;
    int pos;
    private final List<String> strings = new ArrayList<>();

    In(byte[] buf, int pos, int end) {
      this.buf = buf;
      this.pos = pos;
      this.end = end;
    }

    /** The bytes left to read. */
    int remaining() {
      return end - pos;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        if (pos >= end) {
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
      if (n < 0 || n > end - pos) {
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
