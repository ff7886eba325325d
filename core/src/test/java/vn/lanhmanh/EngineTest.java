package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine on a small lexicon written for tests ({@code testlexicon/}), so normalisation, matching,
 * exceptions and context are pinned independently of the default lexicon's contents. Cases live in
 * {@code engine/cases.tsv}: each text with the exact findings (rule and matched original text) expected.
 */
class EngineTest {

  static ContentFilter filter;

  static Path testLexicon() throws URISyntaxException {
    return Path.of(EngineTest.class.getResource("/testlexicon/MANIFEST").toURI()).getParent();
  }

  @BeforeAll
  static void open() throws URISyntaxException {
    filter = ContentFilter.builder().withoutDefaultLexicon().addLexicon(testLexicon()).withoutClassifiers().build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        EngineTest.class.getResourceAsStream("/engine/cases.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isEmpty()) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    return rows.stream().flatMap(row -> Stream.of(
        DynamicTest.dynamicTest("'" + row[0] + "'", () -> check(row[0], row[1])),
        DynamicTest.dynamicTest("NFD '" + row[0] + "'",
            () -> check(Normalizer.normalize(row[0], Normalizer.Form.NFD),
                Normalizer.normalize(row[1], Normalizer.Form.NFD)))));
  }

  private static void check(String text, String expected) {
    Verdict v = filter.checkText(text, Policy.forAge(10));
    List<String> got = new ArrayList<>();
    for (Finding f : v.findings()) {
      assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
      got.add(f.rule() + "=" + f.match());
    }
    List<String> want = expected.equals("-") ? List.of() : List.of(expected.split(" \\| "));
    assertThat(got).as("findings of '%s'", text).containsExactlyInAnyOrderElementsOf(want);
  }

  @Test
  void contextLowersTheCategoriesItConcerns() {
    Verdict news = filter.checkText("công an bắt vụ cá độ bóng đá", Policy.forAge(14));
    assertThat(news.rating()).isEqualTo(Rating.T13);
    assertThat(news.action()).isEqualTo(Action.ALLOW);
    assertThat(news.findings()).extracting(Finding::rule).containsExactly("gambling/ca_do");
    Verdict ad = filter.checkText("vào đây cá độ bóng đá", Policy.forAge(14));
    assertThat(ad.rating()).isEqualTo(Rating.C);
    assertThat(ad.action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void contextDoesNotReachFarAwayFindings() {
    String far = "phòng chống " + "và ".repeat(40) + "cá độ";
    assertThat(filter.checkText(far, Policy.forAge(30)).rating()).isEqualTo(Rating.C);
  }

  @Test
  void selfHarmIsAtLeastWarnWithHelpForAdults() {
    Verdict v = filter.checkText("tao muốn chết", Policy.forAge(30));
    assertThat(v.action()).isEqualTo(Action.WARN);
    assertThat(v.help()).contains(Help.SELF_HARM);
    assertThat(v.help().get().phone()).isEqualTo("111");
  }

  @Test
  void redactionMasksWhatIsActedOnAndKeepsOffsets() {
    String text = "đm thằng ngu, đi học thôi";
    Verdict child = filter.checkText(text, Policy.forAge(10));
    assertThat(child.redacted()).isEqualTo("** ***** ***, đi học thôi").hasSameSizeAs(text);
    Verdict adult = filter.checkText(text, Policy.forAge(18));
    assertThat(adult.action()).isEqualTo(Action.ALLOW);
    assertThat(adult.redacted()).isEqualTo(text);
    assertThat(adult.findings()).hasSize(2);
  }

  @Test
  void policyPhrasesAllowAndDeny() {
    Policy school = Policy.forAge(10).allow("thằng ngu ngốc").deny(Category.HARASSMENT, Rating.T13, "đồ lớp bê");
    assertThat(filter.checkText("thằng ngu ngốc", school).findings()).isEmpty();
    Verdict v = filter.checkText("mày là đồ lớp bê", school);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    assertThat(v.findings()).extracting(Finding::rule).containsExactly("policy/harassment/do_lop_be");
    assertThat(filter.checkText("mày là đồ lớp bê", Policy.forAge(10)).findings()).isEmpty();
  }

  @Test
  void personalInformationIsWarnedAndMaskedForChildrenOnly() {
    String text = "số em là 0912 345 678 nhé";
    // Text the child reads: not reported. Text the child writes: reported, warned and masked under 16.
    assertThat(filter.checkText(text, Policy.forAge(10)).findings()).isEmpty();
    Verdict child = filter.checkText(text, Policy.forAge(10).outgoing());
    assertThat(child.action()).isEqualTo(Action.WARN);
    assertThat(child.findings()).extracting(Finding::rule).containsExactly("pii/phone");
    assertThat(child.redacted()).isEqualTo("số em là **** *** *** nhé");
    Verdict adult = filter.checkText(text, Policy.forAge(30).outgoing());
    assertThat(adult.action()).isEqualTo(Action.ALLOW);
    assertThat(adult.findings()).hasSize(1);
    assertThat(filter.checkText("gọi tổng đài 111 nhé", Policy.forAge(10).outgoing()).findings()).isEmpty();
  }

  @Test
  void personalInformationCanBeBlockedOrRedactedOnlyPerType() {
    String text = "số em là 0912 345 678, nhà em ở số 12 ngõ 34 phố Huế, quận Hai Bà Trưng";
    Policy blockPhones = Policy.forAge(10).personalInformation("phone", Action.BLOCK);
    Verdict v = filter.checkText(text, blockPhones);
    assertThat(v.action()).isEqualTo(Action.BLOCK);
    Policy redactOnly = Policy.forAge(10).personalInformation("*", Action.ALLOW).redact(Category.PII);
    Verdict r = filter.checkText(text, redactOnly);
    assertThat(r.action()).isEqualTo(Action.ALLOW);
    assertThat(r.redacted()).startsWith("số em là **** *** ***").doesNotContain("0912");
    assertThat(r.findings()).extracting(Finding::rule).contains("pii/phone", "pii/address");
  }

  @Test
  void profanityCanBeMaskedForAdultsToo() {
    Verdict v = filter.checkText("vãi lồn thật", Policy.forAge(30).redact(Category.PROFANITY));
    assertThat(v.action()).isEqualTo(Action.ALLOW);
    assertThat(v.redacted()).isEqualTo("*** *** thật");
  }

  @Test
  void nullAndEmptyAreAllowedWithNoFindings() {
    assertThat(filter.checkText(null, Policy.forAge(10)).action()).isEqualTo(Action.ALLOW);
    assertThat(filter.checkText("", Policy.forAge(10)).findings()).isEmpty();
  }

  @Test
  void aLongTextIsCheckedWhole() {
    String text = "xin chào các bạn. ".repeat(50_000) + "đm";
    Verdict v = filter.checkText(text, Policy.forAge(10));
    assertThat(v.findings()).hasSize(1);
    assertThat(v.findings().get(0).start()).isEqualTo(text.length() - 2);
  }
}
