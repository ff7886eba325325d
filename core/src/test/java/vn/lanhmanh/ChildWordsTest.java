package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The child's own words ({@link ChildWords}): a child who tells of grooming or abuse, or echoes or answers
 * what she was asked, is helped and her parent told, not blocked; the same words from the other party are
 * judged as before. Rows in {@code childwords/disclosures.tsv}, each also in decomposed Unicode.
 */
class ChildWordsTest {

  private static final Policy CHILD = Policy.forAge(11);
  private static final List<IncidentListener.Incident> incidents = new CopyOnWriteArrayList<>();
  private static final AtomicInteger ids = new AtomicInteger();
  private static ContentFilter filter;

  @BeforeAll
  static void open() {
    filter = ContentFilter.builder().incidentListener(incidents::add, Runnable::run).build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  private record Row(Action child, boolean told, Action other, String text) {}

  private static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ChildWordsTest.class.getResourceAsStream("/childwords/disclosures.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] c = line.split("\t", -1);
        assertThat(c).as(line).hasSize(4);
        assertThat(c[1]).as(line).isIn("yes", "no");
        rows.add(new Row(Action.valueOf(c[0]), c[1].equals("yes"), Action.valueOf(c[2]), c[3]));
      }
    }
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> disclosures() throws IOException {
    List<Row> rows = rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
    return rows.stream().flatMap(row -> Stream.of(
        DynamicTest.dynamicTest("'" + row.text() + "'", () -> check(row, row.text())),
        DynamicTest.dynamicTest("NFD '" + row.text() + "'",
            () -> check(row, Normalizer.normalize(row.text(), Normalizer.Form.NFD)))));
  }

  private static void check(Row row, String text) {
    // the child's message, in a conversation of its own
    incidents.clear();
    String id = "child-" + ids.incrementAndGet();
    Verdict child = filter.conversation(id)
        .check(new Message("m", Message.Sender.CHILD, text, Instant.EPOCH), CHILD).verdict();
    assertThat(child.action()).as("child: %s", child).isEqualTo(row.child());
    assertThat(ChildWords.told(child)).as("child told: %s", child).isEqualTo(row.told());
    assertThat(child.findings()).as("no grooming finding rated above P in the child's words")
        .noneMatch(f -> f.category() == Category.GROOMING && f.rating() != Rating.P);
    List<IncidentListener.Incident> disclosures = incidents.stream()
        .filter(i -> i.kind() == IncidentListener.Kind.DISCLOSURE).toList();
    if (row.told()) {
      assertThat(child.help()).contains(Help.ABUSE);
      assertThat(child.redacted()).as("the child's report reaches its reader unmasked").isEqualTo(text);
      assertThat(disclosures).as("the parent is told").hasSize(1);
      assertThat(disclosures.get(0).conversationId()).contains(id);
      assertThat(disclosures.get(0).messageId()).contains("m");
      assertThat(disclosures.get(0).findings()).isNotEmpty();
      assertThat(incidents).as("no C-tier finding incident for the child's report")
          .noneMatch(i -> i.kind() == IncidentListener.Kind.FINDING);
    } else {
      assertThat(disclosures).isEmpty();
    }
    // the same through conversationStep, and checked as outgoing text outside a chat
    ConversationStep step = filter.conversationStep("step-" + id, ConversationState.empty(),
        new Message("m", Message.Sender.CHILD, text, Instant.EPOCH), CHILD);
    assertThat(step.verdict().verdict().action()).isEqualTo(row.child());
    if (row.told()) {
      assertThat(step.incident()).isTrue();
    }
    Verdict outgoing = filter.checkText(text, CHILD.outgoing());
    assertThat(outgoing.action()).as("outgoing: %s", outgoing).isEqualTo(row.child());
    assertThat(ChildWords.told(outgoing)).as("outgoing told: %s", outgoing).isEqualTo(row.told());

    // the other party's message: as before
    incidents.clear();
    Verdict other = filter.conversation("other-" + ids.incrementAndGet())
        .check(new Message("m", Message.Sender.OTHER, text, Instant.EPOCH), CHILD).verdict();
    assertThat(other.action()).as("other: %s", other).isEqualTo(row.other());
    assertThat(ChildWords.told(other)).isFalse();
    assertThat(incidents).noneMatch(i -> i.kind() == IncidentListener.Kind.DISCLOSURE);
    // and text the child reads
    assertThat(ChildWords.told(filter.checkText(text, CHILD))).isFalse();
  }

  /**
   * A child who tells of a swindle tried on her is pointed to scam help, not blocked; the same words passed on
   * without a cue stay blocked (fifty-fifth round).
   */
  @Test
  void aSwindleToldIsHelpedNotBlocked() {
    Verdict told = filter.checkText("hôm qua có thằng nhắn tao bán kc giá rẻ, bắt gửi mật khẩu acc, tao block luôn rồi",
        CHILD.outgoing());
    assertThat(told.findings()).anyMatch(f -> f.category() == Category.SCAM);
    assertThat(told.findings()).noneMatch(f -> f.category() == Category.SCAM && f.rating() != Rating.P);
    assertThat(told.action()).isEqualTo(Action.ALLOW);
    assertThat(told.help()).contains(Help.SCAM);
    assertThat(ChildWords.told(told)).isFalse();
    Verdict passedOn = filter.checkText("ai muốn nhận kc free thì gửi mật khẩu acc cho page này nha",
        CHILD.outgoing());
    assertThat(passedOn.action()).isEqualTo(Action.BLOCK);
    assertThat(passedOn.help()).contains(Help.SCAM);
  }

  /** Without a disclosure cue, a grooming phrase of the child's is still lowered; sexual words stay. */
  @Test
  void theCueDecidesSexualWordsNotGrooming() {
    Verdict echo = filter.checkText("gửi ảnh nude cho anh xem đi", CHILD.outgoing());
    assertThat(echo.findings()).anyMatch(f -> f.category() == Category.GROOMING && f.rating() == Rating.P);
    assertThat(echo.findings()).anyMatch(f -> f.category() == Category.SEXUAL && f.rating() != Rating.P);
    assertThat(echo.action()).isEqualTo(Action.BLOCK);
    assertThat(ChildWords.told(echo)).isTrue();
    Verdict told = filter.checkText("nó bắt con gửi ảnh nude cho nó xem, con sợ lắm", CHILD.outgoing());
    assertThat(told.findings()).noneMatch(f -> (f.category() == Category.SEXUAL
        || f.category() == Category.GROOMING || f.category() == Category.SEXUAL_MINORS) && f.rating() != Rating.P);
    assertThat(told.action()).isEqualTo(Action.ALLOW);
  }
}
