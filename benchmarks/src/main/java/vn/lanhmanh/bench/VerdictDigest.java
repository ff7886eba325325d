package vn.lanhmanh.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * Digests of everything a check returns, to show that a change to the engine leaves every verdict and score
 * bit for bit as it was: for each set-up (with and without the classifiers, the tagger, several ages, a
 * conversation) the SHA-256 of every text's action, rating, findings with their offsets, redacted text,
 * notes, errors and the raw bits of every score. Run from the project root before and after a change and
 * compare the printed lines.
 *
 * <p>Texts: the ViHOS train and dev comments and the clean sentences of the data folder when present (see
 * {@link Corpus#dataDir}), the benchmark's paragraphs, and the labelled corpus's train and dev parts
 * ({@code core/src/test/resources/labelled}); the generated chat lines when nothing else is found.
 */
public final class VerdictDigest {

  private VerdictDigest() {}

  private record Setup(String name, ContentFilter filter, int age) {}

  public static void main(String[] args) throws IOException {
    List<String> texts = texts();
    List<Setup> setups = List.of(
        new Setup("default, age 10", ContentFilter.builder().build(), 10),
        new Setup("withoutClassifiers, age 10", ContentFilter.builder().withoutClassifiers().build(), 10),
        new Setup("withClassifiers, age 10", ContentFilter.builder().withClassifiers().build(), 10),
        new Setup("withClassifiers, age 16", ContentFilter.builder().withClassifiers().build(), 16),
        new Setup("modelFindings+withClassifiers, age 10",
            ContentFilter.builder().withModel().modelFindings(true).withClassifiers().build(), 10));
    System.out.println(texts.size() + " texts");
    for (Setup s : setups) {
      MessageDigest md = sha256();
      Policy policy = Policy.forAge(s.age());
      for (String t : texts) {
        md.update(describe(s.filter().checkText(t, policy)).getBytes(StandardCharsets.UTF_8));
      }
      System.out.println(HexFormat.of().formatHex(md.digest()) + "  " + s.name());
    }
    // conversations of 20 messages, the child and someone else taking turns, a minute apart
    ContentFilter filter = ContentFilter.builder().withClassifiers().build();
    Policy policy = Policy.forAge(11);
    MessageDigest md = sha256();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Conversation c = null;
    for (int i = 0; i < texts.size(); i++) {
      if (i % 20 == 0) {
        c = filter.conversation("c" + i);
      }
      Message.Sender sender = i % 2 == 0 ? Message.Sender.OTHER : Message.Sender.CHILD;
      ConversationVerdict cv = c.check(new Message("m" + i, sender, texts.get(i), t0.plusSeconds(60L * i)), policy);
      md.update((describe(cv.verdict()) + Long.toHexString(Double.doubleToRawLongBits(cv.risk())) + cv.stages()
          + "\n").getBytes(StandardCharsets.UTF_8));
    }
    System.out.println(HexFormat.of().formatHex(md.digest()) + "  conversations with classifiers, age 11");
  }

  static String describe(Verdict v) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(v.action()).append(' ').append(v.rating()).append('|');
    for (Finding f : v.findings()) {
      sb.append(f.category()).append(',').append(f.severity()).append(',').append(f.rating()).append(',')
          .append(f.rule()).append(',').append(f.start()).append(',').append(f.end()).append(',')
          .append(f.match()).append(';');
    }
    sb.append('|').append(v.redacted()).append('|').append(v.notes()).append('|').append(v.errors()).append('|');
    for (Category k : Category.values()) {
      Double s = v.scores().get(k);
      sb.append(s == null ? "-" : Long.toHexString(Double.doubleToRawLongBits(s))).append(',');
    }
    return sb.append('\n').toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> texts() throws IOException {
    List<String> out = new ArrayList<>();
    for (String split : List.of("train", "dev")) {
      Path csv = Corpus.vihos(split);
      if (Files.isRegularFile(csv)) {
        Corpus.readVihos(csv).forEach(c -> out.add(c.text()));
      }
    }
    Path clean = Corpus.dataDir().resolve("clean");
    if (Files.isDirectory(clean)) {
      try (Stream<Path> files = Files.list(clean)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          out.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
      }
    }
    out.addAll(List.of(Corpus.texts("paragraph")));
    for (String part : List.of("train", "dev")) {
      Path dir = Path.of("core/src/test/resources/labelled", part);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t", 4);
            if (!line.startsWith("#") && cols.length == 4) {
              out.add(cols[3]);
            }
          }
        }
      }
    }
    if (out.isEmpty()) {
      out.addAll(Corpus.generated(5_000));
    }
    return out;
  }
}
