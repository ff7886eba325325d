package vn.lanhmanh.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.Verdict;

/**
 * Pins the public API from outside its package: a change here is a change for every user, so it must be
 * deliberate.
 */
class PublicApiTest {

  private static Set<String> publicMethods(Class<?> c) {
    return Arrays.stream(c.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .map(PublicApiTest::signature)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String signature(Method m) {
    return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(",", "(", ")"));
  }

  @Test
  void contentFilter() {
    assertThat(publicMethods(ContentFilter.class)).containsExactlyInAnyOrder(
        "builder()", "checkText(String,Policy)", "checkUrl(String,Policy)", "urlCacheStats()", "close()",
        "lexiconCounts()");
    assertThat(publicMethods(ContentFilter.Builder.class)).containsExactlyInAnyOrder(
        "withoutDefaultLexicon()", "addLexicon(Path)", "urlCacheSize(long)", "build()");
    assertThat(AutoCloseable.class).isAssignableFrom(ContentFilter.class);
    assertThat(Modifier.isFinal(ContentFilter.class.getModifiers())).isTrue();
  }

  @Test
  void policy() {
    assertThat(publicMethods(Policy.class)).containsExactlyInAnyOrder(
        "forAge(int)", "tier(Rating)", "withCategory(Category,Action)", "allow(String[])",
        "deny(Category,Rating,String[])", "age()", "highest()", "allowPhrases()", "denyPhrases()",
        "override(Category)", "actionFor(Category,Rating)", "equals(Object)", "hashCode()", "toString()");
    assertThat(Modifier.isFinal(Policy.class.getModifiers())).isTrue();
  }

  @Test
  void valuesAreRecords() {
    assertThat(Verdict.class.isRecord()).isTrue();
    assertThat(Finding.class.isRecord()).isTrue();
    assertThat(Help.class.isRecord()).isTrue();
    assertThat(Arrays.stream(Verdict.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("action", "rating", "findings", "redacted", "safeUrl", "help", "errors");
    assertThat(Arrays.stream(Finding.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("category", "severity", "rating", "rule", "start", "end", "match");
  }

  @Test
  void enums() {
    assertThat(Action.values()).extracting(Enum::name).containsExactly("ALLOW", "WARN", "BLOCK");
    assertThat(Rating.values()).extracting(Enum::name).containsExactly("P", "K", "T13", "T16", "T18", "C");
    assertThat(Severity.values()).extracting(Enum::name).containsExactly("LOW", "MEDIUM", "HIGH");
    assertThat(Category.values()).extracting(Category::jsonName).containsExactly(
        "sexual", "sexual_minors", "grooming", "violence", "self_harm", "drugs", "gambling", "scam",
        "harassment", "profanity", "pii", "dating", "social");
  }
}
