package vn.lanhmanh.url.index;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads URL lists line by line and hands each entry to a sink (usually {@link UrlListWriter#add}),
 * counting what it read, kept and skipped. It never holds a whole list in memory, and no line makes it
 * fail: malformed bytes, junk and unsupported rules are counted with a reason.
 *
 * <pre>{@code
 * try (UrlListWriter w = UrlListWriter.extend(dir)) {
 *   ImportCounts c = ListImporter.importFile(hosts, ListFormat.HOSTS, "gambling", "sinfonietta/gambling", w::add);
 *   w.commit();
 * }
 * }</pre>
 *
 * <p>Hosts and domain lists are checked for two hosts glued together with no line break, as some
 * published files have ({@code rahaporn.commanhwax.top} for {@code rahaporn.com} and
 * {@code manhwax.top}): a host whose inner label starts with {@code com}, {@code net} or {@code org}
 * and whose rest ({@code manhwax.top}) is itself listed in the same file is skipped. Such candidates are
 * rare, so they wait until the end of the file; the hosts seen are remembered in a Bloom filter, not a
 * set, so memory stays small.
 *
 * <p>Stateless; thread-safe (each call has its own state).
 */
public final class ListImporter {

  private static final Logger LOG = LoggerFactory.getLogger(ListImporter.class);

  static final String COMMENT = "comment";
  static final String NO_ADDRESS = "hosts line without an address first";
  static final String ADDRESS_ONLY = "hosts line without a host";
  static final String SEVERAL_WORDS = "several words on a domain line";
  static final String GLUED = "two hosts glued together";
  static final String EXCEPTION_RULE = "adblock exception rule (@@)";
  static final String COSMETIC_RULE = "adblock cosmetic rule (##)";
  static final String OTHER_RULE = "adblock rule that is not ||domain^";
  static final String RULE_OPTIONS = "adblock rule with options";
  static final String RULE_PATH = "adblock rule with a path or wildcard";
  static final String LONG_LINE = "line too long";

  /** Lines longer than this are junk for every format. */
  static final int MAX_LINE = 8192;

  /** Glue candidates kept back at most; beyond this they are kept as ordinary hosts. */
  private static final int MAX_GLUE_CANDIDATES = 100_000;

  private static final String[] GLUE_TLDS = {"com", "net", "org"};

  private ListImporter() {}

  /**
   * Imports one list file ({@code .gz} is read through gzip).
   *
   * @param category the category of every entry: a {@code Category} JSON name or {@code allow}
   * @param source the list's name stored with every entry
   * @return the counts, labelled with {@code source}
   * @throws IOException when the file cannot be read; lines never cause one
   * @throws IllegalArgumentException when the category or source is malformed
   */
  public static ImportCounts importFile(Path file, ListFormat format, String category, String source,
      Consumer<ListEntry> sink) throws IOException {
    return importFile(file, format, category, source, source, sink);
  }

  static ImportCounts importFile(Path file, ListFormat format, String category, String source, String label,
      Consumer<ListEntry> sink) throws IOException {
    long size = Files.size(file);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16)) {
      ImportCounts counts = importLines(reader, format, category, source, label, size / 12, sink);
      LOG.info("imported {}", counts);
      return counts;
    }
  }

  /**
   * Imports the lines of {@code reader}, which the caller closes.
   *
   * @see #importFile(Path, ListFormat, String, String, Consumer)
   */
  public static ImportCounts importLines(BufferedReader reader, ListFormat format, String category, String source,
      Consumer<ListEntry> sink) throws IOException {
    return importLines(reader, format, category, source, source, 1_000_000, sink);
  }

  private static ImportCounts importLines(BufferedReader reader, ListFormat format, String category, String source,
      String label, long expectedLines, Consumer<ListEntry> sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    String cat = ListEntry.canonicalCategory(category);
    new ListEntry("check.invalid", cat, source); // fail fast on a bad source, before reading
    Run run = new Run(new ImportCounts.Tally(label), cat, source, sink,
        format == ListFormat.HOSTS || format == ListFormat.DOMAINS, expectedLines);
    String line;
    while ((line = reader.readLine()) != null) {
      run.tally.read++;
      if (line.length() > MAX_LINE) {
        run.tally.skip(LONG_LINE);
        continue;
      }
      switch (format) {
        case HOSTS -> run.hostsLine(line);
        case DOMAINS -> run.domainLine(line);
        case ADBLOCK -> run.adblockLine(line);
        case URL_PREFIXES -> run.urlLine(line);
        default -> throw new AssertionError(format);
      }
    }
    run.finish();
    return run.tally.done();
  }

  /** The state of one import. */
  private static final class Run {
    final ImportCounts.Tally tally;
    final String category;
    final String source;
    final Consumer<ListEntry> sink;
    final BloomFilter<CharSequence> seen;
    final List<String[]> glueCandidates = new ArrayList<>();

    Run(ImportCounts.Tally tally, String category, String source, Consumer<ListEntry> sink, boolean checkGlue,
        long expectedLines) {
      this.tally = tally;
      this.category = category;
      this.source = source;
      this.sink = sink;
      this.seen = checkGlue ? BloomFilter.create(Funnels.unencodedCharsFunnel(),
          Math.max(10_000, Math.min(expectedLines, 50_000_000)), 0.001) : null;
    }

    void hostsLine(String line) {
      String body = stripComment(line, '#');
      if (body == null) {
        return;
      }
      int[] pos = {0};
      String address = nextWord(body, pos);
      if (!looksLikeAddress(address)) {
        tally.skip(NO_ADDRESS);
        return;
      }
      String word = nextWord(body, pos);
      if (word == null) {
        tally.skip(ADDRESS_ONLY);
        return;
      }
      for (; word != null; word = nextWord(body, pos)) {
        host(word);
      }
    }

    void domainLine(String line) {
      String body = stripComment(line, '#');
      if (body == null) {
        return;
      }
      int[] pos = {0};
      String word = nextWord(body, pos);
      if (nextWord(body, pos) != null) {
        tally.skip(SEVERAL_WORDS);
        return;
      }
      host(word);
    }

    void urlLine(String line) {
      String body = stripComment(line, '#');
      if (body == null) {
        return;
      }
      int[] pos = {0};
      String word = nextWord(body, pos);
      if (nextWord(body, pos) != null) {
        tally.skip(SEVERAL_WORDS);
        return;
      }
      ListKeys.Parsed p = ListKeys.urlPrefix(word);
      if (p.ok()) {
        emit(p.key());
      } else {
        tally.skip(p.skipReason());
      }
    }

    void adblockLine(String line) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("!") || s.startsWith("[")) {
        tally.comments++;
        return;
      }
      if (s.startsWith("@@")) {
        tally.skip(EXCEPTION_RULE);
        return;
      }
      if (s.contains("##") || s.contains("#@#") || s.contains("#?#") || s.contains("#$#") || s.contains("#%#")) {
        tally.skip(COSMETIC_RULE);
        return;
      }
      if (s.startsWith("#")) {
        tally.comments++;
        return;
      }
      if (!s.startsWith("||")) {
        tally.skip(OTHER_RULE);
        return;
      }
      int end = 2;
      while (end < s.length() && "^/$*|".indexOf(s.charAt(end)) < 0) {
        end++;
      }
      String host = s.substring(2, end);
      String rest = s.substring(end);
      if (rest.startsWith("^")) {
        rest = rest.substring(1);
      } else if (!rest.isEmpty() && !rest.startsWith("$")) {
        tally.skip(RULE_PATH);
        return;
      }
      if (rest.startsWith("|")) {
        rest = rest.substring(1);
      }
      if (!rest.isEmpty()) {
        if (!rest.startsWith("$") || !pageOptions(rest.substring(1))) {
          tally.skip(rest.startsWith("$") ? RULE_OPTIONS : RULE_PATH);
          return;
        }
      }
      ListKeys.Parsed p = ListKeys.host(host);
      if (p.ok()) {
        emit(p.key());
      } else {
        tally.skip(p.skipReason());
      }
    }

    /** Whether every option keeps the rule about whole pages of the domain. */
    private static boolean pageOptions(String options) {
      int from = 0;
      while (from <= options.length()) {
        int comma = options.indexOf(',', from);
        int to = comma < 0 ? options.length() : comma;
        String o = options.substring(from, to).strip();
        if (!(o.equals("important") || o.equals("all") || o.equals("document") || o.equals("doc"))) {
          return false;
        }
        from = to + 1;
      }
      return true;
    }

    private void host(String word) {
      ListKeys.Parsed p = ListKeys.host(word);
      if (!p.ok()) {
        tally.skip(p.skipReason());
        return;
      }
      String key = p.key();
      if (seen != null) {
        seen.put(key);
        String tail = glueTail(key);
        if (tail != null && glueCandidates.size() < MAX_GLUE_CANDIDATES) {
          glueCandidates.add(new String[] {key, tail});
          return;
        }
      }
      emit(key);
    }

    private void emit(String key) {
      sink.accept(new ListEntry(key, category, source));
      tally.kept++;
    }

    void finish() {
      for (String[] c : glueCandidates) {
        if (seen.mightContain(c[1])) {
          tally.skip(GLUED);
        } else {
          emit(c[0]);
        }
      }
      glueCandidates.clear();
    }

    /** For {@code a.commanhwax.top}, {@code manhwax.top}: what follows a glued TLD; else {@code null}. */
    static String glueTail(String host) {
      int labelStart = host.indexOf('.') + 1;
      while (labelStart > 0) {
        int labelEnd = host.indexOf('.', labelStart);
        if (labelEnd < 0) {
          return null; // the last label cannot be glued to a following host
        }
        for (String tld : GLUE_TLDS) {
          if (labelEnd - labelStart > tld.length() + 1 && host.startsWith(tld, labelStart)) {
            return host.substring(labelStart + tld.length());
          }
        }
        labelStart = labelEnd + 1;
      }
      return null;
    }

    /** The line without its comment and outer space, or {@code null} (and counted) when nothing is left. */
    private String stripComment(String line, char mark) {
      int hash = line.indexOf(mark);
      String body = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (body.isEmpty()) {
        tally.comments++;
        return null;
      }
      return body;
    }
  }

  /** The next white-space separated word of {@code s} from {@code pos[0]}, or {@code null}. */
  private static String nextWord(String s, int[] pos) {
    int i = pos[0];
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      pos[0] = i;
      return null;
    }
    int start = i;
    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    pos[0] = i;
    return s.substring(start, i);
  }

  /** Digits and dots (IPv4), or hex digits, colons and dots with at least one colon (IPv6). */
  static boolean looksLikeAddress(String word) {
    if (word == null || word.isEmpty() || word.length() > 45) {
      return false;
    }
    boolean colon = false;
    boolean onlyDecimal = true;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == ':') {
        colon = true;
        onlyDecimal = false;
      } else if ((c >= '0' && c <= '9') || c == '.') {
        continue;
      } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '%') {
        onlyDecimal = false;
      } else {
        return false;
      }
    }
    return colon || (onlyDecimal && word.indexOf('.') > 0);
  }
}
