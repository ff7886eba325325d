package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The text path needs neither Lucene nor Caffeine (Android, docs/ANDROID.md): a JVM started with both
 * removed from the class path builds the default filter from its precompiled lexicon, checks texts, a
 * custom policy (compiled at run time), URLs (the built-in LRU cache instead of Caffeine's) and a grooming
 * conversation (the precompiled stage phrases).
 */
class WithoutLuceneAndCaffeineTest {

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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-Dfile.encoding=UTF-8",
        "-cp", String.join(File.pathSeparator, kept), TextPathMain.class.getName(),
        "đm thằng ngu", "các bạn ơi đi học thôi", "I will kill you", "你他妈的傻逼"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("absent: org.apache.lucene.util.Version",
        "absent: com.github.benmanes.caffeine.cache.Caffeine");
    assertThat(out).contains("đm thằng ngu => BLOCK T16", "các bạn ơi đi học thôi => ALLOW P []",
        "I will kill you => BLOCK", "你他妈的傻逼 => ALLOW P [] notes=[language not covered",
        "custom => WARN K", "policy/harassment/do_ga_mo", "url => BLOCK", "safeUrl=");
    assertThat(out).contains("url cache => {evictions=0, hits=1, misses=1}");
    assertThat(out).containsPattern("conversation => risk (0\\.[7-9]|1\\.0) \\[age, school, secrecy");
    assertThat(out).doesNotContain("Exception", "Error");
  }
}
