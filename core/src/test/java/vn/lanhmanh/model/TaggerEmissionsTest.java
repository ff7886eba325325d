package vn.lanhmanh.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Finding;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.lexicon.LexiconReader;

/**
 * A check sums the shipped tagger's weights without storing the features, and reads the weights of small
 * template values from small tables: every position's emission is bit for bit the one summed from the
 * feature list that training uses ({@link Features#extract}), over every message of the labelled corpus's
 * development part, with the concepts stage's hits as tags as a check gives them.
 */
class TaggerEmissionsTest {

  @Test
  void shippedTaggerOnTheDevelopmentPart() throws Exception {
    TaggerModel m = TaggerModel.embedded();
    Analyser analyser = Analyser.of(LexiconReader.readDefault(), ConceptLexicon.readDefault());
    List<MessageCorpus.Message> dev = MessageCorpus.read(
        Path.of(TaggerEmissionsTest.class.getResource("/labelled/dev").toURI()));
    assertThat(dev).hasSizeGreaterThan(1000);
    Features.Buffer check = new Features.Buffer();
    Features.Buffer train = new Features.Buffer();
    int positions = 0;
    for (MessageCorpus.Message msg : dev) {
      List<Finding> found = analyser.findings(msg.text());
      var p = analyser.state().positions();
      PositionTags tags = m.conceptTags ? check.conceptTags(analyser.state()) : PositionTags.NONE;
      m.emissions(msg.text(), p, analyser.vocabulary(), found, tags, check);
      PositionTags trainTags = m.conceptTags ? train.conceptTags(analyser.state()) : PositionTags.NONE;
      Features.extract(msg.text(), p, analyser.vocabulary(), found, trainTags, m.extras, m.clusters, m.mask,
          train);
      assertThat(check.n).isEqualTo(train.n);
      for (int i = 0; i < train.n; i++) {
        int sum = 0;
        for (int k = train.offs[i]; k < train.offs[i + 1]; k++) {
          sum += m.weights[train.feats[k]];
        }
        double want = (double) sum * m.scale;
        assertThat(Double.doubleToRawLongBits(check.emit[i])).as("%s, position %d", msg.id(), i)
            .isEqualTo(Double.doubleToRawLongBits(want));
        positions++;
      }
    }
    assertThat(positions).isGreaterThan(10 * dev.size());
  }
}
