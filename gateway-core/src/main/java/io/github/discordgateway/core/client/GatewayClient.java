package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.PayloadDecompressor;
import io.github.discordgateway.core.codec.PayloadEncoder;
import io.github.discordgateway.core.codec.PayloadSink;
import io.github.discordgateway.core.codec.internal.EnvelopeDecoder;
import io.github.discordgateway.core.internal.SerialExecutor;
import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.ratelimit.internal.OutboundQueue;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.FrameSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of one gateway connection, a state machine: {@code HELLO} → {@code IDENTIFYING} or
 * {@code RESUMING} → {@code CONNECTED} → {@code CLOSED}. Each phase is a small class that handles
 * what is meaningful in it and returns the phase that follows; ops 1, 7, 9, 11 and closes follow
 * the same rules in every phase. The client is transport-agnostic: it is the {@link
 * ConnectionHandler} of one connection and writes through a {@link FrameSink}. A closed client is
 * dead; its {@link CloseOutcome} says whether to resume (build the next client with {@link
 * GatewayClientBuilder#resumeFrom(SessionSnapshot)}), identify anew or stop.
 *
 * <p>Threads: every input (frames, heartbeat ticks, the identify permit, commands, closes, pauses
 * of reading) runs on one serial executor, on the thread that brings it when the client is idle and
 * otherwise right after the input in progress. No lock is held anywhere, so listener callbacks run
 * one at a time and may call back into the client. Frames are decompressed and decoded on the
 * socket reader's thread before they enter the executor.
 *
 * <p>The client logs its lifecycle at DEBUG only: whoever supervises it (a {@code Shard}) logs one
 * INFO line per lifecycle change, so that a reconnect is not reported twice.
 *
 * <p>Bad input never throws out of the client: an unknown opcode or event name is logged and
 * skipped; an undecodable payload, a corrupt compressed stream or a broken Hello closes the
 * connection with {@value CloseCode#RESUMABLE_CLOSE} and is reported through {@link
 * GatewayClientListener#onError(GatewayException)} and the outcome.
 *
 * <pre>{@code
 * GatewayClient client = GatewayClient.builder()
 *     .settings(settings)
 *     .sink(connection)
 *     .scheduler(scheduler)
 *     .identifyLimiter(limiter)
 *     .listener(listener)
 *     .build();
 * transport.connect(settings.connectUri(url), client, timeout);
 * }</pre>
 */
public final class GatewayClient implements ConnectionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

  private final GatewaySettings settings;
  private final SerialExecutor executor;
  private final PayloadDecompressor decompressor;
  private final int maxJsonBytes;
  private final OutboundQueue outbound;
  private final ClientCore core;
  private final GatewayClientListener listener;
  private final PayloadSink payloadSink = this::onPayload;

  GatewayClient(
      GatewaySettings settings,
      SerialExecutor executor,
      PayloadDecompressor decompressor,
      int maxJsonBytes,
      OutboundQueue outbound,
      ClientCore core,
      GatewayClientListener listener) {
    this.settings = settings;
    this.executor = executor;
    this.decompressor = decompressor;
    this.maxJsonBytes = maxJsonBytes;
    this.outbound = outbound;
    this.core = core;
    this.listener = listener;
  }

  /** Returns a builder. */
  public static GatewayClientBuilder builder() {
    return new GatewayClientBuilder();
  }

  // ---------------------------------------------------------------- inputs

  /**
   * Handles one text frame (one JSON payload).
   *
   * @param text the frame
   */
  @Override
  public void onText(String text) {
    Envelope envelope;
    try {
      envelope = EnvelopeDecoder.decode(text);
    } catch (RuntimeException e) {
      failOnInput(e, GatewayException.Kind.DECODE_ERROR, "Cannot read payload");
      return;
    }
    receive(envelope);
  }

  /**
   * Handles one binary frame through this connection's decompressor.
   *
   * @param data the frame, from position to limit; only valid during the call
   */
  @Override
  public void onBinary(ByteBuffer data) {
    if (isClosed()) {
      decompressor.close();
      return;
    }
    try {
      decompressor.feed(data, payloadSink);
    } catch (RuntimeException e) {
      failOnInput(e, GatewayException.Kind.DECOMPRESSION_ERROR, "Cannot decompress frame");
    }
    if (isClosed()) {
      decompressor.close();
    }
  }

  /** Decodes one decompressed payload: the single place where binary frames become envelopes. */
  private void onPayload(byte[] buf, int off, int len) {
    listener.onPayloadDecompressed(len);
    Envelope envelope;
    try {
      envelope = settings.encoding().decode(buf, off, len, maxJsonBytes);
    } catch (RuntimeException e) {
      failOnInput(e, GatewayException.Kind.DECODE_ERROR, "Cannot read payload");
      return;
    }
    receive(envelope);
  }

  private void receive(Envelope envelope) {
    // the hot path: no task allocated when the client is idle, which it almost always is
    if (executor.tryEnter()) {
      try {
        core.handle(envelope);
      } finally {
        executor.exit();
      }
    } else {
      executor.execute(() -> core.handle(envelope));
    }
  }

  private void failOnInput(RuntimeException e, GatewayException.Kind kind, String message) {
    GatewayException error =
        e instanceof GatewayException ge ? ge : new GatewayException(kind, message, e);
    onExecutor(
        () -> {
          if (core.state() != ClientState.CLOSED) {
            core.apply(core.fail(error));
          }
        });
  }

  /**
   * Handles the end of the connection.
   *
   * @param code the close code received, 1006 when the connection dropped
   * @param reason the close reason
   */
  @Override
  public void onClosed(int code, String reason) {
    decompressor.close();
    onExecutor(() -> core.apply(core.phase().onConnectionClosed(core, code, reason)));
  }

  /**
   * Records a transport error; the transport reports the close separately.
   *
   * @param error the error
   */
  @Override
  public void onError(Throwable error) {
    onTransportError(error);
  }

  /**
   * Records a transport error, as {@link #onError(Throwable)}.
   *
   * @param error the error
   */
  public void onTransportError(Throwable error) {
    GatewayException e =
        error instanceof GatewayException ge
            ? ge
            : new GatewayException(
                GatewayException.Kind.CONNECTION_LOST,
                "Transport error: " + describe(error),
                error);
    onExecutor(
        () -> {
          if (core.state() != ClientState.CLOSED) {
            core.transportError(e);
          }
        });
  }

  /**
   * Tells the client that the transport stopped (or resumed) reading for back-pressure. While
   * reading is paused, ACKs cannot be read, so a missing ACK does not count as a zombie connection;
   * heartbeats keep being sent.
   *
   * @param paused whether reading is paused
   */
  public void setReadingPaused(boolean paused) {
    onExecutor(() -> core.heartbeater().readingPaused(paused));
  }

  private void onExecutor(Runnable task) {
    executor.execute(task);
  }

  /**
   * Names the innermost cause with its message (wrappers such as CompletionException say nothing).
   */
  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  // ---------------------------------------------------------------- commands

  /**
   * Sends a command once the session is ready, within the rate limit.
   *
   * @param command the command
   * @return completes when the command was handed to the connection; fails with {@code
   *     NOT_CONNECTED} when the connection closes first
   * @throws GatewayException of kind {@code PAYLOAD_TOO_LARGE} when the encoded command is over
   *     4096 bytes
   */
  public CompletableFuture<Void> send(GatewayCommand command) {
    String payload = PayloadEncoder.encode(command);
    settings.encoding().checkSize(command.opcode(), payload);
    CompletableFuture<Void> result = new CompletableFuture<>();
    onExecutor(() -> core.send(command.opcode(), payload, result));
    return result;
  }

  /**
   * Logs out: closes with 1000, which invalidates the session. The outcome is {@link
   * NextStep#STOP_LOGOUT}.
   */
  public void logout() {
    onExecutor(
        () -> {
          if (core.state() != ClientState.CLOSED) {
            core.apply(
                core.closeLocally(
                    CloseCode.NORMAL_CLOSURE.code(),
                    "Logout",
                    CloseDecision.logout(),
                    null,
                    false));
          }
        });
  }

  /**
   * Closes with {@value CloseCode#RESUMABLE_CLOSE}, keeping the session resumable (for a restart or
   * a planned reconnect).
   *
   * @param reason a short reason
   */
  public void disconnect(String reason) {
    String why = reason == null ? "Disconnect" : reason;
    onExecutor(() -> core.closeUnlessClosed(CloseCode.RESUMABLE_CLOSE, why, null));
  }

  /**
   * Runs {@code task} on this client's executor, after the input in progress: the way a supervisor
   * acts on the client in step with its inputs.
   *
   * @param task the task
   */
  public void execute(Runnable task) {
    onExecutor(task);
  }

  // ---------------------------------------------------------------- accessors

  /** Returns the current phase. */
  public ClientState state() {
    return core.state();
  }

  /** Returns whether the client is closed (dead). */
  public boolean isClosed() {
    return core.state() == ClientState.CLOSED;
  }

  /** Returns the session as it stands now. */
  public SessionSnapshot snapshot() {
    return core.snapshot();
  }

  /** Returns how the connection ended, once it has. */
  public Optional<CloseOutcome> outcome() {
    return Optional.ofNullable(core.outcome());
  }

  /** Returns the round trip of the latest acknowledged heartbeat. */
  public Optional<Duration> lastHeartbeatRoundTrip() {
    return Optional.ofNullable(core.lastRoundTrip());
  }

  /** Returns the heartbeat interval in use (from Hello, clamped), or empty before Hello. */
  public Optional<Duration> heartbeatInterval() {
    long ms = core.heartbeatIntervalMs();
    return ms > 0 ? Optional.of(Duration.ofMillis(ms)) : Optional.empty();
  }

  /** Returns the settings. */
  public GatewaySettings settings() {
    return settings;
  }

  /** Returns the number of commands waiting to be sent. */
  public int pendingCommands() {
    return outbound.pendingCount();
  }

  @Override
  public String toString() {
    return "GatewayClient" + core.name() + "[" + state() + "]";
  }
}
