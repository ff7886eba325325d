package vn.lanhmanh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is watching, and what they may see. Immutable; every {@code with…}, {@link #allow} and
 * {@link #deny} call returns a new policy and leaves this one unchanged, so policies can be built once
 * and shared between threads.
 *
 * <p>The defaults follow Vietnam's film tiers: a viewer of a given age may see content up to
 * {@link Rating#highestFor(int)}; {@link Rating#K} content is shown to a child under 13 with a
 * {@link Action#WARN}; anything rated higher is {@link Action#BLOCK}ed; {@link Rating#C} is blocked for
 * everyone; {@link Category#SELF_HARM} rated above {@link Rating#P} is never silently allowed (at least WARN,
 * with help), while a bare mention that a story, a history lesson or a help notice lowered to P is allowed
 * (help still attached); and
 * personal information ({@link Category#PII}: phone numbers, addresses, schools, IDs) is looked for in
 * text the child writes ({@link #outgoing()}), where for a viewer under 16 it is a WARN, masked in the
 * redacted text, while for older viewers it is only reported; text the child reads is not searched for
 * it unless asked ({@link #personalInformation}, {@link #redact}).
 *
 * <pre>{@code
 * Policy child = Policy.forAge(10);
 * Policy forum = Policy.forAge(16)
 *     .withCategory(Category.PROFANITY, Action.WARN)      // swearing is warned, not blocked
 *     .allow("con dâm")                                     // a word this school uses innocently
 *     .deny(Category.HARASSMENT, Rating.K, "đồ lớp B");     // a local insult
 * }</pre>
 *
 * <p>Per-category overrides replace the tier decision for that category entirely (including the
 * self-harm minimum). Allow phrases cancel any finding that lies inside them; deny phrases add rules
 * with the category and tier given. Where an allow phrase and a deny phrase overlap, allow wins only for
 * findings wholly inside the allow phrase. The order of calls does not matter, except that a later
 * {@code withCategory} for the same category replaces the earlier one.
 */
public final class Policy {

  /** A custom deny phrase: matched like a lexicon rule of this category and tier. */
  public record Phrase(String phrase, Category category, Rating rating) {
    public Phrase {
      Objects.requireNonNull(phrase, "phrase");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(rating, "rating");
      if (phrase.isBlank()) {
        throw new IllegalArgumentException("deny phrase must not be blank");
      }
    }
  }

  private final int age;
  private final Rating highest;
  private final Map<Category, Action> overrides;
  /** Unmodifiable, in the order they were added (as every collection below: they are never handed out mutable). */
  private final Set<String> allowPhrases;
  private final List<Phrase> denyPhrases;
  /** Per personal-information type ({@code phone}, {@code address} …; {@code *} for all): the action. */
  private final Map<String, Action> piiActions;
  /** Categories masked in {@code redacted} even when their findings are allowed. */
  private final Set<Category> redacted;
  /** Per category: the score at or above which the category's action applies. */
  private final Map<Category, Double> thresholds;
  /** Text the child writes (personal information is looked for), rather than text the child reads. */
  private final boolean outgoing;
  /** {@link #outgoing()} of this policy, made on first use (conversations ask for it per child message). */
  private volatile Policy outgoingTwin;
  /** Cached: policies are cache keys on the URL path. */
  private final int hash;
  /** {@link #actionFor(Category, Rating)} of every pair, at {@code category * ratings + rating} (ordinals). */
  private final Action[] actions;
  private static final Category[] CATEGORIES = Category.values();
  private static final Rating[] RATINGS = Rating.values();

  private Policy(int age, Rating highest, Map<Category, Action> overrides,
      Set<String> allowPhrases, List<Phrase> denyPhrases) {
    this(age, highest, overrides, allowPhrases, denyPhrases, Map.of(), Set.of(), Map.of(), false);
  }

  private Policy(int age, Rating highest, Map<Category, Action> overrides,
      Set<String> allowPhrases, List<Phrase> denyPhrases, Map<String, Action> piiActions, Set<Category> redacted,
      Map<Category, Double> thresholds, boolean outgoing) {
    this.outgoing = outgoing;
    this.age = age;
    this.highest = highest;
    this.overrides = overrides;
    this.allowPhrases = allowPhrases;
    this.denyPhrases = denyPhrases;
    this.piiActions = piiActions;
    this.redacted = redacted;
    this.thresholds = thresholds;
    this.actions = new Action[CATEGORIES.length * RATINGS.length];
    for (Category c : CATEGORIES) {
      for (Rating r : RATINGS) {
        actions[c.ordinal() * RATINGS.length + r.ordinal()] = ruleFor(c, r);
      }
    }
    this.hash = Objects.hash(age, highest, overrides, allowPhrases, denyPhrases, piiActions, redacted, thresholds,
        outgoing);
  }

  /**
   * The default policy for a viewer of this age.
   *
   * @throws IllegalArgumentException if {@code age} is negative or above 150
   */
  public static Policy forAge(int age) {
    return new Policy(age, Rating.highestFor(age), new EnumMap<>(Category.class), Set.of(), List.of());
  }

  /**
   * The preset for a viewer allowed content up to {@code highest}: {@code tier(Rating.T13)} is the
   * policy of a 13–15-year-old. {@code tier(Rating.P)} is a child under 13 ({@code K} is warned).
   *
   * @throws IllegalArgumentException for {@link Rating#C} or {@link Rating#K}, which are not viewer tiers
   */
  public static Policy tier(Rating highest) {
    Objects.requireNonNull(highest, "highest");
    if (highest == Rating.C || highest == Rating.K) {
      throw new IllegalArgumentException("a viewer tier is P, T13, T16 or T18, not " + highest);
    }
    return new Policy(-1, highest, new EnumMap<>(Category.class), Set.of(), List.of());
  }

  /** A copy in which every finding of {@code category} gets {@code action}, whatever its tier. */
  public Policy withCategory(Category category, Action action) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(action, "action");
    EnumMap<Category, Action> copy = new EnumMap<>(Category.class);
    copy.putAll(overrides);
    copy.put(category, action);
    return new Policy(age, highest, copy, allowPhrases, denyPhrases, piiActions, redacted, thresholds, outgoing);
  }

  /**
   * A copy with these phrases allowed: a finding that lies wholly inside one of them is dropped.
   * Phrases are written like lexicon phrases (Vietnamese with diacritics; matched through the same
   * normaliser).
   */
  public Policy allow(String... phrases) {
    Set<String> b = new LinkedHashSet<>(allowPhrases);
    for (String p : phrases) {
      Objects.requireNonNull(p, "allow phrase");
      if (p.isBlank()) {
        throw new IllegalArgumentException("allow phrase must not be blank");
      }
      b.add(p.strip());
    }
    return new Policy(age, highest, overrides, Collections.unmodifiableSet(b), denyPhrases, piiActions, redacted,
        thresholds, outgoing);
  }

  /** A copy with these phrases denied as {@code category} content of tier {@code rating}. */
  public Policy deny(Category category, Rating rating, String... phrases) {
    List<Phrase> list = new ArrayList<>(denyPhrases);
    for (String p : phrases) {
      Objects.requireNonNull(p, "deny phrase");
      list.add(new Phrase(p.strip(), category, rating));
    }
    return new Policy(age, highest, overrides, allowPhrases, List.copyOf(list), piiActions, redacted,
        thresholds, outgoing);
  }

  /**
   * A copy in which personal information of one type gets {@code action}: {@code "phone"},
   * {@code "email"}, {@code "citizen_id"}, {@code "bank_account"}, {@code "address"}, {@code "school"},
   * {@code "class"}, {@code "social_handle"}, {@code "social_link"}, {@code "map_link"},
   * {@code "coordinates"}, {@code "landline"}, {@code "old_id"}, {@code "password"}, or {@code "*"} for every type. A more
   * specific type wins over {@code "*"}. Combine with {@link #redact(Category)} for "redact only":
   * {@code .personalInformation("*", Action.ALLOW).redact(Category.PII)}.
   */
  public Policy personalInformation(String type, Action action) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(action, "action");
    if (type.isBlank()) {
      throw new IllegalArgumentException("personal information type must not be blank");
    }
    Map<String, Action> m = new LinkedHashMap<>(piiActions);
    m.put(type.strip().toLowerCase(java.util.Locale.ROOT), action);
    return new Policy(age, highest, overrides, allowPhrases, denyPhrases, Collections.unmodifiableMap(m), redacted,
        thresholds, outgoing);
  }

  /**
   * A copy in which findings of {@code category} are always masked in {@link Verdict#redacted()}, even
   * when they are allowed (by default only findings that cause a WARN or BLOCK are masked): for example
   * profanity for a forum that shows swearing as {@code ***}.
   */
  public Policy redact(Category category) {
    Objects.requireNonNull(category, "category");
    Set<Category> r = EnumSet.of(category);
    r.addAll(redacted);
    return new Policy(age, highest, overrides, allowPhrases, denyPhrases, piiActions, Collections.unmodifiableSet(r),
        thresholds, outgoing);
  }

  /**
   * A copy in which a verdict whose {@link Verdict#scores() score} for {@code category} is at or above
   * {@code score} gets at least the category's action: the one set by {@link #withCategory}, or
   * {@link Action#BLOCK} when none is set. The findings' tiers still decide as before; a threshold can only
   * make a verdict stricter. A later call for the same category replaces the earlier one.
   *
   * @throws IllegalArgumentException if {@code score} is not in [0, 1]
   */
  public Policy threshold(Category category, double score) {
    Objects.requireNonNull(category, "category");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + score);
    }
    EnumMap<Category, Double> copy = new EnumMap<>(Category.class);
    copy.putAll(thresholds);
    copy.put(category, score);
    return new Policy(age, highest, overrides, allowPhrases, denyPhrases, piiActions, redacted,
        Collections.unmodifiableMap(copy), outgoing);
  }

  /** The per-category score thresholds set by {@link #threshold}. */
  public Map<Category, Double> thresholds() {
    return thresholds;
  }

  /**
   * The action the scores call for: for every category with a threshold that its score reaches, the
   * category's action ({@link #withCategory}'s, else {@link Action#BLOCK}); {@link Action#ALLOW} otherwise.
   */
  public Action actionForScores(java.util.Map<Category, Double> scores) {
    Action action = Action.ALLOW;
    for (Map.Entry<Category, Double> t : thresholds.entrySet()) {
      Double s = scores.get(t.getKey());
      if (s != null && s >= t.getValue()) {
        action = action.max(overrides.getOrDefault(t.getKey(), Action.BLOCK));
      }
    }
    return action;
  }

  /**
   * A copy for text the protected child <em>writes</em> (a message, a post, a comment, a search): personal
   * information in it (phone, address, school, class, IDs …) is detected and, for a child under 16, warned
   * and masked in {@code redacted} (see {@link #personalInformation}). A policy that is not outgoing is for
   * text the child <em>reads</em> (pages, posts, news): personal information in it is not reported, since
   * the news naming a district or a defendant's age protects nobody; unless the caller asks for it with
   * {@link #personalInformation} or {@link #redact redact(Category.PII)}. A {@link Conversation} uses the
   * outgoing copy for the child's own messages.
   */
  public Policy outgoing() {
    if (outgoing) {
      return this;
    }
    Policy twin = outgoingTwin;
    if (twin == null) {
      twin = new Policy(age, highest, overrides, allowPhrases, denyPhrases, piiActions, redacted,
          thresholds, true);
      outgoingTwin = twin;
    }
    return twin;
  }

  /** Whether this policy is for text the child writes ({@link #outgoing()}). */
  public boolean isOutgoing() {
    return outgoing;
  }

  /**
   * Whether checks with this policy look for personal information: for outgoing text, or when the caller
   * set an action for it or asked for it to be redacted.
   */
  boolean detectsPersonalInformation() {
    return outgoing || !piiActions.isEmpty() || redacted.contains(Category.PII);
  }

  /** Whether findings of this category are masked even when allowed. */
  public boolean redacts(Category category) {
    return redacted.contains(category);
  }

  /**
   * What this policy does with one finding: like {@link #actionFor(Category, Rating)}, and for
   * personal information its type (the part of the rule id after {@code pii/}) may have its own action.
   */
  public Action actionFor(Finding finding) {
    if (finding.category() == Category.PII && !piiActions.isEmpty()) {
      String rule = finding.rule();
      String type = rule.startsWith("pii/") ? rule.substring(4) : rule;
      Action a = piiActions.get(type);
      if (a == null) {
        a = piiActions.get("*");
      }
      if (a != null) {
        return a;
      }
    }
    return actionFor(finding.category(), finding.rating());
  }

  /**
   * Whether this policy names its own action for personal information of this type (the part of the rule id
   * after {@code pii/}), or for every type ({@code *}).
   */
  public boolean namesPiiAction(String type) {
    return !piiActions.isEmpty() && (piiActions.containsKey(type) || piiActions.containsKey("*"));
  }

  /** The viewer's age, or empty when the policy was made from a tier. */
  public Optional<Integer> age() {
    return age < 0 ? Optional.empty() : Optional.of(age);
  }

  /** The highest tier shown without a warning. */
  public Rating highest() {
    return highest;
  }

  /** The custom allow phrases, unmodifiable, in the order they were added. */
  public Set<String> allowPhrases() {
    return allowPhrases;
  }

  /** The custom deny phrases, unmodifiable, in the order they were added. */
  public List<Phrase> denyPhrases() {
    return denyPhrases;
  }

  /** The per-category override, if any. */
  public Optional<Action> override(Category category) {
    return Optional.ofNullable(overrides.get(category));
  }

  /**
   * What this policy does with content of this category and tier. This is the whole decision rule;
   * a verdict's action is the strictest action over its findings.
   */
  public Action actionFor(Category category, Rating rating) {
    if (category == null || rating == null) {
      return ruleFor(category, rating);
    }
    return actions[category.ordinal() * RATINGS.length + rating.ordinal()];   // the rule below, made once
  }

  /** The decision rule of {@link #actionFor(Category, Rating)}, which reads it from a table made once. */
  Action ruleFor(Category category, Rating rating) {
    Action forced = overrides.get(category);
    if (forced != null) {
      return forced;
    }
    if (category == Category.PII) {
      // Personal information written for a child under 16 is warned (and masked in the redacted
      // text); for older viewers it is reported, not acted on.
      return highest.compareTo(Rating.T16) < 0 ? Action.WARN : Action.ALLOW;
    }
    Action action;
    if (rating == Rating.C) {
      action = Action.BLOCK;
    } else if (rating.compareTo(highest) <= 0) {
      action = Action.ALLOW;
    } else if (rating == Rating.K && highest == Rating.P) {
      action = Action.WARN;
    } else {
      action = Action.BLOCK;
    }
    if (category == Category.SELF_HARM && rating != Rating.P) {
      // a bare mention that a story, a history lesson or a help notice lowered to P is not a warning
      action = action.max(Action.WARN);
    }
    return action;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Policy)) {
      return false;
    }
    Policy p = (Policy) o;
    return age == p.age && highest == p.highest && overrides.equals(p.overrides)
        && allowPhrases.equals(p.allowPhrases) && denyPhrases.equals(p.denyPhrases)
        && piiActions.equals(p.piiActions) && redacted.equals(p.redacted) && thresholds.equals(p.thresholds)
        && outgoing == p.outgoing;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Policy{");
    sb.append(age >= 0 ? "age=" + age + ", " : "").append("highest=").append(highest);
    if (!overrides.isEmpty()) {
      sb.append(", overrides=").append(overrides);
    }
    if (!allowPhrases.isEmpty()) {
      sb.append(", allow=").append(allowPhrases.size());
    }
    if (!denyPhrases.isEmpty()) {
      sb.append(", deny=").append(denyPhrases.size());
    }
    if (!thresholds.isEmpty()) {
      sb.append(", thresholds=").append(thresholds);
    }
    if (outgoing) {
      sb.append(", outgoing");
    }
    return sb.append('}').toString();
  }

  /** True when the policy adds phrases to the lexicon (the filter compiles and caches an overlay). */
  boolean hasCustomPhrases() {
    return !allowPhrases.isEmpty() || !denyPhrases.isEmpty();
  }

}
