package vn.lanhmanh.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.lanhmanh.Category;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Rating;
import vn.lanhmanh.concept.Composition;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptPhrase;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.match.CompiledLexicon;
import vn.lanhmanh.match.MatchState;
import vn.lanhmanh.score.Scorer;

/**
 * Compositions: the span of a composed finding (as written and in NFD), sentence and clause scopes,
 * order, {@code unless} registers, register caps, and the data files' format.
 */
class CompositionTest {

  private static CompiledLexicon lexicon;
  private static Composer composer;

  @BeforeAll
  static void compile() {
    ConceptLexicon concepts = ConceptLexicon.readDefault();
    lexicon = CompiledLexicon.compile(vn.lanhmanh.lexicon.LexiconReader.readDefault(), concepts, Map.of());
    composer = Composer.compile(concepts);
  }

  @AfterAll
  static void release() {
    lexicon = null;
  }

  static List<Finding> findings(String text) {
    MatchState s = new MatchState();
    lexicon.normalize(text, s);
    lexicon.match(text, s);
    composer.compose(s);
    return Scorer.findings(text, s);
  }

  @TestFactory
  Stream<DynamicTest> spansPointIntoTheOriginalText() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        CompositionTest.class.getResourceAsStream("/concept/spans.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    assertThat(rows).hasSizeGreaterThan(5);
    return rows.stream().flatMap(row -> Stream.of(false, true).map(nfd -> DynamicTest.dynamicTest(
        (nfd ? "NFD " : "") + row[0] + ": " + row[2], () -> {
          String text = nfd ? Normalizer.normalize(row[2], Normalizer.Form.NFD) : row[2];
          String want = nfd ? Normalizer.normalize(row[1], Normalizer.Form.NFD) : row[1];
          List<Finding> found = findings(text);
          assertThat(found).as("%s", found).anyMatch(f -> f.rule().equals(row[0]));
          for (Finding f : found) {
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
            if (f.rule().equals(row[0])) {
              assertThat(f.match()).isEqualTo(want);
              assertThat(f.start()).isEqualTo(text.indexOf(want));
            }
          }
        })));
  }

  @Test
  void compositionsStopAtTheEndOfASentence() {
    assertThat(findings("em ơi gọi video riêng với anh nhé, đừng nói với ai"))
        .anyMatch(f -> f.rule().equals("compose/grooming.private_secret"));
    assertThat(findings("Mình gọi video riêng cho bà ngoại. Đừng nói với ai là tớ khóc nhé!"))
        .noneMatch(f -> f.rule().startsWith("compose/"));
  }

  @Test
  void aTwoSentenceScopeReachesTheSentenceBeforeOnly() {
    // A question asked in two short sentences composes; a sentence further away does not.
    assertThat(findings("Mấy giờ bố mẹ cháu đi làm về? Chiều nay cháu ở nhà một mình à?"))
        .filteredOn(f -> f.rule().equals("compose/grooming.probe_alone")).singleElement()
        .satisfies(f -> assertThat(f.match()).isEqualTo("Mấy giờ bố mẹ cháu đi làm về? Chiều nay cháu ở nhà một mình"));
    assertThat(findings("Mấy giờ bố mẹ cháu đi làm về? Cô muốn gọi điện. Chiều nay cháu ở nhà một mình à?"))
        .noneMatch(f -> f.rule().equals("compose/grooming.probe_alone"));
    // Concepts all in one sentence are found once, not again with the next sentence.
    assertThat(findings("Mấy giờ bố mẹ cháu đi làm về, cháu ở nhà một mình à? Chú hỏi thôi."))
        .filteredOn(f -> f.rule().equals("compose/grooming.probe_alone")).hasSize(1);
    // A sentence scope stays inside its sentence.
    assertThat(findings("Chú có quà cho cháu. Nhớ giữ bí mật nhé."))
        .noneMatch(f -> f.rule().equals("compose/grooming.gift_secret"));
  }

  @Test
  void descriptiveCompositionsGiveWayToFamilyAndClassRegistersButIntentDoesNot() {
    assertThat(findings("Mẹ chụp ảnh bé 7 tuổi mặc đồ bơi đi biển, đáng yêu quá."))
        .noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
    assertThat(findings("Thông báo: học sinh lớp 5 bật camera khi học trực tuyến để cô điểm danh."))
        .noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
    // The family register does not cancel a sale or an adult's desire.
    assertThat(findings("Bán ảnh con gái tôi 10 tuổi lúc đang tắm, ai cần ib"))
        .anyMatch(f -> f.rule().equals("compose/sexual_minors.scene_minor_sale") && f.rating() == Rating.C);
    assertThat(findings("Bé nhà mình 9 tuổi mà nhìn gợi cảm ghê, chú muốn sờ thử"))
        .anyMatch(f -> f.category() == Category.SEXUAL_MINORS && f.rating() == Rating.C);
  }

