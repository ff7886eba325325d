package vn.lanhmanh.pii;

import java.util.List;

/**
 * Finds e-mail addresses, profile and map links, chat handles and coordinates by scanning the folded
 * chars directly. Every scan moves forward or is bounded by the nearest {@code @} or blank, so the whole
 * pass is linear. Stateless, thread-safe.
 */
final class Links {

  /** Profile or invite links: the pattern must be followed by at least one path char. */
  private static final String[] SOCIAL = {
    "facebook.com/", "fb.com/", "fb.me/", "fb.watch/", "tiktok.com/@", "vt.tiktok.com/", "vm.tiktok.com/",
    "instagram.com/", "instagr.am/", "t.me/", "telegram.me/", "telegram.dog/", "discord.gg/",
    "discord.com/invite/", "discordapp.com/invite/", "zalo.me/", "youtube.com/@", "threads.net/@",
    "snapchat.com/add/", "twitter.com/", "x.com/", "messenger.com/t/", "m.me/"
  };

  private static final String[] MAPS = {
    "maps.google.com/", "maps.google.com?", "maps.google.com.vn/", "maps.google.com.vn?", "google.com/maps",
    "google.com.vn/maps", "goo.gl/maps/", "maps.app.goo.gl/", "maps.apple.com/", "maps.apple.com?",
    "g.co/kgs/", "bando.vn/"
  };

  private static final String[] PREFIXES = {"https://", "http://", "www.", "m.", "web.", "mobile.", "vi-vn."};

  private Links() {}

