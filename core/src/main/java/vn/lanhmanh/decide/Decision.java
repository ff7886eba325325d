package vn.lanhmanh.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.Verdict;
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
    List<Finding> all = new ArrayList<>(findings.size() + personal.size());
    all.addAll(findings);
    for (PiiMatch m : personal) {
      all.add(new Finding(Category.PII, Severity.MEDIUM, Rating.P, "pii/" + m.type().jsonName(), m.start(),
          m.end(), m.match()));
    }
    all.sort(java.util.Comparator.comparingInt(Finding::start));
    return all;
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
   */
  public static Verdict capped(Verdict v) {
    List<Finding> findings = v.findings();
    if (findings.size() <= Verdict.MAX_FINDINGS) {
      return v;
    }
    List<Finding> byRating = new ArrayList<>(findings);
    byRating.sort(java.util.Comparator.comparing(Finding::rating).reversed().thenComparingInt(Finding::start));
    Set<Finding> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<Category> seen = java.util.EnumSet.noneOf(Category.class);
    for (Finding f : byRating) {
      if (seen.add(f.category())) {
        keep.add(f);
      }
    }
    for (int i = 0; keep.size() < Verdict.MAX_FINDINGS; i++) {
      keep.add(byRating.get(i));
    }
    List<Finding> kept = new ArrayList<>(Verdict.MAX_FINDINGS);
    for (Finding f : findings) {
      if (keep.contains(f)) {
        kept.add(f);
      }
    }
    List<String> notes = new ArrayList<>(v.notes());
    notes.add("findings capped: " + (findings.size() - Verdict.MAX_FINDINGS) + " more");
    return new Verdict(v.action(), v.rating(), kept, v.redacted(), v.safeUrl(), v.help(), v.errors(), v.scores(),
        notes);
  }
}