  @Test
  void phrasesStopAtTheEndOfASentence() {
    // "chó chết" across a full stop is two sentences, not an insult.
    assertThat(findings("Nhà bạn Lan nuôi một con chó. Chết đuối là tai nạn hay gặp vào mùa hè."))
        .noneMatch(f -> f.rule().endsWith("cho_chet"));
    assertThat(findings("đồ chó chết")).anyMatch(f -> f.rule().endsWith("cho_chet"));
  }

  @Test
  void registersCancelCompositionsThatNameThem() {
    assertThat(findings("ship kẹo lắc tận nơi, ib giá")).anyMatch(f -> f.rule().equals("compose/drugs.slang_sale"));
    assertThat(findings("Công an tỉnh bắt đối tượng ship kẹo lắc tận nơi cho khách."))
        .noneMatch(f -> f.rule().equals("compose/drugs.slang_sale"));
  }

  @Test
  void registersLowerBareMentionsButNotCompositions() {
    Finding gun = findings("Vận động viên bắn súng giành huy chương vàng.").stream()
        .filter(f -> f.category() == Category.VIOLENCE).findFirst().orElseThrow();
    assertThat(gun.rating()).isEqualTo(Rating.P);
    // A C composition in a sentence of a register it does not name keeps its tier.
    assertThat(findings("Huy chương vàng cho em học sinh lớp 9 nếu em làm tình với anh"))
        .anyMatch(f -> f.rule().equals("compose/sexual_minors.act_minor") && f.rating() == Rating.C);
  }

  @Test
  void orderedCompositionsNeedTheirOrder() {
    assertThat(findings("em muốn biến mất mãi mãi")).anyMatch(f -> f.category() == Category.SELF_HARM);
    assertThat(findings("biến mất mãi mãi là điều khủng long không muốn"))
        .noneMatch(f -> f.rule().equals("compose/self_harm.wish_disappear"));
  }

  @Test
  void aConceptInsideALongerExceptionIsSilenced() {
    // "ngon" is a LEWD concept, but not inside "ngon miệng".
    assertThat(findings("Em học sinh lớp 6 ngon miệng ăn hết suất cơm trưa."))
        .noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
  }

  @Test
  void malformedConceptFilesNameTheLine() {
    assertThatThrownBy(() -> ConceptLexicon.readPhrases("x.tsv", new StringReader("abc\tNOT_A_CONCEPT\n")))
        .hasMessageContaining("x.tsv:1").hasMessageContaining("NOT_A_CONCEPT");
    assertThatThrownBy(() -> ConceptLexicon.readCompositions("c.tsv",
        new StringReader("drugs.x\tscam\tC\thigh\tsentence\tany\tDRUG_SLANG\t-\n")))
        .hasMessageContaining("c.tsv:1").hasMessageContaining("must start with 'scam.'");
    assertThatThrownBy(() -> ConceptLexicon.readCompositions("c.tsv",
        new StringReader("scam.x\tscam\tC\thigh\twhenever\tany\tPRIZE\t-\n")))
        .hasMessageContaining("scope");
    assertThat(ConceptLexicon.readCompositions("c.tsv",
        new StringReader("scam.x\tscam\tC\thigh\ttwo-sentences\tany\tPRIZE\t-\n")))
        .singleElement().satisfies(c -> assertThat(c.scope()).isEqualTo(Composition.TWO_SENTENCES));
    assertThatThrownBy(() -> ConceptLexicon.readRegisters("r.tsv", new StringReader("MINOR\tdrugs\tP\n")))
        .hasMessageContaining("not a register");
    assertThatThrownBy(() -> ConceptLexicon.readRaises("o.tsv",
        new StringReader("NEWS_POLICE\tsexual\tT13\tC\t-\n")))
        .hasMessageContaining("o.tsv:1").hasMessageContaining("register concept");
    assertThatThrownBy(() -> ConceptLexicon.readRaises("o.tsv",
        new StringReader("SALE_CONTACT\tsexual\tP\tK\t-\n")))
        .hasMessageContaining("above K");
    assertThatThrownBy(() -> ConceptLexicon.readRaises("o.tsv",
        new StringReader("SALE_CONTACT\tsexual\tP\tC\t-\n")))
        .hasMessageContaining("from P");
    assertThatThrownBy(() -> ConceptLexicon.readRaises("o.tsv",
        new StringReader("SALE_CONTACT\tsexual\tC\tC\t-\n")))
        .hasMessageContaining("from C");
    assertThatThrownBy(() -> ConceptLexicon.readRaises("o.tsv", new StringReader("SALE_CONTACT\tsexual\tT13\tC\n")))
        .hasMessageContaining("o.tsv:1").hasMessageContaining("unless");
  }

