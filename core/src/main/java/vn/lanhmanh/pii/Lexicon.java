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
    TOA(ADDR, 0, "tòa", "toà", "block"),
    CU(0, 0, "cư"),
    PHONG(0, 0, "phòng"),
    TANG(0, 0, "tầng"),
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

  /*
   * One open-addressing table keyed by letters and accents, in parallel arrays so that a probe reads
   * ints and never follows a pointer until the hashes agree. Every spelling has its exact key. Under
   * the letters with all-zero accents sits what a token without any diacritic means: the spelling
   * without diacritics when there is one (an exact match), else the first spelling listed with those
   * letters ("so" is "số"). A token with a diacritic can only hit an exact key, so a lookup is one
   * probe sequence either way. The scan computes both hashes while it tokenises.
   */
  private static final int SIZE = 4096; // sparse, so that most misses end at their first slot

  /** Never 0 for a key: {@link #mix} sets the low bit, so an empty slot (0) matches no token. */
  private static final int[] HASHES = new int[SIZE];
  private static final char[][] LETTERS = new char[SIZE][];
  private static final byte[][] ACCENTS = new byte[SIZE][];
  /** Null marks an empty slot. */
  private static final Word[] WORDS = new Word[SIZE];

  /** Longest spelling, in folded chars; a longer token is no word. */
  private static final int MAX_LEN;

  static {
    // slots whose all-zero-accent entry stands in for an accented spelling (until a bare one comes)
    boolean[] looseOnly = new boolean[SIZE];
    int max = 0;
    for (Word w : Word.values()) {
      for (String s : w.spellings) {
        max = Math.max(max, add(s, w, looseOnly));
      }
    }
    MAX_LEN = max;
  }

  private Lexicon() {}

  /** Adds one spelling and returns its folded length. */
  private static int add(String spelling, Word w, boolean[] looseOnly) {
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
    int letterHash = 0;
    int accentHash = 0;
    for (int i = 0; i < m; i++) {
      letterHash = hashStep(letterHash, k[i]);
      accentHash = hashStep(accentHash, (char) a[i]);
    }
    byte[] zeros = new byte[m];
    boolean bare = java.util.Arrays.equals(a, zeros);
    int slot = slot(k, a, mix(letterHash, accentHash));
    if (WORDS[slot] != null && !(bare && looseOnly[slot])) {
      return m; // the first word wins, e.g. "ko" stays a digit
    }
    put(slot, k, a, mix(letterHash, accentHash), w);
    looseOnly[slot] = false;
    if (!bare) {
      int loose = slot(k, zeros, mix(letterHash, 0));
      if (WORDS[loose] == null) {
        put(loose, k, zeros, mix(letterHash, 0), w);
        looseOnly[loose] = true;
      }
    }
    return m;
  }

  /** The slot holding this key, or the empty slot where it belongs. */
  private static int slot(char[] letters, byte[] accents, int hash) {
    int slot = firstSlot(hash);
    while (WORDS[slot] != null && !(java.util.Arrays.equals(LETTERS[slot], letters)
        && java.util.Arrays.equals(ACCENTS[slot], accents))) {
      slot = (slot + 1) & (SIZE - 1);
    }
    return slot;
  }

  private static void put(int slot, char[] letters, byte[] accents, int hash, Word w) {
    HASHES[slot] = hash;
    LETTERS[slot] = letters;
    ACCENTS[slot] = accents;
    WORDS[slot] = w;
  }

  /** One step of a token hash: fold {@code c} into {@code h}. A hash starts at 0. */
  static int hashStep(int h, char c) {
    return 31 * h + c;
  }

  /** Spreads the two hashes; never 0. The slot is taken from the high bits. */
  private static int mix(int letterHash, int accentHash) {
    int h = (letterHash + accentHash * 0x85EBCA6B) * 0x9E3779B9;
    return h | 1;
  }

  private static int firstSlot(int hash) {
    return hash >>> (32 - Integer.numberOfTrailingZeros(SIZE));
  }

  /**
   * The word spelled by {@code f[from, to)}: exactly, or loosely when the token has no diacritic. An
   * exact match beats a loose one.
   *
   * @param letterHash {@link #hashStep} over the token's folded chars
   * @param accentHash {@link #hashStep} over the token's accents ({@code acc & 63}), so 0 when it has none
   */
  static Word lookup(char[] f, byte[] acc, int from, int to, int letterHash, int accentHash) {
    if (to - from > MAX_LEN) {
      return null;
    }
    int h = mix(letterHash, accentHash);
    for (int slot = firstSlot(h); ; slot = (slot + 1) & (SIZE - 1)) {
      if (HASHES[slot] == h && same(slot, f, acc, from, to)) {
        return WORDS[slot];
      }
      if (WORDS[slot] == null) {
        return null;
      }
    }
  }

  private static boolean same(int slot, char[] f, byte[] acc, int from, int to) {
    char[] k = LETTERS[slot];
    byte[] a = ACCENTS[slot];
    if (k.length != to - from) {
      return false;
    }
    for (int i = 0; i < k.length; i++) {
      if (k[i] != f[from + i] || a[i] != (acc[from + i] & 63)) {
        return false;
      }
    }
    return true;
  }
}
