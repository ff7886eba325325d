package vn.lanhmanh.internal;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;

/**
 * The findings of a text dense with them (thousands of {@code đm.}), kept as columns of primitives over the
 * text: a category, severity and tier byte, the rule id (shared with the lexicon) and the span, about 17
 * bytes a finding, where a {@link Finding} and its match string take about 100. {@link #get} makes the
 * {@code Finding} when it is asked for, equal to the one the full pipeline would have kept (a finding's match
 * is its span of the text: {@code text.substring(start, end)}); the decision reads the columns
 * ({@link #rating(List, int)} and the others) without making any. A {@code Verdict} lists at most {@code
 * MAX_FINDINGS} of them, so only those ever become objects that outlive a check.
 *
 * <p>Frozen (immutable) as {@link #frozen()} gives it, mutable by {@link #set} as {@link #mutableCopy} gives
 * it. <b>Internal, not API.</b>
 */
public final class FindingList extends AbstractList<Finding> implements RandomAccess {

  private static final Category[] CATEGORIES = Category.values();
  private static final Severity[] SEVERITIES = Severity.values();
  private static final Rating[] RATINGS = Rating.values();

  private final String text;
  private byte[] category;
  private byte[] severity;
  private byte[] rating;
  private String[] rule;
  private int[] start;
  private int[] end;
  private int size;
  private boolean frozen;

  private FindingList(String text, int capacity) {
    this.text = text;
    int n = Math.max(capacity, 4);
    category = new byte[n];
    severity = new byte[n];
    rating = new byte[n];
    rule = new String[n];
    start = new int[n];
    end = new int[n];
  }

  /** An empty list of findings of {@code text}, filled by {@link #add} and then {@link #freeze frozen}. */
  public static FindingList of(String text, int capacity) {
    return new FindingList(text, capacity);
  }

