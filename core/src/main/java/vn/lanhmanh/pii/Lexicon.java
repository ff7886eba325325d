package vn.lanhmanh.pii;

/**
 * The few Vietnamese words the PII scanners care about, looked up without allocating. A token matches
 * a spelling exactly (same letters and diacritics) or loosely when the token carries no diacritic at all,
 * so {@code so} can mean {@code số} but {@code sợ} never does. Immutable, thread-safe.
 */
final class Lexicon {

  // roles
  static final int DIGIT = 1;
  static final int CTX_PHONE = 1 << 1;
  static final int CTX_ZALO = 1 << 2;
  static final int CTX_ACCOUNT = 1 << 3;
  static final int CTX_BANK = 1 << 4;
  static final int CTX_ID = 1 << 5;
  static final int CTX_SOCIAL = 1 << 6;
  static final int ADDR = 1 << 7;
  static final int SCHOOL = 1 << 8;
  static final int STOP = 1 << 9;
  static final int MONEY = 1 << 10;

  enum Word {
    // digits in words
    KHONG(DIGIT | STOP, 0, "không", "ko", "hông"),
    LINH(DIGIT, 0, "linh"),
    LE(DIGIT, 0, "lẻ"),
    MOT(DIGIT, 1, "một", "mốt"),
    HAI(DIGIT, 2, "hai"),
    BA(DIGIT, 3, "ba"),
    BON(DIGIT, 4, "bốn", "tư"),
    NAM(DIGIT, 5, "năm", "lăm"),
    SAU(DIGIT, 6, "sáu"),
    BAY(DIGIT, 7, "bảy", "bẩy"),
    TAM(DIGIT, 8, "tám"),
    CHIN(DIGIT, 9, "chín"),
    // phone context
    SDT(CTX_PHONE, 0, "sđt", "sdt", "đt", "dt", "đth", "sdth"),
    DIEN(0, 0, "điện"),
    THOAI(CTX_PHONE, 0, "thoại"),
    DI(STOP, 0, "di"),
    DONG(CTX_PHONE, 0, "động"),
    GOI(CTX_PHONE | STOP, 0, "gọi", "call", "phone", "tel", "alo", "nhắn", "sms", "hotline"),
    ZALO(CTX_ZALO, 0, "zalo", "zl", "zalô"),
    // account and bank
    STK(CTX_ACCOUNT, 0, "stk", "tk", "account"),
    TAI(0, 0, "tài"),
    KHOAN(CTX_ACCOUNT, 0, "khoản"),
    NGAN(CTX_BANK, 0, "ngân"),
    BANK(CTX_BANK, 0, "bank", "vietcombank", "vcb", "techcombank", "tcb", "tcbank", "mb", "mbbank", "bidv",
        "agribank", "vietinbank", "vtb", "acb", "vpbank", "vpb", "tpbank", "tpb", "sacombank", "stb", "scb",
        "shb", "hdbank", "vib", "ocb", "msb", "seabank", "eximbank", "lpbank", "lienvietpostbank", "namabank",
        "bacabank", "abbank", "pvcombank", "kienlongbank", "vietbank", "baovietbank", "oceanbank", "momo",
        "zalopay", "viettelpay", "vnpay", "shopeepay", "vnptpay", "cake", "timo"),
    // identity
    CMND(CTX_ID, 0, "cmnd", "cmt", "cccd", "cmtnd", "cc"),
    CHUNG(0, 0, "chứng"),
    MINH(CTX_ID, 0, "minh"),
    CAN(0, 0, "căn"),
    CUOC(CTX_ID, 0, "cước"),
    DINH(0, 0, "định"),
    DANH(CTX_ID, 0, "danh"),
    // social
    SOCIAL(CTX_SOCIAL, 0, "tiktok", "tik", "tok", "insta", "instagram", "ig", "telegram", "tele", "discord",
        "snapchat", "snap", "facebook", "fb", "face", "twitter", "threads", "youtube", "messenger", "mess"),
    // money units (a number right before one is a price)
    UNIT(MONEY, 0, "đ", "d", "k", "vnd", "vnđ", "đồng", "dong", "nghìn", "ngàn", "ngan", "triệu", "trieu", "tr",
        "xu", "usd", "củ", "cu", "lít", "lit", "tỷ", "ty", "tỉ"),
    // addresses
    SO(ADDR, 0, "số"),
    NHA(ADDR | STOP, 0, "nhà"),
    NGO(ADDR, 0, "ngõ"),
    NGACH(ADDR, 0, "ngách"),
    HEM(ADDR, 0, "hẻm"),
    KIET(ADDR, 0, "kiệt"),
    DUONG(ADDR, 0, "đường"),
    PHO(ADDR, 0, "phố"),
    PHUONG(ADDR, 0, "phường"),
    XA(ADDR, 0, "xã"),
    QUAN(ADDR, 0, "quận"),
    HUYEN(ADDR, 0, "huyện"),
    TINH(ADDR, 0, "tỉnh"),
    THANH(0, 0, "thành"),
    TP(ADDR, 0, "tp"),
    THI(0, 0, "thị"),
    TRAN(0, 0, "trấn"),
    THON(ADDR, 0, "thôn"),
    XOM(ADDR, 0, "xóm"),
    AP(ADDR, 0, "ấp"),
    KHU(ADDR, 0, "khu"),
    TO(ADDR, 0, "tổ"),
    TOA(ADDR, 0, "tòa", "toà"),
    CU(0, 0, "cư"),
    P(ADDR, 0, "p"),
    Q(ADDR, 0, "q"),
    // schools
    TRUONG(SCHOOL, 0, "trường"),
    LOP(SCHOOL, 0, "lớp"),
    TIEU(0, 0, "tiểu"),
    HOC(0, 0, "học"),
    TRUNG(0, 0, "trung"),
    CO(STOP, 0, "cơ"),
    SO_(0, 0, "sở"),
    PHOTHONG(0, 0, "phổ"),
    THONG(0, 0, "thông"),
    MAM(0, 0, "mầm"),
    NON(0, 0, "non"),
    MAU(0, 0, "mẫu"),
    GIAO(0, 0, "giáo"),
    LEVEL(SCHOOL, 0, "thcs", "thpt", "ptcs", "ptth", "ptdtnt", "thptqg"),
    TH(0, 0, "th"),
    CHUYEN(0, 0, "chuyên"),
    // words that end a lower-case place name
    FILLER(STOP, 0, "và", "ở", "của", "nhé", "nha", "nhá", "em", "anh", "chị", "mình", "tớ", "tui", "tôi",
        "bạn", "thì", "là", "gần", "đi", "chơi", "về", "với", "có", "đó", "này", "kia", "ạ", "à", "ơi",
        "nhưng", "mà", "rồi", "lúc", "khi", "sẽ", "đang", "đã", "hả", "đến", "tới", "qua", "ra", "vào",
        "trong", "ngoài", "cạnh", "đối", "diện", "bên", "hay", "hoặc", "nữa", "luôn", "đấy", "đây", "chứ",
        "nhỉ", "hen", "nghen", "nè", "ne", "á", "ý", "cho", "được", "đc", "dc", "muốn", "biết", "ko", "k",
        "hok", "nhiều", "lắm", "quá", "rất", "cũng", "vẫn", "còn", "hết", "để", "tại", "vì", "nên",
        "sao", "gì", "ai", "đâu", "nào", "bao", "mấy", "hội", "lượng", "tiền", "hợp", "xá", "sá",
        "xe", "sắt", "thủy", "bộ");

