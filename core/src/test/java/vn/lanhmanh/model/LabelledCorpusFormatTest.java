package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lanhmanh.Category;
import vn.lanhmanh.model.LabelledCorpus.Message;
import vn.lanhmanh.model.LabelledCorpus.NearIndex;

/**
 * Checks the labelled message corpus ({@code labelled/}, docs/ANNOTATION.md): every file of every part is
 * well formed (columns, ids, labels, styles, NFC, UTF-8), every category but {@code pii} has a training and
 * a development file, ids are unique in the corpus, no message of the training and development parts
 * repeats or nearly repeats another one or a message of the test part, and the counts in the labelled
 * README are those of the files. Messages of the test part are compared but never printed.
 */
class LabelledCorpusFormatTest {

  private static final List<String> PART_ORDER = List.of("train", "dev", "test");
  private static Path root;
  private static final Map<String, List<Message>> byPart = new HashMap<>();
  private static final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void readAll() throws IOException, URISyntaxException {
    root = Path.of(LabelledCorpusFormatTest.class.getResource("/labelled").toURI());
    for (String part : PART_ORDER) {
      List<Message> messages = new ArrayList<>();
      Path dir = root.resolve(part);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".tsv")) {
              continue;
            }
            String category = name.substring(0, name.length() - 4);
            LabelledCorpus.Parsed p = LabelledCorpus.read(f, part, category);
            messages.addAll(p.messages());
            problems.addAll(p.problems());
          }
        }
      }
      byPart.put(part, messages);
    }
  }

  private static List<Message> trainAndDev() {
    List<Message> out = new ArrayList<>(byPart.get("train"));
    out.addAll(byPart.get("dev"));
    return out;
  }

  @Test
  void everyFileIsWellFormed() {
    assertThat(problems).isEmpty();
  }

  @Test
  void everyCategoryButPiiHasATrainingAndADevelopmentFileWithBothLabels() {
    for (Category c : Category.values()) {
      if (c == Category.PII) {
        continue;
      }
      for (String part : List.of("train", "dev")) {
        assertThat(root.resolve(part).resolve(c.jsonName() + ".tsv")).as(part + " " + c).isRegularFile();
        List<Message> in = byPart.get(part).stream().filter(m -> m.category().equals(c.jsonName())).toList();
        assertThat(in).as(part + " " + c + " positives").anyMatch(m -> m.label() == 1);
        assertThat(in).as(part + " " + c + " hard negatives").anyMatch(m -> m.label() == 0);
      }
    }
    assertThat(root.resolve("train/pii.tsv")).doesNotExist();
  }

  @Test
  void idsAreUniqueInTheWholeCorpus() {
    Map<String, Integer> seen = new HashMap<>();
    for (String part : PART_ORDER) {
      for (Message m : byPart.get(part)) {
        seen.merge(m.id(), 1, Integer::sum);
      }
    }
    assertThat(seen).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
  }

  /**
   * No message of the training and development parts repeats or nearly repeats another of them. The one
   * exception is the multi-label rule of the guide: the same text, positive in two category files of the
   * same part.
   */
  @Test
  void noDuplicatesOrNearDuplicatesInTrainingAndDevelopment() {
    List<Message> all = trainAndDev();
    NearIndex index = new NearIndex();
    all.forEach(index::add);
    List<String> found = new ArrayList<>();
    for (Message m : all) {
      for (Message o : index.clashes(m)) {
        boolean multiLabel = m.text().equals(o.text()) && m.part().equals(o.part())
            && !m.category().equals(o.category()) && m.label() == 1 && o.label() == 1;
        if (!multiLabel && m.id().compareTo(o.id()) < 0) {
          found.add(m.id() + " ~ " + o.id() + ": " + m.text() + " | " + o.text());
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /** Compares with the test part without printing its messages: only the training or dev id is shown. */
  @Test
  void noTrainingOrDevelopmentMessageRepeatsATestMessage() {
    NearIndex test = new NearIndex();
    byPart.get("test").forEach(test::add);
    List<String> found = new ArrayList<>();
    for (Message m : trainAndDev()) {
      if (!test.clashes(m).isEmpty()) {
        found.add(m.id() + " repeats or nearly repeats a message of the test part");
      }
    }
    assertThat(found).isEmpty();
  }

  private static final Pattern ROW = Pattern.compile(
      "\\|\\s*(\\d+[a-z]?)\\s*\\|\\s*(\\w+)\\s*\\|\\s*[\\d-]+\\s*\\|\\s*`(\\w+)/(\\w+)\\.tsv`\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|");

  /** The rounds table of the labelled README states the real counts of every file, and lists every file. */
  @Test
  void readmeCountsAreTheFileCounts() throws IOException {
    Map<String, int[]> actual = new TreeMap<>();
    for (String part : PART_ORDER) {
      for (Message m : byPart.get(part)) {
        actual.computeIfAbsent(part + "/" + m.category(), k -> new int[2])[m.label() == 1 ? 0 : 1]++;
      }
    }
    Map<String, int[]> stated = new TreeMap<>();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher r = ROW.matcher(readme);
    while (r.find()) {
      assertThat(r.group(2)).as("part column of " + r.group(0)).isEqualTo(r.group(3));
      int[] counts = {Integer.parseInt(r.group(5)), Integer.parseInt(r.group(6))};
      stated.merge(r.group(3) + "/" + r.group(4), counts, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
    }
    assertThat(stated.keySet()).isEqualTo(actual.keySet());
    stated.forEach((file, counts) -> assertThat(counts).as(file).containsExactly(actual.get(file)));
  }

  static Stream<Arguments> malformed() {
    String head = "# id\tlabel\tstyle\ttext\n";
    return Stream.of(
        Arguments.of("three columns", head + "r1-scam-001\t1\tnhận quà ngay\n"),
        Arguments.of("five columns", head + "r1-scam-001\t1\tsms\tnhận quà\tngay\n"),
        Arguments.of("label 2", head + "r1-scam-001\t2\tsms\tnhận quà ngay\n"),
        Arguments.of("label yes", head + "r1-scam-001\tyes\tsms\tnhận quà ngay\n"),
        Arguments.of("unknown style", head + "r1-scam-001\t1\ttweet\tnhận quà ngay\n"),
        Arguments.of("id of the test part in train", head + "t1-scam-001\t1\tsms\tnhận quà ngay\n"),
        Arguments.of("id of another category", head + "r1-drugs-001\t1\tsms\tnhận quà ngay\n"),
        Arguments.of("id without number", head + "r1-scam\t1\tsms\tnhận quà ngay\n"),
        Arguments.of("round with two letters", head + "r12bc-scam-001\t1\tsms\tnhận quà ngay\n"),
        Arguments.of("repeated id", head + "r1-scam-001\t1\tsms\tnhận quà ngay\nr1-scam-001\t0\tnews\tcảnh báo lừa đảo\n"),
        Arguments.of("NFD text", head + "r1-scam-001\t1\tsms\tnha\u0323\u0302n quà ngay\n"),
        Arguments.of("empty text", head + "r1-scam-001\t1\tsms\t\n"),
        Arguments.of("text with spaces around", head + "r1-scam-001\t1\tsms\t nhận quà ngay\n"),
        Arguments.of("blank line", head + "r1-scam-001\t1\tsms\tnhận quà ngay\n\nr1-scam-002\t0\tnews\tcảnh báo\n"),
        Arguments.of("carriage returns", head + "r1-scam-001\t1\tsms\tnhận quà ngay\r\n"),
        Arguments.of("byte order mark", "\uFEFF" + head + "r1-scam-001\t1\tsms\tnhận quà ngay\n"),
        Arguments.of("comments only", head));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedFileIsRefused(String what, String content) {
    assertThat(LabelledCorpus.parse(content, "train", "scam").problems()).as(what).isNotEmpty();
  }

  @Test
  void aWellFormedFileHasNoProblem() {
    String content = "# comment\n# id\tlabel\tstyle\ttext\nr1-scam-001\t1\tsms\tBan trung thuong 10tr, bam link nhan\n"
        + "r1-scam-002\t0\tnews\tCảnh báo lừa đảo trúng thưởng qua tin nhắn 😮\n"
        + "r12b-scam-001\t0\tchat\tmẹ chuyển tiền học thêm vào tài khoản của cô rồi\n";
    LabelledCorpus.Parsed p = LabelledCorpus.parse(content, "train", "scam");
    assertThat(p.problems()).isEmpty();
    assertThat(p.messages()).extracting(Message::label).containsExactly(1, 0, 0);
  }

  @Test
  void nearDuplicatesAreFound() {
    NearIndex index = new NearIndex();
    Message a = msg("r1-scam-001", "Chị Lan ơi em trúng thưởng 10 triệu, bấm link để nhận nhé");
    index.add(a);
    assertThat(index.clashes(msg("r1-scam-002", "chi lan oi em trung thuong 50 trieu!! bam link de nhan nhe")))
        .as("diacritics, case, number, punctuation").containsExactly(a);
    assertThat(index.clashes(msg("r1-scam-003", "Chị Hoa ơi em trúng thưởng 10 triệu, bấm link để nhận nhé")))
        .as("another name").containsExactly(a);
    assertThat(index.clashes(msg("r1-scam-004", "Chị Lan ơi em trúng thưởng lớn 10 triệu, bấm link để nhận nhé")))
        .as("one word added").containsExactly(a);
    assertThat(index.clashes(msg("r1-scam-005", "Lan ơi em trúng thưởng 10 triệu, bấm link để nhận nhé")))
        .as("one word left out").containsExactly(a);
    assertThat(index.clashes(msg("r1-scam-006", "Chị Lan ơi em đã nhận quà của chị, cảm ơn chị nhé")))
        .as("another message").isEmpty();
    assertThat(index.clashes(msg("r1-scam-007", "buồn muốn chết"))).isEmpty();
    assertThat(index.clashes(a)).as("itself").isEmpty();
  }

  private static Message msg(String id, String text) {
    return new Message("train", "scam", 1, id, 1, "chat", text);
  }
}
