package vn.lanhmanh;

/**
 * Where a child or parent can get help, attached to verdicts about self-harm, abuse, grooming and scams.
 *
 * @param topic what the help is for: {@code self_harm}, {@code abuse} or {@code scam}
 * @param phone a number to call, e.g. {@code 111} (the free national child protection hotline, 24/7)
 * @param url a web page for the same service
 * @param vi the message in Vietnamese
 * @param en the message in English
 */
public record Help(String topic, String phone, String url, String vi, String en) {

  /** The national child protection hotline 111, for self-harm. */
  public static final Help SELF_HARM = new Help("self_harm", "111", "https://tongdai111.vn",
      "Bạn không một mình. Hãy gọi Tổng đài quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7) hoặc nói với "
          + "người lớn mà bạn tin tưởng. Nếu đang gặp nguy hiểm ngay lúc này, hãy gọi 113.",
      "You are not alone. Call Vietnam's national child protection hotline 111 (free, 24/7) or talk to an "
          + "adult you trust. If you are in danger right now, call 113.");

  /** The national child protection hotline 111, for sexual abuse and grooming. */
  public static final Help ABUSE = new Help("abuse", "111", "https://tongdai111.vn",
      "Nếu ai đó đòi ảnh, đòi gặp riêng hoặc bắt em giữ bí mật, hãy kể với bố mẹ hoặc thầy cô và gọi "
          + "Tổng đài 111 (miễn phí, 24/7). Khi gặp nguy hiểm, gọi 113.",
      "If someone asks for photos, to meet in private or to keep a secret, tell a parent or teacher and "
          + "call the 111 hotline (free, 24/7). In immediate danger, call 113.");

  /** The scam-site lookup and the national cyber-security reporting portal. */
  public static final Help SCAM = new Help("scam", null, "https://tinnhiemmang.vn",
      "Có dấu hiệu lừa đảo. Kiểm tra trang web tại tinnhiemmang.vn và báo cáo tại khonggianmang.vn. "
          + "Không chuyển tiền, không cung cấp mã OTP.",
      "This looks like a scam. Check the site at tinnhiemmang.vn and report it at khonggianmang.vn. "
          + "Do not send money or share OTP codes.");
}
