package vn.lanhmanh.conversation;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.lexicon.TsvLines;

/**
 * The conversation's stage concepts ({@code concept/stages.tsv}: phrases grouped by meaning, such as
 * REQUEST, PHOTO, BODY, SECRECY, PARENTS, and the text concepts of {@link Concept} that also mean one) and
 * its stage rules ({@code stage-rules.tsv}: a stage is shown when its concepts co-occur in one message).
 * Both are data; this class reads them and evaluates the rules on the set of concepts found in a message.
 * A malformed line is an {@link IllegalArgumentException} naming file and line.
 *
 * <p>Immutable and thread-safe.
 */
final class Compositions {

  static final String CONCEPTS_RESOURCE = ConceptLexicon.DEFAULT_RESOURCE_DIR + "stages.tsv";
  static final String RULES_RESOURCE = "/vn/lanhmanh/conversation/stage-rules.tsv";
  /**
   * Stage concepts are bits 0-127 of a {@link ConceptSet}: the stage matcher gathers them in two {@code long}
   * words (a text concept may be any bit of the set).
   */
  static final int MAX_CONCEPTS = 128;

  /** One phrase line of {@code stages.tsv}: its expanded phrases all mean {@code concept}. */
  record ConceptLine(List<String> phrases, String concept, LexiconEntry.Fold fold, String note, String source) {}

  /**
   * One stage rule: every term must have one of its concepts in the message, and no {@code absent} concept
   * may be there.
   *
   * @param terms per term, its alternative concepts
   * @param absent the concepts that must be absent
   * @param text the concepts as written in the file, e.g. {@code REQUEST PHOTO|VIDEO BODY}
   * @param id the rule as a hit it shows names it, e.g. {@code photos: REQUEST PHOTO|VIDEO BODY}
   */
  record Rule(Stage stage, double weight, StageRule.Scope scope, ConceptSet[] terms, ConceptSet absent, String text,
      String source, String id) {

    Rule(Stage stage, double weight, StageRule.Scope scope, ConceptSet[] terms, ConceptSet absent, String text,
        String source) {
      this(stage, weight, scope, terms, absent, text, source, stage.jsonName() + ": " + text);
    }
  }

  private final List<String> concepts;
  private final List<ConceptLine> conceptLines;
  private final List<Rule> rules;
  /** Per text concept ({@link Concept#ordinal()}), the stage concepts it also means. */
  private final ConceptSet[] links;
  /** The text concepts that mean a stage concept ({@link #links} not empty). */
  private final ConceptSet linked;
  /** The rules read in the other party's messages ([0]) and in the child's ([1]), in file order. */
  private final Rule[][] bySender = new Rule[2][];
  /**
   * Parallel to {@link #bySender}: per rule the concepts it cannot match without (its one-concept terms),
   * so most rules are passed over on one test of a message's concepts.
   */
  private final ConceptSet[][] required = new ConceptSet[2][];
  /**
   * Per sender, the concepts that meet one of its rules on their own (in every term of the rule): a message
   * showing one concept not among them matches no rule.
   */
  private final ConceptSet[] alone = {ConceptSet.EMPTY, ConceptSet.EMPTY};

  private Compositions(List<String> concepts, List<ConceptLine> conceptLines, List<Rule> rules,
      ConceptSet[] links) {
    this.concepts = List.copyOf(concepts);
    this.conceptLines = List.copyOf(conceptLines);
    this.rules = List.copyOf(rules);
    this.links = links.clone();
    ConceptSet l = ConceptSet.EMPTY;
    for (int c = 0; c < links.length; c++) {
      l = links[c].isEmpty() ? l : l.with(c);
    }
    this.linked = l;
    for (int child = 0; child < 2; child++) {
      List<Rule> in = new ArrayList<>();
      for (Rule r : this.rules) {
        if (r.scope().accepts(child == 1)) {
          in.add(r);
        }
      }
      bySender[child] = in.toArray(new Rule[0]);
      required[child] = new ConceptSet[in.size()];
      for (int i = 0; i < in.size(); i++) {
        ConceptSet need = ConceptSet.EMPTY;
        ConceptSet inEvery = new ConceptSet(-1L, -1L, -1L, -1L);
        for (ConceptSet t : in.get(i).terms()) {
          need = t.size() == 1 ? need.or(t) : need;
          inEvery = inEvery.and(t);
        }
        required[child][i] = need;
        alone[child] = alone[child].or(inEvery);
      }
    }
  }

  private static volatile Compositions embedded;

  /** The embedded stage concepts and rules (read once). */
  static Compositions readDefault() {
    Compositions c = embedded;
    if (c == null) {
      c = read("stages.tsv", open(CONCEPTS_RESOURCE), "stage-rules.tsv", open(RULES_RESOURCE));
      embedded = c;
    }
    return c;
  }

