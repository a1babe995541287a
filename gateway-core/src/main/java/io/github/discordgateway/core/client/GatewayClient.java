package io.github.discordgateway.core.client;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.Compression;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.EnvelopeDecoder;
import io.github.discordgateway.core.codec.PayloadDecompressor;
import io.github.discordgateway.core.codec.PayloadEncoder;
import io.github.discordgateway.core.codec.PayloadSink;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.protocol.Hello;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.Ready;
import io.github.discordgateway.core.protocol.Resume;
import io.github.discordgateway.core.ratelimit.CommandRateLimiter;
import io.github.discordgateway.core.ratelimit.IdentifyLimiter;
import io.github.discordgateway.core.ratelimit.IdentifyPermit;
import io.github.discordgateway.core.ratelimit.OutboundQueue;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.scheduling.GatewayScheduler;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.FrameSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of one gateway connection, built as a small state machine: {@code HELLO} → {@code
 * IDENTIFYING} or {@code RESUMING} → {@code CONNECTED} → {@code CLOSED}. Each phase is a state
 * object that handles what is meaningful in it; op 1, 7, 9, 11 and closes are handled in every
 * phase. The client is transport-agnostic: it is the {@link ConnectionHandler} of one connection
 * and writes through a {@link FrameSink}. A closed client is dead; its {@link CloseOutcome} says
 * whether to resume (build the next client with {@link Builder#resumeFrom(SessionSnapshot)}),
 * identify anew or stop.
 *
 * <p>Thread-safe: frames arrive on the reader thread, heartbeats run on the scheduler, commands
 * come from any thread. See {@link GatewayClientListener} for the rules its callbacks follow.
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
 * transport.connect(GatewayUris.connectUri(url, settings.compression()), client, timeout);
 * }</pre>
 */
public final class GatewayClient implements ConnectionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

  private final GatewaySettings settings;
  private final FrameSink sink;
  private final GatewayScheduler scheduler;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final IdentifyLimiter identifyLimiter;
  private final int maxConcurrency;
  private final GatewayClientListener listener;
  private final PayloadDecompressor decompressor;
  private final OutboundQueue outbound;
  private final String name;
  private final Object lock = new Object();

  private final PayloadSink payloadSink = this::onPayload;

  // Guarded by lock.
  private State state;
  // Written under the lock when the state becomes Closed; read without it on the frame path.
  private volatile boolean closed;
  private String sessionId;
  private String resumeUrl;
  private long sequence;
  private long heartbeatIntervalMs;
  private Cancellable heartbeatTask;
  private boolean ackPending;
  private Instant ackPendingSince;
  private Instant lastHeartbeatAt;
  private Duration lastRoundTrip;
  // Written without the lock (see setReadingPaused), read by the heartbeat under the lock.
  private volatile boolean readingPaused;
  private volatile boolean pausedThisInterval;
  private boolean identifySent;
  private CompletableFuture<IdentifyPermit> permit;
  private GatewayException transportError;
  private CloseOutcome outcome;

  private GatewayClient(Builder b) {
    this.settings = Objects.requireNonNull(b.settings, "settings");
    this.sink = Objects.requireNonNull(b.sink, "sink");
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.clock = b.clock != null ? b.clock : InstantSource.system();
    this.random = b.random != null ? b.random : new Random();
    this.identifyLimiter = Objects.requireNonNull(b.identifyLimiter, "identifyLimiter");
    this.maxConcurrency = b.maxConcurrency;
    this.listener = b.listener != null ? b.listener : new GatewayClientListener() {};
    this.name = "[shard " + settings.shardId() + "/" + settings.shardCount() + "]";
    SessionSnapshot parent = b.resumeFrom != null ? b.resumeFrom : SessionSnapshot.NONE;
    this.sessionId = parent.sessionId();
    this.resumeUrl = parent.resumeGatewayUrl();
    this.sequence = parent.sequence();
    // Fail fast on settings that could never identify (e.g. a presence over 4096 bytes).
    PayloadEncoder.encode(Opcode.IDENTIFY, settings.toIdentify());
    this.decompressor = settings.compression().newDecompressor(b.maxPayloadBytes);
    CommandRateLimiter limiter =
        b.rateLimiter != null ? b.rateLimiter : new CommandRateLimiter(this.clock);
    this.outbound =
        new OutboundQueue(
            sink,
            limiter,
            scheduler,
            this.clock,
            (op, waited) -> safely(() -> listener.onPayloadSent(op, waited)),
            b.maxPendingCommands);
    this.state = new AwaitingHello();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
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
    } catch (GatewayException e) {
      synchronized (lock) {
        fail(e);
      }
      return;
    } catch (RuntimeException e) {
      synchronized (lock) {
        fail(new GatewayException(GatewayException.Kind.DECODE_ERROR, "Cannot read payload", e));
      }
      return;
    }
    synchronized (lock) {
      handle(envelope);
    }
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
    } catch (GatewayException e) {
      synchronized (lock) {
        fail(e);
      }
    } catch (RuntimeException e) {
      synchronized (lock) {
        fail(
            new GatewayException(
                GatewayException.Kind.DECOMPRESSION_ERROR, "Cannot decompress frame", e));
      }
    }
    if (isClosed()) {
      decompressor.close();
    }
  }

  private void onPayload(byte[] buf, int off, int len) {
    listener.onPayloadDecompressed(len);
    Envelope envelope;
    try {
      envelope = EnvelopeDecoder.decode(buf, off, len);
    } catch (GatewayException e) {
      synchronized (lock) {
        fail(e);
      }
      return;
    }
    synchronized (lock) {
      handle(envelope);
    }
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
    synchronized (lock) {
      if (state instanceof Closed) {
        return;
      }
      String why = reason == null ? "" : reason;
      CloseCode closeCode = CloseCode.of(code);
      GatewayException error = GatewayException.forCloseCode(code, why);
      if (error == null && transportError != null) {
        error = transportError;
      }
      NextStep next;
      if (closeCode.fatal()) {
        next = NextStep.STOP_FATAL;
      } else if (!closeCode.mayResume() && closeCode != CloseCode.UNKNOWN) {
        discardSession();
        next = NextStep.IDENTIFY;
      } else {
        next = resumeOrIdentify();
      }
      finish(code, why, next, error, false, false, Duration.ZERO);
    }
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
   * Records a transport error; the transport reports the close separately through {@link
   * #onClosed(int, String)}.
   *
   * @param error the error
   */
  public void onTransportError(Throwable error) {
    synchronized (lock) {
      if (state instanceof Closed) {
        return;
      }
      GatewayException e =
          error instanceof GatewayException ge
              ? ge
              : new GatewayException(
                  GatewayException.Kind.CONNECTION_LOST,
                  "Transport error: " + describe(error),
                  error);
      transportError = e;
      // the shard reports the close that follows; this is detail for debugging
      log.debug("{} transport error: {}", name, e.getMessage());
      safely(() -> listener.onError(e));
    }
  }

  /**
   * Tells the client that the transport stopped (or resumed) reading for back-pressure. While
   * reading is paused, ACKs cannot be read, so a missing ACK does not count as a zombie connection;
   * heartbeats keep being sent.
   *
   * @param paused whether reading is paused
   */
  public void setReadingPaused(boolean paused) {
    // Lock-free on purpose: the delivery thread resumes reading while the socket reader may hold
    // the client's lock and wait for the delivery queue; taking the lock here could deadlock.
    if (paused) {
      pausedThisInterval = true;
    }
    readingPaused = paused;
  }

  /**
   * Names the innermost cause with its message (wrappers such as CompletionException say nothing).
   */
  private static String describe(Throwable error) {
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
   * @return completes when the command was written; fails with {@code NOT_CONNECTED} when the
   *     connection closes first
   * @throws GatewayException of kind {@code PAYLOAD_TOO_LARGE} when the encoded command is over
   *     4096 bytes
   */
  public CompletableFuture<Void> send(GatewayCommand command) {
    String payload = PayloadEncoder.encode(command);
    synchronized (lock) {
      if (state instanceof Closed) {
        return CompletableFuture.failedFuture(
            new GatewayException(
                GatewayException.Kind.NOT_CONNECTED,
                "The connection is closed",
                -1,
                command.opcode(),
                null));
      }
      return outbound.enqueue(command.opcode(), payload);
    }
  }

  /**
   * Logs out: closes with 1000, which invalidates the session. The outcome is {@link
   * NextStep#STOP_LOGOUT}.
   */
  public void logout() {
    synchronized (lock) {
      if (state instanceof Closed) {
        return;
      }
      discardSession();
      closeLocally(
          CloseCode.NORMAL_CLOSURE.code(), "Logout", NextStep.STOP_LOGOUT, null, false, null);
    }
  }

  /**
   * Closes with {@value CloseCode#RESUMABLE_CLOSE}, keeping the session resumable (for a restart or
   * a planned reconnect).
   *
   * @param reason a short reason
   */
  public void disconnect(String reason) {
    synchronized (lock) {
      if (state instanceof Closed) {
        return;
      }
      closeLocally(
          CloseCode.RESUMABLE_CLOSE,
          reason == null ? "Disconnect" : reason,
          resumeOrIdentify(),
          null,
          false,
          null);
    }
  }

  // ---------------------------------------------------------------- accessors

  /** Returns the current phase. */
  public ClientState state() {
    synchronized (lock) {
      return state.phase();
    }
  }

  /** Returns whether the client is closed (dead). */
  public boolean isClosed() {
    return closed;
  }

  /** Returns the session as it stands now. */
  public SessionSnapshot snapshot() {
    synchronized (lock) {
      return new SessionSnapshot(sessionId, sequence, resumeUrl);
    }
  }

  /** Returns how the connection ended, once it has. */
  public Optional<CloseOutcome> outcome() {
    synchronized (lock) {
      return Optional.ofNullable(outcome);
    }
  }

  /** Returns the round trip of the latest acknowledged heartbeat. */
  public Optional<Duration> lastHeartbeatRoundTrip() {
    synchronized (lock) {
      return Optional.ofNullable(lastRoundTrip);
    }
  }

  /** Returns the heartbeat interval from Hello, or empty before Hello. */
  public Optional<Duration> heartbeatInterval() {
    synchronized (lock) {
      return heartbeatIntervalMs > 0
          ? Optional.of(Duration.ofMillis(heartbeatIntervalMs))
          : Optional.empty();
    }
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
    return "GatewayClient" + name + "[" + state() + "]";
  }

  // ---------------------------------------------------------------- payload handling (locked)

  private void handle(Envelope envelope) {
    if (state instanceof Closed) {
      return;
    }
    Opcode opcode = envelope.opcode();
    if (opcode == null || !opcode.clientReceives()) {
      log.warn("{} skipped payload with unexpected opcode {}", name, envelope.op());
      return;
    }
    switch (opcode) {
      case DISPATCH -> onDispatch(envelope);
      case HEARTBEAT -> {
        log.debug("{} server asked for a heartbeat", name);
        if (heartbeatIntervalMs > 0) {
          sendHeartbeat();
        } else {
          log.debug("{} heartbeat request before Hello ignored", name);
        }
      }
      case HEARTBEAT_ACK -> onHeartbeatAck();
      case RECONNECT -> {
        log.debug("{} server requested a reconnect", name);
        closeLocally(
            CloseCode.RESUMABLE_CLOSE,
            "Reconnect requested",
            resumeOrIdentify(),
            null,
            false,
            null);
      }
      case INVALID_SESSION -> onInvalidSession(envelope.data());
      case HELLO -> onHello(envelope.data());
      default -> log.warn("{} skipped payload with opcode {}", name, envelope.op());
    }
  }

  private void onHello(RawJson data) {
    Hello hello;
    try {
      hello = data == null ? null : data.decode(Hello.class);
    } catch (GatewayException e) {
      fail(
          new GatewayException(
              GatewayException.Kind.PROTOCOL_ERROR,
              "Hello could not be decoded: " + e.getMessage(),
              -1,
              Opcode.HELLO,
              e));
      return;
    }
    if (hello == null || hello.heartbeatInterval() <= 0) {
      fail(
          new GatewayException(
              GatewayException.Kind.PROTOCOL_ERROR,
              "Hello without a positive heartbeat_interval",
              -1,
              Opcode.HELLO,
              null));
      return;
    }
    state.onHello(hello);
  }

  private void onInvalidSession(RawJson data) {
    boolean resumable = data != null && "true".equals(data.json().trim());
    if (resumable) {
      log.debug("{} invalid session (resumable): reconnecting to resume", name);
      closeLocally(
          CloseCode.RESUMABLE_CLOSE,
          "Invalid session (resumable)",
          resumeOrIdentify(),
          null,
          false,
          null);
    } else {
      log.debug("{} invalid session: identifying anew after a short delay", name);
      discardSession();
      long delayMs = 1000 + (long) (random.nextDouble() * 4000);
      closeLocally(
          CloseCode.RESUMABLE_CLOSE,
          "Invalid session",
          NextStep.IDENTIFY,
          new GatewayException(
              GatewayException.Kind.SESSION_INVALIDATED,
              "Discord invalidated the session (op 9, not resumable)",
              -1,
              Opcode.INVALID_SESSION,
              null),
          false,
          Duration.ofMillis(delayMs));
    }
  }

  private void onDispatch(Envelope envelope) {
    if (envelope.hasSequence()) {
      long seq = envelope.sequence();
      // READY starts a new session and its numbering; otherwise a number that does not move
      // forward is one already handled: delivering it again would duplicate it, and keeping it
      // would make a later Resume ask for a replay of what was delivered.
      if (seq <= sequence && !"READY".equals(envelope.type())) {
        log.warn(
            "{} skipped dispatch {} with seq {}: not after seq {} (duplicate or out of order)",
            name,
            envelope.type(),
            seq,
            sequence);
        return;
      }
      if (sequence != Envelope.NO_SEQUENCE && seq > sequence + 1 && state instanceof Connected) {
        log.warn("{} sequence gap: seq {} follows seq {}", name, seq, sequence);
      }
      sequence = seq;
    }
    String type = envelope.type();
    if (type == null) {
      log.warn("{} skipped dispatch without event name (seq {})", name, envelope.sequence());
      return;
    }
    EventType eventType = EventType.of(type).orElse(null);
    if (eventType == null) {
      log.debug("{} dispatch with unknown event name {} (seq {})", name, type, sequence);
    } else if (log.isTraceEnabled()) {
      log.trace("{} dispatch {} seq {}", name, type, envelope.sequence());
    }
    Dispatch dispatch = new Dispatch(envelope.sequence(), type, eventType, envelope.data());
    if (eventType == EventType.READY) {
      state.onReady(dispatch);
    } else if (eventType == EventType.RESUMED) {
      state.onResumed(dispatch);
    } else {
      deliver(dispatch);
    }
  }

  private void deliver(Dispatch dispatch) {
    try {
      listener.onDispatch(dispatch);
    } catch (RuntimeException e) {
      log.warn("{} listener failed", name, e);
    }
  }

  // ---------------------------------------------------------------- heartbeats (locked)

  private void startHeartbeating(long intervalMs) {
    heartbeatIntervalMs = intervalMs;
    double jitter = random.nextDouble();
    if (!(jitter >= 0 && jitter < 1)) {
      jitter = 0;
    }
    long firstDelay = (long) (intervalMs * jitter);
    heartbeatTask = scheduler.schedule(this::heartbeatTick, Duration.ofMillis(firstDelay));
  }

  private void heartbeatTick() {
    synchronized (lock) {
      if (state instanceof Closed) {
        return;
      }
      Instant now = clock.instant();
      boolean lenient = readingPaused || pausedThisInterval;
      if (ackPending
          && !lenient
          && Duration.between(ackPendingSince, now).toMillis() >= heartbeatIntervalMs / 2) {
        log.warn(
            "{} no heartbeat ACK since {}: zombie connection, reconnecting to resume",
            name,
            ackPendingSince);
        closeLocally(
            CloseCode.RESUMABLE_CLOSE,
            "Heartbeat not acknowledged",
            resumeOrIdentify(),
            new GatewayException(
                GatewayException.Kind.ZOMBIE_CONNECTION,
                "No heartbeat ACK within " + heartbeatIntervalMs + " ms",
                -1,
                Opcode.HEARTBEAT,
                null),
            true,
            null);
        return;
      }
      pausedThisInterval = readingPaused;
      sendHeartbeat();
      heartbeatTask =
          scheduler.schedule(this::heartbeatTick, Duration.ofMillis(heartbeatIntervalMs));
    }
  }

  private void sendHeartbeat() {
    long seq = sequence;
    outbound.sendPriority(Opcode.HEARTBEAT, PayloadEncoder.encodeHeartbeat(seq));
    Instant now = clock.instant();
    lastHeartbeatAt = now;
    if (!ackPending) {
      ackPending = true;
      ackPendingSince = now;
    }
    log.trace("{} heartbeat sent with seq {}", name, seq);
    safely(() -> listener.onHeartbeatSent(seq));
  }

  private void onHeartbeatAck() {
    if (!ackPending || lastHeartbeatAt == null) {
      log.debug("{} heartbeat ACK without a pending heartbeat", name);
      return;
    }
    ackPending = false;
    Duration roundTrip = Duration.between(lastHeartbeatAt, clock.instant());
    lastRoundTrip = roundTrip;
    log.trace("{} heartbeat ACK after {}", name, roundTrip);
    safely(() -> listener.onHeartbeatAck(roundTrip));
  }

  // ---------------------------------------------------------------- session start (locked)

  private void requestIdentify() {
    CompletableFuture<IdentifyPermit> future;
    try {
      future = identifyLimiter.acquire(settings.shardId(), maxConcurrency);
    } catch (RuntimeException e) {
      fail(
          new GatewayException(
              GatewayException.Kind.CONNECTION_FAILED,
              "Identify limiter failed: " + e.getMessage(),
              e));
      return;
    }
    permit = future;
    log.debug("{} waiting for an identify permit", name);
    future.whenComplete(this::onPermit);
  }

  private void onPermit(IdentifyPermit granted, Throwable failure) {
    synchronized (lock) {
      if (!(state instanceof Identifying) || identifySent) {
        return;
      }
      if (failure != null) {
        Throwable cause =
            failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof CancellationException) {
          return;
        }
        fail(
            cause instanceof GatewayException ge
                ? ge
                : new GatewayException(
                    GatewayException.Kind.CONNECTION_FAILED,
                    "Identify limiter failed: " + cause.getClass().getSimpleName(),
                    cause));
        return;
      }
      identifySent = true;
      String payload = PayloadEncoder.encode(Opcode.IDENTIFY, settings.toIdentify());
      log.debug("{} identifying (intents {})", name, settings.intents());
      outbound.sendPriority(Opcode.IDENTIFY, payload);
      safely(listener::onIdentifySent);
    }
  }

  private void sendResume() {
    long seq = Math.max(0, sequence);
    String payload =
        PayloadEncoder.encode(Opcode.RESUME, new Resume(settings.token(), sessionId, seq));
    log.debug("{} resuming session at seq {}", name, seq);
    outbound.sendPriority(Opcode.RESUME, payload);
    safely(listener::onResumeSent);
  }

  // ---------------------------------------------------------------- closing (locked)

  private NextStep resumeOrIdentify() {
    return sessionId != null && resumeUrl != null ? NextStep.RESUME : NextStep.IDENTIFY;
  }

  private void discardSession() {
    sessionId = null;
    resumeUrl = null;
    sequence = Envelope.NO_SEQUENCE;
  }

  private void fail(GatewayException error) {
    if (state instanceof Closed) {
      return;
    }
    log.warn("{} closing the connection: {}", name, error.getMessage());
    safely(() -> listener.onError(error));
    closeLocally(
        CloseCode.RESUMABLE_CLOSE,
        "Client error: " + error.kind(),
        resumeOrIdentify(),
        error,
        false,
        null);
  }

  private void closeLocally(
      int code,
      String reason,
      NextStep next,
      GatewayException error,
      boolean zombie,
      Duration delay) {
    if (state instanceof Closed) {
      return;
    }
    finish(code, reason, next, error, zombie, true, delay == null ? Duration.ZERO : delay);
    try {
      sink.close(code, reason);
    } catch (RuntimeException e) {
      log.debug("{} closing the sink failed: {}", name, e.toString());
    }
  }

  private void finish(
      int code,
      String reason,
      NextStep next,
      GatewayException error,
      boolean zombie,
      boolean local,
      Duration delay) {
    transition(new Closed());
    if (heartbeatTask != null) {
      heartbeatTask.cancel();
      heartbeatTask = null;
    }
    if (permit != null && !permit.isDone()) {
      permit.cancel(false);
    }
    outbound.close();
    SessionSnapshot snapshot =
        sessionId == null && resumeUrl == null
            ? SessionSnapshot.NONE
            : new SessionSnapshot(sessionId, sequence, resumeUrl);
    outcome = new CloseOutcome(code, reason, next, error, snapshot, zombie, local, delay);
    if (next == NextStep.STOP_FATAL) {
      log.debug(
          "{} closed with {} ({}): fatal, not reconnecting. {}",
          name,
          code,
          reason,
          error == null ? "" : error.getMessage());
    } else {
      log.debug(
          "{} closed with {} ({}) {}; next: {}",
          name,
          code,
          reason.isEmpty() ? "no reason" : reason,
          local ? "by the client" : "by the server or the network",
          next);
    }
    CloseOutcome result = outcome;
    safely(() -> listener.onClosed(result));
  }

  private void transition(State next) {
    ClientState previous = state.phase();
    state = next;
    if (previous == ClientState.IDENTIFYING && next.phase() != previous && identifySent) {
      safely(() -> identifyLimiter.identifyAnswered(settings.shardId(), maxConcurrency));
    }
    if (next instanceof Closed) {
      closed = true;
    }
    if (previous != next.phase()) {
      log.debug("{} {} -> {}", name, previous, next.phase());
      safely(() -> listener.onStateChanged(previous, next.phase()));
    }
  }

  private void safely(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.warn("{} listener failed", name, e);
    }
  }

  // ---------------------------------------------------------------- states

  /** A phase of the connection; the default behaviour is shared by all phases. */
  private abstract class State {
    abstract ClientState phase();

    void onHello(Hello hello) {
      log.warn("{} ignored a second Hello in {}", name, phase());
    }

    void onReady(Dispatch dispatch) {
      log.warn("{} unexpected READY in {}; taking its session", name, phase());
      acceptReady(dispatch);
    }

    void onResumed(Dispatch dispatch) {
      log.debug("{} RESUMED outside of a resume", name);
      deliver(dispatch);
    }
  }

  private final class AwaitingHello extends State {
    @Override
    ClientState phase() {
      return ClientState.HELLO;
    }

    @Override
    void onHello(Hello hello) {
      long interval = hello.heartbeatInterval();
      log.debug("{} hello: heartbeat interval {} ms", name, interval);
      safely(() -> listener.onHello(Duration.ofMillis(interval)));
      outbound.helloReceived();
      startHeartbeating(interval);
      if (sessionId != null && resumeUrl != null) {
        transition(new Resuming());
        sendResume();
      } else {
        transition(new Identifying());
        requestIdentify();
      }
    }
  }

  private final class Identifying extends State {
    @Override
    ClientState phase() {
      return ClientState.IDENTIFYING;
    }

    @Override
    void onReady(Dispatch dispatch) {
      acceptReady(dispatch);
    }
  }

  private final class Resuming extends State {
    @Override
    ClientState phase() {
      return ClientState.RESUMING;
    }

    @Override
    void onResumed(Dispatch dispatch) {
      log.debug("{} resumed at seq {}", name, sequence);
      transition(new Connected());
      outbound.sessionReady();
      safely(listener::onResumed);
      deliver(dispatch);
    }
  }

  private final class Connected extends State {
    @Override
    ClientState phase() {
      return ClientState.CONNECTED;
    }
  }

  private final class Closed extends State {
    @Override
    ClientState phase() {
      return ClientState.CLOSED;
    }

    @Override
    void onHello(Hello hello) {}

    @Override
    void onReady(Dispatch dispatch) {}

    @Override
    void onResumed(Dispatch dispatch) {}
  }

  private void acceptReady(Dispatch dispatch) {
    Ready ready;
    try {
      ready = dispatch.data() == null ? null : dispatch.data().decode(Ready.class);
    } catch (GatewayException e) {
      fail(
          new GatewayException(
              GatewayException.Kind.DECODE_ERROR,
              "READY could not be decoded: " + e.getMessage(),
              e));
      return;
    }
    if (ready == null || ready.sessionId() == null || ready.sessionId().isEmpty()) {
      fail(
          new GatewayException(
              GatewayException.Kind.PROTOCOL_ERROR, "READY without session_id", -1, null, null));
      return;
    }
    sessionId = ready.sessionId();
    resumeUrl = ready.resumeGatewayUrl();
    if (resumeUrl == null) {
      log.warn("{} READY without resume_gateway_url: this session cannot be resumed", name);
    }
    log.debug(
        "{} ready: session started with {} guilds (API v{})",
        name,
        ready.guilds().size(),
        ready.v());
    transition(new Connected());
    outbound.sessionReady();
    safely(() -> listener.onReady(ready));
    deliver(dispatch);
  }

  // ---------------------------------------------------------------- builder

  /**
   * Builds a {@link GatewayClient}. Settings, sink, scheduler and identify limiter are required.
   */
  public static final class Builder {
    private GatewaySettings settings;
    private FrameSink sink;
    private GatewayScheduler scheduler;
    private InstantSource clock;
    private RandomGenerator random;
    private IdentifyLimiter identifyLimiter;
    private int maxConcurrency = 1;
    private GatewayClientListener listener;
    private SessionSnapshot resumeFrom;
    private CommandRateLimiter rateLimiter;
    private int maxPayloadBytes = Compression.DEFAULT_MAX_PAYLOAD_BYTES;
    private int maxPendingCommands = OutboundQueue.DEFAULT_MAX_PENDING;

    private Builder() {}

    /**
     * Sets what to identify with (token, intents, shard, presence, compression, ...).
     *
     * @param settings the settings
     * @return this
     */
    public Builder settings(GatewaySettings settings) {
      this.settings = settings;
      return this;
    }

    /**
     * Sets where frames go (usually the connection; it may buffer until the connection is open).
     *
     * @param sink the sink
     * @return this
     */
    public Builder sink(FrameSink sink) {
      this.sink = sink;
      return this;
    }

    /**
     * Sets the scheduler for heartbeats and rate-limit waits.
     *
     * @param scheduler the scheduler
     * @return this
     */
    public Builder scheduler(GatewayScheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * Sets the time source (default: the system clock).
     *
     * @param clock the time source
     * @return this
     */
    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets the random source for heartbeat jitter and the invalid-session delay.
     *
     * @param random the random source
     * @return this
     */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /**
     * Sets the identify limiter and {@code max_concurrency}.
     *
     * @param identifyLimiter the limiter
     * @param maxConcurrency {@code max_concurrency} from {@code GET /gateway/bot}
     * @return this
     */
    public Builder identifyLimiter(IdentifyLimiter identifyLimiter, int maxConcurrency) {
      if (maxConcurrency < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1");
      }
      this.identifyLimiter = identifyLimiter;
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Sets the identify limiter with {@code max_concurrency} 1.
     *
     * @param identifyLimiter the limiter
     * @return this
     */
    public Builder identifyLimiter(IdentifyLimiter identifyLimiter) {
      return identifyLimiter(identifyLimiter, 1);
    }

    /**
     * Sets the listener.
     *
     * @param listener the listener
     * @return this
     */
    public Builder listener(GatewayClientListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Resumes this session instead of identifying (when it is {@link SessionSnapshot#resumable()}).
     *
     * @param snapshot the parent session, or {@code null}
     * @return this
     */
    public Builder resumeFrom(SessionSnapshot snapshot) {
      this.resumeFrom = snapshot;
      return this;
    }

    /**
     * Replaces the send limiter (default: 120 per 60 s, 10 kept for heartbeats).
     *
     * @param rateLimiter the limiter of this connection
     * @return this
     */
    public Builder rateLimiter(CommandRateLimiter rateLimiter) {
      this.rateLimiter = rateLimiter;
      return this;
    }

    /**
     * Sets the largest decompressed payload accepted.
     *
     * @param maxPayloadBytes the limit in bytes
     * @return this
     */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /**
     * Sets how many ordinary commands may wait.
     *
     * @param maxPendingCommands the bound
     * @return this
     */
    public Builder maxPendingCommands(int maxPendingCommands) {
      this.maxPendingCommands = maxPendingCommands;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client, in phase {@link ClientState#HELLO}
     */
    public GatewayClient build() {
      return new GatewayClient(this);
    }
  }
}
