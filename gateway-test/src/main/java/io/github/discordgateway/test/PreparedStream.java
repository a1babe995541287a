package io.github.discordgateway.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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

  /**
   * Renders {@code count} payloads of this stream (repeating it as needed) with sequence numbers
   * {@code firstSeq, firstSeq + 1, ...} as finished WebSocket frames, ready to be written as they
   * are: binary frames of zlib-stream data when {@code zlib}, text frames otherwise. Every run of
   * {@link #size()} payloads is one segment compressed by a fresh raw deflater with a SYNC_FLUSH
   * after each payload, which is a valid continuation of any zlib stream at a payload boundary, so
   * the segments are rendered in parallel and sent one after the other.
   *
   * @param firstSeq the sequence number of the first payload
   * @param count how many payloads
   * @param zlib whether to render zlib-stream binary frames
   * @param frameSize the largest compressed frame (0: one frame per payload)
   * @return the rendered stream, for {@link FakeDiscordGateway#stream(int, RenderedStream)}
   */
  public RenderedStream render(long firstSeq, long count, boolean zlib, int frameSize) {
    int segments = (int) ((count + suffixes.size() - 1) / suffixes.size());
    List<RenderedStream.Segment> rendered =
        IntStream.range(0, segments)
            .parallel()
            .mapToObj(
                i -> {
                  long first = firstSeq + (long) i * suffixes.size();
                  int payloads =
                      (int) Math.min(suffixes.size(), count - (long) i * suffixes.size());
                  return renderSegment(first, payloads, zlib, frameSize);
                })
            .toList();
    return new RenderedStream(firstSeq, count, zlib, rendered);
  }

  private RenderedStream.Segment renderSegment(
      long firstSeq, int payloads, boolean zlib, int frameSize) {
    List<byte[]> frames = new ArrayList<>(payloads);
    Deflater deflater = zlib ? new Deflater(Deflater.DEFAULT_COMPRESSION, true) : null;
    byte[] buffer = zlib ? new byte[16 * 1024] : null;
    ByteArrayOutputStream payload = new ByteArrayOutputStream(2048);
    try {
      for (int i = 0; i < payloads; i++) {
        payload.reset();
        payload.writeBytes(PREFIX);
        payload.writeBytes(Long.toString(firstSeq + i).getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(suffixes.get(i));
        byte[] json = payload.toByteArray();
        if (!zlib) {
          frames.add(json);
          continue;
        }
        byte[] compressed = FakeConnection.deflate(deflater, json, buffer);
        if (frameSize == 0 || compressed.length <= frameSize) {
          frames.add(compressed);
        } else {
          for (int offset = 0; offset < compressed.length; offset += frameSize) {
            frames.add(
                java.util.Arrays.copyOfRange(
                    compressed, offset, Math.min(compressed.length, offset + frameSize)));
          }
        }
      }
    } finally {
      if (deflater != null) {
        deflater.end();
      }
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream(payloads * 512);
    for (byte[] frame : frames) {
      // a server frame: FIN + opcode, unmasked length, payload
      wire.write(0x80 | (zlib ? 0x2 : 0x1));
      if (frame.length < 126) {
        wire.write(frame.length);
      } else if (frame.length < 65_536) {
        wire.write(126);
        wire.write(frame.length >>> 8);
        wire.write(frame.length & 0xFF);
      } else {
        wire.write(127);
        for (int shift = 56; shift >= 0; shift -= 8) {
          wire.write((int) ((long) frame.length >>> shift) & 0xFF);
        }
      }
      wire.writeBytes(frame);
    }
    return new RenderedStream.Segment(wire.toByteArray(), payloads, frames.size());
  }
}
