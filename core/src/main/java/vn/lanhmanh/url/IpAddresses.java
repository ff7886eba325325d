package vn.lanhmanh.url;

/**
 * Parsing and printing of IPv4 and IPv6 host literals, by hand: {@code InetAddress.getByName} would do a
 * DNS lookup for anything that is not a literal.
 *
 * <p>Stateless; thread-safe.
 */
final class IpAddresses {

  private IpAddresses() {}

  /**
   * Parses a host the way {@code inet_aton} does and returns it as dotted decimal, or {@code null} when it
   * is not an IPv4 address. Accepts 1 to 4 dot-separated parts, each decimal, octal (leading {@code 0}) or
   * hex ({@code 0x}); the last part fills the remaining bytes, so {@code 3279880203},
   * {@code 0xc3.0x7f.11} and {@code 0303.0177.0.013} all give {@code 195.127.0.11}. A part that does not
   * fit its bytes makes the host a name, not an address.
   */
  static String ipv4ToDottedDecimal(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && c != 'x' && c != 'X' && PercentCodec.hexValue(c) < 0) {
        return null;   // a part holds a char no number form has: a name, the usual case
      }
    }
    long[] parts = new long[4];
    int count = 0;
    int start = 0;
    for (int i = 0; i <= host.length(); i++) {
      if (i == host.length() || host.charAt(i) == '.') {
        if (count == 4) {
          return null;
        }
        long value = parseIpv4Part(host, start, i);
        if (value < 0) {
          return null;
        }
        parts[count++] = value;
        start = i + 1;
      }
    }
    long address = 0;
    for (int i = 0; i < count - 1; i++) {
      if (parts[i] > 255) {
        return null;
      }
      address |= parts[i] << 8 * (3 - i);
    }
    long last = parts[count - 1];
    if (last >= 1L << 8 * (5 - count)) {
      return null;
    }
    address |= last;
    return (address >> 24) + "." + (address >> 16 & 0xFF) + "." + (address >> 8 & 0xFF) + "." + (address & 0xFF);
  }

  /** One IPv4 part as a number no larger than 2^32 - 1, or -1. */
  private static long parseIpv4Part(String s, int from, int to) {
    if (from == to) {
      return -1;
    }
    int radix = 10;
    if (to - from >= 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
      radix = 16;
      from += 2;
    } else if (to - from >= 2 && s.charAt(from) == '0') {
      radix = 8;
      from += 1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = PercentCodec.hexValue(s.charAt(i));
      if (digit < 0 || digit >= radix) {
        return -1;
      }
      value = value * radix + digit;
      if (value > 0xFFFF_FFFFL) {
        return -1;
      }
    }
    return value;
  }

  /** Whether {@code host} is already four decimal parts 0-255 without leading zeros, as we print them. */
  static boolean isDottedDecimal(String host) {
    int parts = 0;
    int i = 0;
    while (i < host.length()) {
      int start = i;
      int value = 0;
      while (i < host.length() && host.charAt(i) >= '0' && host.charAt(i) <= '9' && i - start < 3) {
        value = value * 10 + host.charAt(i) - '0';
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && host.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i < host.length()) {
        if (host.charAt(i) != '.' || parts == 4) {
          return false;
        }
        i++;
        if (i == host.length()) {
          return false;
        }
      }
    }
    return parts == 4;
  }

  /**
   * Normalises the text inside {@code [...]}: RFC 5952 form (lower-case, no leading zeros, the longest run
   * of two or more zero groups as {@code ::}) wrapped in brackets; an IPv4-mapped address
   * ({@code ::ffff:1.2.3.4}) or a NAT64 one ({@code 64:ff9b::1.2.3.4}) becomes plain dotted decimal, as
   * the Safe Browsing spec asks. Returns {@code null} when it is not an IPv6 address (zone ids included).
   */
  static String canonicalIpv6OrNull(String s) {
    int[] groups = parseIpv6(s);
    if (groups == null) {
      return null;
    }
    boolean mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
        && groups[5] == 0xFFFF;
    boolean nat64 = groups[0] == 0x64 && groups[1] == 0xFF9B && groups[2] == 0 && groups[3] == 0
        && groups[4] == 0 && groups[5] == 0;
    if (mapped || nat64) {
      return (groups[6] >> 8) + "." + (groups[6] & 0xFF) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder(41).append('[');
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 1 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.append(']').toString();
  }

  /** Eight 16-bit groups, or {@code null}. */
  private static int[] parseIpv6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    int[] head = new int[8];
    int[] tail = new int[8];
    int headCount;
    int tailCount;
    if (doubleColon < 0) {
      headCount = parseGroups(s, 0, s.length(), head);
      if (headCount != 8) {
        return null;
      }
      return head;
    }
    headCount = parseGroups(s, 0, doubleColon, head);
    tailCount = parseGroups(s, doubleColon + 2, s.length(), tail);
    if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
      return null;
    }
    int[] groups = new int[8];
    System.arraycopy(head, 0, groups, 0, headCount);
    System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
    return groups;
  }

  /**
   * Parses colon-separated hex groups in {@code s[from, to)} into {@code out}; the last group may be a
   * dotted IPv4 address, which counts as two groups. Returns the number of groups, or -1.
   */
  private static int parseGroups(String s, int from, int to, int[] out) {
    if (from == to) {
      return 0;
    }
    int count = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && s.charAt(i) != ':') {
        continue;
      }
      if (i == start || count == 8) {
        return -1;
      }
      if (i == to && s.indexOf('.', start) >= 0 && s.indexOf('.', start) < to) {
        long v4 = parseStrictIpv4(s, start, to);
        if (v4 < 0 || count > 6) {
          return -1;
        }
        out[count++] = (int) (v4 >>> 16);
        out[count++] = (int) (v4 & 0xFFFF);
        return count;
      }
      if (i - start > 4) {
        return -1;
      }
      int value = 0;
      for (int k = start; k < i; k++) {
        int digit = PercentCodec.hexValue(s.charAt(k));
        if (digit < 0) {
          return -1;
        }
        value = value << 4 | digit;
      }
      out[count++] = value;
      start = i + 1;
    }
    return count;
  }

  /** Four decimal parts 0-255 as a 32-bit number, or -1. */
  private static long parseStrictIpv4(String s, int from, int to) {
    String part = s.substring(from, to);
    if (!isDottedDecimal(part)) {
      return -1;
    }
    long value = 0;
    int octet = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '.') {
        value = value << 8 | octet;
        octet = 0;
      } else {
        octet = octet * 10 + c - '0';
      }
    }
    return value << 8 | octet;
  }
}
