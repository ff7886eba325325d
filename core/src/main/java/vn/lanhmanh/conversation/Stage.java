package vn.lanhmanh.conversation;

import java.util.Locale;

/**
 * The grooming stages scored across a conversation, in the order they are reported, followed by three
 * markers that are not stages: {@link #PURPOSE} (an innocent reason for a secret, such as a surprise for a
 * parent or an apology: it lowers the same sender's secrecy), {@link #LESSON} (a safety lesson quoting a
 * groomer's words: it lowers every stage of the same sender) and {@link #REPORT} (reported speech: the
 * message tells what someone else asked, "có người nhắn đòi ảnh", "nó bảo đừng nói bố mẹ"; it lowers
 * every stage of the same message), and {@link #KIN} (a known parent or grandparent, said by both sides: the
 * child calls the other party "mẹ ơi", "bà ơi", and the other party speaks as one, "cháu ơi bà …", "con cho
 * mẹ xem"; it lowers the other party's stages that are not decisive on their own), and {@link #CARE} (a
 * symptom to look at, a rash, a swelling, a wound: in a window with {@link #KIN} it lowers every stage of its
 * own message, decisive ones too, as a parent's "lift your shirt and photograph the rash for me"), and
 * {@link #GUARDIAN} (the child says a parent takes part in what is arranged: "mẹ chụp cho con", "mẹ với em
 * ra đón", "mẹ em cũng vào live"; it lowers the other party's stages that are not decisive on their own,
 * as {@link #KIN} does). Markers are never reported as stages.
 */
public enum Stage {
  // New stages go at the end: a stored window (WindowStateCodec) names stages by ordinal.
  RAPPORT, AGE, SCHOOL, ADDRESS, PARENTS, SECRECY, CHANNEL, GIFTS, SEXUAL, PHOTOS, MEETING, OFFER, THREAT,
  PURPOSE(true), LESSON(true), REPORT(true), KIN(true), CARE(true), GUARDIAN(true);

  private final String jsonName = name().toLowerCase(Locale.ROOT);
  private final boolean marker;

  Stage() {
    this(false);
  }

  Stage(boolean marker) {
    this.marker = marker;
  }

  /** The lower-case name used in the data files and in results, e.g. {@code secrecy}. */
  public String jsonName() {
    return jsonName;
  }

  /**
   * True for {@link #PURPOSE}, {@link #LESSON}, {@link #REPORT}, {@link #KIN}, {@link #CARE} and
   * {@link #GUARDIAN}, which lower
   * other stages and are not reported.
   */
  public boolean marker() {
    return marker;
  }

  /** Parses a lower-case stage name; {@link IllegalArgumentException} naming the value otherwise. */
  public static Stage parse(String s) {
    for (Stage st : values()) {
      if (st.jsonName.equals(s.strip().toLowerCase(Locale.ROOT))) {
        return st;
      }
    }
    throw new IllegalArgumentException("unknown stage '" + s + "' (expected one of rapport, age, school, "
        + "address, parents, secrecy, channel, gifts, sexual, photos, meeting, offer, threat, purpose, lesson, "
        + "report, kin, care, guardian)");
  }
}
