package vn.lanhmanh.pii;

import java.util.List;

/**
 * Finds numbers that are private information: mobile and landline numbers (digits, words, or both),
 * citizen IDs, old ID cards and bank accounts. Digit groups joined by blanks or by one tight dot or dash
 * form a chain; each chain is read left to right, taking the longest run of groups that forms a number,
 * and a run may only begin or end inside a chain at a blank. Stateless, thread-safe.
 *
 * <p>Decision: a valid mobile number is reported even after {@code mã đơn hàng} (order code). Shops do
 * not use the mobile numbering plan for order codes, and a stranger could otherwise hide a number behind
 * "mã đơn"; a wrongly masked order code costs less than a leaked child's number.
 */
final class Numbers {

  private static final int MAX_DIGITS = 19;
  private static final int CONTEXT_BACK = 6;
  private static final int CONTEXT_AHEAD = 3;

  private static final boolean[] PROVINCE = new boolean[100];

  static {
    int[] codes = {1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35,
        36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75,
        77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96};
    for (int c : codes) {
      PROVINCE[c] = true;
    }
  }

  private Numbers() {}

  /** The fewest digits any number this scanner reports has (see {@link #classify}). */
  private static final int MIN_DIGITS = 6;

  static void find(Scan s, List<PiiMatch> out) {
    if (s.digitCount() < MIN_DIGITS) {
      return; // the whole text holds too few digits, in figures or words, for any number
    }
    int nt = s.tokens;
    char[] digits = new char[MAX_DIGITS + 2];
    int t = 0;
    int next = 0; // index in s.keyed of the first listed token at or after t
    while (t < nt) {
      // a plain word is never a group: go straight to the next listed token
      while (next < s.keyed.size() && s.keyed.get(next) < t) {
        next++;
      }
      if (next == s.keyed.size()) {
        return;
      }
      t = s.keyed.get(next);
      if (!isGroup(s, t)) {
        t++;
        continue;
      }
      // the chain [t, end]
      int end = t;
      while (end + 1 < nt && isGroup(s, end + 1) && joined(s, end, end + 1)) {
        end++;
      }
      int start = t;
      while (start <= end) {
        int found = -1;
        PiiType foundType = null;
        int len = 0;
        boolean words = false;
        for (int e = start; e <= end; e++) {
          if (e > start && s.kind[e] == Scan.PUNCT) {
            continue;
          }
          len = append(s, e, digits, len);
          if (len > MAX_DIGITS) {
            break;
          }
          words |= s.kind[e] == Scan.WORD;
          if (s.kind[e] == Scan.PUNCT) {
            continue;
          }
          if (e < end && !s.spaced(e, e + 1)) {
            continue; // may not stop before a tight separator
          }
          PiiType type = classify(s, start, e, digits, len, words);
          if (type != null) {
            found = e;
            foundType = type;
          }
        }
        if (found >= 0) {
          emit(s, start, found, foundType, out);
          start = found + 1;
        } else {
          start++;
        }
        while (start <= end && (s.kind[start] == Scan.PUNCT || (start > t && !s.spaced(start - 1, start)))) {
          start++;
        }
      }
      t = end + 1;
    }
  }

  /** A digit run, a digit word, or a tight dot or dash between two digit runs. */
  private static boolean isGroup(Scan s, int t) {
    byte k = s.kind[t];
    if (k == Scan.NUM) {
      // letters glued on the right make a code, price or class (2tr5, 150k, 5A)
      if (t + 1 < s.tokens && s.kind[t + 1] == Scan.WORD && s.tight(t, t + 1)) {
        return false;
      }
      if (t > 0 && s.kind[t - 1] == Scan.WORD && s.tight(t - 1, t)) {
        Lexicon.Word w = s.word[t - 1];
        return w != null && (w.roles & (Lexicon.CTX_PHONE | Lexicon.CTX_ZALO | Lexicon.CTX_ACCOUNT
            | Lexicon.CTX_BANK | Lexicon.CTX_ID)) != 0; // sdt0912…
      }
      return true;
    }
    if (k == Scan.WORD) {
      Lexicon.Word w = s.word[t];
      return w != null && w.has(Lexicon.DIGIT);
    }
    char c = s.f[s.ts[t]];
    return (c == '.' || c == '-') && t > 0 && t + 1 < s.tokens && s.kind[t - 1] == Scan.NUM
        && s.kind[t + 1] == Scan.NUM && s.tight(t - 1, t) && s.tight(t, t + 1);
  }

  private static boolean joined(Scan s, int a, int b) {
    return s.tight(a, b) ? (s.kind[a] == Scan.PUNCT || s.kind[b] == Scan.PUNCT) : s.spaced(a, b);
  }

