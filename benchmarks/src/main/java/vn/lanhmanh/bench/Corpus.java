package vn.lanhmanh.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark texts: the ViHOS comments when {@code ../shared/data/vihos} is there (run from the project
 * root), generated chat lines otherwise. The folder can be moved with {@code -Dlanhmanh.data=DIR}
 * (the folder holding {@code vihos/} and {@code profanity/}).
 */
final class Corpus {

  /** One ViHOS comment and its gold toxic characters (code point indices, as ViHOS counts them). */
  record Comment(String text, int[] goldCodePoints) {
    boolean clean() {
      return goldCodePoints.length == 0;
    }
  }

  private Corpus() {}

  static Path dataDir() {
    return Path.of(System.getProperty("lanhmanh.data", "../shared/data"));
  }

  static Path vihos(String split) {
    return dataDir().resolve("vihos").resolve(split + ".csv");
  }

  /** Where {@link #chat()} takes its texts from. */
  static String chatSource() {
    Path train = vihos("train");
    return Files.isRegularFile(train) ? "ViHOS " + train : "generated (ViHOS not found at " + train + ")";
  }

  /** Chat messages: the ViHOS train comments in file order, or 5,000 generated lines. */
  static List<String> chat() {
    Path train = vihos("train");
    if (!Files.isRegularFile(train)) {
      return generated(5_000);
    }
    List<String> out = new ArrayList<>();
    for (Comment c : readVihos(train)) {
      out.add(c.text());
    }
    return out;
  }

  /**
   * Texts of one benchmark size: {@code chat} (one message each), {@code paragraph} (256 texts of
   * about 2 KB) or {@code page} (4 texts of about 200 KB), the longer ones made of consecutive messages.
   */
  static String[] texts(String size) {
    List<String> chat = chat();
    switch (size) {
      case "chat":
        return chat.toArray(new String[0]);
      case "paragraph":
        return join(chat, 2_048, 256);
      case "page":
        return join(chat, 200_000, 4);
      default:
        throw new IllegalArgumentException("unknown size '" + size + "' (expected chat, paragraph or page)");
    }
  }

  /**
   * Generated chat lines from everyday Vietnamese words, one line in six ending with a bad word.
   * Fixed seed, so every run and every peer sees the same lines.
   */
  static List<String> generated(int n) {
    String[] words = ("các bạn ơi hôm nay lớp mình đi học thêm toán tiếng việt cô giáo nói rằng "
        + "bài tập về nhà rất khó nhưng mà em vẫn cố gắng làm xong trước khi đi ngủ nhé mẹ ơi con "
        + "đói bụng quá trời ơi vui thật đấy đi chơi không").split(" ");
    String[] bad = {"đm", "thằng ngu", "vcl", "địt mẹ", "óc chó", "nhà cái uy tín"};
    SplittableRandom r = new SplittableRandom(42);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 4 + r.nextInt(16);
      for (int w = 0; w < len; w++) {
        sb.append(w == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
      }
      if (r.nextInt(6) == 0) {
        sb.append(' ').append(bad[r.nextInt(bad.length)]);
      }
      out.add(sb.toString());
    }
    return out;
  }

  static String[] join(List<String> comments, int targetChars, int count) {
    String[] out = new String[count];
    int k = 0;
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder(targetChars + 256);
      while (sb.length() < targetChars) {
        sb.append(comments.get(k++ % comments.size())).append('\n');
      }
      out[i] = sb.toString();
    }
    return out;
  }

  static double meanLength(String[] texts) {
    long chars = 0;
    for (String t : texts) {
      chars += t.length();
    }
    return (double) chars / texts.length;
  }

  /** The rows of a ViHOS CSV ({@code ,content,index_spans}, RFC 4180 quoting). */
  static List<Comment> readVihos(Path csv) {
    String s;
    try {
      s = Files.readString(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    List<Comment> out = new ArrayList<>();
    List<String> row = new ArrayList<>(3);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean header = true;
    for (int i = 0; i <= s.length(); i++) {
      char c = i == s.length() ? '\n' : s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',' || c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        if (c == '\n') {
          if (!header && row.size() >= 3) {
            out.add(new Comment(row.get(1), parseIntList(row.get(2))));
          }
          header = false;
          row.clear();
        }
      } else if (c != '\r') {
        field.append(c);
      }
    }
    return out;
  }

  private static int[] parseIntList(String s) {
    String body = s.strip();
    if (body.startsWith("[")) {
      body = body.substring(1, body.length() - 1);
    }
    if (body.isBlank()) {
      return new int[0];
    }
    String[] parts = body.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i].strip());
    }
    return out;
  }
}
