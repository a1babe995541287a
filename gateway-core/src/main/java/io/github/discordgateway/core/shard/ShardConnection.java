package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.client.ClientState;
import io.github.discordgateway.core.client.CloseOutcome;
import io.github.discordgateway.core.client.Dispatch;
import io.github.discordgateway.core.client.GatewayClient;
import io.github.discordgateway.core.client.GatewayClientListener;
import io.github.discordgateway.core.client.SessionSnapshot;
import io.github.discordgateway.core.client.internal.GatewayUris;
import io.github.discordgateway.core.event.ShardConnected;
import io.github.discordgateway.core.event.ShardDisconnected;
import io.github.discordgateway.core.event.ShardResumed;
import io.github.discordgateway.core.internal.SerialExecutor;
import io.github.discordgateway.core.protocol.CloseCode;
import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.protocol.ReadySession;
import io.github.discordgateway.core.scheduling.Cancellable;
import io.github.discordgateway.core.shard.internal.DeferredSink;
import io.github.discordgateway.core.transport.ConnectionHandler;
import io.github.discordgateway.core.transport.GatewayConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a {@link Shard}: the transport's handler, the {@link GatewayClient} that speaks
 * the protocol on it, and the two timers of its opening (connect, then Hello). Its client runs on
 * the shard's serial executor, so every callback here runs there too and may touch the shard's
 * state; the transport's threads only decode frames and hand them over.
 */
final class ShardConnection implements ConnectionHandler, GatewayClientListener {

  private static final Logger log = LoggerFactory.getLogger(Shard.class);

  private final Shard shard;
  private final ShardContext context;
  private final ShardOptions options;
  private final SerialExecutor serial;
  private final DeferredSink sink = new DeferredSink();
  private final String name;
  final GatewayClient client;
  private Cancellable connectTimer;
  private Cancellable helloTimer;
  private boolean opened;
  // written on the serial executor; volatile for the reader's check in onReadComplete
  private volatile boolean readingPaused;
  private boolean overflowed;
  private final Runnable readEnded;
  private final Runnable flushDeliveries;
  private final Runnable caughtUp = this::caughtUp;
  // the transport's connection, for the reader thread's own pause (see onReadComplete)
  private volatile GatewayConnection transportConnection;
  // set by a reader that paused reading because the serial executor was behind; cleared on it
  private volatile boolean behind;
  // the thread that resumes reading on the serial executor: the transport may hand it the
  // messages it buffered right inside that call
  private volatile Thread resuming;

  ShardConnection(
      Shard shard, SerialExecutor serial, ShardDelivery delivery, SessionSnapshot parent) {
    this.shard = shard;
    this.context = shard.context();
    this.options = shard.options();
    this.serial = serial;
    this.name = shard.name();
    this.readEnded = delivery::readEnded;
    this.flushDeliveries = delivery::flush;
    this.client =
        GatewayClient.builder()
            .settings(shard.settings())
            .sink(sink)
            .sendExecutor(context.sendExecutor())
            .serialExecutor(serial)
            .scheduler(context.scheduler())
            .clock(context.clock())
            .random(context.random().get())
            .identifyLimiter(context.identifyLimiter(), context.maxConcurrency())
            .resumeFrom(parent.resumable() ? parent : null)
            .maxPayloadBytes(options.maxPayloadBytes())
            .listener(this)
            .build();
  }

  int shardId() {
    return shard.id();
  }

  /** Opens the connection (on the shard's executor). */
  void open(SessionSnapshot parent) {
    URI uri =
        GatewayUris.nextConnectUri(
            context.discoveryUrl(),
            parent,
            shard.settings().compression(),
            shard.settings().encoding());
    log.debug(
        "{} connecting to {}", name, uri.getScheme() + "://" + uri.getAuthority() + uri.getPath());
    CompletableFuture<GatewayConnection> future;
    try {
      future = context.transport().connect(uri, this, options.connectTimeout());
    } catch (RuntimeException ex) {
      future = CompletableFuture.failedFuture(ex);
    }
    future.whenComplete(
        (connection, error) -> {
          if (error != null) {
            serial.execute(() -> connectFailed(error));
          }
        });
    connectTimer = later(this::checkOpened, options.connectTimeout());
  }

