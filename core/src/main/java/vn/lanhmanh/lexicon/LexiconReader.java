package vn.lanhmanh.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;

/**
 * Reads lexicon files in the format of {@code docs/LEXICON.md}: {@code <category>.tsv} rule files,
 * {@code exceptions*.tsv}, {@code context*.tsv} and {@code teencode.tsv}. A malformed line is an
 * {@link IllegalArgumentException} naming the file and line, so a bad lexicon fails at build time.
 */
public final class LexiconReader {

  /** The embedded default lexicon's folder on the class path. */
  public static final String DEFAULT_RESOURCE_DIR = "/vn/lanhmanh/lexicon/";

  private LexiconReader() {}

  /** The files of the embedded default lexicon, as its {@code MANIFEST} lists them. */
  public static List<String> defaultFiles() {
    return readManifest(open(DEFAULT_RESOURCE_DIR + "MANIFEST"), "MANIFEST");
  }

  /** Reads the embedded default lexicon listed in its {@code MANIFEST}. */
  public static List<LexiconEntry> readDefault() {
    List<LexiconEntry> entries = new ArrayList<>();
    for (String file : defaultFiles()) {
      try (Reader r = open(DEFAULT_RESOURCE_DIR + file)) {
        entries.addAll(read(file, r));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read lexicon file " + file, e);
      }
    }
    return entries;
  }

