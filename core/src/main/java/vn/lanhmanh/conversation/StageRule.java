package vn.lanhmanh.conversation;

import java.util.Locale;

/**
 * One expanded phrase of {@code stages.tsv}: the stage it marks, how strongly, and whose messages it is
 * read in.
 */
record StageRule(String phrase, Stage stage, double weight, Scope scope, String source) {

  /** Whose messages a phrase counts in. */
  enum Scope {
    OTHER, CHILD, ANY;

    static Scope parse(String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "other": return OTHER;
        case "child": return CHILD;
        case "any": return ANY;
        default: throw new IllegalArgumentException("unknown sender '" + s + "' (expected other, child or any)");
      }
    }

    boolean accepts(boolean fromChild) {
      return this == ANY || (this == CHILD) == fromChild;
    }
  }
}
