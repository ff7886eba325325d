package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --threshold CATEGORY=SCORE} of {@code check} and {@code batch}. */
class ThresholdOptionTest {

  @Test
  void aReachedThresholdBlocksWhatTheAgeTierAllows() {
    // Swearing is T16: an 18-year-old may read it, unless a threshold on its score says otherwise.
    Cli.Result plain = Cli.run("", "check", "--lexicon", Cli.lexicon(), "--age", "18", "--json", "đm thằng ngu");
    Cli.Result strict = Cli.run("", "check", "--lexicon", Cli.lexicon(), "--age", "18", "--json",
        "--threshold", "profanity=0.5", "đm thằng ngu");

    assertThat(plain.exit()).isZero();
    assertThat(plain.out()).contains("\"action\":\"ALLOW\"");
    assertThat(strict.exit()).isZero();
    assertThat(strict.out()).contains("\"action\":\"BLOCK\"");
  }

  @Test
  void aThresholdNotReachedChangesNothing() {
    Cli.Result r = Cli.run("", "check", "--lexicon", Cli.lexicon(), "--age", "10", "--json",
        "--threshold", "self_harm=0.9", "--threshold", "SCAM=0.9", "các bạn ơi đi học thôi");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"action\":\"ALLOW\"");
  }

  @Test
  void batchAppliesTheThresholdsToEveryLine() {
    String in = "{\"id\":1,\"text\":\"đm thằng ngu\"}\n{\"id\":2,\"text\":\"các bạn ơi đi học thôi\"}\n";
    Cli.Result r = Cli.run(in, "batch", "--lexicon", Cli.lexicon(), "--age", "18", "--threshold", "profanity=0.5");

    assertThat(r.exit()).isZero();
    assertThat(r.lines()).hasSize(2);
    assertThat(r.lines().get(0)).contains("\"action\":\"BLOCK\"");
    assertThat(r.lines().get(1)).contains("\"action\":\"ALLOW\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "profanity       | --threshold must be CATEGORY=SCORE, such as self_harm=0.8, was 'profanity'",
      "=0.5            | --threshold must be CATEGORY=SCORE, such as self_harm=0.8, was '=0.5'",
      "profanity=      | --threshold must be CATEGORY=SCORE, such as self_harm=0.8, was 'profanity='",
      "nope=0.5        | --threshold: unknown category 'nope'",
      "profanity=1.5   | --threshold: the score for profanity must be a number from 0 to 1, was '1.5'",
      "profanity=NaN   | --threshold: the score for profanity must be a number from 0 to 1, was 'NaN'",
      "profanity=high  | --threshold: the score for profanity must be a number from 0 to 1, was 'high'"})
  void aBadThresholdIsRefusedWithItsReason(String option, String message) {
    for (String command : new String[] {"check", "batch"}) {
      Cli.Result r = command.equals("check")
          ? Cli.run("", "check", "--lexicon", Cli.lexicon(), "--age", "10", "--threshold", option, "x")
          : Cli.run("", "batch", "--lexicon", Cli.lexicon(), "--age", "10", "--threshold", option);

      assertThat(r.exit()).as(command).isEqualTo(2);
      assertThat(r.out()).as(command).isEmpty();
      assertThat(r.err()).as(command).startsWith("lanhmanh: " + message);
    }
  }
}
