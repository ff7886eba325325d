package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconReader;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.text.Positions;
import vn.lanhmanh.text.Vocabulary;

/**
 * The message classifiers' features, computed in one pass over each syllable's letters, are the features
 * of the plain definition (each syllable hashed twice, then its trigrams one by one), in the same order,
 * since the trainer reads them in that order: over the labelled corpus's development part and over texts
 * written in NFD, teencode, split letters and masks; and so are the features copied from the vocabulary's
 * precomputed syllables ({@link MessageFeatures.Syllables}), as a check computes them. The same holds with a
 * model's optional feature settings: character trigrams of the syllables the vocabulary does not know only,
 * and concept-context features.
 */
class MessageFeaturesTest {

  private static final long FNV = 0xcbf29ce484222325L;

  /** The plain definition of {@link MessageFeatures#extract}. */
  private static int[] reference(MatchState state, Vocabulary vocab, List<Finding> findings, int mask,
      boolean knownChar3, int context) {
    List<Integer> out = new ArrayList<>();
    List<Long> folded = new ArrayList<>();
    out.add(Features.index(1, 0, mask));
    Positions p = state.positions();
    int n = Math.min(p.size(), MessageFeatures.MAX_POSITIONS);
    out.add(Features.index(10, n <= 3 ? n : n <= 8 ? 4 : n <= 20 ? 5 : 6, mask));
    long prev = 0x1234_5678_9abc_def1L;
    for (int i = 0; i < n; i++) {
      long f = p.charHash(i, true, vocab);
      out.add(Features.index(2, f, mask));
      out.add(Features.index(3, p.charHash(i, false, vocab), mask));
      out.add(Features.index(4, Features.pair(prev, f), mask));
      prev = f;
      folded.add(f);
      int fo = p.foldId(i);
      if (!knownChar3 && !p.expanded(i) && fo >= 0 && fo < vocab.foldCount() && vocab.isFoldSyllable(fo)) {
        continue;   // a syllable the vocabulary knows: no trigrams for such a model
      }
      int len = p.charLength(i);
      int a = ' ';
      int c1 = len > 0 ? p.foldChar(i, 0) : 0;
      for (int k = 1; k <= len; k++) {
        int c2 = k < len ? p.foldChar(i, k) : ' ';
        out.add(Features.index(5, ((long) a << 32) | ((long) c1 << 16) | c2, mask));
        a = c1;
        c1 = c2;
      }
    }
    if (n > 0) {
      out.add(Features.index(4, Features.pair(prev, 0x0fed_cba9_8765_4321L), mask));
    }
    for (int k = 0; k < state.conceptCount(); k++) {
      vn.lanhmanh.concept.ConceptSet concepts = state.conceptSet(k);
      for (int concept = concepts.first(); concept >= 0; concept = concepts.next(concept + 1)) {
        if ((Features.UNREAD.word(concept >>> 6) & 1L << concept) != 0) {
          continue;   // the frame and denial words are not read by the classifiers
        }
        out.add(Features.index(6, concept, mask));
        for (int j = state.conceptStartPos(k) - context; context > 0 && j <= state.conceptEndPos(k) + context; j++) {
          if (j >= 0 && j < n && (j < state.conceptStartPos(k) || j > state.conceptEndPos(k))) {
            out.add(Features.index(11, Features.pair(concept + 1, folded.get(j)), mask));
          }
        }
      }
    }
    for (Finding f : findings) {
      if (f.category() == Category.PII || f.rule().startsWith("model/")) {
        continue;
      }
      out.add(Features.index(7, f.rule().hashCode(), mask));
      out.add(Features.index(8, f.category().ordinal(), mask));
      out.add(Features.index(9, f.category().ordinal() * 8L + f.rating().ordinal(), mask));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void sameFeaturesInTheSameOrderAsThePlainDefinition() throws Exception {
    Analyser analyser = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());
    List<String> texts = new ArrayList<>();
    for (MessageCorpus.Message m : MessageCorpus.read(folder("/labelled/dev"))) {
      texts.add(m.text());
    }
    assertThat(texts).hasSizeGreaterThan(1000);
    texts.addAll(List.of("", " ", "!!!", "đm thằng ngu", "Đ Ị T  M Ẹ", "đ.m mày", "vcl vl dcm", "l0n", "đ*t",
        "ditme", "nguuuuu", "Cha\u0300o ba\u0323n", "ho\u0300a bi\u0300nh", "hoà hòa tuý", "𝐝𝐢𝐭 𝐦𝐞",
        "ＴＨＡＮＧ ＮＧＵ", "lớp 5A trường", "0912 345 678", "x".repeat(300), "a b c d e f g h"));
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      big.append("các bạn ơi ");
    }
    texts.add(big.toString());   // more syllables than MAX_POSITIONS, and a buffer that must grow
    MessageFeatures.Buffer b = new MessageFeatures.Buffer();
    int mask = (1 << 18) - 1;
    int copied = 0;
    int contexts = 0;
    for (String t : texts) {
      List<Finding> found = analyser.findings(t);
      MessageFeatures.extract(t, analyser.state(), analyser.vocabulary(), found, mask, b);
      int[] want = reference(analyser.state(), analyser.vocabulary(), found, mask, true, 0);
      assertThat(Arrays.copyOf(b.feats, b.size)).as("%s", t.length() > 80 ? t.substring(0, 80) : t)
          .isEqualTo(want);
      MessageFeatures.Syllables known = MessageFeatures.Syllables.of(analyser.vocabulary(), mask);
      MessageFeatures.extract(t, analyser.state(), analyser.vocabulary(), found, mask, known, b);
      assertThat(Arrays.copyOf(b.feats, b.size)).as("copied: %s", t.length() > 80 ? t.substring(0, 80) : t)
          .isEqualTo(want);
      // the optional feature settings of a model: trigrams of unknown syllables only, concept context
      for (int setting = 0; setting < 3; setting++) {
        boolean knownChar3 = setting == 2;
        int context = setting == 0 ? 0 : setting == 1 ? 12 : 3;
        int[] other = reference(analyser.state(), analyser.vocabulary(), found, mask, knownChar3, context);
        MessageFeatures.extract(t, analyser.state(), analyser.vocabulary(), found, mask, knownChar3, context, b);
        assertThat(Arrays.copyOf(b.feats, b.size)).as("%d: %s", setting, t.length() > 80 ? t.substring(0, 80) : t)
            .isEqualTo(other);
        MessageFeatures.extract(t, analyser.state(), analyser.vocabulary(), found, mask, knownChar3, context, known,
            b);
        assertThat(Arrays.copyOf(b.feats, b.size)).as("copied %d: %s", setting,
            t.length() > 80 ? t.substring(0, 80) : t).isEqualTo(other);
        contexts += other.length > want.length ? 1 : 0;
      }
      Positions p = analyser.state().positions();
      for (int i = 0; i < p.size(); i++) {
        copied += !p.expanded(i) && p.foldId(i) >= 0 ? 1 : 0;
      }
    }
    assertThat(copied).as("positions whose features are copied").isGreaterThan(10_000);
    assertThat(contexts).as("texts given concept-context features").isGreaterThan(500);
  }

