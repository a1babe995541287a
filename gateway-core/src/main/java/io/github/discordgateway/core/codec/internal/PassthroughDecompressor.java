package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.codec.PayloadDecompressor;
import io.github.discordgateway.core.codec.PayloadSink;
import java.nio.ByteBuffer;

/** For connections without transport compression: each binary frame is one payload. */
public final class PassthroughDecompressor implements PayloadDecompressor {

  private byte[] buffer = new byte[0];
  private volatile boolean closed;

  @Override
  public void feed(ByteBuffer frame, PayloadSink sink) {
    if (closed) {
      return;
    }
    int len = frame.remaining();
    if (frame.hasArray()) {
      sink.accept(frame.array(), frame.arrayOffset() + frame.position(), len);
      frame.position(frame.limit());
      return;
    }
    if (buffer.length < len) {
      buffer = new byte[Math.max(len, buffer.length * 2)];
    }
    frame.get(buffer, 0, len);
    sink.accept(buffer, 0, len);
  }

  @Override
  public void close() {
    closed = true;
  }
}
