package vn.lanhmanh.pii;

import java.util.List;
import vn.lanhmanh.pii.Lexicon.Word;

/**
 * Finds street addresses, schools and classes. An address is a run of components (house number, lane,
 * street, ward, district, province) each started by its keyword; the run is kept when its components
 * together are specific enough (a numbered lane alone is, a lower-case "phố" alone is not, since
 * {@code ra phố chơi} only means "go downtown"). Stateless, thread-safe.
 */
final class Places {

  private static final int NAME_EXCLUDED = Lexicon.STOP | Lexicon.ADDR | Lexicon.SCHOOL | Lexicon.MONEY
      | Lexicon.CTX_PHONE | Lexicon.CTX_ZALO | Lexicon.CTX_ACCOUNT | Lexicon.CTX_BANK | Lexicon.CTX_ID
      | Lexicon.CTX_SOCIAL;

  private static final int STRONG = 4;

  private Places() {}

  /**
   * Words at which an address, school or class can start: the triggers of {@link #component}, of
   * {@link #school} (trường and the first word of a level) and of {@link #schoolClass}. Any other
   * token is passed over without calling them, and only lexicon words are looked at at all.
   */
  private static final boolean[] STARTS = new boolean[Word.values().length];

  static {
    for (Word w : new Word[] {Word.NHA, Word.SO, Word.THANH, Word.TP, Word.TINH, Word.THI, Word.KHU,
        Word.CHUNG, Word.TO, Word.TOA, Word.P, Word.Q, Word.NGO, Word.NGACH, Word.HEM, Word.KIET, Word.DUONG,
        Word.PHO, Word.PHUONG, Word.XA, Word.QUAN, Word.HUYEN, Word.THON, Word.XOM, Word.AP,
        Word.TRUONG, Word.LEVEL, Word.TIEU, Word.MAM, Word.MAU, Word.TRUNG, Word.LOP, Word.PHONG, Word.TANG}) {
      STARTS[w.ordinal()] = true;
    }
  }

  static void find(Scan s, List<PiiMatch> out) {
    for (int t = 0; t < s.tokens; t++) {
      if (s.kind[t] == Scan.WORD) {
        int next = announced(s, t, out);
        if (next > t) {
          t = next - 1;
        }
      }
    }
    int from = 0; // tokens before this lie inside a match already found
    for (int k = 0; k < s.keyed.size(); k++) {
      int t = s.keyed.get(k);
      Word w = s.word[t];
      if (t < from || w == null || !STARTS[w.ordinal()]) {
        continue;
      }
      int next = address(s, t, out);
      if (next < 0) {
        next = school(s, t, out);
      }
      if (next < 0) {
        next = schoolClass(s, t, out);
      }
      if (next >= 0) {
        from = next;
      }
    }
  }

  // ---------------------------------------------------------------- addresses

  /** Words that may stand between an address word and the house number: whose, "is", "here". */
  private static final String[] ANNOUNCE_FILLERS = {"nha", "cua", "em", "minh", "to", "tao", "t", "con", "chau",
      "la", "o", "nay", "day", "ne", "is", "my", "e", "tui", "toi", "moi", "hien", "tai", "chinh", "xac"};

  /**
   * An address announced without a lane or street word: {@code địa chỉ nhà em là 45 Trần Phú}, {@code my address
   * là 7 Lý Thường Kiệt}, {@code nhà em ở 12 Nguyễn Du}: an address word ({@code địa chỉ}, {@code address}, or
   * {@code nhà} with a pronoun and {@code ở}), at most four filler words or a colon, then a house number and a
   * capitalised street name. Returns the token after the match, or -1.
   */
  private static int announced(Scan s, int t, List<PiiMatch> out) {
    int a;
    if (s.is(t, "dia") && s.is(t + 1, "chi") && s.spaced(t, t + 1)) {
      a = t + 2;
    } else if (s.is(t, "address") || s.is(t, "addr")) {
      a = t + 1;
    } else if (s.isWord(t, Word.NHA) && t + 2 < s.tokens && !s.is(t + 1, "o") && s.is(t + 2, "o")
        && s.spaced(t, t + 1) && s.spaced(t + 1, t + 2)) {
      a = t + 3; // nhà em ở
    } else {
      return -1;
    }
    for (int k = 0; k < 5 && a < s.tokens && !s.lineBreak(a - 1, a); k++) {
      if (s.isPunct(a, ':') || s.kind[a] == Scan.WORD && filler(s, a)) {
        a++;
      } else {
        break;
      }
    }
    if (a >= s.tokens || s.lineBreak(a - 1, a)) {
      return -1;
    }
    int num = number(s, a);
    if (num < 0) {
      return -1;
    }
    int last = capName(s, num + 1, 5);
    if (last < 0) {
      return -1;
    }
    // trailing ", P. Bến Thành, Q.1, TP.HCM" or ", Nha Trang"
    last = trailingNames(s, last, true);
    out.add(s.matchTokens(PiiType.ADDRESS, a, last));
    return last + 1;
  }

