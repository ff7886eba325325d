package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.match.LexiconCodec;

/**
 * The text path needs neither Lucene nor Caffeine (Android, docs/ANDROID.md): a JVM started with both
 * removed from the class path builds the default filter from its precompiled lexicon, checks texts, a
 * custom policy (compiled at run time), URLs (the built-in LRU cache instead of Caffeine's) and a grooming
 * conversation (the precompiled stage phrases). Without Guava and the default URL lists too (what the
 * {@code android} jar and its documented exclusions leave, with the models), texts, policies and
 * conversations still work (the default filter then runs without the classifiers), a URL check fails closed,
 * and the embedded models are refused at build().
 */
class WithoutLuceneAndCaffeineTest {

  private static final String[] TEXTS = {"đm thằng ngu", "các bạn ơi đi học thôi", "I will kill you", "你他妈的傻逼"};

  @Test
  void theTextPathRunsWithoutLuceneAndCaffeine() throws IOException, InterruptedException {
    List<String> kept = new ArrayList<>();
    int removed = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("lucene-") || name.startsWith("caffeine-")) {
        removed++;
      } else {
        kept.add(entry);
      }
    }
    assertThat(removed).as("lucene-core and caffeine were on the test class path").isGreaterThanOrEqualTo(2);
    String out = run(kept, "jvm");
    assertThat(out).contains("absent: org.apache.lucene.util.Version",
        "absent: com.github.benmanes.caffeine.cache.Caffeine");
    assertThat(out).contains("đm thằng ngu => BLOCK T16", "các bạn ơi đi học thôi => ALLOW P []",
        "I will kill you => BLOCK", "你他妈的傻逼 => ALLOW P [] notes=[language not covered",
        "custom => WARN K", "policy/harassment/do_ga_mo", "url => BLOCK", "safeUrl=");
    assertThat(out).contains("url cache => {evictions=0, hits=1, misses=1}");
    assertThat(out).containsPattern("conversation => risk (0\\.[7-9]\\d*|1\\.0) \\[age, school, secrecy");
    assertThat(out).doesNotContain("Exception", "Error");
  }

  /**
   * The heap the text path needs grows with the precompiled lexicon (with format version 7, about 6.6 bytes of
   * heap held a byte of file, more while it is read). Before the forty-ninth round's narrower arrays, the lexicon
   * of the day made the run above fail now and then on a loaded machine, and one 1.5 % larger made it fail on a
   * clean clone. So its size is bounded here, where going over fails every time: raise the bound only after
   * measuring the table of docs/ANDROID.md ("Memory") again.
   */
  @Test
  void thePrecompiledLexiconStaysWithinThePhoneBudget() throws IOException {
    byte[] lexicon;
    try (var in = WithoutLuceneAndCaffeineTest.class.getResourceAsStream(LexiconCodec.DEFAULT_RESOURCE)) {
      assertThat(in).as("the precompiled lexicon is built into the classes").isNotNull();
      lexicon = in.readAllBytes();
    }
    assertThat(lexicon.length).as("precompiled lexicon bytes; see docs/ANDROID.md, \"Memory\", before raising")
        .isLessThanOrEqualTo(PHONE_BUDGET_BYTES);
  }

  /**
   * Today's precompiled lexicon is 13,878,558 bytes (format version 7: 24,969,157 bytes of the same lexicon in
   * version 6, the file that 25,500,000 bounded), and a run fails at up to 130 MB (docs/ANDROID.md, "Memory").
   * The bound leaves room for the need to grow to about 154 MB, where the test's 185 MB is still 1.2 times it,
   * counting 8 bytes of need a byte of file: (154 - 130) MB / 8 is about 2.9 MB above today's file.
   */
  private static final int PHONE_BUDGET_BYTES = 16_800_000;

  @Test
  void textsPoliciesAndConversationsRunWithoutGuavaAndTheUrlLists(@TempDir Path dir)
      throws IOException, InterruptedException {
    List<String> kept = new ArrayList<>();
    int removed = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      if (name.startsWith("lucene-") || name.startsWith("caffeine-") || name.startsWith("guava-")
          || name.startsWith("failureaccess-")) {
        removed++;
      } else if (Files.isRegularFile(path.resolve(LISTS.substring(1)))) {
        // the main classes, copied without the URL lists and the models, as the android jar holds them
        Path copy = dir.resolve("classes");
        try (Stream<Path> files = Files.walk(path)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Path to = copy.resolve(path.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(to);
            } else if (!LEFT_OUT.contains(path.relativize(f).toString().replace(File.separatorChar, '/'))) {
              Files.copy(f, to);
            }
          }
        }
        kept.add(copy.toString());
      } else {
        kept.add(entry);
      }
    }
    assertThat(removed).as("lucene-core, caffeine, guava and failureaccess were on the test class path")
        .isGreaterThanOrEqualTo(4);
    String out = run(kept, "text-only");
    assertThat(out).contains("absent: org.apache.lucene.util.Version",
        "absent: com.github.benmanes.caffeine.cache.Caffeine", "absent: com.google.common.collect.ImmutableList",
        "absent: " + LISTS);
    assertThat(out).contains("đm thằng ngu => BLOCK T16", "các bạn ơi đi học thôi => ALLOW P []",
        "I will kill you => BLOCK", "你他妈的傻逼 => ALLOW P [] notes=[language not covered",
        "custom => WARN K", "policy/harassment/do_ga_mo");
    assertThat(out).containsPattern("conversation => risk (0\\.[7-9]\\d*|1\\.0) \\[age, school, secrecy");
    // no Guava for the URL rules: the URL check fails closed, naming the missing class
    assertThat(out).contains("url => BLOCK P [] ", "internal error in url rules: java.lang.NoClassDefFoundError");
    // the models are left out too: the default filter runs without the classifiers, and asking for either
    // model is refused at build(), not at every check
    assertThat(out).contains("withModel => IllegalStateException: the embedded tagger is not on the class path",
        "withClassifiers => IllegalStateException: the embedded classifiers (vn/lanhmanh/model/classifiers.bin) "
            + "are not on the class path (the android jar leaves them out)");
  }

  private static final String LISTS = "/vn/lanhmanh/url/default-lists.bin";
  /** What the android jar leaves out (core/pom.xml). */
  private static final List<String> LEFT_OUT = List.of(LISTS.substring(1), "vn/lanhmanh/model/tagger.bin",
      "vn/lanhmanh/model/classifiers.bin");

  /** Runs {@link TextPathMain} in a JVM with this class path and returns what it printed. */
  private static String run(List<String> classPath, String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // A phone's heap: the text path with a custom policy (its phrases compiled on their own, not the whole
    // lexicon again). With the 13.9 MB precompiled lexicon of format version 7, a run fails at up to 130 MB by the
    // collector's timing on a loaded machine (docs/ANDROID.md, "Memory"), so 185 MB (about 1.4 times 130 MB)
    // leaves a margin for that timing and for growth. The lexicon's growth is checked without timing by
    // thePrecompiledLexiconStaysWithinThePhoneBudget.
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx185m", "-Dfile.encoding=UTF-8",
        "-cp", String.join(File.pathSeparator, classPath), TextPathMain.class.getName(), mode));
    command.addAll(List.of(TEXTS));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
