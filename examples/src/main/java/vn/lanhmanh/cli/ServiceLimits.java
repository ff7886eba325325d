package vn.lanhmanh.cli;

/**
 * The limits of the HTTP service, each refused with its own error code (see docs/SERVICE.md). Immutable.
 *
 * @param maxBodyBytes the largest request body, in bytes ({@code 413 body_too_large})
 * @param maxBatchItems the most items in one {@code /v1/batch} ({@code 413 too_many_items})
 * @param maxTextChars the longest {@code text} or {@code url}, in UTF-16 units as Java and JavaScript
 *     count them ({@code 422 text_too_long})
 */
record ServiceLimits(int maxBodyBytes, int maxBatchItems, int maxTextChars) {

  static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  static final int DEFAULT_MAX_BATCH_ITEMS = 1_000;
  static final int DEFAULT_MAX_TEXT_CHARS = 100_000;

  /** The documented defaults: 1 MiB, 1,000 items, 100,000 chars. */
  static final ServiceLimits DEFAULTS =
      new ServiceLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH_ITEMS, DEFAULT_MAX_TEXT_CHARS);

  ServiceLimits {
    if (maxBodyBytes < 1 || maxBatchItems < 1 || maxTextChars < 1) {
      throw new IllegalArgumentException("service limits must be positive: body " + maxBodyBytes
          + " bytes, batch " + maxBatchItems + " items, text " + maxTextChars + " chars");
    }
  }
}