    final int roles;
    final int value;
    final String[] spellings;

    Word(int roles, int value, String... spellings) {
      this.roles = roles;
      this.value = value;
      this.spellings = spellings;
    }

    boolean has(int role) {
      return (roles & role) != 0;
    }
  }

  private static final int SIZE = 1024;
  private static final char[][] KEYS = new char[SIZE][];
  private static final byte[][] ACCENTS = new byte[SIZE][];
  private static final Word[] WORDS = new Word[SIZE];

  static {
    for (Word w : Word.values()) {
      for (String s : w.spellings) {
        add(s, w);
      }
    }
  }

  private Lexicon() {}

  private static void add(String spelling, Word w) {
    char[] k = new char[spelling.length()];
    byte[] a = new byte[spelling.length()];
    int m = 0;
    for (int i = 0; i < spelling.length(); i++) {
      int info = Fold.info(spelling.charAt(i));
      if ((info & Fold.MARK) != 0) {
        a[m - 1] = (byte) Fold.merge(a[m - 1], Fold.accent(info));
        continue;
      }
      k[m] = Fold.ch(info);
      a[m++] = (byte) Fold.accent(info);
    }
    if (m != k.length) {
      throw new IllegalStateException("spelling must be NFC: " + spelling);
    }
    int h = hash(k, 0, m) & (SIZE - 1);
    while (KEYS[h] != null) {
      if (java.util.Arrays.equals(KEYS[h], k) && java.util.Arrays.equals(ACCENTS[h], a)) {
        return; // the first word wins, e.g. "ko" stays a digit
      }
      h = (h + 1) & (SIZE - 1);
    }
    KEYS[h] = k;
    ACCENTS[h] = a;
    WORDS[h] = w;
  }

  private static int hash(char[] c, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + c[i];
    }
    return h ^ (h >>> 11);
  }

  /**
   * The word spelled by {@code f[from, to)}, exactly or, when the token has no diacritic, loosely.
   * An exact match beats a loose one.
   */
  static Word lookup(char[] f, byte[] acc, int from, int to) {
    int len = to - from;
    if (len > 20) {
      return null;
    }
    boolean plain = true;
    for (int i = from; i < to; i++) {
      if ((acc[i] & 63) != 0) {
        plain = false;
        break;
      }
    }
    int h = hash(f, from, to) & (SIZE - 1);
    Word loose = null;
    while (KEYS[h] != null) {
      char[] k = KEYS[h];
      if (k.length == len && same(k, f, from)) {
        byte[] a = ACCENTS[h];
        boolean exact = true;
        for (int i = 0; i < len; i++) {
          if (a[i] != (acc[from + i] & 63)) {
            exact = false;
            break;
          }
        }
        if (exact) {
          return WORDS[h];
        }
        if (plain && loose == null) {
          loose = WORDS[h];
        }
      }
      h = (h + 1) & (SIZE - 1);
    }
    return loose;
  }

  private static boolean same(char[] k, char[] f, int from) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] != f[from + i]) {
        return false;
      }
    }
    return true;
  }
}
