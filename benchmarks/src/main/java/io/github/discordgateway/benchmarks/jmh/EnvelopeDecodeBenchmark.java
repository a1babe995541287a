package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.test.FakeDispatch;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Envelope decode ({@code op}, {@code s}, {@code t} and the raw bytes of {@code d}) of one payload:
 * from UTF-8 bytes (zlib-stream, after inflate) and from a String (uncompressed text frames). The
 * allocation per operation is dominated by the copy of {@code d}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvelopeDecodeBenchmark {

  /** The payload: MESSAGE_CREATE ~1.2 KB, GUILD_CREATE 1,000 members, PRESENCE_UPDATE. */
  @Param({"MESSAGE_CREATE", "GUILD_CREATE", "PRESENCE_UPDATE"})
  public String payload;

  private byte[] bytes;
  private String text;

  /** Builds the payload. */
  @Setup
  public void setUp() {
    FakeDispatch event =
        switch (payload) {
          case "MESSAGE_CREATE" -> Payloads.messageCreate(7);
          case "GUILD_CREATE" -> Payloads.guildCreate(1_000);
          case "PRESENCE_UPDATE" -> Payloads.presenceUpdate(7);
          default -> throw new IllegalArgumentException(payload);
        };
    bytes = Payloads.envelope(event, 4242);
    text = new String(bytes, StandardCharsets.UTF_8);
    System.err.println("# payload " + payload + ": " + bytes.length + " bytes");
  }

  /**
   * Decodes from bytes.
   *
   * @return the envelope
   */
  @Benchmark
  public Envelope fromBytes() {
    return EnvelopeDecoder.decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes from text.
   *
   * @return the envelope
   */
  @Benchmark
  public Envelope fromString() {
    return EnvelopeDecoder.decode(text);
  }
}
