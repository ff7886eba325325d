package vn.lanhmanh.cli;

import java.util.Collection;
import java.util.Locale;

/** The nearest command name to a mistyped one (edit distance), for "did you mean". Stateless. */
final class CommandSuggestions {

  private CommandSuggestions() {}

  /**
   * The name within edit distance 2 of {@code word} (1 for names of up to 4 letters) that is nearest, or a
   * name {@code word} is a prefix of; null when none is near enough.
   */
  static String nearest(String word, Collection<String> names) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names) {
      if (w.length() >= 2 && name.startsWith(w)) {
        return name;
      }
      int d = distance(w, name);
      int limit = name.length() <= 4 ? 1 : 2;
      if (d <= limit && d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
