package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.lanhmanh.ContentFilter;

/**
 * {@code --add-lexicon DIR}: a school's own folder ({@code src/test/resources/school-lexicon}: one exception,
 * {@code câu lạc bộ bắn súng}, and one insult, {@code đồ gà mờ}) read on top of the embedded lexicon, for
 * {@code check}, {@code batch}, {@code conversation} and {@code serve}.
 */
class AddLexiconTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The embedded lexicon reports {@code súng} (gun) here, at tier P since {@code bắn súng} marks a sport
   * sentence (the SPORT register); the school's exception cancels the finding altogether.
   */
  private static final String CLUB = "câu lạc bộ bắn súng của trường mở cửa thứ bảy";
  /** The embedded lexicon finds nothing in the school's insult, and {@code đm} in the rest. */
  private static final String INSULT = "mày đúng là đồ gà mờ, đm";

  private static String school() {
    return Cli.resource("/school-lexicon/harassment.tsv").getParent().toString();
  }

  @Test
  void withoutTheSchoolFolderTheDefaultsDecide() throws IOException {
    JsonNode club = json(Cli.run("", "check", "--age", "10", "--json", CLUB));
    assertThat(club.get("action").asText()).isEqualTo("ALLOW");
    assertThat(rules(club)).containsExactly("violence/sung");

    JsonNode insult = json(Cli.run("", "check", "--age", "10", "--json", INSULT));
    assertThat(rules(insult)).contains("profanity/dit_me").doesNotContain("harassment/do_ga_mo");
  }

  @Test
  void checkCancelsADefaultFindingByTheSchoolsExceptionAndFindsTheSchoolsInsult() throws IOException {
    JsonNode club = json(Cli.run("", "check", "--add-lexicon", school(), "--age", "10", "--json", CLUB));
    assertThat(club.get("action").asText()).isEqualTo("ALLOW");
    assertThat(club.get("findings")).isEmpty();

    // the option is inherited: it may also come before the command's name
    JsonNode insult = json(Cli.run("", "--add-lexicon", school(), "check", "--age", "10", "--json", INSULT));
    assertThat(rules(insult)).contains("harassment/do_ga_mo", "profanity/dit_me");
    assertThat(insult.get("redacted").asText()).isEqualTo("mày đúng là ** ** **, **");
  }

  @Test
  void batchUsesTheSchoolsFolderOnTopOfTheDefaults() throws IOException {
    Cli.Result r = Cli.run("{\"id\":1,\"text\":\"" + CLUB + "\"}\n{\"id\":2,\"text\":\"đồ gà mờ\"}\n"
        + "{\"id\":3,\"text\":\"đm thằng ngu\"}\n", "batch", "--age", "10", "--add-lexicon", school());

    assertThat(r.exit()).isZero();
    assertThat(r.lines()).hasSize(3);
    JsonNode club = JSON.readTree(r.lines().get(0));
    JsonNode insult = JSON.readTree(r.lines().get(1));
    JsonNode defaults = JSON.readTree(r.lines().get(2));
    assertThat(club.get("action").asText()).isEqualTo("ALLOW");
    assertThat(insult.get("action").asText()).isEqualTo("WARN");
    assertThat(rules(insult)).containsExactly("harassment/do_ga_mo");
    assertThat(defaults.get("action").asText()).isEqualTo("BLOCK");
    assertThat(defaults.get("categories").toString()).isEqualTo("[\"harassment\",\"profanity\"]");
  }

  @Test
  void conversationUsesTheSchoolsFolder() throws IOException {
    Cli.Result r = Cli.run("{\"conversation\":\"c1\",\"id\":\"m1\",\"sender\":\"other\",\"text\":\"đồ gà mờ\"}\n"
        + "{\"conversation\":\"c1\",\"id\":\"m2\",\"sender\":\"child\",\"text\":\"" + CLUB + "\"}\n",
        "conversation", "--age", "11", "--add-lexicon", school());

    assertThat(r.exit()).isZero();
    assertThat(rules(JSON.readTree(r.lines().get(0)))).containsExactly("harassment/do_ga_mo");
    assertThat(JSON.readTree(r.lines().get(1)).get("findings")).isEmpty();
  }

  @Test
  void serveBuildsItsFilterWithTheSchoolsFolder() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintWriter w = Main.utf8Writer(sink, true);
    CommandLine cl = Main.commandLine(new ByteArrayInputStream(new byte[0]), w, w);
    CommandLine.ParseResult parsed = cl.parseArgs("serve", "--port", "0", "--add-lexicon", school());
    Main main = cl.getCommand();
    ContentFilter filter = main.openFilter(parsed.subcommand().commandSpec());
    try (ServiceClient c = ServiceClient.start(filter, null, ServiceLimits.DEFAULTS)) {
      ServiceClient.Reply club = c.post("/v1/check", "{\"text\":\"" + CLUB + "\",\"age\":10}");
      ServiceClient.Reply insult = c.post("/v1/check", "{\"text\":\"đồ gà mờ\",\"age\":10}");

      assertThat(club.status()).isEqualTo(200);
      assertThat(club.json().get("action").asText()).isEqualTo("ALLOW");
      assertThat(rules(insult.json())).containsExactly("harassment/do_ga_mo");
    }
  }

  @Test
  void addsOnTopOfLexiconFoldersToo() throws IOException {
    JsonNode v = json(Cli.run("", "check", "--lexicon", Cli.lexicon(), "--add-lexicon", school(), "--age", "10",
        "--json", "đồ gà mờ, đồ ngu"));

    assertThat(rules(v)).contains("harassment/do_ga_mo", "harassment/do_ngu");
  }

  @Test
  void lexiconSearchSeesTheSchoolsEntries() {
    Cli.Result r = Cli.run("", "--add-lexicon", school(), "lexicon", "search", "gà", "mờ");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("rule  \"đồ gà mờ\"  harassment  K  medium  fold=always  harassment.tsv:3");
  }

  @Test
  void aMissingFolderIsAUsageErrorOfEveryCommand() {
    List<List<String>> commands = List.of(List.of("check", "--age", "10", "x"), List.of("batch", "--age", "10"),
        List.of("conversation", "--age", "10"), List.of("serve", "--port", "0"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--add-lexicon", "no-such-folder"));
      Cli.Result r = Cli.run("", args.toArray(String[]::new));
      assertThat(r.exit()).as(command.get(0)).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err()).as(command.get(0)).startsWith("lanhmanh: --add-lexicon: not a folder: no-such-folder");
    }
  }

  private static JsonNode json(Cli.Result r) throws IOException {
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private static List<String> rules(JsonNode verdict) {
    List<String> out = new ArrayList<>();
    verdict.get("findings").forEach(f -> out.add(f.get("rule").asText()));
    return out;
  }
}