  /**
   * The last token of the place names that follow token {@code last} after commas, on the same line
   * ({@code , Đống Đa, Hà Nội}); with {@code components}, an address component ({@code , P. Bến Thành}) counts
   * as one too. {@code last} itself when none follows.
   */
  private static int trailingNames(Scan s, int last, boolean components) {
    int c = last + 1;
    while (c + 1 < s.tokens && s.isPunct(c, ',') && !s.lineBreak(last, c + 1)) {
      int comp = components ? component(s, c + 1) : -1;
      int name = comp >= 0 ? comp >>> 8 : capName(s, c + 1, 4);
      if (name < 0) {
        break;
      }
      last = name;
      c = name + 1;
    }
    return last;
  }

  private static boolean filler(Scan s, int t) {
    for (String w : ANNOUNCE_FILLERS) {
      if (s.is(t, w)) {
        return true;
      }
    }
    return false;
  }

  /** Component result packed as {@code end << 8 | score}, or -1. */
  private static int address(Scan s, int t, List<PiiMatch> out) {
    int total = 0;
    int last = -1;
    int cur = t;
    while (cur < s.tokens) {
      int comp = component(s, cur);
      if (comp < 0) {
        break;
      }
      total += comp & 0xFF;
      last = comp >>> 8;
      cur = last + 1;
      if (cur < s.tokens && (s.isPunct(cur, ',') || s.isPunct(cur, '-')) && !s.lineBreak(last, cur)) {
        cur++;
      }
      if (cur >= s.tokens || s.lineBreak(cur - 1, cur)) {
        break;
      }
    }
    if (last < 0 || total < STRONG) {
      return -1;
    }
    // trailing ", Đống Đa, Hà Nội"
    last = trailingNames(s, last, false);
    out.add(s.matchTokens(PiiType.ADDRESS, t, last));
    return last + 1;
  }

