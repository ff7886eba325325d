package vn.lanhmanh;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.lanhmanh.internal.FindingList;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;

/**
 * The child's own words: a message the protected child writes in a conversation ({@link Message.Sender#CHILD}),
 * or text checked with {@link Policy#outgoing()}. What grooming and abuse words mean there is not what they
 * mean from an adult, and a child who tells of abuse must be helped, not blocked.
 *
 * <ul>
 *   <li>A {@code grooming} finding (a phrase, a composition or the classifier's) is rated {@link Rating#P}:
 *       grooming is an adult's conduct aimed at a child, and in the child's own words the phrase is what
 *       someone asked her, told to a parent or a friend ("có chú lạ nhắn bảo em gửi ảnh không mặc áo"), or
 *       the child's echo of the request, her answer or her refusal ("thay đồ trước camera hả chị?", "em không
 *       gửi ảnh không mặc áo đâu").
 *   <li>A {@code sexual_minors} or {@code sexual} finding is rated {@link Rating#P} when the message carries a
 *       disclosure cue: reported speech (the stage concept {@code REPORTED}: "có người nhắn đòi", "nó bảo")
 *       or the stage concept {@code DISCLOSURE} (fear, asking for help, telling an adult, refusing, something
 *       done or sent to the child: "con sợ lắm", "con phải làm sao", "chú ấy bắt con xem"). Without such a cue
 *       it stays as it is: a child passing on a classmate's clip is sharing it.
 *   <li>A {@code scam} finding is rated {@link Rating#P} on the same disclosure cue: the child tells of a swindle
 *       tried on her ("có thằng nhắn t bán kc giá rẻ, bắt gửi mật khẩu"), and the verdict carries {@link Help#SCAM}
 *       (fifty-fifth round). It is no abuse disclosure (no note, no incident). Without a cue it stays: a child
 *       passing a swindle's link or offer on is spreading it.
 *   <li>A bare {@code harassment} or {@code profanity} finding is rated {@link Rating#P} when the message tells
 *       that the child was called names (the stage concept {@code CALLED}: "tụi nó kêu em là …", "bị chửi
 *       là …"): the insult quoted is what was said to the child, not the child insulting. No help is attached
 *       for it and it is no disclosure; a composed finding (a threat, doxxing) stays.
 * </ul>
 *
 * <p>When a finding was lowered from above P, the verdict carries {@link Help#ABUSE} (hotline 111, unless the
 * message needs {@link Help#SELF_HARM}) whatever its action, and the note {@link #NOTE}; the filter reports
 * the message to its {@link IncidentListener} as {@link IncidentListener.Kind#DISCLOSURE} (where a C-tier
 * finding would have been a {@link IncidentListener.Kind#FINDING}), so the parent is told and the child's
 * message still reaches whoever she is telling. The same words from the other party are rated as before.
 *
 * <p>A text the child reads (not a conversation message, not outgoing) in which a child tells a trusted adult
 * of a request made to her (the stage concept {@code TOLD_ADULT} and a disclosure cue) has the same findings
 * rated P, with {@link Help#ABUSE} and no note ({@link #toldAdult}).
 */
final class ChildWords {

  private ChildWords() {}

  /** The note of a verdict whose grooming or abuse findings were lowered as the child's own words. */
  static final String NOTE = "child's own words: grooming and abuse findings rated P (a report, an echo or an "
      + "answer of the child; help attached, told as a disclosure)";

  /** Rule-id prefixes of the side hits that are a disclosure cue (stage concepts, {@code concept/stages.tsv}). */
  private static final String[] CUES = {CompiledLexicon.REPORTED, CompiledLexicon.DISCLOSURE};

  /** Rule-id prefix of the side hits that say the child was called names ({@code concept/stages.tsv}). */
  private static final String CALLED = "concept/CALLED/";

  private static final Optional<Help> ABUSE = Optional.of(Help.ABUSE);