  /**
   * The features of one sentence of a text, read as a stretch of the text's positions (how the score stage
   * reads a long text's harmful sentence before lowering its finding), are the features of that sentence
   * checked as a text of its own; and the stretch of the whole text is the whole text's features.
   */
  @Test
  void aSentenceReadAsAStretchIsTheSentenceReadAlone() {
    Analyser analyser = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());
    String[][] texts = {
        {"Hôm nay lớp mình đi dã ngoại ở công viên. ", "Mày ngu như con bò, đừng ai chơi với nó. ",
            "Chiều về nhớ mang áo mưa."},
        {"Mai trốn học ra công viên gặp anh nhé. ", "Nhớ mang theo nước."},
        {"ship kẹo lắc tận nơi, ib giá. ", "Cảm ơn cả nhà!"}};
    int mask = (1 << 18) - 1;
    MessageFeatures.Buffer b = new MessageFeatures.Buffer();
    MessageFeatures.Syllables known = MessageFeatures.Syllables.of(analyser.vocabulary(), mask);
    for (String[] parts : texts) {
      String whole = String.join("", parts);
      List<Finding> found = analyser.findings(whole);
      int size = analyser.state().positions().size();
      MessageFeatures.extract(whole, analyser.state(), analyser.vocabulary(), found, mask, true, 3, known, b);
      int[] all = Arrays.copyOf(b.feats, b.size);
      MessageFeatures.extract(whole, analyser.state(), analyser.vocabulary(), found, mask, true, 3, known, b, 0,
          size);
      assertThat(Arrays.copyOf(b.feats, b.size)).as("the whole stretch: %s", whole).isEqualTo(all);
      List<int[]> stretches = new ArrayList<>();
      Positions p = analyser.state().positions();
      int from = 0;
      for (int i = 1; i <= size; i++) {
        if (i == size || p.sentenceStart(i)) {
          MessageFeatures.extract(whole, analyser.state(), analyser.vocabulary(), found, mask, true, 3, known, b,
              from, i);
          stretches.add(Arrays.copyOf(b.feats, b.size));
          from = i;
        }
      }
      assertThat(stretches).as("sentences of %s", whole).hasSize(parts.length);
      for (int k = 0; k < parts.length; k++) {
        String alone = parts[k].strip();
        List<Finding> own = analyser.findings(alone);
        MessageFeatures.extract(alone, analyser.state(), analyser.vocabulary(), own, mask, true, 3, known, b);
        assertThat(stretches.get(k)).as("sentence %d of %s", k, whole).isEqualTo(Arrays.copyOf(b.feats, b.size));
      }
    }
  }

  /**
   * The addressing features (a model's {@code features.address=1}): the flags of each sentence, marked or
   * written without diacritics; a model without them reads exactly the features it read before; with them, a
   * sentence read as a stretch of a text still has the features of that sentence read alone.
   */
  @Test
  void addressingFlagsOfEachSentence() {
    Analyser analyser = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());
    Vocabulary vocab = analyser.vocabulary();
    MessageFeatures.Addressing a = MessageFeatures.Addressing.of(vocab);
    int you = MessageFeatures.Addressing.YOU;
    int urge = MessageFeatures.Addressing.URGE;
    int req = MessageFeatures.Addressing.REQUEST;
    int imp = MessageFeatures.Addressing.IMPERATIVE;
    int cond = MessageFeatures.Addressing.CONDITION;
    int urged = MessageFeatures.Addressing.URGED_YOU;
    Object[][] cases = {
        {"Mày gửi ảnh cho anh đi. Hôm nay trời đẹp.", new int[] {you | req | urge | urged, 0}},
        {"may gui anh cho anh di", new int[] {you | req | urge | urged}},
        {"Không chuyển tiền thì tao đăng ảnh lên", new int[] {cond}},
        {"Em đừng nói với bố mẹ nhé", new int[] {you | imp | urge | urged}},
        {"Đi học về rồi.", new int[] {0}},
    };
    byte[] flags = new byte[64];
    for (Object[] c : cases) {
      String t = (String) c[0];
      analyser.findings(t);
      Positions p = analyser.state().positions();
      a.sentences(p, 0, p.size(), flags);
      List<Integer> got = new ArrayList<>();
      for (int i = 0; i < p.size(); i++) {
        if (i == 0 || p.sentenceStart(i)) {
          got.add((int) flags[i]);
        }
      }
      assertThat(got).as(t).containsExactly(Arrays.stream((int[]) c[1]).boxed().toArray(Integer[]::new));
    }
    int mask = (1 << 18) - 1;
    MessageFeatures.Buffer b = new MessageFeatures.Buffer();
    String[] parts = {"Hôm nay lớp mình đi dã ngoại ở công viên. ", "Em gửi ảnh cho anh xem đi nhé. ",
        "Không làm thì mày biết tay."};
    String whole = String.join("", parts);
    List<Finding> found = analyser.findings(whole);
    int size = analyser.state().positions().size();
    MessageFeatures.extract(whole, analyser.state(), vocab, found, mask, true, 0, 0, null, b, 0, -1);
    int[] before = Arrays.copyOf(b.feats, b.size);
    assertThat(before).isEqualTo(reference(analyser.state(), vocab, found, mask, true, 0));
    MessageFeatures.extract(whole, analyser.state(), vocab, found, mask, true, 0, 1, null, b, 0, -1);
    int[] with = Arrays.copyOf(b.feats, b.size);
    assertThat(with.length).as("addressing features added").isGreaterThan(before.length + 6);
    assertThat(with).contains(before);
    Positions p = analyser.state().positions();
    int from = 0;
    int k = 0;
    List<int[]> stretches = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      if (i == size || p.sentenceStart(i)) {
        MessageFeatures.extract(whole, analyser.state(), vocab, found, mask, true, 0, 1, null, b, from, i);
        stretches.add(Arrays.copyOf(b.feats, b.size));
        from = i;
      }
    }
    assertThat(stretches).hasSize(parts.length);
    for (String part : parts) {
      String alone = part.strip();
      List<Finding> own = analyser.findings(alone);
      MessageFeatures.extract(alone, analyser.state(), vocab, own, mask, true, 0, 1, null, b, 0, -1);
      assertThat(stretches.get(k)).as("sentence %d", k).isEqualTo(Arrays.copyOf(b.feats, b.size));
      k++;
    }
  }

  private static Path folder(String name) throws URISyntaxException {
    return Path.of(MessageFeaturesTest.class.getResource(name).toURI());
  }
}
