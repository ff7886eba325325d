package vn.lanhmanh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lanhmanh.url.index.ListEntry;
import vn.lanhmanh.url.index.UrlListWriter;

/**
 * An unexpected failure inside a component (injected through the package-private
 * {@link ContentFilter#faultHook}) gives BLOCK with the component in {@code errors}, never ALLOW and never
 * an exception to the caller.
 */
class FailClosedTest {

  @TempDir
  static Path dir;

  private static ContentFilter filter;

  @BeforeAll
  static void open() throws Exception {
    try (UrlListWriter w = UrlListWriter.create(dir)) {
      w.add(new ListEntry("listed.example", "gambling", "test"));
      w.commit(true);
    }
    filter = ContentFilter.builder().urlIndex(dir).build();
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  @AfterEach
  void removeHook() {
    filter.faultHook = null;
  }

  /** Makes {@code component} throw {@code failure}; every other component runs normally. */
  private void inject(String component, Throwable failure) {
    filter.faultHook = c -> {
      if (c.equals(component)) {
        if (failure instanceof RuntimeException r) {
          throw r;
        }
        throw (Error) failure;
      }
    };
  }

  private static void assertFailedClosed(Verdict v, String component, Class<?> failure) {
    assertThat(v.action()).as(v.toString()).isEqualTo(Action.BLOCK);
    assertThat(v.errors()).containsExactly("internal error in " + component + ": " + failure.getName());
  }

  private static final Policy WRITTEN_10 = Policy.forAge(10).outgoing();

  @ParameterizedTest
  @ValueSource(strings = {"matcher", "pii", "decide"})
  void aTextComponentThatThrowsBlocks(String component) {
    String text = "các bạn ơi đi học thôi";   // innocent: ALLOW when nothing fails
    // Outgoing policies, so that the personal-information detectors run too.
    assertThat(filter.checkText(text, WRITTEN_10).action()).isEqualTo(Action.ALLOW);

    inject(component, new IllegalStateException("boom"));
    Verdict v = filter.checkText(text, WRITTEN_10);
    assertFailedClosed(v, component, IllegalStateException.class);
    assertThat(v.redacted()).isEqualTo("*** *** ** ** *** ****");   // nothing unchecked shown
    assertThat(v.findings()).isEmpty();

    inject(component, new StackOverflowError());
    assertFailedClosed(filter.checkText(text, Policy.forAge(30).outgoing()), component, StackOverflowError.class);
    // A policy with custom phrases goes through its own matcher: same result.
    assertFailedClosed(filter.checkText(text, Policy.forAge(30).outgoing().allow("đi học")), component,
        StackOverflowError.class);

    // Out of memory (a text of megabytes dense with findings on a small heap): BLOCK, saying so.
    inject(component, new OutOfMemoryError("Java heap space"));
    Verdict oom = filter.checkText(text, WRITTEN_10);
    assertThat(oom.action()).isEqualTo(Action.BLOCK);
    assertThat(oom.errors()).containsExactly("out of memory in " + component + ": a text of " + text.length()
        + " chars needs more heap than the JVM has");
    assertThat(oom.redacted()).isEqualTo("*** *** ** ** *** ****");

    filter.faultHook = null;
    assertThat(filter.checkText(text, WRITTEN_10).action()).isEqualTo(Action.ALLOW);
  }

  @Test
  void aConversationMessageFailsClosedToo() {
    inject("matcher", new ArrayIndexOutOfBoundsException(3));
    ConversationVerdict cv = filter.conversation("c1")
        .check(Message.of("m1", Message.Sender.OTHER, "chào em"), Policy.forAge(10));
    assertFailedClosed(cv.verdict(), "matcher", ArrayIndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"url canonicaliser", "url rules", "url index", "decide"})
  void aUrlComponentThatThrowsBlocksAndIsNotCached(String component) {
    String url = "https://olm.vn/bai-hoc/toan-lop-5";
    assertThat(filter.checkUrl(url, Policy.forAge(10)).action()).isEqualTo(Action.ALLOW);
    String fresh = "https://vnexpress.net/giao-duc/" + component.replace(' ', '-');   // not cached yet

    inject(component, new NullPointerException());
    assertFailedClosed(filter.checkUrl(fresh, Policy.forAge(10)), component, NullPointerException.class);
    inject(component, new StackOverflowError());
    assertFailedClosed(filter.checkUrl(fresh + "?x=1", Policy.forAge(30)), component, StackOverflowError.class);

    // The failure verdict was not cached: the same URL is checked again once the fault is gone.
    filter.faultHook = null;
    assertThat(filter.checkUrl(fresh, Policy.forAge(10)).action()).isEqualTo(Action.ALLOW);
    assertThat(filter.checkUrl("http://listed.example/", Policy.forAge(10)).action()).isEqualTo(Action.BLOCK);
  }

  @Test
  void aFailureInTheQueryOfASearchUrlBlocksTheUrl() {
    String url = "https://www.google.com/search?q=bai+tap+toan+lop+5";
    assertThat(filter.checkUrl(url, Policy.forAge(10)).action()).isEqualTo(Action.ALLOW);
    inject("pii", new IllegalArgumentException());
    assertFailedClosed(filter.checkUrl(url + "&hl=vi", WRITTEN_10), "pii",
        IllegalArgumentException.class);
  }

  @Test
  void theDocumentedExceptionsAreStillThrown() {
    inject("matcher", new IllegalStateException());
    assertThatThrownBy(() -> filter.checkText("x", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> filter.checkUrl("http://a.example/", null)).isInstanceOf(NullPointerException.class);
    ContentFilter closed = ContentFilter.builder().build();
    closed.faultHook = c -> {
      throw new IllegalStateException();
    };
    closed.close();
    assertThatThrownBy(() -> closed.checkText("x", Policy.forAge(10))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> closed.checkUrl("http://a.example/", Policy.forAge(10)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void withoutAHookNothingChanges() {
    assertThat(filter.faultHook).isNull();
    assertThat(filter.checkText("đm thằng ngu", Policy.forAge(10)).errors()).isEmpty();
    assertThat(List.of(filter.checkUrl("http://listed.example/", Policy.forAge(10)).action()))
        .containsExactly(Action.BLOCK);
  }
}
