package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Personal information by direction: reported in what the child writes ({@link Policy#outgoing()}, a
 * child's conversation message), not in what the child reads (a default {@code checkText}) unless asked.
 * The clean-text figure reads {@code ../shared/data/clean/} and skips when it is absent.
 */
class PersonalInformationDirectionTest {

  private static final ContentFilter filter = DefaultFilter.shared();

  private static long pii(Verdict v) {
    return v.findings().stream().filter(f -> f.category() == Category.PII).count();
  }

  @Test
  void readTextIsNotSearchedWrittenTextIs() {
    String text = "Nhà em ở số 12 ngõ 34 phố Hoa Bằng, lớp 6A trường THCS Nghĩa Tân, sđt 0912 345 678";
    Policy child = Policy.forAge(10);
    Verdict read = filter.checkText(text, child);
    assertThat(pii(read)).isZero();
    assertThat(read.action()).isEqualTo(Action.ALLOW);
    Verdict written = filter.checkText(text, child.outgoing());
    assertThat(written.findings()).extracting(Finding::rule).contains("pii/phone", "pii/address", "pii/class");
    assertThat(written.action()).isEqualTo(Action.WARN);
    assertThat(written.redacted()).doesNotContain("0912");
    // Asking for it on read text: a per-type action, or redaction.
    assertThat(pii(filter.checkText(text, child.personalInformation("phone", Action.BLOCK)))).isPositive();
    assertThat(pii(filter.checkText(text, child.redact(Category.PII)))).isPositive();
    assertThat(child.outgoing().isOutgoing()).isTrue();
    assertThat(child.outgoing()).isNotEqualTo(child).isSameAs(child.outgoing());
  }

  @Test
  void aChildsMessageIsOutgoingTheOtherPartysIsNot() {
    Conversation c = filter.conversation("pii-direction");
    java.time.Instant t = java.time.Instant.parse("2025-06-01T10:00:00Z");
    ConversationVerdict child = c.check(new Message("1", Message.Sender.CHILD, "số em là 0912 345 678", t),
        Policy.forAge(10));
    assertThat(child.verdict().findings()).extracting(Finding::rule).contains("pii/phone");
    ConversationVerdict other = c.check(new Message("2", Message.Sender.OTHER, "số anh là 0912 345 678", t),
        Policy.forAge(10));
    assertThat(pii(other.verdict())).isZero();
  }

  /**
   * A class named alone (no school, no address) is shared by a class of that name in every school: it is
   * reported but allowed and not masked, whoever the other party says he is (docs/PRIVACY.md); with its school
   * it is warned and masked; a policy that names an action for the type keeps it.
   */
  @Test
  void aChildsOwnClassAloneIsReportedAndWithItsSchoolIsMasked() {
    java.time.Instant t = java.time.Instant.parse("2025-06-01T10:00:00Z");
    Message answer = new Message("1", Message.Sender.CHILD, "t 13 tuổi, lớp 7B4 nha", t);
    Verdict byDefault = filter.conversation("pii-class-default").check(answer, Policy.forAge(12)).verdict();
    assertThat(byDefault.findings()).extracting(Finding::rule).contains("pii/class");
    assertThat(byDefault.action()).isEqualTo(Action.ALLOW);
    assertThat(byDefault.redacted()).contains("7B4");
    Message withSchool = new Message("2", Message.Sender.CHILD, "t học lớp 7B4 trường THCS Nghĩa Tân nha", t);
    Verdict school = filter.conversation("pii-class-school").check(withSchool, Policy.forAge(12)).verdict();
    assertThat(school.findings()).extracting(Finding::rule).contains("pii/class", "pii/school");
    assertThat(school.action()).isEqualTo(Action.WARN);
    assertThat(school.redacted()).doesNotContain("7B4");
    Verdict named = filter.conversation("pii-class-named")
        .check(answer, Policy.forAge(12).personalInformation("class", Action.WARN)).verdict();
    assertThat(named.action()).isEqualTo(Action.WARN);
    assertThat(named.redacted()).doesNotContain("7B4");
  }

  private static Path cleanDir() {
    String configured = System.getProperty("lanhmanh.shared.data");
    return configured != null ? Path.of(configured, "clean") : Path.of("../shared/data/clean");
  }

  @Test
  void cleanTextReadByAChildHasNoPersonalInformationFindings() throws IOException {
    Path dir = cleanDir();
    Assumptions.assumeTrue(Files.isDirectory(dir), "clean sentences not found at " + dir + "; skipping");
    Policy[] policies = {Policy.forAge(10), Policy.forAge(13)};
    for (String name : List.of("ud_vtb_sentences.txt", "viwiki_sentences.txt")) {
      Path f = dir.resolve(name);
      Assumptions.assumeTrue(Files.isRegularFile(f), f + " not found; skipping");
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      long withPii = 0;
      long outgoingPii = 0;
      for (String line : lines) {
        withPii += pii(filter.checkText(line, policies[0])) + pii(filter.checkText(line, policies[1]));
        outgoingPii += pii(filter.checkText(line, policies[0].outgoing())) > 0 ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "%s: %d sentences; personal-information findings, default policy (age 10 and 13): %d;"
          + " sentences with one through the outgoing policy: %d (%.1f %%)%n", name, lines.size(), withPii,
          outgoingPii, 100.0 * outgoingPii / lines.size());
      assertThat(withPii).as(name).isZero();
    }
  }
}
