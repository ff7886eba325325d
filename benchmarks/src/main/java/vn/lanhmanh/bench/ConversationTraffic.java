package vn.lanhmanh.bench;

import java.time.Instant;
import java.util.List;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;

/** Chat traffic for the conversation-monitor benchmark and memory report. */
final class ConversationTraffic {

  /**
   * Lines that each show one grooming stage (rapport, age, school, address, parents, secrecy,
   * channel, gifts, photos, meeting), written for this benchmark.
   */
  static final List<String> STAGE_LINES = List.of(
      "em xinh quá, nói chuyện với em vui ghê",
      "em bao nhiêu tuổi rồi",
      "em học trường nào thế",
      "nhà em ở đâu vậy",
      "bố mẹ em có nhà không",
      "nhớ xóa tin nhắn nhé, đừng nói với ai",
      "mình qua zalo nói chuyện nhé",
      "anh nạp thẻ game cho em nhé",
      "gửi ảnh cho anh xem đi",
      "mai mình gặp nhau nhé, anh qua đón em");

  private static final List<String> INNOCENT = List.of(
      "mẹ ơi con đi học về rồi", "tối nay ăn cơm lúc mấy giờ ạ", "con làm xong bài tập toán rồi",
      "cuối tuần cả nhà mình đi chơi công viên nhé", "con chúc mẹ ngủ ngon");

  private ConversationTraffic() {}

  /**
   * The chat lines as messages one second apart, every tenth one replaced by a stage line; odd
   * messages from the child, even ones from the other party.
   */
  static Message[] messages(List<String> chat, Instant start) {
    Message[] out = new Message[chat.size()];
    for (int i = 0; i < out.length; i++) {
      String text = i % 10 == 9 ? STAGE_LINES.get(i / 10 % STAGE_LINES.size()) : chat.get(i);
      Message.Sender sender = i % 2 == 1 ? Message.Sender.CHILD : Message.Sender.OTHER;
      out[i] = new Message("m" + i, sender, text, start.plusSeconds(i));
    }
    return out;
  }

  /** Fails unless a scripted grooming chat reaches high risk and an innocent family chat stays low. */
  static void checkMonitor(ContentFilter filter, Policy policy) {
    double grooming = play(filter.conversation("check-grooming"), STAGE_LINES, policy);
    double innocent = play(filter.conversation("check-innocent"), INNOCENT, policy);
    if (grooming < 0.7 || innocent >= 0.25) {
      throw new IllegalStateException("conversation monitor check failed: grooming risk " + grooming
          + " (expected >= 0.7), innocent risk " + innocent + " (expected < 0.25)");
    }
  }

  private static double play(Conversation c, List<String> lines, Policy policy) {
    ConversationVerdict last = null;
    Instant t = Instant.parse("2026-01-01T07:00:00Z");
    for (int i = 0; i < lines.size(); i++) {
      last = c.check(new Message("s" + i, Message.Sender.OTHER, lines.get(i), t.plusSeconds(i)), policy);
    }
    return last.risk();
  }
}
