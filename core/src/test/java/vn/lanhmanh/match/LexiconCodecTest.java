package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.text.Vocabulary;

/**
 * {@link LexiconCodec} round trip, structure by structure: the default lexicon compiled now, written and
 * read back, must equal itself in every table. The field lists below pin what the codec knows about: a
 * field added to {@link CompiledLexicon}, {@link PhraseAutomaton} or {@link Vocabulary} fails here until
 * the codec writes it (or derives it) and the list is updated.
 */
class LexiconCodecTest {

  private static CompiledLexicon fresh;
  private static CompiledLexicon back;

  @BeforeAll
  static void roundTrip() throws IOException {
    List<LexiconEntry> entries = LexiconReader.readDefault();
    fresh = CompiledLexicon.compile(entries, Map.of());
    for (LexiconCodec.Compression c : LexiconCodec.Compression.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      LexiconCodec.write(new LexiconCodec.Bundle("test", 42, entries, Map.of("lexicon", fresh)), out, c);
      LexiconCodec.Bundle b = LexiconCodec.read(new ByteArrayInputStream(out.toByteArray()));
      assertThat(b.engine()).isEqualTo("test");
      assertThat(b.sourceChecksum()).isEqualTo(42);
      assertThat(b.entries()).isEqualTo(entries);
      back = b.lexicon("lexicon");
    }
  }

  @Test
  void theCodecKnowsEveryFieldOfTheCompiledForm() {
    // serialised: written by LexiconCodec; derived: rebuilt from serialised ones when read
    assertThat(fields(CompiledLexicon.class)).as("CompiledLexicon fields: serialise a new one in LexiconCodec")
        .containsExactlyInAnyOrder("vocab", "exact", "fold", "entries", "ruleIds", "syllableIds", "counts", "conceptSets",
            /* derived */ "normalizer", "syllableStart", "info", "masks", "written");
    assertThat(fields(PhraseAutomaton.class)).as("PhraseAutomaton fields: serialise a new one in LexiconCodec")
        .containsExactlyInAnyOrder(
            /* derived from the trie (outputs: the pool and where each state's start) */
            "first", "narrowSymbol", "wideSymbol", "rootNext", "masks", "failLinks", "outputStart", "pool");
    assertThat(fields(Vocabulary.class)).as("Vocabulary fields: serialise a new one in LexiconCodec")
        .containsExactlyInAnyOrder("exact", "fold", "exactSyllable", "foldSyllable", "teencode", "joined",
            "maskableExact", "maskableFold", "typo",
            /* counted again when replayed */ "teencodeCount", "joinedCount", "maskableCount",
            /* made on use by other components (Vocabulary.derived), never written */ "derived");
  }

  private static Set<String> fields(Class<?> c) {
    Set<String> names = new TreeSet<>();
    for (Field f : c.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        names.add(f.getName());
      }
    }
    return names;
  }

  @Test
  void vocabularyIsTheSameTableForTable() {
    Vocabulary a = fresh.vocab;
    Vocabulary b = back.vocab;
    assertThat(b.exactCount()).isEqualTo(a.exactCount());
    assertThat(b.foldCount()).isEqualTo(a.foldCount());
    for (int id = 0; id < a.exactCount(); id++) {
      assertThat(b.exactKey(id)).isEqualTo(a.exactKey(id));
      assertThat(b.isExactSyllable(id)).isEqualTo(a.isExactSyllable(id));
      assertThat(b.teencodeIds(id)).isDeepEqualTo(a.teencodeIds(id));
      assertThat(b.isTypo(id)).isEqualTo(a.isTypo(id));
    }
    for (int id = 0; id < a.foldCount(); id++) {
      assertThat(b.foldKey(id)).isEqualTo(a.foldKey(id));
      assertThat(b.isFoldSyllable(id)).isEqualTo(a.isFoldSyllable(id));
      assertThat(b.joinedIds(id)).isEqualTo(a.joinedIds(id));
    }
    assertThat(b.maskableIds()).isEqualTo(a.maskableIds());
    assertThat(a.maskableIds()).as("the default lexicon has masked swears (đ*t, c*c)").isNotEmpty();
    assertThat(b.teencodeSize()).isEqualTo(a.teencodeSize());
    assertThat(b.joinedSize()).isEqualTo(a.joinedSize());
  }

  @Test
  void automataHaveTheSameStatesTransitionsAndOutputs() {
    for (boolean exact : new boolean[] {true, false}) {
      PhraseAutomaton a = exact ? fresh.exact : fresh.fold;
      PhraseAutomaton b = exact ? back.exact : back.fold;
      for (int s = 0; s < a.stateCount(); s++) {
        assertThat(b.fail(s)).isEqualTo(a.fail(s));
      }
      for (int s = 0; s < a.stateCount(); s++) {
        assertThat(b.outputs(s)).isEqualTo(a.outputs(s));
      }
      assertThat(b.rootNext).isEqualTo(a.rootNext);
      assertThat(b.masks).isEqualTo(a.masks);
      assertThat(b.pool).isEqualTo(a.pool);
      assertThat(edges(b)).isEqualTo(edges(a));
    }
  }

  /** Transitions as (state, symbol, next) triples. */
  private static List<String> edges(PhraseAutomaton a) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < a.stateCount(); s++) {
      for (int c = a.first[s]; c < a.first[s + 1]; c++) {
        out.add(s + " " + a.symbol(c) + " " + c);
      }
    }
    return out;
  }

  @Test
  void entriesRuleIdsAndSyllablesAreTheSame() {
    assertThat(back.entries).isEqualTo(fresh.entries);
    assertThat(back.ruleIdArray()).isEqualTo(fresh.ruleIdArray());
    for (int e = 0; e < fresh.syllableStart.length - 1; e++) {
      assertThat(back.length(e)).isEqualTo(fresh.length(e));
    }
    assertThat(back.syllableIds).isEqualTo(fresh.syllableIds);
    assertThat(back.syllableStart).isEqualTo(fresh.syllableStart);
    assertThat(back.foldAlways()).isEqualTo(fresh.foldAlways());
    assertThat(back.conceptSets).isEqualTo(fresh.conceptSets);
    assertThat(back.counts).isEqualTo(fresh.counts);
  }

  @Test
  void policyPrefixedRuleIdsSurvive() throws IOException {
    LexiconEntry deny = LexiconEntry.rule("đồ lớp bê", vn.lanhmanh.Category.HARASSMENT, vn.lanhmanh.Rating.K,
        vn.lanhmanh.Severity.MEDIUM, LexiconEntry.Fold.NEVER, "", "policy");
    LexiconEntry plain = LexiconEntry.rule("gà mờ", vn.lanhmanh.Category.HARASSMENT, vn.lanhmanh.Rating.K,
        vn.lanhmanh.Severity.MEDIUM, LexiconEntry.Fold.PLAIN, "", "policy");
    CompiledLexicon c = CompiledLexicon.compile(List.of(deny, plain), Map.of(deny, "policy/", plain, "x/"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCodec.write(new LexiconCodec.Bundle("t", 0, List.of(), Map.of("l", c)), out);
    CompiledLexicon r = LexiconCodec.read(new ByteArrayInputStream(out.toByteArray())).lexicon("l");
    assertThat(r.ruleIdArray()).containsExactly("policy/harassment/do_lop_be", "x/harassment/ga_mo");
    assertThat(Arrays.asList(r.entries)).containsExactly(deny, plain);
  }
}
