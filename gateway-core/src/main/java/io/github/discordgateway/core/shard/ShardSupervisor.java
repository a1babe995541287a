package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.ClientState;
import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.client.NextStep;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.event.ShardFatal;
import io.github.discordgateway.core.event.ShardReconnecting;
import io.github.discordgateway.core.event.ShardStateChanged;
import io.github.discordgateway.core.internal.SerialExecutor;
import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.shard.internal.ReconnectBackoff;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor of a {@link Shard}: its status, the session handed from one connection to the next
 * (and to the session store), the reconnect backoff, and the futures of a start and a stop. Every
 * method except the accessors runs on the shard's serial executor; the accessors read volatile
 * fields.
 */
final class ShardSupervisor {

  private static final Logger log = LoggerFactory.getLogger(Shard.class);

  /** The two futures of one start: the live session, and the sent Identify or Resume. */
  record Start(CompletableFuture<Void> ready, CompletableFuture<Void> handshake) {}

  private final Shard shard;
  private final ShardDelivery delivery;
  private final SerialExecutor serial;
  private final ShardContext context;
  private final ReconnectBackoff backoff;
  private final UnreadablePayloads unreadable;
  private final int id;
  private final int count;

  private ShardConnection connection;
  private SessionSnapshot session = SessionSnapshot.NONE;
  private boolean running;
  private Cancellable pendingConnect;
  private Instant connectedAt;
  private boolean waitingForListeners;
  private volatile ShardStatus status = ShardStatus.STOPPED;
  private volatile Instant statusSince;
  private volatile String statusReason = "";
  private volatile String sessionId;
  private volatile int attempts;
  private volatile int lastCloseCode = -1;
  private volatile String lastCloseReason = "";
  private volatile GatewayException fatalError;
  private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
  private volatile CompletableFuture<Void> handshake = new CompletableFuture<>();
  private CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);
  private volatile long connections;
  private volatile long identifies;
  private volatile long resumes;

  ShardSupervisor(Shard shard, ShardDelivery delivery, SerialExecutor serial) {
    this.shard = shard;
    this.delivery = delivery;
    this.serial = serial;
    this.context = shard.context();
    this.id = shard.id();
    this.count = shard.count();
    this.backoff = new ReconnectBackoff(shard.options().backoff(), context.random().get());
    this.unreadable = new UnreadablePayloads(shard.name());
    this.statusSince = context.clock().instant();
  }

  // ------------------------------------------------------------------ start and stop

  void start(CompletableFuture<Void> readyResult, CompletableFuture<Void> handshakeResult) {
    if (!running) {
      running = true;
      fatalError = null;
      if (ready.isDone()) {
        ready = new CompletableFuture<>();
      }
      if (handshake.isDone()) {
        handshake = new CompletableFuture<>();
      }
      stopped = new CompletableFuture<>();
      session =
          context.sessionStore().load(id, count).filter(SessionSnapshot::resumable).orElse(session);
      backoff.reset();
      attempts = 0;
      connect();
    }
    WaitingCommands.forward(ready, readyResult);
    WaitingCommands.forward(handshake, handshakeResult);
  }

  void shutdown(boolean logout, CompletableFuture<Void> done) {
    if (!running) {
      if (logout) {
        session = SessionSnapshot.NONE;
        sessionId = null;
        context.sessionStore().remove(id, count);
      }
      WaitingCommands.forward(stopped, done);
      return;
    }
    running = false;
    if (pendingConnect != null) {
      pendingConnect.cancel();
      pendingConnect = null;
    }
    WaitingCommands.forward(stopped, done);
    ShardConnection open = connection;
    if (open != null && !open.client.isClosed()) {
      if (logout) {
        open.client.logout();
      } else {
        open.client.disconnect("Shutting down");
      }
    } else {
      finishStop(logout);
    }
  }

  boolean running() {
    return running;
  }

  private void connect() {
    pendingConnect = null;
    if (!running) {
      return;
    }
    if (delivery.paused()) {
      // reading would only pile up more: connect once the listeners caught up
      waitingForListeners = true;
      setStatus(ShardStatus.RECONNECTING, "waiting for listeners to catch up");
      return;
    }
    waitingForListeners = false;
    SessionSnapshot parent = session;
    setStatus(ShardStatus.CONNECTING, parent.resumable() ? "resuming" : "identifying");
    connections++;
    connection = shard.open(parent);
  }

  // ------------------------------------------------------------------ from the connection

  void phaseChanged(ClientState next) {
    if (!running) {
      return;
    }
    next.status()
        .ifPresent(
            status -> {
              setStatus(status, status == ShardStatus.CONNECTED ? "session live" : "");
              if (status == ShardStatus.CONNECTED) {
                connectedAt = context.clock().instant();
              }
            });
  }

  void handshakeSent(boolean resume) {
    if (resume) {
      resumes++;
      context.observer().on(new ShardSignal.Resumed(id));
    } else {
      identifies++;
      context.sessionStarts().identified();
      context.observer().on(new ShardSignal.Identified(id));
    }
    handshake.complete(null);
  }

  void sessionStarted(SessionSnapshot snapshot) {
    session = snapshot;
    sessionId = snapshot.sessionId();
  }

  void listenersCaughtUp() {
    if (waitingForListeners) {
      connect();
    }
  }

  void live() {
    ready.complete(null);
  }

  void connectionClosed(CloseOutcome outcome) {
    shard.forget(connection);
    connection = null;
    lastCloseCode = outcome.code();
    lastCloseReason = outcome.reason();
    if (outcome.zombie()) {
      setStatus(ShardStatus.ZOMBIE, "heartbeat not acknowledged");
    }
    boolean logout = outcome.nextStep() == NextStep.STOP_LOGOUT;
    // keep the session as the client left it: resumable, or discarded
    SessionSnapshot next = outcome.snapshot() == null ? SessionSnapshot.NONE : outcome.snapshot();
    if (outcome.nextStep() == NextStep.IDENTIFY || logout) {
      next = SessionSnapshot.NONE;
    }
    session = unreadable.filter(outcome, next);
    sessionId = session.sessionId();
    if (session.resumable()) {
      context.sessionStore().save(id, count, session);
    } else {
      context.sessionStore().remove(id, count);
    }
    if (outcome.nextStep() == NextStep.STOP_FATAL) {
      fatal(outcome);
    } else if (!running || logout) {
      finishStop(logout);
    } else {
      scheduleReconnect(outcome);
    }
  }

  // ------------------------------------------------------------------ endings

  private void fatal(CloseOutcome outcome) {
    GatewayException error =
        outcome.error() != null
            ? outcome.error()
            : new GatewayException(
                GatewayException.Kind.PROTOCOL_ERROR,
                "Fatal close " + outcome.code() + ": " + outcome.reason());
    running = false;
    fatalError = error;
    setStatus(ShardStatus.FATAL, ShardReasons.describeClose(outcome.code(), outcome.reason()));
    log.error(
        "{} stopped for good after close {} ({}): {}. Not retrying; fix the configuration.",
        shard.name(),
        outcome.code(),
        CloseCode.of(outcome.code()).description(),
        error.getMessage());
    delivery.offer(new ShardFatal(id, outcome.code(), error));
    ready.completeExceptionally(error);
    handshake.complete(null);
    stopped.complete(null);
  }

  private void finishStop(boolean logout) {
    running = false;
    if (logout) {
      session = SessionSnapshot.NONE;
      sessionId = null;
      context.sessionStore().remove(id, count);
    }
    setStatus(ShardStatus.STOPPED, logout ? "logged out" : "stopped");
    ready.completeExceptionally(
        new GatewayException(GatewayException.Kind.NOT_CONNECTED, shard.name() + " was stopped"));
    handshake.complete(null);
    stopped.complete(null);
  }

  private void scheduleReconnect(CloseOutcome outcome) {
    boolean resume = outcome.nextStep() == NextStep.RESUME && session.resumable();
    String reason = ShardReasons.reasonOf(outcome);
    Instant now = context.clock().instant();
    if (connectedAt != null
        && Duration.between(connectedAt, now).compareTo(shard.options().backoff().resetAfter())
            >= 0) {
      backoff.reset();
    }
    connectedAt = null;
    Duration delay;
    Duration suggested = outcome.suggestedDelay();
    if (suggested != null && !suggested.isZero()) {
      // op 9 came from a server that answered Hello: it is up, so wait what it asks (1-5 s), not
      // the backoff of an outage; the identify limiter still paces the identify that follows
      backoff.reset();
      delay = suggested;
    } else {
      delay = backoff.next();
    }
    attempts = backoff.attempts();
    int attemptNumber = Math.max(1, attempts);
    setStatus(
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
    pendingConnect = context.scheduler().schedule(() -> serial.execute(this::connect), delay);
    context
        .observer()
        .on(new ShardSignal.Reconnecting(id, ShardReasons.reasonTag(outcome), resume));
  }

  private void setStatus(ShardStatus next, String reason) {
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
          shard.name(),
          previous,
          next,
          statusReason.isEmpty() ? "" : " (" + statusReason + ")");
    }
    context.observer().on(new ShardSignal.StatusChanged(id, previous, next));
    delivery.offer(new ShardStateChanged(id, previous, next, statusReason));
  }

  // ------------------------------------------------------------------ accessors (any thread)

  CompletableFuture<Void> ready() {
    return ready;
  }

  CompletableFuture<Void> handshakeStarted() {
    return handshake;
  }

  ShardStatus status() {
    return status;
  }

  GatewayException fatalError() {
    return fatalError;
  }

  ShardState state(ShardStats stats, int guilds) {
    return new ShardState(
        id,
        count,
        status,
        statusSince,
        statusReason,
        attempts,
        lastCloseCode,
        lastCloseReason,
        stats.heartbeatRoundTrip(),
        stats.heartbeatInterval(),
        stats.lastAck(),
        stats.lastDispatch(),
        stats.sequence(),
        sessionId,
        guilds,
        connections,
        identifies,
        resumes);
  }
}
