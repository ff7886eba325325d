package vn.lanhmanh.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Conversation;
import vn.lanhmanh.ConversationState;
import vn.lanhmanh.ConversationStep;
import vn.lanhmanh.ConversationVerdict;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Help;
import vn.lanhmanh.IncidentListener;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.Verdict;

/**
 * Pins the public API from outside its package: a change here is a change for every user, so it must be
 * deliberate.
 */
class PublicApiTest {

  private static Set<String> publicMethods(Class<?> c) {
    return Arrays.stream(c.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .map(PublicApiTest::signature)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String signature(Method m) {
    return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(",", "(", ")"));
  }

  @Test
  void contentFilter() {
    assertThat(publicMethods(ContentFilter.class)).containsExactlyInAnyOrder(
        "builder()", "checkText(String,Policy)", "checkUrl(String,Policy)", "urlCacheStats()", "refreshUrlIndex()", "close()",
        "lexiconCounts()", "conversation(String)", "incidentCounts()", "urlCacheCounts()",
        "conversationStep(String,ConversationState,Message,Policy)", "conversationCounts()");
    assertThat(publicMethods(ContentFilter.Builder.class)).containsExactlyInAnyOrder(
        "withoutDefaultLexicon()", "addLexicon(Path)", "urlCacheSize(long)", "urlIndex(Path)", "build()", "maxConversations(long)",
        "model(Path)", "withModel()", "withoutModel()", "modelFindings(boolean)",
        "classifiers(Path)", "classifiers(ClassifierModel)", "withClassifiers()", "withoutClassifiers()",
        "conversationExpiry(Duration)", "maxConversationBytes(long)", "defaultUrlLists(boolean)",
        "incidentListener(IncidentListener)",
        "incidentListener(IncidentListener,Executor)", "precompiledLexicon(Path)",
        "writePrecompiledLexicon(OutputStream)");
    assertThat(AutoCloseable.class).isAssignableFrom(ContentFilter.class);
    assertThat(Modifier.isFinal(ContentFilter.class.getModifiers())).isTrue();
  }

  @Test
  void conversation() {
    assertThat(publicMethods(Conversation.class)).containsExactlyInAnyOrder(
        "id()", "check(Message,Policy)", "kept()", "toString()");
    assertThat(Modifier.isFinal(Conversation.class.getModifiers())).isTrue();
    assertThat(Conversation.class.getConstructors()).isEmpty();
    assertThat(Message.class.isRecord()).isTrue();
    assertThat(Arrays.stream(Message.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("id", "sender", "text", "time");
    assertThat(publicMethods(Message.class)).contains("of(String,Sender,String)");
    assertThat(Message.Sender.values()).extracting(Enum::name).containsExactly("CHILD", "OTHER");
    assertThat(ConversationVerdict.class.isRecord()).isTrue();
    assertThat(Arrays.stream(ConversationVerdict.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("verdict", "risk", "stages", "evidence", "reasons");
    assertThat(Arrays.stream(ConversationVerdict.Reason.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("messageId", "stage", "weight", "rule");
    assertThat(Arrays.stream(ConversationVerdict.Evidence.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("messageId", "stage", "start", "end", "match");
  }

  @Test
  void conversationState() {
    assertThat(publicMethods(ConversationState.class)).containsExactlyInAnyOrder(
        "empty()", "fromBytes(byte[])", "toBytes()", "messages()", "equals(Object)", "hashCode()", "toString()");
    assertThat(Modifier.isFinal(ConversationState.class.getModifiers())).isTrue();
    assertThat(ConversationState.class.getConstructors()).isEmpty();
    assertThat(ConversationStep.class.isRecord()).isTrue();
    assertThat(Arrays.stream(ConversationStep.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("verdict", "state", "incident");
  }

  @Test
  void incidentListener() {
    assertThat(IncidentListener.class.isInterface()).isTrue();
    assertThat(IncidentListener.class.isAnnotationPresent(FunctionalInterface.class)).isTrue();
    assertThat(publicMethods(IncidentListener.class)).containsExactly("onIncident(Incident)");
    assertThat(Arrays.stream(IncidentListener.Incident.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("kind", "conversationId", "messageId", "risk", "stages", "findings", "evidence", "time");
    assertThat(IncidentListener.Kind.values()).extracting(Enum::name)
        .containsExactly("FINDING", "CONVERSATION", "DISCLOSURE");
  }

  @Test
  void policy() {
    assertThat(publicMethods(Policy.class)).containsExactlyInAnyOrder(
        "forAge(int)", "tier(Rating)", "withCategory(Category,Action)", "allow(String[])",
        "deny(Category,Rating,String[])", "age()", "highest()", "allowPhrases()", "denyPhrases()",
        "override(Category)", "actionFor(Category,Rating)", "actionFor(Finding)",
        "personalInformation(String,Action)", "redact(Category)", "redacts(Category)", "threshold(Category,double)",
        "thresholds()", "actionForScores(Map)", "outgoing()", "isOutgoing()", "namesPiiAction(String)", "equals(Object)", "hashCode()",
        "toString()");
    assertThat(Modifier.isFinal(Policy.class.getModifiers())).isTrue();
  }

  @Test
  void valuesAreRecords() {
    assertThat(Verdict.class.isRecord()).isTrue();
    assertThat(Finding.class.isRecord()).isTrue();
    assertThat(Help.class.isRecord()).isTrue();
    assertThat(Arrays.stream(Verdict.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("action", "rating", "findings", "redacted", "safeUrl", "help", "errors", "scores", "notes");
    assertThat(Arrays.stream(Finding.class.getRecordComponents()).map(c -> c.getName()))
        .containsExactly("category", "severity", "rating", "rule", "start", "end", "match");
  }

  @Test
  void enums() {
    assertThat(Action.values()).extracting(Enum::name).containsExactly("ALLOW", "WARN", "BLOCK");
    assertThat(Rating.values()).extracting(Enum::name).containsExactly("P", "K", "T13", "T16", "T18", "C");
    assertThat(Severity.values()).extracting(Enum::name).containsExactly("LOW", "MEDIUM", "HIGH");
    assertThat(Category.values()).extracting(Category::jsonName).containsExactly(
        "sexual", "sexual_minors", "grooming", "violence", "self_harm", "drugs", "gambling", "scam",
        "harassment", "profanity", "pii", "dating", "social");
  }
}
