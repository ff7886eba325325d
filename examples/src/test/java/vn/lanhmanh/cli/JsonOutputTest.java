package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.Verdict;

/**
 * The hand-written verdict lines ({@link JsonOutput}) are byte for byte what Jackson's generator wrote
 * ({@link JacksonJsonOutput}, the tool's writer before): on generated verdicts with any text (quotes,
 * backslashes, control characters, lone surrogates), any score and risk, and on the filter's own verdicts.
 */
class JsonOutputTest {

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
        Arbitraries.of("đm thằng ngu", "", "\"\\\u0000\n\u001f\u007f/", "\ud800", "\udc00x", "ma túy"));
  }

  @Provide
  Arbitrary<Double> numbers() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1),
        Arbitraries.of(0.0, -0.0, 1.0, 0.5, 0.00005, 0.99995, 0.0004999, 0.7, 1e-9, 0.1 + 0.2),
        Arbitraries.doubles().between(-5, 5).map(Math::abs).filter(d -> d <= 1));
  }

  @Provide
  Arbitrary<JsonId> ids() {
    return Arbitraries.oneOf(texts().map(s -> JsonId.scalar(JsonToken.VALUE_STRING, s)),
        Arbitraries.of("1", "-0", "1.50", "12345678901234567890", "1e5")
            .map(s -> JsonId.scalar(s.contains(".") || s.contains("e") ? JsonToken.VALUE_NUMBER_FLOAT
                : JsonToken.VALUE_NUMBER_INT, s)),
        Arbitraries.of(JsonId.NULL, JsonId.scalar(JsonToken.VALUE_TRUE, "true"),
            JsonId.scalar(JsonToken.VALUE_FALSE, "false")),
        Arbitraries.of("[1,\"a\\u0001\",{\"k\":1.5}]", "{\"a\":[],\"b\":null}").map(JsonOutputTest::tree));
  }

  private static JsonId tree(String json) {
    try {
      return JsonId.tree(Json.MAPPER.readTree(json));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Property(tries = 300)
  void verdictsAsJacksonWroteThem(@ForAll("ids") JsonId id, @ForAll("texts") String redacted,
      @ForAll("texts") String rule, @ForAll("texts") String match, @ForAll("numbers") double score,
      @ForAll("numbers") double risk, @ForAll("numbers") double weight, @ForAll("texts") String stage,
      @ForAll("texts") String messageId, @ForAll @Size(max = 3) List<Category> categories,
      @ForAll Severity severity, @ForAll Rating rating, @ForAll Action action, @ForAll("ids") JsonId conversation)
      throws Exception {
    List<Finding> findings = new ArrayList<>();
    for (Category c : categories) {
      findings.add(new Finding(c, severity, rating, rule, 0, match.length(), match));
    }
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      if (c.ordinal() % 3 != 1) {
        scores.put(c, c.ordinal() % 3 == 0 ? score : 0.0);
      }
    }
    Optional<Help> help = switch (Math.abs(redacted.hashCode()) % 4) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(Help.SCAM);
      case 2 -> Optional.of(new Help(stage, null, rule, match, "x"));
      default -> Optional.of(Help.ABUSE);
    };
    Verdict v = new Verdict(action, rating, findings, redacted,
        redacted.isEmpty() ? Optional.empty() : Optional.of(match), help, List.of(),
        redacted.length() % 2 == 0 ? scores : Map.of(), List.of());
    Set<String> stages = new LinkedHashSet<>(List.of(stage, "rapport"));
    ConversationVerdict cv = new ConversationVerdict(v, risk, stages, List.of(),
        List.of(new ConversationVerdict.Reason(messageId, stage, weight, rule),
            new ConversationVerdict.Reason("m1", "rapport", risk, "stage/rapport/x")));
    assertSame(id, v, cv, conversation, messageId);
  }

  /** The filter's own verdicts on chat lines, stage lines and bad input, as the conversation command writes them. */
  @Test
  void theFiltersVerdictsAsJacksonWroteThem() throws Exception {
    List<String> texts = List.of("hôm nay trên lớp cô giao bài gì vậy", "em xinh quá, nói chuyện với em vui ghê",
        "em bao nhiêu tuổi rồi", "nhà em ở đâu vậy", "nhớ xóa tin nhắn nhé, đừng nói với ai",
        "gửi ảnh cho anh xem đi", "mai mình gặp nhau nhé, anh qua đón em", "đm thằng ngu", "mày muốn chết à",
        "mua ma túy ở đâu", "tao sẽ giết mày", "\"quoted\"\n\\ and \u0001 \ud800", "https://w88.casino/ vào đây",
        "anh nạp thẻ game cho em nhé", "bố mẹ em có nhà không", "c.h.ị.c nhau k");
    try (ContentFilter filter = ContentFilter.builder().build()) {
      Policy policy = Policy.forAge(11);
      for (int i = 0; i < 5 * texts.size(); i++) {
        String text = texts.get(i % texts.size());
        Message m = new Message("m" + i, i % 2 == 0 ? Message.Sender.OTHER : Message.Sender.CHILD, text,
            Instant.ofEpochSecond(1_767_250_800L + 60L * i));
        ConversationVerdict cv = filter.conversation("c" + i % 3).check(m, policy);
        assertSame(JsonId.scalar(JsonToken.VALUE_STRING, "m" + i), cv.verdict(), cv,
            JsonId.scalar(JsonToken.VALUE_NUMBER_INT, Integer.toString(i % 3)), "c" + i % 3);
        StringWriter fast = new StringWriter();
        new JsonOutput(fast).verdict(JsonId.NULL, filter.checkText(text, policy));
        StringWriter jackson = new StringWriter();
        new JacksonJsonOutput(jackson).verdict(JsonId.NULL, filter.checkText(text, policy));
        assertThat(fast.toString()).isEqualTo(jackson.toString());
      }
    }
  }

  private static void assertSame(JsonId id, Verdict v, ConversationVerdict cv, JsonId conversation,
      String conversationKey) throws Exception {
    StringWriter fast = new StringWriter();
    StringWriter jackson = new StringWriter();
    JsonOutput out = new JsonOutput(fast);
    JacksonJsonOutput ref = new JacksonJsonOutput(jackson, true);
    out.verdict(id, v);
    ref.verdict(id, v);
    out.conversationVerdict(id, cv, conversation);
    ref.conversationVerdict(id, cv, conversation);
    out.error(id, conversationKey);
    ref.error(id, conversationKey);
    out.conversationVerdict(conversation, cv, id);   // the same output again: its buffer is reused
    ref.conversationVerdict(conversation, cv, id);
    assertThat(fast.toString()).isEqualTo(jackson.toString());

    StringBuilder line = new StringBuilder();
    new JsonOutput(line).conversationVerdict(id, cv, conversation);
    StringWriter one = new StringWriter();
    new JacksonJsonOutput(one).conversationVerdict(id, cv, conversation);
    assertThat(line.toString()).isEqualTo(one.toString());

    for (ConversationVerdict c : new ConversationVerdict[] {null, cv}) {
      StringWriter service = new StringWriter();
      StringWriter serviceRef = new StringWriter();
      ServiceJson.verdict(service, id, v, conversationKey, c);
      JacksonJsonOutput.serviceVerdict(serviceRef, id, v, conversationKey, c);
      assertThat(service.toString()).isEqualTo(serviceRef.toString());
    }
  }
}
