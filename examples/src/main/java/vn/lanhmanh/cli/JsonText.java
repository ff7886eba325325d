package vn.lanhmanh.cli;

/**
 * Appends JSON values to a {@link StringBuilder} exactly as the tool's Jackson generator ({@link Json}) writes
 * them: strings with {@code "} and {@code \} escaped, the control characters below U+0020 as {@code \b \t \n
 * \f \r} or {@code \}{@code u00XX} (upper-case hex), every other character as it is (non-ASCII letters, lone
 * surrogates); numbers rounded as the verdict contract rounds them, in {@link Double#toString(double)}'s
 * digits. For the verdict lines of the batch and conversation contracts, which are many and long (a high-risk
 * chat message's line is about 1,200 chars): no generator, no per-line buffer, the usual numbers' digits
 * kept. Stateless; the caches are filled on first use and safe to share (their strings are immutable).
 */
final class JsonText {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** {@code Double.toString(k / 1000.0)} for k = 0..1000, filled as met: risks and weights. */
  private static final String[] THOUSANDTHS = new String[1001];
  /** {@code Double.toString(k / 10000.0)} for k = 0..10000, filled as met: scores. */
  private static final String[] TEN_THOUSANDTHS = new String[10001];

  private JsonText() {}

  /** A JSON string, or {@code null}. */
  static void string(StringBuilder b, String s) {
    if (s == null) {
      b.append("null");
      return;
    }
    b.append('"');
    int from = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        b.append(s, from, i);
        escape(b, c);
        from = i + 1;
      }
    }
    if (from == 0) {
      b.append(s);   // the usual case: nothing to escape, one copy
    } else {
      b.append(s, from, s.length());
    }
    b.append('"');
  }

  private static void escape(StringBuilder b, char c) {
    switch (c) {
      case '"' -> b.append("\\\"");
      case '\\' -> b.append("\\\\");
      case '\b' -> b.append("\\b");
      case '\t' -> b.append("\\t");
      case '\n' -> b.append("\\n");
      case '\f' -> b.append("\\f");
      case '\r' -> b.append("\\r");
      default -> b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
  }

  /** {@code "name":} for a name that needs no escape (the contract's own field names). */
  static void name(StringBuilder b, String name) {
    b.append('"').append(name).append("\":");
  }

  /** {@code x} rounded to 3 decimals ({@code Math.round(x * 1000) / 1000.0}), as a JSON number. */
  static void round3(StringBuilder b, double x) {
    long k = Math.round(x * 1000.0);
    b.append(decimal(THOUSANDTHS, k, 1000.0));
  }

  /** {@code x} rounded to 4 decimals ({@code Math.round(x * 10000) / 10000.0}), as a JSON number. */
  static void round4(StringBuilder b, double x) {
    long k = Math.round(x * 10_000);
    b.append(decimal(TEN_THOUSANDTHS, k, 10_000.0));
  }

  private static String decimal(String[] cache, long k, double scale) {
    if (k < 0 || k >= cache.length) {
      return Double.toString(k / scale);
    }
    String s = cache[(int) k];
    if (s == null) {
      s = Double.toString(k / scale);
      cache[(int) k] = s;   // a race writes the same digits twice
    }
    return s;
  }
}
