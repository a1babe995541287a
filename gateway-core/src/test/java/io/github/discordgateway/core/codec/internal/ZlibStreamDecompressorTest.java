package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.PayloadSink;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ZlibStreamDecompressorTest {

  /** One zlib stream shared by all payloads of a connection, like Discord's. */
  static final class ZlibStream {
    private final Deflater deflater = new Deflater();

    byte[] payload(String json) {
      deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      do {
        n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        out.write(buf, 0, n);
      } while (n == buf.length);
      return out.toByteArray();
    }
  }

  private final List<String> payloads = new ArrayList<>();
  private final PayloadSink sink =
      (buf, off, len) -> payloads.add(new String(buf, off, len, StandardCharsets.UTF_8));

  @Test
  @DisplayName("15.23 zlib-stream: many payloads in sequence through one shared context")
  void manyPayloadsOneContext() {
    ZlibStream stream = new ZlibStream();
    try (ZlibStreamDecompressor d = new ZlibStreamDecompressor()) {
      for (int i = 0; i < 200; i++) {
        String json = "{\"op\":0,\"s\":" + i + ",\"t\":\"MESSAGE_CREATE\",\"d\":{\"n\":" + i + "}}";
        byte[] frame = stream.payload(json);
        assertThat(Arrays.copyOfRange(frame, frame.length - 4, frame.length))
            .containsExactly(0, 0, 0xFF, 0xFF);
        d.feed(ByteBuffer.wrap(frame), sink);
        assertThat(payloads).last().isEqualTo(json);
      }
    }
    assertThat(payloads).hasSize(200);
  }

  @Test
  @DisplayName("15.23 zlib-stream: one large payload split over several frames")
  void payloadSplitAcrossFrames() {
    StringBuilder big = new StringBuilder("{\"op\":0,\"d\":[");
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20000; i++) {
      big.append(i == 0 ? "" : ",")
          .append('"')
          .append(Long.toHexString(random.nextLong()))
          .append('"');
    }
    String json = big.append("]}").toString();
    byte[] compressed = new ZlibStream().payload(json);
    ZlibStreamDecompressor d = new ZlibStreamDecompressor();
    int step = compressed.length / 7 + 1;
    for (int off = 0; off < compressed.length; off += step) {
      int end = Math.min(compressed.length, off + step);
      d.feed(ByteBuffer.wrap(compressed, off, end - off), sink);
      if (end < compressed.length) {
        assertThat(payloads).isEmpty();
      }
    }
    assertThat(payloads).containsExactly(json);
    d.close();
  }

  @Test
  @DisplayName("15.23 zlib-stream: the 00 00 FF FF suffix split across two frames")
  void suffixSplitAcrossFrames() {
    ZlibStream stream = new ZlibStream();
    ZlibStreamDecompressor d = new ZlibStreamDecompressor();
    for (int cut = 1; cut <= 3; cut++) {
      String json = "{\"op\":11,\"n\":" + cut + "}";
      byte[] frame = stream.payload(json);
      int split = frame.length - cut;
      d.feed(ByteBuffer.wrap(frame, 0, split), sink);
      assertThat(payloads).hasSize(cut - 1);
      d.feed(ByteBuffer.wrap(frame, split, cut), sink);
      assertThat(payloads).last().isEqualTo(json);
    }
    d.close();
  }

  @Test
  @DisplayName("15.23 zlib-stream: direct buffers work too")
  void directBuffers() {
    byte[] frame = new ZlibStream().payload("{\"op\":10}");
    ByteBuffer direct = ByteBuffer.allocateDirect(frame.length);
    direct.put(frame).flip();
    new ZlibStreamDecompressor().feed(direct, sink);
    assertThat(payloads).containsExactly("{\"op\":10}");
  }

  @Test
  @DisplayName("15.23 zlib-stream: a corrupt stream is a DECOMPRESSION_ERROR for this connection")
  void corruptStream() {
    ZlibStream stream = new ZlibStream();
    ZlibStreamDecompressor d = new ZlibStreamDecompressor();
    d.feed(ByteBuffer.wrap(stream.payload("{\"op\":11}")), sink);
    byte[] garbage = {1, 2, 3, 4, 5, 6, 7, 8, 0, 0, (byte) 0xFF, (byte) 0xFF};
    assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(garbage), sink))
        .isInstanceOf(GatewayException.class)
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.DECOMPRESSION_ERROR);
    // a new connection gets a fresh, working context
    ZlibStreamDecompressor fresh = new ZlibStreamDecompressor();
    fresh.feed(ByteBuffer.wrap(new ZlibStream().payload("{\"op\":10}")), sink);
    assertThat(payloads).containsExactly("{\"op\":11}", "{\"op\":10}");
  }

  @Test
  @DisplayName("15.23 zlib-stream: a stream without a zlib header fails (no stray context reuse)")
  void streamWithoutHeaderFails() {
    ZlibStream stream = new ZlibStream();
    stream.payload("{\"op\":11}"); // header consumed by a previous connection
    byte[] second = stream.payload("{\"op\":11}");
    assertThatThrownBy(() -> new ZlibStreamDecompressor().feed(ByteBuffer.wrap(second), sink))
        .isInstanceOf(GatewayException.class);
  }

  @Test
  @DisplayName("the decompressed size guard stops oversized payloads")
  void sizeGuard() {
    byte[] frame = new ZlibStream().payload("{\"d\":\"" + "a".repeat(100_000) + "\"}");
    ZlibStreamDecompressor d = new ZlibStreamDecompressor(10_000);
    assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(frame), sink))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("10000");
  }

  @Test
  @DisplayName("frames after close are ignored; close is idempotent")
  void closedIgnoresFrames() {
    ZlibStreamDecompressor d = new ZlibStreamDecompressor();
    d.close();
    d.close();
    d.feed(ByteBuffer.wrap(new ZlibStream().payload("{\"op\":11}")), sink);
    assertThat(payloads).isEmpty();
  }
}
