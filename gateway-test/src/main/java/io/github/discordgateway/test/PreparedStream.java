package io.github.discordgateway.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A list of dispatches encoded once, for benchmarks that need the fake to send far faster than a
 * client can read. Each payload is kept as the bytes before and after its sequence number, so a run
 * only stitches in the numbers (and, for zlib-stream, compresses the run through a fresh deflater)
 * before writing. See {@link FakeDiscordGateway#stream(int, PreparedStream, int)}.
 *
 * <pre>{@code
 * PreparedStream stream = PreparedStream.of(gateway.traffic().events(1_000));
 * StreamResult result = gateway.stream(0, stream, 100); // 100_000 dispatches
 * }</pre>
 */
public final class PreparedStream {

  private static final byte[] PREFIX = "{\"op\":0,\"s\":".getBytes(StandardCharsets.UTF_8);

  private final List<byte[]> suffixes;
  private final long encodedBytes;

  private PreparedStream(List<byte[]> suffixes) {
    this.suffixes = suffixes;
    long bytes = 0;
    for (byte[] suffix : suffixes) {
      bytes += PREFIX.length + suffix.length + 8;
    }
    this.encodedBytes = bytes;
  }

  /** Encodes {@code events}, which must not be empty. */
  public static PreparedStream of(List<FakeDispatch> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a stream needs at least one event");
    }
    List<byte[]> suffixes = new ArrayList<>(events.size());
    for (FakeDispatch event : events) {
      String suffix = ",\"t\":\"" + event.type() + "\",\"d\":" + event.dataJson() + "}";
      suffixes.add(suffix.getBytes(StandardCharsets.UTF_8));
    }
    return new PreparedStream(List.copyOf(suffixes));
  }

  /** Returns the number of payloads in one run. */
  public int size() {
    return suffixes.size();
  }

  /** Returns the approximate uncompressed size of one run in bytes. */
  public long encodedBytes() {
    return encodedBytes;
  }

  /**
   * Encodes one run with sequence numbers {@code firstSeq, firstSeq + 1, ...}; with {@code zlib}
   * the payloads go through one fresh raw deflater (each ending in a SYNC_FLUSH) and are split into
   * frames of at most {@code frameSize} bytes (0: one frame per payload).
   */
  List<byte[]> encodeRun(long firstSeq, boolean zlib, int frameSize) {
    List<byte[]> frames = new ArrayList<>(suffixes.size());
    Deflater deflater = zlib ? new Deflater(Deflater.DEFAULT_COMPRESSION, true) : null;
    byte[] buffer = zlib ? new byte[16 * 1024] : null;
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      long seq = firstSeq;
      for (byte[] suffix : suffixes) {
        out.reset();
        out.writeBytes(PREFIX);
        out.writeBytes(Long.toString(seq++).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(suffix);
        byte[] payload = out.toByteArray();
        if (!zlib) {
          frames.add(payload);
          continue;
        }
        byte[] compressed = FakeConnection.deflate(deflater, payload, buffer);
        if (frameSize == 0 || compressed.length <= frameSize) {
          frames.add(compressed);
        } else {
          for (int offset = 0; offset < compressed.length; offset += frameSize) {
            int end = Math.min(compressed.length, offset + frameSize);
            frames.add(java.util.Arrays.copyOfRange(compressed, offset, end));
          }
        }
      }
    } finally {
      if (deflater != null) {
        deflater.end();
      }
    }
    return frames;
  }
}
