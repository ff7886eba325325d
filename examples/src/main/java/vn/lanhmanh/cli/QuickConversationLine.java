package vn.lanhmanh.cli;

import com.fasterxml.jackson.core.JsonToken;
import java.time.Instant;
import java.util.Locale;
import vn.lanhmanh.Message;

/**
 * The quick read of a well-formed {@code conversation} line, for {@link ConversationLineParser}: one pass
 * over the chars, no parser object. It reads only lines it is sure of: an object of names without escapes
 * and scalar values (strings with the usual escapes, whole numbers, {@code true}, {@code false},
 * {@code null}), each name once, the fields the contract needs present and valid. Any other line (a bad one,
 * a fraction, a nested value, a long name or number, many unknown fields) it gives up on, and Jackson reads
 * it; so the answer is always Jackson's. Stateless and thread-safe.
 */
final class QuickConversationLine {

  /** The most digits of a whole number read here (a {@code long} holds them all). */
  private static final int MAX_DIGITS = 18;
  /** The longest field name read here. */
  private static final int MAX_NAME = 64;
  /** The most fields other than the contract's read here (each name is compared with the others). */
  private static final int MAX_OTHER = 8;

  private static final int ID = 1;
  private static final int CONVERSATION = 2;
  private static final int SENDER = 4;
  private static final int TEXT = 8;
  private static final int TIME = 16;

  private final String s;
  private int i;
  /** The last value read: its token and text (a string's decoded chars, a number's digits). */
  private JsonToken token;
  private String text;
  /** The last name read when it is not one of the contract's. */
  private String otherName;

  private QuickConversationLine(String line) {
    this.s = line;
  }

  /**
   * The line read as {@link ConversationLineParser#parse} reads it, or {@code null} when this quick read is
   * not sure of it (the caller then reads it with Jackson).
   */
  static ConversationRequest parse(String line, long lineNumber) {
    if (line.length() > Json.MAX_STRING_CHARS) {
      return null;   // Jackson's own limit decides
    }
    return new QuickConversationLine(line).request(lineNumber);
  }

  /** Sentinel of {@link #key}: the quick read gave up. */
  static final String UNSURE = new String("unsure");

  /**
   * The line's conversation key as {@link ConversationLineParser#key} reads it, {@code null} for a line that
   * has none, or {@link #UNSURE} (compare by identity) when the quick read gave up.
   */
  static String key(String line) {
    if (line.length() > Json.MAX_STRING_CHARS) {
      return UNSURE;
    }
    QuickConversationLine q = new QuickConversationLine(line);
    int seen = 0;
    String[] other = null;   // the other names, made for the first
    int others = 0;
    if (!q.start()) {
      return UNSURE;
    }
    while (true) {
      int bit = q.name();
      if (bit < 0) {
        return UNSURE;
      }
      if (bit == 0) {
        if (others == MAX_OTHER || contains(other, others, q.otherName)) {
          return UNSURE;
        }
        other = other != null ? other : new String[MAX_OTHER];
        other[others++] = q.otherName;
      } else if ((seen & bit) != 0) {
        return UNSURE;
      }
      seen |= bit;
      if (!q.value()) {
        return UNSURE;
      }
      if (bit == CONVERSATION) {
        return q.token == JsonToken.VALUE_STRING || q.token == JsonToken.VALUE_NUMBER_INT ? q.text : null;
      }
      int next = q.next();
      if (next == '}') {
        return q.end() ? null : UNSURE;
      }
      if (next != ',') {
        return UNSURE;
      }
    }
  }

