package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.ClientState;
import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.client.Dispatch;
import io.github.discordgateway.core.client.GatewayClient;
import io.github.discordgateway.core.client.GatewayClientListener;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.client.GatewayUris;
import io.github.discordgateway.core.client.NextStep;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.Envelope;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.event.DeliveryQueue;
import io.github.discordgateway.core.event.FlowControl;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardConnected;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.event.ShardResumed;
import io.github.discordgateway.core.event.ShardStateChanged;
import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.GatewayCommand;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.Ready;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Supervises one shard across connections: opens a connection, drives a {@link GatewayClient} on
 * it, and when that client closes decides by its outcome whether to resume (a new client from the
 * old session, on {@code resume_gateway_url}), identify again, or stop for good. Reconnects back
 * off exponentially with full jitter, capped, and the attempts count from zero again after a
 * connection stayed up for {@link BackoffPolicy#resetAfter()}. A shard that keeps failing never
 * spins.
 *
 * <p>Dispatches and lifecycle events go to the listener through a bounded {@link DeliveryQueue} on
 * the shared delivery executor: in order, never on the socket reader or the scheduler thread. When
 * the queue is full the shard pauses reading from its socket until listeners catch up; heartbeats
 * keep going and nothing is dropped.
 *
 * <p>A shard owns no thread: timers run on the shared scheduler, listeners on the shared executor,
 * frames arrive on the transport's threads.
 *
 * <pre>{@code
 * Shard shard = new Shard(settings.withShard(0, 1), context, ShardOptions.defaults(), listener);
 * shard.start().join();         // READY or RESUMED
 * shard.send(new UpdatePresence(...));
 * shard.stop();                 // resumable close, session kept in the SessionStore
 * }</pre>
 */
public final class Shard {

  private static final Logger log = LoggerFactory.getLogger(Shard.class);

  /** Failures to read the payload after one sequence before the session is given up. */
  static final int UNREADABLE_LIMIT = 3;

  /** WebSocket close 1009: a message was larger than the transport accepts. */
  private static final int MESSAGE_TOO_BIG = 1009;

  private final int id;
  private final int count;
  private final GatewaySettings settings;
  private final ShardContext context;
  private final ShardOptions options;
  private final GatewayEventListener listener;
  private final DeliveryQueue<ShardEvent> delivery;
  private final ReconnectBackoff backoff;
  private final String name;
  private final Object lock = new Object();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong identifies = new AtomicLong();
  private final AtomicLong resumes = new AtomicLong();
  private final Set<Long> guilds = java.util.concurrent.ConcurrentHashMap.newKeySet();

  // guarded by lock
  private ShardStatus status = ShardStatus.STOPPED;
  private Instant statusSince;
  private String statusReason = "";
  private volatile Attempt current;
  private SessionSnapshot session = SessionSnapshot.NONE;
  private boolean running;
  private Cancellable pendingConnect;
  private Instant connectedAt;
  private int lastCloseCode = -1;
  private String lastCloseReason = "";
  private GatewayException fatalError;
  private long unreadableSequence = Envelope.NO_SEQUENCE;
  private int unreadableCount;
  private CompletableFuture<Void> ready = new CompletableFuture<>();
  private CompletableFuture<Void> handshakeStarted = new CompletableFuture<>();
  private CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);

  private volatile Duration heartbeatRoundTrip;
  private volatile Instant lastAck;
  private volatile Instant lastDispatch;
  // nanoTime of the last refresh of lastDispatch: the clock is read at most once per millisecond
  private long lastDispatchRefreshNanos;
  private volatile long sequence = Envelope.NO_SEQUENCE;
  private volatile int guildCount;

  /**
   * Creates a shard; it connects on {@link #start()}.
   *
   * @param settings what to identify with; its shard must be set
   * @param context the resources shared by the shards of this process
   * @param options connection and delivery settings
   * @param listener receives dispatches and lifecycle events
   */
  public Shard(
      GatewaySettings settings,
      ShardContext context,
      ShardOptions options,
      GatewayEventListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (settings.shard() == null) {
      throw new IllegalArgumentException("The settings of a shard must name the shard");
    }
    this.id = settings.shardId();
    this.count = settings.shardCount();
    this.context = Objects.requireNonNull(context, "context");
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.name = "[shard " + id + "/" + count + "]";
    this.backoff = new ReconnectBackoff(options.backoff(), context.random().get());
    this.statusSince = context.clock().instant();
    this.delivery =
        new DeliveryQueue<>(
            context.deliveryExecutor(),
            this::deliver,
            this::deliveryFailed,
            new ReadingFlowControl(),
            options.eventQueueCapacity(),
            options.deliveryBatchSize());
  }

  /** Returns the shard id. */
  public int id() {
    return id;
  }

  /** Returns the total shard count. */
  public int count() {
    return count;
  }

  /**
   * Starts connecting: resumes the session found in the {@link
   * io.github.discordgateway.core.session.SessionStore}, else identifies. Calling it on a running
   * shard has no effect.
   *
   * @return completes when the session is live (READY or RESUMED), or exceptionally when the shard
   *     hits a fatal close code or is stopped first
   */
  public CompletableFuture<Void> start() {
    synchronized (lock) {
      if (running) {
        return ready;
      }
      running = true;
      fatalError = null;
      if (ready.isDone()) {
        ready = new CompletableFuture<>();
      }
      if (handshakeStarted.isDone()) {
        handshakeStarted = new CompletableFuture<>();
      }
      stopped = new CompletableFuture<>();
      session =
          context.sessionStore().load(id, count).filter(SessionSnapshot::resumable).orElse(session);
      backoff.reset();
      connectLocked();
      return ready;
    }
  }

  /**
   * Returns a future that completes once this shard sent Identify or Resume on its current start
   * (or stopped trying): the shard manager starts the next identify bucket after it.
   */
  public CompletableFuture<Void> handshakeStarted() {
    synchronized (lock) {
      return handshakeStarted;
    }
  }

  /** Returns the future of the current start: completes at READY or RESUMED. */
  public CompletableFuture<Void> ready() {
    synchronized (lock) {
      return ready;
    }
  }

  /**
   * Stops gracefully: closes with a resumable code (never 1000) and keeps the session in the store,
   * so the next start resumes.
   *
   * @return completes when the connection is closed
   */
  public CompletableFuture<Void> stop() {
    return shutdown(false);
  }

  /**
   * Logs out: closes with 1000, which ends the session on Discord's side, and forgets it.
   *
   * @return completes when the connection is closed
   */
  public CompletableFuture<Void> logout() {
    return shutdown(true);
  }

  private CompletableFuture<Void> shutdown(boolean logout) {
    Attempt attempt;
    CompletableFuture<Void> done;
    synchronized (lock) {
      if (!running) {
        if (logout) {
          session = SessionSnapshot.NONE;
          context.sessionStore().remove(id, count);
        }
        return stopped;
      }
      running = false;
      if (pendingConnect != null) {
        pendingConnect.cancel();
        pendingConnect = null;
      }
      attempt = current;
      done = stopped;
    }
    if (attempt != null && !attempt.client.isClosed()) {
      if (logout) {
        attempt.client.logout();
      } else {
        attempt.client.disconnect("Shutting down");
      }
    } else {
      finishStop(attempt, logout ? SessionSnapshot.NONE : null, logout);
    }
    return done;
  }

  /**
   * Drops the current connection with a resumable code and resumes on a new one (for operators and
   * tests). A stopped or fatal shard is not restarted.
   */
  public void reconnect() {
    Attempt attempt;
    synchronized (lock) {
      attempt = running ? current : null;
    }
    if (attempt != null) {
      attempt.client.disconnect("Reconnect requested");
    }
  }

  /**
   * Sends a gateway command on this shard, once the session is live and within the rate limit.
   *
   * @param command the command (validated when it was built)
   * @return completes when the command was written
   * @throws GatewayException of kind {@code PAYLOAD_TOO_LARGE} for a command over 4096 bytes
   */
  public CompletableFuture<Void> send(GatewayCommand command) {
    Attempt attempt;
    synchronized (lock) {
      attempt = current;
    }
    if (attempt == null) {
      return CompletableFuture.failedFuture(
          new GatewayException(
              GatewayException.Kind.NOT_CONNECTED,
              name + " is not connected",
              -1,
              command.opcode(),
              null));
    }
    return attempt.client.send(command);
  }

  /** Returns a point-in-time view of this shard (no token). */
  public ShardState state() {
    synchronized (lock) {
      return new ShardState(
          id,
          count,
          status,
          statusSince,
          statusReason,
          backoff.attempts(),
          lastCloseCode,
          lastCloseReason,
          heartbeatRoundTrip,
          lastAck,
          lastDispatch,
          sequence,
          session.sessionId(),
          guildCount,
          connections.get(),
          identifies.get(),
          resumes.get());
    }
  }

  /** Returns what the shard is doing. */
  public ShardStatus status() {
    synchronized (lock) {
      return status;
    }
  }

  /** Returns the fatal error that stopped this shard, if any. */
  public GatewayException fatalError() {
    synchronized (lock) {
      return fatalError;
    }
  }

  /** Returns the number of events waiting for listeners. */
  public int queuedEvents() {
    return delivery.size();
  }

  /** Returns whether reading is paused because listeners fell behind. */
  public boolean readingPaused() {
    return delivery.paused();
  }

  @Override
  public String toString() {
    return "Shard" + name + "[" + status() + "]";
  }

  // ------------------------------------------------------------------ connection attempts

  private void connectLocked() {
    pendingConnect = null;
    if (!running) {
      return;
    }
    SessionSnapshot parent = session;
    URI uri =
        GatewayUris.nextConnectUri(
            context.discoveryUrl(), parent, settings.compression(), settings.encoding());
    Attempt attempt = new Attempt(parent);
    current = attempt;
    setStatusLocked(ShardStatus.CONNECTING, parent.resumable() ? "resuming" : "identifying");
    connections.incrementAndGet();
    log.debug("{} connecting to {}", name, redact(uri));
    CompletableFuture<GatewayConnection> future;
    try {
      future = context.transport().connect(uri, attempt, options.connectTimeout());
    } catch (RuntimeException ex) {
      future = CompletableFuture.failedFuture(ex);
    }
    future.whenComplete(
        (connection, error) -> {
          if (error != null) {
            attempt.connectFailed(error);
          }
        });
    attempt.helloTimer =
        context
            .scheduler()
            .schedule(attempt::checkHello, options.connectTimeout().plus(options.helloTimeout()));
  }

  private static String redact(URI uri) {
    return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
  }

  private void attemptClosed(Attempt attempt, CloseOutcome outcome) {
    ShardDisconnected disconnected =
        new ShardDisconnected(
            id,
            outcome.code(),
            outcome.reason(),
            outcome.nextStep(),
            outcome.closedLocally(),
            outcome.zombie());
    boolean stopNow;
    boolean logout = outcome.nextStep() == NextStep.STOP_LOGOUT;
    synchronized (lock) {
      if (attempt != current) {
        return;
      }
      attempt.cancelTimers();
      lastCloseCode = outcome.code();
      lastCloseReason = outcome.reason();
      if (outcome.zombie()) {
        setStatusLocked(ShardStatus.ZOMBIE, "heartbeat not acknowledged");
      }
      // keep the session as the client left it: resumable, or discarded
      SessionSnapshot next = outcome.snapshot() == null ? SessionSnapshot.NONE : outcome.snapshot();
      if (outcome.nextStep() == NextStep.IDENTIFY || logout) {
        next = SessionSnapshot.NONE;
      }
      next = giveUpOnUnreadablePayload(outcome, next);
      session = next;
      if (session.resumable()) {
        context.sessionStore().save(id, count, session);
      } else {
        context.sessionStore().remove(id, count);
      }
      stopNow = !running || outcome.nextStep() == NextStep.STOP_FATAL || logout;
    }
    delivery.offer(disconnected);
    if (outcome.nextStep() == NextStep.STOP_FATAL) {
      fatal(outcome);
      return;
    }
    if (stopNow) {
      finishStop(attempt, null, logout);
      return;
    }
    scheduleReconnect(outcome);
  }

  /**
   * A payload this client cannot read (undecodable, corrupt, over the size limit) comes back in
   * every replay of a resume, so resuming would fail at the same sequence forever. After {@value
   * #UNREADABLE_LIMIT} such failures in a row without progress, the session is given up and the
   * shard identifies anew: the events after that sequence are lost, but the shard lives.
   */
  private SessionSnapshot giveUpOnUnreadablePayload(CloseOutcome outcome, SessionSnapshot next) {
    if (!next.resumable() || !unreadable(outcome)) {
      unreadableSequence = Envelope.NO_SEQUENCE;
      unreadableCount = 0;
      return next;
    }
    if (next.sequence() == unreadableSequence) {
      unreadableCount++;
    } else {
      unreadableSequence = next.sequence();
      unreadableCount = 1;
    }
    if (unreadableCount < UNREADABLE_LIMIT) {
      return next;
    }
    log.error(
        "{} a payload after seq {} could not be read {} times in a row ({}); giving up the session"
            + " and identifying anew: the events after seq {} are lost",
        name,
        next.sequence(),
        unreadableCount,
        outcome.error() == null ? "close " + outcome.code() : outcome.error().getMessage(),
        next.sequence());
    unreadableSequence = Envelope.NO_SEQUENCE;
    unreadableCount = 0;
    return SessionSnapshot.NONE;
  }

  private static boolean unreadable(CloseOutcome outcome) {
    if (outcome.code() == MESSAGE_TOO_BIG) {
      return true;
    }
    GatewayException error = outcome.error();
    return error != null
        && (error.kind() == GatewayException.Kind.DECODE_ERROR
            || error.kind() == GatewayException.Kind.DECOMPRESSION_ERROR);
  }

  private void fatal(CloseOutcome outcome) {
    GatewayException error =
        outcome.error() != null
            ? outcome.error()
            : new GatewayException(
                GatewayException.Kind.PROTOCOL_ERROR,
                "Fatal close " + outcome.code() + ": " + outcome.reason());
    CompletableFuture<Void> readyFuture;
    CompletableFuture<Void> handshake;
    CompletableFuture<Void> done;
    synchronized (lock) {
      running = false;
      fatalError = error;
      current = null;
      setStatusLocked(ShardStatus.FATAL, describeClose(outcome.code(), outcome.reason()));
      readyFuture = ready;
      handshake = handshakeStarted;
      done = stopped;
    }
    log.error(
        "{} stopped for good after close {} ({}): {}. Not retrying; fix the configuration.",
        name,
        outcome.code(),
        CloseCode.of(outcome.code()).description(),
        error.getMessage());
    delivery.offer(new ShardFatal(id, outcome.code(), error));
    readyFuture.completeExceptionally(error);
    handshake.complete(null);
    done.complete(null);
  }

  /**
   * Completes a stop of {@code stopped}'s connection. A {@link #start()} that ran since (another
   * thread restarting the shard) owns the shard now and is left alone.
   */
  private void finishStop(Attempt stoppedAttempt, SessionSnapshot override, boolean logout) {
    CompletableFuture<Void> readyFuture;
    CompletableFuture<Void> handshake;
    CompletableFuture<Void> done;
    synchronized (lock) {
      if (current != stoppedAttempt) {
        return;
      }
      running = false;
      current = null;
      if (override != null) {
        session = override;
      }
      if (logout) {
        session = SessionSnapshot.NONE;
        context.sessionStore().remove(id, count);
      }
      setStatusLocked(ShardStatus.STOPPED, logout ? "logged out" : "stopped");
      readyFuture = ready;
      handshake = handshakeStarted;
      done = stopped;
    }
    readyFuture.completeExceptionally(
        new GatewayException(GatewayException.Kind.NOT_CONNECTED, name + " was stopped"));
    handshake.complete(null);
    done.complete(null);
  }

  private void scheduleReconnect(CloseOutcome outcome) {
    boolean resume = outcome.nextStep() == NextStep.RESUME && session.resumable();
    String reason = reasonOf(outcome);
    synchronized (lock) {
      if (!running) {
        return;
      }
      Instant now = context.clock().instant();
      if (connectedAt != null
          && Duration.between(connectedAt, now).compareTo(options.backoff().resetAfter()) >= 0) {
        backoff.reset();
      }
      connectedAt = null;
      Duration delay = backoff.next();
      if (outcome.suggestedDelay() != null && outcome.suggestedDelay().compareTo(delay) > 0) {
        delay = outcome.suggestedDelay();
      }
      int attemptNumber = backoff.attempts();
      setStatusLocked(
          ShardStatus.RECONNECTING,
          reason
              + "; "
              + (resume ? "resuming" : "identifying")
              + " in "
              + delay.toMillis()
              + " ms (attempt "
              + attemptNumber
              + ")");
      // queued before the timer exists, so listeners see it before the next CONNECTING
      delivery.offer(new ShardReconnecting(id, attemptNumber, delay, resume, reason));
      pendingConnect =
          context
              .scheduler()
              .schedule(
                  () -> {
                    synchronized (lock) {
                      connectLocked();
                    }
                  },
                  delay);
    }
    context.observer().reconnecting(id, reasonTag(outcome), resume);
  }

  private static String reasonOf(CloseOutcome outcome) {
    if (outcome.zombie()) {
      return "zombie connection (heartbeat not acknowledged)";
    }
    return describeClose(outcome.code(), outcome.reason());
  }

  private static String describeClose(int code, String reason) {
    String known = CloseCode.of(code) == CloseCode.UNKNOWN ? "" : CloseCode.of(code).description();
    StringBuilder text = new StringBuilder("close ").append(code);
    if (!known.isEmpty()) {
      text.append(" (").append(known).append(')');
    }
    if (reason != null && !reason.isEmpty() && !reason.equals(known)) {
      text.append(": ").append(reason);
    }
    return text.toString();
  }

  /** A bounded-cardinality reason for metrics. */
  private static String reasonTag(CloseOutcome outcome) {
    if (outcome.zombie()) {
      return "zombie";
    }
    if (outcome.code() == CloseCode.RESUMABLE_CLOSE) {
      return outcome.error() != null ? outcome.error().kind().name().toLowerCase() : "client";
    }
    CloseCode code = CloseCode.of(outcome.code());
    return code == CloseCode.UNKNOWN ? "other" : String.valueOf(outcome.code());
  }

  private void setStatusLocked(ShardStatus next, String reason) {
    ShardStatus previous = status;
    statusReason = reason == null ? "" : reason;
    if (previous == next) {
      return;
    }
    status = next;
    statusSince = context.clock().instant();
    // one INFO line per lifecycle change; a fatal stop gets its ERROR line from fatal()
    if (next != ShardStatus.FATAL && log.isInfoEnabled()) {
      log.info(
          "{} {} -> {}{}",
          name,
          previous,
          next,
          statusReason.isEmpty() ? "" : " (" + statusReason + ")");
    }
    context.observer().statusChanged(id, previous, next);
    delivery.offer(new ShardStateChanged(id, previous, next, statusReason));
  }

  // ------------------------------------------------------------------ delivery

  private void deliver(ShardEvent event) {
    if (event instanceof ShardDispatch dispatch) {
      trackGuilds(dispatch);
      long start = System.nanoTime();
      boolean failed = false;
      try {
        listener.onEvent(event);
      } catch (RuntimeException | Error ex) {
        failed = true;
        throw ex;
      } finally {
        context
            .observer()
            .dispatchDelivered(
                id, dispatch.type(), Duration.ofNanos(System.nanoTime() - start), failed);
      }
    } else {
      listener.onEvent(event);
    }
  }

  private void deliveryFailed(ShardEvent event, Throwable error) {
    if (event instanceof ShardDispatch dispatch) {
      log.error(
          "{} listener failed on {} (seq {}); continuing with the next event",
          name,
          dispatch.type(),
          dispatch.sequence(),
          error);
    } else {
      log.error(
          "{} listener failed on {}; continuing", name, event.getClass().getSimpleName(), error);
    }
  }

  private void trackGuilds(ShardDispatch dispatch) {
    EventType type = dispatch.eventType();
    if (type == null || dispatch.data() == null) {
      return;
    }
    switch (type) {
      case GUILD_CREATE -> {
        long guildId = topLevelId(dispatch.data());
        if (guildId != 0) {
          guilds.add(guildId);
        }
      }
      case GUILD_DELETE -> {
        // GUILD_DELETE is tiny: one tree answers both questions (removed? which guild?)
        var tree = safeTree(dispatch.data());
        if (tree != null && !tree.has("unavailable")) {
          guilds.remove(snowflake(tree.path("id")));
        }
      }
      default -> {
        return;
      }
    }
    guildCount = guilds.size();
  }

  private static tools.jackson.databind.JsonNode safeTree(RawJson data) {
    try {
      return data.tree();
    } catch (RuntimeException ex) {
      return null;
    }
  }

  private static long snowflake(tools.jackson.databind.JsonNode id) {
    try {
      return id.isNumber() ? id.asLong() : Long.parseUnsignedLong(id.asString());
    } catch (RuntimeException ex) {
      return 0;
    }
  }

  /** Reads the top-level {@code id} without building the tree (GUILD_CREATE can be megabytes). */
  private static long topLevelId(RawJson data) {
    try (JsonParser parser =
        io.github.discordgateway.core.codec.GatewayJson.mapper().createParser(data.bytes())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return 0;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("id".equals(field)) {
          return value == JsonToken.VALUE_NUMBER_INT
              ? parser.getLongValue()
              : Long.parseUnsignedLong(parser.getString());
        }
        parser.skipChildren();
      }
      return 0;
    } catch (RuntimeException ex) {
      return 0;
    }
  }

  private void onReadyGuilds(Ready ready) {
    guilds.clear();
    guilds.addAll(ready.guildIds());
    guildCount = guilds.size();
    delivery.offer(new ShardConnected(id, ready.guilds().size()));
  }

  /** Pauses reading on the current connection while listeners are behind. */
  private final class ReadingFlowControl implements FlowControl {
    @Override
    public void pause() {
      Attempt attempt = current;
      if (attempt != null) {
        attempt.pauseReading(true);
      }
    }

    @Override
    public void resume() {
      Attempt attempt = current;
      if (attempt != null) {
        attempt.pauseReading(false);
      }
    }
  }

  // ------------------------------------------------------------------ one connection

  /** One connection attempt: the transport's handler and the client's listener. */
  private final class Attempt implements ConnectionHandler, GatewayClientListener {

    final GatewayClient client;
    private final DeferredSink sink = new DeferredSink();
    volatile Cancellable helloTimer;
    private volatile boolean opened;

    Attempt(SessionSnapshot parent) {
      this.client =
          GatewayClient.builder()
              .settings(settings)
              .sink(sink)
              .scheduler(context.scheduler())
              .clock(context.clock())
              .random(context.random().get())
              .identifyLimiter(context.identifyLimiter(), context.maxConcurrency())
              .resumeFrom(parent.resumable() ? parent : null)
              .maxPayloadBytes(options.maxPayloadBytes())
              .listener(this)
              .build();
    }

    void cancelTimers() {
      Cancellable timer = helloTimer;
      if (timer != null) {
        timer.cancel();
      }
    }

    void pauseReading(boolean paused) {
      client.setReadingPaused(paused);
      sink.pauseReading(paused);
    }

    void connectFailed(Throwable error) {
      // the RECONNECTING line that follows carries the reason
      log.debug("{} could not connect: {}", name, rootMessage(error));
      client.onTransportError(error);
      client.onClosed(
          CloseCode.ABNORMAL_CLOSURE.code(), "Connection failed: " + rootMessage(error));
    }

    void checkHello() {
      if (client.state() == ClientState.HELLO) {
        if (opened) {
          log.warn("{} no Hello within {}; dropping the connection", name, options.helloTimeout());
          client.disconnect("No Hello received");
        } else {
          log.warn("{} connection not open within {}", name, options.connectTimeout());
          sink.abort();
          client.onClosed(CloseCode.ABNORMAL_CLOSURE.code(), "Connect timed out");
        }
      }
    }

    // transport -> client

    @Override
    public void onOpen(GatewayConnection connection) {
      opened = true;
      sink.attach(connection);
      context.observer().connectionOpened(id);
      if (delivery.paused()) {
        pauseReading(true);
      }
    }

    @Override
    public void onText(String text) {
      context.observer().messageReceived(id, text.length(), false);
      client.onText(text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
      context.observer().messageReceived(id, data.remaining(), true);
      client.onBinary(data);
    }

    @Override
    public void onClosed(int code, String reason) {
      client.onClosed(code, reason);
    }

    @Override
    public void onError(Throwable error) {
      client.onTransportError(error);
    }

    // client -> shard

    @Override
    public void onStateChanged(ClientState previous, ClientState next) {
      ShardStatus mapped =
          switch (next) {
            case HELLO -> ShardStatus.CONNECTING;
            case IDENTIFYING -> ShardStatus.IDENTIFYING;
            case RESUMING -> ShardStatus.RESUMING;
            case CONNECTED -> ShardStatus.CONNECTED;
            case CLOSED -> null;
          };
      if (mapped == null) {
        return;
      }
      synchronized (lock) {
        if (this == current && running) {
          setStatusLocked(mapped, next == ClientState.CONNECTED ? "session live" : "");
          if (mapped == ShardStatus.CONNECTED) {
            connectedAt = context.clock().instant();
          }
        }
      }
    }

    @Override
    public void onPayloadDecompressed(int bytes) {
      context.observer().payloadDecompressed(id, bytes);
    }

    @Override
    public void onHello(Duration heartbeatInterval) {
      context.observer().helloReceived(id, heartbeatInterval);
    }

    @Override
    public void onIdentifySent() {
      identifies.incrementAndGet();
      context.observer().identified(id);
      handshake();
    }

    @Override
    public void onResumeSent() {
      resumes.incrementAndGet();
      context.observer().resumed(id);
      handshake();
    }

    private void handshake() {
      CompletableFuture<Void> future;
      synchronized (lock) {
        future = this == current ? handshakeStarted : null;
      }
      if (future != null) {
        future.complete(null);
      }
    }

    @Override
    public void onReady(Ready ready) {
      SessionSnapshot snapshot = client.snapshot();
      synchronized (lock) {
        if (this != current) {
          return;
        }
        session = snapshot;
      }
      onReadyGuilds(ready);
    }

    @Override
    public void onResumed() {
      delivery.offer(new ShardResumed(id, client.snapshot().sequence()));
    }

    @Override
    public void onDispatch(Dispatch dispatch) {
      if (this != current) {
        return;
      }
      sequence = dispatch.sequence();
      long now = System.nanoTime();
      if (lastDispatch == null || now - lastDispatchRefreshNanos >= 1_000_000L) {
        // reading the clock per event showed in profiles; a millisecond of staleness is fine here
        lastDispatchRefreshNanos = now;
        lastDispatch = context.clock().instant();
      }
      RawJson data = dispatch.data();
      context.observer().dispatchReceived(id, dispatch.type(), data == null ? 0 : data.length());
      delivery.offer(
          new ShardDispatch(
              id,
              dispatch.sequence(),
              dispatch.type(),
              dispatch.eventType(),
              data,
              System.nanoTime()));
      if (dispatch.eventType() == EventType.READY || dispatch.eventType() == EventType.RESUMED) {
        CompletableFuture<Void> future;
        synchronized (lock) {
          future = ready;
        }
        future.complete(null);
      }
    }

    @Override
    public void onHeartbeatAck(Duration roundTrip) {
      heartbeatRoundTrip = roundTrip;
      lastAck = context.clock().instant();
      context.observer().heartbeatAcknowledged(id, roundTrip);
    }

    @Override
    public void onPayloadSent(Opcode opcode, Duration waited) {
      context.observer().payloadSent(id, opcode, waited);
    }

    @Override
    public void onError(GatewayException error) {
      // the client logged it (protocol errors) or the close that follows reports it
      log.debug("{} {}: {}", name, error.kind(), error.getMessage());
    }

    @Override
    public void onClosed(CloseOutcome outcome) {
      sink.closed();
      attemptClosed(this, outcome);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