  /**
   * An offer raises a bare finding above K to C (raises.tsv): adult content for sale is a trade that the law
   * forbids to everyone; the same words without the offer, or with a report of a bust, keep their tier.
   */
  @Test
  void anOfferForMoneyRaisesPornographyAndBetsToC() {
    assertThat(findings("Bán phim sex không che, chuyển khoản 150k là nhận link tải ngay."))
        .anySatisfy(f -> assertThat(f.category()).isEqualTo(Category.SEXUAL))
        .filteredOn(f -> f.category() == Category.SEXUAL).allMatch(f -> f.rating() == Rating.C);
    assertThat(findings("Tối qua xem phim sex một mình chán quá."))
        .filteredOn(f -> f.category() == Category.SEXUAL).isNotEmpty().noneMatch(f -> f.rating() == Rating.C);
    assertThat(findings("Công an bắt đối tượng bán phim sex qua mạng, thu 99k mỗi gói."))
        .filteredOn(f -> f.category() == Category.SEXUAL).noneMatch(f -> f.rating() == Rating.C);
  }

  /**
   * A raise from K (raises.tsv): an insult in a sentence that leaves its target out of the group is
   * bullying, T13; the same insult alone stays K, a warning for a child.
   */
  @Test
  void anInsultThatLeavesSomeoneOutIsRaisedFromK() {
    assertThat(findings("Thằng đó ngu như bò, đừng cho nó vào nhóm làm bài."))
        .filteredOn(f -> f.rule().equals("harassment/ngu_nhu_bo")).singleElement()
        .satisfies(f -> assertThat(f.rating()).isEqualTo(Rating.T13));
    assertThat(findings("Thằng đó ngu như bò."))
        .filteredOn(f -> f.rule().equals("harassment/ngu_nhu_bo")).singleElement()
        .satisfies(f -> assertThat(f.rating()).isEqualTo(Rating.K));
  }

  /**
   * A raise reported as another category (raises.tsv, the 'as' column): a strong sexual word in a sentence that
   * names a child is sexual content involving a minor, C, next to the word's own finding; the same word about
   * adults, an anatomy word in a parent's answer, and a report keep their category.
   */
  @Test
  void aSexualWordBesideAChildIsReportedAsSexualMinors() {
    assertThat(findings("học sinh lớp 8 mà đã xem phim cấp 3 rồi"))
        .anySatisfy(f -> {
          assertThat(f.rule()).isEqualTo("compose/sexual_minors.minor_sexual");
          assertThat(f.rating()).isEqualTo(Rating.C);
          assertThat(f.match()).isEqualTo("phim cấp 3");
        })
        .anyMatch(f -> f.category() == Category.SEXUAL);
    assertThat(findings("hai vợ chồng đều 30 tuổi mà vẫn xem phim cấp 3"))
        .noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
    assertThat(findings("anh ấy mới xem phim cấp 3 xong"))
        .noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
    assertThat(findings("Con hỏi em bé ra từ đâu, mình trả lời là em bé ra qua âm đạo của mẹ."))
        .noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
    assertThat(findings("Công an bắt đối tượng bán phim cấp 3 cho học sinh."))
        .noneMatch(f -> f.category() == Category.SEXUAL_MINORS);
  }

  @Test
  void aRaiseAsItsOwnCategoryIsRefused() {
    assertThatThrownBy(() -> ConceptLexicon.readRaises("o.tsv",
        new StringReader("MINOR\tsexual\tT16\tC\t-\tnote\tsexual\n")))
        .hasMessageContaining("as itself");
    assertThat(ConceptLexicon.readRaises("o.tsv",
        new StringReader("MINOR\tsexual\tT16\tC\t-\tnote\tsexual_minors\n")))
        .singleElement().satisfies(r -> assertThat(r.asRule(Category.SEXUAL))
            .isEqualTo("compose/sexual_minors.minor_sexual"));
  }

  @Test
  void compositionsParse() {
    List<Composition> cs = ConceptLexicon.readCompositions("c.tsv",
        new StringReader("scam.prize_fee\tscam\tC\thigh\t6\tordered\tPRIZE+FEE\tNEWS_POLICE\n"));
    assertThat(cs).singleElement().satisfies(c -> {
      assertThat(c.ruleId()).isEqualTo("compose/scam.prize_fee");
      assertThat(c.scope()).isEqualTo(6);
      assertThat(c.ordered()).isTrue();
    });
    List<ConceptPhrase> ps = ConceptLexicon.readPhrases("p.tsv",
        new StringReader("(bán|ship) (ke|cỏ)\tSALE_CONTACT,DRUG_SLANG\talways\n"));
    assertThat(ps).hasSize(4).allMatch(p -> p.fold() == LexiconEntry.Fold.ALWAYS && p.concepts().size() == 2);
  }

  @Test
  void conceptPhrasesKeepTheFoldingDiscipline() {
    // "các bạn" never reads as "cặc"; "anh" (written plainly) is not "ảnh" (photo).
    assertThat(findings("các bạn gửi anh bài tập nhé")).isEmpty();
  }
}
