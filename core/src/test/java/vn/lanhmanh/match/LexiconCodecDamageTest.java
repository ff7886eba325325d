package vn.lanhmanh.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.concept.Concept;
import vn.lanhmanh.concept.ConceptLexicon;
import vn.lanhmanh.concept.ConceptPhrase;
import vn.lanhmanh.lexicon.LexiconEntry;
import vn.lanhmanh.lexicon.LexiconEntry.Fold;

/**
 * A damaged or truncated precompiled lexicon is refused with a {@link LexiconCodec.FormatException} that
 * names the problem, whatever byte is damaged or wherever the file ends: never another exception, never a
 * lexicon silently left out. The checksums catch a damaged byte; here they are computed again over the
 * damaged bytes, so that the checks of the tables themselves (which {@link LexiconCodec#read} does while it
 * reads the tries in place, without a copy of the payload) are what refuses them.
 */
class LexiconCodecDamageTest {

  private static byte[] plain;
  private static byte[] deflated;
  /** Where the payload starts in {@link #plain}, which is not deflated. */
  private static int payloadAt;

  @BeforeAll
  static void write() throws IOException {
    List<LexiconEntry> entries = List.of(
        LexiconEntry.rule("đồ gà mờ", Category.HARASSMENT, Rating.K, Severity.MEDIUM, Fold.PLAIN, "", "t:1"),
        LexiconEntry.rule("gà mờ quá", Category.HARASSMENT, Rating.K, Severity.LOW, Fold.NEVER, "", "t:2"),
        LexiconEntry.exception("con gà mờ", Fold.PLAIN, "", "t:3"),
        LexiconEntry.target("thằng kia", Fold.ALWAYS, "", "t:4"));
    ConceptLexicon concepts = new ConceptLexicon(List.of(
        new ConceptPhrase("con mèo", Set.of(Concept.ANIMAL), Fold.ALWAYS, "", "c:1"),
        new ConceptPhrase("công an", Set.of(Concept.NEWS_POLICE), Fold.ALWAYS, "", "c:2")),
        List.of(), List.of(), List.of());
    CompiledLexicon c = CompiledLexicon.compile(entries, concepts, Map.of());
    plain = write(entries, c, LexiconCodec.Compression.NONE);
    deflated = write(entries, c, LexiconCodec.Compression.DEFLATE);
    payloadAt = 8 + 4 + 4 + "test".length() + 8 + 1 + 4 + 8 + 4;
    assertThat(ByteBuffer.wrap(plain).getInt(payloadAt - 4)).as("payload length")
        .isEqualTo(plain.length - payloadAt - 8);
  }