  private ConversationRequest request(long lineNumber) {
    if (!start()) {
      return null;
    }
    int seen = 0;
    String[] other = null;   // the other names, made for the first
    int others = 0;
    JsonId id = JsonId.NULL;
    String messageId = null;
    JsonId conversation = null;
    String key = null;
    String sender = null;
    String message = null;
    Instant time = null;
    while (true) {
      int bit = name();
      if (bit < 0) {
        return null;
      }
      if (bit == 0) {
        if (others == MAX_OTHER || contains(other, others, otherName)) {
          return null;
        }
        other = other != null ? other : new String[MAX_OTHER];
        other[others++] = otherName;
      } else if ((seen & bit) != 0) {
        return null;   // Jackson refuses a duplicate: its message
      }
      seen |= bit;
      if (!value()) {
        return null;
      }
      switch (bit) {
        case ID -> {
          id = JsonId.scalar(token, text);
          messageId = token == JsonToken.VALUE_NULL ? null : text;
        }
        case CONVERSATION -> {
          if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT) {
            conversation = JsonId.scalar(token, text);
            key = text;
          } else if (token != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case SENDER -> {
          if (token != JsonToken.VALUE_STRING) {
            return null;
          }
          sender = text;
        }
        case TEXT -> {
          if (token != JsonToken.VALUE_STRING) {
            return null;
          }
          message = text;
        }
        case TIME -> {
          if (token == JsonToken.VALUE_NUMBER_INT) {
            long t = Long.parseLong(text);
            if (t < 0 || t > ConversationLineParser.MAX_TIME) {
              return null;
            }
            time = Instant.ofEpochSecond(t);
          } else if (token != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        default -> { }
      }
      int next = next();
      if (next == '}') {
        break;
      }
      if (next != ',') {
        return null;
      }
    }
    if (!end() || conversation == null || sender == null || message == null) {
      return null;
    }
    Message.Sender role = sender.equals("child") || !sender.equals("other")
        && sender.strip().toLowerCase(Locale.ROOT).equals("child") ? Message.Sender.CHILD : Message.Sender.OTHER;
    return new ConversationRequest(id, messageId != null ? messageId : "line-" + lineNumber, conversation, key,
        role, message, time, null);
  }

  private static boolean contains(String[] names, int n, String name) {
    for (int k = 0; k < n; k++) {
      if (names[k].equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Skips JSON white space; the next char, or -1 at the end. */
  private int peek() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return c;
      }
      i++;
    }
    return -1;
  }

  /** The opening brace and a name next. */
  private boolean start() {
    if (peek() != '{') {
      return false;
    }
    i++;
    return peek() == '"';
  }

  /** Only white space left after the closing brace. */
  private boolean end() {
    return peek() == -1;
  }

  /** The next char after white space, consumed. */
  private int next() {
    int c = peek();
    if (c >= 0) {
      i++;
    }
    return c;
  }

  /**
   * A field name without escapes and its colon: its bit among the contract's names, 0 for another name (then
   * in {@link #otherName}), -1 to give up.
   */
  private int name() {
    if (peek() != '"') {
      return -1;
    }
    int from = ++i;
    int stop = Math.min(s.length(), from + MAX_NAME + 1);
    for (int k = from; k < stop; k++) {
      char c = s.charAt(k);
      if (c == '"') {
        i = k + 1;
        if (next() != ':') {
          return -1;
        }
        int bit = bit(from, k - from);
        otherName = bit == 0 ? s.substring(from, k) : null;
        return bit;
      }
      if (c < 0x20 || c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /** The bit of the name at {@code from}, compared in place; 0 for a name not in the contract. */
  private int bit(int from, int length) {
    return switch (length) {
      case 2 -> s.startsWith("id", from) ? ID : 0;
      case 4 -> s.startsWith("text", from) ? TEXT : s.startsWith("time", from) ? TIME : 0;
      case 6 -> s.startsWith("sender", from) ? SENDER : 0;
      case 12 -> s.startsWith("conversation", from) ? CONVERSATION : 0;
      default -> 0;
    };
  }

  /** A scalar value into {@link #token} and {@link #text}; false to give up. */
  private boolean value() {
    int c = peek();
    if (c == '"') {
      i++;
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    return literal("true", JsonToken.VALUE_TRUE) || literal("false", JsonToken.VALUE_FALSE)
        || literal("null", JsonToken.VALUE_NULL);
  }

  private boolean literal(String word, JsonToken t) {
    if (!s.startsWith(word, i)) {
      return false;
    }
    i += word.length();
    token = t;
    text = word;
    return delimited();
  }

  /** The value is followed by white space, a comma, a closing brace or the end (Jackson's check too). */
  private boolean delimited() {
    if (i == s.length()) {
      return true;
    }
    char c = s.charAt(i);
    return c == ',' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** A whole number: {@code -?(0|[1-9][0-9]*)} of at most {@value #MAX_DIGITS} digits. */
  private boolean number() {
    int from = i;
    if (s.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    int n = i - digits;
    if (n == 0 || n > MAX_DIGITS || (n > 1 && s.charAt(digits) == '0') || !delimited()) {
      return false;
    }
    token = JsonToken.VALUE_NUMBER_INT;
    text = s.substring(from, i);
    return true;
  }

  /** A string after its opening quote, with the escapes JSON has; no raw control chars. */
  private boolean string() {
    int from = i;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"') {
        text = s.substring(from, i++);
        token = JsonToken.VALUE_STRING;
        return true;
      }
      if (c == '\\') {
        return escaped(from);
      }
      if (c < 0x20) {
        return false;
      }
      i++;
    }
    return false;
  }

  /** An ASCII hex digit's value (Jackson reads no other digits in an escape), or -1. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private boolean escaped(int from) {
    StringBuilder b = new StringBuilder(s.length() - from);
    b.append(s, from, i);
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i++);
      if (c == '"') {
        text = b.toString();
        token = JsonToken.VALUE_STRING;
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i == n) {
        return false;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > n) {
            return false;
          }
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = hex(s.charAt(i++));
            if (d < 0) {
              return false;
            }
            v = v * 16 + d;
          }
          b.append((char) v);
        }
        default -> {
          return false;
        }
      }
    }
    return false;
  }
}
