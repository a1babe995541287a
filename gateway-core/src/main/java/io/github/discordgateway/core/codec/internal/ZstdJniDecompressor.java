package io.github.discordgateway.core.codec.internal;

import com.github.luben.zstd.ZstdDecompressCtx;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.PayloadDecompressor;
import io.github.discordgateway.core.codec.PayloadSink;
import java.nio.ByteBuffer;

/** The zstd-jni based implementation behind {@link ZstdStreamDecompressor}. */
public final class ZstdJniDecompressor implements PayloadDecompressor {

  private static final int MAX_IDLE_ROUNDS = 4;

  private final ZstdDecompressCtx context = new ZstdDecompressCtx();
  private final int maxPayloadBytes;
  private final StreamCloseGuard guard;
  private ByteBuffer source = ByteBuffer.allocateDirect(16 * 1024);
  private final ByteBuffer target = ByteBuffer.allocateDirect(128 * 1024);
  private byte[] out = new byte[32 * 1024];
  private boolean failed;

  ZstdJniDecompressor(int maxPayloadBytes) {
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive");
    }
    this.maxPayloadBytes = maxPayloadBytes;
    this.guard = new StreamCloseGuard(context::close);
  }

  @Override
  public void feed(ByteBuffer frame, PayloadSink sink) {
    boolean open = guard.enter();
    try {
      if (!open) {
        frame.position(frame.limit());
        return;
      }
      if (failed) {
        throw error("the zstd stream of this connection already failed", null);
      }
      int n = frame.remaining();
      if (source.capacity() < n) {
        source = ByteBuffer.allocateDirect(Math.max(n, source.capacity() * 2));
      }
      source.clear();
      source.put(frame);
      source.flip();
      int outLength = 0;
      int idle = 0;
      while (true) {
        target.clear();
        try {
          context.decompressDirectByteBufferStream(target, source);
        } catch (RuntimeException e) {
          failed = true;
          throw error("corrupt zstd-stream data: " + e.getMessage(), e);
        }
        target.flip();
        int produced = target.remaining();
        if (produced > 0) {
          if ((long) outLength + produced > maxPayloadBytes) {
            failed = true;
            throw error(
                "a decompressed payload is larger than " + maxPayloadBytes + " bytes", null);
          }
          if (outLength + produced > out.length) {
            byte[] grown = new byte[Math.max(outLength + produced, out.length * 2)];
            System.arraycopy(out, 0, grown, 0, outLength);
            out = grown;
          }
          target.get(out, outLength, produced);
          outLength += produced;
          idle = 0;
        } else if (++idle > MAX_IDLE_ROUNDS) {
          break;
        }
        if (!source.hasRemaining() && produced < target.capacity()) {
          break;
        }
      }
      guard.handingOut();
      sink.accept(out, 0, outLength);
    } finally {
      guard.exit();
    }
  }

  private static GatewayException error(String what, Throwable cause) {
    return new GatewayException(
        GatewayException.Kind.DECOMPRESSION_ERROR,
        "zstd-stream decompression failed: " + what,
        cause);
  }

  @Override
  public void close() {
    guard.close();
  }
}
