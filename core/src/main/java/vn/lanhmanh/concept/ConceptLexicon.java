package vn.lanhmanh.concept;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.lexicon.TsvLines;

/**
 * The concept data: phrases, compositions, registers and raises, read from the files of {@code docs/ENGINE.md}
 * (section "Concepts"). A malformed line is an {@link IllegalArgumentException} naming {@code file:line}.
 *
 * @param phrases every concept phrase, alternatives expanded
 * @param compositions the composition rules, in file order
 * @param registers the registers' caps
 * @param raises what offers raise ({@code raises.tsv})
 */
public record ConceptLexicon(List<ConceptPhrase> phrases, List<Composition> compositions,
    List<Register> registers, List<Raise> raises) {

  /** The embedded concept data's folder on the class path. */
  public static final String DEFAULT_RESOURCE_DIR = "/vn/lanhmanh/concept/";

  /** No concepts at all. */
  public static final ConceptLexicon EMPTY = new ConceptLexicon(List.of(), List.of(), List.of(), List.of());

  public ConceptLexicon {
    phrases = List.copyOf(phrases);
    compositions = List.copyOf(compositions);
    registers = List.copyOf(registers);
    raises = List.copyOf(raises);
  }


  /**
   * The class-path names of the embedded concept files, {@code MANIFEST} first (for checksums), the
   * conversation's stage concepts ({@code stages*.tsv}) included.
   */
  public static List<String> defaultResources() {
    List<String> names = new ArrayList<>();
    names.add(DEFAULT_RESOURCE_DIR + "MANIFEST");
    for (String f : manifest()) {
      names.add(DEFAULT_RESOURCE_DIR + f);
    }
    return names;
  }

  private static List<String> manifest() {
    List<String> files = new ArrayList<>();
    TsvLines.read("MANIFEST", open("MANIFEST"), (cols, where) -> files.add(cols[0].strip()));
    return files;
  }

  /** Reads the embedded concept files listed in their {@code MANIFEST}. */
  public static ConceptLexicon readDefault() {
    return readDefault(true);
  }

  /**
   * The compositions and registers of the embedded concept files, without their phrases: what composes
   * the concept hits of a lexicon that has the phrases compiled in already (a precompiled one), read
   * without normalising and expanding some 2,000 phrases at start-up.
   */
  public static ConceptLexicon readDefaultCompositions() {
    return readDefault(false);
  }

  private static ConceptLexicon readDefault(boolean withPhrases) {
    List<String> files = manifest();
    List<ConceptPhrase> phrases = new ArrayList<>();
    List<Composition> compositions = new ArrayList<>();
    List<Register> registers = new ArrayList<>();
    List<Raise> raises = new ArrayList<>();
    for (String f : files) {
      if (f.startsWith("stages")) {
        continue;   // the conversation's stage concepts: read by vn.lanhmanh.conversation
      }
      boolean phraseFile = !f.startsWith("compositions") && !f.equals("registers.tsv") && !f.equals("raises.tsv");
      if (phraseFile && !withPhrases) {
        continue;
      }
      try (Reader r = open(f)) {
        if (f.startsWith("compositions")) {
          compositions.addAll(readCompositions(f, r));
        } else if (f.equals("registers.tsv")) {
          registers.addAll(readRegisters(f, r));
        } else if (f.equals("raises.tsv")) {
          raises.addAll(readRaises(f, r));
        } else {
          phrases.addAll(readPhrases(f, r));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read concept file " + f, e);
      }
    }
    return new ConceptLexicon(phrases, compositions, registers, raises);
  }

  private static Reader open(String file) {
    InputStream in = ConceptLexicon.class.getResourceAsStream(DEFAULT_RESOURCE_DIR + file);
    if (in == null) {
      throw new IllegalStateException("embedded concept resource missing: " + file);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** Phrase file: phrase, concepts (comma-separated), fold, note. */
  public static List<ConceptPhrase> readPhrases(String file, Reader r) {
    List<ConceptPhrase> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    TsvLines.read(file, r, (cols, where) -> {
      need(cols, 2, "phrase, concepts[, fold[, note]]");
      String phrase = Normalizer.normalize(cols[0].strip(), Normalizer.Form.NFC);
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException("empty phrase");
      }
      // one immutable set for the line's phrases (its spellings expanded: a line may give hundreds)
      Set<Concept> concepts = Set.copyOf(concepts(cols[1]));
      if (concepts.isEmpty()) {
        throw new IllegalArgumentException("a concept phrase needs at least one concept");
      }
      Fold fold = Fold.parse(col(cols, 2));
      for (String v : LexiconReader.expand(phrase)) {
        String key = v + "\t" + concepts;
        if (seen.add(key)) {
          out.add(new ConceptPhrase(v, concepts, fold, col(cols, 3), where));
        }
      }
    });
    return out;
  }

  /** Compositions: id, category, tier, severity, scope, order, concepts (A+B), unless (A,B or -), note. */
  public static List<Composition> readCompositions(String file, Reader r) {
    List<Composition> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    TsvLines.read(file, r, (cols, where) -> {
      need(cols, 7, "id, category, tier, severity, scope, order, concepts[, unless[, note]]");
      String id = cols[0].strip();
      Category category = Category.fromJsonName(cols[1]);
      if (!id.startsWith(category.jsonName() + ".")) {
        throw new IllegalArgumentException("composition id '" + id + "' must start with '"
            + category.jsonName() + ".'");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException("duplicate composition id '" + id + "'");
      }
      String scope = cols[4].strip();
      int s;
      if (scope.equals("clause")) {
        s = Composition.CLAUSE;
      } else if (scope.equals("sentence")) {
        s = Composition.SENTENCE;
      } else if (scope.equals("two-sentences")) {
        s = Composition.TWO_SENTENCES;
      } else if (scope.equals("message")) {
        s = Composition.MESSAGE;
      } else {
        try {
          s = Integer.parseInt(scope);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "scope must be clause, sentence, two-sentences, message or a number, not '" + scope + "'");
        }
        if (s <= 0) {
          throw new IllegalArgumentException("a syllable scope must be positive, not " + s);
        }
      }
      String order = cols[5].strip();
      if (!order.equals("any") && !order.equals("ordered")) {
        throw new IllegalArgumentException("order must be any or ordered, not '" + order + "'");
      }
      List<Concept> concepts = new ArrayList<>();
      for (String c : cols[6].split("\\+")) {
        concepts.add(Concept.parse(c));
      }
      String unless = col(cols, 7);
      out.add(new Composition(id, category, Rating.parse(cols[2]), Severity.parse(cols[3]), s,
          order.equals("ordered"), concepts, unless.equals("-") ? Set.of() : concepts(unless), col(cols, 8),
          where));
    });
    return out;
  }

  /** Registers: register concept, categories (comma-separated), cap, lowers C ({@code C} or empty), note. */
  public static List<Register> readRegisters(String file, Reader r) {
    List<Register> out = new ArrayList<>();
    TsvLines.read(file, r, (cols, where) -> {
      need(cols, 3, "register, categories, cap[, lowers C[, note]]");
      Set<Category> cats = categories(cols[1]);
      String c = col(cols, 3);
      if (!c.isEmpty() && !c.equals("C")) {
        throw new IllegalArgumentException("column 4 is C (the register lowers tier C too) or empty, not '" + c + "'");
      }
      out.add(new Register(Concept.parse(cols[0]), cats, Rating.parse(cols[2]), c.equals("C"), col(cols, 4),
          where));
    });
    return out;
  }

  /**
   * Raises: concept, categories (comma-separated), from (the lowest tier raised), tier, unless
   * (comma-separated concepts or -), note, and optionally the category the raised finding is reported as.
   */
  public static List<Raise> readRaises(String file, Reader r) {
    List<Raise> out = new ArrayList<>();
    TsvLines.read(file, r, (cols, where) -> {
      need(cols, 5, "concept, categories, from, tier, unless[, note[, as]]");
      Set<Category> cats = categories(cols[1]);
      String unless = cols[4].strip();
      String as = col(cols, 6);
      out.add(new Raise(Concept.parse(cols[0]), cats, Rating.parse(cols[2]), Rating.parse(cols[3]),
          unless.equals("-") ? Set.of() : concepts(unless), col(cols, 5), where,
          as.isEmpty() ? null : Category.fromJsonName(as)));
    });
    return out;
  }

  private static Set<Category> categories(String list) {
    return list(list, EnumSet.noneOf(Category.class), Category::fromJsonName);
  }

  private static Set<Concept> concepts(String list) {
    return list(list, EnumSet.noneOf(Concept.class), Concept::parse);
  }

  /** The comma-separated names of {@code list}, parsed into {@code out}; blank items are skipped. */
  private static <E extends Enum<E>> Set<E> list(String list, Set<E> out, Function<String, E> parse) {
    for (String c : list.split(",")) {
      if (!c.isBlank()) {
        out.add(parse.apply(c));
      }
    }
    return out;
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