  private Cancellable later(Runnable task, Duration delay) {
    return context.scheduler().schedule(() -> serial.execute(task), delay);
  }

  /** Whether per-message signals are wanted (they are not allocated otherwise). */
  private boolean observed() {
    return context.observer() != ShardObserver.NONE;
  }

  void cancelTimers() {
    if (connectTimer != null) {
      connectTimer.cancel();
    }
    if (helloTimer != null) {
      helloTimer.cancel();
    }
  }

  void pauseReading(boolean paused) {
    if (paused == readingPaused) {
      return;
    }
    readingPaused = paused;
    client.setReadingPaused(paused);
    if (behind) {
      // a reader paused the transport until this executor caught up: caughtUp() resumes it
      // unless listeners are behind by then (a second pause or resume would only make the
      // transport log a warning)
      return;
    }
    if (paused) {
      sink.pauseReading(true);
    } else {
      resuming = Thread.currentThread();
      try {
        sink.pauseReading(false);
      } finally {
        resuming = null;
      }
    }
  }

  /**
   * The backlog ran far past the queue's capacity: the transport did not stop reading when asked.
   * Closing resumably bounds the buffer without losing anything: the events already read are
   * delivered, and the next connection resumes after the last of them once listeners caught up.
   */
  void overflowed(int backlog) {
    if (!overflowed) {
      overflowed = true;
      log.warn(
          "{} listeners are {} events behind and the transport did not pause reading; closing"
              + " (resumable) until they catch up",
          name,
          backlog);
      client.disconnect("Listeners fell behind");
    }
  }

  private void connectFailed(Throwable error) {
    // the RECONNECTING line that follows carries the reason
    log.debug("{} could not connect: {}", name, ShardReasons.rootMessage(error));
    client.onTransportError(error);
    client.onClosed(
        CloseCode.ABNORMAL_CLOSURE.code(), "Connection failed: " + ShardReasons.rootMessage(error));
  }

  private void checkOpened() {
    if (!opened && !client.isClosed()) {
      log.warn("{} connection not open within {}", name, options.connectTimeout());
      sink.abort();
      client.onClosed(CloseCode.ABNORMAL_CLOSURE.code(), "Connect timed out");
    }
  }

  private void checkHello() {
    if (client.state() == ClientState.HELLO) {
      log.warn("{} no Hello within {}; dropping the connection", name, options.helloTimeout());
      client.disconnect("No Hello received");
    }
  }

  // ------------------------------------------------------------------ transport -> client

  @Override
  public void onOpen(GatewayConnection connection) {
    transportConnection = connection;
    serial.execute(
        () -> {
          opened = true;
          if (connectTimer != null) {
            connectTimer.cancel();
          }
          sink.attach(connection);
          context.observer().on(new ShardSignal.ConnectionOpened(shard.id()));
          if (shard.listenersBehind()) {
            pauseReading(true);
          }
          // Hello is due within helloTimeout of the open, whatever the handshake took
          helloTimer = later(this::checkHello, options.helloTimeout());
        });
  }

  @Override
  public void onText(String text) {
    if (observed()) {
      context.observer().on(new ShardSignal.MessageReceived(shard.id(), text.length(), false));
    }
    client.onText(text);
  }

  @Override
  public void onBinary(ByteBuffer data) {
    if (observed()) {
      context.observer().on(new ShardSignal.MessageReceived(shard.id(), data.remaining(), true));
    }
    client.onBinary(data);
  }

