package vn.lanhmanh.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.ConversationState;
import vn.lanhmanh.Message;
import vn.lanhmanh.Policy;

/** The keyed state's serializer: round trips, copies, refuses damaged bytes and the earlier byte[] state. */
class ConversationStateSerializerTest {

  private static ContentFilter filter;
  private static ConversationState grooming;

  @BeforeAll
  static void build() {
    filter = ContentFilter.builder().build();
    ConversationState s = ConversationState.empty();
    List<String> lines = List.of("em bao nhiêu tuổi rồi", "nhớ xóa tin nhắn nhé, đừng nói với ai",
        "gửi ảnh cho anh xem đi", "mai mình gặp nhau nhé, anh qua đón em");
    for (int i = 0; i < lines.size(); i++) {
      s = filter.conversationStep("c1", s, new Message("m" + i, Message.Sender.OTHER, lines.get(i),
          Instant.ofEpochSecond(1_767_250_800L + 60L * i)), Policy.forAge(11)).state();
    }
    grooming = s;
  }

  @AfterAll
  static void close() {
    filter.close();
  }

  private static byte[] write(ConversationState... states) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (ConversationState s : states) {
      ConversationStateSerializer.INSTANCE.serialize(s, out);
    }
    return out.getCopyOfBuffer();
  }

  @Test
  void roundTripsStatesOneAfterAnother() throws Exception {
    assertThat(grooming.messages()).isEqualTo(4);
    DataInputDeserializer in = new DataInputDeserializer(write(grooming, ConversationState.empty(), grooming));
    ConversationStateSerializer s = ConversationStateSerializer.INSTANCE;
    assertThat(s.deserialize(in)).isEqualTo(grooming);
    assertThat(s.deserialize(in)).isEqualTo(ConversationState.empty());
    assertThat(s.deserialize(ConversationState.empty(), in)).isEqualTo(grooming);
    assertThat(in.available()).isZero();
  }

  @Test
  void copiesBytesAndObjects() throws Exception {
    byte[] bytes = write(grooming);
    DataOutputSerializer copy = new DataOutputSerializer(4096);   // write(DataInputView, n) does not grow it
    ConversationStateSerializer.INSTANCE.copy(new DataInputDeserializer(bytes), copy);
    assertThat(copy.getCopyOfBuffer()).isEqualTo(bytes);
    assertThat(ConversationStateSerializer.INSTANCE.copy(grooming)).isSameAs(grooming);
    assertThat(ConversationStateSerializer.INSTANCE.isImmutableType()).isTrue();
  }

  @Test
  void refusesDamagedBytesWithTheCodecsMessage() throws Exception {
    byte[] bytes = write(grooming);
    bytes[bytes.length / 2] ^= 0x10;
    assertThatThrownBy(() -> ConversationStateSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt conversation state");
  }

  @Test
  void snapshotRestoresItAndRefusesTheEarlierByteArrayState() throws Exception {
    TypeSerializerSnapshot<ConversationState> snapshot = ConversationStateSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    snapshot.writeSnapshot(out);
    TypeSerializerSnapshot<ConversationState> read = new ConversationStateSerializer.Snapshot();
    read.readSnapshot(snapshot.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
        getClass().getClassLoader());
    assertThat(read.restoreSerializer()).isEqualTo(ConversationStateSerializer.INSTANCE);
    assertThat(snapshot.resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<ConversationState> bytesState =
        (TypeSerializerSnapshot) BytePrimitiveArraySerializer.INSTANCE.snapshotConfiguration();
    TypeSerializerSchemaCompatibility<ConversationState> c = snapshot.resolveSchemaCompatibility(bytesState);
    assertThat(c.isIncompatible()).isTrue();
  }
}
