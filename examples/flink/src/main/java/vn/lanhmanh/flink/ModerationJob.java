package vn.lanhmanh.flink;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The LànhMạnh moderation job for Apache Flink: JSON lines in (Kafka, or files), one verdict line out per
 * line in, exactly the JSON of the CLI's {@code conversation} command (or of {@code batch} with
 * {@code --mode batch}); messages that are incidents (a C-tier finding, or the conversation's grooming risk
 * crossing 0.7) also go to an incident output. Conversation messages are keyed by their
 * {@code "conversation"}; each conversation's window lives in Flink keyed state (see
 * {@link ConversationFunction}), so it survives failures, rescaling and restarts from savepoints.
 *
 * <pre>
 *   flink run -p 4 lanhmanh-flink.jar --age 11 \
 *       --kafka-brokers kafka:9092 --input-topic chat-messages --output-topic chat-verdicts \
 *       --incident-topic chat-incidents
 *   flink run lanhmanh-flink.jar --age 11 --input messages.jsonl --output verdicts/
 * </pre>
 *
 * See docs/SCALE.md.
 */
@Command(name = "lanhmanh-flink", mixinStandardHelpOptions = true,
    description = "Moderates chat messages (or texts and URLs) on Apache Flink.")
public final class ModerationJob implements Callable<Integer> {

  /** The side output of the messages that are incidents (their verdict lines). */
  public static final OutputTag<String> INCIDENTS = new OutputTag<>("incidents", Types.STRING);

  /** What the input lines hold. */
  enum Mode { conversation, batch }

  @Option(names = "--mode", defaultValue = "conversation",
      description = "conversation (chat messages, stateful, default) or batch (texts and URLs, stateless).")
  Mode mode;

  @Option(names = "--age", required = true, description = "Age of the protected child, 0 to 150.")
  int age;

  @Option(names = "--window", defaultValue = "PT24H",
      description = "How long a conversation's state is kept after its last message (ISO-8601, default PT24H).")
  Duration window;

  @Option(names = "--checkpoint-interval", defaultValue = "PT10S",
      description = "Exactly-once checkpoint interval (ISO-8601, default PT10S); output is committed on checkpoints.")
  Duration checkpointInterval;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--input", description = "A JSON-lines file or a folder of them.")
    String path;

    @Option(names = "--input-topic", description = "A Kafka topic of JSON lines (needs --kafka-brokers).")
    String topic;
  }

  @Option(names = "--watch", description = "With --input: keep watching the folder for new files every DURATION.")
  Duration watch;

  @Option(names = "--kafka-brokers", description = "Kafka bootstrap servers, host:port[,host:port...].")
  String brokers;

  @Option(names = "--group-id", defaultValue = "lanhmanh-moderation", description = "Kafka consumer group.")
  String groupId;

  @Option(names = "--transaction-timeout", defaultValue = "PT15M",
      description = "Kafka producer transaction timeout (ISO-8601, default PT15M, the brokers' default maximum).")
  Duration transactionTimeout;

  @Option(names = "--output", description = "A folder for the verdict lines (part files, committed on checkpoints).")
  String output;

  @Option(names = "--output-topic", description = "A Kafka topic for the verdict lines (transactional).")
  String outputTopic;

  @Option(names = "--incidents", description = "A folder for the incident lines.")
  String incidents;

  @Option(names = "--incident-topic", description = "A Kafka topic for the incident lines (transactional).")
  String incidentTopic;

  public static void main(String[] args) {
    int code = new CommandLine(new ModerationJob()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    if ((input.topic != null || outputTopic != null || incidentTopic != null) && brokers == null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "Kafka topics need --kafka-brokers");
    }
    if (output == null && outputTopic == null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "give --output or --output-topic");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    Source<String, ?, ?> source = input.path != null ? fileSource(input.path, watch) : kafkaSource();
    DataStream<String> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "messages").uid("messages");
    SingleOutputStreamOperator<String> verdicts = mode == Mode.batch ? batch(lines, age) : conversations(lines, age, window);
    verdicts.sinkTo(output != null ? fileSink(output) : kafkaSink(outputTopic, "lanhmanh-verdicts"))
        .name("verdicts").uid("verdicts");
    if (incidents != null || incidentTopic != null) {
      verdicts.getSideOutput(INCIDENTS)
          .sinkTo(incidents != null ? fileSink(incidents) : kafkaSink(incidentTopic, "lanhmanh-incidents"))
          .name("incidents").uid("incidents");
    }
    env.execute("lanhmanh " + mode);
    return 0;
  }

  /**
   * The conversation pipeline: key every line by its conversation, check it against the conversation's
   * state. Verdict lines come out of the returned stream, incident lines out of its side output
   * {@link #INCIDENTS}.
   */
  public static SingleOutputStreamOperator<String> conversations(DataStream<String> lines, int age, Duration window) {
    reuseObjects(lines);
    return lines.map(new ConversationKey()).name("conversation key").uid("conversation-key")
        .keyBy(t -> t.f0, Types.STRING)
        .process(new ConversationFunction(age, window), Types.STRING).name("conversation monitor")
        .uid("conversation-monitor");
  }

  /** The stateless {@code batch} pipeline: texts and URLs, one verdict line per line. */
  public static SingleOutputStreamOperator<String> batch(DataStream<String> lines, int age) {
    reuseObjects(lines);
    return lines.map(new BatchFunction(age)).name("batch check").uid("batch-check");
  }

  /**
   * Lets chained operators hand records to each other without a defensive copy: no function of the job
   * keeps a record after it returns, or changes one it was given.
   */
  private static void reuseObjects(DataStream<String> lines) {
    lines.getExecutionEnvironment().getConfig().enableObjectReuse();
  }

  /** JSON lines from a file or a folder; with {@code watch}, new files in the folder as they appear. */
  public static FileSource<String> fileSource(String path, Duration watch) {
    FileSource.FileSourceBuilder<String> b = FileSource.forRecordStreamFormat(new TextLineInputFormat("UTF-8"),
        new Path(path));
    if (watch != null) {
      b.monitorContinuously(watch);
    }
    return b.build();
  }

  /**
   * Part files in a folder ({@code yyyy-MM-dd--HH/part-…}), written exactly once: the open part file is
   * rolled on every checkpoint and committed (renamed from its hidden in-progress name) when the checkpoint
   * completes, so a reader sees each verdict once, after the checkpoint that covers it.
   */
  public static FileSink<String> fileSink(String folder) {
    return FileSink.forRowFormat(new Path(folder), new SimpleStringEncoder<String>("UTF-8"))
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .build();
  }

  @SuppressWarnings("deprecation")   // OffsetResetStrategy: the type the connector's API takes
  private KafkaSource<String> kafkaSource() {
    return KafkaSource.<String>builder()
        .setBootstrapServers(brokers)
        .setTopics(input.topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
  }

  private Sink<String> kafkaSink(String topic, String transactionPrefix) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(brokers)
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic(topic)
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(transactionPrefix)
        // at most the brokers' transaction.max.timeout.ms (15 min by default), well above checkpoint + restart
        .setProperty("transaction.timeout.ms", String.valueOf(transactionTimeout.toMillis()))
        .build();
  }
}