  private static int append(Scan s, int t, char[] digits, int len) {
    if (s.kind[t] == Scan.NUM) {
      for (int i = s.ts[t]; i < s.te[t] && len <= MAX_DIGITS; i++) {
        digits[len++] = s.f[i];
      }
      if (s.te[t] - s.ts[t] > MAX_DIGITS) {
        return MAX_DIGITS + 1;
      }
      return len;
    }
    if (s.kind[t] == Scan.WORD) {
      digits[len++] = (char) ('0' + s.word[t].value);
    }
    return len;
  }

  private static PiiType classify(Scan s, int first, int last, char[] d, int len, boolean words) {
    if (len < MIN_DIGITS) {
      return null;
    }
    if (!boundaryOk(s, first, last)) {
      return null;
    }
    boolean plus = first > 0 && s.isPunct(first - 1, '+') && s.tight(first - 1, first)
        && !(first > 1 && s.tight(first - 2, first - 1) && s.kind[first - 2] != Scan.PUNCT);
    boolean mobile = (len == 10 && d[0] == '0' && mobilePrefix(d[1], d[2]))
        || (len == 11 && d[0] == '8' && d[1] == '4' && mobilePrefix(d[2], d[3]));
    boolean landline = (len == 11 && d[0] == '0' && d[1] == '2')
        || (len == 12 && d[0] == '8' && d[1] == '4' && d[2] == '2');
    if (plus && !(d[0] == '8' && d[1] == '4')) {
      return null;
    }
    int ctx = context(s, first, last);
    if (words) {
      return mobile ? (ctx == Lexicon.CTX_ZALO ? PiiType.SOCIAL_HANDLE : PiiType.PHONE)
          : landline ? PiiType.LANDLINE : null;
    }
    if (ctx == Lexicon.CTX_ID) {
      if (len == 12) {
        return PiiType.CITIZEN_ID;
      }
      if (len == 9) {
        return PiiType.OLD_ID;
      }
    }
    if (ctx == Lexicon.CTX_ACCOUNT && !moneyFormat(s, first, last)) {
      return PiiType.BANK_ACCOUNT;
    }
    if (mobile) {
      return ctx == Lexicon.CTX_ZALO ? PiiType.SOCIAL_HANDLE : PiiType.PHONE;
    }
    if (landline) {
      return PiiType.LANDLINE;
    }
    if (ctx == Lexicon.CTX_BANK && !moneyFormat(s, first, last)) {
      return PiiType.BANK_ACCOUNT;
    }
    if (len == 12 && d[0] == '0' && PROVINCE[(d[1] - '0') * 10 + (d[2] - '0')] && d[3] <= '3') {
      return PiiType.CITIZEN_ID;
    }
    return null;
  }

  static boolean mobilePrefix(char a, char b) {
    switch (a) {
      case '3': return b >= '2';
      case '5': return b == '2' || b == '5' || b == '6' || b == '8' || b == '9';
      case '7': return b == '0' || b >= '6';
      case '8': return b >= '1';
      case '9': return true;
      default: return false;
    }
  }

  /** Rejects codes, dates, prices and arithmetic around the run [first, last]. */
  private static boolean boundaryOk(Scan s, int first, int last) {
    int nt = s.tokens;
    // left: HD-2024…, 12/05…, x.0912…
    if (first > 0 && s.kind[first - 1] == Scan.PUNCT && s.tight(first - 1, first)) {
      char c = s.f[s.ts[first - 1]];
      if (c == '/' || c == '_' || c == '#' || c == ',' || c == '$') {
        return false;
      }
      if ((c == '-' || c == '.' || c == ':') && first > 1 && s.tight(first - 2, first - 1)
          && s.kind[first - 2] != Scan.PUNCT) {
        return false;
      }
    }
    // right
    if (last + 1 < nt) {
      int r = last + 1;
      if (s.kind[r] == Scan.PUNCT && s.tight(last, r)) {
        char c = s.f[s.ts[r]];
        if (c == '/' || c == '_' || c == '%' || c == ',' && r + 1 < nt && s.kind[r + 1] == Scan.NUM
            && s.tight(r, r + 1)) {
          return false;
        }
        if ((c == '-' || c == '.') && r + 1 < nt && s.tight(r, r + 1) && s.kind[r + 1] != Scan.PUNCT) {
          return false;
        }
      }
      if (!s.lineBreak(last, r)) {
        Lexicon.Word w = s.word[r];
        if (w != null && w.has(Lexicon.MONEY)) {
          return false; // 150.000 đ
        }
        if (isOperator(s, r) && r + 1 < nt && (s.kind[r + 1] == Scan.NUM || s.isPunct(r + 1, '?'))) {
          return false; // 0912345678 : 2
        }
        if (s.isPunct(r, '=')) {
          return false;
        }
      }
    }
    int l = first - 1;
    if (l >= 0 && s.isPunct(l, '+') && s.tight(l, first)) {
      l--;
    }
    if (l >= 1 && !s.lineBreak(l, first) && isOperator(s, l) && (s.kind[l - 1] == Scan.NUM
        || s.isPunct(l - 1, ')') || s.isPunct(l - 1, '='))) {
      return false; // 5 + 0912345678
    }
    if (l >= 0 && s.isPunct(l, '=')) {
      return false;
    }
    return true;
  }

