package io.github.discordgateway.test;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The fake's side of {@code compress=zstd-stream}: one zstd compression context per connection
 * whose frame never ends; each payload is followed by a flush, so the client can decode it from the
 * bytes sent so far. Needs {@code com.github.luben:zstd-jni} on the class path (see {@link
 * #available()}). Confined to the connection's event loop.
 */
final class ZstdStream {

  private static final String CTX_CLASS = "com.github.luben.zstd.ZstdCompressCtx";

  private final ZstdCompressCtx ctx;
  private final ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);

  ZstdStream() {
    ctx = new ZstdCompressCtx();
    ctx.setLevel(3);
  }

  /** Returns whether zstd-jni is on the class path and its native library loads. */
  static boolean available() {
    try {
      Class.forName(CTX_CLASS, true, ZstdStream.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Compresses {@code payload} into the stream and flushes: the bytes of one binary frame. */
  byte[] compress(byte[] payload) {
    ByteBuffer src = ByteBuffer.wrap(payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 3 + 64);
    boolean flushed;
    do {
      buffer.clear();
      flushed = ctx.compressByteBufferStream(buffer, src, EndDirective.FLUSH);
      out.write(buffer.array(), 0, buffer.position());
    } while (!flushed || src.hasRemaining());
    return out.toByteArray();
  }

  void close() {
    ctx.close();
  }
}
