package vn.lanhmanh;

import java.util.Locale;

/** How strong a finding is within its category; independent of the age tier. */
public enum Severity {
  LOW, MEDIUM, HIGH;

  /** Lower-case name used in JSON and lexicon files. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code low, medium, high} (case-insensitive). */
  public static Severity parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown severity '" + s + "' (expected low, medium or high)");
    }
  }
}