  private static int component(Scan s, int t) {
    Word w = s.word[t];
    if (w == null) {
      return -1;
    }
    int trig = t; // last token of the trigger
    int kind;
    switch (w) {
      case NHA:
        if (!s.isWord(t + 1, Word.SO)) {
          return -1;
        }
        trig = t + 1;
        kind = 'H';
        break;
      case SO:
        if (s.isWord(t + 1, Word.NHA) || s.is(t + 1, "nha")) {
          trig = t + 1;
          kind = 'H';
        } else {
          kind = 'S';
        }
        break;
      case THANH:
        if (!s.isWord(t + 1, Word.PHO)) {
          return -1;
        }
        trig = t + 1;
        kind = 'C';
        break;
      case TP:
      case TINH:
        kind = 'C';
        break;
      case THI:
        if (!s.isWord(t + 1, Word.XA) && !s.isWord(t + 1, Word.TRAN)) {
          return -1;
        }
        trig = t + 1;
        kind = 'V';
        break;
      case KHU:
        if (!s.isWord(t + 1, Word.PHO)) {
          return -1;
        }
        trig = t + 1;
        kind = 'T';
        break;
      case CHUNG:
        if (!s.isWord(t + 1, Word.CU)) {
          return -1;
        }
        trig = t + 1;
        kind = 'T';
        break;
      case TO:
      case TOA:
        kind = 'T';
        break;
      case PHONG:
      case TANG:
        kind = 'U'; // a flat or a floor: phòng 1506, tầng 5 (twenty-ninth round)
        break;
      case P:
      case Q:
        kind = 'A';
        break;
      case NGO:
      case NGACH:
      case HEM:
      case KIET:
        kind = 'L';
        break;
      case DUONG:
      case PHO:
        kind = 'R';
        break;
      case PHUONG:
      case XA:
      case QUAN:
      case HUYEN:
        kind = 'W';
        break;
      case THON:
      case XOM:
      case AP:
        kind = 'V';
        break;
      default:
        return -1;
    }
    for (int i = t; i <= trig; i++) {
      if (i > t && !s.spaced(i - 1, i)) {
        return -1;
      }
    }
    if (titled(s, t)) {
      return -1;
    }
    boolean weakTrigger = s.capitalised(t) && !s.accented(t) && !sentenceStart(s, t);
    int a = trig + 1;
    if (kind == 'A') {
      // p.5, q.3, Q1, P. Bến Nghé
      if (a < s.tokens && s.isPunct(a, '.') && s.tight(trig, a)) {
        a++;
      } else if (!(a < s.tokens && s.kind[a] == Scan.NUM && s.tight(trig, a))) {
        return -1;
      }
    } else if (a < s.tokens && s.isPunct(a, '.') && !abbreviated(s, trig)) {
      // a whole keyword before a full stop ends its sentence ("kangaroo an pho. Con nho roi"): what follows
      // is the next sentence, not the street's name (only an abbreviation takes a dot: TP. Huế)
      return -1;
    } else if (a < s.tokens && (s.isPunct(a, '.') || s.isPunct(a, ':'))) {
      a++;
    }
    if (a >= s.tokens || s.lineBreak(a - 1, a)) {
      return -1;
    }
    boolean numbered = false;
    boolean explicit = false;
    if ((kind == 'R' || kind == 'L' || kind == 'W') && s.isWord(a, Word.SO) && a + 1 < s.tokens
        && s.kind[a + 1] == Scan.NUM) {
      a++; // đường số 5
      explicit = true;
    }
    int end = number(s, a);
    int score;
    if (end >= 0) {
      numbered = true;
      int street = capName(s, end + 1, 5);
      switch (kind) {
        case 'U': score = 1; break;
        case 'H': score = STRONG; break;
        case 'S': score = street >= 0 ? STRONG : 1; break;
        case 'L': case 'W': score = STRONG; break;
        case 'R': score = explicit ? STRONG : 2; break;
        default: score = 2; break;
      }
      if (street < 0 && (kind == 'L' || kind == 'H')) {
        street = lowerName(s, end + 1, 3); // kiet 5 le duan
      }
      if (kind != 'W' && kind != 'A' && street >= 0) {
        end = street;
      }
    } else if (s.isWord(t, Word.TOA) && (end = towerCode(s, a)) >= 0) {
      score = 1; // tòa B, tòa A2: a tower of a named block
    } else if (kind == 'H' || kind == 'S' || kind == 'U' || kind == 'T' && !s.isWord(t, Word.CHUNG)) {
      return -1;
    } else if ((end = capName(s, a, 5)) >= 0) {
      // a named block of flats (chung cư Hà Đô) needs only a floor, a tower or a flat to be an address
      score = s.isWord(t, Word.CHUNG) ? 3 : kind == 'C' || kind == 'A' || kind == 'T' ? 2 : STRONG;
    } else if (kind != 'A' && (end = lowerName(s, a, 3)) >= 0) {
      score = s.accented(t) ? 2 : 1;
    } else {
      return -1;
    }
    if (weakTrigger && !numbered) {
      score = Math.min(score, 2);
    }
    return end << 8 | score;
  }

  /**
   * A tower's code after {@code tòa}: one or two capital letters, alone or glued to a number of at most two digits
   * ({@code B}, {@code A2}, {@code CT3}). Returns the last token or -1.
   */
  private static int towerCode(Scan s, int t) {
    if (t >= s.tokens || s.kind[t] != Scan.WORD || s.len(t) > 2 || !s.capitalised(t) || s.accented(t)) {
      return -1;
    }
    int end = t;
    if (end + 1 < s.tokens && s.kind[end + 1] == Scan.NUM && s.tight(end, end + 1) && s.len(end + 1) <= 2) {
      end++;
    }
    if (end + 1 < s.tokens && s.tight(end, end + 1) && s.kind[end + 1] != Scan.PUNCT) {
      return -1;
    }
    return end;
  }

  /** Words that name a work by its title: a volume, a story, a book, a film, a song. */
  private static final String[] TITLE_NOUNS = {"tap", "truyen", "cuon", "quyen", "sach", "phim", "hat", "series",
      "chap", "game"};

  /**
   * True when a capitalised trigger opens a title rather than an address: it is glued to an opening quote
   * ({@code "Phố Mèo"}, {@code “Đường Về”}) or follows a word naming a work ({@code 3 tập Phố Mèo}, {@code truyện
   * Phố Mèo}, {@code bài hát Đường Xưa}). A lower-case trigger ({@code nhà em ở phố Huế}) is never a title.
   */
  private static boolean titled(Scan s, int t) {
    if (t == 0 || !s.capitalised(t)) {
      return false;
    }
    int p = t - 1;
    if (s.kind[p] == Scan.PUNCT && s.tight(p, t)) {
      char c = s.f[s.ts[p]];
      return c == '"' || c == '\u201C' || c == '\u00AB' || c == '\'';
    }
    if (s.kind[p] == Scan.WORD && s.spaced(p, t)) {
      for (String w : TITLE_NOUNS) {
        if (s.is(p, w)) {
          return true;
        }
      }
    }
    return false;
  }

