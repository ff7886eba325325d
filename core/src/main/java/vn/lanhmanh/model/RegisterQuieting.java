package vn.lanhmanh.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.lexicon.TsvLines;

/**
 * The quieting rules of one shape, as data ({@code quieting-registers.tsv}): a register takes away a classifier
 * finding of a category when nothing of the lexicon backs the score and no concept of the category's compositions
 * is hit but those the row does not count (quitting a game, a course of treatment, leaving a job or a school, a
 * victim's plea, chatting in class). Read once; immutable and thread-safe. {@link Quieting#REGISTER_ALONE} applies
 * the rows; {@link ScoreStage} keeps, per row, the concepts that keep the finding.
 */
final class RegisterQuieting {

  static final String RESOURCE = "quieting-registers.tsv";

  /**
   * One row: the register that quiets {@code category}'s classifier finding, whether only under near certainty, and
   * the concepts of the category's compositions that do not keep the finding.
   */
  record Row(String rule, Category category, ConceptSet register, boolean underNearCertain, ConceptSet notCounted) {}

  private static final List<Row> DEFAULT = readDefault();

  private RegisterQuieting() {}

  /** The rows of the shipped table, in file order. */
  static List<Row> rows() {
    return DEFAULT;
  }

  /** The categories some row quiets. */
  static Set<Category> categories() {
    Set<Category> out = EnumSet.noneOf(Category.class);
    for (Row r : DEFAULT) {
      out.add(r.category());
    }
    return out;
  }

  /** Parses the table's columns: rule, category, register, score, not counted, why. */
  static Row parse(String[] c) {
    if (c.length < 5) {
      throw new IllegalArgumentException("want rule, category, register, score, not counted[, why]");
    }
    Category category = Category.fromJsonName(c[1].strip());
    Concept register = Concept.parse(c[2].strip());
    if (!register.isRegister()) {
      throw new IllegalArgumentException(register + " is not a register concept");
    }
    boolean under = switch (c[3].strip()) {
      case "any" -> false;
      case "under 0.9" -> true;
      default -> throw new IllegalArgumentException("score must be 'any' or 'under 0.9', not '" + c[3].strip() + "'");
    };
    List<Concept> notCounted = new ArrayList<>();
    String nc = c[4].strip();
    if (!nc.equals("-")) {
      for (String s : nc.split(",")) {
        notCounted.add(Concept.parse(s.strip()));
      }
    }
    return new Row(c[0].strip(), category, ConceptSet.of(register), under, ConceptSet.of(notCounted));
  }

  private static List<Row> readDefault() {
    try (InputStream in = RegisterQuieting.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + " next to " + RegisterQuieting.class.getName());
      }
      List<Row> rows = new ArrayList<>();
      TsvLines.read(RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8), (c, where) -> rows.add(parse(c)));
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
