package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconSearchCommandTest {

  @Test
  void findsEntriesWithOrWithoutDiacritics() {
    Cli.Result r = Cli.run("", "--lexicon", Cli.lexicon(), "lexicon", "search", "lon");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("rule  \"lồn\"  profanity  T16  high  fold=plain  profanity.tsv:",
        "exception  \"cái lon\"");
  }

  @Test
  void saysSoWhenNothingMatches() {
    Cli.Result r = Cli.run("", "lexicon", "search", "--lexicon", Cli.lexicon(), "xyzzy");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("no entry contains: xyzzy\n");
  }
}
