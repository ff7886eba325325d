package vn.lanhmanh.pii;

import java.util.Locale;

/**
 * The kinds of a child's private information that {@link PiiDetector} finds (Decree 56/2017/NĐ-CP,
 * Art. 36: phone numbers, mail addresses, home and school, identity numbers, accounts).
 *
 * <p>Enum constants are immutable and safe to share between threads.
 */
public enum PiiType {
  /** A Vietnamese mobile number, in digits or in words. */
  PHONE,
  /** A Vietnamese landline number (02x area codes, 11 digits). */
  LANDLINE,
  /** An e-mail address. */
  EMAIL,
  /** The 12-digit citizen identity number (CCCD). */
  CITIZEN_ID,
  /** The old 9-digit identity card number (CMND), only next to words that name it. */
  OLD_ID,
  /** A bank or e-wallet account number, only next to a bank name or an account word. */
  BANK_ACCOUNT,
  /** A street or administrative address. */
  ADDRESS,
  /** A named school. */
  SCHOOL,
  /** A class inside a school, such as {@code lớp 5A}. */
  CLASS,
  /** A chat or social-network handle, or a Zalo number. */
  SOCIAL_HANDLE,
  /** A link to a personal social-network profile or chat invite. */
  SOCIAL_LINK,
  /** A link to a place on a map. */
  MAP_LINK,
  /** Latitude and longitude. */
  COORDINATES,
  /** A password or a PIN given away, only after a word that names it ({@code mật khẩu}, {@code pass}, {@code mã pin}). */
  PASSWORD;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /** The lower-case snake name used in JSON, e.g. {@code bank_account}. */
  public String jsonName() {
    return jsonName;
  }
}
