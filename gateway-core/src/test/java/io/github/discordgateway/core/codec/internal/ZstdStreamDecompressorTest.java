package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.PayloadDecompressor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ZstdStreamDecompressorTest {

  /** Compresses payloads into one never-ending zstd frame, flushing after each. */
  static byte[] flush(ZstdCompressCtx ctx, String json) {
    byte[] in = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer src = ByteBuffer.allocateDirect(in.length);
    src.put(in).flip();
    ByteBuffer dst = ByteBuffer.allocateDirect(in.length + 1024);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    boolean done;
    do {
      dst.clear();
      done = ctx.compressDirectByteBufferStream(dst, src, EndDirective.FLUSH);
      dst.flip();
      byte[] chunk = new byte[dst.remaining()];
      dst.get(chunk);
      out.write(chunk, 0, chunk.length);
    } while (!done);
    return out.toByteArray();
  }

  @Test
  @DisplayName("zstd-stream: each frame decodes to one payload through one context")
  void roundTrip() {
    assertThat(ZstdStreamDecompressor.isAvailable()).isTrue();
    List<String> payloads = new ArrayList<>();
    try (ZstdCompressCtx ctx = new ZstdCompressCtx();
        PayloadDecompressor d = Compression.ZSTD_STREAM.newDecompressor(1 << 24)) {
      for (int i = 0; i < 50; i++) {
        String json = "{\"op\":0,\"s\":" + i + ",\"d\":\"" + "x".repeat(i * 500) + "\"}";
        d.feed(
            ByteBuffer.wrap(flush(ctx, json)),
            (buf, off, len) -> payloads.add(new String(buf, off, len, StandardCharsets.UTF_8)));
        assertThat(payloads).hasSize(i + 1).last().isEqualTo(json);
      }
    }
  }

  @Test
  @DisplayName("zstd-stream: corrupt data is a DECOMPRESSION_ERROR")
  void corrupt() {
    PayloadDecompressor d = Compression.ZSTD_STREAM.newDecompressor(1 << 20);
    assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), (b, o, l) -> {}))
        .isInstanceOf(GatewayException.class)
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.DECOMPRESSION_ERROR);
    d.close();
  }
}
