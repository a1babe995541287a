package io.github.discordgateway.benchmarks.e2e;

import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import io.github.discordgateway.core.transport.GatewayTransport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Wraps a transport and records, for every frame the transport hands over, when the handler was
 * entered and when it returned ({@link System#nanoTime()}). The latency benchmark matches each
 * event's {@code receivedNanos} to the frame whose handling it falls into, which gives the time the
 * frame was received. One connection at a time; the frames are handled sequentially.
 */
final class TimestampingTransport implements GatewayTransport {

  private final GatewayTransport delegate;
  private volatile long[] entered = new long[0];
  private volatile long[] returned = new long[0];
  private volatile int frames;

  TimestampingTransport(GatewayTransport delegate) {
    this.delegate = delegate;
  }

  /** Starts recording up to {@code capacity} frames (earlier records are dropped). */
  void record(int capacity) {
    frames = 0;
    returned = new long[capacity];
    entered = new long[capacity];
  }

  int frames() {
    return frames;
  }

  long[] entered() {
    return entered;
  }

  long[] returned() {
    return returned;
  }

  @Override
  public CompletableFuture<GatewayConnection> connect(
      URI uri, ConnectionHandler handler, Duration connectTimeout) {
    return delegate.connect(uri, new Recording(handler), connectTimeout);
  }

  private final class Recording implements ConnectionHandler {
    private final ConnectionHandler handler;

    Recording(ConnectionHandler handler) {
      this.handler = handler;
    }

    @Override
    public void onOpen(GatewayConnection connection) {
      handler.onOpen(connection);
    }

    @Override
    public void onText(String text) {
      long in = System.nanoTime();
      handler.onText(text);
      mark(in);
    }

    @Override
    public void onBinary(ByteBuffer data) {
      long in = System.nanoTime();
      handler.onBinary(data);
      mark(in);
    }

    private void mark(long in) {
      long out = System.nanoTime();
      int n = frames;
      long[] e = entered;
      long[] r = returned;
      if (n < e.length) {
        e[n] = in;
        r[n] = out;
        frames = n + 1;
      }
    }

    @Override
    public void onClosed(int code, String reason) {
      handler.onClosed(code, reason);
    }

    @Override
    public void onError(Throwable error) {
      handler.onError(error);
    }
  }
}
