package vn.lanhmanh.cli;

/**
 * An error answer of the HTTP service: the status, a stable machine-readable {@code code} and a message for
 * people. The codes are part of the contract (docs/SERVICE.md, openapi.json); messages may change.
 * Immutable.
 */
record ServiceProblem(int status, String code, String message) {

  static final String MALFORMED_JSON = "malformed_json";
  static final String INVALID_REQUEST = "invalid_request";
  static final String TEXT_TOO_LONG = "text_too_long";
  static final String BODY_TOO_LARGE = "body_too_large";
  static final String TOO_MANY_ITEMS = "too_many_items";
  static final String MALFORMED_URL = "malformed_url";
  static final String NOT_FOUND = "not_found";
  static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  static final String NO_INDEX = "no_index";
  static final String UNAVAILABLE = "unavailable";
  static final String INTERNAL_ERROR = "internal_error";
  static final String UNREADABLE_BODY = "unreadable_body";
  static final String BODY_TIMEOUT = "body_timeout";
  static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  static final String HOST_NOT_ALLOWED = "host_not_allowed";
  static final String UNAUTHORIZED = "unauthorized";
  static final String TOO_MANY_CONVERSATIONS = "too_many_conversations";
  static final String BUSY = "busy";
  static final String ANSWER_TOO_LARGE = "answer_too_large";

  static ServiceProblem malformedJson(String message) {
    return new ServiceProblem(400, MALFORMED_JSON, message);
  }

  static ServiceProblem invalid(String message) {
    return new ServiceProblem(422, INVALID_REQUEST, message);
  }
}