  /**
   * The transport handed over every message of one read. Normally the reader itself runs the
   * shard's serial executor and the messages are handled by now: the dispatches they brought go to
   * the delivery threads together. When another thread runs the executor (a timer, a delivery
   * thread resuming reading), the messages wait in its queue; a reader that kept reading then would
   * grow that queue without bound, past the delivery queue's back-pressure, so reading pauses until
   * the executor has handled this read.
   */
  @Override
  public void onReadComplete() {
    if (serial.tryEnter()) {
      try {
        readEnded.run();
      } finally {
        serial.exit();
      }
      return;
    }
    if (Thread.currentThread() == resuming) {
      // the executor's own thread, inside resumeReading: its queue holds only what the transport
      // had buffered
      serial.execute(readEnded);
      return;
    }
    GatewayConnection connection = transportConnection;
    if (connection != null && !behind && !readingPaused) {
      // the heartbeat ACK may be among what is not read now: like any pause of reading, this one
      // makes the client lenient about a missing ACK for the interval (queued before caughtUp)
      client.setReadingPaused(true);
      // paused before the flag is set: whoever clears the flag resumes after this pause
      connection.pauseReading();
      behind = true;
    }
    serial.execute(caughtUp);
  }

  private void caughtUp() {
    readEnded.run();
    if (!behind) {
      return;
    }
    behind = false;
    GatewayConnection connection = transportConnection;
    if (connection != null && !readingPaused) {
      client.setReadingPaused(false);
      resuming = Thread.currentThread();
      try {
        connection.resumeReading();
      } finally {
        resuming = null;
      }
    }
  }

  @Override
  public void onClosed(int code, String reason) {
    client.onClosed(code, reason);
    // nothing of this connection may wait for a read end that a closing transport skips
    serial.execute(flushDeliveries);
  }

  @Override
  public void onError(Throwable error) {
    client.onTransportError(error);
  }

  // ------------------------------------------------------------------ client -> shard

  @Override
  public void onStateChanged(ClientState previous, ClientState next) {
    shard.phaseChanged(this, next);
  }

  @Override
  public void onPayloadDecompressed(int bytes) {
    if (observed()) {
      context.observer().on(new ShardSignal.PayloadDecompressed(shard.id(), bytes));
    }
  }

  @Override
  public void onHello(Duration heartbeatInterval) {
    if (helloTimer != null) {
      helloTimer.cancel();
    }
    shard.stats().hello(heartbeatInterval);
    context.observer().on(new ShardSignal.HelloReceived(shard.id(), heartbeatInterval));
  }

  @Override
  public void onIdentifySent() {
    ShardSupervisor supervisor = shard.supervisorFor(this);
    if (supervisor != null) {
      supervisor.handshakeSent(false);
    }
  }

  @Override
  public void onResumeSent() {
    ShardSupervisor supervisor = shard.supervisorFor(this);
    if (supervisor != null) {
      supervisor.handshakeSent(true);
    }
  }

  @Override
  public void onReady(ReadySession ready) {
    ShardSupervisor supervisor = shard.supervisorFor(this);
    if (supervisor != null) {
      supervisor.sessionStarted(client.snapshot());
    }
    shard.report(this, new ShardConnected(shard.id(), ready.guilds().size()));
  }

  @Override
  public void onResumed() {
    shard.report(this, new ShardResumed(shard.id(), client.snapshot().sequence()));
  }

  @Override
  public void onDispatch(Dispatch dispatch) {
    shard.dispatched(this, dispatch);
  }

  @Override
  public void onHeartbeatAck(Duration roundTrip) {
    shard.stats().acknowledged(roundTrip);
    context.observer().on(new ShardSignal.HeartbeatAcknowledged(shard.id(), roundTrip));
  }

  @Override
  public void onPayloadSent(Opcode opcode, Duration waited) {
    context.observer().on(new ShardSignal.PayloadSent(shard.id(), opcode, waited));
  }

  @Override
  public void onError(GatewayException error) {
    // the client logged it (protocol errors) or the close that follows reports it
    log.debug("{} {}: {}", name, error.kind(), error.getMessage());
  }

  @Override
  public void onClosed(CloseOutcome outcome) {
    sink.closed();
    cancelTimers();
    shard.report(
        this,
        new ShardDisconnected(
            shard.id(),
            outcome.code(),
            outcome.reason(),
            outcome.nextStep(),
            outcome.closedLocally(),
            outcome.zombie()));
    shard.connectionClosed(this, outcome);
  }
}
