package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import vn.lanhmanh.Message;

/**
 * The JSON-lines readers on generated lines: a well-formed request reads back the fields it was written
 * with, and random edits of it never throw and give the answer {@link LineParsersFuzzTest}'s oracle expects.
 */
class LineParserPropertiesTest {

  /** Any UTF-16, lone surrogates, quotes, backslashes and controls included. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.of("đm thằng ngu", "https://w88.casino/", "", " ", "\"\\\u0000\n", "\ud800", "ma túy"));
  }

  @Provide
  Arbitrary<Object> ids() {
    return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
        Arbitraries.of((Object) null), Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.of((Object) List.of(1, "a"), (Object) Map.of("k", 1.5)));
  }

  private static String json(Map<String, Object> fields) {
    try {
      return Json.MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<Map<String, Object>> batchRequests() {
    return Combinators.combine(ids(), texts(), Arbitraries.of("text", "url"), Arbitraries.integers().between(-1, 150),
        Arbitraries.of(false, true)).as((id, value, kind, age, extra) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          if (extra) {
            m.put("mine", Map.of("x", List.of(1, 2)));
          }
          m.put("id", id);
          m.put(kind, value);
          if (age >= 0) {
            m.put("age", age);
          }
          return m;
        });
  }

  @Property(tries = 500)
  void batchLinesReadBackTheirFields(@ForAll("batchRequests") Map<String, Object> fields) {
    String line = json(fields);
    BatchRequest r = new BatchLineParser().parse(line);
    assertThat(r.failed()).as(line).isFalse();
    assertThat(r.text()).isEqualTo(fields.get("text"));
    assertThat(r.url()).isEqualTo(fields.get("url"));
    assertThat(r.age()).isEqualTo(fields.containsKey("age") ? (int) fields.get("age") : -1);
    LineParsersFuzzTest.checkBatchLine(line);
  }

  @Provide
  Arbitrary<Map<String, Object>> messages() {
    return Combinators.combine(ids(), texts(), Arbitraries.of("child", "CHILD ", "stranger", ""),
        Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(8).map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l)),
        Arbitraries.longs().between(-1, ConversationLineParser.MAX_TIME)).as((id, text, sender, conv, time) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("conversation", conv);
          if (id != null) {
            m.put("id", id);
          }
          m.put("sender", sender);
          m.put("text", text);
          if (time >= 0) {
            m.put("time", time);
          }
          return m;
        });
  }

  @Property(tries = 500)
  void conversationLinesReadBackTheirFields(@ForAll("messages") Map<String, Object> fields) {
    String line = json(fields);
    ConversationRequest r = new ConversationLineParser().parse(line, 7);
    assertThat(r.failed()).as(line).isFalse();
    assertThat(r.text()).isEqualTo(fields.get("text"));
    assertThat(r.conversationKey()).isEqualTo(String.valueOf(fields.get("conversation")));
    assertThat(r.sender()).isEqualTo(fields.get("sender").toString().strip().equalsIgnoreCase("child")
        ? Message.Sender.CHILD : Message.Sender.OTHER);
    assertThat(r.time() == null ? -1 : r.time().getEpochSecond())
        .isEqualTo(fields.containsKey("time") ? (long) fields.get("time") : -1);
    LineParsersFuzzTest.checkConversationLine(line, 7);
  }

  @Property(tries = 300)
  void serviceBodiesReadBackTheirFields(@ForAll("batchRequests") Map<String, Object> fields) {
    Map<String, Object> check = new LinkedHashMap<>(fields);
    check.putIfAbsent("age", 10);
    byte[] body = json(check).getBytes(StandardCharsets.UTF_8);
    ServiceRequest r = new ServiceRequestParser(ServiceLimits.DEFAULTS).parseCheck(body);
    String value = (String) (fields.containsKey("text") ? fields.get("text") : fields.get("url"));
    // UTF-8 cannot carry a lone surrogate: Jackson writes '?' for it
    if (value.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
      assertThat(r.failed()).as(new String(body, StandardCharsets.UTF_8)).isFalse();
      assertThat(r.text() != null ? r.text() : r.url()).isEqualTo(value);
    }
    LineParsersFuzzTest.checkServiceBodies(body);
    LineParsersFuzzTest.checkServiceBodies(json(Map.of("items", List.of(check, check, "x"))).getBytes(StandardCharsets.UTF_8));
  }

  /** A line edited at random places: characters deleted, replaced or inserted, JSON punctuation first. */
  @Provide
  Arbitrary<Tuple.Tuple2<Map<String, Object>, List<Tuple.Tuple3<Integer, Integer, Character>>>> edits() {
    Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '0', '-',
        'e', '.', ' ', 'n', 't', '\u0000', '\ud800'), Arbitraries.chars());
    Arbitrary<Tuple.Tuple3<Integer, Integer, Character>> edit = Combinators.combine(
        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 2), chars).as(Tuple::of);
    return Combinators.combine(Arbitraries.oneOf(batchRequests(), messages()), edit.list().ofMinSize(1).ofMaxSize(4))
        .as(Tuple::of);
  }

  @Property(tries = 1000)
  void editedLinesNeverThrow(@ForAll("edits") Tuple.Tuple2<Map<String, Object>, List<Tuple.Tuple3<Integer, Integer, Character>>> t) {
    StringBuilder line = new StringBuilder(json(t.get1()));
    for (Tuple.Tuple3<Integer, Integer, Character> e : t.get2()) {
      int at = e.get1() % (line.length() + 1);
      if (e.get2() == 0 && at < line.length()) {
        line.deleteCharAt(at);
      } else if (e.get2() == 1 && at < line.length()) {
        line.setCharAt(at, e.get3());
      } else {
        line.insert(at, e.get3());
      }
    }
    String s = line.toString();
    LineParsersFuzzTest.checkBatchLine(s);
    LineParsersFuzzTest.checkConversationLine(s, 3);
    LineParsersFuzzTest.checkServiceBodies(s.getBytes(StandardCharsets.UTF_8));
  }
}