  /** An abbreviated keyword that takes a dot ({@code tp}, a one- or two-letter one), not a whole word. */
  private static boolean abbreviated(Scan s, int t) {
    return s.isWord(t, Word.TP) || s.len(t) <= 2;
  }

  private static boolean sentenceStart(Scan s, int t) {
    if (t == 0) {
      return true;
    }
    int p = t - 1;
    return s.lineBreak(p, t) || s.isPunct(p, '.') || s.isPunct(p, '!') || s.isPunct(p, '?')
        || s.isPunct(p, ':') || s.isPunct(p, '"') || s.isPunct(p, '-');
  }

  /** A house or lane number: 12, 12A, 45/6, 45/6/7B. Returns the last token or -1. */
  private static int number(Scan s, int t) {
    if (t >= s.tokens || s.kind[t] != Scan.NUM || s.len(t) > 5) {
      return -1;
    }
    int end = t;
    if (end + 1 < s.tokens && s.kind[end + 1] == Scan.WORD && s.tight(end, end + 1) && s.len(end + 1) == 1) {
      end++;
    }
    while (end + 2 < s.tokens && s.isPunct(end + 1, '/') && s.tight(end, end + 1)
        && s.kind[end + 2] == Scan.NUM && s.tight(end + 1, end + 2) && s.len(end + 2) <= 4) {
      end += 2;
      if (end + 1 < s.tokens && s.kind[end + 1] == Scan.WORD && s.tight(end, end + 1) && s.len(end + 1) == 1) {
        end++;
      }
    }
    if (end + 1 < s.tokens && s.tight(end, end + 1) && s.kind[end + 1] != Scan.PUNCT) {
      return -1; // glued to more letters or digits: not a house number
    }
    return end;
  }

  /** Capitalised words (Lê Lợi, Hoàn Kiếm). Returns the last token or -1. */
  static int capName(Scan s, int t, int max) {
    int end = -1;
    for (int i = t; i < s.tokens && i < t + max; i++) {
      if (s.kind[i] != Scan.WORD || !s.capitalised(i) || (i > t && !s.spaced(i - 1, i))) {
        break;
      }
      Word w = s.word[i];
      if (w != null && (w.has(Lexicon.ADDR) || w.has(Lexicon.SCHOOL)) && w != Word.TRUONG
          && (s.accented(i) || w == Word.TP || w == Word.P || w == Word.Q || w == Word.LEVEL)) {
        break;
      }
      end = i;
    }
    return end;
  }

  /** Lower-case words that are no keyword or filler (phố huế). Returns the last token or -1. */
  static int lowerName(Scan s, int t, int max) {
    int end = -1;
    for (int i = t; i < s.tokens && i < t + max; i++) {
      if (s.kind[i] != Scan.WORD || (i > t && !s.spaced(i - 1, i))) {
        break;
      }
      Word w = s.word[i];
      if (w != null && (w.roles & NAME_EXCLUDED) != 0) {
        break;
      }
      end = i;
    }
    return end;
  }

  // ---------------------------------------------------------------- schools

  private static int school(Scan s, int t, List<PiiMatch> out) {
    Word w = s.word[t];
    if (w == null) {
      return -1;
    }
    int level;
    int a;
    boolean trigger = w == Word.TRUONG;
    if (trigger) {
      level = level(s, t + 1, true);
      a = level >= 0 ? level + 1 : t + 1;
    } else {
      level = level(s, t, false);
      if (level < 0) {
        return -1;
      }
      a = level + 1;
    }
    boolean acronym = level >= 0 && s.word[level] == Word.LEVEL;
    if (level >= 0 && s.isWord(a, Word.CHUYEN)) {
      a++;
    }
    if (a >= s.tokens || s.lineBreak(a - 1, a)) {
      return -1;
    }
    if (s.is(a, "quoc") && s.is(a + 1, "gia")) {
      return -1; // thi THPT quốc gia: the national exam, not a school
    }
    int end;
    if (level >= 0 && s.isWord(a, Word.SO) && a + 1 < s.tokens && s.kind[a + 1] == Scan.NUM) {
      end = a + 1;
    } else if (level >= 0 && s.kind[a] == Scan.NUM && s.len(a) <= 2) {
      end = a;
    } else if ((end = capName(s, a, 6)) >= 0) {
      if (level < 0) {
        if (s.capitalised(t) && !sentenceStart(s, t)) {
          return -1; // a person called Trường
        }
        if (s.is(a, "sa") || s.is(a, "son") || s.is(a, "chinh") || s.is(a, "giang")) {
          return -1; // Trường Sa, Trường Sơn
        }
      }
    } else if ((acronym || level >= 0 && trigger) && (end = lowerName(s, a, 4)) >= 0) {
      // trường thcs nguyễn du
    } else {
      return -1;
    }
    out.add(s.matchTokens(PiiType.SCHOOL, t, end));
    return end + 1;
  }

