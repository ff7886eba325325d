package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ScoreStage#webAddressOrNumber} and {@link ScoreStage#webAddressOrNumberBesideEmail}: web addresses,
 * long numbers and masked account numbers, with and without e-mail addresses around them. The e-mail check is
 * also held to the reading it replaced, the text with its e-mail addresses blanked.
 */
class WebAddressOrNumberTest {

  @ParameterizedTest(name = "[{0}] -> any {1}, beside e-mail {2}, masked {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      mật khẩu của em là abc123                         | false | false | false
      ""                                                | false | false | false
      vào shopee-hoantien.com nhận tiền                 | true  | true  | false
      xem http://x.vn nha                               | true  | true  | false
      xem WWW.abc nha                                   | true  | true  | false
      số em là 0912 345 678                             | true  | true  | false
      số em là 0912.345.678                             | true  | true  | false
      số em là 0912-345-678                             | true  | true  | false
      mã 12345678 thôi                                  | false | false | false
      gọi 0912 34 nha                                   | false | false | false
      stk 0451****789 của lớp                           | false | false | true
      stk 0451****789, xem lop4c.edu.vn                 | true  | true  | true
      gmail của em là be.na@gmail.com nha               | true  | false | false
      mail em@abc.vn, pass 123456                       | true  | false | false
      @                                                 | false | false | false
      be.na@gmail.com                                   | true  | false | false
      be.na@gmail.com vào shopee-hoantien.com           | true  | true  | false
      mail: x@y.com số 0912 345 678                     | true  | true  | false
      số 0912 345 678 mail: x@y.com                     | true  | true  | false
      số 0912 3456@x.com                                | true  | false | false
      số 0912345 67@x.com                               | true  | false | false
      0912345678@gmail.com                              | true  | false | false
      x@y.com 0912 345 678                              | true  | true  | false
      0912345 6@b 78                                    | false | false | false
      "a@b\t0912 345 678"                               | true  | true  | false
      "mail a@b\twww.x"                                 | true  | true  | false
      "0912 345\ta@b.vn"                                | true  | false | false
      stk 0451****789 mail a@b.vn                       | true  | false | true
      httpx@y                                           | true  | false | false
      a@b.com.vn.http                                   | true  | false | false
      """)
  void readsAddressesNumbersAndMaskedAccounts(String text, boolean any, boolean besideEmail, boolean masked) {
    assertThat(ScoreStage.webAddressOrNumber(text)).isEqualTo(any);
    assertThat(ScoreStage.webAddressOrNumberBesideEmail(text)).isEqualTo(besideEmail);
    assertThat(ScoreStage.webAddressOrNumberBesideEmail(text))
        .isEqualTo(ScoreStage.webAddressOrNumber(blanked(text)));
    assertThat(ScoreStage.maskedAccountNumber(text)).isEqualTo(masked);
  }

  /** The text with every run of non-space characters holding {@code @} written over with spaces. */
  private static String blanked(String text) {
    StringBuilder b = new StringBuilder(text);
    int i = 0;
    while (i < b.length()) {
      while (i < b.length() && Character.isWhitespace(b.charAt(i))) {
        i++;
      }
      int start = i;
      boolean at = false;
      while (i < b.length() && !Character.isWhitespace(b.charAt(i))) {
        at |= b.charAt(i) == '@';
        i++;
      }
      if (at) {
        for (int k = start; k < i; k++) {
          b.setCharAt(k, ' ');
        }
      }
    }
    return b.toString();
  }
}
