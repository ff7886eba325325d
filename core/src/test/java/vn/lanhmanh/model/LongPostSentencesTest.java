package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.DefaultFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * A text of three sentences or more is also read by the message classifiers sentence by sentence
 * ({@code ScoreStage.windowScores}, docs/ENGINE.md, "Decisions of the fiftieth round (long posts)"): one
 * harmful sentence among everyday ones is diluted in the whole text's score, and its own score, at the
 * category's threshold, makes the finding. Any register in the text keeps out the sentence scores of
 * self-harm and grooming and of the categories no register lists; for the others, a register that lists
 * the category. A sentence's self-harm score counts only where the sentence names a concrete sign (means,
 * an injury, a jump, vanishing, a farewell), its grooming score only where it names a sign of grooming. Every
 * line here is written for this test.
 */
class LongPostSentencesTest {

  private static final ContentFilter FILTER = DefaultFilter.shared();

  /** Harm told in one sentence of a post about something else: caught by that sentence's score. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Tối qua cả xóm kéo nhau ra quán nước xem bóng đá. Trận chung kết tối nay tụi mình góp mỗi đứa một trăm, đội nào thua thì chuyển hết cho đứa đoán đúng. Ông chủ quán còn mời mọi người ăn lạc rang. Về nhà thì đã gần nửa đêm. | gambling
      Đội bóng rổ của trường mới có đồng phục mới màu xanh. Tối nay vào web của anh đặt cược trận bán kết, nạp lần đầu được tặng thêm gấp đôi. Thứ hai cả đội tập lúc năm giờ chiều. Nhớ mang nước uống. | gambling
      Tuần này cả lớp đi tham quan bảo tàng. Con Ngân lớp mình nhìn như con khỉ đột, đi đâu cũng hôi rình, ai đứng gần nó chắc ói luôn. Chiều về tụi mình ghé ăn kem. Thứ hai học bù môn Lý. | harassment
      Sinh nhật mình năm nay được bố tặng xe đạp. Em gái lớp 5 dễ thương quá, tối nay anh muốn được ngủ chung với em, em qua phòng anh nhé. Chiều nay mình tập đá cầu. Mai mình đi học sớm. | grooming
      """)
  void oneHarmfulSentenceAmongEverydayOnes(String text, String category) {
    Verdict v = FILTER.checkText(text, Policy.forAge(10));
    Category c = Category.fromJsonName(category);
    assertThat(v.action()).as(text).isEqualTo(Action.BLOCK);
    assertThat(v.findings()).as(text)
        .anyMatch(f -> f.category() == c && f.rule().equals(ScoreStage.CLASSIFIER_RULE_PREFIX + category));
    // the finding covers the harmful sentence (the second of four here), not the whole post
    assertThat(v.findings()).as(text)
        .filteredOn(f -> f.rule().equals(ScoreStage.CLASSIFIER_RULE_PREFIX + category))
        .allSatisfy(f -> {
          assertThat(f.start()).isPositive();
          assertThat(f.end()).isLessThan(text.length());
          assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
        });
  }

  /**
   * Everyday posts, a sad line in a story that ends well (no sign of self-harm in it), a police warning that
   * quotes a betting site's bait (a register that lists gambling), a lesson that quotes a lure: not flagged,
   * though some of their sentences alone are ({@link #sentencesAloneAreFlagged}).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Công an phường vừa gửi thông báo tới các trường học. Gần đây có nhiều trang web mời học sinh đặt cược các trận bóng đá, hứa nạp lần đầu được tặng gấp đôi. Đây là hành vi đánh bạc trái pháp luật. Phụ huynh hãy nhắc nhở con em không tham gia.
      Nhật ký ngày thứ ba của kỳ nghỉ hè. Sáng mình dậy sớm tưới cây cho bà ngoại. Mình chán mọi thứ lắm, chẳng ai hiểu mình cả. Chiều bà dạy mình làm bánh chuối, ngon tuyệt. Tối cả nhà ngồi xem phim và cười rất nhiều.
      Trưa nay mẹ nấu món cá kho tộ, cả nhà ăn hết ba nồi cơm. Chiều mình ra sân đá bóng với mấy đứa hàng xóm. Mình thấy buồn vì bị điểm kém môn Anh, cảm giác chẳng ai hiểu mình. Tối bố ngồi giảng lại bài cho mình, giờ thì mình hiểu rồi.
      Bài học hôm nay là về an toàn trên mạng. Kẻ xấu thường dụ trẻ em bằng câu như "em gửi mã số trong tin nhắn cho anh là được tặng kim cương". Tuyệt đối không gửi mã cho bất kỳ ai. Nếu gặp chuyện lạ, hãy kể ngay với bố mẹ hoặc thầy cô.
      Tháng này câu lạc bộ cờ vua của trường có giải đấu. Thầy dặn các bạn tập trung ở phòng truyền thống lúc bảy giờ. Ai thắng vòng loại sẽ được đi thi cấp quận. Phụ huynh có thể vào xem và cổ vũ.
      Thông báo của nhà trường về kỳ nghỉ Tết. Học sinh nghỉ từ ngày 25 tháng Chạp đến hết mùng 6. Phụ huynh lưu ý nhắc con không đốt pháo và không chơi gần ao hồ. Chúc các gia đình năm mới an khang.
      Đội bóng rổ của trường mới có đồng phục mới màu xanh. Thầy thể dục nói trận bán kết tối nay rất quan trọng, cả trường sẽ đến cổ vũ. Thứ hai cả đội tập lúc năm giờ chiều. Nhớ mang nước uống.
      """)
  void innocentLongPostsStayAllowed(String text) {
    assertThat(FILTER.checkText(text, Policy.forAge(10)).action()).as(text).isEqualTo(Action.ALLOW);
  }

  /** The sentences the innocent posts above hold, read alone: flagged, so the posts test the registers and signs. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Gần đây có nhiều trang web mời học sinh đặt cược các trận bóng đá, hứa nạp lần đầu được tặng gấp đôi.
      Mình chán mọi thứ lắm, chẳng ai hiểu mình cả.
      Mình thấy buồn vì bị điểm kém môn Anh, cảm giác chẳng ai hiểu mình.
      """)
  void sentencesAloneAreFlagged(String sentence) {
    assertThat(FILTER.checkText(sentence, Policy.forAge(10)).action()).as(sentence).isNotEqualTo(Action.ALLOW);
  }

  /**
   * Fewer than three sentences are read whole only, as before: the betting sentence after one everyday
   * sentence, or the whole post of the first table written as one sentence with commas, is diluted (a limit,
   * kept: a quoted line and its speaker, a chat message in two parts, are not split).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Tối qua cả xóm kéo nhau ra quán nước xem bóng đá. Trận chung kết tối nay tụi mình góp mỗi đứa một trăm, đội nào thua thì chuyển hết cho đứa đoán đúng.
      Tối qua cả xóm kéo nhau ra quán nước xem bóng đá, trận chung kết tối nay tụi mình góp mỗi đứa một trăm, đội nào thua thì chuyển hết cho đứa đoán đúng, ông chủ quán còn mời mọi người ăn lạc rang, về nhà thì đã gần nửa đêm.
      """)
  void fewerThanThreeSentencesAreReadWhole(String text) {
    Verdict v = FILTER.checkText(text, Policy.forAge(10));
    assertThat(v.findings()).as(text).noneMatch(f -> f.rule().startsWith(ScoreStage.CLASSIFIER_RULE_PREFIX));
  }
}
