package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.Category;

/**
 * The two table layouts {@code lanhmanh train --corpus-table} reads as training messages, and the chat folders
 * {@code --corpus-chats} reads.
 */
class MessageCorpusTableTest {

  @TempDir
  Path dir;

  @Test
  void readsTheHeldOutLayout() throws IOException {
    Path f = write("round.tsv", "# a comment\n"
        + "id\texpect\tcategory\tmin_action_age10\tc_tier\tstyle\ttext\n"
        + "sc001\tharm\tscam\tBLOCK\tyes\tsms\tnạp phí 50k để nhận giải\n"
        + "in001\tinnocent\t-\tALLOW\tno\tnews\tCông an bắt nhóm lừa đảo\n"
        + "in002\tinnocent\t-\tALLOW\tno\tnews\tCông an bắt nhóm lừa đảo\n");
    List<MessageCorpus.Message> m = MessageCorpus.readTable(f, Category.PII);
    assertThat(m).extracting(MessageCorpus.Message::category, MessageCorpus.Message::positive,
        MessageCorpus.Message::style)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Category.SCAM, true, "sms"),
            org.assertj.core.groups.Tuple.tuple(Category.PII, false, "news"));
    // a harm line names its one expected category: the message has that label only
    assertThat(m).extracting(MessageCorpus.Message::only).containsExactly(true, false);
  }

  @Test
  void readsTheCaseLayoutAndLeavesOutWhatItCannotLabel() throws IOException {
    Path f = write("cases.tsv", "# age, expect, category, span, text\n"
        + "10\tBLOCK\tprofanity\tđm\tđm thằng kia\n"
        + "10\tALLOW\t-\t-\tcon chim hót\n"
        + "10\tALLOW\tviolence\tsúng\tbộ đội mang súng tuần tra\n"
        + "18\tALLOW\tsexual\tphim sex\tlink phim sex\n"
        + "10\tWARN\tpii\t0912\tsố mình 0912345678\n"
        + "10\tALLOW\t-\t-\tđánh nhau\n"
        + "14\tWARN\tviolence\tđánh nhau\tđánh nhau\n");
    List<MessageCorpus.Message> m = MessageCorpus.readTable(f, Category.PII);
    assertThat(m).extracting(MessageCorpus.Message::text)
        .containsExactly("đm thằng kia", "con chim hót", "bộ đội mang súng tuần tra");
    assertThat(m.get(0).category()).isEqualTo(Category.PROFANITY);
    assertThat(m.get(2).positive()).isFalse();
    assertThat(m.get(0).only()).isTrue();
  }

  @Test
  void namesTheLineOfAMalformedRow() throws IOException {
    Path f = write("bad.tsv", "id\texpect\tcategory\ttext\nx1\tmaybe\tscam\tsomething\n");
    assertThatThrownBy(() -> MessageCorpus.readTable(f, Category.PII))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.tsv:2");
  }

  @Test
  void readsTheMarkedMessageOfAGroomingChatAndEveryMessageOfAnInnocentOne() throws IOException {
    Path chats = Files.createDirectory(dir.resolve("chats"));
    Files.writeString(chats.resolve("g01.tsv"), "# expect: grooming\n# a stranger\n"
        + "other\tem học lớp mấy\n"
        + "child\tlớp 6 ạ\n"
        + "other\tbật cam riêng cho anh xem, đừng nói mẹ\tintent\n"
        + "child\tdạ\n", StandardCharsets.UTF_8);
    Files.writeString(chats.resolve("i01.tsv"), "# expect: innocent\n# mother\n"
        + "other\tcon học lớp mấy giờ về\n"
        + "child\tdạ\n", StandardCharsets.UTF_8);
    List<MessageCorpus.Message> m = MessageCorpus.readChats(chats, Category.PII);
    assertThat(m).extracting(MessageCorpus.Message::text, MessageCorpus.Message::category,
        MessageCorpus.Message::positive)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("bật cam riêng cho anh xem, đừng nói mẹ",
                Category.GROOMING, true),
            org.assertj.core.groups.Tuple.tuple("con học lớp mấy giờ về", Category.PII, false),
            org.assertj.core.groups.Tuple.tuple("dạ", Category.PII, false));
    // the marked message of a grooming chat may be more than grooming (sexual content of a minor)
    assertThat(m.get(0).only()).isFalse();
  }

  @Test
  void namesTheLineOfAMalformedChat() throws IOException {
    Path chats = Files.createDirectory(dir.resolve("bad"));
    Files.writeString(chats.resolve("g02.tsv"), "# expect: grooming\nstranger\thello\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> MessageCorpus.readChats(chats, Category.PII))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g02.tsv:2");
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }
}