  /** The last token of a school level starting at t (THCS, tiểu học, trung học cơ sở …), or -1. */
  private static int level(Scan s, int t, boolean afterTruong) {
    if (t >= s.tokens) {
      return -1;
    }
    Word w = s.word[t];
    if (w == Word.LEVEL || afterTruong && w == Word.TH) {
      return t;
    }
    if (w == Word.TIEU && s.isWord(t + 1, Word.HOC)) {
      return t + 1;
    }
    if (w == Word.MAM && s.isWord(t + 1, Word.NON) || w == Word.MAU && s.isWord(t + 1, Word.GIAO)) {
      return t + 1;
    }
    if (w == Word.TRUNG && s.isWord(t + 1, Word.HOC)) {
      if (s.isWord(t + 2, Word.CO) && s.isWord(t + 3, Word.SO_)) {
        return t + 3;
      }
      if (s.isWord(t + 2, Word.PHOTHONG) && s.isWord(t + 3, Word.THONG)) {
        return t + 3;
      }
      return afterTruong ? t + 1 : -1;
    }
    return -1;
  }

  /**
   * Whether the class at {@code t} ({@code lớp}) is the reader's, named to him: "mày ở lớp 7C đúng không", "cậu học
   * lớp 6A à" (thirtieth round). A child who asks a schoolmate about the schoolmate's own class gives away nothing of
   * hers. "bạn tao ở lớp 7C" (my friend) is a third child's class and stays.
   */
  private static boolean addresseesClass(Scan s, int t) {
    int p = t - 1;
    if (!s.is(p, "o") && !s.is(p, "hoc")) {
      return false;
    }
    int q = p - 1;
    if (s.is(q, "may") || s.is(q, "m") || s.is(q, "cau")) {
      return true;
    }
    return s.is(q, "ban") && !(s.is(q - 1, "tao") || s.is(q - 1, "to") || s.is(q - 1, "minh") || s.is(q - 1, "t")
        || s.is(q - 1, "tui") || s.is(q - 1, "em") || s.is(q - 1, "con") || s.is(q - 1, "cua") || s.is(q - 1, "chau"));
  }

  /** lớp 5A, lớp 7a3, lớp 10A1, lớp 6/2. */
  private static int schoolClass(Scan s, int t, List<PiiMatch> out) {
    if (s.word[t] != Word.LOP || addresseesClass(s, t)) {
      return -1;
    }
    int a = t + 1;
    if (s.isPunct(a, ':')) {
      a++;
    }
    if (a >= s.tokens || s.kind[a] != Scan.NUM || s.len(a) > 2 || s.lineBreak(a - 1, a)) {
      return -1;
    }
    int grade = s.len(a) == 1 ? s.f[s.ts[a]] - '0' : (s.f[s.ts[a]] - '0') * 10 + s.f[s.ts[a] + 1] - '0';
    if (grade < 1 || grade > 12) {
      return -1;
    }
    int end;
    int b = a + 1;
    if (b < s.tokens && s.kind[b] == Scan.WORD && s.tight(a, b) && s.len(b) <= 2 && s.asciiLike(b)) {
      end = b;
      if (b + 1 < s.tokens && s.kind[b + 1] == Scan.NUM && s.tight(b, b + 1) && s.len(b + 1) <= 2) {
        end = b + 1;
      }
    } else if (b + 1 < s.tokens && s.isPunct(b, '/') && s.tight(a, b) && s.kind[b + 1] == Scan.NUM
        && s.tight(b, b + 1) && s.len(b + 1) <= 2) {
      end = b + 1;
      if (end + 1 < s.tokens && s.isPunct(end + 1, '/') && s.tight(end, end + 1)) {
        return -1; // a date
      }
    } else {
      return -1;
    }
    if (end + 1 < s.tokens && s.tight(end, end + 1) && s.kind[end + 1] != Scan.PUNCT) {
      return -1;
    }
    out.add(s.matchTokens(PiiType.CLASS, t, end));
    return end + 1;
  }
}
