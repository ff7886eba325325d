package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The quick read of {@code conversation} lines gives Jackson's answer on every line: on generated lines
 * (the contract's fields in any order, other fields, escapes, white space, numbers, literals, duplicates) and
 * on random edits of them, the request ({@link ConversationLineParser#parse}) and the key
 * ({@link ConversationLineParser#key}) equal those of Jackson's parser alone; and it does read the usual lines.
 */
class QuickConversationLineTest {

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.of("c1", "child", " Child ", "other", "em bao nhiêu tuổi rồi", "", "\\\"", "\\u00e9\\u0041",
            "\\ud800", "\\n\\t\\/\\b\\f\\r", "\\x", "\\u12", "\\uzzzz", "\\u٣٣٣٣"));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(strings().map(s -> "\"" + s + "\""),
        Arbitraries.of("1", "-0", "0", "01", "-", "1.5", "1e3", "12345678901234567890", "123456789012345678",
            "253402300799", "253402300800", "-1", "true", "false", "null", "truex", "nul", "[1]", "{\"a\":1}", "12a"));
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(Arbitraries.of("conversation", "id", "sender", "text", "time", "platform", "a", "b",
        "c", "d", "e", "f", "g", "h", "i", "x\\\"y"), Arbitraries.strings().ofMaxLength(3));
  }

  @Provide
  Arbitrary<String> spaces() {
    return Arbitraries.of("", "", "", " ", "\t", "\r\n", "\u00a0", "\u0001");
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> field = net.jqwik.api.Combinators.combine(names(), spaces(), values())
        .as((n, w, v) -> "\"" + n + "\"" + w + ":" + w + v);
    Arbitrary<String> wellFormed = net.jqwik.api.Combinators.combine(values(), values(), strings(), strings(),
            values(), field.list().ofMaxSize(10), spaces(), Arbitraries.integers().between(0, 6))
        .as((conversation, id, sender, text, time, extra, w, order) -> {
          List<String> fields = new ArrayList<>(List.of("\"conversation\":" + conversation, "\"id\":" + id,
              "\"sender\":\"" + sender + "\"", "\"text\":\"" + text + "\"", "\"time\":" + time));
          fields.addAll(order % 3 == 0 ? List.of() : extra);
          java.util.Collections.rotate(fields, order);
          return w + "{" + w + String.join("," + w, fields) + w + "}" + (order == 5 ? " x" : w);
        });
    return Arbitraries.oneOf(wellFormed, wellFormed.flatMap(l -> Arbitraries.integers().between(0, l.length())
        .flatMap(at -> Arbitraries.of("", "\"", "}", ",", "\\", " ", "{", ":").map(c ->
            l.substring(0, at) + c + l.substring(Math.min(l.length(), at + 1))))));
  }

  @Property(tries = 2000)
  void quickReadIsJacksons(@ForAll("lines") String line) {
    assertSame(line);
  }

  @Test
  void readsTheUsualLinesItself() {
    for (String line : List.of(
        "{\"conversation\":\"c12\",\"id\":\"m3\",\"sender\":\"other\",\"text\":\"em bao nhiêu tuổi rồi\",\"time\":1767250800}",
        "{\"conversation\": 7, \"id\": 7, \"sender\": \"child\", \"text\": \"a \\\"b\\\" \\u00e9\\n\", \"time\": null, \"app\": true}",
        " {\"text\":\"x\",\"sender\":\"Child\",\"conversation\":\"g\"} ")) {
      assertThat(QuickConversationLine.parse(line, 1)).as(line).isNotNull();
      assertThat(QuickConversationLine.key(line)).as(line).isNotSameAs(QuickConversationLine.UNSURE);
      assertSame(line);
    }
    assertThat(QuickConversationLine.parse("{\"conversation\":\"c\",\"sender\":\"x\",\"text\":\"t\",\"time\":1.5}", 1))
        .isNull();
  }

  private static void assertSame(String line) {
    ConversationLineParser parser = new ConversationLineParser();
    ConversationRequest quick = parser.parse(line, 42);
    ConversationRequest jackson = parser.parseWithJackson(line, 42);
    assertThat(describe(quick)).as(line).isEqualTo(describe(jackson));
    assertThat(ConversationLineParser.key(line)).as(line).isEqualTo(ConversationLineParser.keyWithJackson(line));
  }

  private static String describe(ConversationRequest r) {
    return String.join(" | ", json(r.id()), String.valueOf(r.messageId()), r.conversation() == null ? "-"
        : json(r.conversation()), String.valueOf(r.conversationKey()), String.valueOf(r.sender()),
        String.valueOf(r.text()), String.valueOf(r.time()), String.valueOf(r.error()));
  }

  private static String json(JsonId id) {
    StringBuilder b = new StringBuilder();
    id.append(b);
    return id.token + " " + b;
  }
}
