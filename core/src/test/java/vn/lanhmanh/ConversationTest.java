package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lanhmanh.Message.Sender;

/**
 * The conversation monitor: scripted conversations from {@code src/test/resources/conversation}, the
 * window and cache bounds, concurrency and incidents.
 */
class ConversationTest {

  private static final Policy CHILD = Policy.forAge(11);
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  private static final ContentFilter filter = DefaultFilter.shared();
  /**
   * The stage model alone, without the classifiers' signals: for the tests of its mechanics that need exact,
   * order-free risks (a window without stages scores 0; the kin marker's effect; messages in any order).
   */
  private static final ContentFilter stagesOnly = ContentFilter.builder().withoutClassifiers().build();

  /** One scripted conversation: its expected label and its messages. */
  record Script(String name, String expect, List<Message> messages) {}

  static List<Script> scripts() throws IOException, URISyntaxException {
    Path dir = Paths.get(ConversationTest.class.getResource("/conversation").toURI());
    List<Script> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".tsv")).sorted()::iterator) {
        String expect = null;
        List<Message> messages = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.startsWith("# expect:")) {
            expect = line.substring("# expect:".length()).strip();
          } else if (!line.isBlank() && !line.startsWith("#")) {
            String[] cols = line.split("\t", 2);
            Sender sender = cols[0].equals("child") ? Sender.CHILD : Sender.OTHER;
            messages.add(new Message("m" + messages.size(), sender, cols[1],
                T0.plus(Duration.ofMinutes(3L * messages.size()))));
          }
        }
        assertThat(expect).as(f.getFileName().toString()).isIn("grooming", "innocent");
        out.add(new Script(f.getFileName().toString(), expect, messages));
      }
    }
    return out;
  }

  private static ConversationVerdict run(ContentFilter f, String id, List<Message> messages) {
    Conversation c = f.conversation(id);
    ConversationVerdict last = null;
    for (Message m : messages) {
      last = c.check(m, CHILD);
    }
    return last;
  }

  @Test
  void scriptedConversationsAreSeparated() throws Exception {
    List<Script> scripts = scripts();
    double lowestGrooming = 1;
    double highestInnocent = 0;
    String lowestName = "";
    String highestName = "";
    List<String> failures = new ArrayList<>();
    int grooming = 0;
    int innocent = 0;
    for (Script s : scripts) {
      ConversationVerdict v = run(filter, "script-" + s.name(), s.messages());
      System.out.printf("conversation %-28s %-8s risk %.3f %s%n", s.name(), s.expect(), v.risk(), v.stages());
      if (s.expect().equals("grooming")) {
        grooming++;
        if (v.risk() < lowestGrooming) {
          lowestGrooming = v.risk();
          lowestName = s.name();
        }
        if (v.risk() < 0.7) {
          failures.add(s.name() + " ended at " + v.risk() + " " + v.stages());
        }
        assertThat(v.verdict().action()).as(s.name()).isNotEqualTo(Action.ALLOW);
        assertThat(v.verdict().help()).as(s.name()).isPresent();
      } else {
        innocent++;
        double max = 0;
        Conversation c = filter.conversation("script-max-" + s.name());
        for (Message m : s.messages()) {
          max = Math.max(max, c.check(m, CHILD).risk());
        }
        if (max > highestInnocent) {
          highestInnocent = max;
          highestName = s.name();
        }
        if (max > 0.3) {
          failures.add(s.name() + " reached " + max + " " + v.stages());
        }
      }
    }
    System.out.printf("grooming separation: lowest grooming risk %.3f (%s) vs highest innocent risk %.3f (%s);"
        + " %d grooming and %d innocent scripts%n", lowestGrooming, lowestName, highestInnocent, highestName,
        grooming, innocent);
    assertThat(grooming + innocent).isGreaterThanOrEqualTo(24);
    assertThat(failures).isEmpty();
  }

  @Test
  void gameCurrencyInAChatIsNoBetButAStakedBetIs() {
    String[] game = {"chiều nay leo rank không, tao vừa nạp 200 kim cương bằng tiền mừng tuổi",
        "được, tao cũng còn 50 kc"};
    int i = 0;
    for (String text : game) {
      ConversationVerdict v = filter.conversation("game-currency-" + i)
          .check(new Message("m" + i++, i % 2 == 1 ? Sender.OTHER : Sender.CHILD, text, T0), CHILD);
      assertThat(v.verdict().categories()).as(text).doesNotContain(Category.GAMBLING);
    }
    String bet = "cá với tao 100k trận tối nay đội nào thắng, thua thì chuyển khoản liền";
    ConversationVerdict v = filter.conversation("staked-bet").check(new Message("b", Sender.OTHER, bet, T0), CHILD);
    assertThat(v.verdict().categories()).as(bet).contains(Category.GAMBLING);
  }

  @Test
  void oneStageAloneStaysLow() {
    String[] oneStage = {
        "em xinh quá, em xinh thế, em dễ thương ghê", "em bao nhiêu tuổi rồi, em học lớp mấy",
        "em học trường nào vậy", "nhà em ở đâu", "bố mẹ em có nhà không, em ở nhà một mình à",
        "đừng nói với ai nhé, bí mật của hai đứa mình", "kết bạn zalo với anh nhé", "anh nạp thẻ cho em",
        "gặp nhau đi, anh đón em ở cổng trường"};
    int i = 0;
    for (String text : oneStage) {
      ConversationVerdict v = filter.conversation("one-stage-" + i++)
          .check(new Message("a", Sender.OTHER, text, T0), CHILD);
      assertThat(v.stages()).as(text).hasSize(1);
      assertThat(v.risk()).as(text).isLessThan(0.3);
    }
  }

  /** A message whose intent is clear on its own (sexual talk, a revealing photo, a threat) blocks at once. */
  @Test
  void aClearMessageBlocksOnItsOwn() {
    String[] clear = {"em còn trinh không", "chụp ảnh lúc tắm gửi anh", "gửi a ảnh e trên giường đi",
        "gửi thêm ảnh đi, không thì anh đăng lên nhóm lớp em"};
    int i = 0;
    for (String text : clear) {
      ConversationVerdict v = filter.conversation("clear-" + i++)
          .check(new Message("a", Sender.OTHER, text, T0), CHILD);
      assertThat(v.risk()).as(text).isGreaterThanOrEqualTo(0.85);
      assertThat(v.verdict().action()).as(text).isEqualTo(Action.BLOCK);
      assertThat(v.verdict().categories()).as(text).contains(Category.GROOMING);
      assertThat(v.reasons()).as(text).isNotEmpty().allSatisfy(r -> assertThat(r.messageId()).isEqualTo("a"));
    }
    // The child's own words do not raise the risk the way the other party's do.
    ConversationVerdict v = filter.conversation("clear-child")
        .check(new Message("a", Sender.CHILD, "gửi a ảnh e trên giường đi", T0), CHILD);
    assertThat(v.risk()).isLessThan(0.3);
  }

  /**
   * A parent or grandparent named so by both sides (the {@code kin} marker: the child's "bà ơi", the other
   * party's "bà đón cháu") lowers the other party's stages that are not decisive: a grandmother's lucky money
   * "đừng nói bố nhé" and a summer visit stay low, lower than the same messages without the child's address;
   * one side alone ("bà ơi" is also teenagers' slang for a friend) lowers nothing; an undressing request
   * stays a block.
   */
  @Test
  void aParentOrGrandparentLowersOnlyWhatIsNotDecisive() {
    List<String> grandmother = List.of("bà gửi thêm tiền, đừng nói bố nhé, lại bảo bà chiều cháu",
        "hè này bà đón cháu về quê chơi");
    ConversationVerdict withKin = run(stagesOnly, "kin-yes", messages("bà ơi cháu nhận được quà rồi ạ", grandmother));
    ConversationVerdict without = run(stagesOnly, "kin-no", messages("cháu nhận được quà rồi ạ", grandmother));
    assertThat(withKin.risk()).isLessThan(0.1).isLessThan(without.risk());
    assertThat(withKin.verdict().action()).isEqualTo(Action.ALLOW);
    List<String> friend = List.of("tui gửi thêm tiền, đừng nói bố nhé", "hè này tui đón bà về quê chơi");
    assertThat(run(stagesOnly, "kin-one-side", messages("bà ơi tui nhận được quà rồi", friend)).risk())
        .isEqualTo(run(stagesOnly, "kin-none", messages("tui nhận được quà rồi", friend)).risk());
    ConversationVerdict undress = run(stagesOnly, "kin-undress",
        messages("bố ơi con đây", List.of("bố thương con, cởi áo ra rồi bật cam cho bố xem")));
    assertThat(undress.risk()).isGreaterThanOrEqualTo(0.85);
    assertThat(undress.verdict().action()).isEqualTo(Action.BLOCK);
  }

  /**
   * A parent taking part, said by the child (the {@code guardian} marker: "mẹ chụp cho con", "mẹ với em ra
   * đón") lowers the other party's stages that are not decisive; the same words from the other party lower
   * nothing, and a decisive stage (come alone at night) stays a block.
   */
  @Test
  void aParentTakingPartSaidByTheChildLowersOnlyWhatIsNotDecisive() {
    List<String> visitor = List.of("con gửi chú cái ảnh nhé", "chủ nhật chú qua nhà con lúc 9 giờ");
    ConversationVerdict withParent = run(stagesOnly, "guardian-yes", messages("dạ mẹ chụp cho con rồi ạ", visitor));
    ConversationVerdict without = run(stagesOnly, "guardian-no", messages("dạ con chụp rồi ạ", visitor));
    assertThat(withParent.risk()).isLessThan(without.risk());
    assertThat(withParent.verdict().action()).isEqualTo(Action.ALLOW);
    List<String> claimed = List.of("mẹ chụp cho con rồi, con gửi chú cái ảnh nhé", "chủ nhật chú qua nhà con lúc 9 giờ");
    assertThat(run(stagesOnly, "guardian-other", messages("dạ con chụp rồi ạ", claimed)).risk())
        .isGreaterThan(withParent.risk());
    ConversationVerdict alone = run(stagesOnly, "guardian-alone",
        messages("dạ mẹ chụp cho con rồi ạ", List.of("tối nay 11 giờ em ra công viên một mình gặp anh nhé")));
    assertThat(alone.risk()).isGreaterThanOrEqualTo(0.85);
    assertThat(alone.verdict().action()).isEqualTo(Action.BLOCK);
  }

  /**
   * The child asks a secret for her own named reason (a framed print for her father on Father's Day): the other
   * party's secrecy in the next two messages answers her request and is lowered, so a later "see you on Sunday"
   * stays allowed. The same answer with no reason of hers, a secret of his three messages later, or a meeting
   * alone proposed in the answer keep their weight (fifty-third round, second pass).
   */
  @Test
  void theChildsOwnReasonLowersOnlyTheSecrecyThatAnswersIt() {
    String reason = "Chị giữ bí mật giúp em nha, em muốn tặng bố một tấm ảnh đóng khung vào ngày của Cha";
    String answer = "Ok, chị giữ kín, in thêm một tấm khổ lớn cho em làm quà";
    String meet = "Hẹn Chủ nhật nha, nhớ ngủ sớm";
    for (ContentFilter f : List.of(stagesOnly, filter)) {
      String tag = f == filter ? "c" : "s";
      List<Message> innocent = chat(List.of("child", reason, "other", answer, "other", meet));
      assertThat(worst(f, "reason-yes-" + tag, innocent)).isEqualTo(Action.ALLOW);
      double withReason = run(f, "reason-yes2-" + tag, innocent).risk();
      double without = run(f, "reason-no-" + tag,
          chat(List.of("child", "Chị giữ bí mật giúp em nha", "other", answer, "other", meet))).risk();
      assertThat(withReason).isLessThan(without);
      double late = run(f, "reason-late-" + tag, chat(List.of("child", reason, "other", "ok em",
          "child", "dạ", "other", answer, "other", meet))).risk();
      assertThat(withReason).isLessThan(late);
      ConversationVerdict lure = run(f, "reason-lure-" + tag, chat(List.of("child", reason, "other",
          "Ok chị giữ kín, mà chủ nhật em qua nhà chị một mình nhé, đừng nói ai", "other", meet)));
      assertThat(lure.verdict().action()).isEqualTo(Action.BLOCK);
    }
  }

  /** Messages from alternating sender and text entries, three minutes apart. */
  private static List<Message> chat(List<String> senderAndText) {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < senderAndText.size(); i += 2) {
      out.add(new Message("m" + out.size(), senderAndText.get(i).equals("child") ? Sender.CHILD : Sender.OTHER,
          senderAndText.get(i + 1), T0.plus(Duration.ofMinutes(3L * out.size()))));
    }
    return out;
  }

  /** The strongest action over a conversation's messages. */
  private static Action worst(ContentFilter f, String id, List<Message> messages) {
    Conversation c = f.conversation(id);
    Action worst = Action.ALLOW;
    for (Message m : messages) {
      Action a = c.check(m, CHILD).verdict().action();
      worst = a.compareTo(worst) > 0 ? a : worst;
    }
    return worst;
  }

  /**
   * A symptom to look at (a rash, a swelling) lowers every stage of its message, decisive ones too, but only
   * when both sides have shown the family tie: a stranger's "lift your shirt for the rash" stays decisive.
   */
  @Test
  void aSymptomExplainsABodyPictureOnlyForAParent() {
    List<String> mother = List.of("mẹ đây con, kéo áo lên chụp chỗ nổi mẩn đỏ ở bụng gửi mẹ xem");
    ConversationVerdict withKin = run(filter, "care-kin", messages("mẹ ơi con bị ngứa quá", mother));
    assertThat(withKin.risk()).isLessThan(0.3);
    assertThat(withKin.verdict().action()).isEqualTo(Action.ALLOW);
    ConversationVerdict stranger = run(filter, "care-stranger",
        messages("em bị ngứa quá", List.of("kéo áo lên chụp chỗ nổi mẩn đỏ ở bụng gửi anh xem")));
    assertThat(stranger.risk()).isGreaterThanOrEqualTo(0.85);
    assertThat(stranger.verdict().action()).isEqualTo(Action.BLOCK);
    ConversationVerdict noSymptom = run(filter, "care-none",
        messages("mẹ ơi con đây", List.of("mẹ đây con, kéo áo lên chụp bụng gửi mẹ xem")));
    assertThat(noSymptom.risk()).isGreaterThanOrEqualTo(0.85);
  }

  /**
   * A parent taking part, said by the child, lowers the conversation's risk but never the protection of what
   * she sends: her address, school and phone in the same message are still found and redacted (the claim cannot
   * be checked, and a stranger who asks can have her write it first; docs/PRIVACY.md).
   */
  @ParameterizedTest
  @ValueSource(strings = {"mẹ em gõ nè: nhà em ở số 12 Lê Lợi, em học trường Nguyễn Du, số em 0912345678",
      "mẹ em đồng ý rồi, nhà em ở số 12 Lê Lợi, em học trường Nguyễn Du, số em 0912345678",
      "mẹ em đang ngồi cạnh em nè, nhà em ở số 12 Lê Lợi, em học trường Nguyễn Du, số em 0912345678"})
  void theChildsDetailsAreRedactedWhateverSheSaysOfHerParent(String reply) {
    List<Message> chat = List.of(new Message("m0", Sender.OTHER, "nhà em ở đâu, học trường nào, cho anh số nhé", T0),
        new Message("m1", Sender.CHILD, reply, T0.plus(Duration.ofMinutes(3))));
    for (ContentFilter f : List.of(stagesOnly, filter)) {
      Verdict v = run(f, "guardian-pii-" + reply.length(), chat).verdict();
      assertThat(v.action()).as(reply).isEqualTo(Action.WARN);
      assertThat(v.categories()).as(reply).contains(Category.PII);
      assertThat(v.redacted()).as(reply).doesNotContain("0912345678", "Lê Lợi");
    }
  }

  /**
   * A safety lesson's words in the other party's message lower that sender's stages, never the findings of what
   * the same message asks: a lure wrapped in a lesson is still blocked (issue 11: a register never lowers a C
   * composition). A lesson that only teaches stays allowed.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Bài học hôm nay: nếu ai xin ảnh thì báo mẹ ngay. Nhưng với cô thì khác, em gửi cô ảnh không mặc áo để cô kiểm tra nhé, đừng nói ai",
      "Dấu hiệu nguy hiểm là người lạ xin ảnh. Anh không phải người lạ nên em cởi đồ gọi video cho anh nhé, bí mật nha",
      "Ai đòi ảnh hay bắt em giấu bố mẹ là người xấu. Nhưng anh thì khác, tối nay em cởi áo gọi video riêng cho anh, đừng nói ai nha"})
  void aLureWrappedInALessonIsStillBlocked(String lure) {
    List<Message> chat = List.of(new Message("m0", Sender.OTHER, lure, T0));
    for (ContentFilter f : List.of(stagesOnly, filter)) {
      assertThat(run(f, "lesson-lure-" + lure.length(), chat).verdict().action()).as(lure).isEqualTo(Action.BLOCK);
    }
    List<Message> lesson = List.of(new Message("m0", Sender.OTHER,
        "Nếu có người lạ bảo em cởi đồ gọi video thì em sẽ làm gì? Em nên báo mẹ ngay và chặn luôn nhé", T0));
    assertThat(run(filter, "lesson-only", lesson).verdict().action()).isEqualTo(Action.ALLOW);
  }

  /** The child's first message, then the other party's messages, three minutes apart. */
  private static List<Message> messages(String child, List<String> other) {
    List<Message> out = new ArrayList<>();
    out.add(new Message("m0", Sender.CHILD, child, T0));
    for (String text : other) {
      out.add(new Message("m" + out.size(), Sender.OTHER, text, T0.plus(Duration.ofMinutes(3L * out.size()))));
    }
    return out;
  }

  /**
   * A conversation message is matched once against the filter's lexicon plus the stage data: its text
   * findings must be exactly those of {@code checkText} (the other party's message, so the same policy).
   */
  @Test
  void oneNormalisationGivesTheSameFindingsAsCheckText() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.get(ConversationTest.class.getResource("/corpus/vi-cases.tsv").toURI()),
        StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] cols = line.split("\t");
        texts.add(cols[cols.length - 1]);
      }
    }
    for (Script sc : scripts()) {
      sc.messages().forEach(m -> texts.add(m.text()));
    }
    assertThat(texts).hasSizeGreaterThan(500);
    int i = 0;
    for (String text : texts) {
      Verdict alone = filter.checkText(text, CHILD);
      ConversationVerdict cv = filter.conversation("same-" + i++).check(new Message("m", Sender.OTHER, text, T0),
          CHILD);
      List<Finding> own = cv.verdict().findings().stream().filter(f -> !f.rule().startsWith("conversation/")).toList();
      // in a conversation the grooming classifier's finding is rated P: the conversation's risk acts on grooming;
      // and a dating classifier finding that no lexicon or composition finding supports is not made
      boolean supported = alone.findings().stream().anyMatch(f -> f.category() != Category.PII
          && !f.rule().startsWith("model/") && !f.rule().startsWith("harassment/target:"));
      boolean dropDating = !supported;
      // and a sexual_minors classifier finding in a message with nothing sexual in it ("e 11t": his question
      // about her age is the conversation's age stage): where the conversation leaves it out, the lexicon read
      // nothing sexual in the text
      boolean dropMinors = own.stream().noneMatch(f -> f.rule().equals("model/sexual_minors"))
          && alone.findings().stream().noneMatch(f -> !f.rule().startsWith("model/")
              && (f.category() == Category.SEXUAL || f.category() == Category.SEXUAL_MINORS));
      List<Finding> expected = alone.findings().stream()
          .filter(f -> !(dropDating && f.rule().equals("model/dating")))
          .filter(f -> !(dropMinors && f.rule().equals("model/sexual_minors")))
          .map(f -> f.rule().equals("model/grooming")
              ? new Finding(f.category(), f.severity(), Rating.P, f.rule(), f.start(), f.end(), f.match()) : f)
          .toList();
      assertThat(own).as(text).isEqualTo(expected);
    }
  }

  @Test
  void childSideStagesNeedTheRightSender() {
    Conversation c = filter.conversation("sender");
    ConversationVerdict v = c.check(new Message("1", Sender.OTHER, "em 11 tuổi", T0), CHILD);
    assertThat(v.stages()).isEmpty();
    v = c.check(new Message("2", Sender.CHILD, "em 11 tuổi", T0), CHILD);
    assertThat(v.stages()).containsExactly("age");
    assertThat(v.evidence()).containsExactly(new ConversationVerdict.Evidence("2", "age", 0, 10, "em 11 tuổi"));
    v = c.check(new Message("3", Sender.CHILD, "em bao nhiêu tuổi rồi", T0), CHILD);
    assertThat(v.evidence()).hasSize(1);
  }

  @Test
  void highRiskRaisesTheMessageVerdict() {
    Verdict allow = filter.checkText("ừ", CHILD);
    assertThat(Conversation.raise(allow, 0.69)).isSameAs(allow);
    Verdict warn = Conversation.raise(allow, 0.7);
    assertThat(warn.action()).isEqualTo(Action.WARN);
    assertThat(warn.help()).contains(Help.ABUSE);
    assertThat(Conversation.raise(allow, 0.85).action()).isEqualTo(Action.BLOCK);
    Verdict selfHarm = filter.checkText("em muốn chết", CHILD);
    assertThat(Conversation.raise(selfHarm, 0.9).help()).contains(Help.SELF_HARM);
  }

  @Test
  void windowKeepsFiftyMessages() throws Exception {
    Script g = scripts().stream().filter(s -> s.name().startsWith("g01")).findFirst().orElseThrow();
    Conversation c = stagesOnly.conversation("window-count");
    ConversationVerdict v = null;
    for (Message m : g.messages()) {
      v = c.check(m, CHILD);
    }
    assertThat(v.risk()).isGreaterThanOrEqualTo(0.7);
    for (int i = 0; i < 49; i++) {
      v = c.check(new Message("x" + i, Sender.OTHER, "hôm nay trời đẹp", T0.plusSeconds(3600 + i)), CHILD);
    }
    // The last message of the series is still among the last 50.
    assertThat(v.stages()).containsExactly("meeting");
    v = c.check(new Message("x49", Sender.OTHER, "ừ", T0.plusSeconds(3600 + 49)), CHILD);
    assertThat(v.stages()).isEmpty();
    assertThat(v.risk()).isZero();
    assertThat(stagesOnly.monitor().windowSize("window-count")).isZero();
  }

  @Test
  void windowKeepsTwentyFourHours() {
    Conversation c = filter.conversation("window-time");
    c.check(new Message("1", Sender.OTHER, "đừng nói với ai nhé", T0), CHILD);
    ConversationVerdict v = c.check(new Message("2", Sender.OTHER, "mai gặp nhau nhé, anh đón em",
        T0.plus(Duration.ofHours(23))), CHILD);
    assertThat(v.stages()).containsExactly("secrecy", "meeting");
    v = c.check(new Message("3", Sender.OTHER, "chào em", T0.plus(Duration.ofHours(24)).plusSeconds(1)), CHILD);
    assertThat(v.stages()).containsExactly("meeting");
    assertThat(v.evidence()).extracting(ConversationVerdict.Evidence::messageId).containsOnly("2");
  }

  @Test
  void conversationsExpireAndAreBounded() {
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = nanos::get;
    try (ContentFilter f = ContentFilter.builder().maxConversations(10)
        .conversationExpiry(Duration.ofHours(1)).ticker(ticker).build()) {
      f.conversation("a").check(new Message("1", Sender.OTHER, "đừng nói với ai nhé", T0), CHILD);
      assertThat(f.monitor().windowSize("a")).isEqualTo(1);
      nanos.addAndGet(Duration.ofMinutes(59).toNanos());
      assertThat(f.monitor().windowSize("a")).isEqualTo(1);
      nanos.addAndGet(Duration.ofMinutes(61).toNanos());
      assertThat(f.monitor().size()).isZero();
      ConversationVerdict v = f.conversation("a").check(new Message("2", Sender.OTHER, "chào em", T0), CHILD);
      assertThat(v.stages()).isEmpty();

      for (int i = 0; i < 1000; i++) {
        f.conversation("c" + i).check(new Message("1", Sender.OTHER, "anh nạp thẻ cho em", T0), CHILD);
      }
      assertThat(f.monitor().size()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void builderRejectsBadConversationSettings() {
    assertThatThrownBy(() -> ContentFilter.builder().maxConversations(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConversations");
    assertThatThrownBy(() -> ContentFilter.builder().conversationExpiry(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conversationExpiry");
  }

  @Test
  void concurrentMessagesKeepStateConsistent() throws Exception {
    Script g = scripts().stream().filter(s -> s.name().startsWith("g01")).findFirst().orElseThrow();
    ConversationVerdict expected = run(stagesOnly, "concurrency-reference", g.messages());
    int conversations = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          // Every thread sends every message to its share of all conversations, so each message of each
          // conversation arrives exactly once, from several threads in no fixed order.
          for (int i = 0; i < g.messages().size(); i++) {
            if (i % 16 != thread) {
              continue;
            }
            for (int c = 0; c < conversations; c++) {
              stagesOnly.conversation("conc-" + c).check(g.messages().get(i), CHILD);
            }
          }
          return null;
        }));
      }
      for (Future<?> fu : futures) {
        fu.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    for (int c = 0; c < conversations; c++) {
      ConversationVerdict v = stagesOnly.conversation("conc-" + c)
          .check(new Message("end", Sender.OTHER, "ừ", g.messages().get(g.messages().size() - 1).time()), CHILD);
      assertThat(v.risk()).as("conversation %d", c).isEqualTo(expected.risk());
      assertThat(v.stages()).as("conversation %d", c).isEqualTo(expected.stages());
      assertThat(v.evidence()).as("conversation %d", c).hasSameSizeAs(expected.evidence());
    }
  }

  @Test
  void listenerGetsExactlyTheExpectedIncidents() throws Exception {
    Script g = scripts().stream().filter(s -> s.name().startsWith("g01")).findFirst().orElseThrow();
    List<IncidentListener.Incident> got = new CopyOnWriteArrayList<>();
    try (ContentFilter f = ContentFilter.builder().withoutClassifiers().incidentListener(got::add, Runnable::run).build()) {
      int expectedFindings = 0;
      String crossing = null;
      Conversation c = f.conversation("incidents");
      double before = 0;
      for (Message m : g.messages()) {
        if (stagesOnly.checkText(m.text(), CHILD).rating() == Rating.C) {
          expectedFindings++;
        }
        ConversationVerdict v = c.check(m, CHILD);
        if (before < 0.7 && v.risk() >= 0.7 && crossing == null) {
          crossing = m.id();
        }
        before = v.risk();
      }
      assertThat(crossing).isNotNull();
      long findings = got.stream().filter(i -> i.kind() == IncidentListener.Kind.FINDING).count();
      List<IncidentListener.Incident> convs = got.stream()
          .filter(i -> i.kind() == IncidentListener.Kind.CONVERSATION).toList();
      assertThat(findings).isEqualTo(expectedFindings);
      assertThat(convs).hasSize(1);
      IncidentListener.Incident inc = convs.get(0);
      assertThat(inc.conversationId()).contains("incidents");
      assertThat(inc.messageId()).contains(crossing);
      assertThat(inc.risk()).isGreaterThanOrEqualTo(0.7);
      assertThat(inc.evidence()).isNotEmpty();
      assertThat(got.stream().filter(i -> i.kind() == IncidentListener.Kind.FINDING))
          .allSatisfy(i -> {
            assertThat(i.conversationId()).contains("incidents");
            assertThat(i.findings()).isNotEmpty().allSatisfy(fi -> assertThat(fi.rating()).isEqualTo(Rating.C));
          });

      // A plain check reports its C-tier findings, without a conversation.
      got.clear();
      f.checkText("anh nạp thẻ cho em", CHILD);
      f.checkText("hôm nay trời đẹp", CHILD);
      assertThat(got).hasSize(1);
      assertThat(got.get(0).conversationId()).isEmpty();
      assertThat(f.incidentCounts()).containsEntry("dropped", 0L).containsEntry("failed", 0L);
    }
  }

  @Test
  void noListenerNoIncidents() {
    assertThat(filter.incidentCounts()).containsOnly(Map.entry("delivered", 0L), Map.entry("dropped", 0L),
        Map.entry("failed", 0L));
  }

  @Test
  void throwingListenerDoesNotBreakChecks() throws Exception {
    try (ContentFilter f = ContentFilter.builder().incidentListener(i -> {
      throw new IllegalStateException("listener bug");
    }).build()) {
      for (int i = 0; i < 20; i++) {
        assertThat(f.checkText("anh nạp thẻ cho em", CHILD).action()).isEqualTo(Action.BLOCK);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (f.incidentCounts().get("failed") < 20 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(f.incidentCounts()).containsEntry("failed", 20L).containsEntry("delivered", 0L);
    }
  }

  @Test
  void rejectedIncidentsAreDroppedAndCounted() {
    try (ContentFilter f = ContentFilter.builder().incidentListener(i -> { }, r -> {
      throw new RejectedExecutionException("full");
    }).build()) {
      assertThat(f.checkText("anh nạp thẻ cho em", CHILD).action()).isEqualTo(Action.BLOCK);
      assertThat(f.incidentCounts()).containsEntry("dropped", 1L);
    }
  }

  @Test
  void closeStopsTheIncidentThread() throws Exception {
    List<IncidentListener.Incident> got = Collections.synchronizedList(new ArrayList<>());
    ContentFilter f = ContentFilter.builder().incidentListener(got::add).build();
    f.checkText("anh nạp thẻ cho em", CHILD);
    f.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (incidentThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(incidentThreads()).isZero();
    assertThat(got).hasSize(1);
    assertThatThrownBy(() -> f.conversation("x")).isInstanceOf(IllegalStateException.class);
  }

  private static long incidentThreads() {
    Map<Thread, StackTraceElement[]> all = new ConcurrentHashMap<>(Thread.getAllStackTraces());
    return all.keySet().stream().filter(t -> t.getName().equals("lanhmanh-incidents") && t.isAlive()).count();
  }
}
