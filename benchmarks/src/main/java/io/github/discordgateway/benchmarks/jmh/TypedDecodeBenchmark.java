package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.codec.LazyRecord;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.model.Message;
import io.github.discordgateway.core.model.User;
import io.github.discordgateway.core.model.event.MessageCreate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * The lazy typed decode a listener pays for when it asks for the payload: the {@code d} of a ~1.2
 * KB MESSAGE_CREATE (as {@link RawJson} bytes) bound to {@link Message}, to {@link MessageCreate}
 * (the message unwrapped plus the gateway extras), to a tree, and a second decode of the same value
 * (memoized: free); and the decode on demand of {@link LazyRecord}: the message's content alone,
 * and the content, the author and the guild id.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TypedDecodeBenchmark {

  /** The message of a {@code MessageCreate}. */
  static final LazyRecord.Component<MessageCreate, Message> MESSAGE =
      LazyRecord.Component.of(MessageCreate.class, "message");

  /** The guild id of a {@code MessageCreate}. */
  static final LazyRecord.Component<MessageCreate, Long> GUILD_ID =
      LazyRecord.Component.of(MessageCreate.class, "guildId");

  /** The content of a message. */
  static final LazyRecord.Component<Message, String> CONTENT =
      LazyRecord.Component.of(Message.class, "content");

  /** The author of a message. */
  static final LazyRecord.Component<Message, User> AUTHOR =
      LazyRecord.Component.of(Message.class, "author");

  private byte[] data;
  private RawJson decodedOnce;

  /** Extracts {@code d}. */
  @Setup
  public void setUp() {
    byte[] envelope = Payloads.envelope(Payloads.messageCreate(7), 4242);
    data = EnvelopeDecoder.decode(envelope, 0, envelope.length).data().bytes();
    decodedOnce = RawJson.of(data);
    decodedOnce.decode(MessageCreate.class);
  }

  /**
   * Binds a fresh value to {@link Message}.
   *
   * @return the message
   */
  @Benchmark
  public Message message() {
    return RawJson.of(data).decode(Message.class);
  }

  /**
   * Binds a fresh value to {@link MessageCreate}.
   *
   * @return the event
   */
  @Benchmark
  public MessageCreate messageCreate() {
    return RawJson.of(data).decode(MessageCreate.class);
  }

  /**
   * Parses a fresh value to a tree.
   *
   * @return the tree
   */
  @Benchmark
  public JsonNode tree() {
    return RawJson.of(data).tree();
  }

  /**
   * Decodes an already decoded value again (the memoized instance).
   *
   * @return the event
   */
  @Benchmark
  public MessageCreate memoized() {
    return decodedOnce.decode(MessageCreate.class);
  }

  /**
   * Reads the content of a fresh value's message on demand.
   *
   * @return the content
   */
  @Benchmark
  public String lazyContent() {
    return LazyRecord.of(RawJson.of(data), MessageCreate.class).unwrapped(MESSAGE).get(CONTENT);
  }

  /**
   * Reads the content, the author and the guild id of a fresh value on demand.
   *
   * @return the guild id
   */
  @Benchmark
  public Long lazyThreeFields() {
    LazyRecord<MessageCreate> event = LazyRecord.of(RawJson.of(data), MessageCreate.class);
    LazyRecord<Message> message = event.unwrapped(MESSAGE);
    message.get(CONTENT);
    message.get(AUTHOR);
    return event.get(GUILD_ID);
  }
}
