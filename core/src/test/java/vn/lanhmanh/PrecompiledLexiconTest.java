package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.conversation.StageMatcher;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.match.LexiconCodec;

/**
 * The precompiled default lexicon (written at build time) against the lexicon compiled now: every line of
 * the corpus, as written and in NFD, must get the same verdict from both, and every conversation line the
 * same stage hits. A structure added to the compiled lexicon but not to {@link LexiconCodec} shows here
 * (and in {@code LexiconCodecTest}, field by field).
 */
class PrecompiledLexiconTest {

  private static ContentFilter loaded;
  private static ContentFilter compiled;

  @BeforeAll
  static void open() {
    loaded = ContentFilter.builder().build();
    compiled = ContentFilter.builder().compileDefaultLexicon().build();
  }

  @AfterAll
  static void close() {
    loaded.close();
    compiled.close();
  }

  static List<String> corpusTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (CorpusTest.Case c : CorpusTest.cases()) {
      texts.add(c.text());
      texts.add(Normalizer.normalize(c.text(), Normalizer.Form.NFD));
    }
    // structures the corpus may not reach: masked swears, English, other scripts
    texts.addAll(List.of("đ*t mẹ mày", "thằng c*c", "vãi l*n", "I will kill you", "你他妈的傻逼",
        "F U C K this stupid game", "đ.m thằng ngu", "ĐMMMMM", "dit me may"));
    return texts;
  }

  @Test
  void theEmbeddedDefaultIsPrecompiled() {
    assertThat(LexiconCompiler.load(true, List.of(), null, true).precompiled())
        .as("the build writes " + LexiconCodec.DEFAULT_RESOURCE + " in process-classes").isTrue();
  }

  @Test
  void loadedAndCompiledGiveTheSameVerdictOnTheWholeCorpus() throws IOException {
    List<String> texts = corpusTexts();
    assertThat(texts).hasSizeGreaterThan(500);
    int withFindings = 0;
    for (Policy p : List.of(Policy.forAge(10), Policy.forAge(16), Policy.forAge(18))) {
      for (String t : texts) {
        Verdict a = loaded.checkText(t, p);
        assertThat(a).as("%s for %s", t, p).isEqualTo(compiled.checkText(t, p));
        withFindings += a.findings().isEmpty() ? 0 : 1;
      }
    }
    assertThat(withFindings).as("the corpus exercises the matcher").isGreaterThan(500);
    assertThat(loaded.lexiconCounts()).isEqualTo(compiled.lexiconCounts());
  }

  @Test
  void customPhrasesOverlayTheLoadedLexiconAsTheCompiledOne() throws IOException {
    Policy p = Policy.forAge(12).allow("con dâm").deny(Category.HARASSMENT, Rating.K, "đồ lớp bê");
    for (String t : corpusTexts()) {
      assertThat(loaded.checkText(t, p)).as(t).isEqualTo(compiled.checkText(t, p));
    }
  }

  @Test
  void precompiledStagePhrasesFindWhatCompiledOnesFind() throws IOException {
    StageMatcher fresh = StageMatcher.create(LexiconReader.readDefault());
    StageMatcher precompiled = loaded.monitor().matcher();
    List<String> texts = new ArrayList<>(corpusTexts());
    texts.addAll(conversationLines());
    int hits = 0;
    for (String t : texts) {
      for (boolean child : new boolean[] {false, true}) {
        List<StageMatcher.Hit> h = precompiled.match(t, child);
        assertThat(h).as(t).isEqualTo(fresh.match(t, child));
        hits += h.size();
      }
    }
    assertThat(hits).as("the scripts exercise the stage phrases").isGreaterThan(100);
    assertThat(precompiled.size()).isEqualTo(fresh.size());
  }

  /**
   * One normalisation per message: the stages a conversation message's text check reads from its own match
   * are the stages a separate match finds, with the default and with a custom policy (its overlay lexicon
   * carries the stage phrases too), and a text check never reports a stage phrase or stage concept.
   */
  @Test
  void theTextCheckReadsTheSameStagesAsASeparateMatch() throws IOException {
    StageMatcher matcher = loaded.monitor().matcher();
    Policy custom = Policy.forAge(11).deny(Category.HARASSMENT, Rating.K, "đồ lớp bê");
    List<String> texts = new ArrayList<>(conversationLines());
    texts.addAll(corpusTexts());
    int hits = 0;
    for (String t : texts) {
      for (boolean child : new boolean[] {false, true}) {
        for (Policy p : List.of(Policy.forAge(11), custom)) {
          StageMatcher.Reading r = matcher.reading(child);
          Verdict v = loaded.check(t, p, java.util.Optional.empty(), null, null, r);
          r.release();
          List<StageMatcher.Hit> read = r.hits();
          assertThat(read).as(t).isEqualTo(matcher.match(t, child));
          StageMatcher.Reading next = matcher.reading(!child);
          assertThat(next.hits()).as("the thread's next reading starts empty").isEmpty();
          next.release();
          assertThat(v.findings()).as(t).noneMatch(f -> f.rule().startsWith("stage/") || f.rule().startsWith("concept/"));
          hits += read.size();
        }
      }
    }
    assertThat(hits).as("the scripts exercise the stages").isGreaterThan(100);
  }

  /** The message texts of every conversation script ({@code sender<TAB>text} lines). */
  private static List<String> conversationLines() throws IOException {
    Path dir;
    try {
      dir = Path.of(PrecompiledLexiconTest.class.getResource("/conversation/").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    List<String> out = new ArrayList<>();
    try (var files = Files.list(dir)) {
      // the scripts only: sub-folders (tuning-chats/) have their own format and test
      for (Path f : files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".tsv")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          int tab = line.lastIndexOf('\t');
          if (!line.startsWith("#") && tab >= 0) {
            out.add(line.substring(tab + 1));
          }
        }
      }
    }
    return out;
  }

  @Test
  void aWrittenFileLoadsBackWithTheSameVerdicts(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("lexicon.lmlex");
    try (OutputStream out = Files.newOutputStream(file)) {
      ContentFilter.builder().writePrecompiledLexicon(out);
    }
    try (ContentFilter fromFile = ContentFilter.builder().precompiledLexicon(file).build()) {
      for (String t : corpusTexts()) {
        assertThat(fromFile.checkText(t, Policy.forAge(10))).as(t).isEqualTo(compiled.checkText(t, Policy.forAge(10)));
      }
    }
  }

  @Test
  void aCustomLexiconCompilesIntoAFileThatLoads(@TempDir Path dir) throws IOException {
    Path lexicon = Files.createDirectory(dir.resolve("school"));
    Files.writeString(lexicon.resolve("harassment.tsv"), "đồ gà mờ\tK\tmedium\n");
    Path file = dir.resolve("school.lmlex");
    try (OutputStream out = Files.newOutputStream(file)) {
      ContentFilter.builder().addLexicon(lexicon).writePrecompiledLexicon(out);
    }
    try (ContentFilter fromFile = ContentFilter.builder().precompiledLexicon(file).build();
        ContentFilter fromFolder = ContentFilter.builder().addLexicon(lexicon).build()) {
      Verdict v = fromFile.checkText("mày là đồ gà mờ", Policy.forAge(10));
      assertThat(v.findings()).extracting(Finding::rule).contains("harassment/do_ga_mo");
      assertThat(v).isEqualTo(fromFolder.checkText("mày là đồ gà mờ", Policy.forAge(10)));
    }
  }

  @Test
  void aDamagedFileIsRefusedNamingTheProblem(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ContentFilter.builder().writePrecompiledLexicon(buf);
    byte[] good = buf.toByteArray();

    byte[] flipped = good.clone();
    // every bit of one byte: one flipped bit at this offset left the inflated payload unchanged for one build
    // of the stage data (so the file loaded); a damaged byte must still be refused
    flipped[flipped.length - 100] ^= (byte) 0xFF;
    assertRefused(dir, "flipped.lmlex", flipped, "corrupt");

    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    assertRefused(dir, "truncated.lmlex", truncated, "truncated");

    byte[] otherVersion = good.clone();
    otherVersion[11] = 99; // the low byte of the format version, after the 8-byte magic
    assertRefused(dir, "version.lmlex", otherVersion, "format version 99");

    assertRefused(dir, "text.lmlex", "địt mẹ\tT18\thigh\n".getBytes(StandardCharsets.UTF_8),
        "not a precompiled lexicon");
    assertRefused(dir, "empty.lmlex", new byte[0], "not a precompiled lexicon");
  }

  @Test
  void aFileFromAnotherEngineBuildIsRefused(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    LexiconCompiler.write(LexiconReader.readDefault(), 0, "1-deadbeef", buf, LexiconCodec.Compression.DEFLATE);
    assertRefused(dir, "other.lmlex", buf.toByteArray(), "another build");
  }

  private static void assertRefused(Path dir, String name, byte[] bytes, String reason) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    assertThatThrownBy(() -> ContentFilter.builder().precompiledLexicon(file).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(reason);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      if (!reason.equals("another build")) {
        assertThatThrownBy(() -> LexiconCodec.read(in)).isInstanceOf(LexiconCodec.FormatException.class);
      }
    }
  }
}
