package vn.lanhmanh;

import java.util.Locale;

/**
 * What a finding is about. The JSON name of each constant is its lower-case snake name
 * ({@code sexual_minors}, {@code self_harm}).
 *
 * <p>Illegal-for-everyone content (sexual content involving minors, grooming, gambling promotion,
 * drug trade, scams) is rated {@link Rating#C} by the default lexicon whatever its category.
 */
public enum Category {
  /** Sexual acts, pornography, sex services. */
  SEXUAL,
  /** Sexual content involving children: always {@link Rating#C}. */
  SEXUAL_MINORS,
  /** An adult preparing a child for abuse: secrecy, gifts, photo requests, meeting. */
  GROOMING,
  /** Violence, threats, weapons, gore. */
  VIOLENCE,
  /** Suicide, self-injury, dangerous challenges, eating disorders. Never silently allowed. */
  SELF_HARM,
  /** Illegal drugs and their trade, plus alcohol, tobacco, vapes and laughing gas at lower tiers. */
  DRUGS,
  /** Gambling as it appears in Vietnam: betting sites, lottery games, card games for prizes. */
  GAMBLING,
  /** Fraud: jobs too good to be true, quick loans, fake prizes, account renting, phishing. */
  SCAM,
  /** Insults, bullying, slurs. */
  HARASSMENT,
  /** Vulgar swearing. */
  PROFANITY,
  /** Personal information: phone numbers, addresses, schools, IDs. */
  PII,
  /** Dating and stranger-chat. */
  DATING,
  /** Social networks (their own minimum age is 13). */
  SOCIAL;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /** The lower-case snake name used in JSON and in lexicon file names, e.g. {@code self_harm}. */
  public String jsonName() {
    return jsonName;
  }

  private static final Category[] VALUES = values();

  /**
   * Parses a JSON name such as {@code self_harm} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value when it is not a category
   */
  public static Category fromJsonName(String name) {
    for (Category c : VALUES) {
      if (c.jsonName.equals(name)) {
        return c;   // the usual case: the name as this enum writes it; no copy of values(), no trim
      }
    }
    String trimmed = name.trim();
    for (Category c : VALUES) {
      if (c.jsonName.equalsIgnoreCase(trimmed)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown category '" + name + "'");
  }
}
