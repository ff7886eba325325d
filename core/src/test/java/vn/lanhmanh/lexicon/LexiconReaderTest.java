package vn.lanhmanh.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;

class LexiconReaderTest {

  @Test
  void readsEveryKind() {
    List<LexiconEntry> rules = LexiconReader.read("profanity.tsv",
        new StringReader("# comment\n\nđịt mẹ\tT16\thigh\talways\tgloss\nlồn\tT16\thigh\n"));
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0)).isEqualTo(LexiconEntry.rule("địt mẹ", Category.PROFANITY, Rating.T16,
        Severity.HIGH, LexiconEntry.Fold.ALWAYS, "gloss", "profanity.tsv:3"));
    assertThat(rules.get(1).fold()).isEqualTo(LexiconEntry.Fold.PLAIN);
    assertThat(LexiconReader.read("exceptions-x.tsv", new StringReader("dâm bụt\n")).get(0).kind())
        .isEqualTo(LexiconEntry.Kind.EXCEPTION);
    LexiconEntry ctx = LexiconReader.read("context.tsv", new StringReader("phòng chống\tdrugs,gambling\tT13\n")).get(0);
    assertThat(ctx.contextCategories()).containsExactlyInAnyOrder(Category.DRUGS, Category.GAMBLING);
    assertThat(ctx.rating()).isEqualTo(Rating.T13);
    assertThat(LexiconReader.read("teencode.tsv", new StringReader("dm\tđịt mẹ\n")).get(0).expansion())
        .isEqualTo("địt mẹ");
  }

  @Test
  void groupsExpandToVariantsOfOneLine() {
    List<LexiconEntry> rules = LexiconReader.read("grooming.tsv",
        new StringReader("cởi (áo|đồ) ra cho (anh|chú) xem\tC\thigh\n(nhớ|) xóa tin nhắn\tC\thigh\n"));
    assertThat(rules).extracting(LexiconEntry::phrase).containsExactly(
        "cởi áo ra cho anh xem", "cởi áo ra cho chú xem", "cởi đồ ra cho anh xem", "cởi đồ ra cho chú xem",
        "nhớ xóa tin nhắn", "xóa tin nhắn");
    assertThat(rules).extracting(LexiconEntry::source).containsOnly("grooming.tsv:1", "grooming.tsv:2");
    assertThatThrownBy(() -> LexiconReader.read("grooming.tsv", new StringReader("cởi (áo ra\tC\thigh\n")))
        .hasMessageContaining("grooming.tsv:1").hasMessageContaining("unbalanced");
    // a symbol is no word to the normaliser: "(bằng|=)" would also be the bare phrase, silently
    assertThatThrownBy(() -> LexiconReader.read("exceptions-lang.tsv", new StringReader("dm (bằng|=)\tplain\n")))
        .hasMessageContaining("exceptions-lang.tsv:1").hasMessageContaining("alternative '=' has no letter or digit");
  }

  @Test
  void decomposedInputIsComposed() {
    String nfd = java.text.Normalizer.normalize("địt", java.text.Normalizer.Form.NFD);
    assertThat(LexiconReader.read("profanity.tsv", new StringReader(nfd + "\tT16\thigh\n")).get(0).phrase())
        .isEqualTo("địt");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      profanity.tsv | lồn\\tT99\\thigh         | profanity.tsv:1: unknown rating 'T99'
      profanity.tsv | lồn\\tT16\\tvery         | profanity.tsv:1: unknown severity 'very'
      profanity.tsv | lồn\\tT16\\thigh\\tsome  | profanity.tsv:1: unknown fold 'some'
      profanity.tsv | lồn                      | profanity.tsv:1: expected phrase, tier, severity
      profanity.tsv | a\\tK\\tlow\\na\\tK\\tlow | profanity.tsv:2: duplicate phrase 'a'
      swearing.tsv  | a\\tK\\tlow               | swearing.tsv: a rule file must be named after a category
      context.tsv   | a\\tnope\\tK              | context.tsv:1: unknown category 'nope'
      teencode.tsv  | d m\\tđịt mẹ              | teencode.tsv:1: a teencode token is one word
      """)
  void malformedLinesNameTheFileAndLine(String file, String content, String message) {
    String text = content.replace("\\t", "\t").replace("\\n", "\n");
    assertThatThrownBy(() -> LexiconReader.read(file, new StringReader(text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
