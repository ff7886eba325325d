package vn.lanhmanh.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * Reads a fuzzer's bytes as test input, so that a seed file can be plain UTF-8 text.
 *
 * <p>{@link #text(byte[])} reads bytes as UTF-8 (malformed sequences become U+FFFD), or, after a leading
 * {@code 0xFF} byte (which UTF-8 never uses), as raw UTF-16BE code units, so lone surrogates and any
 * other {@code char} can be reached too. A cursor ({@link #FuzzInput(byte[])}) reads small choices one byte
 * at a time, giving 0 once the bytes are used up, so every input, the empty one included, is valid.
 */
public final class FuzzInput {

  private final byte[] data;
  private int pos;

  public FuzzInput(byte[] data) {
    this.data = data;
  }

  /** The whole input as text (see the class comment). */
  public static String text(byte[] data) {
    return text(data, 0);
  }

  private static String text(byte[] data, int from) {
    if (from < data.length && data[from] == (byte) 0xFF) {
      int n = (data.length - from - 1) / 2;
      char[] chars = new char[n];
      for (int i = 0; i < n; i++) {
        int at = from + 1 + 2 * i;
        chars[i] = (char) (((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF));
      }
      return new String(chars);
    }
    return new String(data, from, data.length - from, StandardCharsets.UTF_8);
  }

  /** A choice in {@code [0, bound)} from the next byte, or 0 when there is none. */
  public int choose(int bound) {
    return pos < data.length ? (data[pos++] & 0xFF) % bound : 0;
  }

  /** Whether bytes are left. */
  public boolean hasMore() {
    return pos < data.length;
  }

  /** The bytes not read yet, as {@link #text(byte[])} reads them; uses them up. */
  public String rest() {
    String s = text(data, Math.min(pos, data.length));
    pos = data.length;
    return s;
  }
}
