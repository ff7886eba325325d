package vn.lanhmanh.conversation;

import java.util.Locale;

/** The grooming stages scored across a conversation, in the order they are reported. */
public enum Stage {
  RAPPORT, AGE, SCHOOL, ADDRESS, PARENTS, SECRECY, CHANNEL, GIFTS, SEXUAL, PHOTOS, MEETING;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in the data file and in results, e.g. {@code secrecy}. */
  public String jsonName() {
    return jsonName;
  }

  /** Parses a lower-case stage name; {@link IllegalArgumentException} naming the value otherwise. */
  public static Stage parse(String s) {
    for (Stage st : values()) {
      if (st.jsonName.equals(s.strip().toLowerCase(Locale.ROOT))) {
        return st;
      }
    }
    throw new IllegalArgumentException("unknown stage '" + s + "' (expected one of rapport, age, school, "
        + "address, parents, secrecy, channel, gifts, sexual, photos, meeting)");
  }
}
