package vn.lanhmanh.pii;

import java.util.List;

/**
 * Finds a password or a PIN given away: {@code mật khẩu facebook của mình là Mai2013@}, {@code pass wifi: 12345678},
 * {@code mã pin thẻ ATM của ba là 2468}. A trigger word ({@code mật khẩu}, {@code pass}, {@code password},
 * {@code mã pin}, or {@code mk} right before a service name), at most six words naming the account or its owner,
 * {@code là}, {@code :} or {@code =}, then one unbroken run of characters that holds a digit or a symbol (4 to 40
 * characters; a price such as {@code 150k} is none). A rule or a question about passwords ({@code mật khẩu phải có
 * 8 ký tự}, {@code mật khẩu là gì}) gives nothing. Stateless, thread-safe.
 */
final class Secrets {

  private static final int MAX_BETWEEN = 6;

  /** The longest secret read, in characters; a longer unbroken run is no password written to someone. */
  private static final int MAX_CHARS = 40;

  private static final String[] SERVICES = {"fb", "facebook", "face", "zalo", "game", "acc", "nick", "wifi", "tiktok",
      "ig", "insta", "instagram", "gmail", "email", "mail", "roblox", "garena", "steam", "discord", "messenger"};

  private Secrets() {}

  static void find(Scan s, List<PiiMatch> out) {
    for (int t = 0; t < s.tokens; t++) {
      if (s.kind[t] != Scan.WORD) {
        continue;
      }
      int after = trigger(s, t);
      if (after < 0) {
        continue;
      }
      int next = secret(s, t, after, out);
      if (next > t) {
        t = next;
      }
    }
  }

  /** The token after the trigger at t, or -1. */
  private static int trigger(Scan s, int t) {
    if (s.is(t, "mat") && s.is(t + 1, "khau") && s.spaced(t, t + 1)) {
      return t + 2;
    }
    if (s.is(t, "ma") && s.is(t + 1, "pin") && s.spaced(t, t + 1)) {
      return t + 2;
    }
    if (s.is(t, "pass") || s.is(t, "password") || s.is(t, "passwd") || s.is(t, "pw")) {
      return t + 1;
    }
    if (s.is(t, "mk") && t + 1 < s.tokens && service(s, t + 1)) {
      return t + 1;
    }
    return -1;
  }

  private static boolean service(Scan s, int t) {
    for (String w : SERVICES) {
      if (s.is(t, w)) {
        return true;
      }
    }
    return false;
  }

  /** Looks for the separator and the secret after a trigger; returns the last token of a match, or -1. */
  private static int secret(Scan s, int first, int a, List<PiiMatch> out) {
    int words = 0;
    int c = a;
    while (c < s.tokens && !s.lineBreak(c - 1, c)) {
      if (s.isPunct(c, ':') || s.isPunct(c, '=')) {
        c++;
        break;
      }
      if (s.kind[c] == Scan.WORD && s.is(c, "la")) {
        c++;
        if (c < s.tokens && s.isPunct(c, ':')) {
          c++;
        }
        break;
      }
      if (s.kind[c] != Scan.WORD || ++words > MAX_BETWEEN) {
        return -1;
      }
      c++;
    }
    if (c >= s.tokens || s.lineBreak(c - 1, c) || s.isPunct(c, '.') || s.isPunct(c, ',')) {
      return -1;
    }
    // the unbroken run of characters from c, read no further than a secret can be long (so a run of triggers,
    // "pw=pw=pw=…", costs each one a bounded scan)
    int end = c;
    while (end + 1 < s.tokens && s.tight(end, end + 1)) {
      if (s.te[end] - s.ts[c] > MAX_CHARS) {
        return -1;
      }
      end++;
    }
    // trailing sentence punctuation is no part of it
    while (end > c && (s.isPunct(end, '.') || s.isPunct(end, ',') || s.isPunct(end, '!') || s.isPunct(end, '?')
        || s.isPunct(end, ')') || s.isPunct(end, '"'))) {
      end--;
    }
    int chars = s.te[end] - s.ts[c];
    if (chars < 4 || chars > MAX_CHARS) {
      return -1;
    }
    boolean digitOrSymbol = false;
    for (int i = c; i <= end; i++) {
      if (s.kind[i] != Scan.WORD) {
        digitOrSymbol = true;
      }
    }
    if (!digitOrSymbol) {
      return -1;
    }
    Lexicon.Word last = s.word[end];
    if (last != null && last.has(Lexicon.MONEY)) {
      return -1; // a price: 150k, 2tr
    }
    if (end + 1 < s.tokens && s.kind[end] == Scan.NUM && s.word[end + 1] != null
        && s.word[end + 1].has(Lexicon.MONEY)) {
      return -1; // 150 nghìn
    }
    out.add(s.matchTokens(PiiType.PASSWORD, c, end));
    return end;
  }
}
