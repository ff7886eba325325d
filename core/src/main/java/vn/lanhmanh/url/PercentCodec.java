package vn.lanhmanh.url;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-level percent-decoding and -encoding for URL components. URLs are percent-encoded UTF-8, so a
 * component is first turned into UTF-8 bytes, decoded, worked on, and escaped again.
 *
 * <p>Stateless; thread-safe.
 */
final class PercentCodec {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /**
   * UTF-8 bytes of {@code s[from, to)}. An unpaired surrogate becomes U+FFFD, as {@code String.getBytes}
   * would do, but without copying the substring first.
   */
  static byte[] utf8(String s, int from, int to) {
    byte[] out = new byte[(to - from) * 3];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | c >> 6);
        out[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out[n++] = (byte) (0xF0 | cp >> 18);
        out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
        out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | cp & 0x3F);
      } else {
        char ch = Character.isSurrogate(c) ? '\uFFFD' : c;
        out[n++] = (byte) (0xE0 | ch >> 12);
        out[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | ch & 0x3F);
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Percent-decodes {@code buf[0, len)} in place until no {@code %XY} escape is left, and returns the new
   * length. Decoding once more would change nothing, which is what "repeatedly unescape until stable"
   * asks, but in one linear pass: the output is kept as a stack, and each time its top three bytes form
   * an escape they are replaced by the byte they stand for, which may complete an older escape
   * ({@code %25%32%35} gives {@code %25} gives {@code %}). A {@code %} not followed by two hex digits is
   * kept as a literal.
   */
  static int unescapeFully(byte[] buf, int len) {
    int top = 0;
    for (int i = 0; i < len; i++) {
      buf[top++] = buf[i];
      while (top >= 3 && buf[top - 3] == '%' && hexValue(buf[top - 2]) >= 0 && hexValue(buf[top - 1]) >= 0) {
        buf[top - 3] = (byte) (hexValue(buf[top - 2]) << 4 | hexValue(buf[top - 1]));
        top -= 2;
      }
    }
    return top;
  }

  /** Whether {@code s} holds a {@code %XY} escape that {@link #unescapeFully} would decode. */
  static boolean hasEscape(CharSequence s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      if (s.charAt(i) == '%' && hexValue(s.charAt(i + 1)) >= 0 && hexValue(s.charAt(i + 2)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Appends {@code bytes[0, len)} to {@code out}, escaping as {@code %XY} (upper-case hex) every byte
   * {@code <= 0x20}, every byte {@code >= 0x7F}, and every ASCII byte in {@code alsoEscape}.
   */
  static void escape(byte[] bytes, int len, String alsoEscape, StringBuilder out) {
    for (int i = 0; i < len; i++) {
      int b = bytes[i] & 0xFF;
      if (b <= 0x20 || b >= 0x7F || alsoEscape.indexOf(b) >= 0) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      } else {
        out.append((char) b);
      }
    }
  }

  /**
   * Decodes {@code bytes[0, len)} as strict UTF-8, or returns {@code null} when they are not valid UTF-8
   * (a lone {@code %80}, a truncated sequence, an overlong form).
   */
  static String decodeUtf8OrNull(byte[] bytes, int len) {
    String s = new String(bytes, 0, len, StandardCharsets.UTF_8);
    // The JDK decoder replaces bad input with U+FFFD; valid input, and only valid input, round-trips.
    byte[] again = s.getBytes(StandardCharsets.UTF_8);
    return samePrefix(again, bytes, len) ? s : null;
  }

  /** {@code a} equals the first {@code len} bytes of {@code b} (a loop: the ranged Arrays.equals is Java 9+). */
  private static boolean samePrefix(byte[] a, byte[] b, int len) {
    if (a.length != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  static int hexValue(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
