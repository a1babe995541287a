package io.github.discordgateway.test;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * One WebSocket connection a client opened to the fake: what it asked for (path, query parameters),
 * what happened to it (shard, close codes) and handles to script it.
 *
 * <p>All output to the client passes through one ordered queue per connection, so payloads arrive
 * in the order the fake produced them, and {@link FakeDiscordGateway#pauseOutput} holds them.
 */
public final class FakeConnection {

  private final long id;
  private final Channel channel;
  private final String path;
  private final Map<String, String> queryParameters;
  private final boolean zlib;
  private final boolean zstd;
  private final boolean etf;
  private final Instant openedAt;
  private final GatewayState state;

  // Confined to the channel's event loop.
  private Deflater deflater;
  private ZstdStream zstdStream;
  private final byte[] deflateBuffer = new byte[16 * 1024];
  private final ArrayDeque<Out> held = new ArrayDeque<>();
  private boolean releaseScheduled;
  private final ArrayDeque<Instant> receiveWindow = new ArrayDeque<>();

  // Guarded by the GatewayState lock.
  Session session;
  boolean authenticated;

  private volatile long pauseUntilNanos;
  private volatile boolean silenceTookEffect;
  private volatile boolean closing;
  private volatile Integer clientCloseCode;
  private volatile Integer serverCloseCode;
  private volatile int shard = -1;
  private volatile boolean ackHeartbeats = true;
  // Set on the event loop once the output queued before silence() is out.
  private boolean silenced;

  FakeConnection(
      long id,
      Channel channel,
      String path,
      Map<String, String> queryParameters,
      Instant openedAt,
      GatewayState state) {
    this.id = id;
    this.channel = channel;
    this.path = path;
    this.queryParameters = Map.copyOf(queryParameters);
    this.zlib = "zlib-stream".equals(queryParameters.get("compress"));
    this.zstd = "zstd-stream".equals(queryParameters.get("compress")) && ZstdStream.available();
    this.etf = "etf".equals(queryParameters.get("encoding"));
    this.openedAt = openedAt;
    this.state = state;
    if (zlib) {
      deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    }
  }

  /** Returns the connection id (increasing from 1 per gateway). */
  public long id() {
    return id;
  }

  /** Returns the request path: {@code /} or {@code /resume}. */
  public String path() {
    return path;
  }

  /** Returns the query parameters of the WebSocket URL ({@code v}, {@code encoding}, ...). */
  public Map<String, String> queryParameters() {
    return queryParameters;
  }

  /** Returns whether this connection uses {@code compress=zlib-stream}. */
  public boolean zlibStream() {
    return zlib;
  }

  /**
   * Returns whether this connection uses {@code encoding=etf}: payloads go out as ETF binary frames
   * (atom keys, snowflake ids as integers, as Discord writes them) and the client's binary frames
   * are read as ETF.
   */
  public boolean etf() {
    return etf;
  }

  /**
   * Returns whether this connection uses {@code compress=zstd-stream} (asked for, and zstd-jni is
   * on the fake's class path).
   */
  public boolean zstdStream() {
    return zstd;
  }

  /** Returns when the connection was opened. */
  public Instant openedAt() {
    return openedAt;
  }

  /** Returns the shard of the session this connection identified or resumed, or -1. */
  public int shard() {
    return shard;
  }

  /** Returns whether the TCP connection is still open. */
  public boolean isOpen() {
    return channel.isActive();
  }

  /** Returns the close code the client sent, or {@code null} if it sent no close frame (yet). */
  public Integer clientCloseCode() {
    return clientCloseCode;
  }

  /** Returns the close code the fake sent, or {@code null}. */
  public Integer serverCloseCode() {
    return serverCloseCode;
  }

  /**
   * Holds this connection's output for {@code duration} (a stall of one connection; {@link
   * FakeDiscordGateway#pauseOutput(Duration)} holds every connection); what was held is then sent
   * in order.
   */
  public void pauseOutput(java.time.Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    pauseUntilNanos = until == 0 ? 1 : until;
    kick();
  }

  /** Sends op 7 Reconnect on this connection. */
  public void sendReconnect() {
    sendOp(7, "null");
  }

  /**
   * Lets what is already queued for this connection out, then sends nothing more on it: no
   * dispatches, no heartbeat ACKs, no close frame (a connection that went silent while the socket
   * stays open). What the client sends is still read and recorded. Other connections, and the
   * client's next connection, are served normally.
   */
  public void silence() {
    enqueue(new Silence());
  }

  /** Returns whether {@link #silence()} took effect. */
  public boolean isSilenced() {
    return silenceTookEffect;
  }

  /**
   * Stops answering this connection's heartbeats with op 11 while dispatches go on (a zombie
   * connection); unlike {@link FakeDiscordGateway#stopAckingHeartbeats(int)}, the client's next
   * connection is acknowledged normally.
   */
  public void stopAckingHeartbeats() {
    ackHeartbeats = false;
  }

  /** Answers this connection's heartbeats again (see {@link #stopAckingHeartbeats()}). */
  public void resumeAckingHeartbeats() {
    ackHeartbeats = true;
  }

  /** Returns whether this connection's heartbeats are answered. */
  public boolean acksHeartbeats() {
    return ackHeartbeats;
  }

  /** Sends op 9 Invalid Session; with {@code false} the session is also forgotten. */
  public void sendInvalidSession(boolean resumable) {
    state.invalidSession(this, resumable);
  }

  /** Sends op 1 (the server asks for a heartbeat now). */
  public void requestHeartbeat() {
    sendOp(1, "null");
  }

  /** Sends any text payload as is (for malformed-input tests of the client). */
  public void sendRaw(String text) {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends {@code text} as one text frame exactly as given, also on a zlib-stream connection (where
   * everything else is compressed): for tests of how a client treats an uncompressed frame there.
   */
  public void sendTextFrame(String text) {
    enqueue(
        new Frames(
            List.of(text.getBytes(StandardCharsets.UTF_8)), false, new CompletableFuture<>()));
  }

  /**
   * Sends {@code bytes} as one binary frame exactly as given, not compressed: for tests with a
   * binary frame on an uncompressed connection, or a corrupt zlib stream.
   */
  public void sendBinaryFrame(byte[] bytes) {
    enqueue(new Frames(List.of(bytes.clone()), true, new CompletableFuture<>()));
  }

  /** Sends a close frame with {@code code} and {@code reason}, then closes the socket. */
  public void close(int code, String reason) {
    enqueue(new Close(code, reason));
  }

  /** Closes the TCP connection without a close frame (the client sees an abnormal closure). */
  public void drop() {
    channel.eventLoop().execute(channel::close);
  }

  /**
   * Resets the TCP connection (RST, no close frame, no orderly shutdown): the abrupt loss a client
   * reports as abnormal closure (1006).
   */
  public void reset() {
    channel
        .eventLoop()
        .execute(
            () -> {
              try {
                channel.config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
              } catch (RuntimeException e) {
                // not a socket that supports SO_LINGER: a plain close still drops it
              }
              channel.close();
            });
  }

  @Override
  public String toString() {
    return "FakeConnection[id=" + id + ", path=" + path + ", shard=" + shard + "]";
  }

  // ---- internals -------------------------------------------------------------------------

  Channel channel() {
    return channel;
  }

  boolean closing() {
    return closing;
  }

  void shard(int shard) {
    this.shard = shard;
  }

  void clientClosed(int code) {
    clientCloseCode = code;
  }

  /** Counts a received payload; returns false when it exceeds the configured send rate. */
  boolean admit(Instant now, int limit, java.time.Duration window) {
    Instant floor = now.minus(window);
    while (!receiveWindow.isEmpty() && !receiveWindow.peekFirst().isAfter(floor)) {
      receiveWindow.pollFirst();
    }
    if (receiveWindow.size() >= limit) {
      return false;
    }
    receiveWindow.addLast(now);
    return true;
  }

  void send(byte[] json) {
    enqueue(new Payload(json, null, -1));
  }

  /** Sends a non-dispatch payload, which the recorder keeps when it is written. */
  void sendOp(int op, String dataJson) {
    enqueue(new Payload(Json.op(op, dataJson), null, op));
  }

  CompletableFuture<Void> sendTracked(byte[] json) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Payload(json, done, -1));
    return done;
  }

  CompletableFuture<Void> sendFrames(List<byte[]> frames, boolean binary) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Frames(frames, binary, done));
    return done;
  }

  /** Writes ready-made WebSocket frames (see {@link RenderedStream}) as raw socket buffers. */
  CompletableFuture<Void> sendWire(List<byte[]> buffers, boolean zlibFrames) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Wire(buffers, zlibFrames, done));
    return done;
  }

  void enqueue(Out out) {
    if (!channel.isActive()) {
      complete(out);
      return;
    }
    channel.eventLoop().execute(() -> process(out));
  }

  private long pauseRemainingNanos() {
    long until = pauseUntilNanos;
    long own = until == 0 ? 0 : Math.max(0, until - System.nanoTime());
    return Math.max(own, state.pauseRemainingNanos());
  }

  /** Re-checks held output (after the pause changed). */
  void kick() {
    channel.eventLoop().execute(this::release);
  }

  void onInactive() {
    channel
        .eventLoop()
        .execute(
            () -> {
              while (!held.isEmpty()) {
                complete(held.pollFirst());
              }
              if (deflater != null) {
                deflater.end();
                deflater = null;
              }
              if (zstdStream != null) {
                zstdStream.close();
                zstdStream = null;
              }
            });
  }

  private void process(Out out) {
    if (!channel.isActive() || closing || silenced) {
      complete(out);
      return;
    }
    if (!held.isEmpty() || pauseRemainingNanos() > 0) {
      held.addLast(out);
      // Handed over: whoever waits for the write (a dispatch) need not wait out the pause.
      if (out instanceof Payload payload && payload.done() != null) {
        payload.done().complete(null);
      }
      scheduleRelease();
      return;
    }
    write(out);
    channel.flush();
  }

  private void scheduleRelease() {
    if (releaseScheduled) {
      return;
    }
    releaseScheduled = true;
    long delay = Math.max(1_000_000L, Math.min(pauseRemainingNanos(), 3_600_000_000_000L));
    channel.eventLoop().schedule(this::release, delay, TimeUnit.NANOSECONDS);
  }

  private void release() {
    releaseScheduled = false;
    if (held.isEmpty()) {
      return;
    }
    if (pauseRemainingNanos() > 0) {
      scheduleRelease();
      return;
    }
    while (!held.isEmpty() && channel.isActive() && !closing) {
      write(held.pollFirst());
    }
    channel.flush();
    while (!held.isEmpty()) {
      complete(held.pollFirst());
    }
  }

  private void write(Out out) {
    if (out instanceof Silence) {
      silenced = true;
      silenceTookEffect = true;
      return;
    }
    if (closing || silenced) {
      complete(out);
      return;
    }
    if (out instanceof Payload payload) {
      if (payload.op() >= 0) {
        state
            .recorder()
            .serverPayload(
                new ServerPayload(
                    id,
                    shard,
                    payload.op(),
                    new String(payload.json(), java.nio.charset.StandardCharsets.UTF_8),
                    state.now()));
      }
      ChannelFuture last = writePayload(payload.json());
      if (payload.done() != null) {
        last.addListener(f -> payload.done().complete(null));
      }
    } else if (out instanceof Frames frames) {
      ChannelFuture last = null;
      for (byte[] frame : frames.frames()) {
        last =
            channel.write(
                frames.binary()
                    ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame))
                    : new TextWebSocketFrame(Unpooled.wrappedBuffer(frame)));
      }
      if (zlib && frames.binary()) {
        // The frames came from their own deflater: continue with a fresh raw one so nothing later
        // refers back to data the client's inflater saw from a different compressor.
        deflater.end();
        deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      }
      if (last == null) {
        frames.done().complete(null);
      } else {
        last.addListener(f -> frames.done().complete(null));
      }
    } else if (out instanceof Wire wire) {
      ChannelFuture last = null;
      for (byte[] buffer : wire.buffers()) {
        // already framed: passes the WebSocket encoder untouched
        last = channel.write(Unpooled.wrappedBuffer(buffer));
      }
      if (zlib && wire.zlibFrames()) {
        deflater.end();
        deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      }
      if (last == null) {
        wire.done().complete(null);
      } else {
        last.addListener(f -> wire.done().complete(null));
      }
    } else if (out instanceof Close close) {
      closing = true;
      serverCloseCode = close.code();
      state.serverClosed(this, close.code(), close.reason());
      channel.writeAndFlush(new CloseWebSocketFrame(close.code(), close.reason()));
      // Wait briefly for the client's close reply, then drop the socket anyway.
      channel.eventLoop().schedule(() -> channel.close(), 1, TimeUnit.SECONDS);
    }
  }

  private ChannelFuture writePayload(byte[] json) {
    if (etf) {
      byte[] encoded;
      try {
        encoded = Etf.fromJson(json);
      } catch (RuntimeException e) {
        // Not JSON (a malformed payload a test sends on purpose): send the bytes as they are.
        encoded = json;
      }
      if (!zlib && !zstd) {
        return channel.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(encoded)));
      }
      json = encoded;
    }
    if (zstd) {
      if (zstdStream == null) {
        zstdStream = new ZstdStream();
      }
      return channel.write(
          new BinaryWebSocketFrame(Unpooled.wrappedBuffer(zstdStream.compress(json))));
    }
    if (!zlib) {
      return channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
    }
    byte[] compressed = compress(json);
    int max = state.config().compressedFrameSize();
    if (max == 0 || compressed.length <= max) {
      return channel.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(compressed)));
    }
    ChannelFuture last = null;
    for (int offset = 0; offset < compressed.length; offset += max) {
      int length = Math.min(max, compressed.length - offset);
      last =
          channel.write(
              new BinaryWebSocketFrame(Unpooled.wrappedBuffer(compressed, offset, length)));
    }
    return last;
  }

  private byte[] compress(byte[] input) {
    return deflate(deflater, input, deflateBuffer);
  }

  /** Deflates {@code input} through {@code deflater} and ends with a SYNC_FLUSH marker. */
  static byte[] deflate(Deflater deflater, byte[] input, byte[] buffer) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 3 + 64);
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }

  private static void complete(Out out) {
    if (out instanceof Payload payload && payload.done() != null) {
      payload.done().complete(null);
    } else if (out instanceof Frames frames) {
      frames.done().complete(null);
    } else if (out instanceof Wire wire) {
      wire.done().complete(null);
    }
  }

  sealed interface Out permits Payload, Frames, Wire, Close, Silence {}

  record Payload(byte[] json, CompletableFuture<Void> done, int op) implements Out {}

  record Silence() implements Out {}

  record Frames(List<byte[]> frames, boolean binary, CompletableFuture<Void> done) implements Out {}

  record Wire(List<byte[]> buffers, boolean zlibFrames, CompletableFuture<Void> done)
      implements Out {}

  record Close(int code, String reason) implements Out {}
}
