package vn.lanhmanh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The binary form of a conversation window: round trips exactly, and damaged bytes are refused. */
class WindowStateCodecTest {

  @Property(tries = 500)
  void roundTripsExactly(@ForAll("states") WindowState state) {
    byte[] bytes = WindowStateCodec.encode(state);
    assertThat(WindowStateCodec.decode(bytes)).isEqualTo(state);
    assertThat(WindowStateCodec.encode(WindowStateCodec.decode(bytes))).isEqualTo(bytes);
  }

  @Property(tries = 300)
  void aDamagedByteIsRefused(@ForAll("states") WindowState state, @ForAll @IntRange(min = 0, max = 10_000) int at,
      @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] bytes = WindowStateCodec.encode(state);
    int i = at % bytes.length;
    bytes[i] ^= (byte) xor;
    assertThatThrownBy(() -> WindowStateCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conversation state");
  }

  @Property(tries = 300)
  void aTruncatedOrExtendedStateIsRefused(@ForAll("states") WindowState state,
      @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    byte[] bytes = WindowStateCodec.encode(state);
    byte[] shorter = java.util.Arrays.copyOf(bytes, cut % bytes.length);
    assertThatThrownBy(() -> WindowStateCodec.decode(shorter)).isInstanceOf(IllegalArgumentException.class);
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> WindowStateCodec.decode(longer)).isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void anUnknownVersionIsNamed() {
    byte[] bytes = WindowStateCodec.encode(WindowState.EMPTY);
    bytes[0] = 4;
    assertThatThrownBy(() -> WindowStateCodec.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("conversation state version 4 is not supported (this version reads versions 1 to 3)");
    // Version 1 (hits without a rule) is still read: the empty state is the same in both.
    byte[] v1 = WindowStateCodec.encode(WindowState.EMPTY);
    v1[0] = 1;
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(v1, 0, v1.length - 4);
    int c = (int) crc.getValue();
    v1[v1.length - 4] = (byte) (c >>> 24);
    v1[v1.length - 3] = (byte) (c >>> 16);
    v1[v1.length - 2] = (byte) (c >>> 8);
    v1[v1.length - 1] = (byte) c;
    assertThat(WindowStateCodec.decode(v1)).isEqualTo(WindowState.EMPTY);
    assertThatThrownBy(() -> WindowStateCodec.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("corrupt conversation state: no bytes");
    assertThatThrownBy(() -> WindowStateCodec.decode(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void stringsOverTheWindowsCapsAreRefused() {
    StageMatcher.Hit hit = new StageMatcher.Hit(Stage.AGE, 0.5, 0, 3, "x".repeat(ConversationMonitor.MAX_MATCH_CHARS + 1),
        false, "age: AGE QUESTION");
    WindowState tooLong = new WindowState(1, Instant.EPOCH, false,
        List.of(new WindowState.Entry(1, "m1", Instant.EPOCH, false, List.of(hit))));
    assertThatThrownBy(() -> WindowStateCodec.decode(WindowStateCodec.encode(tooLong)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("match length 65 exceeds 64");
  }

  @Example
  void theEmptyStateIsNineBytes() {
    assertThat(WindowStateCodec.encode(WindowState.EMPTY)).hasSize(9);
    assertThat(WindowStateCodec.decode(WindowStateCodec.encode(WindowState.EMPTY))).isEqualTo(WindowState.EMPTY);
  }

  @Provide
  Arbitrary<WindowState> states() {
    // any UTF-16 unit, lone surrogates and controls included, mixed with Vietnamese letters
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withChars("emđãởỹ ĐƯ").ofMaxLength(12));
    Arbitrary<Instant> time = Arbitraries.oneOf(
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
            .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n))),
        Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond));
    Arbitrary<StageMatcher.Hit> hit = Combinators.combine(
        Arbitraries.of(Stage.class),
        Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 1 << 20),
        Arbitraries.integers().between(0, 200),
        text,
        Arbitraries.of(true, false),
        text)
        .as((stage, w, start, len, match, lowered, rule) -> new StageMatcher.Hit(stage, w, start, start + len, match,
            lowered, rule));
    Arbitrary<List<StageMatcher.Hit>> hits = hit.list().ofMinSize(1).ofMaxSize(ConversationMonitor.MAX_HITS_PER_MESSAGE);
    // a message kept for its classifier signal alone has no hit
    Arbitrary<Object[]> hitsAndSignal = Arbitraries.oneOf(
        hits.map(h -> new Object[] {h, Double.NaN}),
        Combinators.combine(hits, Arbitraries.doubles().between(0, 1)).as((h, g) -> new Object[] {h, g}),
        Arbitraries.doubles().between(0, 1).map(g -> new Object[] {List.of(), g}));
    Arbitrary<List<Object[]>> raw = Combinators.combine(text, time, Arbitraries.of(true, false), hitsAndSignal,
        Arbitraries.longs().between(1, 1000))
        .as((id, t, child, h, gap) -> new Object[] {id, t, child, h[0], gap, h[1]})
        .list().ofMaxSize(ConversationWindow.MAX_MESSAGES);
    return Combinators.combine(raw, Arbitraries.longs().between(0, Long.MAX_VALUE / 4), time,
        Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((rows, extra, newest, alerted, none) -> {
          List<WindowState.Entry> entries = new ArrayList<>();
          long seq = 0;
          for (Object[] r : rows) {
            seq += (Long) r[4];
            @SuppressWarnings("unchecked")
            List<StageMatcher.Hit> h = (List<StageMatcher.Hit>) r[3];
            entries.add(new WindowState.Entry(seq, (String) r[0], (Instant) r[1], (Boolean) r[2], h, (Double) r[5]));
          }
          return new WindowState(seq + extra, none ? Instant.MIN : newest, alerted, entries);
        });
  }
}
