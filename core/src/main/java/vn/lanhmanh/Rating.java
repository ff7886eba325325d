package vn.lanhmanh;

import java.util.Locale;

/**
 * Vietnam's film rating tiers (Law on Cinema 2022, Article 32), in increasing order of restriction.
 * Content is rated on this scale and compared with the viewer's age.
 *
 * <ul>
 *   <li>{@link #P}: for everyone;
 *   <li>{@link #K}: under 13 only with a parent (a child viewer gets a warning);
 *   <li>{@link #T13}, {@link #T16}, {@link #T18}: from 13, 16 and 18 years old;
 *   <li>{@link #C}: not to be shown to anyone (blocked at every age).
 * </ul>
 */
public enum Rating {
  P, K, T13, T16, T18, C;

  /**
   * The highest tier a viewer of this age may see without a warning: under 13 → {@code P},
   * 13–15 → {@code T13}, 16–17 → {@code T16}, 18 and over → {@code T18}.
   *
   * @throws IllegalArgumentException if {@code age} is negative or above 150
   */
  public static Rating highestFor(int age) {
    if (age < 0 || age > 150) {
      throw new IllegalArgumentException("age must be between 0 and 150, was " + age);
    }
    if (age < 13) {
      return P;
    }
    if (age < 16) {
      return T13;
    }
    if (age < 18) {
      return T16;
    }
    return T18;
  }

  /** Parses {@code P, K, T13, T16, T18, C} (case-insensitive; {@code 13+} style is accepted too). */
  public static Rating parse(String s) {
    String t = s.trim().toUpperCase(Locale.ROOT);
    switch (t) {
      case "13+": return T13;
      case "16+": return T16;
      case "18+": return T18;
      default:
        try {
          return valueOf(t);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("unknown rating '" + s + "' (expected P, K, T13, T16, T18 or C)");
        }
    }
  }

  /** The more restrictive of the two. */
  public Rating max(Rating other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** The less restrictive of the two. */
  public Rating min(Rating other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
