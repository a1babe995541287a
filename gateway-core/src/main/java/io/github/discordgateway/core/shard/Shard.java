package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.ClientState;
import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.client.Dispatch;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.client.NextStep;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.codec.PayloadEncoder;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.event.DeliveryQueue;
import io.github.discordgateway.core.event.FlowControl;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.internal.SerialExecutor;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.GatewayCommand;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Supervises one shard across connections: opens a {@link ShardConnection}, and when it closes
 * decides by its outcome whether to resume (a new connection from the old session, on {@code
 * resume_gateway_url}), identify again, or stop for good. Reconnects back off exponentially with
 * full jitter, capped, and the attempts count from zero again after a connection stayed up for
 * {@link BackoffPolicy#resetAfter()}. A shard that keeps failing never spins.
 *
 * <p>One thread of truth: every input of the shard (start, stop, commands, timers, and everything
 * its connection's client reports) runs on one serial executor, on the thread that brings it when
 * the shard is idle. Nothing is locked, and the session store, observers and listeners are never
 * called under a lock. Accessors read volatile snapshots.
 *
 * <p>Dispatches and lifecycle events go to the listener through a bounded {@link DeliveryQueue} on
 * the shared delivery executor: in order, never on the socket reader or the scheduler thread. When
 * the queue is full the shard pauses reading from its socket until listeners catch up; heartbeats
 * keep going and nothing is dropped. Commands sent while the shard reconnects wait for the next
 * session (up to the context's command timeout).
 *
 * <pre>{@code
 * Shard shard = manager.shard(0).orElseThrow();  // shards are made by a ShardManager
 * shard.start().join();         // READY or RESUMED
 * shard.send(new UpdatePresence(...));
 * shard.stop();                 // resumable close, session kept in the SessionStore
 * }</pre>
 */
public final class Shard {

  private final int id;
  private final int count;
  private final GatewaySettings settings;
  private final ShardContext context;
  private final ShardOptions options;
  private final String name;
  private final SerialExecutor serial;
  private final ShardDelivery delivery;
  private final ShardSupervisor supervisor;
  private final WaitingCommands waiting;

  // written on the serial executor; volatile for the accessors
  private volatile ShardConnection current;
  private final ShardStats stats;

  /**
   * Creates a shard (its {@link ShardManager} does); it connects on {@link #start()}.
   *
   * @param settings what to identify with; its shard must be set
   * @param context the resources shared by the shards of this process
   * @param options connection and delivery settings
   * @param listener receives dispatches and lifecycle events
   */
  Shard(
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
    this.name = "[shard " + id + "/" + count + "]";
    this.stats = new ShardStats(context.clock());
    this.serial = SerialExecutor.inline(context.sendExecutor());
    this.delivery =
        new ShardDelivery(
            id, name, context, options, Objects.requireNonNull(listener, "listener"), flow());
    this.supervisor = new ShardSupervisor(this, delivery, serial);
    this.waiting = new WaitingCommands(name, context, serial);
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
    return begin().ready();
  }

  /** Starts (as {@link #start()}) and returns both futures of this start, for the wave gate. */
  ShardSupervisor.Start begin() {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    CompletableFuture<Void> handshake = new CompletableFuture<>();
    serial.execute(() -> supervisor.start(ready, handshake));
    return new ShardSupervisor.Start(ready, handshake);
  }

  /**
   * Returns a future that completes once this shard sent Identify or Resume on its current start
   * (or stopped trying): the shard manager starts the next identify bucket after it.
   */
  public CompletableFuture<Void> handshakeStarted() {
    return supervisor.handshakeStarted();
  }

  /** Returns the future of the current start: completes at READY or RESUMED. */
  public CompletableFuture<Void> ready() {
    return supervisor.ready();
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
    CompletableFuture<Void> done = new CompletableFuture<>();
    serial.execute(
        () -> {
          waiting.failAll(name + " was stopped");
          supervisor.shutdown(logout, done);
        });
    return done;
  }

  /**
   * Drops the current connection with a resumable code and resumes on a new one (for operators and
   * tests). A stopped or fatal shard is not restarted.
   */
  public void reconnect() {
    serial.execute(
        () -> {
          ShardConnection connection = current;
          if (connection != null && supervisor.running()) {
            connection.client.disconnect("Reconnect requested");
          }
        });
  }

  /**
   * Sends a gateway command on this shard, once the session is live and within the rate limit.
   * While the shard reconnects, the command waits for the next session, up to the command timeout
   * ({@link ShardManagerBuilder#commandTimeout(java.time.Duration)}).
   *
   * @param command the command (validated when it was built)
   * @return completes when the command was handed to the connection; fails with {@code
   *     NOT_CONNECTED} when the shard is stopped, or {@code TIMEOUT} when no session came in time
   * @throws GatewayException of kind {@code PAYLOAD_TOO_LARGE} for a command over 4096 bytes
   */
  public CompletableFuture<Void> send(GatewayCommand command) {
    settings.encoding().checkSize(command.opcode(), PayloadEncoder.encode(command));
    CompletableFuture<Void> result = new CompletableFuture<>();
    serial.execute(() -> waiting.route(current, supervisor.running(), command, result));
    return result;
  }

  /** Returns a point-in-time view of this shard (no token). */
  public ShardState state() {
    return supervisor.state(stats, delivery.guildCount());
  }

  /** Returns what the shard is doing. */
  public ShardStatus status() {
    return supervisor.status();
  }

  /** Returns the fatal error that stopped this shard, if any. */
  public GatewayException fatalError() {
    return supervisor.fatalError();
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

  // ------------------------------------------------------------------ for the supervisor

  String name() {
    return name;
  }

  GatewaySettings settings() {
    return settings;
  }

  ShardContext context() {
    return context;
  }

  ShardOptions options() {
    return options;
  }

  ShardStats stats() {
    return stats;
  }

  boolean listenersBehind() {
    return delivery.paused();
  }

  /** Opens a new connection for {@code parent} (on the serial executor). */
  ShardConnection open(SessionSnapshot parent) {
    ShardConnection connection = new ShardConnection(this, serial, delivery, parent);
    current = connection;
    connection.open(parent);
    return connection;
  }

  void forget(ShardConnection connection) {
    if (current == connection) {
      current = null;
    }
  }

  // ------------------------------------------------------------------ from the connection

  void phaseChanged(ShardConnection connection, ClientState next) {
    if (connection == current) {
      supervisor.phaseChanged(next);
      if (next == ClientState.CONNECTED) {
        waiting.flushTo(connection.client);
      }
    }
  }

  /** Returns the supervisor when {@code connection} is still the current one, else null. */
  ShardSupervisor supervisorFor(ShardConnection connection) {
    return connection == current ? supervisor : null;
  }

  /** Queues a lifecycle event of {@code connection} for the listeners, if it is still current. */
  void report(ShardConnection connection, ShardEvent event) {
    if (connection == current) {
      delivery.offer(event);
    }
  }

  void dispatched(ShardConnection connection, Dispatch dispatch) {
    if (connection != current) {
      return;
    }
    stats.dispatched(dispatch.sequence());
    RawJson data = dispatch.data();
    ShardObserver observer = context.observer();
    if (observer != ShardObserver.NONE) {
      observer.on(
          new ShardSignal.DispatchReceived(id, dispatch.type(), data == null ? 0 : data.length()));
    }
    delivery.offer(
        new ShardDispatch(
            id,
            dispatch.sequence(),
            dispatch.type(),
            dispatch.eventType(),
            data,
            System.nanoTime()));
    if (dispatch.eventType() == EventType.READY || dispatch.eventType() == EventType.RESUMED) {
      supervisor.live();
    }
    if (delivery.size() >= delivery.overflowLimit()) {
      connection.overflowed(delivery.size());
    }
  }

  void connectionClosed(ShardConnection connection, CloseOutcome outcome) {
    if (connection == current) {
      supervisor.connectionClosed(outcome);
    }
    if (!supervisor.running()) {
      waiting.failAll(
          outcome.nextStep() == NextStep.STOP_FATAL
              ? name + " stopped after a fatal close"
              : name + " was stopped");
    }
  }

  /**
   * Pauses reading on the current connection while listeners are behind. Pause and resume calls may
   * arrive in any order: each applies the queue's wish as it stands when it runs.
   */
  private FlowControl flow() {
    Runnable apply =
        () -> {
          ShardConnection connection = current;
          if (connection != null) {
            connection.pauseReading(delivery.paused());
          } else if (!delivery.paused()) {
            supervisor.listenersCaughtUp();
          }
        };
    return FlowControl.of(() -> serial.execute(apply));
  }
}
