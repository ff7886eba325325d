package vn.lanhmanh.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link HostTable#firstSuffix(HostTable.Suffixes)} walks a host's suffixes from the shortest and stops at
 * the first that is neither a key nor a name after a dot of one; it must answer as the walk from the whole
 * host down to two labels did, which asked every suffix. Keys and hosts are drawn from a few short labels,
 * so hosts often end in keys, in parents of keys and in neither; {@code www.} hosts, single labels and empty
 * labels are among them. The values of parents stay invisible to {@link HostTable#get}.
 */
class HostTableWalkTest {

  @Property(tries = 3000)
  void theWalkFromTheEndFindsWhatTheWalkFromTheStartFound(@ForAll("names") List<String> keys,
      @ForAll("names") List<String> hosts) {
    Map<String, String> map = new HashMap<>();
    for (String k : keys) {
      map.put(k, "v:" + k);
    }
    HostTable<String> table = new HostTable<>(map);
    for (String host : hosts) {
      HostTable.Suffixes sx = HostTable.Suffixes.of(host);
      assertThat(table.firstSuffix(sx)).as(host + " in " + keys).isEqualTo(oldWalk(map, sx));
      for (int k = 0; k < sx.count; k++) {
        assertThat(table.get(sx, k)).as(host + " suffix " + k).isEqualTo(map.get(host.substring(sx.start[k])));
      }
    }
  }

  /** The walk before: from the whole host (after {@code www.}) down to two labels, asking each suffix. */
  private static int oldWalk(Map<String, String> map, HostTable.Suffixes sx) {
    String host = sx.host;
    for (int k = host.startsWith("www.") ? 1 : 0; ; k++) {
      if (map.get(host.substring(sx.start[k])) != null) {
        return k;
      }
      if (k + 2 >= sx.count) {
        return -1;
      }
    }
  }

  @Provide
  Arbitrary<List<String>> names() {
    Arbitrary<String> label = Arbitraries.of("www", "a", "b", "co", "vn", "com", "");
    Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
    return name.list().ofMinSize(1).ofMaxSize(12);
  }
}
