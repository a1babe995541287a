package io.github.discordgateway.core.codec;

import io.github.discordgateway.core.GatewayException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code zlib-stream} transport compression: one {@link Inflater} shared by every payload of a
 * connection. Binary frames are buffered until the buffered data ends with the Z_SYNC_FLUSH suffix
 * {@code 00 00 FF FF} (which may be split across frames); then everything buffered is inflated into
 * one payload.
 *
 * <p>The input and output buffers grow as needed and are reused, so steady-state frames allocate
 * nothing. A corrupt stream fails this connection only, with a {@code DECOMPRESSION_ERROR}.
 */
public final class ZlibStreamDecompressor implements PayloadDecompressor {

  private static final int INITIAL_IN = 8 * 1024;
  private static final int INITIAL_OUT = 32 * 1024;
  private static final int RETAINED_OUT = 4 * 1024 * 1024;

  private final Inflater inflater = new Inflater();
  private final int maxPayloadBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private byte[] in = new byte[INITIAL_IN];
  private int inLength;
  private byte[] out = new byte[INITIAL_OUT];
  private boolean feeding;
  private boolean failed;
  private boolean ended;
  private volatile boolean closeRequested;

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
    lock.lock();
    try {
      if (ended || closeRequested) {
        frame.position(frame.limit());
        return;
      }
      if (failed) {
        throw error("the zlib stream of this connection already failed");
      }
      append(frame);
      if (!endsWithSuffix()) {
        return;
      }
      int outLength = inflateBuffered();
      inLength = 0;
      feeding = true;
      sink.accept(out, 0, outLength);
      if (out.length > RETAINED_OUT) {
        out = new byte[INITIAL_OUT];
      }
    } finally {
      feeding = false;
      if (closeRequested) {
        end();
      }
      lock.unlock();
    }
  }

  private void append(ByteBuffer frame) {
    int n = frame.remaining();
    if ((long) inLength + n > maxPayloadBytes) {
      failed = true;
      throw error(
          "more than " + maxPayloadBytes + " compressed bytes arrived without a flush suffix");
    }
    if (inLength + n > in.length) {
      byte[] grown = new byte[Math.max(inLength + n, in.length * 2)];
      System.arraycopy(in, 0, grown, 0, inLength);
      in = grown;
    }
    frame.get(in, inLength, n);
    inLength += n;
  }

  private boolean endsWithSuffix() {
    int i = inLength;
    return i >= 4
        && in[i - 4] == 0
        && in[i - 3] == 0
        && in[i - 2] == (byte) 0xFF
        && in[i - 1] == (byte) 0xFF;
  }

  private int inflateBuffered() {
    inflater.setInput(in, 0, inLength);
    int outLength = 0;
    int idle = 0;
    try {
      while (true) {
        if (outLength == out.length) {
          if (out.length >= maxPayloadBytes) {
            failed = true;
            throw error("a decompressed payload is larger than " + maxPayloadBytes + " bytes");
          }
          byte[] grown = new byte[(int) Math.min((long) out.length * 2, maxPayloadBytes)];
          System.arraycopy(out, 0, grown, 0, outLength);
          out = grown;
        }
        int n = inflater.inflate(out, outLength, out.length - outLength);
        outLength += n;
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
        }
      }
      if (outLength > maxPayloadBytes) {
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
    return outLength;
  }

  private static GatewayException error(String what) {
    return new GatewayException(
        GatewayException.Kind.DECOMPRESSION_ERROR, "zlib-stream decompression failed: " + what);
  }

  /** Ends the inflater; deferred until a feed running on another thread has finished. */
  @Override
  public void close() {
    closeRequested = true;
    if (lock.tryLock()) {
      try {
        if (!feeding) {
          end();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private void end() {
    if (!ended) {
      ended = true;
      inflater.end();
    }
  }
}