  /** ASCII chars that may appear in a link; no other char may. */
  private static final boolean[] URL_CHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      URL_CHAR[c] = Scan.isAsciiAlnum(c) || "./-_~:?#@!$&+=%,;*".indexOf(c) >= 0;
    }
  }

  static void find(Scan s, List<PiiMatch> out) {
    // each scanner starts only at a char the tokeniser listed; a text without one is skipped whole
    if (!s.dots.isEmpty() && s.saw(Scan.SEEN_SLASH)) {
      urls(s, out);
    }
    if (!s.ats.isEmpty()) {
      emails(s, out);
    }
    if (!s.ats.isEmpty() || s.saw(Scan.SEEN_SOCIAL)) {
      handles(s, out);
    }
    if (!s.dots.isEmpty() && s.saw(Scan.SEEN_DIGIT)) {
      coordinates(s, out);
    }
  }

  // ---------------------------------------------------------------- links

  private static boolean urlChar(char c) {
    return c < 128 && URL_CHAR[c];
  }

  /**
   * Every link pattern holds a dot, so only runs of link chars around a dot are read: for each dot
   * not inside a run already read, the run around it is measured and matched.
   */
  private static void urls(Scan s, List<PiiMatch> out) {
    char[] f = s.f;
    int n = s.n;
    int done = 0; // chars before this belong to runs already read
    for (int k = 0; k < s.dots.size(); k++) {
      int dot = s.dots.get(k);
      if (dot < done) {
        continue;
      }
      int start = dot;
      while (start > done && urlChar(f[start - 1])) {
        start--;
      }
      int end = dot + 1;
      while (end < n && urlChar(f[end])) {
        end++;
      }
      done = end;
      while (end > start && isTrailing(f[end - 1])) {
        end--;
      }
      PiiType type = linkType(f, start, end);
      if (type != null) {
        out.add(s.match(type, start, end));
      }
    }
  }

  private static int indexOf(char[] f, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (f[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The kind of link that f[from, end) is, or null. */
  private static PiiType linkType(char[] f, int from, int end) {
    if (indexOf(f, '/', from, end) < 0 && indexOf(f, '?', from, end) < 0) {
      return null; // every pattern holds a '/' or a '?'
    }
    int p = from;
    boolean again = true;
    while (again) {
      again = false;
      for (String pre : PREFIXES) {
        if (startsWith(f, p, end, pre)) {
          p += pre.length();
          again = true;
        }
      }
    }
    for (String pat : SOCIAL) {
      if (startsWith(f, p, end, pat) && end > p + pat.length()) {
        return PiiType.SOCIAL_LINK;
      }
    }
    for (String pat : MAPS) {
      if (startsWith(f, p, end, pat) && (end > p + pat.length() || pat.endsWith("maps"))) {
        return PiiType.MAP_LINK;
      }
    }
    return null;
  }

  private static boolean isTrailing(char c) {
    return c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == ')' || c == '*';
  }

  private static boolean startsWith(char[] f, int from, int to, String p) {
    if (to - from < p.length()) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (f[from + i] != p.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- e-mail

  private static boolean localChar(char c) {
    return Scan.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean domainChar(char c) {
    return Scan.isAsciiAlnum(c) || c == '.' || c == '-';
  }

  private static void emails(Scan s, List<PiiMatch> out) {
    char[] f = s.f;
    for (int k = 0; k < s.ats.size(); k++) {
      int at = s.ats.get(k);
      if (at < 1 || at >= s.n - 3) {
        continue;
      }
      int l = at;
      while (l > 0 && localChar(f[l - 1]) && (s.acc[l - 1] & 63) == 0) {
        l--;
      }
      while (l < at && (f[l] == '.' || f[l] == '-' || f[l] == '+')) {
        l++;
      }
      if (l == at || (l > 0 && (f[l - 1] == '/' || f[l - 1] == ':'))) {
        continue;
      }
      int r = at + 1;
      while (r < s.n && domainChar(f[r]) && (s.acc[r] & 63) == 0) {
        r++;
      }
      while (r > at + 1 && (f[r - 1] == '.' || f[r - 1] == '-')) {
        r--;
      }
      int dot = -1;
      for (int i = r - 1; i > at + 1; i--) {
        if (f[i] == '.') {
          dot = i;
          break;
        }
      }
      if (dot < 0 || r - dot - 1 < 2 || f[at + 1] == '.') {
        continue;
      }
      boolean tld = true;
      for (int i = dot + 1; i < r; i++) {
        tld &= f[i] >= 'a' && f[i] <= 'z';
      }
      if (tld) {
        out.add(s.match(PiiType.EMAIL, l, r));
      }
    }
  }

  // ---------------------------------------------------------------- handles

  private static boolean handleChar(char c) {
    return Scan.isAsciiAlnum(c) || c == '.' || c == '_';
  }

  private static void handles(Scan s, List<PiiMatch> out) {
    // plain words are no '@' and no social word: only the listed tokens can start a handle
    for (int listed = 0; listed < s.keyed.size(); listed++) {
      int t = s.keyed.get(listed);
      if (s.isPunct(t, '@')) {
        int at = s.ts[t];
        if (at > 0 && (localChar(s.f[at - 1]) || s.f[at - 1] == '/')) {
          continue; // e-mail or link
        }
        int end = handleEnd(s, at + 1);
        if (end - at - 1 >= 2 && socialNear(s, t, 6, 8)) {
          out.add(s.match(PiiType.SOCIAL_HANDLE, at, end));
        }
        continue;
      }
      // "ig: bao.ngoc_2012", "tiktok là be_na.123", "zalo: ngoc2012"
      Lexicon.Word w = s.word[t];
      if (w != Lexicon.Word.SOCIAL && w != Lexicon.Word.ZALO) {
        continue;
      }
      int a = t + 1;
      // up to three small words before the handle: "IG của e: …", "tiktok em là …"
      for (int k = 0; k < 3 && a < s.tokens && (s.is(a, "la") || s.is(a, "id") || s.is(a, "nick")
          || s.is(a, "e") || s.isWord(a, Lexicon.Word.FILLER) && s.len(a) <= 4); k++) {
        a++;
      }
      boolean colon = false;
      if (s.isPunct(a, ':')) {
        colon = true;
        a++;
      }
      if (a >= s.tokens || s.lineBreak(a - 1, a) || s.kind[a] == Scan.PUNCT) {
        continue;
      }
      int from = s.ts[a];
      int end = handleEnd(s, from);
      if (end - from < 3 || end < s.n && (s.f[end] == '/' || s.f[end] == '@')) {
        continue;
      }
      boolean marked = false;
      boolean digitsOnly = true;
      for (int i = from; i < end; i++) {
        char c = s.f[i];
        marked |= c == '.' || c == '_' || (c >= '0' && c <= '9');
        digitsOnly &= c >= '0' && c <= '9';
      }
      if (digitsOnly) {
        continue; // numbers belong to the number scanner
      }
      Lexicon.Word first = s.word[a];
      if (!marked && (!colon || first != null)) {
        continue;
      }
      if (s.kind[a] == Scan.WORD && s.te[a] == end && first != null) {
        continue;
      }
      if (dotWordsOnly(s, from, end)) {
        continue;
      }
      out.add(s.match(PiiType.SOCIAL_HANDLE, from, end));
    }
  }

  /** True for "tiktok.com" style strings, which are sites rather than handles. */
  private static boolean dotWordsOnly(Scan s, int from, int end) {
    int dot = -1;
    for (int i = from; i < end; i++) {
      if (s.f[i] == '.') {
        dot = i;
      }
    }
    if (dot < 0) {
      return false;
    }
    int tld = end - dot - 1;
    return (tld == 2 || tld == 3) && startsWith(s.f, dot + 1, end, "com") || startsWith(s.f, dot + 1, end, "vn")
        || startsWith(s.f, dot + 1, end, "me") || startsWith(s.f, dot + 1, end, "gg");
  }

  private static int handleEnd(Scan s, int from) {
    int end = from;
    while (end < s.n && handleChar(s.f[end]) && (s.acc[end] & 63) == 0 && end - from < 40) {
      end++;
    }
    if (end - from >= 40) {
      return from;
    }
    // discord tag name#1234
    if (end + 1 < s.n && s.f[end] == '#' && Scan.isDigit(s.f[end + 1])) {
      end++;
      while (end < s.n && Scan.isDigit(s.f[end])) {
        end++;
      }
    }
    while (end > from && (s.f[end - 1] == '.' || s.f[end - 1] == '_')) {
      end--;
    }
    if (end < s.n && Scan.isLetter(s.f[end])) {
      return from; // runs into a Vietnamese letter: not a handle
    }
    return end;
  }

  private static boolean socialNear(Scan s, int t, int back, int ahead) {
    for (int i = t - 1; i >= 0 && i >= t - back; i--) {
      if (s.lineBreak(i, i + 1)) {
        break;
      }
      if (s.word[i] == Lexicon.Word.SOCIAL || s.word[i] == Lexicon.Word.ZALO) {
        return true;
      }
    }
    for (int i = t + 1; i < s.tokens && i <= t + ahead; i++) {
      if (s.lineBreak(i - 1, i)) {
        break;
      }
      if (s.word[i] == Lexicon.Word.SOCIAL || s.word[i] == Lexicon.Word.ZALO) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- coordinates

  /** 21.0285, 105.8542 — at least four decimals on both sides, within range. */
  private static void coordinates(Scan s, List<PiiMatch> out) {
    char[] f = s.f;
    int i = 0;
    int next = 0; // index in s.dots of the first '.' at or after i
    while (i < s.n) {
      while (next < s.dots.size() && s.dots.get(next) < i) {
        next++;
      }
      if (next == s.dots.size()) {
        return;
      }
      int dot = s.dots.get(next);
      // a decimal has at most a sign and three digits before its dot: nothing further back can start one
      i = Math.max(i, dot - 4);
      char c = f[i];
      boolean startOk = (Scan.isDigit(c) || c == '-' && i + 1 < s.n && Scan.isDigit(f[i + 1]))
          && (i == 0 || !(Scan.isDigit(f[i - 1]) || Scan.isLetter(f[i - 1]) || f[i - 1] == '.'
          || f[i - 1] == '-'));
      if (!startOk) {
        i++;
        continue;
      }
      int a = decimal(s, i, 90);
      if (a < 0) {
        i++;
        continue;
      }
      int j = a;
      boolean sep = false;
      if (j < s.n && (f[j] == ',' || f[j] == ';')) {
        j++;
        sep = true;
      }
      while (j < s.n && f[j] == ' ') {
        j++;
        sep = true;
      }
      if (!sep) {
        i = a;
        continue;
      }
      int b = decimal(s, j, 180);
      if (b < 0 || (b < s.n && (Scan.isDigit(f[b]) || Scan.isLetter(f[b])))) {
        i = a;
        continue;
      }
      out.add(s.match(PiiType.COORDINATES, i, b));
      i = b;
    }
  }

  /** End of a decimal like -21.0285 starting at i with |value| ≤ max, or -1. */
  private static int decimal(Scan s, int i, int max) {
    char[] f = s.f;
    int p = i;
    if (p < s.n && f[p] == '-') {
      p++;
    }
    int whole = 0;
    int digits = 0;
    while (p < s.n && Scan.isDigit(f[p]) && digits < 4) {
      whole = whole * 10 + f[p] - '0';
      p++;
      digits++;
    }
    if (digits == 0 || digits > 3 || whole > max || p >= s.n || f[p] != '.') {
      return -1;
    }
    p++;
    int frac = 0;
    while (p < s.n && Scan.isDigit(f[p])) {
      p++;
      frac++;
    }
    if (frac < 4 || frac > 10 || (p + 1 < s.n && f[p] == '.' && Scan.isDigit(f[p + 1]))) {
      return -1;
    }
    return p;
  }
}
