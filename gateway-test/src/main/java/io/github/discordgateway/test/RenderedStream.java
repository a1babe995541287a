package io.github.discordgateway.test;

import java.util.List;

/**
 * Dispatches rendered ahead of time as finished WebSocket frames (see {@link
 * PreparedStream#render(long, long, boolean, int)}), so that sending them costs the fake only
 * socket writes.
 *
 * @param firstSeq the sequence number of the first payload
 * @param payloads how many payloads
 * @param zlib whether the frames are zlib-stream binary frames (else text frames)
 * @param segments the rendered segments, in order
 */
public record RenderedStream(long firstSeq, long payloads, boolean zlib, List<Segment> segments) {

  /** Copies the segment list. */
  public RenderedStream {
    segments = List.copyOf(segments);
  }

  /** Returns the number of WebSocket frames. */
  public long frames() {
    return segments.stream().mapToLong(Segment::frames).sum();
  }

  /** Returns the number of bytes on the wire (frame headers included). */
  public long bytes() {
    return segments.stream().mapToLong(s -> s.wire().length).sum();
  }

  /**
   * One segment: whole frames, written to the socket as one buffer.
   *
   * @param wire the frames' bytes
   * @param payloads how many payloads the frames hold
   * @param frames how many frames
   */
  public record Segment(byte[] wire, int payloads, int frames) {}
}
