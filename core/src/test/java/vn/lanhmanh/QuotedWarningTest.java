package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@link QuotedWarning} finds a text's quotations and whether a span lies inside one. */
class QuotedWarningTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // text | quotations as open:close pairs
      "`a \"b\" c`                 | 2:4",
      "`\"x\" and \"y\"`           | 0:2 8:10",
      "`unclosed \" quote`         | ``",
      "`“curly” «angle»`           | 0:6 8:14",
      "`” closes nothing “`        | ``",
      "`no quotes`                 | ``",
      "`\"a “b” c\"`               | 3:5 0:8",
      "`a 'b c' d`                 | 2:6",
      "`don't 'x' it's`            | 6:8",
      "`‘curly’ single`            | 0:6",
      "`students' 'work`           | ``",
  })
  void quotations(String text, String expected) {
    int[] q = QuotedWarning.quotations(text);
    StringBuilder got = new StringBuilder();
    for (int k = 0; k < q.length; k += 2) {
      got.append(got.length() > 0 ? " " : "").append(q[k]).append(':').append(q[k + 1]);
    }
    assertThat(got.toString()).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest
  @CsvSource({
      // start, end, inside "ab "cdef" gh" (quote at 3 and 8)
      "4, 8, true",
      "5, 7, true",
      "3, 8, false",
      "4, 9, false",
      "0, 2, false",
  })
  void inside(int start, int end, boolean expected) {
    assertThat(QuotedWarning.quotationOf(QuotedWarning.quotations("ab \"cdef\" gh"), start, end) >= 0)
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // a quotation's text | whether a reader could act on it
      "`bạn trúng thưởng, vui lòng đóng phí 300k` | false",
      "`đóng phí 1.200.000đ để nhận hàng`          | false",
      "`đóng phí qua link giaohang-nhanh.click`    | true",
      "`vào http://abc để nhận quà`                | true",
      "`vào www.abc để nhận quà`                   | true",
      "`chuyển vào STK 0123 4567 89`               | true",
      "`gọi 0912.345.678 ngay`                     | true",
      "`hết hạn. Vui lòng cập nhật`                | false",
  })
  void actionable(String quoted, boolean expected) {
    String t = "\"" + quoted + "\"";
    assertThat(QuotedWarning.actionable(t, 0, t.length() - 1)).isEqualTo(expected);
  }

  @Property
  void quotationsArePairedInOrderAndWithinTheText(@ForAll String text) {
    int[] q = QuotedWarning.quotations(text);
    assertThat(q.length % 2).isZero();
    for (int k = 0; k < q.length; k += 2) {
      assertThat(q[k]).isGreaterThanOrEqualTo(0).isLessThan(q[k + 1]);
      assertThat(q[k + 1]).isLessThan(text.length());
    }
  }
}
