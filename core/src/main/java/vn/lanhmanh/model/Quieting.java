package vn.lanhmanh.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptSet;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.model.ScoreStage.Source;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * The rules that keep a message classifier's score from becoming a {@code model/<category>} finding: one
 * table, in order. {@link ScoreStage} asks {@link #first} about each category whose score reaches its
 * threshold; when a rule holds, the score stays (it is still the category's score) and no finding is made.
 *
 * <p>Each rule names the categories it applies to, the condition under which it holds (a predicate over the
 * score at hand and its text, a {@link Check}) and its reason. Every rule only takes a finding away, so their
 * order does not change what is made; it is kept as the rules were added, and {@link #first} answers the first
 * rule that holds. What lowers a finding's tier rather than taking it away stays in
 * {@code ScoreStage.classify}, after this table.
 *
 * <p>"Backed" is {@code ScoreStage.backed} (a lexicon or composition finding besides personal information and
 * pronouns of address; for harassment also a bullying concept), "supported" is {@code ScoreStage.supported}
 * (any lexicon or composition finding, or a concept of the category's compositions), "asks" is
 * {@code ScoreStage.asks} (what a scam needs of its reader), and a score of near certainty is one of
 * {@link Severity#HIGH} severity (0.9 or more).
 */
enum Quieting {

  LEXICON_READS(EnumSet.allOf(Category.class),
      x -> !x.raise && ScoreStage.lexiconReads(x.findings, x.category),
      "The lexicon reads the category (a lexicon or composition finding of it, or for an insult of harassment or "
          + "profanity, rated above P): its tier in context stands. A score that raises the tier (self-harm with "
          + "its means named, drugs offered for sale) still makes its finding."),

  PROFANITY(EnumSet.of(Category.PROFANITY),
      x -> true,
      "Swearing is words: the lexicon tells a swear from the innocent words that fold onto it, as \"cái lon\" "
          + "from \"cái lồn\"."),

  ADDRESSED_IN_SEARCH_QUERY(ScoreStage.ADDRESSED,
      x -> x.source == Source.SEARCH_QUERY,
      "A search query is the viewer's own words to a search engine: no conduct is aimed at a reader there."),

  SEXUAL_MINORS_WITHOUT_SEXUAL_CUE(EnumSet.of(Category.SEXUAL_MINORS),
      x -> (x.p < ScoreStage.ADULT_BELOW || x.source.inConversation())
          && !ScoreStage.sexualCue(x.findings, x.state, x.model, x.probs)
          && !(x.source == Source.CONVERSATION && x.p >= ScoreStage.ADULT_BELOW && x.has(Cues.INTIMATE_SCENE)),
      "Nothing in the text is sexual: a question about a child's school or age alone is not abuse. In a "
          + "conversation at any score: the conversation's stages read the approach across messages; the other "
          + "party asking for the child bathing or changing (\"ảnh lúc tắm\") at near certainty keeps it."),

  CHILD_LOW_SCORE(ScoreStage.CHILD_ONLY,
      x -> x.source == Source.CHILD_IN_CONVERSATION && !x.raise
          && (x.childOnly || x.p < x.model.unsupportedBelow) && !x.supported(),
      "The child's own \"mình muốn thử\" with only a low score (under the file's threshold, or under the score "
          + "that stands unsupported) and nothing of the category read: no drug or sexual content aimed at her; "
          + "what is offered to her is read in the other party's messages."),

  BARE_MENTION_IN_REGISTER(ScoreStage.QUIETED,
      x -> !x.raise && (!x.nearCertain() || x.category == Category.DRUGS && x.has(Cues.SPORT))
          && x.stage.quieted(x.category, x.state),
      "A bare mention in a game, a sport, a report or a notice: the register that keeps the lexicon's words at "
          + "P says the same of a score short of near certainty (a hired beating in game words still scores it). "
          + "A sports day quiets a drugs score at any severity: \"keo co\" is no \"kẹo\" (ecstasy)."),

  CAUTION_LESSON(EnumSet.of(Category.DRUGS),
      x -> !x.raise && !x.nearCertain() && x.has(Cues.CAUTION) && !x.has(x.stage.cautionEvidence),
      "What alcohol or tobacco does to the body (\"uống rượu bia có hại cho gan\"): a lesson. Naming the drink "
          + "is no evidence here (ALCOHOL_TOBACCO is left out of the drug compositions' concepts); a sale, a "
          + "price, a party or being high keeps the score."),

  REGISTER_ALONE(RegisterQuieting.categories(), Quieting::registerAlone,
      "A register alone takes the score away, as a row of quieting-registers.tsv says (quitting a game or a friend, "
          + "a course of treatment, leaving a job or a school, a victim's plea, chatting in class): the classifier "
          + "reads the register's everyday words as harm. A word the lexicon reads, or a concept of the category's "
          + "compositions that the row counts, keeps the finding."),

  NAME_CALLED_OR_SIMILE(EnumSet.of(Category.HARASSMENT),
      x -> x.has(Cues.NAME_CALLED_OR_SIMILE) && !x.has(ScoreStage.BULLYING) && !insultAboveP(x.findings),
      "A report of the name a child was called (\"con mình bị bạn gọi là 'đồ béo', mình nên làm gì\"): the "
          + "register keeps the quoted insult at P, and the score, which reads the insult, is quieted with it. "
          + "A folk simile of a trait (\"thằng em tao lì như trâu\") is a complaint the score reads as an insult. "
          + "An insult of the writer's own elsewhere (rated above P) or shutting out, a threat, exposure keeps it."),

  CLASSROOM_DARE(EnumSet.of(Category.SELF_HARM),
      x -> !x.nearCertain() && x.has(Cues.CLASSROOM) && !x.backed() && !x.has(ScoreStage.SELF_HARM_SIGNS),
      "A dare in class (\"ai dám thì lên bảng giải bài này, tao cá là mày không dám đâu\", register CLASSROOM): the "
          + "score reads the dare as a self-harm challenge. A score of near certainty, a finding of the lexicon or a "
          + "composition, or a sign of self-harm (a means, an injury, a height, a farewell) keeps it (thirty-fourth "
          + "round)."),

  CHILD_REPORT(ScoreStage.QUIETED,
      x -> !x.raise && !x.nearCertain() && x.has(Cues.CHILD_REPORT) && !x.backed()
          && !x.stage.evidenced(x.category, x.state),
      "A child telling a parent or a teacher what she was offered or saw (\"Mẹ ơi bạn con rủ chơi bài online đổi "
          + "thưởng, con không chơi đâu\"): the score reads the offer she reports. A score of near certainty, a "
          + "finding of the lexicon or a composition, or a concept of the category's compositions that the report "
          + "does not cancel keeps it (thirty-fourth round)."),

  FRIENDS_WISH_REPORTED(EnumSet.of(Category.SELF_HARM),
      x -> !x.raise && !x.nearCertain() && x.has(Cues.CHILD_REPORT) && !x.has(Cues.REPORTED_WISH_SIGNS)
          && !aboveP(x.findings, Cues.SELF_HARM_CATEGORY) && othersWishReported(x.state, x.vocab),
      "A child telling a parent or a teacher that a classmate, a friend or a relative posted or said a wish to die "
          + "(\"Bạn Minh trong lớp đăng là không muốn sống nữa, tớ lo quá nên báo thầy chủ nhiệm rồi\"): the score "
          + "reads the wish she reports as her own. Every wish to die in the text (DISAPPEAR) is another's words, "
          + "brought in by a verb of saying or posting whose subject is a third person (othersWishReported). A score "
          + "of near certainty, a self-harm finding of the lexicon or a composition above P, the writer's own wish "
          + "(\"tớ không muốn sống nữa, tớ báo cô rồi\") or a sign of self-harm besides the wish (a means, an "
          + "injury, a height, a jump, a farewell, a plan) keeps it (forty-fourth round)."),

  SCAM_BY_THE_CHILD(EnumSet.of(Category.SCAM),
      x -> x.source == Source.CHILD_IN_CONVERSATION,
      "The child's own answer (\"em đặt bằng tài khoản của mẹ ạ\") is not a scam aimed at her; the other "
          + "party's messages are where a scam is asked, and the lexicon's scam findings of hers still stand."),

  SCAM_IN_CHAT_ASKS_NOTHING(EnumSet.of(Category.SCAM),
      x -> x.source == Source.CONVERSATION && !x.nearCertain() && !x.asks() && !x.backed(),
      "A chat message that asks nothing a scam needs, with only a score short of near certainty and no finding "
          + "of the lexicon or a composition (a gambling lure keeps it): a classmate's \"tớ được anh hai nạp 500 "
          + "quân huy\", an officer's greeting. The message that asks is checked."),

  OWN_SERVICE(EnumSet.of(Category.SCAM),
      x -> x.has(Cues.OWN_SERVICE) && !x.asks(),
      "A shop's refund, return or order handled in its own app, or a school's notice to the parents through the "
          + "contacts on file, with nothing asked of the reader: the classifier reads refund and \"confirm\" "
          + "words as a scam's, while every such scam asks for money, a code, a card, a private contact, a link "
          + "or a number to call."),

  OWN_CONTACT(EnumSet.of(Category.SCAM),
      x -> !x.nearCertain() && x.has(Cues.OWN_CONTACT) && !x.has(ScoreStage.ASKS) && !x.has(Cues.VALUE_ASKED)
          && !x.backed(),
      "A child giving her own or a parent's number (\"số em là 0912 345 678\", \"sdt mẹ mình nè …\"): personal "
          + "information in outgoing text, which the score reads as a scammer's contact. A score short of near "
          + "certainty with nothing a scam asks for (money, a fee, a code, a private channel) and nothing of the "
          + "lexicon behind it is taken away (thirtieth round). Since the thirty-ninth round an identity-card number "
          + "given in its owner's first person (\"số CCCD của bố mình là …\") is such a number, and a question for "
          + "the value (\"là gì\") keeps the finding."),

  OWN_SECRET(EnumSet.of(Category.SCAM),
      x -> !x.nearCertain() && x.has(Cues.OWN_SECRET) && !x.has(Cues.SECRET_HANDED_OVER) && !x.backed()
          && !ScoreStage.webAddressOrNumberBesideEmail(x.text),
      "A child giving away her own or her family's password, PIN or code (\"mật khẩu acc … của em là …, anh vào "
          + "cày rank hộ em\", \"mã PIN thẻ của mẹ em là …\"): personal information in outgoing text, which the "
          + "score reads as a scam's credentials. A score short of near certainty, with nothing of the lexicon "
          + "behind it, no value asked for or to be handed over (\"là gì\", \"đọc cho anh\"), no transfer, fee, "
          + "private channel, number to call, link or long number, is taken away: a scam asks for the secret "
          + "(thirty-fourth round)."),

  DATING_IN_CHAT(EnumSet.of(Category.DATING),
      x -> x.source.inConversation() && !x.supported(),
      "\"hẹn gặp con\", \"hẹn gặp tối nay nha\": a chat's goodbyes and games read as dating by the score alone, "
          + "at any score (two children from a game who want to meet for real, \"hẹn nhau ra ngoài gặp mặt đi\", "
          + "scored above 0.9 with no romance in it); an adult's approach to the child is the conversation's to "
          + "judge (its stages and the grooming score)."),

  GAMBLING_IN_CHAT_UNSUPPORTED(EnumSet.of(Category.GAMBLING),
      x -> x.source.inConversation() && !x.raise && !x.supported(),
      "\"t mới nạp 100 kc bằng tiền lì xì\", \"giải tám là 68, trúng 2 số cuối của ông\": game currency topped up "
          + "or a family's lottery ticket read, which the score alone reads as betting, at any score. In a chat a bet "
          + "names its stake, its odds, a betting site or a wager (a concept of the category's compositions) or the "
          + "lexicon reads it; those keep the finding (forty-sixth round)."),

  SOCIAL_IN_CHAT(EnumSet.of(Category.SOCIAL),
      x -> x.source.inConversation() && !x.supported() && !x.has(Cues.PRIVATE_CHANNEL),
      "\"vào đi t mời phòng\", \"mời m vào team\": a game room or a team the chat is about, which the score "
          + "reads as an invitation to a network; the child is on a chat already, and a move to another app is "
          + "the conversation's channel stage. A private app named (PRIVATE_CHANNEL) or a lexicon finding keeps "
          + "it."),

  REPORTED_OR_TAUGHT(EnumSet.of(Category.GROOMING, Category.SEXUAL_MINORS),
      x -> !x.raise && x.source != Source.CONVERSATION && x.has(Cues.REPORTED_OR_TAUGHT)
          && !aboveP(x.findings, Cues.CHILD_SEXUAL_CATEGORIES),
      "A report made to those who can act (\"anh quản trị ban giúp em\", \"gửi bằng chứng cho công an\") or a "
          + "safety lesson that quotes a lure to teach the answer (\"Tình huống … Gợi ý trả lời: chặn và kể với bố "
          + "mẹ\", \"em có quyền nói không\"): the score reads the lure the text quotes, at any score; the "
          + "registers have cancelled the compositions of the message. A grooming, sexual-minors or sexual finding "
          + "of the lexicon above P keeps it, and so does the other party's message in a conversation (thirtieth "
          + "round)."),

  PARENT_CONCERN(EnumSet.of(Category.SELF_HARM),
      x -> !x.raise && x.has(Cues.PARENT_CONCERN) && !aboveP(x.findings, Cues.SELF_HARM_CATEGORY),
      "A parent writing about her own child's distress (\"con gái mình dạo này bảo không muốn sống nữa, mình nên "
          + "làm gì\"): a story or a request for help, which the score reads as the writer's own. A self-harm "
          + "finding of the lexicon above P (a method, a plan) keeps it; the bare words stay a help notice "
          + "(thirtieth round)."),

  ANIMAL_FIGHT(EnumSet.of(Category.VIOLENCE),
      x -> !x.raise && x.has(Cues.ANIMAL_FIGHT) && !aboveP(x.findings, Cues.VIOLENCE_CATEGORY)
          && !x.has(Cues.ANIMAL_FIGHT_EVIDENCE),
      "Animals fighting among themselves (\"hai con mèo đánh nhau giành pate\", \"con mèo tát con chó\", "
          + "\"cá chọi thả chung là rách vây\") or a pest killed (\"phòng trọ có mấy con gián, tao đập chết hết "
          + "rồi\", register PEST): the score reads the fight or the killing as a beating. A violence finding of the "
          + "lexicon or a composition above P (a weapon, a beating of the animal, a threat to a person likened to a "
          + "pest) or a weapon, a threat or a meeting to fight named keeps it (thirty-first and thirty-fifth "
          + "rounds)."),

  FIGHT_RULE(EnumSet.of(Category.VIOLENCE),
      x -> !x.raise && x.has(Cues.FIGHT_RULE) && !aboveP(x.findings, Cues.VIOLENCE_CATEGORY)
          && !x.has(Cues.FIGHT_EVIDENCE) && !meetupBesideRule(x.state),
      "Fighting named with the rule against it or its consequence (\"Đánh nhau thì con cũng bị kỷ luật\", "
          + "\"học sinh ẩu đả sẽ bị đình chỉ học\", \"không được đánh nhau\", register FIGHT_RULE): a parent's or a "
          + "teacher's warning or a school's rule, which the score reads as the fight it names, at any score. A "
          + "violence finding of the lexicon or a composition above P, a weapon, a threat or an injury named, or a "
          + "time or place to meet in the rule's own sentence keeps it (forty-fifth round)."),

  MASKED_ACCOUNT_NOTICE(EnumSet.of(Category.SCAM),
      x -> !x.nearCertain() && x.has(Cues.SCHOOL_NAMED) && !x.backed() && !x.has(Cues.SECRET_ASKED)
          && ScoreStage.maskedAccountNumber(x.text) && !ScoreStage.webAddressOrNumber(x.text),
      "A class's notice of its fund that shows the account number masked (\"0451****789\", the holder the "
          + "teacher): nobody can move money to a masked number, so it names an account the parents know and asks "
          + "no transfer a stranger could take. A score short of near certainty, nothing of the lexicon behind "
          + "it, no code, private channel or number to call asked and no full number or web address is taken "
          + "away (thirty-second round)."),

  CHILD_CARE(Cues.CHILD_SEXUAL_CATEGORIES,
      x -> !x.raise && !x.nearCertain() && x.has(Cues.CHILD_CARE)
          && !aboveP(x.findings, Cues.CHILD_SEXUAL_CATEGORIES),
      "A parent caring for a young child's body (\"bé ngủ đổ mồ hôi thì mẹ cởi bớt cúc áo ra cho thoáng\", \"bố "
          + "thay tã cho con\", register CHILD_CARE): the score reads the undressing or the bath as an approach. "
          + "A score of near certainty, or a grooming, sexual-minors or sexual finding of the lexicon above P, "
          + "keeps it (thirty-ninth round)."),

  CHILD_ANGER_NAMES_NOTHING(EnumSet.of(Category.VIOLENCE),
      x -> x.source == Source.CHILD_IN_CONVERSATION && !x.backed()
          && !ScoreStage.addressed(x.state.positions(), x.vocab) && !x.has(x.stage.support(x.category)),
      "The child's own words with no beating, weapon or threat named at all (\"t biết\"), addressed to nobody "
          + "with a rude second-person pronoun and backed by nothing the lexicon reads: the score alone is no "
          + "anger. Named, the same anger is rated VENTING_TIER at most (ScoreStage.classify)."),
  ;

  /** The rules in order, made once ({@code values()} copies its array on each call). */
  private static final Quieting[] ORDER = values();

  private final Set<Category> categories;
  private final Predicate<Check> holds;
  private final String reason;

  Quieting(Set<Category> categories, Predicate<Check> holds, String reason) {
    this.categories = categories;
    this.holds = holds;
    this.reason = reason;
  }

  /** The categories whose classifier findings this rule may take away. */
  Set<Category> categories() {
    return categories;
  }

  /** Why the rule takes the finding away: the text it quiets, and what keeps a finding. */
  String reason() {
    return reason;
  }

  /** Whether this rule takes away the finding of the score at hand. */
  boolean holds(Check x) {
    return categories.contains(x.category) && this.holds.test(x);
  }

  /** The first rule that takes away the finding of the score at hand, or null: the finding is made. */
  static Quieting first(Check x) {
    for (Quieting q : ORDER) {
      if (q.holds(x)) {
        return q;
      }
    }
    return null;
  }

  /**
   * Whether a row of {@link RegisterQuieting} holds for the score at hand: its category, its register in the text,
   * under near certainty where the row asks it, nothing of the lexicon backing the score, and no concept the row
   * counts ({@link ScoreStage#registerKept(int)}).
   */
  static boolean registerAlone(Check x) {
    List<RegisterQuieting.Row> rows = RegisterQuieting.rows();
    for (int i = 0; i < rows.size(); i++) {
      RegisterQuieting.Row r = rows.get(i);
      if (r.category() == x.category && !(r.underNearCertain() && x.nearCertain()) && x.has(r.register())
          && !x.backed() && !x.has(x.stage.registerKept(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a time or a place to meet ({@link Concept#MEETUP}) stands in a sentence that holds a rule against
   * fighting ({@link Concept#FIGHT_RULE}): "đánh nhau thì bị kỷ luật cũng kệ, tan học ra sau trường". A parent's
   * "Mai mẹ lên gặp cô chủ nhiệm" in the next sentence is no fight arranged. Allocates nothing.
   */
  static boolean meetupBesideRule(MatchState state) {
    for (int k = 0; k < state.conceptCount(); k++) {
      if (state.hasConcept(k, Concept.MEETUP.ordinal())) {
        int sentence = state.sentence(state.conceptStartPos(k));
        for (int j = 0; j < state.conceptCount(); j++) {
          if (state.hasConcept(j, Concept.FIGHT_RULE.ordinal())
              && state.sentence(state.conceptStartPos(j)) == sentence) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Verbs of saying or posting that bring in another's words: "đăng", "viết", "nói", "bảo", "nhắn", … */
  private static final String[] SAYING = {"đăng", "viết", "nói", "bảo", "kể", "nhắn", "than", "ghi", "sự", "sẻ",
      "post", "up"};

  /** The speaker's pronouns ({@code SELF}'s words as a subject). */
  private static final String[] FIRST_PERSON = {"tớ", "mình", "tao", "tôi", "em", "con", "t", "tui", "mk", "cháu"};

  /**
   * Nouns of a person before a pronoun that make it a possessive ("bạn mình", "em tớ", "chị họ"), not the speaker
   * as subject.
   */
  private static final String[] PERSON_NOUNS = {"bạn", "anh", "chị", "em", "cô", "thầy", "mẹ", "bố", "ba", "má",
      "cậu", "dì", "chú", "bác", "ông", "bà", "lớp", "nhóm"};

  /** Words of a third person as a subject: "bạn", "nó", "chị họ", "bạn ấy", "cậu ấy", "đứa", … */
  private static final String[] THIRD_PERSON = {"bạn", "nó", "ấy", "họ", "chị", "anh", "đứa", "thằng", "bé",
      "cậu", "nhỏ", "người", "tụi", "bọn"};

  /** Words between a subject and its verb of saying: "bạn ấy đã đăng", "nó có nói", "chị hay than". */
  private static final String[] AUXILIARIES = {"có", "đã", "vừa", "mới", "từng", "cũng", "lại", "hay", "thường",
      "còn", "vẫn", "cứ", "lên", "trên"};

  /** How many syllables back from a wish its verb of saying may stand ("đăng dòng status là …"). */
  private static final int SAYING_REACH = 6;

  /** How many syllables back from a verb of saying its subject may stand ("Bạn Minh trong lớp đăng"). */
  private static final int SUBJECT_REACH = 6;

  /**
   * Whether the text holds a wish to die ({@link Concept#DISAPPEAR}) and every one is another's words reported:
   * a verb of saying or posting ({@link #SAYING}) stands before it in its sentence, at most {@link #SAYING_REACH}
   * syllables back; no pronoun of the speaker stands between them except as the one told ("nhắn tớ là", "nói với
   * mình là"); and the verb's subject is a third person ({@link #THIRD_PERSON} or a name written with a capital
   * inside the sentence), not the speaker ("tớ đăng là …", "hôm qua mình đã viết là …"). A wish with no such verb
   * ("tớ không muốn sống nữa", or no subject at all) is the writer's own. Reads the engine's positions; allocates
   * nothing.
   */
  static boolean othersWishReported(MatchState state, Vocabulary vocab) {
    boolean any = false;
    for (int k = 0; k < state.conceptCount(); k++) {
      if (state.hasConcept(k, Concept.DISAPPEAR.ordinal())) {
        any = true;
        if (!reportedAt(state, vocab, state.conceptStartPos(k))) {
          return false;
        }
      }
    }
    return any;
  }

  /**
   * The first syllable a backward scan from syllable {@code s} reads: at most {@code reach} syllables back, never
   * past the start of {@code s}'s sentence.
   */
  private static int reachBack(MatchState state, int s, int reach) {
    int sentence = state.sentence(s);
    int first = s;
    while (first > 0 && first > s - reach && state.sentence(first - 1) == sentence) {
      first--;
    }
    return first;
  }

  /** Whether the wish starting at syllable {@code s} is brought in by another's verb of saying (see above). */
  private static boolean reportedAt(MatchState state, Vocabulary vocab, int s) {
    Positions p = state.positions();
    for (int r = s - 1, first = reachBack(state, s, SAYING_REACH); r >= first; r--) {
      if (p.exactIsAny(r, SAYING, vocab)) {
        return toldOnly(p, vocab, r, s) && thirdPersonSubject(state, vocab, r);
      }
    }
    return false;
  }

  /** Whether every pronoun of the speaker between the verb {@code r} and the wish {@code s} is the one told. */
  private static boolean toldOnly(Positions p, Vocabulary vocab, int r, int s) {
    for (int j = r + 1; j < s; j++) {
      if (p.exactIsAny(j, FIRST_PERSON, vocab) && j != r + 1
          && !p.exactIs(j - 1, "với", vocab) && !p.exactIs(j - 1, "cho", vocab)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the subject of the verb of saying at {@code r} is a third person: reading back over auxiliaries, the
   * first pronoun of the speaker that no person noun owns ("bạn mình" is a friend) answers no, a word of a third
   * person or a capitalised name inside the sentence answers yes.
   */
  private static boolean thirdPersonSubject(MatchState state, Vocabulary vocab, int r) {
    Positions p = state.positions();
    int sentence = state.sentence(r);
    for (int j = r - 1, first = reachBack(state, r, SUBJECT_REACH); j >= first; j--) {
      if (p.exactIsAny(j, FIRST_PERSON, vocab)
          && !(j > 0 && state.sentence(j - 1) == sentence && p.exactIsAny(j - 1, PERSON_NOUNS, vocab))) {
        return false;
      }
      if (p.exactIsAny(j, THIRD_PERSON, vocab)) {
        return true;
      }
      if (!p.sentenceStart(j) && p.start(j) < p.inputLength() && Character.isUpperCase(p.inputChar(p.start(j)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a harassment or profanity finding of the lexicon or the compositions is rated above P. */
  static boolean insultAboveP(List<Finding> findings) {
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if ((f.category() == Category.HARASSMENT || f.category() == Category.PROFANITY) && f.rating() != Rating.P
          && !f.rule().startsWith(ScoreStage.CLASSIFIER_RULE_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a lexicon or composition finding of one of these categories is rated above P. */
  static boolean aboveP(List<Finding> findings, Set<Category> categories) {
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (f.rating() != Rating.P && !f.rule().startsWith(ScoreStage.CLASSIFIER_RULE_PREFIX)
          && categories.contains(f.category())) {
        return true;
      }
    }
    return false;
  }

  /** The registers and concepts that the rules read, each by the concept it holds. */
  static final class Cues {
    private Cues() {}

    /**
     * What the other party of a conversation may ask to see that is no sexual cue in other text: the child
     * bathing, changing, in bed ({@link Concept#INTIMATE_SCENE}). With a near-certain {@code sexual_minors}
     * score it keeps the classifier's finding in his message.
     */
    static final ConceptSet INTIMATE_SCENE = ConceptSet.of(Concept.INTIMATE_SCENE);

    /**
     * A sports day or a game of tug of war ({@link Concept#SPORT}): "keo co" without marks is no "kẹo"
     * (ecstasy), even when the drugs score is near certain; a sale or being high is a concept of the drug
     * compositions and keeps it.
     */
    static final ConceptSet SPORT = ConceptSet.of(Concept.SPORT);

    /** A warning that names what a harm does ({@link Concept#CAUTION}). */
    static final ConceptSet CAUTION = ConceptSet.of(Concept.CAUTION);

    /**
     * A report of the name a child was called ({@link Concept#NAME_CALLED}), or a folk simile of a trait
     * ({@link Concept#FOLK_SIMILE}): two registers whose quoted or likened words the harassment score reads as
     * an insult.
     */
    static final ConceptSet NAME_CALLED_OR_SIMILE = ConceptSet.of(Concept.NAME_CALLED, Concept.FOLK_SIMILE);

    /** The categories whose lexicon findings above P keep a report's or a lesson's classifier finding. */
    static final Set<Category> CHILD_SEXUAL_CATEGORIES =
        Collections.unmodifiableSet(EnumSet.of(Category.GROOMING, Category.SEXUAL_MINORS, Category.SEXUAL));

    /** The category whose lexicon findings above P keep a parent's story's classifier finding. */
    static final Set<Category> SELF_HARM_CATEGORY = Collections.unmodifiableSet(EnumSet.of(Category.SELF_HARM));

    /**
     * Animals fighting among themselves ({@link Concept#ANIMAL_FIGHT}) or a pest or a vermin named or killed
     * ({@link Concept#PEST}).
     */
    static final ConceptSet ANIMAL_FIGHT = ConceptSet.of(Concept.ANIMAL_FIGHT, Concept.PEST);

    /** What keeps a violence score beside animals fighting: a weapon, a threat, a fight arranged. */
    static final ConceptSet ANIMAL_FIGHT_EVIDENCE = ConceptSet.of(Concept.WEAPON, Concept.THREAT, Concept.MEETUP);

    /** Fighting named with the rule against it or its consequence ({@link Concept#FIGHT_RULE}). */
    static final ConceptSet FIGHT_RULE = ConceptSet.of(Concept.FIGHT_RULE);

    /**
     * What keeps a violence score anywhere beside a rule against fighting: a weapon, a threat, an injury (a time or a
     * place to meet keeps it in the rule's own sentence: {@code meetupBesideRule}).
     */
    static final ConceptSet FIGHT_EVIDENCE = ConceptSet.of(Concept.WEAPON, Concept.THREAT, Concept.HURT);

    /** The category whose lexicon findings above P keep a violence score beside animals fighting. */
    static final Set<Category> VIOLENCE_CATEGORY = Collections.unmodifiableSet(EnumSet.of(Category.VIOLENCE));

    /** The writer's own or a parent's number given ({@link Concept#OWN_CONTACT}). */
    static final ConceptSet OWN_CONTACT = ConceptSet.of(Concept.OWN_CONTACT);

    /** A secret given away by its owner ({@link Concept#OWN_SECRET}). */
    static final ConceptSet OWN_SECRET = ConceptSet.of(Concept.OWN_SECRET);

    /** What a scam asks of a secret's owner: its value, money, a fee, a private channel, a number to call. */
    static final ConceptSet SECRET_HANDED_OVER = ConceptSet.of(Concept.VALUE_ASKED, Concept.MONEY_TRANSFER,
        Concept.FEE, Concept.PRIVATE_CHANNEL, Concept.CALL_NUMBER);

    /** The value of a secret or a number asked for ({@link Concept#VALUE_ASKED}: "là gì", "đọc cho anh"). */
    static final ConceptSet VALUE_ASKED = ConceptSet.of(Concept.VALUE_ASKED);

    /**
     * A report made to those who can act ({@link Concept#SAFETY_DONE}) or a safety lesson that quotes a lure
     * ({@link Concept#SAFETY_LESSON}).
     */
    static final ConceptSet REPORTED_OR_TAUGHT = ConceptSet.of(Concept.SAFETY_DONE, Concept.SAFETY_LESSON);

    /** A parent writing about her own child's distress ({@link Concept#PARENT_CONCERN}). */
    static final ConceptSet PARENT_CONCERN = ConceptSet.of(Concept.PARENT_CONCERN);

    /** A class, its form teacher or pupils chatting in it ({@link Concept#CLASSROOM}). */
    static final ConceptSet CLASSROOM = ConceptSet.of(Concept.CLASSROOM);

    /** A child's report to a parent or a teacher ({@link Concept#CHILD_REPORT}). */
    static final ConceptSet CHILD_REPORT = ConceptSet.of(Concept.CHILD_REPORT);

    /**
     * Signs of self-harm besides a wish to die reported ({@code ScoreStage.SELF_HARM_SIGNS} without
     * {@link Concept#DISAPPEAR}, which is the wish itself): a means, a death asked for, an injury, a jump, a height,
     * being a burden, a farewell, a last post or a goodbye, a method asked, a pact, marks hidden, cutting in code,
     * a dare or an incitement.
     */
    static final ConceptSet REPORTED_WISH_SIGNS = ConceptSet.of(Concept.MEANS, Concept.LETHAL, Concept.SELF_INJURY,
        Concept.JUMP, Concept.BURDEN, Concept.FAREWELL, Concept.PLACE_OF_DANGER, Concept.LAST_POST, Concept.GOODBYE,
        Concept.METHOD_ASK, Concept.PACT, Concept.HIDE_MARKS, Concept.CODED_CUTTING, Concept.CHALLENGE,
        Concept.INCITE);

    /** A parent's care of a young child's body ({@link Concept#CHILD_CARE}). */
    static final ConceptSet CHILD_CARE = ConceptSet.of(Concept.CHILD_CARE);

    /**
     * A service speaking through its own channel: a shop's ({@link Concept#SHOP_SERVICE}) or a school's
     * ({@link Concept#CLASSROOM}: a class, a notice sent to the parents, the contacts on the pupil's file).
     */
    static final ConceptSet OWN_SERVICE = ConceptSet.of(Concept.SHOP_SERVICE, Concept.CLASSROOM);

    /** A class, a school or a pupil named ({@link Concept#CLASSROOM}, {@link Concept#SCHOOL}, {@link Concept#MINOR}). */
    static final ConceptSet SCHOOL_NAMED = ConceptSet.of(Concept.CLASSROOM, Concept.SCHOOL, Concept.MINOR);

    /** What a scam asks besides money: a code, a private channel, a number to call. */
    static final ConceptSet SECRET_ASKED = ConceptSet.of(Concept.CREDENTIALS, Concept.PRIVATE_CHANNEL,
        Concept.CALL_NUMBER);

    /**
     * A private app or channel named ({@link Concept#PRIVATE_CHANNEL}): in a conversation, what a
     * {@code model/social} finding needs besides its score.
     */
    static final ConceptSet PRIVATE_CHANNEL = ConceptSet.of(Concept.PRIVATE_CHANNEL);
  }

  /**
   * One classifier score before the rules: the text it scores (set once per text by {@link #text}) and the
   * category's score, severity and raise (set per category by {@link #score}). One per thread, kept in the
   * stage's per-thread scratch and filled again for each score: the rules read it and allocate nothing.
   */
  static final class Check {
    /** The stage: its per-category concept sets ({@code support}, registers). */
    ScoreStage stage;
    ClassifierModel model;
    /** The calibrated scores of the text, by the model's category order. */
    double[] probs;
    String text;
    MatchState state;
    Vocabulary vocab;
    /** The lexicon and composition findings of the text. */
    List<Finding> findings;
    Source source;
    Category category;
    /** The category's calibrated score. */
    double p;
    Severity severity;
    /** Whether the finding would be raised above the file's tier ({@code ScoreStage.raisedTier}), not yet covered. */
    boolean raise;
    /** Whether the score is under the file's threshold and over the child's ({@code ScoreStage.CHILD_ONLY}). */
    boolean childOnly;

    /** Sets the text the next scores are of. */
    void text(ScoreStage stage, ClassifierModel model, double[] probs, String text, MatchState state,
        Vocabulary vocab, List<Finding> findings, Source source) {
      this.stage = stage;
      this.model = model;
      this.probs = probs;
      this.text = text;
      this.state = state;
      this.vocab = vocab;
      this.findings = findings;
      this.source = source;
    }

    /** Sets the score at hand. */
    void score(Category category, double p, Severity severity, boolean raise, boolean childOnly) {
      this.category = category;
      this.p = p;
      this.severity = severity;
      this.raise = raise;
      this.childOnly = childOnly;
    }

    /** Lets go of the text, its findings and the stage, so a thread's scratch keeps none of them. */
    void clear() {
      text(null, null, null, null, null, null, null, null);
      category = null;
    }

    /** Whether a concept of {@code concepts} was hit in the text. */
    boolean has(ConceptSet concepts) {
      return state.anyConcept(concepts);
    }

    /** Whether the score is near certain (0.9 or more: {@link Severity#HIGH}). */
    boolean nearCertain() {
      return severity == Severity.HIGH;
    }

    /** {@code ScoreStage.backed}: a lexicon or composition finding, or for harassment a bullying concept. */
    boolean backed() {
      return ScoreStage.backed(category, findings, state);
    }

    /** {@code ScoreStage.supported}: a lexicon or composition finding, or a concept of the category's compositions. */
    boolean supported() {
      return stage.supported(category, findings, state);
    }

    /** {@code ScoreStage.asks}: whether the text asks something a scam needs of its reader. */
    boolean asks() {
      return ScoreStage.asks(state, text);
    }
  }
}