  /**
   * {@code findings} with those the child's own words do not carry lowered to P, or {@code findings} itself
   * when none is; {@code state} is the match of the text, side hits kept.
   */
  static List<Finding> lower(List<Finding> findings, MatchState state) {
    List<Finding> out = findings;
    int cue = -1;   // -1: not looked at yet
    int called = -1;
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.rating() == Rating.P) {
        continue;
      }
      boolean lowered = f.category() == Category.GROOMING;
      if (!lowered && (f.category() == Category.SEXUAL_MINORS || f.category() == Category.SEXUAL
          || f.category() == Category.SCAM)) {
        if (cue < 0) {
          cue = cue(state) ? 1 : 0;
        }
        lowered = cue == 1;
      }
      if (!lowered && (f.category() == Category.HARASSMENT || f.category() == Category.PROFANITY)
          && !f.rule().startsWith(COMPOSED)) {
        if (called < 0) {
          called = has(state, CALLED) ? 1 : 0;
        }
        lowered = called == 1;
      }
      if (lowered) {
        if (out == findings) {
          out = FindingList.mutableCopy(findings);
        }
        out.set(i, new Finding(f.category(), f.severity(), Rating.P, f.rule(), f.start(), f.end(), f.match()));
      }
    }
    return out;
  }

  private static final String COMPOSED = "compose/";

  /**
   * A text the child reads (not a conversation message, not outgoing) in which a child tells a trusted adult
   * of a request made to her: {@code findings} with its grooming, sexual_minors and sexual findings rated P
   * when the match holds both a {@code TOLD_ADULT} side hit (the vocative to a parent or a teacher, a plea for
   * their help, the hotline addressed) and a disclosure cue ({@link #cue}); otherwise {@code findings} itself.
   * The request in the asker's own voice, or passed on to a friend as a dare, speaks to no trusted adult and
   * stays as it is. No note and no incident: the writer is not the protected child ({@link #reported}).
   */
  static List<Finding> toldAdult(List<Finding> findings, MatchState state) {
    List<Finding> out = findings;
    boolean looked = false;
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      Category c = f.category();
      if (f.rating() == Rating.P
          || c != Category.GROOMING && c != Category.SEXUAL_MINORS && c != Category.SEXUAL) {
        continue;
      }
      if (!looked) {
        if (!has(state, CompiledLexicon.TOLD_ADULT) || !cue(state)) {
          return findings;
        }
        looked = true;
      }
      if (out == findings) {
        out = FindingList.mutableCopy(findings);
      }
      out.set(i, new Finding(f.category(), f.severity(), Rating.P, f.rule(), f.start(), f.end(), f.match()));
    }
    return out;
  }

  /** {@code v} with {@link Help#ABUSE} (unless it needs {@link Help#SELF_HARM}): a report read, no note. */
  static Verdict reported(Verdict v) {
    return withHelp(v, ABUSE);
  }

  /** {@code v} with {@code help} when it carries none, otherwise {@code v} itself. */
  private static Verdict withHelp(Verdict v, Optional<Help> help) {
    if (v.help().isPresent()) {
      return v;
    }
    return new Verdict(v.action(), v.rating(), v.findings(), v.redacted(), v.safeUrl(), help, v.errors(),
        v.scores(), v.notes());
  }

  /** Whether the match holds a disclosure cue (a side hit of {@code REPORTED} or {@code DISCLOSURE}). */
  static boolean cue(MatchState state) {
    for (String p : CUES) {
      if (has(state, p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the match holds a side hit whose rule id starts with {@code prefix}. */
  private static boolean has(MatchState state, String prefix) {
    for (int i = 0, n = state.candidateCount(); i < n; i++) {
      if (state.candidateKind(i) == MatchState.SIDE && state.candidateRule(i).startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code kept} ({@link #lower}'s answer to {@code findings}) lowered a grooming, sexual_minors or
   * sexual finding: only then is the message told as a disclosure, with help ({@link #helped}).
   */
  static boolean toldAbuse(List<Finding> findings, List<Finding> kept) {
    return lowered(findings, kept, ABUSE_CATEGORIES);
  }

  /**
   * Whether {@code kept} lowered a {@code scam} finding of {@code findings} (the child telling of a swindle tried on
   * her, {@link #lower}).
   */
  static boolean toldScam(List<Finding> findings, List<Finding> kept) {
    return lowered(findings, kept, SCAM_CATEGORY);
  }

  private static final Set<Category> ABUSE_CATEGORIES =
      EnumSet.of(Category.GROOMING, Category.SEXUAL_MINORS, Category.SEXUAL);
  private static final Set<Category> SCAM_CATEGORY = EnumSet.of(Category.SCAM);

  /** Whether {@code kept} differs from {@code findings} at a finding of one of {@code categories}. */
  private static boolean lowered(List<Finding> findings, List<Finding> kept, Set<Category> categories) {
    if (kept == findings) {
      return false;
    }
    for (int i = 0; i < findings.size(); i++) {
      if (categories.contains(FindingList.category(findings, i)) && !findings.get(i).equals(kept.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@code v} with {@link Help#SCAM} when it carries no help: the child told of a swindle ({@link #toldScam}). */
  static Verdict scamHelped(Verdict v) {
    return withHelp(v, SCAM);
  }

  private static final Optional<Help> SCAM = Optional.of(Help.SCAM);

  /** {@code v} with {@link Help#ABUSE} (unless it needs {@link Help#SELF_HARM}) and {@link #NOTE}. */
  static Verdict helped(Verdict v) {
    Optional<Help> help = v.help().orElse(null) == Help.SELF_HARM ? v.help() : ABUSE;
    List<String> notes = new ArrayList<>(v.notes().size() + 1);
    notes.addAll(v.notes());
    notes.add(NOTE);
    return new Verdict(v.action(), v.rating(), v.findings(), v.redacted(), v.safeUrl(), help, v.errors(),
        v.scores(), notes);
  }

  /** Whether {@code v} is the verdict of a child's own words that tell of grooming or abuse. */
  static boolean told(Verdict v) {
    List<String> notes = v.notes();
    for (int i = 0; i < notes.size(); i++) {
      if (NOTE.equals(notes.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** The findings a disclosure incident carries: the grooming, sexual_minors and sexual ones of the verdict. */
  static List<Finding> disclosed(Verdict v) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : v.findings()) {
      Category c = f.category();
      if (c == Category.GROOMING || c == Category.SEXUAL_MINORS || c == Category.SEXUAL) {
        out.add(f);
      }
    }
    return out;
  }
}
