package vn.lanhmanh.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Long posts built for training the classifiers ({@code lanhmanh train --built-posts SHARE}, docs/MODEL.md,
 * "The thirty-ninth round"): one labelled message placed among two to five ordinary sentences. A post keeps the
 * message's label, so a positive teaches that one sentence decides a post however much ordinary text surrounds it,
 * and a hard negative built the same way teaches that the surrounding text does not make a post harmful.
 *
 * <p>The ordinary sentences are social-media comments that are negatives of every category (ViHOS comments
 * without a span), never another category's labelled negatives, which may be positives of a third category, and
 * never news or encyclopaedia sentences: built among those, posts taught the classifiers that such prose comes with
 * harm (docs/MODEL.md, "The thirty-ninth round"). The choice is a function of the seed alone.
 */
public final class BuiltPosts {

  /** Fewest ordinary sentences around the message. */
  static final int MIN_FILLERS = 2;
  /** Most ordinary sentences around the message. */
  static final int MAX_FILLERS = 5;

  private BuiltPosts() {}

  /**
   * For about {@code share} of {@code messages}, a post of that message among ordinary sentences drawn from
   * {@code fillers}, each with the message's category, label and {@code only}, style {@code long} and the id
   * {@code built:} followed by the message's id.
   *
   * @param share between 0 and 1: 0 builds none
   * @throws IllegalArgumentException if {@code share} is outside [0, 1], or is above 0 with fewer than
   *     {@link #MAX_FILLERS} fillers
   */
  public static List<MessageCorpus.Message> build(List<MessageCorpus.Message> messages,
      List<MessageCorpus.Message> fillers, double share, long seed) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("--built-posts must be between 0 and 1, was " + share);
    }
    List<MessageCorpus.Message> out = new ArrayList<>();
    if (share == 0 || messages.isEmpty()) {
      return out;
    }
    if (fillers.size() < MAX_FILLERS) {
      throw new IllegalArgumentException("--built-posts needs at least " + MAX_FILLERS
          + " ordinary comments to build posts from (--corpus-ordinary for training, --corpus-ordinary-dev for "
          + "development), had " + fillers.size());
    }
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
    StringBuilder b = new StringBuilder();
    for (MessageCorpus.Message m : messages) {
      if (r.nextDouble() >= share) {
        continue;
      }
      int n = MIN_FILLERS + r.nextInt(MAX_FILLERS - MIN_FILLERS + 1);
      int at = r.nextInt(n + 1);
      b.setLength(0);
      for (int k = 0; k <= n; k++) {
        String s = k == at ? m.text() : fillers.get(r.nextInt(fillers.size())).text();
        append(b, s);
      }
      out.add(new MessageCorpus.Message("built:" + m.id(), m.category(), m.positive(), "long", b.toString(),
          m.only()));
    }
    return out;
  }

  /** Appends {@code s}, trimmed, as one sentence: a space before it, a full stop after it unless it ends one. */
  static void append(StringBuilder b, String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return;
    }
    if (b.length() > 0) {
      b.append(' ');
    }
    b.append(t);
    char last = t.charAt(t.length() - 1);
    if (".!?…".indexOf(last) < 0 && !Character.isSurrogate(last) && Character.isLetterOrDigit(last)) {
      b.append('.');
    }
  }
}
