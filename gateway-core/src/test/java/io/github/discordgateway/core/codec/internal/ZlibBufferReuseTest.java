package io.github.discordgateway.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.core.codec.PayloadSink;
import io.github.discordgateway.core.codec.internal.ZlibStreamDecompressorTest.ZlibStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The zlib-stream decompressor inflates whole frames in place and into per-thread scratch buffers:
 * payloads stay correct whatever mix of whole, split, large and nested feeds arrives, and the
 * steady state allocates nothing.
 */
class ZlibBufferReuseTest {

  private static String message(int i, int padding) {
    return "{\"op\":0,\"s\":"
        + i
        + ",\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\""
        + "x".repeat(padding)
        + i
        + "\"}}";
  }

  @Test
  @DisplayName("whole, split, oversized and again whole payloads all decode in order")
  void mixedFramesDecodeInOrder() {
    ZlibStream stream = new ZlibStream();
    List<String> expected = new ArrayList<>();
    List<String> received = new ArrayList<>();
    PayloadSink sink =
        (buf, off, len) -> received.add(new String(buf, off, len, StandardCharsets.UTF_8));
    try (ZlibStreamDecompressor d = new ZlibStreamDecompressor()) {
      for (int i = 0; i < 30; i++) {
        int padding = i % 10 == 5 ? 300_000 : 50 + i; // some payloads outgrow the scratch buffer
        String json = message(i, padding);
        expected.add(json);
        byte[] frame = stream.payload(json);
        if (i % 3 == 1 && frame.length > 8) {
          int cut = frame.length / 2;
          d.feed(ByteBuffer.wrap(Arrays.copyOfRange(frame, 0, cut)), sink);
          d.feed(ByteBuffer.wrap(Arrays.copyOfRange(frame, cut, frame.length)), sink);
        } else {
          d.feed(ByteBuffer.wrap(frame), sink);
        }
      }
    }
    assertThat(received).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("a frame is consumed, read from its own offset, and left unchanged")
  void frameIsConsumedAndUnchanged() {
    ZlibStream stream = new ZlibStream();
    String json = message(1, 100);
    byte[] frame = stream.payload(json);
    byte[] framed = new byte[frame.length + 10];
    System.arraycopy(frame, 0, framed, 5, frame.length);
    byte[] copy = framed.clone();
    ByteBuffer buffer = ByteBuffer.wrap(framed, 5, frame.length).slice();
    List<String> received = new ArrayList<>();
    try (ZlibStreamDecompressor d = new ZlibStreamDecompressor()) {
      d.feed(buffer, (buf, off, len) -> received.add(new String(buf, off, len, UTF8)));
    }
    assertThat(received).containsExactly(json);
    assertThat(buffer.hasRemaining()).isFalse();
    assertThat(framed).isEqualTo(copy);
  }

  @Test
  @DisplayName("read-only and direct frames decode like heap frames")
  void readOnlyAndDirectFrames() {
    ZlibStream stream = new ZlibStream();
    List<String> expected = new ArrayList<>();
    List<String> received = new ArrayList<>();
    try (ZlibStreamDecompressor d = new ZlibStreamDecompressor()) {
      for (int i = 0; i < 6; i++) {
        String json = message(i, 400);
        expected.add(json);
        byte[] frame = stream.payload(json);
        ByteBuffer buffer =
            switch (i % 3) {
              case 0 -> ByteBuffer.wrap(frame).asReadOnlyBuffer();
              case 1 -> ByteBuffer.allocateDirect(frame.length).put(frame).flip();
              default -> ByteBuffer.wrap(frame);
            };
        d.feed(buffer, (buf, off, len) -> received.add(new String(buf, off, len, UTF8)));
        assertThat(buffer.hasRemaining()).isFalse();
      }
    }
    assertThat(received).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("a sink that feeds another connection on the same thread does not corrupt either")
  void nestedFeedOnTheSameThread() {
    ZlibStream outerStream = new ZlibStream();
    ZlibStream innerStream = new ZlibStream();
    String outerJson = message(1, 2_000);
    String innerJson = message(2, 3_000);
    byte[] innerFrame = innerStream.payload(innerJson);
    List<String> received = new ArrayList<>();
    try (ZlibStreamDecompressor outer = new ZlibStreamDecompressor();
        ZlibStreamDecompressor inner = new ZlibStreamDecompressor()) {
      outer.feed(
          ByteBuffer.wrap(outerStream.payload(outerJson)),
          (buf, off, len) -> {
            inner.feed(
                ByteBuffer.wrap(innerFrame), (b, o, l) -> received.add(new String(b, o, l, UTF8)));
            received.add(new String(buf, off, len, UTF8));
          });
    }
    assertThat(received).containsExactly(innerJson, outerJson);
  }

  @Test
  @DisplayName("steady-state frames allocate nothing")
  void steadyStateAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ZlibStream stream = new ZlibStream();
    int frames = 2_000;
    ByteBuffer[] buffers = new ByteBuffer[frames];
    for (int i = 0; i < frames; i++) {
      buffers[i] = ByteBuffer.wrap(stream.payload(message(i, 1_000)));
    }
    long[] total = new long[1];
    PayloadSink sink = (buf, off, len) -> total[0] += len;
    try (ZlibStreamDecompressor d = new ZlibStreamDecompressor()) {
      for (int i = 0; i < 1_000; i++) {
        d.feed(buffers[i], sink); // warm up: scratch buffer, lock, class loading
      }
      long thread = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(thread);
      for (int i = 1_000; i < frames; i++) {
        d.feed(buffers[i], sink);
      }
      long allocated = threads.getThreadAllocatedBytes(thread) - before;
      assertThat(allocated / 1_000).as("bytes allocated per frame").isLessThan(16);
    }
    assertThat(total[0]).isPositive();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
