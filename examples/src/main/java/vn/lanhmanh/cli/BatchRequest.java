package vn.lanhmanh.cli;

import java.util.Objects;

/**
 * One line of {@code batch} input, read: either a text or a URL to check, or the reason the line is
 * unusable. Exactly one of {@code text}, {@code url} and {@code error} is non-null. Immutable.
 *
 * @param id the id to echo ({@link JsonId#NULL} when missing)
 * @param text the text to check
 * @param url the URL to check
 * @param age the viewer's age from the line, or {@code -1} to use {@code --age}
 * @param error why the line cannot be checked
 */
record BatchRequest(JsonId id, String text, String url, int age, String error) {

  BatchRequest {
    Objects.requireNonNull(id, "id");
  }

  static BatchRequest text(JsonId id, String text, int age) {
    return new BatchRequest(id, text, null, age, null);
  }

  static BatchRequest url(JsonId id, String url, int age) {
    return new BatchRequest(id, null, url, age, null);
  }

  static BatchRequest error(JsonId id, String error) {
    return new BatchRequest(id, null, null, -1, error);
  }

  boolean failed() {
    return error != null;
  }
}
