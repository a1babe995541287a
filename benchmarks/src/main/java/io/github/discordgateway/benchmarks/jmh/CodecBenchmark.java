package io.github.discordgateway.benchmarks.jmh;

import io.github.discordgateway.benchmarks.Payloads;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.PayloadSink;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.codec.internal.ZlibStreamDecompressor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
 * The codec alone, no network, one thread: inflate and envelope-decode the same MESSAGE_CREATE
 * stream the end-to-end benchmark sends (2,000 distinct ~1.2 KB payloads, one deflater, a
 * SYNC_FLUSH each). One operation is one payload. Compare its time per operation with the
 * end-to-end CPU per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

  private static final int PAYLOADS = 2_000;

  private ByteBuffer[] frames;
  private int next;
  private ZlibStreamDecompressor decompressor;
  private final DecodingSink sink = new DecodingSink();

  /** Compresses the stream. */
  @Setup
  public void setUp() {
    List<byte[]> payloads = new ArrayList<>(PAYLOADS);
    for (int i = 0; i < PAYLOADS; i++) {
      payloads.add(Payloads.envelope(Payloads.messageCreate(i), 2L + i));
    }
    frames =
        Payloads.zlibStream(payloads).stream().map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
    decompressor = new ZlibStreamDecompressor();
  }

  /** Ends the inflater. */
  @TearDown
  public void tearDown() {
    decompressor.close();
  }

  /**
   * Inflates and decodes one payload.
   *
   * @return the envelope
   */
  @Benchmark
  public Envelope inflateAndDecode() {
    if (next == frames.length) {
      decompressor.close();
      decompressor = new ZlibStreamDecompressor();
      next = 0;
    }
    ByteBuffer frame = frames[next++];
    frame.rewind();
    decompressor.feed(frame, sink);
    return sink.last;
  }

  private static final class DecodingSink implements PayloadSink {
    Envelope last;

    @Override
    public void accept(byte[] buf, int off, int len) {
      last = EnvelopeDecoder.decode(buf, off, len);
    }
  }
}