  private static byte[] write(List<LexiconEntry> entries, CompiledLexicon c, LexiconCodec.Compression compression)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LexiconCodec.write(new LexiconCodec.Bundle("test", 7, entries, Map.of("lexicon", c)), out, compression);
    return out.toByteArray();
  }

  @Test
  void aGoodFileIsReadWhole() {
    for (byte[] file : new byte[][] {plain, deflated}) {
      LexiconCodec.Bundle b = LexiconCodec.read(new ByteArrayInputStream(file));
      assertThat(b.names()).containsExactly("lexicon");
      CompiledLexicon c = b.lexicon("lexicon");
      assertThat(c.entries).hasSize(4);
      assertThat(c.ruleIdArray()).contains("harassment/do_ga_mo", "harassment/ga_mo_qua");
      assertThat(c.conceptSets).hasSize(2);
      assertThat(b.lexicon("lexicon")).isSameAs(c);
    }
  }

  @Test
  void everyTruncationIsRefusedAsTruncated() {
    for (byte[] file : new byte[][] {plain, deflated}) {
      for (int n = 0; n < file.length; n++) {
        byte[] cut = Arrays.copyOf(file, n);
        assertThatThrownBy(() -> LexiconCodec.read(new ByteArrayInputStream(cut)))
            .as("the first %d of %d bytes", n, file.length)
            .isInstanceOf(LexiconCodec.FormatException.class)
            .hasMessageContaining(n < 8 ? "not a precompiled lexicon" : "truncated");
      }
    }
  }

  @Test
  void aStreamThatGivesFewBytesAtATimeIsReadWhole() {
    InputStream trickle = new ByteArrayInputStream(plain) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 3));
      }

      @Override
      public synchronized int available() {
        return 0;
      }
    };
    assertThat(LexiconCodec.read(trickle).lexicon("lexicon").entries).hasSize(4);
  }

  @Test
  void aDamagedPayloadLengthAllocatesNoMoreThanTheStreamHolds() {
    byte[] file = plain.clone();
    ByteBuffer.wrap(file).putInt(payloadAt - 4, 200 << 20);   // 200 MB declared
    assertThatThrownBy(() -> LexiconCodec.read(new ByteArrayInputStream(file)))
        .isInstanceOf(LexiconCodec.FormatException.class)
        .hasMessageContaining("truncated or corrupt (payload of " + (200 << 20) + " bytes declared");
  }

  @Test
  void aDamagedByteWithItsChecksumsMadeAgainIsRefusedOrRead() {
    int refused = 0;
    for (int at = payloadAt; at < plain.length - 8; at++) {
      for (int flip : new int[] {0x01, 0x40, 0x80, 0xFF}) {
        byte[] file = plain.clone();
        file[at] ^= (byte) flip;
        reseal(file);
        try {
          LexiconCodec.Bundle b = LexiconCodec.read(new ByteArrayInputStream(file));
          for (String name : b.names()) {
            assertThat(b.lexicon(name)).as("lexicon %s of a file damaged at %d", name, at).isNotNull();
          }
        } catch (LexiconCodec.FormatException e) {
          assertThat(e.getMessage()).as("byte %d ^ %x", at, flip).startsWith("precompiled lexicon is ")
              .containsAnyOf("corrupt", "truncated");
          refused++;
        } catch (RuntimeException | Error e) {
          fail("byte " + at + " ^ " + Integer.toHexString(flip) + " threw " + e, e);
        }
      }
    }
    assertThat(refused).as("most damaged bytes are refused").isGreaterThan((plain.length - payloadAt) * 2);
  }

  @Test
  void aDamagedByteIsRefusedByTheChecksums() {
    for (byte[] file : new byte[][] {plain, deflated}) {
      for (int at = payloadAt; at < file.length; at += 7) {
        byte[] damaged = file.clone();
        damaged[at] ^= 0x10;
        assertThatThrownBy(() -> LexiconCodec.read(new ByteArrayInputStream(damaged)))
            .as("byte %d", at)
            .isInstanceOf(LexiconCodec.FormatException.class)
            .hasMessageContaining("checksum mismatch");
      }
    }
  }

  @Test
  void aLexiconThatCannotBeDecodedIsRefusedEachTimeItIsAskedFor() {
    // Damage the last byte of the section (a concept phrase's), leaving the tables inconsistent or not:
    // either way the answer is the same each time it is asked for, and the name stays listed.
    byte[] file = plain.clone();
    file[file.length - 9] ^= 0x7F;
    reseal(file);
    LexiconCodec.Bundle b = LexiconCodec.read(new ByteArrayInputStream(file));
    Object first = outcome(b);
    assertThat(outcome(b)).isEqualTo(first);
    assertThat(b.names()).containsExactly("lexicon");
  }

  private static Object outcome(LexiconCodec.Bundle b) {
    try {
      return b.lexicon("lexicon").entries.length;
    } catch (LexiconCodec.FormatException e) {
      return e.getMessage();
    }
  }

  /** Computes both checksums of a file that is not deflated again, over its bytes as they are now. */
  private static void reseal(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file);
    int length = b.getInt(payloadAt - 4);
    CRC32 crc = new CRC32();
    crc.update(file, payloadAt, length);
    b.putLong(payloadAt - 12, crc.getValue());
    b.putLong(payloadAt + length, crc.getValue());
  }
}
