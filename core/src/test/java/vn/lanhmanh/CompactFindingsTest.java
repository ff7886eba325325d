package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.score.Scorer;

/**
 * A text dense with findings keeps them as columns of primitives ({@code FindingList}) from {@link
 * Scorer#COMPACT_FROM} findings on; every other text keeps a {@link Finding} object each. The two paths must
 * give the same verdict, to the last field (action, tier, findings listed, masked text, help, notes, scores), on
 * any text: a filter that takes the compact path from the first finding is compared with one that never takes
 * it, on generated texts of insults, threats, grooming, self-harm and sexual phrases, personal information,
 * look-alikes and plain sentences, for children and adults, read and written, as texts and as a conversation's
 * messages.
 */
class CompactFindingsTest {

  /** One filter that never takes the compact path, one that takes it from the first finding (never closed). */
  private static final class Filters {
    static final ContentFilter FULL = ContentFilter.builder().compactFindingsFrom(Integer.MAX_VALUE).build();
    static final ContentFilter COMPACT = ContentFilter.builder().compactFindingsFrom(1).build();
  }

  private static final ContentFilter full = Filters.FULL;
  private static final ContentFilter compact = Filters.COMPACT;

  /** Pieces of text: harm of every category the lexicon, the compositions and the classifiers read, and none. */
  private static final List<String> PIECES = List.of(
      "đm", "đm thằng ngu", "vcl", "địt mẹ mày", "dm may", "con chó", "mày", "thằng kia", "đồ óc chó",
      "tao sẽ giết mày", "mai ra cổng trường tao đánh chết mày", "mang dao theo", "đánh hội đồng nó",
      "em bao nhiêu tuổi", "gửi ảnh không mặc áo cho anh", "đừng nói với bố mẹ nhé", "anh tặng em skin",
      "mai gặp ngoài đời", "chú thương cháu", "tao muốn chết", "tự tử", "rạch tay", "uống hết lọ thuốc",
      "nhảy cầu", "mình chán sống lắm", "phim sex", "clip nóng học sinh", "bé gái lớp 5 tắm", "lồn", "cặc",
      "bán ma túy ib", "cỏ mỹ giá rẻ", "cá độ bóng đá", "nhà cái uy tín", "chuyển khoản 500k nhận thưởng",
      "mật khẩu tài khoản", "số của mình 0912 345 678", "nhà em ở 12 Lê Lợi", "lớp 4C trường Kim Đồng",
      "phòng chống xâm hại trẻ em", "công an bắt vụ ma túy", "các bạn ơi đi học thôi", "hôm nay trời đẹp",
      "con mèo nhà em rất ngoan", "fuck", "shit", "wtf", "dit me", "d.m", "đ*o", "vãi", "mẹ nó chứ",
      "cô giáo dạy toán", "học sinh đánh nhau sẽ bị kỷ luật", "mẹ ơi có chú lạ nhắn bảo con gửi ảnh");

  private static final List<String> SEPARATORS = List.of(". ", ", ", " ", "! ", "\n", "? ", " - ", ".\n\n");

  @Provide
  Arbitrary<String> denseTexts() {
    Arbitrary<String> piece = Arbitraries.of(PIECES);
    Arbitrary<String> sep = Arbitraries.of(SEPARATORS);
    Arbitrary<String> part = net.jqwik.api.Combinators.combine(piece, sep).as((p, s) -> p + s);
    return part.list().ofMinSize(0).ofMaxSize(160).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<Policy> policies() {
    return Arbitraries.of(Policy.forAge(8), Policy.forAge(10), Policy.forAge(13), Policy.forAge(16),
        Policy.forAge(18), Policy.forAge(10).outgoing(), Policy.forAge(16).outgoing());
  }

  @Property(tries = 300)
  void theCompactPathGivesTheVerdictOfTheFullPath(@ForAll("denseTexts") String text,
      @ForAll("policies") Policy policy) {
    Verdict a = full.checkText(text, policy);
    Verdict b = compact.checkText(text, policy);
    assertThat(b).isEqualTo(a);
    assertThat(b.redacted()).isEqualTo(a.redacted());
    assertThat(b.scores()).isEqualTo(a.scores());
  }

  @Property(tries = 60)
  void theCompactPathGivesTheVerdictOfTheFullPathInAConversation(@ForAll("denseTexts") String text,
      @ForAll boolean fromChild) {
    Message.Sender sender = fromChild ? Message.Sender.CHILD : Message.Sender.OTHER;
    Message m = new Message("m1", sender, text, Instant.parse("2026-01-01T10:00:00Z"));
    ConversationVerdict a = full.conversation("c-" + text.hashCode()).check(m, Policy.forAge(10));
    ConversationVerdict b = compact.conversation("c-" + text.hashCode()).check(m, Policy.forAge(10));
    assertThat(b.toString()).isEqualTo(a.toString());
  }

  /** Thousands of findings of every kind: the capped verdict, its masked text and its count of the rest. */
  @Test
  void aLongDenseTextGetsTheSameVerdictOnBothPaths() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < 200_000; i++) {
      b.append(PIECES.get(i * 7 % PIECES.size())).append(SEPARATORS.get(i % SEPARATORS.size()));
    }
    String text = b.toString();
    for (Policy policy : List.of(Policy.forAge(10), Policy.forAge(18), Policy.forAge(13).outgoing())) {
      Verdict a = full.checkText(text, policy);
      Verdict c = compact.checkText(text, policy);
      assertThat(a.notes()).anyMatch(n -> n.startsWith("findings capped: "));
      assertThat(c).isEqualTo(a);
    }
    // the default filter's own threshold takes the compact path for this text
    Verdict shared = DefaultFilter.shared().checkText(text, Policy.forAge(10));
    assertThat(shared).isEqualTo(full.checkText(text, Policy.forAge(10)));
  }
}