  private static Reader open(String resource) {
    InputStream in = Compositions.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("embedded resource missing: " + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static Compositions read(String conceptsName, Reader conceptsReader, String rulesName, Reader rulesReader) {
    Map<String, Integer> index = new LinkedHashMap<>();
    List<ConceptLine> lines = new ArrayList<>();
    ConceptSet[] links = new ConceptSet[Concept.values().length];
    Arrays.fill(links, ConceptSet.EMPTY);
    TsvLines.read(conceptsName, conceptsReader, (cols, where) -> {
      if (cols.length < 2) {
        throw new IllegalArgumentException("expected phrase, CONCEPT[, fold[, note]] or @TEXT_CONCEPT, "
            + "CONCEPT[,CONCEPT][, note] separated by tabs, found " + cols.length + " column(s)");
      }
      String phrase = Normalizer.normalize(cols[0].strip(), Normalizer.Form.NFC);
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException("empty phrase");
      }
      if (phrase.startsWith("@")) {
        Concept text = Concept.parse(phrase.substring(1));
        for (String name : cols[1].split(",", -1)) {
          links[text.ordinal()] = links[text.ordinal()].with(bit(index, conceptName(name)));
        }
        return;
      }
      String concept = conceptName(cols[1]);
      bit(index, concept);
      lines.add(new ConceptLine(LexiconReader.expand(phrase), concept,
          LexiconEntry.Fold.parse(cols.length > 2 ? cols[2] : ""), cols.length > 3 ? cols[3].strip() : "", where));
    });
    List<Rule> rules = new ArrayList<>();
    TsvLines.read(rulesName, rulesReader, (cols, where) -> rules.add(parseRule(cols, where, index)));
    return new Compositions(new ArrayList<>(index.keySet()), lines, rules, links);
  }

  /** The bit of a stage concept, given the next free one when it is new. */
  private static int bit(Map<String, Integer> index, String concept) {
    Integer b = index.get(concept);
    if (b == null) {
      if (index.size() == MAX_CONCEPTS) {
        throw new IllegalArgumentException("more than " + MAX_CONCEPTS + " concepts");
      }
      b = index.size();
      index.put(concept, b);
    }
    return b;
  }

  private static String conceptName(String s) {
    String c = s.strip();
    if (c.isEmpty() || !c.equals(c.toUpperCase(Locale.ROOT)) || !c.chars().allMatch(ch -> ch == '_'
        || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
      throw new IllegalArgumentException("concept '" + s + "' must be upper case letters, digits and _");
    }
    return c;
  }

  private static Rule parseRule(String[] cols, String where, Map<String, Integer> index) {
    if (cols.length < 4) {
      throw new IllegalArgumentException("expected stage, weight, sender, concepts[, note] separated by tabs, "
          + "found " + cols.length + " column(s)");
    }
    Stage stage = Stage.parse(cols[0]);
    double weight;
    try {
      weight = Double.parseDouble(cols[1].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("weight '" + cols[1] + "' is not a number");
    }
    if (!(weight > 0 && weight < 1)) {
      throw new IllegalArgumentException("weight must be above 0 and below 1, was " + weight);
    }
    StageRule.Scope scope = StageRule.Scope.parse(cols[2]);
    List<ConceptSet> terms = new ArrayList<>();
    ConceptSet absent = ConceptSet.EMPTY;
    for (String term : cols[3].strip().split(" +")) {
      if (term.isEmpty()) {
        continue;
      }
      boolean not = term.startsWith("!");
      ConceptSet alternatives = ConceptSet.EMPTY;
      for (String alt : (not ? term.substring(1) : term).split("\\|", -1)) {
        Integer bit = index.get(conceptName(alt));
        if (bit == null) {
          throw new IllegalArgumentException("concept '" + alt + "' is not in stages.tsv");
        }
        alternatives = alternatives.with(bit);
      }
      if (not) {
        absent = absent.or(alternatives);
      } else {
        terms.add(alternatives);
      }
    }
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one concept that must be present");
    }
    return new Rule(stage, weight, scope, terms.toArray(new ConceptSet[0]), absent, cols[3].strip(), where);
  }

  List<String> concepts() {
    return concepts;
  }

  List<ConceptLine> conceptLines() {
    return conceptLines;
  }

  List<Rule> rules() {
    return rules;
  }

  /** The rules read in this sender's messages, in file order (shared: not to be written). */
  Rule[] rules(boolean fromChild) {
    return bySender[fromChild ? 1 : 0];
  }

  /**
   * Parallel to {@link #rules(boolean)}: each rule's required concepts; a rule whose required concepts are
   * not all in a message's concepts does not match (shared: not to be written).
   */
  ConceptSet[] required(boolean fromChild) {
    return required[fromChild ? 1 : 0];
  }

  /**
   * The concepts that meet one of this sender's rules on their own: a message showing a single concept
   * outside them matches none of the sender's rules.
   */
  ConceptSet alone(boolean fromChild) {
    return alone[fromChild ? 1 : 0];
  }

  /** The stage concepts that a text concept's hits also mean (empty for none). */
  ConceptSet linkOf(int textConcept) {
    return links[textConcept];
  }

  /** The text concepts whose {@link #linkOf} is not empty. */
  ConceptSet linked() {
    return linked;
  }

  /**
   * Whether a rule's concepts are all in the set of words {@code lo} (concepts 0-63) and {@code hi}
   * (64-127), and none of its absent ones is.
   */
  static boolean matches(Rule r, long lo, long hi) {
    if (r.absent().meets(lo, hi, 0, 0)) {
      return false;
    }
    for (ConceptSet t : r.terms()) {
      if (!t.meets(lo, hi, 0, 0)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a rule's concepts are all in {@code present} and none of its absent ones is. */
  static boolean matches(Rule r, ConceptSet present) {
    return matches(r, present.w0(), present.w1());
  }
}
