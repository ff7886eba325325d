package vn.lanhmanh.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import vn.lanhmanh.ConversationState;

/**
 * Flink's serializer for a conversation's {@link ConversationState} in keyed state: the state's own compact
 * bytes ({@link ConversationState#toBytes()}: version byte, CRC-32) after their length, so Flink never falls
 * back to Kryo. The state is immutable, so copies are the state itself, and the heap state backend keeps the
 * objects between messages: bytes are written only for checkpoints and savepoints (or on every access with
 * RocksDB). Damaged bytes or bytes of an unknown version fail the restore with the codec's message.
 */
public final class ConversationStateSerializer extends TypeSerializerSingleton<ConversationState> {

  private static final long serialVersionUID = 1L;

  /** The one instance. */
  public static final ConversationStateSerializer INSTANCE = new ConversationStateSerializer();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public ConversationState createInstance() {
    return ConversationState.empty();
  }

  @Override
  public ConversationState copy(ConversationState from) {
    return from;
  }

  @Override
  public ConversationState copy(ConversationState from, ConversationState reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(ConversationState state, DataOutputView target) throws IOException {
    byte[] bytes = state.toBytes();
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public ConversationState deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return ConversationState.fromBytes(bytes);
  }

  @Override
  public ConversationState deserialize(ConversationState reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public TypeSerializerSnapshot<ConversationState> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer's snapshot in checkpoints and savepoints: no configuration, one format. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ConversationState> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