  private static boolean isOperator(Scan s, int t) {
    if (s.kind[t] != Scan.PUNCT) {
      return s.is(t, "x") || s.is(t, "nhan") || s.is(t, "chia") || s.is(t, "cong") || s.is(t, "tru");
    }
    char c = s.f[s.ts[t]];
    return c == '+' || c == '-' || c == '*' || c == '/' || c == ':' || c == '\u00D7' || c == '\u00F7'
        || c == '=' || c == '\u2212';
  }

  /** 1.200.000 or 150,000: thousands grouping, which no account number uses. */
  private static boolean moneyFormat(Scan s, int first, int last) {
    boolean sep = false;
    for (int t = first; t <= last; t++) {
      if (s.kind[t] == Scan.PUNCT) {
        sep = true;
      } else if (t > first && s.len(t) != 3) {
        return false;
      }
    }
    return sep && s.len(first) <= 3;
  }

  /**
   * The nearest context word's role: looking back up to six tokens on the same line, stopping at
   * another number, then ahead up to three tokens for a bank name (never an account word, which
   * introduces what follows it).
   */
  private static int context(Scan s, int first, int last) {
    int stop = Math.max(0, first - CONTEXT_BACK);
    boolean bank = false;
    for (int t = first - 1; t >= stop; t--) {
      if (s.kind[t] == Scan.NUM || s.lineBreak(t, t + 1)) {
        break;
      }
      int role = role(s, t);
      if (role == Lexicon.CTX_BANK) {
        bank = true; // "stk mb 0912…": keep looking for an account word
      } else if (role != 0) {
        return bank && role != Lexicon.CTX_ACCOUNT ? Lexicon.CTX_BANK : role;
      }
    }
    if (bank) {
      return Lexicon.CTX_BANK;
    }
    int limit = Math.min(s.tokens - 1, last + CONTEXT_AHEAD);
    for (int t = last + 1; t <= limit; t++) {
      if (s.kind[t] == Scan.NUM || s.lineBreak(t - 1, t)) {
        break;
      }
      if (role(s, t) == Lexicon.CTX_BANK) {
        return Lexicon.CTX_BANK; // only a bank name counts ahead: "mk là 123456, tk là …" is no account
      }
    }
    return 0;
  }

  static int role(Scan s, int t) {
    Lexicon.Word w = s.word[t];
    if (w == null) {
      return 0;
    }
    switch (w) {
      case MINH: return s.isWord(t - 1, Lexicon.Word.CHUNG) ? Lexicon.CTX_ID : 0;
      case CUOC: return s.isWord(t - 1, Lexicon.Word.CAN) ? Lexicon.CTX_ID : 0;
      case DANH: return s.isWord(t - 1, Lexicon.Word.DINH) ? Lexicon.CTX_ID : 0;
      case DONG: return s.isWord(t - 1, Lexicon.Word.DI) ? Lexicon.CTX_PHONE : 0;
      case THOAI: return Lexicon.CTX_PHONE;
      default:
        int r = w.roles & (Lexicon.CTX_PHONE | Lexicon.CTX_ZALO | Lexicon.CTX_ACCOUNT | Lexicon.CTX_BANK
            | Lexicon.CTX_ID);
        return Integer.lowestOneBit(r);
    }
  }

  private static void emit(Scan s, int first, int last, PiiType type, List<PiiMatch> out) {
    int start = s.ts[first];
    if (first > 0 && s.isPunct(first - 1, '+') && s.tight(first - 1, first)) {
      start = s.ts[first - 1];
    }
    if (type == PiiType.SOCIAL_HANDLE) {
      for (int t = first - 1; t >= 0 && t >= first - CONTEXT_BACK; t--) {
        if (s.word[t] == Lexicon.Word.ZALO || s.is(t, "zl")) {
          start = s.ts[t];
          break;
        }
      }
    }
    out.add(s.match(type, start, s.te[last]));
  }
}