  /** Appends a finding of the text's span {@code [start, end)}. */
  public void add(Category c, Severity s, Rating r, String ruleId, int from, int to) {
    if (frozen) {
      throw new UnsupportedOperationException("frozen");
    }
    if (from < 0 || to < from || to > text.length()) {
      throw new IllegalArgumentException("bad span [" + from + ", " + to + ")");
    }
    if (size == start.length) {
      int n = size + (size >> 1) + 1;
      category = Arrays.copyOf(category, n);
      severity = Arrays.copyOf(severity, n);
      rating = Arrays.copyOf(rating, n);
      rule = Arrays.copyOf(rule, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
    }
    put(size++, c, s, r, ruleId, from, to);
  }

  @Override
  public boolean add(Finding f) {
    checkMatch(f);
    add(f.category(), f.severity(), f.rating(), f.rule(), f.start(), f.end());
    return true;
  }

  private void put(int i, Category c, Severity s, Rating r, String ruleId, int from, int to) {
    category[i] = (byte) c.ordinal();
    severity[i] = (byte) s.ordinal();
    rating[i] = (byte) r.ordinal();
    rule[i] = java.util.Objects.requireNonNull(ruleId, "rule");
    start[i] = from;
    end[i] = to;
  }

  /** A finding kept here must be its span of the text: that is what {@link #get} gives back. */
  private void checkMatch(Finding f) {
    if (f.end() > text.length() || f.match().length() != f.end() - f.start()
        || !text.regionMatches(f.start(), f.match(), 0, f.match().length())) {
      throw new IllegalArgumentException("a finding whose match is not its span of the text: " + f);
    }
  }

  /** Makes the list immutable and returns it. */
  public FindingList freeze() {
    frozen = true;
    return this;
  }

  /** This list if it is frozen, else a frozen copy (for a verdict, which must not change). */
  public FindingList frozen() {
    return frozen ? this : copy().freeze();
  }

  private FindingList copy() {
    FindingList c = new FindingList(text, size);
    System.arraycopy(category, 0, c.category, 0, size);
    System.arraycopy(severity, 0, c.severity, 0, size);
    System.arraycopy(rating, 0, c.rating, 0, size);
    System.arraycopy(rule, 0, c.rule, 0, size);
    System.arraycopy(start, 0, c.start, 0, size);
    System.arraycopy(end, 0, c.end, 0, size);
    c.size = size;
    return c;
  }

  @Override
  public Finding get(int i) {
    checkIndex(i);
    int from = start[i];
    int to = end[i];
    return new Finding(CATEGORIES[category[i]], SEVERITIES[severity[i]], RATINGS[rating[i]], rule[i], from, to,
        text.substring(from, to));
  }

  /** Replaces finding {@code i} (its match must be its span of the text); the list must not be frozen. */
  @Override
  public Finding set(int i, Finding f) {
    if (frozen) {
      throw new UnsupportedOperationException("frozen");
    }
    Finding old = get(i);
    checkMatch(f);
    put(i, f.category(), f.severity(), f.rating(), f.rule(), f.start(), f.end());
    return old;
  }

  @Override
  public int size() {
    return size;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + ", size " + size);
    }
  }

  public Category category(int i) {
    checkIndex(i);
    return CATEGORIES[category[i]];
  }

  public Rating rating(int i) {
    checkIndex(i);
    return RATINGS[rating[i]];
  }

  public int start(int i) {
    checkIndex(i);
    return start[i];
  }

  // ----- the same reads on any list of findings, without making a Finding of a FindingList -----

  /** The category of finding {@code i} of {@code findings}. */
  public static Category category(List<Finding> findings, int i) {
    return findings instanceof FindingList l ? l.category(i) : findings.get(i).category();
  }

  /** The tier of finding {@code i} of {@code findings}. */
  public static Rating rating(List<Finding> findings, int i) {
    return findings instanceof FindingList l ? l.rating(i) : findings.get(i).rating();
  }

  /** The start offset of finding {@code i} of {@code findings}. */
  public static int start(List<Finding> findings, int i) {
    return findings instanceof FindingList l ? l.start(i) : findings.get(i).start();
  }

  /**
   * A copy of {@code findings} to change with {@link List#set}: a mutable {@code FindingList} of a
   * {@code FindingList}, an {@link ArrayList} of any other list.
   */
  public static List<Finding> mutableCopy(List<Finding> findings) {
    return findings instanceof FindingList l ? l.copy() : new ArrayList<>(findings);
  }

  /**
   * {@code findings} (in the order of their start) and {@code more} in one list, in the order of their start,
   * a finding of {@code findings} before one of {@code more} at the same start, {@code more}'s in their own
   * order among themselves: what sorting the two lists one after the other by start gives (a stable sort).
   * A {@code FindingList} (frozen) when {@code findings} is one, else an {@link ArrayList}.
   */
  public static List<Finding> merged(List<Finding> findings, List<Finding> more) {
    if (!(findings instanceof FindingList l) || !l.sortedByStart()) {
      List<Finding> all = new ArrayList<>(findings.size() + more.size());
      all.addAll(findings);
      all.addAll(more);
      all.sort(java.util.Comparator.comparingInt(Finding::start));
      return all;
    }
    List<Finding> extra = new ArrayList<>(more);
    extra.sort(java.util.Comparator.comparingInt(Finding::start));
    FindingList out = new FindingList(l.text, l.size + extra.size());
    int j = 0;
    for (int i = 0; i < l.size; i++) {
      for (; j < extra.size() && extra.get(j).start() < l.start[i]; j++) {
        out.add(extra.get(j));
      }
      out.put(out.size++, CATEGORIES[l.category[i]], SEVERITIES[l.severity[i]], RATINGS[l.rating[i]], l.rule[i],
          l.start[i], l.end[i]);
    }
    for (; j < extra.size(); j++) {
      out.add(extra.get(j));
    }
    return out.freeze();
  }

  private boolean sortedByStart() {
    for (int i = 1; i < size; i++) {
      if (start[i] < start[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
