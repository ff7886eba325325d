package vn.lanhmanh;

/** What the caller should do with the content, in increasing order of strictness. */
public enum Action {
  /** Show it. */
  ALLOW,
  /** Show it with a warning, a confirmation, or to a parent; or show the redacted text. */
  WARN,
  /** Do not show it. */
  BLOCK;

  /** The stricter of the two. */
  public Action max(Action other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
