package io.github.discordgateway.test;

import io.github.discordgateway.core.protocol.Opcode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded fake of the Discord gateway for tests: a real WebSocket and HTTP server on {@code
 * 127.0.0.1} (an ephemeral or fixed port) that speaks the gateway protocol as Discord does (Hello,
 * Identify, READY, GUILD_CREATE, heartbeats, Resume with replay, Invalid Session, close codes
 * 4001-4014, identify buckets; versions 6 to 10; {@code encoding=json} or {@code etf}; {@code
 * compress=zlib-stream} or {@code zstd-stream}, the latter with zstd-jni on the class path) and
 * REST under {@code /api/v6} to {@code /api/v10} and {@code /api}: discovery ({@code GET /gateway},
 * {@code GET /gateway/bot}), {@code GET /users/@me}, and any endpoint a {@link RestDispatcher}
 * answers. Third-party clients (JDA) run against it unmodified.
 *
 * <p>Tests script it (dispatch events, op 7, op 9, closes, dropped sockets, zombie mode, paused
 * output, refused connections) and inspect what clients sent through the {@link TrafficRecorder}.
 * It is independent of the client library on purpose: it parses and produces JSON itself, so a bug
 * in the client's codec cannot cancel out in the fake.
 *
 * <pre>{@code
 * try (FakeDiscordGateway gateway = FakeDiscordGateway.builder()
 *     .heartbeatInterval(Duration.ofMillis(500))
 *     .start()) {
 *   MyClient client = MyClient.connect(gateway.apiBaseUrl(), gateway.token());
 *
 *   ClientPayload identify = gateway.takeCommand(Opcode.IDENTIFY, Duration.ofSeconds(5));
 *   gateway.recorder().assertIdentifiedWith(0, EnumSet.of(Intent.GUILDS));
 *
 *   FakeGuild guild = FakeGatewayConfig.DEFAULT_GUILD;
 *   gateway.dispatch(FakeEvents.messageCreate(guild, guild.members().get(0), "ping"));
 *
 *   gateway.sendReconnect(0);                       // op 7: the client must resume
 *   gateway.takeCommand(Opcode.RESUME, Duration.ofSeconds(5));
 *   assertThat(gateway.recorder().resumeCount(0)).isEqualTo(1);
 *
 *   gateway.stopAckingHeartbeats();                 // zombie: the client must reconnect
 * }
 * }</pre>
 *
 * <p>A resumable session's {@code resume_gateway_url} is {@code ws://127.0.0.1:PORT/resume}; both
 * {@code /} and {@code /resume} accept the full protocol, and each {@link FakeConnection} records
 * which one was used. Threads: one acceptor and {@link FakeGatewayConfig#workerThreads()} I/O
 * threads, all daemons; {@link #close()} stops them and frees the port.
 */
public final class FakeDiscordGateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FakeDiscordGateway.class);
  private static final Duration WRITE_WAIT = Duration.ofSeconds(10);

  private final GatewayState state;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel serverChannel;
  private final int port;
  private final TrafficGenerator traffic;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeDiscordGateway(FakeGatewayConfig config) {
    TrafficRecorder recorder = new TrafficRecorder();
    this.state = new GatewayState(config, recorder);
    this.boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("fake-discord-boss", true), NioIoHandler.newFactory());
    this.workers =
        new MultiThreadIoEventLoopGroup(
            config.workerThreads(),
            new DefaultThreadFactory("fake-discord-io", true),
            NioIoHandler.newFactory());
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast("http", new HttpServerCodec())
                          .addLast("http-aggregator", new HttpObjectAggregator(64 * 1024))
                          .addLast("http-handler", new HttpHandler(state));
                    }
                  });
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      this.serverChannel =
          bootstrap
              .bind(new InetSocketAddress(loopback, config.port()))
              .syncUninterruptibly()
              .channel();
    } catch (IOException | RuntimeException e) {
      shutdownGroups();
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot start the fake gateway", io)
          : new UncheckedIOException(
              "cannot start the fake gateway", new IOException(e.getMessage(), e));
    }
    this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    state.port(port);
    this.traffic = new TrafficGenerator(state);
    log.info("Fake Discord gateway listening on {}", gatewayUrl());
  }

  /** Starts a gateway with the default options. */
  public static FakeDiscordGateway start() {
    return new FakeDiscordGateway(FakeGatewayConfig.defaults());
  }

  /** Starts a gateway with {@code config}. */
  public static FakeDiscordGateway start(FakeGatewayConfig config) {
    return new FakeDiscordGateway(config);
  }

  /** Returns a builder of options whose {@code start()} starts a gateway. */
  public static FakeGatewayConfig.Builder builder() {
    return FakeGatewayConfig.builder();
  }

  // ---- addresses ----------------------------------------------------------------------------

  /**
   * Returns the gateway URL discovery returns: {@code ws://127.0.0.1:PORT}, or {@link
   * FakeGatewayConfig#advertisedGatewayUrl()}.
   */
  public String gatewayUrl() {
    return state.gatewayUrl();
  }

  /**
   * Returns the resume URL sent in READY: the gateway URL followed by {@code /resume}, or {@link
   * FakeGatewayConfig#advertisedResumeUrl()}.
   */
  public String resumeGatewayUrl() {
    return state.resumeUrl();
  }

  /**
   * Returns the REST base URL: {@code http://127.0.0.1:PORT/api/v10}, or {@link
   * FakeGatewayConfig#advertisedApiUrl()}. The fake answers under {@code /api/v6} to {@code
   * /api/v10} and under {@code /api} alike.
   */
  public String apiBaseUrl() {
    return state.apiUrl();
  }

  /** Returns the URL the fake listens on for WebSocket, {@code ws://127.0.0.1:PORT}. */
  public String localGatewayUrl() {
    return state.localGatewayUrl();
  }

  /**
   * Answers REST requests with {@code dispatcher} first (see {@link RestDispatcher}); {@code null}
   * restores the fake's own endpoints only.
   */
  public void restDispatcher(RestDispatcher dispatcher) {
    state.restDispatcher(dispatcher);
  }

  /** Returns the port. */
  public int port() {
    return port;
  }

  /** Returns the token the fake accepts. */
  public String token() {
    return state.config().token();
  }

  /** Returns the options. */
  public FakeGatewayConfig config() {
    return state.config();
  }

  // ---- recording ----------------------------------------------------------------------------

  /** Returns the recorder of everything clients did. */
  public TrafficRecorder recorder() {
    return state.recorder();
  }

  /** Returns the next payload a client sent (heartbeats included); see {@link TrafficRecorder}. */
  public ClientPayload takePayload(Duration timeout) {
    return recorder().takePayload(timeout);
  }

  /** Returns the next non-heartbeat payload a client sent. */
  public ClientPayload takeCommand(Duration timeout) {
    return recorder().takeCommand(timeout);
  }

  /** Returns the next non-heartbeat payload with {@code op}, skipping other commands. */
  public ClientPayload takeCommand(Opcode op, Duration timeout) {
    return recorder().takeCommand(op, timeout);
  }

  /** Returns the next heartbeat a client sent. */
  public ClientPayload takeHeartbeat(Duration timeout) {
    return recorder().takeHeartbeat(timeout);
  }

  /** Returns the next connection opened. */
  public FakeConnection takeConnection(Duration timeout) {
    return recorder().takeConnection(timeout);
  }

  /** Returns the connected connection of {@code shard}'s current session, if any. */
  public Optional<FakeConnection> connection(int shard) {
    return state.connections(shard).stream().findFirst();
  }

  /** Returns the session id of {@code shard}'s current session, if any. */
  public Optional<String> sessionId(int shard) {
    return state.sessionId(shard);
  }

  /** Returns the last sequence number sent in {@code shard}'s current session (0 if none). */
  public long lastSequence(int shard) {
    return state.lastSequence(shard);
  }

  /** Returns the dispatches kept for replay in {@code shard}'s current session, in order. */
  public List<SentDispatch> sentDispatches(int shard) {
    return state.sentDispatches(shard);
  }

  /**
   * Returns the ids of every session {@code shard} started (accepted Identifies), oldest first,
   * including ended ones (the latest {@value GatewayState#HISTORY_CAPACITY} sessions of the gateway
   * are remembered).
   */
  public List<String> sessionIds(int shard) {
    return state.sessionIds(shard);
  }

  /**
   * Returns the dispatches sent (or kept for replay) in the session {@code sessionId}, in order,
   * also after the session ended; empty for an unknown or forgotten id. With {@link
   * #sessionIds(int)} a test can check what a client received against what every session sent.
   */
  public List<SentDispatch> sentDispatches(String sessionId) {
    return state.sentDispatches(sessionId);
  }

  // ---- dispatches ---------------------------------------------------------------------------

  /**
   * Sends a dispatch to every shard's session; returns how many sessions got it, once it is written
   * (see {@link #dispatch(FakeDispatch)}).
   */
  public int dispatch(String type, String dataJson) {
    return dispatch(new FakeDispatch(type, dataJson));
  }

  /** Sends a dispatch to {@code shard}'s session; returns 1 if sent, 0 otherwise. */
  public int dispatch(int shard, String type, String dataJson) {
    return dispatch(shard, new FakeDispatch(type, dataJson));
  }

  /**
   * Sends {@code event} to every shard's session; returns how many got it. Sessions whose intents
   * do not enable the event skip it (unless {@link FakeGatewayConfig#filterByIntents()} is off); a
   * session without a live connection keeps it for replay on Resume.
   *
   * <p>Returns once the frame is written to every connection that gets it (or held there by a pause
   * or a stream, or dropped by a closed or silenced connection), so what a test scripts next (a
   * drop, a close, op 7) comes after it on the wire. Called from the fake's own I/O threads (a
   * {@link RestDispatcher}), it does not wait.
   */
  public int dispatch(FakeDispatch event) {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    return awaitWritten(writes, state.dispatch(null, event, writes));
  }

  /**
   * Sends {@code event} to {@code shard}'s session; returns 1 if sent, 0 otherwise, once written
   * (see {@link #dispatch(FakeDispatch)}).
   */
  public int dispatch(int shard, FakeDispatch event) {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    return awaitWritten(writes, state.dispatch(shard, event, writes));
  }

  /**
   * Sends {@code event} to the shard owning its {@code guild_id} (shard 0 without one), once
   * written (see {@link #dispatch(FakeDispatch)}).
   */
  public int route(FakeDispatch event) {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    return awaitWritten(writes, state.route(event, writes));
  }

  private int awaitWritten(List<CompletableFuture<Void>> writes, int delivered) {
    if (writes.isEmpty() || onIoThread()) {
      return delivered;
    }
    try {
      CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
          .get(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("A dispatch was not written within {}: {}", WRITE_WAIT, e.toString());
    }
    return delivered;
  }

  private boolean onIoThread() {
    for (io.netty.util.concurrent.EventExecutor executor : workers) {
      if (executor.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  /** Returns the traffic generator. */
  public TrafficGenerator traffic() {
    return traffic;
  }

  /**
   * Writes {@code repetitions} runs of {@code stream} to {@code shard}'s connection as fast as the
   * socket takes them, with increasing sequence numbers, and blocks until done (or the connection
   * closed). Dispatches scripted meanwhile for that shard are held until the stream ends. The
   * streamed dispatches are not kept for replay: a Resume from inside the stream gets op 9.
   *
   * @throws IllegalStateException when the shard has no connected session
   */
  public StreamResult stream(int shard, PreparedStream stream, int repetitions) {
    long total = (long) stream.size() * repetitions;
    GatewayState.StreamReservation reservation = state.beginStream(shard, total);
    FakeConnection conn = reservation.connection();
    boolean zlib = conn.zlibStream();
    long seq = reservation.firstSeq();
    long frames = 0;
    long bytes = 0;
    long payloads = 0;
    long start = System.nanoTime();
    ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    try {
      for (int run = 0; run < repetitions && conn.isOpen(); run++) {
        List<byte[]> encoded = stream.encodeRun(seq, zlib, state.config().compressedFrameSize());
        seq += stream.size();
        payloads += stream.size();
        frames += encoded.size();
        for (byte[] frame : encoded) {
          bytes += frame.length;
        }
        if (conn.zstdStream() || conn.etf()) {
          // One zstd frame runs through the whole connection, and ETF is written per payload:
          // go through the connection's own encoder and compressor.
          CompletableFuture<Void> last = null;
          for (byte[] payload : encoded) {
            last = conn.sendTracked(payload);
          }
          inFlight.addLast(last);
        } else {
          inFlight.addLast(conn.sendFrames(encoded, zlib));
        }
        while (inFlight.size() > 1) {
          awaitWrite(inFlight.pollFirst());
        }
      }
      while (!inFlight.isEmpty()) {
        awaitWrite(inFlight.pollFirst());
      }
    } finally {
      state.endStream(reservation.session());
    }
    return new StreamResult(
        payloads,
        frames,
        bytes,
        reservation.firstSeq(),
        seq - 1,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Writes a stream rendered ahead of time to {@code shard}'s connection, segment by segment as
   * ready-made socket buffers, and blocks until done (or the connection closed). Render it with the
   * sequence numbers that follow {@link #lastSequence(int)} and for the connection's compression.
   *
   * @throws IllegalStateException when the shard has no connected session, or the stream was
   *     rendered for other sequence numbers or another compression
   */
  public StreamResult stream(int shard, RenderedStream rendered) {
    GatewayState.StreamReservation reservation = state.beginStream(shard, rendered.payloads());
    long start = System.nanoTime();
    try {
      FakeConnection conn = reservation.connection();
      if (reservation.firstSeq() != rendered.firstSeq() || conn.zlibStream() != rendered.zlib()) {
        throw new IllegalStateException(
            "stream rendered for seq "
                + rendered.firstSeq()
                + (rendered.zlib() ? " (zlib)" : "")
                + ", the session continues at "
                + reservation.firstSeq()
                + (conn.zlibStream() ? " (zlib)" : ""));
      }
      List<byte[]> buffers = new ArrayList<>(rendered.segments().size());
      for (RenderedStream.Segment segment : rendered.segments()) {
        buffers.add(segment.wire());
      }
      awaitWrite(conn.sendWire(buffers, rendered.zlib()));
    } finally {
      state.endStream(reservation.session());
    }
    return new StreamResult(
        rendered.payloads(),
        rendered.frames(),
        rendered.bytes(),
        rendered.firstSeq(),
        rendered.firstSeq() + rendered.payloads() - 1,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static void awaitWrite(CompletableFuture<Void> future) {
    try {
      future.get(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Stream write did not complete: {}", e.toString());
    }
  }

  // ---- scripting ----------------------------------------------------------------------------

  /** Sends op 7 Reconnect to {@code shard}; returns how many connections got it. */
  public int sendReconnect(int shard) {
    return each(state.connections(shard), FakeConnection::sendReconnect);
  }

  /** Sends op 7 Reconnect to every open connection. */
  public int sendReconnect() {
    return each(state.connections(null), FakeConnection::sendReconnect);
  }

  /**
   * Sends op 9 Invalid Session to {@code shard}; with {@code resumable == false} the session is
   * forgotten too, so a later Resume gets op 9 again.
   */
  public int sendInvalidSession(int shard, boolean resumable) {
    return each(state.connections(shard), c -> c.sendInvalidSession(resumable));
  }

  /** Sends op 1 (heartbeat request) to {@code shard}. */
  public int requestHeartbeat(int shard) {
    return each(state.connections(shard), FakeConnection::requestHeartbeat);
  }

  /** Closes {@code shard}'s connection with {@code code} and {@code reason}. */
  public int closeConnection(int shard, int code, String reason) {
    return each(state.connections(shard), c -> c.close(code, reason));
  }

  /** Closes every open connection with {@code code} and {@code reason}. */
  public int closeAllConnections(int code, String reason) {
    return each(state.connections(null), c -> c.close(code, reason));
  }

  /** Drops {@code shard}'s TCP connection without a close frame. */
  public int dropConnection(int shard) {
    return each(state.connections(shard), FakeConnection::drop);
  }

  /** Resets {@code shard}'s TCP connection (RST) without a close frame. */
  public int resetConnection(int shard) {
    return each(state.connections(shard), FakeConnection::reset);
  }

  /** Drops every TCP connection without a close frame. */
  public int dropAllConnections() {
    return each(state.connections(null), FakeConnection::drop);
  }

  /** Stops answering heartbeats with op 11 (a zombie connection, for the client's detection). */
  public void stopAckingHeartbeats() {
    state.ackHeartbeats(false);
  }

  /** Answers heartbeats with op 11 again. */
  public void resumeAckingHeartbeats() {
    state.ackHeartbeats(true);
  }

  /**
   * Stops answering the heartbeats of {@code shard}'s connections only (a zombie connection of one
   * shard); the other shards keep getting op 11.
   */
  public void stopAckingHeartbeats(int shard) {
    state.ackHeartbeats(shard, false);
  }

  /** Answers the heartbeats of {@code shard} again (see {@link #stopAckingHeartbeats(int)}). */
  public void resumeAckingHeartbeats(int shard) {
    state.ackHeartbeats(shard, true);
  }

  /**
   * Holds all output (on every connection, including new ones) for {@code duration}; what was held
   * is then sent in order.
   */
  public void pauseOutput(Duration duration) {
    state.pauseOutput(duration.toNanos());
  }

  /** Holds the output of {@code shard}'s connection only for {@code duration} (a stall). */
  public int pauseOutput(int shard, Duration duration) {
    return each(state.connections(shard), c -> c.pauseOutput(duration));
  }

  /** Releases output held by {@link #pauseOutput(Duration)} now. */
  public void resumeOutput() {
    state.resumeOutput();
  }

  /** Answers WebSocket upgrades with HTTP 503 for {@code duration} (REST keeps working). */
  public void refuseConnections(Duration duration) {
    state.refuseConnections(duration.toNanos());
  }

  /** Accepts WebSocket upgrades again. */
  public void acceptConnections() {
    state.refuseConnections(0);
  }

  /**
   * Forgets every session, as if the session store restarted: a later Resume gets op 9 {@code
   * false}. Open connections stay open.
   */
  public void forgetSessions() {
    state.forgetSessions();
  }

  /**
   * Answers every Identify of {@code shard} with a close frame {@code code} and {@code reason} (for
   * example 4004 or 4014 for one shard while the others identify normally); {@code code} 0 restores
   * normal identifies.
   */
  public void failIdentify(int shard, int code, String reason) {
    state.failIdentify(shard, code, reason);
  }

  /**
   * Forgets the session of {@code shard} only, as if the server holding it restarted: its open
   * connection and its events go on, but a later Resume gets op 9 {@code false}.
   */
  public void forgetSession(int shard) {
    state.forgetSession(shard);
  }

  private static int each(
      List<FakeConnection> connections, java.util.function.Consumer<FakeConnection> action) {
    connections.forEach(action);
    return connections.size();
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Closes every connection, stops the server threads and frees the port. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (FakeConnection conn : state.liveConnections()) {
      conn.channel().close();
    }
    serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    shutdownGroups();
    log.info("Fake Discord gateway on port {} stopped", port);
  }

  private void shutdownGroups() {
    io.netty.util.concurrent.Future<?> a = boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    io.netty.util.concurrent.Future<?> b = workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    a.awaitUninterruptibly(5, TimeUnit.SECONDS);
    b.awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "FakeDiscordGateway[" + gatewayUrl() + ", token=<redacted>]";
  }
}
