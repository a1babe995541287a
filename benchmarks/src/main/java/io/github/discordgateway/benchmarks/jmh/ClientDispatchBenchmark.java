package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.client.ClientState;
import io.github.discordgateway.core.client.Dispatch;
import io.github.discordgateway.core.client.GatewayClient;
import io.github.discordgateway.core.client.GatewayClientListener;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.protocol.Intent;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import io.github.discordgateway.core.transport.FrameSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
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
 * The client state machine handling one MESSAGE_CREATE (~1.2 KB) in the CONNECTED phase: frame in
 * ({@code onText} for uncompressed text frames, {@code onBinary} for zlib-stream frames), inflate,
 * envelope decode, sequence tracking, {@code Dispatch} to the listener. A no-op sink, a {@link
 * ManualScheduler} (heartbeats never fire) and a listener that keeps the last dispatch.
 *
 * <p>zlib-stream frames come from one deflater (Hello, READY, then 4,096 MESSAGE_CREATE); when they
 * are used up a new client is connected, amortised over 4,096 operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientDispatchBenchmark {

  private static final int MESSAGES = 4_096;
  private static final FrameSink NO_OP_SINK =
      new FrameSink() {
        @Override
        public void sendText(String payload) {}

        @Override
        public void close(int code, String reason) {}
      };

  /** {@code none} (text frames) or {@code zlib-stream} (binary frames). */
  @Param({"none", "zlib-stream"})
  public String compression;

  private boolean zlib;
  private String[] texts;
  private ByteBuffer[] frames;
  private int next;
  private GatewayClient client;
  private final KeepLast listener = new KeepLast();

  /** Encodes (and compresses) the frames and connects the first client. */
  @Setup
  public void setUp() {
    zlib = Compression.parse(compression) == Compression.ZLIB_STREAM;
    List<byte[]> payloads = new ArrayList<>(MESSAGES + 2);
    payloads.add(Payloads.hello(41_250));
    payloads.add(Payloads.ready());
    for (int i = 0; i < MESSAGES; i++) {
      payloads.add(Payloads.envelope(Payloads.messageCreate(i), 2L + i));
    }
    texts =
        payloads.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toArray(String[]::new);
    frames =
        Payloads.zlibStream(payloads).stream().map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
    connect();
  }

  private void connect() {
    ManualScheduler scheduler = new ManualScheduler();
    client =
        GatewayClient.builder()
            .settings(
                GatewaySettings.builder("benchmark.token")
                    .intents(EnumSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES))
                    .compression(zlib ? Compression.ZLIB_STREAM : Compression.NONE)
                    .build())
            .sink(NO_OP_SINK)
            .scheduler(scheduler)
            .clock(scheduler.instantSource())
            .random(new SplittableRandom(1))
            .identifyLimiter(new LocalIdentifyLimiter(scheduler.instantSource(), scheduler))
            .listener(listener)
            .build();
    for (int i = 0; i < 2; i++) {
      if (zlib) {
        ByteBuffer frame = frames[i];
        frame.rewind();
        client.onBinary(frame);
      } else {
        client.onText(texts[i]);
      }
      scheduler.runDue();
    }
    if (client.state() != ClientState.CONNECTED) {
      throw new IllegalStateException("client did not connect: " + client.state());
    }
    next = 2;
  }

  /**
   * Handles one MESSAGE_CREATE frame.
   *
   * @return the last dispatch's sequence
   */
  @Benchmark
  public long dispatch() {
    if (next == texts.length) {
      // a new session: replaying old sequence numbers would be skipped as duplicates
      connect();
    }
    if (zlib) {
      ByteBuffer frame = frames[next++];
      frame.rewind();
      client.onBinary(frame);
    } else {
      client.onText(texts[next++]);
    }
    return listener.last.sequence();
  }

  private static final class KeepLast implements GatewayClientListener {
    Dispatch last;

    @Override
    public void onDispatch(Dispatch dispatch) {
      last = dispatch;
    }
  }
}
