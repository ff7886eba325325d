package vn.lanhmanh.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.Verdict;
import vn.lanhmanh.internal.FindingList;
import vn.lanhmanh.pii.PiiMatch;

/**
 * Stage 5 of a check: decides the action for a viewer from the findings and scores, masks what the policy
 * redacts, points to help, and caps the findings a verdict lists. Allocates only the verdict (and, for a
 * text over 4,096 chars, its masked copy).
 */
public final class Decision {

  private Decision() {}

  /** Adds personal-information findings ({@code pii/phone}, {@code pii/address} …), keeping start order. */
  public static List<Finding> withPersonalInformation(List<Finding> findings, List<PiiMatch> personal) {
    List<Finding> more = new ArrayList<>(personal.size());
    for (PiiMatch m : personal) {
      more.add(new Finding(Category.PII, Severity.MEDIUM, Rating.P, "pii/" + m.type().jsonName(), m.start(),
          m.end(), m.match()));
    }
    return FindingList.merged(findings, more);
  }

  /** The chars of a text to redact, in a per-thread buffer for short texts (the verdict copies them). */
  private static final class Redaction {
    private static final int MAX_KEPT = 4096;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[256]);

    /** {@code text}'s chars at the start of a buffer at least as long, owned by this thread until the next call. */
    static char[] copyOf(String text) {
      int n = text.length();
      if (n > MAX_KEPT) {
        return text.toCharArray();
      }
      char[] buf = BUFFER.get();
      if (buf.length < n) {
        buf = new char[Math.max(n, buf.length * 2)];
        BUFFER.set(buf);
      }
      text.getChars(0, n, buf, 0);
      return buf;
    }
  }

  /**
   * The verdict on {@code text} for this viewer: the strictest action the policy gives the scores and any
   * finding, the highest finding's rating, the spans it blocks or redacts masked, and the help line.
   */
  public static Verdict decide(String text, List<Finding> findings, Map<Category, Double> scores, Policy policy) {
    return decide(text, findings, scores, policy, false);
  }

  /**
   * {@link #decide(String, List, Map, Policy)}; {@code plainSpan}: there is one finding, and its span of
   * {@code text} is printable ASCII without whitespace, so masking it writes {@code *} over all of it
   * (a fill, with no test per char).
   */
  public static Verdict decide(String text, List<Finding> findings, Map<Category, Double> scores, Policy policy,
      boolean plainSpan) {
    Action byScores = policy.thresholds().isEmpty() ? Action.ALLOW : policy.actionForScores(scores);
    if (findings.isEmpty()) {
      return new Verdict(byScores, Rating.P, List.of(), text, Optional.empty(), Optional.empty(), List.of(),
          scores);
    }
    Action action = byScores;
    Rating rating = Rating.P;
    char[] masked = null;
    boolean selfHarm = false;
    boolean abuse = false;
    boolean scam = false;
    int lonePlace = -1;   // -1 not looked at yet; 1 a class with no school and no address beside it, 0 not
    for (int k = 0; k < findings.size(); k++) {   // by index: no iterator per check
      Finding f = findings.get(k);
      Action a = policy.actionFor(f);
      if (a != Action.ALLOW && isPii(f, "pii/class") && !policy.namesPiiAction("class")) {
        if (lonePlace < 0) {
          lonePlace = classAlone(findings) ? 1 : 0;
        }
        if (lonePlace == 1) {
          a = Action.ALLOW;   // a class alone names no school: reported, not warned (docs/PRIVACY.md)
        }
      }
      action = action.max(a);
      rating = rating.max(f.rating());
      if (f.category() == Category.SELF_HARM) {
        selfHarm = true;
      }
      if (a == Action.ALLOW && !policy.redacts(f.category())) {
        continue;
      }
      if (a != Action.ALLOW) {
        abuse |= f.category() == Category.SEXUAL_MINORS || f.category() == Category.GROOMING;
        scam |= f.category() == Category.SCAM;
      }
      if (masked == null) {
        masked = Redaction.copyOf(text);
      }
      if (plainSpan) {
        java.util.Arrays.fill(masked, f.start(), f.end(), '*');   // no char to keep: one vectorised fill
      } else {
        mask(masked, f.start(), f.end());
      }
    }
    Help help = selfHarm ? Help.SELF_HARM : abuse ? Help.ABUSE : scam ? Help.SCAM : null;
    return new Verdict(action, rating, findings, masked == null ? text : new String(masked, 0, text.length()),
        Optional.empty(), Optional.ofNullable(help), List.of(), scores);
  }

  private static boolean isPii(Finding f, String rule) {
    return f.category() == Category.PII && rule.equals(f.rule());
  }

  /**
   * Whether the findings name a class ({@code lớp 4C}) but no school and no address: a class name alone is
   * shared by a class of that name in every school, so it does not let a reader find the child.
   */
  static boolean classAlone(List<Finding> findings) {
    for (int k = 0; k < findings.size(); k++) {
      Finding f = findings.get(k);
      if (isPii(f, "pii/school") || isPii(f, "pii/address")) {
        return false;
      }
    }
    return true;
  }

  /** Writes {@code *} over every char of {@code chars[from, to)} but whitespace. */
  private static void mask(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if ((c > ' ' && c < 0x7F) || !Character.isWhitespace(c)) {   // printable ASCII is never whitespace
        chars[i] = '*';
      }
    }
  }

  /**
   * The verdict as the caller gets it: at most {@link Verdict#MAX_FINDINGS} findings, the highest-rated
   * first (and at least one of each category, so {@link Verdict#categories()} is whole), the rest counted
   * in a note. Action, rating and redaction were decided on every finding.
   *
   * <p>Which findings stay, without sorting objects: in the order of their tier (highest first), then of their
   * start, then of their place in the list, the first finding of each category, then the first ones in that
   * order until {@link Verdict#MAX_FINDINGS} stay; they are listed in the verdict's own order. Reads tiers,
   * categories and starts by index ({@link FindingList}), so only the findings kept are made as objects.
   */
  public static Verdict capped(Verdict v) {
    List<Finding> findings = v.findings();
    int n = findings.size();
    if (n <= Verdict.MAX_FINDINGS) {
      return v;
    }
    int[] byRating = byRating(findings);
    boolean[] keep = new boolean[n];
    int kept = 0;
    boolean[] seen = new boolean[Category.values().length];
    for (int i : byRating) {
      int c = FindingList.category(findings, i).ordinal();
      if (!seen[c]) {
        seen[c] = true;
        keep[i] = true;
        kept++;
      }
    }
    for (int k = 0; kept < Verdict.MAX_FINDINGS; k++) {
      if (!keep[byRating[k]]) {
        keep[byRating[k]] = true;
        kept++;
      }
    }
    List<Finding> list = new ArrayList<>(Verdict.MAX_FINDINGS);
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        list.add(findings.get(i));
      }
    }
    List<String> notes = new ArrayList<>(v.notes());
    notes.add("findings capped: " + (n - Verdict.MAX_FINDINGS) + " more");
    return new Verdict(v.action(), v.rating(), list, v.redacted(), v.safeUrl(), v.help(), v.errors(), v.scores(),
        notes);
  }

  /**
   * The indices of {@code findings} by tier, highest first, then by start, then by index: the order a stable
   * sort by tier (reversed) and start gives. One run of (start, index) keys per tier, each sorted as numbers.
   */
  private static int[] byRating(List<Finding> findings) {
    int n = findings.size();
    Rating[] tiers = Rating.values();
    int[] perTier = new int[tiers.length];
    for (int i = 0; i < n; i++) {
      perTier[FindingList.rating(findings, i).ordinal()]++;
    }
    int[] from = new int[tiers.length];   // where each tier's run begins, the highest tier first
    for (int r = tiers.length - 2; r >= 0; r--) {
      from[r] = from[r + 1] + perTier[r + 1];
    }
    long[] keys = new long[n];
    int[] next = from.clone();
    for (int i = 0; i < n; i++) {
      keys[next[FindingList.rating(findings, i).ordinal()]++] = (long) FindingList.start(findings, i) << 32 | i;
    }
    int[] order = new int[n];
    for (int r = 0; r < tiers.length; r++) {
      java.util.Arrays.sort(keys, from[r], from[r] + perTier[r]);
    }
    for (int k = 0; k < n; k++) {
      order[k] = (int) keys[k];
    }
    return order;
  }
}
