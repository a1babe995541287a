package io.github.discordgateway.core.codec.internal;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.PayloadDecompressor;
import io.github.discordgateway.core.codec.PayloadSink;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code zlib-stream} transport compression: one {@link Inflater} shared by every payload of a
 * connection. Binary frames are buffered until the buffered data ends with the Z_SYNC_FLUSH suffix
 * {@code 00 00 FF FF} (which may be split across frames); then everything buffered is inflated into
 * one payload.
 *
 * <p>Steady-state frames allocate nothing and an idle connection holds no buffer: a frame that is a
 * whole payload (the usual case) is inflated straight from the frame, and payloads are inflated
 * into a scratch buffer of the calling thread (retained up to 128 KiB per thread, so a few reader
 * threads serve any number of connections). Only a payload split over several frames is copied into
 * a buffer of the connection, released when the payload is complete. A corrupt stream fails this
 * connection only, with a {@code DECOMPRESSION_ERROR}.
 */
public final class ZlibStreamDecompressor implements PayloadDecompressor {

  private static final int INITIAL_IN = 8 * 1024;
  private static final int INITIAL_OUT = 32 * 1024;
  private static final int RETAINED_OUT = 128 * 1024;
  private static final byte[] NO_BYTES = new byte[0];
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final Inflater inflater = new Inflater();
  private final int maxPayloadBytes;
  private final StreamCloseGuard guard = new StreamCloseGuard(inflater::end);
  private byte[] in;
  private int inLength;
  // length of the latest payload in the buffer returned by inflateInput
  private int outLength;
  private boolean failed;

  /**
   * Creates the decompressor of one connection.
   *
   * @param maxPayloadBytes the largest decompressed payload accepted
   */
  public ZlibStreamDecompressor(int maxPayloadBytes) {
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive");
    }
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** Creates one with {@link Compression#DEFAULT_MAX_PAYLOAD_BYTES}. */
  public ZlibStreamDecompressor() {
    this(Compression.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  @Override
  public void feed(ByteBuffer frame, PayloadSink sink) {
    boolean open = guard.enter();
    Scratch scratch = null;
    try {
      if (!open) {
        frame.position(frame.limit());
        return;
      }
      if (failed) {
        throw error("the zlib stream of this connection already failed");
      }
      if (inLength == 0 && endsWithSuffix(frame)) {
        checkCompressedSize(frame.remaining());
        inflater.setInput(frame);
      } else {
        append(frame);
        if (!endsWithSuffix()) {
          return;
        }
        inflater.setInput(in, 0, inLength);
        inLength = 0;
        in = null; // split payloads are rare: hold no buffer while idle
      }
      scratch = SCRATCH.get();
      byte[] out;
      if (scratch.inUse) {
        out = new byte[INITIAL_OUT]; // a sink feeding another stream on this thread
        scratch = null;
      } else {
        scratch.inUse = true;
        out = scratch.buffer;
      }
      try {
        out = inflateInput(out);
      } finally {
        frame.position(frame.limit());
        inflater.setInput(NO_BYTES); // do not pin the frame's array
      }
      if (scratch != null && out.length <= RETAINED_OUT) {
        scratch.buffer = out;
      }
      guard.handingOut();
      sink.accept(out, 0, outLength);
    } finally {
      if (scratch != null) {
        scratch.inUse = false;
      }
      guard.exit();
    }
  }

  private void checkCompressedSize(int n) {
    if ((long) inLength + n > maxPayloadBytes) {
      failed = true;
      throw error(
          "more than " + maxPayloadBytes + " compressed bytes arrived without a flush suffix");
    }
  }

  private void append(ByteBuffer frame) {
    int n = frame.remaining();
    checkCompressedSize(n);
    if (in == null) {
      in = new byte[Math.max(INITIAL_IN, n)];
    } else if (inLength + n > in.length) {
      byte[] grown = new byte[Math.max(inLength + n, in.length * 2)];
      System.arraycopy(in, 0, grown, 0, inLength);
      in = grown;
    }
    frame.get(in, inLength, n);
    inLength += n;
  }

  private static boolean endsWithSuffix(ByteBuffer frame) {
    int end = frame.limit();
    return end - frame.position() >= 4
        && frame.get(end - 4) == 0
        && frame.get(end - 3) == 0
        && frame.get(end - 2) == (byte) 0xFF
        && frame.get(end - 1) == (byte) 0xFF;
  }

  private boolean endsWithSuffix() {
    int i = inLength;
    return i >= 4
        && in[i - 4] == 0
        && in[i - 3] == 0
        && in[i - 2] == (byte) 0xFF
        && in[i - 1] == (byte) 0xFF;
  }

  /** Inflates the input set on the inflater into {@code out} (grown as needed); returns it. */
  private byte[] inflateInput(byte[] out) {
    int length = 0;
    int idle = 0;
    try {
      while (true) {
        if (length == out.length) {
          if (out.length >= maxPayloadBytes) {
            failed = true;
            throw error("a decompressed payload is larger than " + maxPayloadBytes + " bytes");
          }
          byte[] grown = new byte[(int) Math.min((long) out.length * 2, maxPayloadBytes)];
          System.arraycopy(out, 0, grown, 0, length);
          out = grown;
        }
        int n = inflater.inflate(out, length, out.length - length);
        length += n;
        if (n == 0) {
          if (inflater.needsInput() || inflater.finished()) {
            break;
          }
          if (inflater.needsDictionary()) {
            failed = true;
            throw error("the zlib stream asks for a preset dictionary");
          }
          if (++idle > 3) {
            failed = true;
            throw error("the inflater made no progress");
          }
        } else {
          idle = 0;
          if (length < out.length && inflater.needsInput()) {
            break; // all input used and room left: nothing more to come (saves a native call)
          }
        }
      }
      if (length > maxPayloadBytes) {
        // the output buffer starts larger than a small limit: check the size itself
        failed = true;
        throw error("a decompressed payload is larger than " + maxPayloadBytes + " bytes");
      }
    } catch (DataFormatException e) {
      failed = true;
      throw new GatewayException(
          GatewayException.Kind.DECOMPRESSION_ERROR,
          "Corrupt zlib-stream data: " + e.getMessage(),
          e);
    }
    outLength = length;
    return out;
  }

  /** The per-thread output buffer. */
  private static final class Scratch {
    byte[] buffer = new byte[INITIAL_OUT];
    boolean inUse;
  }

  private static GatewayException error(String what) {
    return new GatewayException(
        GatewayException.Kind.DECOMPRESSION_ERROR, "zlib-stream decompression failed: " + what);
  }

  /** Ends the inflater; deferred until a feed running on another thread has finished. */
  @Override
  public void close() {
    guard.close();
  }
}
