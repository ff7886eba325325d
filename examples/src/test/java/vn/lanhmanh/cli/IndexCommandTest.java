package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lanhmanh.Category;

/**
 * {@code index build}, {@code index info} and {@code --index DIR} on {@code check} and {@code batch}, on the
 * tiny lists under {@code src/test/resources/lists} (invented host names).
 */
class IndexCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;

  private static Path index;
  private static Cli.Result built;

  private static String list(String name) {
    return Cli.resource("/lists/" + name).toString();
  }

  /** Every fixture list: the UT1-style tree, a hosts file, a domain list and adblock rules. */
  private static String[] allLists(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("index", "build", "--out", out.toString(),
        "--ut1", list("ut1"),
        "--hosts", list("sinfo/gambling-hosts"), "--category", "gambling",
        "--domains", list("blp/drugs-nl.txt"), "--category", "drugs",
        "--category", "scam", "--adblock", list("adblock/scam-rules.txt"), "--source", "my/scam-rules"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @BeforeAll
  static void build() {
    index = shared.resolve("lists");
    built = Cli.run("", allLists(index));
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static String row(String list, long read, long kept, long comments, long skipped) {
    return String.format("%s %12d %12d %10d %10d", list, read, kept, comments, skipped);
  }

  @Test
  void buildPrintsTheCountsOfEveryListAndTheGeneration() {
    assertThat(built.exit()).as(built.err()).isZero();
    String out = built.out();
    assertThat(built.lines().get(0)).startsWith("list").contains("read", "kept", "comments", "skipped");
    assertThat(out).contains(
        row("ut1/adult/urls       ", 1, 1, 0, 0),
        row("ut1/adult/expressions", 1, 0, 0, 1),
        "    skipped: UT1 regular expressions are not imported 1",
        row("ut1/child/domains    ", 1, 1, 0, 0),
        row("ut1/dating/domains   ", 2, 2, 0, 0),
        row("sinfo/gambling-hosts ", 7, 4, 1, 3),
        "    skipped: hosts line without an address first 1; local name (localhost, 0.0.0.0 ...) 1; "
            + "two hosts glued together 1",
        row("blp/drugs-nl         ", 5, 2, 2, 1),
        "    skipped: several words on a domain line 1",
        row("my/scam-rules        ", 7, 2, 2, 3),
        "    skipped: adblock cosmetic rule (##) 1; adblock exception rule (@@) 1; "
            + "adblock rule with a path or wildcard 1",
        row("total                ", 25, 13, 5, 8),
        "UT1 folders not imported (not about child safety): games\n",
        "generation: 1 (new)\n",
        "entries:    13\n");
    assertThat(built.err()).startsWith("lanhmanh: wrote generation 1 of " + index + ": 13 entries added from 8 lists");
    assertThat(index.resolve("generation-1").resolve("lanhmanh-index.properties")).isRegularFile();
  }

  @Test
  void checkFindsAListedHostAndItsSubdomains() {
    Cli.Result r = Cli.run("", "check", "--lexicon", Cli.lexicon(), "--index", index.toString(), "--age", "10",
        "http://www.quietmeadow-fixture.com/play");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("action:   BLOCK", "rating:   C",
        "rule=url/list/sinfo/gambling-hosts:quietmeadow-fixture.com");
  }

  @Test
  void withoutTheIndexTheSameHostIsAllowed() {
    Cli.Result r = Cli.run("", "check", "--lexicon", Cli.lexicon(), "--age", "10",
        "http://www.quietmeadow-fixture.com/play");

    assertThat(r.out()).contains("action:   ALLOW", "findings: none");
  }

  @Test
  void batchLooksEveryKindOfListUp() {
    String in = String.join("\n",
        "{\"id\":1,\"url\":\"http://silverpond-fixture.net/\"}",
        "{\"id\":2,\"url\":\"https://a.b.redstone-fixture.net/x\"}",
        "{\"id\":3,\"url\":\"http://goldleaf-fixture.shop/pay\"}",
        "{\"id\":4,\"url\":\"http://freehost-fixture.com/dating/room.html\"}",
        "{\"id\":5,\"url\":\"http://freehost-fixture.com/recipes/\"}",
        "{\"id\":6,\"url\":\"http://fine-fixture.org/\"}",
        "{\"id\":7,\"url\":\"http://imagehost-fixture.com/nsfw/a.jpg\"}",
        "{\"id\":8,\"text\":\"xin chào\"}") + "\n";
    Cli.Result r = Cli.run(in, "batch", "--age", "10", "--lexicon", Cli.lexicon(), "--index", index.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> v = r.lines().stream().map(IndexCommandTest::parse).collect(Collectors.toList());
    assertThat(v).hasSize(8);
    assertThat(v.stream().map(n -> n.get("id").asInt()).collect(Collectors.toList()))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertListed(v.get(0), "BLOCK", "gambling", "url/list/sinfo/gambling-hosts:silverpond-fixture.net");
    assertListed(v.get(1), "BLOCK", "drugs", "url/list/blp/drugs-nl:redstone-fixture.net");
    assertListed(v.get(2), "BLOCK", "scam", "url/list/my/scam-rules:goldleaf-fixture.shop");
    assertListed(v.get(3), "BLOCK", "dating", "url/list/ut1/dating:freehost-fixture.com/dating/");
    assertThat(v.get(4).get("action").asText()).isEqualTo("ALLOW");
    assertThat(v.get(5).get("action").asText()).isEqualTo("ALLOW");   // an @@ exception is not a block
    assertListed(v.get(6), "BLOCK", "sexual", "url/list/ut1/adult:imagehost-fixture.com/nsfw/");
    assertThat(v.get(7).get("action").asText()).isEqualTo("ALLOW");
  }

  private static void assertListed(JsonNode v, String action, String category, String rule) {
    assertThat(v.get("action").asText()).as(v.toString()).isEqualTo(action);
    assertThat(v.get("categories").toString()).as(v.toString()).contains("\"" + category + "\"");
    List<String> rules = new ArrayList<>();
    v.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertThat(rules).as(v.toString()).contains(rule);
  }

  @Test
  void infoPrintsTheGenerationAndCountsPerCategoryAndSource() {
    Cli.Result r = Cli.run("", "index", "info", index.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines()).containsExactly(
        "index:      " + index,
        "generation: 1",
        "entries:    13",
        "categories:",
        "  allow               1",
        "  dating              3",
        "  drugs               2",
        "  gambling            4",
        "  scam                2",
        "  sexual              1",
        "sources:",
        "  blp/drugs-nl                    2",
        "  my/scam-rules                   2",
        "  sinfo/gambling-hosts            4",
        "  ut1/adult                       1",
        "  ut1/child                       1",
        "  ut1/dating                      3");
  }

  @Test
  void infoVerifyChecksEveryByte() {
    Cli.Result r = Cli.run("", "index", "info", "--verify", index.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("verified:   every file of generation 1 matches its checksum");
  }

  @Test
  void aSecondBuildWritesANewGenerationThatReplacesListsBySource(@TempDir Path dir) {
    Path out = dir.resolve("idx");
    Cli.Result first = Cli.run("", "index", "build", "--out", out.toString(),
        "--hosts", list("sinfo/gambling-hosts"), "--category", "gambling");
    assertThat(first.out()).contains("generation: 1 (new)\n", "entries:    4\n");

    Cli.Result second = Cli.run("", "index", "build", "--out", out.toString(),
        "--domains", list("blp/drugs-nl.txt"), "--category", "drugs");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("generation: 2 (extends the previous one)\n", "entries:    6\n");

    // the same list under another category: its old entries go, so the count stays
    Cli.Result third = Cli.run("", "index", "build", "--out", out.toString(),
        "--hosts", list("sinfo/gambling-hosts"), "--category", "scam", "--source", "sinfo/gambling-hosts");
    assertThat(third.out()).contains("generation: 3 (extends the previous one)\n", "entries:    6\n");
    Cli.Result info = Cli.run("", "index", "info", out.toString());
    assertThat(info.out()).contains("  drugs            2\n", "  scam             4\n").doesNotContain("  gambling ");

    Cli.Result fresh = Cli.run("", "index", "build", "--out", out.toString(), "--fresh",
        "--hosts", list("sinfo/gambling-hosts"), "--category", "gambling");
    assertThat(fresh.out()).contains("generation: 4 (new)\n", "entries:    4\n");
    assertThat(out.resolve("generation-1")).isDirectory();   // older generations are left alone
  }

  @Test
  void progressGoesToStderrOnlyWhenAskedOrOnATerminal(@TempDir Path dir) {
    Cli.Result quiet = Cli.run("", "index", "build", "--out", dir.resolve("a").toString(),
        "--hosts", list("sinfo/gambling-hosts"), "--category", "gambling");
    Cli.Result shown = Cli.run("", "index", "build", "--out", dir.resolve("b").toString(), "--progress",
        "--hosts", list("sinfo/gambling-hosts"), "--category", "gambling");

    assertThat(quiet.err().lines()).hasSize(1).allMatch(l -> l.startsWith("lanhmanh: wrote generation 1"));
    assertThat(shown.err()).contains("4 entries", "/s", "merging and committing\n", "lanhmanh: wrote generation 1");
  }

  @Test
  void aDamagedIndexIsARuntimeErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Path copy = copyIndex(dir);
    Path victim = largestLuceneFile(copy.resolve("generation-1"));
    try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }

    Cli.Result check = Cli.run("", "check", "--lexicon", Cli.lexicon(), "--index", copy.toString(), "--age", "10",
        "http://example.com/");
    assertThat(check.exit()).isEqualTo(Main.EXIT_RUNTIME);
    assertThat(check.out()).isEmpty();
    assertThat(check.err()).startsWith("lanhmanh: --index " + copy + ": cannot use the URL list index: generation-1: "
        + "Lucene file " + victim.getFileName() + " has ").contains("(truncated or replaced)").hasLineCount(1);

    Cli.Result info = Cli.run("", "index", "info", copy.toString());
    assertThat(info.exit()).isEqualTo(Main.EXIT_RUNTIME);
    assertThat(info.err()).contains("cannot use the URL list index: generation-1: Lucene file").hasLineCount(1);

    Cli.Result extend = Cli.run("", "index", "build", "--out", copy.toString(),
        "--hosts", list("sinfo/gambling-hosts"), "--category", "gambling");
    assertThat(extend.exit()).isEqualTo(Main.EXIT_RUNTIME);
    assertThat(extend.err()).contains("--fresh").hasLineCount(1);
  }

  /** Lucene checks small files when it opens them; {@code --verify} checks the rest. Either way: exit 1. */
  @Test
  void aFlippedByteIsFound(@TempDir Path dir) throws IOException {
    Path copy = copyIndex(dir);
    Path victim = largestLuceneFile(copy.resolve("generation-1"));
    try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
      f.seek(f.length() / 3);
      int b = f.read();
      f.seek(f.length() / 3);
      f.write(b ^ 0xFF);
    }

    Cli.Result r = Cli.run("", "index", "info", "--verify", copy.toString());

    assertThat(r.exit()).isEqualTo(Main.EXIT_RUNTIME);
    assertThat(r.err()).startsWith("lanhmanh: " + copy + ": ").contains("generation-1: ").hasLineCount(1);
  }

  @Test
  void aWrongIndexFolderIsAUsageError(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing");
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Cli.Result r1 = Cli.run("", "check", "--index", missing.toString(), "--age", "10", "http://example.com/");
    Cli.Result r2 = Cli.run("{\"id\":1,\"url\":\"http://example.com/\"}\n", "batch", "--age", "10",
        "--index", file.toString());
    Cli.Result r3 = Cli.run("", "--index", empty.toString(), "check", "--age", "10", "http://example.com/");
    Cli.Result r4 = Cli.run("", "index", "info", empty.toString());

    for (Cli.Result r : List.of(r1, r2, r3, r4)) {
      assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).hasLineCount(1);
    }
    assertThat(r1.err()).startsWith("lanhmanh: --index: no such folder: " + missing);
    assertThat(r2.err()).startsWith("lanhmanh: --index: not a folder: " + file);
    assertThat(r3.err()).startsWith("lanhmanh: --index: " + empty + " is not a URL list index (no generation-N folder)");
    assertThat(r4.err()).startsWith("lanhmanh: DIR: " + empty + " is not a URL list index");
  }

  @Test
  void badBuildArgumentsAreUsageErrorsAndWriteNothing(@TempDir Path dir) {
    Path out = dir.resolve("idx");
    String hosts = list("sinfo/gambling-hosts");
    List<List<String>> cases = List.of(
        List.of("--hosts", hosts, "--category", "pirates"),
        List.of("--hosts", dir.resolve("nope").toString(), "--category", "gambling"),
        List.of("--hosts", hosts),
        List.of("--hosts", hosts, "--category", "gambling", "--source", "two words"),
        List.of("--ut1", hosts),
        List.of());
    List<String> errors = new ArrayList<>();
    for (List<String> c : cases) {
      List<String> args = new ArrayList<>(List.of("index", "build", "--out", out.toString()));
      args.addAll(c);
      Cli.Result r = Cli.run("", args.toArray(String[]::new));
      assertThat(r.exit()).as(c + ": " + r.err()).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err()).as(c.toString()).hasLineCount(1);
      errors.add(r.err());
    }
    assertThat(errors.get(0)).contains("unknown category 'pirates'; use one of sexual, sexual_minors");
    assertThat(errors.get(1)).contains("--hosts: no such file: ");
    assertThat(errors.get(2)).contains("--category");
    assertThat(errors.get(3)).contains("--source for ").contains("'two words' is not a list name");
    assertThat(errors.get(4)).contains("--ut1: not a folder: ");
    assertThat(errors.get(5)).contains("nothing to import");
    assertThat(out).doesNotExist();
  }

  @Test
  void defaultSourceIsFolderAndFileName() {
    assertThat(IndexBuildCommand.defaultSource(Path.of("data", "sinfonietta", "gambling-hosts")))
        .isEqualTo("sinfonietta/gambling-hosts");
    assertThat(IndexBuildCommand.defaultSource(Path.of("data", "blp", "drugs-nl.txt.gz")))
        .isEqualTo("blp/drugs-nl");
    assertThat(IndexBuildCommand.defaultSource(Path.of("my lists", "a b.txt"))).isEqualTo("my_lists/a_b");
  }

  @Test
  void usageHelpNamesEveryCategory() {
    assertThat(IndexBuildCommand.CATEGORY_NAMES).isEqualTo(
        Arrays.stream(Category.values()).map(Category::jsonName).collect(Collectors.joining(", ")));
  }

  private static Path copyIndex(Path dir) throws IOException {
    Path copy = dir.resolve("copy");
    try (Stream<Path> walk = Files.walk(index)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = copy.resolve(index.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return copy;
  }

  private static Path largestLuceneFile(Path genDir) throws IOException {
    try (Stream<Path> files = Files.list(genDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("_"))
          .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
  }
}
