package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.codec.PayloadSink;
import io.github.discordgateway.core.codec.internal.ZlibStreamDecompressor;
import java.nio.ByteBuffer;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * zlib-stream inflate of a recorded-style stream (MESSAGE_CREATE, PRESENCE_UPDATE, TYPING_START
 * compressed by one deflater with a SYNC_FLUSH per payload). One operation is one frame; after the
 * last of the 2,000 frames a new decompressor starts over (its buffers, about 40 KB, are then
 * amortised over 2,000 operations: about 20 B/op of the allocation figure).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InflateBenchmark {

  private ByteBuffer[] frames;
  private int next;
  private ZlibStreamDecompressor decompressor;
  private final Sink sink = new Sink();

  /** Compresses the stream. */
  @Setup
  public void setUp() {
    List<byte[]> compressed = Payloads.zlibStream(Payloads.recordedMix(2_000));
    frames = compressed.stream().map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
    decompressor = new ZlibStreamDecompressor();
  }

  /** Ends the inflater. */
  @TearDown
  public void tearDown() {
    decompressor.close();
  }

  /**
   * Inflates one frame.
   *
   * @return the payload length, so the work is not eliminated
   */
  @Benchmark
  public int inflateFrame() {
    if (next == frames.length) {
      decompressor.close();
      decompressor = new ZlibStreamDecompressor();
      next = 0;
    }
    ByteBuffer frame = frames[next++];
    frame.rewind();
    decompressor.feed(frame, sink);
    return sink.length;
  }

  private static final class Sink implements PayloadSink {
    int length;

    @Override
    public void accept(byte[] buf, int off, int len) {
      length = len + buf[off];
    }
  }
}
