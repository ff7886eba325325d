package vn.lanhmanh.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Verdict;

/** The embedded default lexicon: its size, its shape, and the innocent words it must leave alone. */
class DefaultLexiconTest {

  private static final List<LexiconEntry> ENTRIES = LexiconReader.readDefault();

  @Test
  void hasAtLeast1500CuratedRulesCoveringEveryTextCategory() {
    // Curated entries are lines of the files; the variants a line's (a|b) groups expand to are not counted.
    Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
    Set<String> lines = new HashSet<>();
    for (LexiconEntry e : ENTRIES) {
      if (e.kind() == LexiconEntry.Kind.RULE && lines.add(e.source())) {
        perCategory.merge(e.category(), 1, Integer::sum);
      }
    }
    System.out.println("[lexicon] rules per category: " + perCategory);
    assertThat(perCategory.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1500);
    for (Category c : List.of(Category.PROFANITY, Category.HARASSMENT, Category.SEXUAL, Category.SEXUAL_MINORS,
        Category.GROOMING, Category.VIOLENCE, Category.SELF_HARM, Category.DRUGS, Category.GAMBLING,
        Category.SCAM)) {
      assertThat(perCategory.getOrDefault(c, 0)).as("rules for %s", c).isGreaterThanOrEqualTo(50);
    }
  }

  @Test
  void entriesAreWrittenInStandardForm() {
    for (LexiconEntry e : ENTRIES) {
      assertThat(e.phrase()).as(e.source()).isEqualTo(Normalizer.normalize(e.phrase(), Normalizer.Form.NFC));
      assertThat(e.phrase()).as(e.source()).isEqualTo(e.phrase().toLowerCase(Locale.ROOT));
      assertThat(e.phrase()).as(e.source()).doesNotContain("  ").isEqualTo(e.phrase().strip());
    }
  }

  @Test
  void illegalForEveryoneCategoriesAreRatedC() {
    for (LexiconEntry e : ENTRIES) {
      if (e.kind() == LexiconEntry.Kind.RULE
          && (e.category() == Category.SEXUAL_MINORS || e.category() == Category.GROOMING)) {
        assertThat(e.rating()).as(e.source() + " " + e.phrase()).isEqualTo(Rating.C);
      }
    }
  }

  @Test
  void ruleIdsAreUnique() {
    Set<String> seen = new HashSet<>();
    try (ContentFilter f = ContentFilter.builder().build()) {
      assertThat(f.lexiconCounts().get("rule")).isGreaterThanOrEqualTo(1500);
    }
    for (LexiconEntry e : ENTRIES) {
      if (e.kind() == LexiconEntry.Kind.RULE) {
        assertThat(seen.add(e.category() + "/" + e.phrase())).as("duplicate " + e.source()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"các bạn ơi", "cac ban oi", "hoa dâm bụt", "cây đâm chồi nảy lộc", "uy hiếp",
      "con chim sâu", "con chim bay trên trời", "cái lon", "đeo khẩu trang", "buổi sáng", "dì Hoa",
      "con chó nhà em", "giết thời gian", "chém gió"})
  void innocentLookAlikesAreNotFlagged(String text) {
    try (ContentFilter f = ContentFilter.builder().build()) {
      Verdict v = f.checkText(text, Policy.forAge(10));
      assertThat(v.findings()).as("%s → %s", text, v).isEmpty();
    }
  }
}
