package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ContentFilter#conversationStep} against {@link Conversation#check}: on every scripted conversation
 * the step, with its state written to bytes and read back between messages, gives the same verdict, risk,
 * stages, evidence and incidents as the embedded window.
 */
class ConversationStepTest {

  private static final Policy CHILD = Policy.forAge(11);

  private static final List<IncidentListener.Incident> incidents = new CopyOnWriteArrayList<>();
  private static ContentFilter filter;

  @BeforeAll
  static void build() {
    filter = ContentFilter.builder().incidentListener(incidents::add, Runnable::run).build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  @Test
  void theStepAgreesWithTheEmbeddedConversationOnEveryScript() throws Exception {
    int messages = 0;
    int incidentMessages = 0;
    long maxBytes = 0;
    for (ConversationTest.Script s : ConversationTest.scripts()) {
      Conversation embedded = filter.conversation("embedded-" + s.name());
      ConversationState state = ConversationState.empty();
      for (Message m : s.messages()) {
        incidents.clear();
        ConversationVerdict expected = embedded.check(m, CHILD);
        List<String> expectedIncidents = kinds(incidents, "embedded-" + s.name());
        incidents.clear();
        ConversationStep step = filter.conversationStep("step-" + s.name(), state, m, CHILD);
        List<String> stepIncidents = kinds(incidents, "step-" + s.name());

        assertThat(step.verdict()).as(s.name() + " " + m.id()).isEqualTo(expected);
        assertThat(stepIncidents).as(s.name() + " " + m.id()).isEqualTo(expectedIncidents);
        assertThat(step.incident()).as(s.name() + " " + m.id()).isEqualTo(!expectedIncidents.isEmpty());
        byte[] bytes = step.state().toBytes();
        maxBytes = Math.max(maxBytes, bytes.length);
        state = ConversationState.fromBytes(bytes);
        assertThat(state).isEqualTo(step.state());
        messages++;
        incidentMessages += step.incident() ? 1 : 0;
      }
      assertThat(state.messages()).isEqualTo(s.messages().size());
    }
    System.out.printf("conversationStep: %d messages agree, %d incidents, largest state %d bytes%n", messages,
        incidentMessages, maxBytes);
    assertThat(messages).isGreaterThan(100);
    assertThat(incidentMessages).isGreaterThan(0);
  }

  @Test
  void theStepKeepsTheWindowsBudgetsLikeTheEmbeddedPath() {
    String longId = "id-".repeat(100);
    String manyPhrases = "em bao nhiêu tuổi rồi, ".repeat(30) + "gửi ảnh cho anh xem đi";
    Message[] messages = {
        new Message(longId, Message.Sender.OTHER, manyPhrases, java.time.Instant.EPOCH),
        new Message("m2", Message.Sender.OTHER, "nhớ xóa tin nhắn nhé, đừng nói với ai", java.time.Instant.EPOCH),
    };
    Conversation embedded = filter.conversation("budgets-embedded");
    ConversationState state = ConversationState.empty();
    for (Message m : messages) {
      ConversationVerdict expected = embedded.check(m, CHILD);
      ConversationStep step = filter.conversationStep("budgets-step", state, m, CHILD);
      assertThat(step.verdict()).isEqualTo(expected);
      state = ConversationState.fromBytes(step.state().toBytes());
    }
    assertThat(state.messages()).isEqualTo(2);
  }

  @Test
  void theStepLeavesTheFiltersWindowsAlone() throws Exception {
    try (ContentFilter f = ContentFilter.builder().build()) {
      ConversationTest.Script g = ConversationTest.scripts().get(0);
      ConversationState state = ConversationState.empty();
      for (Message m : g.messages()) {
        state = f.conversationStep("c", state, m, CHILD).state();
      }
      assertThat(f.monitor().size()).isZero();
      assertThat(state.messages()).isEqualTo(g.messages().size());
    }
  }

  @Test
  void argumentsAreChecked() {
    Message m = Message.of("m", Message.Sender.OTHER, "chào em");
    assertThatThrownBy(() -> filter.conversationStep(null, ConversationState.empty(), m, CHILD))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> filter.conversationStep("c", null, m, CHILD)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ConversationState.fromBytes(new byte[] {9}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
  }

  private static List<String> kinds(List<IncidentListener.Incident> all, String conversation) {
    List<String> out = new ArrayList<>();
    for (IncidentListener.Incident i : all) {
      assertThat(i.conversationId()).contains(conversation);
      out.add(i.kind() + " " + i.messageId().orElse("") + " " + i.risk() + " " + i.stages() + " " + i.findings()
          + " " + i.evidence());
    }
    return out;
  }
}
