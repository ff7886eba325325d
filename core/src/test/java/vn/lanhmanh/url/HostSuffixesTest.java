package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link HostTable.Suffixes}, filled in one pass from the host's end and turned round, against the label
 * starts and suffix hashes computed one by one: any number of labels (past the initial 16 slots), empty
 * labels and chars of any kind; and the same host filled again after another.
 */
class HostSuffixesTest {

  @Property(tries = 2000)
  void startsAndHashesAreThoseOfEachSuffix(@ForAll("hosts") String host, @ForAll("hosts") String other) {
    check(host);
    check(other);
    check(new String(host));   // a new instance of the same host is filled again
  }

  private static void check(String host) {
    HostTable.Suffixes sx = HostTable.Suffixes.of(host);
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < host.length(); i++) {
      if (host.charAt(i) == '.') {
        starts.add(i + 1);
      }
    }
    assertThat(sx.count).as(host).isEqualTo(starts.size());
    for (int k = 0; k < sx.count; k++) {
      assertThat(sx.start[k]).as(host + " label " + k).isEqualTo(starts.get(k));
      assertThat(sx.hash[k]).as(host + " suffix " + k).isEqualTo(HostTable.hash(host, starts.get(k)));
    }
  }

  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> label = Arbitraries.strings().withChars("abz09-_%é").ofMinLength(0).ofMaxLength(6);
    return label.list().ofMinSize(1).ofMaxSize(40).map(l -> String.join(".", l));
  }
}
