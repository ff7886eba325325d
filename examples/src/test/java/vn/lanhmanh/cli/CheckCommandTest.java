package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;

class CheckCommandTest {

  private static Cli.Result check(String stdin, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--lexicon";
    all[2] = Cli.lexicon();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(stdin, all);
  }

  @Test
  void marksEachSpanAndListsEachFinding() {
    // without the classifiers, the scores are the findings' fixed values
    Cli.Result r = check("", "--no-classifiers", "--age", "10", "đm", "thằng", "ngu");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.lines()).containsExactly(
        "action:   BLOCK",
        "rating:   T16",
        "text:     [[đm]] [[thằng ngu]]",
        "findings:",
        "  profanity  T16  high  [0,2) \"đm\"  rule=profanity/dit_me",
        "  harassment  K  medium  [3,12) \"thằng ngu\"  rule=harassment/thang_ngu",
        "redacted: ** ***** ***",
        "scores:   harassment 0.80, profanity 0.95");
  }

  @Test
  void theTaggerScoresHarassmentWhenAskedFor() {
    Cli.Result r = check("", "--tagger", "--no-classifiers", "--age", "10", "đm", "thằng", "ngu");

    assertThat(r.exit()).isZero();
    assertThat(r.lines()).contains("scores:   harassment 1.00, profanity 0.95");
  }

  @Test
  void theClassifiersScoreEveryCategoryWhenAskedFor() {
    Cli.Result r = check("", "--classifiers", "--age", "10", "nhận", "kim", "cương", "free,", "nhập", "mật", "khẩu",
        "tài", "khoản", "game", "tại", "link", "này");

    assertThat(r.exit()).isZero();
    assertThat(r.lines()).anyMatch(l -> l.startsWith("scores:") && l.contains("scam"));
    Cli.Result missing = check("", "--classifiers", "no-such-file.bin", "--age", "10", "xin", "chào");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("--classifiers: not a file");
  }

  @Test
  void theClassifiersRunByDefaultAndCanBeTurnedOff() {
    Cli.Result on = check("", "--age", "10", "xin", "chào");
    Cli.Result off = check("", "--no-classifiers", "--age", "10", "xin", "chào");

    assertThat(on.lines()).anyMatch(l -> l.startsWith("scores:") && l.contains("self_harm"));
    assertThat(off.lines()).contains("scores:   all 0.00");
    Cli.Result both = check("", "--classifiers", "--no-classifiers", "--age", "10", "xin", "chào");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--classifiers and --no-classifiers contradict each other");
  }

  @Test
  void showsHelpInVietnameseAndEnglish() {
    Cli.Result r = check("", "--age", "12", "tao muốn chết");

    assertThat(r.out()).contains("action:   WARN", "text:     tao [[muốn chết]]", "help:     call 111",
        "  vi: Bạn không một mình", "  en: You are not alone");
  }

  @Test
  void personalInformationIsReportedOnlyInOutgoingText() {
    // the embedded lexicon, whose concepts read "số em là" as the child's own number (no scam)
    assertThat(Cli.run("", "check", "--age", "10", "số", "em", "là", "0912", "345", "678").out())
        .contains("action:   ALLOW");
    assertThat(Cli.run("", "check", "--age", "10", "--outgoing", "số", "em", "là", "0912", "345", "678").out())
        .contains("action:   WARN", "pii/phone");
  }

  @Test
  void cleanTextHasNoFindings() {
    assertThat(check("", "--age", "10", "xin chào").lines())
        .contains("action:   ALLOW", "text:     xin chào", "findings: none", "redacted: xin chào");
  }

  @Test
  void dashReadsTheTextFromStdin() {
    Cli.Result r = check("đm thằng ngu\n", "--age", "10", "-");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("text:     [[đm]] [[thằng ngu]]\n");
  }

  @Test
  void jsonPrintsTheBatchLine() {
    Cli.Result r = check("", "--no-classifiers", "--age", "10", "--json", "đm");

    assertThat(r.lines()).hasSize(1);
    assertThat(r.lines().get(0)).startsWith("{\"id\":null,\"action\":\"BLOCK\",\"rating\":\"T16\","
        + "\"categories\":[\"profanity\"],\"findings\":[{\"category\":\"profanity\",\"severity\":\"high\","
        + "\"rating\":\"T16\",\"rule\":\"profanity/dit_me\",\"start\":0,\"end\":2,\"match\":\"đm\"}],"
        + "\"redacted\":\"**\",\"safeUrl\":null,\"help\":null,\"scores\":{\"sexual\":0.0,");
    assertThat(r.lines().get(0)).contains("\"profanity\":").endsWith("}}");
  }

  @Test
  void urlArgumentIsCheckedAsAUrl() {
    Cli.Result r = check("", "--age", "10", "https://www.pornhub.com/view?x=1");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("action:   BLOCK").contains("sexual").contains("url/list/default:pornhub.com");
  }

  @Test
  void searchUrlGetsASafeUrlForAChild() {
    Cli.Result r = check("", "--age", "10", "https://www.google.com/search?q=phim+hay");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("action:   ALLOW").contains("safe URL: https://www.google.com/search?q=phim+hay&safe=active");
  }

  @Test
  void urlLookingArguments() {
    assertThat(CheckCommand.looksLikeUrl("https://vnexpress.net")).isTrue();
    assertThat(CheckCommand.looksLikeUrl("HTTP://X.VN/")).isTrue();
    assertThat(CheckCommand.looksLikeUrl("www.example.com")).isTrue();
    assertThat(CheckCommand.looksLikeUrl("ftp://host")).isTrue();
    assertThat(CheckCommand.looksLikeUrl("đ.m")).isFalse();
    assertThat(CheckCommand.looksLikeUrl("d.m")).isFalse();
    assertThat(CheckCommand.looksLikeUrl("xem https://x.vn")).isFalse();
    assertThat(CheckCommand.looksLikeUrl("://x")).isFalse();
    assertThat(CheckCommand.looksLikeUrl("http://")).isFalse();
    assertThat(CheckCommand.looksLikeUrl("-")).isFalse();
  }

  @Test
  void overlappingSpansAreMarkedOnce() {
    Finding a = new Finding(Category.PROFANITY, Severity.HIGH, Rating.T16, "r/a", 0, 5, "vãi l");
    Finding b = new Finding(Category.PROFANITY, Severity.HIGH, Rating.T16, "r/b", 4, 7, "lồn");
    Finding c = new Finding(Category.PROFANITY, Severity.HIGH, Rating.T16, "r/c", 9, 11, "đm");

    assertThat(VerdictText.mark("vãi lồn! đm ok", List.of(b, a, c))).isEqualTo("[[vãi lồn]]! [[đm]] ok");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    List<String[]> bad = List.of(
        new String[] {"check", "đm"},                          // no --age
        new String[] {"check", "--age", "ten", "đm"},          // not a number
        new String[] {"check", "--age", "-1", "đm"},           // out of range
        new String[] {"check", "--age", "10"},                 // no text
        new String[] {"check", "--age", "10", "--nope", "x"},  // unknown option
        new String[] {"nope"},                                 // unknown command
        new String[] {},                                       // no command
        new String[] {"lexicon"},                              // no lexicon command
        new String[] {"--lexicon", "does-not-exist", "check", "--age", "10", "x"});
    for (String[] args : bad) {
      Cli.Result r = Cli.run("", args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).as(String.join(" ", args)).isEmpty();
      assertThat(r.err()).as(String.join(" ", args)).startsWith("lanhmanh: ").endsWith("\n")
          .hasLineCount(1);
    }
  }

  @Test
  void lexiconOptionWorksBeforeAndAfterTheCommand() {
    assertThat(Cli.run("", "--lexicon", Cli.lexicon(), "check", "--age", "10", "đm").exit()).isZero();
    assertThat(Cli.run("", "check", "--age", "10", "--lexicon", Cli.lexicon(), "đm").exit()).isZero();
  }

  @Test
  void brokenLexiconIsARuntimeErrorWithAStackTraceOnlyOnDebug(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("profanity.tsv"), "địt\tT99\thigh\n");

    Cli.Result plain = Cli.run("", "check", "--lexicon", dir.toString(), "--age", "10", "x");
    assertThat(plain.exit()).isEqualTo(1);
    assertThat(plain.err()).startsWith("lanhmanh: profanity.tsv:1: unknown rating 'T99'").hasLineCount(1);

    Cli.Result debug = Cli.run("", "--debug", "check", "--lexicon", dir.toString(), "--age", "10", "x");
    assertThat(debug.exit()).isEqualTo(1);
    assertThat(debug.err()).contains("IllegalArgumentException", "\tat ");
  }

  @Test
  void versionAndHelpExitZero() {
    Cli.Result v = Cli.run("", "--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("lanhmanh ").doesNotContain("${");
    Cli.Result h = Cli.run("", "check", "--help");
    assertThat(h.exit()).isZero();
    assertThat(h.out()).contains("Usage: lanhmanh check", "--age=N");
  }
}