  /**
   * Reads a lexicon folder: the files listed in its {@code MANIFEST} if there is one, otherwise every
   * {@code .tsv} file in it.
   *
   * @throws IllegalArgumentException if the folder is missing or a file is malformed
   */
  public static List<LexiconEntry> readDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("lexicon folder not found: " + dir);
    }
    List<String> files = new ArrayList<>();
    Path manifest = dir.resolve("MANIFEST");
    try {
      if (Files.exists(manifest)) {
        files.addAll(readManifest(Files.newBufferedReader(manifest, StandardCharsets.UTF_8), manifest.toString()));
      } else {
        try (Stream<Path> s = Files.list(dir)) {
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv")).sorted().forEach(files::add);
        }
      }
      List<LexiconEntry> entries = new ArrayList<>();
      for (String f : files) {
        Path p = dir.resolve(f);
        if (!Files.isRegularFile(p)) {
          throw new IllegalArgumentException("lexicon file listed in MANIFEST not found: " + p);
        }
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          entries.addAll(read(f, r));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon folder " + dir, e);
    }
  }

  private static Reader open(String resource) {
    InputStream in = LexiconReader.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("embedded lexicon resource missing: " + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static List<String> readManifest(Reader reader, String name) {
    List<String> files = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(reader)) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          files.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return files;
  }

  /** What a file holds, from its name. */
  static LexiconEntry.Kind kindOf(String fileName) {
    String base = baseName(fileName);
    if (base.startsWith("exceptions")) {
      return LexiconEntry.Kind.EXCEPTION;
    }
    if (base.startsWith("context")) {
      return LexiconEntry.Kind.CONTEXT;
    }
    if (base.equals("teencode")) {
      return LexiconEntry.Kind.TEENCODE;
    }
    if (base.startsWith("targets")) {
      return LexiconEntry.Kind.TARGET;
    }
    return LexiconEntry.Kind.RULE;
  }

  private static String baseName(String fileName) {
    String base = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
    return base.endsWith(".tsv") ? base.substring(0, base.length() - 4) : base;
  }

  /**
   * Parses one file. {@code fileName} decides the kind and, for rule files, the category.
   *
   * @throws IllegalArgumentException naming {@code file:line} for a malformed line or a duplicate phrase
   */
  public static List<LexiconEntry> read(String fileName, Reader reader) {
    LexiconEntry.Kind kind = kindOf(fileName);
    Category category = null;
    if (kind == LexiconEntry.Kind.RULE) {
      try {
        category = Category.fromJsonName(baseName(fileName));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(fileName + ": a rule file must be named after a category ("
            + "profanity.tsv, self_harm.tsv …), not '" + fileName + "'");
      }
    }
    List<LexiconEntry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    final Category cat = category;
    TsvLines.read(fileName, reader, (cols, where) -> {
      String phrase = Normalizer.normalize(cols[0].strip(), Normalizer.Form.NFC);
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException("empty phrase");
      }
      if (!seen.add(phrase)) {
        throw new IllegalArgumentException("duplicate phrase '" + phrase + "'");
      }
      List<String> variants = kind == LexiconEntry.Kind.TEENCODE ? List.of(phrase) : expand(phrase);
      for (String v : variants) {
        if (v.equals(phrase) || seen.add(v)) {
          out.add(parse(kind, cat, v, cols, where));
        }
      }
    });
    return out;
  }

  /** The most phrases one line may expand to. */
  public static final int MAX_VARIANTS = 256;

  /**
   * Expands alternatives: {@code cởi (áo|đồ) ra cho (anh|chú) xem} is four phrases; an empty
   * alternative makes a word optional: {@code (nhé|) đừng nói với (bố|mẹ|bố mẹ)}. Groups do not nest.
   *
   * @throws IllegalArgumentException for an unbalanced group, an alternative with no letter or digit (the normaliser
   *     reads a symbol as no word, so it would read as an empty one) or more than {@value #MAX_VARIANTS} variants
   */
  public static List<String> expand(String phrase) {
    if (phrase.indexOf('(') < 0 && phrase.indexOf(')') < 0 && phrase.indexOf('|') < 0) {
      return List.of(phrase);
    }
    List<StringBuilder> acc = new ArrayList<>();
    acc.add(new StringBuilder());
    int i = 0;
    while (i < phrase.length()) {
      char c = phrase.charAt(i);
      if (c == '(') {
        int close = phrase.indexOf(')', i);
        int nested = phrase.indexOf('(', i + 1);
        if (close < 0 || (nested >= 0 && nested < close)) {
          throw new IllegalArgumentException("unbalanced '(' in '" + phrase + "'");
        }
        String[] alts = phrase.substring(i + 1, close).split("\\|", -1);
        for (String alt : alts) {
          if (!alt.isBlank() && alt.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // the normaliser reads a symbol as no word: "dm (bằng|=)" would be a bare "dm" too
            throw new IllegalArgumentException("alternative '" + alt.strip() + "' has no letter or digit in '"
                + phrase + "' (write an empty alternative to make a word optional)");
          }
        }
        List<StringBuilder> next = new ArrayList<>();
        for (StringBuilder prefix : acc) {
          for (String alt : alts) {
            next.add(new StringBuilder(prefix).append(alt.strip()));
          }
        }
        if (next.size() > MAX_VARIANTS) {
          throw new IllegalArgumentException("more than " + MAX_VARIANTS + " variants in '" + phrase + "'");
        }
        acc = next;
        i = close + 1;
      } else if (c == ')' || c == '|') {
        throw new IllegalArgumentException("'" + c + "' outside a group in '" + phrase + "'");
      } else {
        for (StringBuilder b : acc) {
          b.append(c);
        }
        i++;
      }
    }
    List<String> out = new ArrayList<>();
    for (StringBuilder b : acc) {
      String v = b.toString().strip().replaceAll(" {2,}", " ");
      if (!v.isEmpty() && !out.contains(v)) {
        out.add(v);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("'" + phrase + "' expands to nothing");
    }
    return out;
  }

  private static LexiconEntry parse(LexiconEntry.Kind kind, Category category, String phrase, String[] cols,
      String where) {
    switch (kind) {
      case RULE:
        need(cols, 3, "phrase, tier, severity[, fold[, note]]");
        return LexiconEntry.rule(phrase, category, Rating.parse(cols[1]), Severity.parse(cols[2]),
            LexiconEntry.Fold.parse(col(cols, 3)), col(cols, 4), where);
      case EXCEPTION:
        return LexiconEntry.exception(phrase, LexiconEntry.Fold.parse(col(cols, 1)), col(cols, 2), where);
      case CONTEXT:
        need(cols, 3, "phrase, categories, cap[, fold[, note]]");
        Set<Category> cats = EnumSet.noneOf(Category.class);
        for (String c : cols[1].split(",")) {
          if (!c.isBlank()) {
            cats.add(Category.fromJsonName(c));
          }
        }
        if (cats.isEmpty()) {
          throw new IllegalArgumentException("a context entry needs at least one category");
        }
        return LexiconEntry.context(phrase, cats, Rating.parse(cols[2]), LexiconEntry.Fold.parse(col(cols, 3)),
            col(cols, 4), where);
      case TARGET:
        return LexiconEntry.target(phrase, LexiconEntry.Fold.parse(col(cols, 1)), col(cols, 2), where);
      case TEENCODE:
        need(cols, 2, "token, expansion[, note]");
        if (phrase.indexOf(' ') >= 0) {
          throw new IllegalArgumentException("a teencode token is one word: '" + phrase + "'");
        }
        String expansion = Normalizer.normalize(cols[1].strip(), Normalizer.Form.NFC);
        if (expansion.isEmpty()) {
          throw new IllegalArgumentException("empty teencode expansion");
        }
        return LexiconEntry.teencode(phrase, expansion, col(cols, 2), where);
      default:
        throw new AssertionError(kind);
    }
  }

  private static void need(String[] cols, int n, String expected) {
    if (cols.length < n) {
      throw new IllegalArgumentException("expected " + expected + " separated by tabs, found " + cols.length
          + " column(s)");
    }
  }

  private static String col(String[] cols, int i) {
    return i < cols.length ? cols[i].strip() : "";
  }
}
