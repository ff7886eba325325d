package vn.lanhmanh.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.lanhmanh.Action;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * The full text pipeline (normalise, match, decide) on Vietnamese text of three sizes: short chat
 * messages (ViHOS comments when {@code ../shared/data/vihos} is present, otherwise generated ones), 2 KB
 * paragraphs and a 200 KB page made of them. Each operation checks one text; divide by the mean length
 * printed at setup to get characters per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput})
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClassifyTextBenchmark {

  @Param({"chat", "paragraph", "page"})
  public String size;

  private ContentFilter filter;
  private Policy policy;
  private String[] texts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    filter = ContentFilter.builder().build();
    policy = Policy.forAge(10);
    List<String> comments = Corpus.comments();
    switch (size) {
      case "chat":
        texts = comments.toArray(new String[0]);
        break;
      case "paragraph":
        texts = Corpus.join(comments, 2_048, 256);
        break;
      case "page":
        texts = Corpus.join(comments, 200_000, 4);
        break;
      default:
        throw new IllegalArgumentException("size " + size);
    }
    long chars = 0;
    for (String t : texts) {
      chars += t.length();
    }
    System.out.printf("%n[setup] %s: %d texts, mean %.1f chars (source: %s)%n", size, texts.length,
        (double) chars / texts.length, Corpus.source());
    // The benchmark must measure a working filter.
    Verdict v = filter.checkText("đm thằng ngu", policy);
    if (v.action() != Action.BLOCK || v.findings().isEmpty()) {
      throw new IllegalStateException("filter does not find a known bad text: " + v);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    filter.close();
  }

  @Benchmark
  public Verdict checkText() {
    String t = texts[next];
    next = next + 1 == texts.length ? 0 : next + 1;
    return filter.checkText(t, policy);
  }

  /** Benchmark texts: real comments when the shared data is there, generated ones otherwise. */
  static final class Corpus {
    private static String source = "generated";

    static String source() {
      return source;
    }

    static List<String> comments() throws IOException {
      Path vihos = Path.of(System.getProperty("lanhmanh.vihos", "../shared/data/vihos/train.csv"));
      if (Files.isRegularFile(vihos)) {
        source = vihos.toString();
        return readCsvContent(Files.readString(vihos, StandardCharsets.UTF_8));
      }
      return generated(5_000);
    }

    /** Generated chat lines from common Vietnamese words, with a bad word in one line out of six. */
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

    /** The {@code content} column of a ViHOS CSV (RFC 4180 quoting). */
    static List<String> readCsvContent(String s) {
      List<String> out = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int col = 0;
      boolean quoted = false;
      boolean header = true;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
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
          if (col == 1 && !header) {
            out.add(field.toString());
          }
          field.setLength(0);
          if (c == '\n') {
            col = 0;
            header = false;
          } else {
            col++;
          }
        } else if (c != '\r') {
          field.append(c);
        }
      }
      return out;
    }
  }
}
