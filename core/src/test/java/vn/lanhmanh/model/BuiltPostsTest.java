package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;

/** The long posts {@code lanhmanh train --built-posts} adds to the classifiers' training and development parts. */
class BuiltPostsTest {

  private static final List<MessageCorpus.Message> FILLERS = List.of(
      filler("Hôm nay trời mưa to quá"), filler("Đội tuyển thắng 2-0 tối qua."),
      filler("Mẹ nấu canh chua ngon lắm!"), filler("Thư viện mở cửa đến 5 giờ chiều"),
      filler("Lớp mình đi tham quan bảo tàng"), filler("Giá xăng tăng nhẹ từ chiều nay."));

  private static List<MessageCorpus.Message> messages(int n) {
    List<MessageCorpus.Message> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = i % 2 == 0;
      out.add(new MessageCorpus.Message("m" + i, Category.SELF_HARM, positive, "chat",
          positive ? "mình muốn biến mất khỏi thế giới này " + i : "bài học về sức khoẻ tinh thần " + i,
          i % 3 == 0));
    }
    return out;
  }

  private static MessageCorpus.Message filler(String text) {
    return new MessageCorpus.Message("ordinary", Category.PII, false, "comment", text);
  }

  @Test
  void aPostHoldsItsMessageWholeAmongOrdinarySentencesAndKeepsItsLabel() {
    List<MessageCorpus.Message> in = messages(200);
    List<MessageCorpus.Message> posts = BuiltPosts.build(in, FILLERS, 0.5, 7);
    assertThat(posts).hasSizeBetween(70, 130);
    for (MessageCorpus.Message p : posts) {
      MessageCorpus.Message m = in.stream().filter(x -> p.id().equals("built:" + x.id())).findFirst().orElseThrow();
      assertThat(p.text()).contains(m.text());
      assertThat(p.category()).isEqualTo(m.category());
      assertThat(p.positive()).isEqualTo(m.positive());
      assertThat(p.only()).isEqualTo(m.only());
      assertThat(p.style()).isEqualTo("long");
      String rest = p.text().replace(m.text(), "");
      int sentences = 0;
      for (MessageCorpus.Message f : FILLERS) {
        String t = f.text();
        for (int at = rest.indexOf(t); at >= 0; at = rest.indexOf(t, at + 1)) {
          sentences++;
        }
      }
      assertThat(sentences).isBetween(BuiltPosts.MIN_FILLERS, BuiltPosts.MAX_FILLERS);
    }
  }

  @Test
  void theSameSeedBuildsTheSamePostsAndAnotherSeedOthers() {
    List<MessageCorpus.Message> in = messages(100);
    assertThat(BuiltPosts.build(in, FILLERS, 0.3, 5)).isEqualTo(BuiltPosts.build(in, FILLERS, 0.3, 5));
    assertThat(BuiltPosts.build(in, FILLERS, 0.3, 5)).isNotEqualTo(BuiltPosts.build(in, FILLERS, 0.3, 6));
  }

  @Test
  void sentencesAreJoinedWithOneSpaceAndEndedWhenTheyDoNotEnd() {
    StringBuilder b = new StringBuilder();
    BuiltPosts.append(b, "  một câu không dấu chấm ");
    BuiltPosts.append(b, "câu có dấu hỏi?");
    BuiltPosts.append(b, "   ");
    BuiltPosts.append(b, "câu cuối 😢");
    assertThat(b.toString()).isEqualTo("một câu không dấu chấm. câu có dấu hỏi? câu cuối 😢");
  }

  @Test
  void noShareBuildsNothingAndABadShareOrTooFewFillersAreRefused() {
    assertThat(BuiltPosts.build(messages(10), FILLERS, 0, 1)).isEmpty();
    assertThatThrownBy(() -> BuiltPosts.build(messages(10), FILLERS, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> BuiltPosts.build(messages(10), FILLERS, Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BuiltPosts.build(messages(10), FILLERS.subList(0, 2), 0.5, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ordinary comments");
  }

  @Property(tries = 50)
  void aShareOfOneBuildsAPostForEveryMessage(@ForAll @DoubleRange(min = 0.0, max = 1.0) double share) {
    List<MessageCorpus.Message> in = messages(40);
    List<MessageCorpus.Message> all = BuiltPosts.build(in, FILLERS, 1.0, (long) (share * 1000));
    assertThat(all).hasSize(40);
    // any share: at most one post per message, in the messages' order
    List<String> ids = BuiltPosts.build(in, FILLERS, share, 3).stream().map(MessageCorpus.Message::id).toList();
    List<String> inOrder = in.stream().map(m -> "built:" + m.id()).filter(ids::contains).toList();
    assertThat(ids).doesNotHaveDuplicates().isEqualTo(inOrder);
  }
}
